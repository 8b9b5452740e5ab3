// Rule metrics-section: figures listed under a metrics heading or intro line (`运行数据`, `成功率：`) are operating figures.

import { kpi } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const metricsSection: ClassifyRule = {
  stage: 'classify',
  name: 'metrics-section',
  description: 'a figure without a progress word under a metrics heading, parent or intro line (运行数据, 核心指标, `成功率：`) is an operating figure',
  accepts: [
    { text: '成功率：\n\n- 入金：99.9%\n- 出金：99.8%', expect: kpi(99.9, '入金') },
    { text: '## 【核心指标】\n\n- 下单：99.9%', expect: kpi(99.9, '下单') },
  ],
  rejects: [],
  decide(f) {
    return f.ctx.kpiSection && !f.hasFraction ? { verdict: 'kpi', reason: 'an operating figure (listed under a metrics heading)' } : undefined;
  },
};
