// Rule name-bracket: `- **发票中心**（65%）`, `3. Search revamp (40%) — index rebuilt` — an item that is a name with its
// figure in brackets right after it: the figure is that name's progress.

import { isBoundaryAt } from '../../facts.js';
import { isNameLike, stripStatus } from '../../names.js';
import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const nameBracket: ClassifyRule = {
  stage: 'classify',
  name: 'name-bracket',
  description: 'an item that opens with a name and its bracketed figure (`- **发票中心**（65%）`, `3. Search revamp (40%) — index rebuilt`) is that name\'s progress',
  accepts: [
    { text: '- **电子合同中心**（65%）', expect: progress(65, '电子合同中心') },
    { text: '3. Search revamp (40%) — index rebuilt, ranking next', expect: progress(40, 'Search revamp') },
    { text: '4) Loyalty points on hotel bookings\n   Not started (0%), kickoff Jan 13.', expect: progress(0, 'Loyalty points on hotel bookings') },
  ],
  rejects: [
    { text: '- 灰度发布：本周开放（10%），观察一周', expect: ignored() },
    { text: '- 支付成功率（99.2%）', expect: ignored() },
    { text: '- 新用户占比（35%）', expect: ignored() },
  ],
  decide(f, lx) {
    if (f.ctx.kind === 'heading' || f.ctx.kind === 'code' || !f.inParens || !f.bareLabel || f.k !== 0 || f.n[f.m.end] !== ')') return undefined;
    const { n, line } = f;
    if (f.paren - line.markerEnd > 60) return undefined;
    // The bracket follows the item's whole first clause: nothing before it but its name.
    for (let i = line.markerEnd; i < f.paren; i++) if (isBoundaryAt(n, i)) return undefined;
    const name = n.slice(line.markerEnd, f.paren).trim();
    // A status with its figure (`Not started (0%)`, `进行中（40%）`) is where the item it is said of stands.
    if (lx.lists.statusWords.is(name)) return { verdict: 'progress' };
    if (!isNameLike(stripStatus(name, lx)) || /率|占比|比例|share|rate/iu.test(name) || lx.lists.kpiWords.find(name)) return undefined;
    return { verdict: 'progress' };
  },
};
