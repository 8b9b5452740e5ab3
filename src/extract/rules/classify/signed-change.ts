// Rule signed-change: `+5%` is a change, not a level.

import { ignored } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const signedChange: ClassifyRule = {
  stage: 'classify',
  name: 'signed-change',
  description: 'a figure written with a plus sign (`+5%`) is a change, not a level',
  accepts: [{ text: '- 新手引导进度 +15%', expect: ignored() }],
  rejects: [],
  decide(f) {
    return f.m.sign === '+' ? { verdict: 'ignored', reason: 'a signed change, not a level' } : undefined;
  },
};
