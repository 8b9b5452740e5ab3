// Rule labelled-list: `进度：前端 40%｜后端 30%`, `App 8.0 改版：iOS 30%，Android 25%` — after a colon, figures each with a short label.

import { isMetricWord, isNameLike } from '../../names.js';
import { isBoundaryAt, type FigureFacts, type LineFacts } from '../../facts.js';
import type { Lexicon } from '../../lexicon.js';
import { kpi, progress } from '../expect.js';
import type { ContextRule } from '../types.js';

/** Separators between the items of a list (normalised): `|` `/` `、` `,` `;`. */
const SEPARATOR = /[|/、,;]/u;
/** What may follow a figure inside its item: a bracketed remark, a qualifier, a short remark without figures. */
const TAIL = /^\s*(?:以上|左右|\+)?\s*(?:\([^()]{0,40}\))?\s*[^\d%()]{0,10}$/u;

export const labelledList: ContextRule = {
  stage: 'context',
  name: 'labelled-list',
  description:
    'after a colon, figures that each carry a short label of their own (`进度：前端 40%｜后端 30%`, `App 8.0 改版：iOS 30%，Android 25%`) are metrics of what stands before the colon',
  accepts: [
    { text: '- 能耗看板改版：进度：前端 80%｜后端 65%', figure: '65%', expect: progress(65, '能耗看板改版', '后端') },
    { text: '**App 8.0 改版**：iOS 30%，Android 25%，设计稿全部交付', figure: '25%', expect: progress(25, 'App 8.0 改版', 'Android') },
    { text: '崩溃率：iOS 0.05% / Android 0.11%', figure: '0.11%', expect: kpi(0.11, '崩溃率', 'Android') },
    { text: '- 服务端：跨服排行榜 55%，压测排到下周', expect: progress(55, '跨服排行榜', '服务端') },
  ],
  rejects: [
    { text: '- 会员中心改版：前端进度50%，后端进度40%', figure: '40%', expect: progress(40, '会员中心改版', '后端') },
    { text: '- 灰度发布：当前灰度 10%，观察一周', expect: { verdict: 'ignored' } },
  ],
  read(f, lx) {
    const { n, line } = f;
    // An item of a list carries a label; a figure without one can only be an item when an ideographic space
    // (normalised to `,`) stands between its label and it (`服务端　85%`).
    // Whether the line holds one is asked once per line (a search per figure made long lines quadratic).
    if (!f.label && (line.t.identity || !line.once('labelled-list:ideographic-space', () => line.t.original.includes('\u3000')))) return false;
    // Its label is a name, never a progress word (`前端进度50%` is read by progress-word).
    if (f.progressHit) return false;
    // The list's colon: the last one before the figure in its segment (not one between digits). The line's
    // colons are found once; a search per figure back to the segment start made long lines quadratic.
    const colons = line.once('labelled-list:colons', () => {
      const found: number[] = [];
      for (let i = n.indexOf(':'); i >= 0; i = n.indexOf(':', i + 1)) if (isBoundaryAt(n, i)) found.push(i);
      return found;
    });
    let lo = 0;
    let hi = colons.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (colons[mid]! < f.m.start) lo = mid + 1;
      else hi = mid;
    }
    let colon = lo > 0 ? colons[lo - 1]! : -1;
    // No colon in the segment: a name set off by a dash opens the list the same way (`清分报表 —— 前端 90%、后端 81%`).
    if (colon < f.segFrom) {
      const dash = line.once('labelled-list:head-dash', () => headDash(line));
      if (!dash || dash.at < f.segFrom || dash.at > f.m.start) return false;
      colon = dash.at;
      const list = line.once(`labelled-list:${colon}`, () => listAfter(f, colon, Infinity, lx, dash.head));
      const mine = list.labels.get(f.k);
      if (!mine || !list.accepted(mine)) return false;
      f.list = { prefix: list.prefix, label: mine, progressWord: list.progressWord };
      return true;
    }
    // The list after this colon (up to the next colon) is read once for all its figures.
    const list = line.once(`labelled-list:${colon}`, () => listAfter(f, colon, lo < colons.length ? colons[lo]! : Infinity, lx));
    const mine = list.labels.get(f.k);
    if (!mine || !list.accepted(mine)) return false;
    f.list = { prefix: list.prefix, label: mine, progressWord: list.progressWord };
    return true;
  },
};

interface ListAfterColon {
  prefix: { start: number; end: number };
  progressWord: string | undefined;
  /** Figure index → its item's label, for figures that stand in an item of their own with a short label. */
  labels: Map<number, string>;
  accepted(label: string): boolean;
}

/** A line's name ended by a dash: the head's span, and where the list starts (its "colon" is just before). */
function headDash(line: LineFacts): { at: number; head: { start: number; end: number } } | null {
  const body = line.dashBody();
  return body > 0 && line.head ? { at: body - 1, head: line.head } : null;
}

/** What stands before the colon without markers and markup (`- **服务端**` → `服务端`). */
function cleanPrefix(prefix: string): string {
  return prefix.replace(/^[\s\-*+•·#>\d.、()（）]+/u, '').replace(/[*_`\s]+/gu, ' ').trim();
}

function listAfter(f: FigureFacts, colon: number, nextColon: number, lx: Lexicon, dashHead?: { start: number; end: number }): ListAfterColon {
  const { n, line } = f;
  const t = line.t;
  // An ideographic space was normalised to `,`: inside an item (`服务端　85%`) it only separates label and figure.
  const isSeparator = (i: number) => SEPARATOR.test(n[i]!) && !(n[i] === ',' && !t.identity && t.original[t.map[i]!] === '\u3000');
  // The list runs to the segment's end or the next colon, whichever comes first.
  const segEnd = Math.min(line.segmentEnd(f.segment), nextColon);
  const figures = line.figures;
  const labels = new Map<number, string>();
  let depth = 0;
  let start = colon + 1;
  // The first figure after the colon (figures are in written order).
  let k = f.k;
  while (k > 0 && figures[k - 1]!.start > colon) k--;
  const first = k;
  for (let i = colon + 1; i <= segEnd; i++) {
    const c = n[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    if (i === segEnd || (depth === 0 && isSeparator(i))) {
      if (i > start) {
        // The figures inside this item: exactly one, with a short name-like label before it.
        while (k < figures.length && figures[k]!.start < start) k++;
        let j = k;
        while (j < figures.length && figures[j]!.end <= i) j++;
        if (j - k === 1 && figures[k]!.start >= start) {
          const m = figures[k]!;
          const label = n
            .slice(start, m.start)
            .replace(/(?:约|大约|近|~|≈|>)\s*$/u, '')
            .replace(/(?:也|才|只|已经|已|刚|就|都|又)?(?:做|干|写|搞|弄|推|走|到)(?:了|到)\s*$/u, '')
            .replace(/^[\s,]+|[\s,]+$/gu, '');
          // A label naming a rate of its own (`拦截率目前 93%`) is a KPI's name, not an item of the list.
          const ownRate = /\p{L}率/u.test(label) || lx.lists.kpiWords.find(label) !== undefined;
          if (label && label.length <= 16 && isNameLike(label) && !ownRate && !lx.lists.progressWords.last(label) && TAIL.test(n.slice(m.end, i))) labels.set(k, label);
        }
        k = j;
      }
      start = i + 1;
    }
  }
  // What stands before the colon: from the segment start, but not before an earlier figure or clause, and at most
  // 80 characters back (the owner of a list is a name; reading further made long lines quadratic).
  let prefixStart = colon;
  const floor = Math.max(f.segFrom, line.markerEnd, colon - 80, first > 0 ? figures[first - 1]!.end : 0);
  while (prefixStart > floor && n[prefixStart - 1] !== ':' && n[prefixStart - 1] !== ',') prefixStart--;
  // After a dash the owner is the line's head (the name before the dash).
  const prefixEnd = dashHead ? dashHead.end : colon;
  if (dashHead) prefixStart = dashHead.start;
  const prefix = n.slice(prefixStart, prefixEnd);
  const progressWord = lx.lists.progressWords.last(prefix)?.word;
  const kpiPrefix = lx.lists.kpiWords.find(prefix) !== undefined || /(?:\p{L}率|\brate)\s*$/iu.test(prefix.trim());
  const many = labels.size >= 2;
  return {
    prefix: { start: prefixStart, end: prefixEnd },
    progressWord,
    labels,
    // `服务端：跨服排行榜 55%`: under a part of the work (a metric word), one named figure is an item too.
    accepted: (label) => many || isMetricWord(label, lx) || !!progressWord || kpiPrefix || isMetricWord(cleanPrefix(prefix), lx),
  };
}
