// Rule fraction: a count beside the figure (`69%（58/84）`, `237 / 248 (95.56%)`) is kept as done/total.

import { progress } from '../expect.js';
import type { ContextRule } from '../types.js';

export const fraction: ContextRule = {
  stage: 'context',
  name: 'fraction',
  description: 'a count beside the figure (`69%（58/84）`, `237 / 248 (95.56%)`) is kept as done of total; one that disagrees is a warning',
  accepts: [
    { text: '2. 存量接口：任务完成占比75%（36/48）', expect: progress(75, '存量接口', null, { done: 36, total: 48 }) },
    { text: '[ledger] 180 / 200 (90%)', expect: progress(90, 'ledger', null, { done: 180, total: 200 }) },
  ],
  rejects: [],
  read(f) {
    const { n, m } = f;
    const fa = /^\s*\(\s*(\d+)\s*\/\s*(\d+)\s*\)/u.exec(n.slice(m.end, m.end + 40));
    const fb = /(?<![\d/.])(\d+)\s*\/\s*(\d+)\s*(?:完成|已完成|done|个|项|台|张)?\s*\(?\s*$/u.exec(n.slice(Math.max(0, m.start - 40), m.start));
    if (fa) {
      f.done = Number(fa[1]);
      f.total = Number(fa[2]);
      f.fractionAfter = true;
    } else if (fb) {
      f.done = Number(fb[1]);
      f.total = Number(fb[2]);
    }
    return f.hasFraction;
  },
};
