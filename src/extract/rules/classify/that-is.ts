// Rule that-is: `小批试产 200/500 套，即 40%`, `environment kit at 3/4 — call it 75%` — a connective saying "that is"
// after an account of work done: the figure is where the item the line opens with stands.

import { progress, ignored } from '../expect.js';
import type { FigureFacts } from '../../facts.js';
import type { ClassifyRule, NameRule } from '../types.js';
import { ownerName } from '../name/owner.js';

const THAT_IS = /(?:^|[\s,—–-])(?:即|也就是|也即|相当于|折合|约合|call it|i\.?e\.?|that is|so about|so roughly)$/iu;

function isThatIs(f: FigureFacts): boolean {
  if (f.ctx.kind === 'heading' || f.inParens || f.pair || !THAT_IS.test(f.label.replace(/[\s,]+$/u, '').trim())) return false;
  const head = f.line.head;
  return (!!head && head.end < f.labelStart) || f.ctx.parentName() !== '';
}

export const thatIs: ClassifyRule = {
  stage: 'classify',
  name: 'that-is',
  description: 'a figure after a connective saying "that is" (`即`, `相当于`, `call it`, `i.e.`) following an account of work gives the progress of the line\'s item',
  accepts: [
    { text: '- **电池与充电**：磁吸充电座小批试产 200/500 套，即 40%，温升达标。', expect: progress(40, '电池与充电') },
    { text: '- **Art**: environment kit for the Marsh at 3/4 — call it 75%.', expect: progress(75, 'Art') },
  ],
  rejects: [{ text: '本周 12 人中 3 人请假，即 25%。', expect: ignored() }],
  decide(f) {
    return isThatIs(f) ? { verdict: 'progress', word: THAT_IS.exec(f.label.replace(/[\s,]+$/u, '').trim())![0].replace(/^[\s,—–-]+/u, '') } : undefined;
  },
};

export const thatIsName: NameRule = {
  stage: 'name',
  name: 'that-is-name',
  description: 'a figure after "that is" is named by the line\'s opening name (or its parent item)',
  accepts: [{ text: '- 老化房扩容：电气安装 3/10 台，相当于 30%', expect: progress(30, '老化房扩容', null) }],
  rejects: [],
  give(f, verdict, owners) {
    return verdict === 'progress' && isThatIs(f) ? ownerName(owners) : undefined;
  },
};
