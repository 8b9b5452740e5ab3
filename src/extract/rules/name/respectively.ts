// Rule respectively-name: a figure read by rule respectively is a metric, named by its listed name, of the line's owner (or of the KPI word).

import { cleanName } from '../../names.js';
import { progress } from '../expect.js';
import type { NameRule } from '../types.js';
import { ownerName } from './owner.js';

export const respectivelyName: NameRule = {
  stage: 'name',
  name: 'respectively-name',
  description: 'a figure after 分别(为) is a metric named by its listed name; the item is the line\'s owner (a progress figure) or the KPI word (`崩溃率`)',
  accepts: [
    { text: '### 数据迁移\n\n订单库、用户库进度分别是 90%和 70%。', figure: '70%', expect: progress(70, '数据迁移', '用户库') },
  ],
  rejects: [],
  give(f, verdict, owners, lx) {
    const r = f.respectively;
    if (!r) return undefined;
    const metric = cleanName(r.name, lx) || r.name;
    if (verdict === 'kpi' && r.kpiName) return { project: r.kpiName, metric, own: true };
    const o = ownerName(owners);
    return o ? { ...o, metric } : { project: metric, metric: null, own: true };
  },
};
