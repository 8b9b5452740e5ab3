// Rule rate: any `…率` without a progress word (`bug修复率 80%`) is an operating figure.

import { kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const rate: ClassifyRule = {
  stage: 'classify',
  name: 'rate',
  description: 'a label ending in `率` without a progress word is an operating figure (a rate)',
  accepts: [
    { text: '- 测试用例通过率95%，bug修复率 80%', figure: '80%', expect: kpi(80, 'bug修复率') },
    { text: '- Chargeback rate 0.31%, lower than in December', expect: kpi(0.31, 'Chargeback rate') },
  ],
  rejects: [{ text: '- 接口改造完成率 80%', expect: progress(80, '接口改造') }],
  decide(f) {
    if (!f.progressHit && /\p{L}率$/u.test(f.label)) {
      return { verdict: 'kpi', reason: `an operating figure (a rate: "${f.label.slice(-4)}")`, word: f.label.slice(-3) };
    }
    if (!f.progressHit && /\brate$/iu.test(f.label)) return { verdict: 'kpi', reason: 'an operating figure (a rate)', word: 'rate' };
    return undefined;
  },
};
