// Rule kpi-word: operating figures named by a KPI word (成功率, 可用性, 转化率, SLA …; configurable `kpiWords`).

import { kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const kpiWord: ClassifyRule = {
  stage: 'classify',
  name: 'kpi-word',
  description: 'a figure labelled by a KPI word (成功率, 可用性, 转化率, SLA, uptime …) is an operating figure, never progress',
  accepts: [
    { text: '- 代扣成功率：99.95%', expect: kpi(99.95, '代扣成功率') },
    { text: '- 系统年度可用性：100%', expect: kpi(100, '系统年度可用性') },
    { text: '- Unit test coverage: 61%', expect: kpi(61, 'Unit test coverage') },
    { text: '- Monthly churn: 2.6%', expect: kpi(2.6, 'Monthly churn') },
  ],
  rejects: [
    { text: '- 支付成功率提升专项，进度40%', expect: progress(40, '支付成功率提升专项') },
    // A KPI word inside the name of a piece of work (`… cleanup`, `…看板`) does not make its figure a KPI.
    { text: '- Data retention cleanup: 85%', expect: progress(85, 'Data retention cleanup') },
  ],
  decide(f) {
    return f.kpiWord ? { verdict: 'kpi', reason: `an operating figure ("${f.kpiWord}")`, word: f.kpiWord } : undefined;
  },
};
