// Rule heading-own-name: a heading's progress figure counts only when the heading names it (`## 支付网关改造 进度60%`).

import { ignored, progress } from '../expect.js';
import type { GuardRule } from '../types.js';

export const headingOwnName: GuardRule = {
  stage: 'guard',
  name: 'heading-own-name',
  description: "a progress figure in a heading counts only when the heading's own words name it (`## 进度80%的回顾` names nothing)",
  accepts: [{ text: '## 进度80%的回顾\n\n- 复盘完成', expect: ignored() }],
  rejects: [{ text: '## 支付网关改造 进度60%', expect: progress(60, '支付网关改造') }],
  check(f, verdict, naming) {
    if (f.ctx.kind !== 'heading' || verdict !== 'progress' || naming?.own) return undefined;
    return { verdict: 'ignored', reason: 'in a heading without a name of its own' };
  },
};
