// Rule bracket-name: a bracketed figure without words of its own (`数据确权：…(完成度98.52%)`, `[core] 237 / 248 (95.56%)`).

import { cleanName, isMetricWord } from '../../names.js';
import type { Lexicon } from '../../lexicon.js';
import { written } from '../../text.js';
import { progress } from '../expect.js';
import type { NameRule } from '../types.js';
import { ownerName } from './owner.js';

/** The metric word a clause opens with (`前端基本收尾` → `前端`, `iOS 提审` → `iOS`), else null. */
function partOf(clause: string, lx: Lexicon): string | null {
  const m = /^([A-Za-z0-9]+|[\p{Script=Han}]{2,3})/u.exec(clause);
  if (!m) return null;
  for (let len = Math.min(3, m[1]!.length); len >= 2; len--) {
    const w = m[1]!.slice(0, len);
    if (isMetricWord(w, lx) && clause.length > w.length) return w;
  }
  return /^[A-Za-z0-9]+$/u.test(m[1]!) && isMetricWord(m[1]!, lx) && clause.length > m[1]!.length ? m[1]! : null;
}

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
    // Back from the bracket to the last `,` or `:` of its segment; a `%` on the way belongs to another
    // figure, so these words are not this one's name. Scanning back only that far (not slicing the
    // whole segment before every bracket) keeps a long line linear (issue 8).
    const segStart = line.segmentStart(f.paren);
    let from = f.paren;
    let otherFigure = false;
    for (; from > segStart; from--) {
      const c = n[from - 1];
      if (c === ',' || c === ':') break;
      if (c === '%') {
        otherFigure = true;
        break;
      }
    }
    const before = otherFigure ? '' : n.slice(from, f.paren).replace(/\d+\s*\/\s*\d+\s*$/u, '');
    const inBracket = otherFigure ? '' : cleanName(written(line.t, from, from + before.length), lx);
    // `## 创作者激励计划（进度60%）`: a heading's figure in brackets is named by the words before them.
    const own = f.ctx.kind === 'heading' && inBracket !== '';
    const head = owners.head();
    // A part of the head's item before the bracket (`直播连麦：前端基本收尾（差不多九成）`) is the figure's metric.
    if (head) return { project: head, metric: partOf(inBracket, lx), own, by: 'line-head' };
    if (inBracket) return { project: inBracket, metric: null, own };
    const o = ownerName(owners);
    return o ? { ...o, own } : { project: '', metric: null, own };
  },
};
