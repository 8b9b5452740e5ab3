// Rule name-colon: `商户入网改造：35%` — a name, a colon and the figure alone make a progress line.

import { isNameLike, stripMarkers, stripStatus } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const nameColon: ClassifyRule = {
  stage: 'classify',
  name: 'name-colon',
  description: 'a name, a colon and nothing after the figure (`商户入网改造：35%`) outside a metrics block is progress',
  accepts: [
    { text: '- 商户入网改造：35%', expect: progress(35, '商户入网改造') },
    { text: '- Email campaign builder: 25% - scope grew, A/B testing is now in', expect: progress(25, 'Email campaign builder') },
  ],
  rejects: [],
  decide(f, lx) {
    if (f.ctx.kind === 'heading' || !f.hadColon) return undefined;
    if (!isNameLike(stripStatus(stripMarkers(f.label), lx))) return undefined;
    // Nothing after the figure but a closing bracket, or a remark after a spaced dash (`25% - scope grew`).
    const rest = f.after.replace(/^[\s)\]】]+/u, '').trim();
    return rest && !/^(?:-|–|—+)\s/u.test(rest) ? undefined : { verdict: 'progress' };
  },
};
