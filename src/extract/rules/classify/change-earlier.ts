// Rule change-earlier: the earlier figure of a change (`由45%提升至60%`) is the later one's prev, not an item.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const changeEarlier: ClassifyRule = {
  stage: 'classify',
  name: 'change-earlier',
  description: 'the earlier figure of a change is kept as the later figure\'s prev, never an item of its own',
  accepts: [{ text: '- 搜索改版，从30%到50%', figure: '30%', expect: ignored() }],
  rejects: [{ text: '- 搜索改版，从30%到50%', figure: '50%', expect: progress(50, '搜索改版', null, { prev: 30 }) }],
  decide(f) {
    return f.line.isEarlier(f.k) ? { verdict: 'ignored', reason: 'earlier figure of a change (kept as prev of the later one)' } : undefined;
  },
};
