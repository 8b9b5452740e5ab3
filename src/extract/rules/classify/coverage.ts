// Rule coverage: `100%有覆盖` without a progress word says how much is covered, not how far the work is.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const coverage: ClassifyRule = {
  stage: 'classify',
  name: 'coverage',
  description: 'a coverage figure without a progress word (`核心表100%有覆盖`) is not completion',
  accepts: [{ text: '1. 字段分级：核心表100%有覆盖(完成度88.5%)', figure: '100%', expect: ignored() }],
  rejects: [{ text: '1. 字段分级：核心表100%有覆盖(完成度88.5%)', figure: '88.5%', expect: progress(88.5, '字段分级') }],
  decide(f) {
    return /覆盖/u.test(`${f.label} ${f.after}`) && !f.progressHit ? { verdict: 'ignored', reason: 'a coverage figure, not completion', word: '覆盖' } : undefined;
  },
};
