// Rule coverage: `100%有覆盖` without a progress word says how much is covered, not how far the work is.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const coverage: ClassifyRule = {
  stage: 'classify',
  name: 'coverage',
  description: 'a coverage figure without a progress word (`核心表100%有覆盖`) is not completion',
  accepts: [{ text: '1. 字段分级：核心表100%有覆盖(完成度88.5%)', figure: '100%', expect: ignored() }],
  rejects: [
    { text: '1. 字段分级：核心表100%有覆盖(完成度88.5%)', figure: '88.5%', expect: progress(88.5, '字段分级') },
    { text: '- **全链路压测平台**：覆盖核心链路 78%（32 / 41 条）', expect: progress(78, '全链路压测平台', '覆盖核心链路', { done: 32, total: 41 }) },
  ],
  decide(f) {
    // With a count beside it (`覆盖测试项 60%（36/60 项）`) it says how much of the work is done.
    if (f.hasFraction) return undefined;
    return /覆盖/u.test(`${f.label} ${f.after}`) && !f.progressHit ? { verdict: 'ignored', reason: 'a coverage figure, not completion', word: '覆盖' } : undefined;
  },
};
