// Rule respectively-figure: a figure read by rule respectively is progress (a progress word before 分别) or a KPI (a KPI word).

import { kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const respectivelyFigure: ClassifyRule = {
  stage: 'classify',
  name: 'respectively-figure',
  description: 'figures after 分别(为) that match names listed before a progress word are progress; before a KPI word, KPIs',
  accepts: [
    { text: '- 结算中心迁移：华北、华南两个机房进度分别为 80% 和 55%', figure: '55%', expect: progress(55, '结算中心迁移', '华南两个机房') },
    { text: '- 安卓、iOS 启动成功率分别为99.2%、99.6%', figure: '99.6%', expect: kpi(99.6, '启动成功率', 'iOS') },
  ],
  rejects: [],
  decide(f) {
    const r = f.respectively;
    if (!r) return undefined;
    if (r.progressWord) return { verdict: 'progress', word: r.progressWord };
    if (r.kpiWord) return { verdict: 'kpi', reason: `an operating figure ("${r.kpiWord}")`, word: r.kpiWord };
    return undefined;
  },
};
