// Rule head-bracket: `隐私合规整改：4 项问题已整改 3 项（75%）` — a named line whose account of work done ends in its figure.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const headBracket: ClassifyRule = {
  stage: 'classify',
  name: 'head-bracket',
  description:
    'a line that opens with a name and a colon and ends with a bracketed figure after an account of work done (`已整改 3 项（75%）`, `✅ 全部整改完成（100%）`) is that name\'s progress',
  accepts: [
    { text: '**隐私合规整改**：工信部通报的 4 项问题已整改 3 项（75%）', expect: progress(75, '隐私合规整改') },
    { text: '**隐私合规整改**：✅ 全部整改完成并通过复检（100%）', expect: progress(100, '隐私合规整改') },
    { text: '- 关卡「天阙遗迹」：5 个关卡已完成 3 个（60%），剩下两个是 Boss 关', expect: progress(60, '关卡「天阙遗迹」') },
    { text: '- UI 新春皮肤：全部交付（100%）', expect: progress(100, 'UI 新春皮肤') },
  ],
  rejects: [{ text: '- 灰度发布：本周开放（10%），观察一周', expect: { verdict: 'ignored' } }],
  decide(f, lx) {
    if (f.ctx.kind === 'heading' || !f.inParens || !f.bareLabel || f.n[f.m.end] !== ')') return undefined;
    const head = f.line.head;
    if (!head || f.n[head.end] !== ':') return undefined;
    // The bracket ends its clause (a full stop, a comma and more remarks may follow), and the words before it tell
    // of work done or delivered.
    const next = f.n.slice(f.m.end + 1).trimStart();
    if (next !== '' && !/^[,;。.!?]/u.test(next)) return undefined;
    if (f.paren - head.end > 120) return undefined;
    const told = f.n.slice(head.end + 1, f.paren);
    return /已|✅|交付|上线|投产|验收|发布|shipped|delivered|released|\blive\b/iu.test(told) || lx.lists.progressWords.find(told) ? { verdict: 'progress' } : undefined;
  },
};
