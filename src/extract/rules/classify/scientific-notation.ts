// Rule scientific-notation: `1e400%` is no plain figure.

import { ignored } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const scientificNotation: ClassifyRule = {
  stage: 'classify',
  name: 'scientific-notation',
  description: 'a figure written with an exponent (`1e400%`) is not a plain percentage (ignored with a warning)',
  accepts: [{ text: '- 数据迁移，进度1e400%', expect: ignored() }],
  rejects: [],
  decide(f) {
    return f.m.exponent
      ? { verdict: 'ignored', reason: 'written in scientific notation, not a plain figure', warning: `${f.match} is not a plain percentage; ignored` }
      : undefined;
  },
};
