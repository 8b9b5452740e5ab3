// Rule arrow-result: `- **Ledger v2** — schema frozen, backfill on 2 of 3 shards → 60%` — an account of the week's
// work that ends in an arrow and a figure: where the item the line opens with now stands.

import { progress } from '../expect.js';
import type { FigureFacts } from '../../facts.js';
import type { ClassifyRule, NameRule } from '../types.js';
import { ownerName } from '../name/owner.js';

const ARROW_END = /(?:→|->|=>|⇒|⟶)$/u;

function isArrowResult(f: FigureFacts): boolean {
  if (f.ctx.kind === 'heading' || f.pair || f.inParens || !ARROW_END.test(f.label)) return false;
  // The figure ends its segment (a remark in brackets may follow), and the line opens with a name before it.
  const rest = f.n.slice(f.m.end, f.line.segmentEnd(f.segment)).trim();
  if (rest !== '' && !/^[(\[【]/u.test(rest)) return false;
  const head = f.line.head;
  return !!head && head.end <= f.labelStart;
}

export const arrowResult: ClassifyRule = {
  stage: 'classify',
  name: 'arrow-result',
  description: 'a line that opens with a name and tells of its work, ending in an arrow and a figure (`… prod-c pending → 75%`), gives that name\'s progress',
  accepts: [
    { text: '- **Ledger v2** @Mia — schema frozen, backfill running on 2 of 3 shards → 60%.', expect: progress(60, 'Ledger v2') },
    { text: '- 账单中心：对账脚本重写完，补数跑完 → 80%', expect: progress(80, '账单中心') },
  ],
  rejects: [{ text: '- 账单中心：进度 40% → 55%', figure: '55%', expect: progress(55, '账单中心', null, { prev: 40 }) }],
  decide(f) {
    return isArrowResult(f) ? { verdict: 'progress', word: '→' } : undefined;
  },
};

/** Such a figure's own words are the account of work: the line's opening name is the item. */
export const arrowResultName: NameRule = {
  stage: 'name',
  name: 'arrow-result-name',
  description: 'a figure after an account of work and an arrow is named by the line\'s opening name',
  accepts: [{ text: '- Ledger v2: schema frozen, backfill running → 60%', expect: progress(60, 'Ledger v2', null) }],
  rejects: [],
  give(f, verdict, owners) {
    return verdict === 'progress' && isArrowResult(f) ? ownerName(owners) : undefined;
  },
};
