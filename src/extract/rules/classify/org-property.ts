// Rule org-property: a progress property of an Org heading's drawer (`:PROGRESS: 40%`, `:COMPLETE: 15%`, `:进度: 65%`)
// is the progress of what the heading names. The reader keeps only such property lines of a heading's drawer.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

const PROPERTY = /^\s*:(progress|complete|completion|percent_?complete|done|进度|完成度|完成|進度):\s*$/iu;

export const orgProperty: ClassifyRule = {
  stage: 'classify',
  name: 'org-property',
  description: "a progress property in an Org heading's drawer (`:PROGRESS: 40%`, `:COMPLETE:`, `:进度:`) is the progress of what the heading names (a DONE heading without one is done only as a statement says, never 100 invented)",
  accepts: [
    { text: '## TODO 支付网关改造\n\n:PROGRESS: 40%', expect: progress(40, '支付网关改造') },
    { text: '## WIP Refund pipeline split\n\n:COMPLETE: 65%', expect: progress(65, 'Refund pipeline split') },
  ],
  rejects: [],
  decide(f) {
    if (f.ctx.kind !== 'paragraph' || f.n.slice(f.m.end).trim() !== '') return undefined;
    const p = PROPERTY.exec(f.n.slice(0, f.m.start));
    return p ? { verdict: 'progress', word: `:${p[1]}:` } : undefined;
  },
};
