// Rule state-verb: English states a level with a verb — `nursing is at 72%`, `Engineering had reached roughly 45%`.

import { isNameLike } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

const STATE = /^(?:(?:is|are|was|were|stands?|stood|sits?|lags?|had|has|have)\s+)?(?:at|reached)$/i;

export const stateVerb: ClassifyRule = {
  stage: 'classify',
  name: 'state-verb',
  description: 'in English, a name and a verb of state before the figure (`is at`, `reached`, `lag at`) give its progress',
  accepts: [
    { text: '- Staff training: 1,240 of 1,900 staff trained (65%); nursing is at 72%, consultants lag at 38%.', figure: '72%', expect: progress(72, 'Staff training', 'nursing') },
    { text: '**Loyalty points.** On hold. Engineering had reached roughly 45% and we are parking it.', expect: progress(45, 'Loyalty points', 'Engineering') },
  ],
  rejects: [{ text: '- Payment success rate held at 97.8% through the weekend', expect: { verdict: 'kpi', percent: 97.8 } }],
  decide(f) {
    if (f.ctx.kind === 'heading' || !f.verb || !STATE.test(f.verb) || !isNameLike(f.label)) return undefined;
    return { verdict: 'progress', word: f.verb };
  },
};
