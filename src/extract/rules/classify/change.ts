// Rule change: the later figure of a change is a state even without a progress word (`特征工程：30% → 50%`).

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const change: ClassifyRule = {
  stage: 'classify',
  name: 'change',
  description: 'the later figure of a change (`由30%到50%`, `30% → 50%`) is progress even without a progress word (not in a heading)',
  accepts: [{ text: '- 特征工程：30% → 50%', figure: '50%', expect: progress(50, '特征工程', null, { prev: 30 }) }],
  rejects: [{ text: '- **告警治理**：无效告警占比从 46% 降到 22%', figure: '22%', expect: { verdict: 'kpi', percent: 22 } }],
  decide(f) {
    // A change of a share or rate (`无效告警占比从 46% 降到 22%`) is no progress.
    if (/(?:占比|比例|比重|\p{L}率)\s*$/u.test(f.label)) return undefined;
    return f.pair && f.ctx.kind !== 'heading' ? { verdict: 'progress' } : undefined;
  },
};
