// Rule respectively: `东城区、北湖区进度偏慢（分别为 41% 和 37%）` — names listed, then their figures in the same order after 分别.

import { isNameLike } from '../../names.js';
import type { FigureFacts } from '../../facts.js';
import type { Lexicon } from '../../lexicon.js';
import { kpi, progress } from '../expect.js';
import type { ContextRule } from '../types.js';

/** `分别为` and its forms, then the figures joined by `和`/`、`/`,`/`及`/`与`/`/`. */
const KEYWORD = /分别(?:为|是|达到|达|在|完成了?|约为?)?\s*$/u;
const JOIN = /^\s*(?:和|、|,|及|与|\/|;)?\s*$/u;
/** How far back the keyword and the listed names may stand (bounded: the line stays linear). */
const WINDOW = 60;

interface Respectively {
  /** Figure index → its name. */
  names: Map<number, string>;
  progressWord: string | undefined;
  kpiWord: string | undefined;
  kpiName: string | undefined;
}

export const respectively: ContextRule = {
  stage: 'context',
  name: 'respectively',
  description:
    'names listed before a progress or KPI word, then as many figures after 分别(为) in the same order (`东城区、北湖区进度偏慢（分别为 41% 和 37%）`): each figure is a metric of the line\'s owner named by its name',
  accepts: [
    { text: '2. 区县事项：已完成 2218 项\n   ① 东城区、北湖区进度偏慢（分别为 41% 和 37%），已约谈', figure: '37%', expect: progress(37, '区县事项', '北湖区') },
    { text: '- 对账平台迁移：前端和后端完成度分别为60%、45%', figure: '60%', expect: progress(60, '对账平台迁移', '前端') },
    { text: '- iOS、Android 崩溃率分别为 0.05% 和 0.11%', figure: '0.11%', expect: kpi(0.11, '崩溃率', 'Android') },
  ],
  rejects: [
    // Two names, three figures: not a list of pairs.
    { text: '- 东城区、北湖区进度偏慢，分别为 41%、37% 和 20%', figure: '37%', expect: { verdict: 'ignored' } },
    // No progress or KPI word among the names: shares, not progress.
    { text: '- 华东、华南分别占 41% 和 37%', figure: '41%', expect: { verdict: 'ignored' } },
  ],
  read(f, lx) {
    const line = f.line;
    // Whether the line holds the keyword is asked once per line (a search per figure made long lines quadratic).
    if (!line.once('respectively:keyword', () => f.n.includes('分别'))) return false;
    // The run of figures this one belongs to starts after the keyword: walk back over figures joined by `和`/`、`.
    let first = f.k;
    while (first > 0 && f.k - first < 8) {
      const prev = line.figures[first - 1]!;
      if (!JOIN.test(f.n.slice(prev.end, line.figures[first]!.start))) break;
      first--;
    }
    const r = line.once(`respectively:${first}`, () => readRun(f, first, lx));
    const name = r?.names.get(f.k);
    if (!r || !name) return false;
    f.respectively = { name, progressWord: r.progressWord, kpiWord: r.kpiWord, kpiName: r.kpiName };
    return true;
  },
};

function readRun(f: FigureFacts, first: number, lx: Lexicon): Respectively | null {
  const { n, line } = f;
  const figs = line.figures;
  const start = figs[first]!.start;
  const before = n.slice(Math.max(0, start - WINDOW), start);
  const kw = KEYWORD.exec(before);
  if (!kw) return null;
  // The figures of the run.
  let last = first;
  while (last + 1 < figs.length && JOIN.test(n.slice(figs[last]!.end, figs[last + 1]!.start))) last++;
  // The names: the clause before the keyword (back over an opening bracket or comma), up to a clause boundary.
  let clause = before.slice(0, kw.index).replace(/[\s(,:]+$/u, '');
  const cut = Math.max(...[...'。;:(,！!?？'].map((c) => clause.lastIndexOf(c)));
  clause = clause.slice(cut + 1).replace(/^\s*(?:[-*+]|\d+[.)]|[①-⑳])\s*/u, '');
  const pw = lx.lists.progressWords.last(clause);
  let wordAt = pw ? pw.index : -1;
  let kpiWord: string | undefined;
  let kpiName: string | undefined;
  if (!pw) {
    kpiWord = lx.lists.kpiWords.find(clause) ?? /\p{L}率|\brate\b/iu.exec(clause)?.[0];
    if (kpiWord) {
      const end = clause.lastIndexOf(kpiWord) + kpiWord.length;
      // The KPI's own words run back over Han characters to the last name (`iOS 启动成功率` → 启动成功率).
      wordAt = clause.lastIndexOf(kpiWord);
      while (wordAt > 0 && /\p{Script=Han}/u.test(clause[wordAt - 1]!)) wordAt--;
      kpiName = clause.slice(wordAt, end);
    }
  }
  if (wordAt <= 0) return null;
  const names = clause
    .slice(0, wordAt)
    .split(/、|和|及|与|\/|,|\band\b/u)
    .map((s) => s.trim());
  if (names.length < 2 || names.length !== last - first + 1 || !names.every((s) => s.length <= 16 && isNameLike(s))) return null;
  const map = new Map<number, string>();
  names.forEach((s, i) => map.set(first + i, s));
  return { names: map, progressWord: pw?.word, kpiWord, kpiName };
}
