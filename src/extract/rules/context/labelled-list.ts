// Rule labelled-list: `进度：前端 40%｜后端 30%`, `App 8.0 改版：iOS 30%，Android 25%` — after a colon, figures each with a short label.

import { isMetricWord, isNameLike } from '../../names.js';
import { isBoundaryAt } from '../../facts.js';
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
  ],
  rejects: [
    { text: '- 会员中心改版：前端进度50%，后端进度40%', figure: '40%', expect: progress(40, '会员中心改版', '后端') },
    { text: '- 灰度发布：当前灰度 10%，观察一周', expect: { verdict: 'ignored' } },
  ],
  read(f, lx) {
    const { n, line } = f;
    const t = line.t;
    // The list's colon: the last one before the figure in its segment (not one between digits).
    let colon = -1;
    for (let i = f.m.start - 1; i >= f.segFrom; i--) {
      if (n[i] === ':' && isBoundaryAt(n, i)) {
        colon = i;
        break;
      }
    }
    if (colon < 0) return false;
    // An ideographic space was normalised to `,`: inside an item (`服务端　85%`) it only separates label and figure.
    const isSeparator = (i: number) => SEPARATOR.test(n[i]!) && !(n[i] === ',' && t.original[t.map[i]!] === '\u3000');
    const segEnd = line.segmentEnd(f.segment);
    // The items between the colon and the segment end, split at separators outside brackets.
    const items: { start: number; end: number }[] = [];
    let depth = 0;
    let start = colon + 1;
    for (let i = colon + 1; i <= segEnd; i++) {
      const c = n[i];
      if (c === '(' || c === '[') depth++;
      else if ((c === ')' || c === ']') && depth > 0) depth--;
      if (i === segEnd || (depth === 0 && isSeparator(i))) {
        if (i > start) items.push({ start, end: i });
        start = i + 1;
      }
    }
    const figures = line.figures;
    const labelled: { label: string; figure: number }[] = [];
    let mine: { label: string } | undefined;
    for (const item of items) {
      const inside = figures.map((m, k) => ({ m, k })).filter(({ m }) => m.start >= item.start && m.end <= item.end);
      if (inside.length !== 1) continue;
      const { m, k } = inside[0]!;
      const label = n
        .slice(item.start, m.start)
        .replace(/(?:约|大约|近|~|≈|>)\s*$/u, '')
        .replace(/^[\s,]+|[\s,]+$/gu, '');
      if (!label || label.length > 16 || !isNameLike(label) || lx.lists.progressWords.last(label) || !TAIL.test(n.slice(m.end, item.end))) continue;
      labelled.push({ label, figure: k });
      if (k === f.k) mine = { label };
    }
    if (!mine) return false;
    const prefixStart = Math.max(f.segFrom, line.markerEnd);
    const prefix = n.slice(prefixStart, colon);
    const progressWord = lx.lists.progressWords.last(prefix)?.word;
    const kpiPrefix = lx.lists.kpiWords.find(prefix) !== undefined || /(?:\p{L}率|\brate)\s*$/iu.test(prefix.trim());
    if (labelled.length < 2 && !isMetricWord(mine.label, lx) && !progressWord && !kpiPrefix) return false;
    f.list = { prefix: { start: prefixStart, end: colon }, label: mine.label, progressWord };
    return true;
  },
};
