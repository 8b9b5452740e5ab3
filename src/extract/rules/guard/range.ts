// Rule range: a progress or KPI figure must lie in 0–100.

import { ignored } from '../expect.js';
import type { GuardRule } from '../types.js';

export const range: GuardRule = {
  stage: 'guard',
  name: 'range',
  description: 'a figure outside 0–100 (`压测进度150%`, `-5%`) is not taken, with a warning',
  accepts: [
    { text: '- 压测进度150%', expect: ignored() },
    { text: '- 权限改造，进度-5%', expect: ignored() },
  ],
  rejects: [],
  check(f, verdict) {
    const v = f.m.value;
    if (Number.isFinite(v) && v >= 0 && v <= 100) return undefined;
    return { verdict: 'ignored', reason: 'outside 0–100', warning: `${f.match} is outside 0–100; not taken as ${verdict}` };
  },
};
