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
    const before = f.n.slice(f.segFrom, f.paren).replace(/[\s\d/]+$/u, '').toLowerCase();
    const word = before ? lx.lists.progressWords.lower.find((lw) => before.endsWith(lw)) : undefined;
    return word ? { verdict: 'progress', word } : undefined;
  },
};
