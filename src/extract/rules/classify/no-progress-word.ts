// Rule no-progress-word: the last rule — a figure nothing above recognised is not taken.

import { ignored } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const noProgressWord: ClassifyRule = {
  stage: 'classify',
  name: 'no-progress-word',
  description: 'a figure no rule above recognised (a bare `占比 10%`, a figure in prose without a progress word) is not taken',
  accepts: [
    { text: '- iOS用户占比35%，Android 灰度 10%', figure: '10%', expect: ignored() },
    { text: '本周用户反馈中 12% 与登录有关', expect: ignored() },
  ],
  rejects: [],
  decide(f) {
    if (/占比/u.test(f.label)) return { verdict: 'ignored', reason: 'a share, not progress', word: '占比' };
    return { verdict: 'ignored', reason: f.ctx.kind === 'heading' ? 'in a heading without a progress word' : 'no progress word nearby' };
  },
};
