// Rule change: the later figure of a change is a state even without a progress word (`特征工程：30% → 50%`).

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

const ROLLOUT = /灰度|放量|流量|traffic/iu;

export const change: ClassifyRule = {
  stage: 'classify',
  name: 'change',
  description: 'the later figure of a change (`由30%到50%`, `30% → 50%`) is progress even without a progress word (not in a heading)',
  accepts: [
    { text: '- 特征工程：30% → 50%', figure: '50%', expect: progress(50, '特征工程', null, { prev: 30 }) },
    { text: '- 规则引擎升级：灰度流量从 20% 提到 50%，下周三全量', figure: '50%', expect: ignored() },
  ],
  rejects: [{ text: '- **告警治理**：无效告警占比从 46% 降到 22%', figure: '22%', expect: { verdict: 'kpi', percent: 22 } }],
  // (A rollout widening is decided here too, as no progress.)
  decide(f) {
    // A change of a share or rate (`无效告警占比从 46% 降到 22%`) is no progress.
    if (/(?:占比|比例|比重|\p{L}率)\s*$/u.test(f.label)) return undefined;
    // A rollout widening (`灰度流量从 20% 提到 50%`, `放量 5% → 20%`, `traffic 10% → 25%`; a `Tracing rollout` is a piece of work) is how many users see it, not
    // how far the work is.
    if (f.pair && ROLLOUT.test(f.label)) return { verdict: 'ignored', reason: 'a rollout share, not progress', word: ROLLOUT.exec(f.label)![0] };
    return f.pair && f.ctx.kind !== 'heading' ? { verdict: 'progress' } : undefined;
  },
};
