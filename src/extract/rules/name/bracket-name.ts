// Rule bracket-name: a bracketed figure without words of its own (`数据确权：…(完成度98.52%)`, `[core] 237 / 248 (95.56%)`).

import { cleanName } from '../../names.js';
import { written } from '../../text.js';
import { progress } from '../expect.js';
import type { NameRule } from '../types.js';
import { ownerName } from './owner.js';

export const bracketName: NameRule = {
  stage: 'name',
  name: 'bracket-name',
  description: 'a bracketed figure with no words of its own is named by the line head, else the words before the bracket',
  accepts: [
    { text: '1. 数据确权：主流业务数据100%有覆盖(完成度98.52%)', figure: '98.52%', expect: progress(98.52, '数据确权') },
    { text: '## 🚀 创作者激励计划（进度60%）', expect: progress(60, '创作者激励计划') },
  ],
  rejects: [],
  give(f, verdict, owners, lx) {
    if (verdict !== 'progress' || owners.own() || !f.inParens) return undefined;
    const { line } = f;
    const n = f.n;
    const segStart = line.segmentStart(f.paren);
    let before = n.slice(segStart, f.paren);
    const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'));
    const from = segStart + (cut >= 0 ? cut + 1 : 0);
    before = n.slice(from, f.paren).replace(/\d+\s*\/\s*\d+\s*$/u, '');
    const inBracket = before.includes('%') ? '' : cleanName(written(line.t, from, from + before.length), lx);
    // `## 创作者激励计划（进度60%）`: a heading's figure in brackets is named by the words before them.
    const own = f.ctx.kind === 'heading' && inBracket !== '';
    const head = owners.head();
    if (head) return { project: head, metric: null, own, by: 'line-head' };
    if (inBracket) return { project: inBracket, metric: null, own };
    const o = ownerName(owners);
    return o ? { ...o, own } : { project: '', metric: null, own };
  },
};
