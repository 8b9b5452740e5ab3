// Rule name-colon: `商户入网改造：35%` — a name, a colon and the figure alone make a progress line.

import { isNameLike, stripMarkers, stripStatus } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const nameColon: ClassifyRule = {
  stage: 'classify',
  name: 'name-colon',
  description: 'a name, a colon and nothing after the figure (`商户入网改造：35%`) outside a metrics block is progress',
  accepts: [{ text: '- 商户入网改造：35%', expect: progress(35, '商户入网改造') }],
  rejects: [],
  decide(f, lx) {
    if (f.ctx.kind === 'heading' || !f.hadColon) return undefined;
    if (!isNameLike(stripStatus(stripMarkers(f.label), lx))) return undefined;
    return f.after.replace(/^[\s)\]】]+/u, '').trim() ? undefined : { verdict: 'progress' };
  },
};
