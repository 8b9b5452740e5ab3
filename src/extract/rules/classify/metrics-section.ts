// Rule metrics-section: figures listed under a metrics heading or intro line (`运行数据`, `成功率：`) are operating figures.

import { ignored, kpi } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const metricsSection: ClassifyRule = {
  stage: 'classify',
  name: 'metrics-section',
  description: 'a figure without a progress word under a metrics heading, parent or intro line (运行数据, 核心指标, `成功率：`) is an operating figure; one in the bracketed remark on the figure before it is no figure of its own',
  accepts: [
    { text: '成功率：\n\n- 入金：99.9%\n- 出金：99.8%', expect: kpi(99.9, '入金') },
    { text: '## 【核心指标】\n\n- 下单：99.9%', expect: kpi(99.9, '下单') },
    // A figure in the bracketed remark on a listed figure explains it: no figure of its own.
    { text: '## 运营数据\n\n1. 准时送达率：95.2%（周二降雪，运力缺口约 15%）', figure: '15%', expect: ignored() },
  ],
  rejects: [],
  decide(f) {
    if (f.ctx.kpiSection && f.inParens && f.k > 0 && f.line.figures[f.k - 1]!.end <= f.paren) {
      return { verdict: 'ignored', reason: 'a remark in brackets on the operating figure before it' };
    }
    return f.ctx.kpiSection && !f.hasFraction ? { verdict: 'kpi', reason: 'an operating figure (listed under a metrics heading)' } : undefined;
  },
};
