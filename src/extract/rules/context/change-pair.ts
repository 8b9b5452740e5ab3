// Rule change-pair: `由45%提升至60%`, `从30%到50%`, `45% → 60%`: the later figure is the state, the earlier its prev.

import type { LineFacts } from '../../facts.js';
import { ignored, progress } from '../expect.js';
import type { ContextRule } from '../types.js';

/** Words between the two figures of a change: an optional verb (`提升`, `调整`, `回调` …), then `到`/`至`/`为` or an arrow. */
const JOINED = /^\s*(?:\p{Script=Han}{1,4})?\s*(?:到|至|为|->|→|=>|~>)\s*$/u;
/** English: `from 35% to 50%`, `from 35% up to 50%`. */
const JOINED_EN = /^\s*(?:up |down |back )?to\s*$/iu;

/** Finds every change of a line once (the first figure asks; the others read the answer). */
function pairsOf(line: LineFacts): Map<number, { earlier: number; start: number }> | undefined {
  if (line.pairsRead) return line.pairs;
  line.pairsRead = true;
  const { n, figures: ms } = line;
  for (let k = 1; k < ms.length; k++) {
    const a = ms[k - 1]!;
    const b = ms[k]!;
    const between = n.slice(a.end, b.start);
    const en = JOINED_EN.test(between);
    if (between.length > 12 || (!en && !JOINED.test(between))) continue;
    // English says a change of the work with a verb of moving (`moved from 35% to 50%`); `down from 4.1% to 0.7% of
    // inventory`, `raise traffic from 5% to 25%` are other levels.
    const lead = en
      ? (/\b(?:moved|went|jumped|progressed|advanced|climbed|bumped)(?: up)?\s+(from)\s*$/iu.exec(n.slice(Math.max(0, a.start - 24), a.start)) && !/^\s*of\b/iu.test(n.slice(b.end))
        ? /from\s*$/iu.exec(n.slice(0, a.start))
        : null)
      : /(由|从)\s*$/u.exec(n.slice(Math.max(0, a.start - 4), a.start));
    if (en && !lead) continue;
    const arrow = /(->|→|=>)/.test(between);
    // `10%至20%` with nothing saying "change" is a range; only take it with 由/从 or an arrow.
    if (!lead && !arrow) continue;
    (line.pairs ??= new Map()).set(k, { earlier: k - 1, start: lead ? a.start - lead[0].length : a.start });
    (line.earlier ??= new Set()).add(k - 1);
  }
  return line.pairs;
}

export const changePair: ContextRule = {
  stage: 'context',
  name: 'change-pair',
  description: 'two figures joined as a change (`由…提升至…`, `从…到…`, an arrow): the later is the figure, the earlier kept as its prev',
  accepts: [
    { text: '- 消息中心进度由45%提升至60%', figure: '60%', expect: progress(60, '消息中心', null, { prev: 45 }) },
    { text: '- 特征工程：30% → 50%', figure: '50%', expect: progress(50, '特征工程', null, { prev: 30 }) },
    { text: '- 数据质量平台 V2：进度由 40% 回调为 33%（需求范围扩大）', figure: '33%', expect: progress(33, '数据质量平台 V2', null, { prev: 40 }) },
    { text: '- Invoice OCR: moved from 35% to 50% this week', figure: '50%', expect: progress(50, 'Invoice OCR', null, { prev: 35 }) },
  ],
  rejects: [
    { text: '- 压测进度目标 10%至20%', figure: '20%', expect: ignored() },
    { text: '- Invoice OCR: progress 35% to 50% expected by June', figure: '50%', expect: ignored() },
  ],
  read(f) {
    f.pair = pairsOf(f.line)?.get(f.k);
    return f.pair !== undefined || f.line.isEarlier(f.k);
  },
};
