// Rule fraction: a count beside the figure (`69%（58/84）`, `237 / 248 (95.56%)`) is kept as done/total.

import { progress } from '../expect.js';
import type { ContextRule } from '../types.js';

/** A count, thousands separated or not: `1,260`, `84`. */
export const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
/** A unit after the total: `项`, `张表`, `个仓库`, `条`. */
const UNIT = String.raw`(?:[\p{Script=Han}]{1,3}|[A-Za-z]{1,8})?`;

/** `69%（58/84）`, `(32 / 41 条)`: a count right after the figure. */
const AFTER = new RegExp(String.raw`^\s*\(\s*${NUM}\s*\/\s*${NUM}\s*${UNIT}\s*\)`, 'u');
/** `237 / 248 (`, `1,002 / 1,260 张表（`: a count right before the figure. */
const BEFORE = new RegExp(String.raw`(?<![\d/.,])${NUM}\s*\/\s*${NUM}\s*(?:完成|已完成|done|${UNIT})?\s*\(?\s*$`, 'u');
/** `1,240 of 1,900 clinical staff trained (`. */
const BEFORE_OF = new RegExp(String.raw`(?<![\d/.,])${NUM}\s+of\s+${NUM}(?:\s+[A-Za-z-]+){0,4}\s*\(\s*$`, 'u');

export const fraction: ContextRule = {
  stage: 'context',
  name: 'fraction',
  description: 'a count beside the figure (`69%（58/84）`, `237 / 248 (95.56%)`) is kept as done of total; one that disagrees is a warning',
  accepts: [
    { text: '2. 存量接口：任务完成占比75%（36/48）', expect: progress(75, '存量接口', null, { done: 36, total: 48 }) },
    { text: '[ledger] 180 / 200 (90%)', expect: progress(90, 'ledger', null, { done: 180, total: 200 }) },
    { text: '- 湖仓迁移：已迁移 1,002 / 1,260 张表（79.5%）', expect: progress(79.5, '湖仓迁移', null, { done: 1002, total: 1260 }) },
    { text: '- Staff training: 1,240 of 1,900 clinical staff trained (65%)', expect: progress(65, 'Staff training', null, { done: 1240, total: 1900 }) },
  ],
  rejects: [],
  read(f) {
    const { n, m } = f;
    const fa = n.charCodeAt(m.end) === 40 || /^\s+\(/.test(n.slice(m.end, m.end + 4)) ? AFTER.exec(n.slice(m.end, m.end + 40)) : null;
    const before = n.slice(Math.max(0, m.start - 60), m.start);
    // Only a `/` or an ` of ` before the figure can start a count.
    const fb = before.includes('/') ? BEFORE.exec(before) : before.includes(' of ') ? BEFORE_OF.exec(before) : null;
    if (fa) {
      f.done = count(fa[1]!);
      f.total = count(fa[2]!);
      f.fractionAfter = true;
    } else if (fb) {
      f.done = count(fb[1]!);
      f.total = count(fb[2]!);
    }
    return f.hasFraction;
  },
};

/** The number a count matched by NUM writes (`1,260` → 1260). */
export function count(s: string): number {
  return Number(s.replace(/,/g, ''));
}
