// Rule bracket-after-progress: `核心表迁移完成（60%）` — the progress word stands just before the bracketed figure.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const bracketAfterProgress: ClassifyRule = {
  stage: 'classify',
  name: 'bracket-after-progress',
  description: 'a bracketed figure right after a progress word (`迁移完成（60%）`) is progress',
  accepts: [{ text: '1. 数据迁移：核心表迁移完成（60%）', expect: progress(60, '数据迁移') }],
  rejects: [],
  decide(f, lx) {
    if (!f.inParens || !f.bareLabel) return undefined;
    // Only the words just before the bracket matter (past trailing digits, spaces and `/`): reading
    // the whole segment before every bracketed figure made long lines quadratic (issue 8).
    let end = f.paren;
    while (end > f.segFrom && /[\s\d/]/u.test(f.n[end - 1]!)) end--;
    if (end <= f.segFrom) return undefined;
    const words = lx.lists.progressWords.lower;
    const longest = words.reduce((max, w) => Math.max(max, w.length), 0);
    const before = f.n.slice(Math.max(f.segFrom, end - longest - 8), end).toLowerCase();
    const word = words.find((lw) => before.endsWith(lw));
    return word ? { verdict: 'progress', word } : undefined;
  },
};
