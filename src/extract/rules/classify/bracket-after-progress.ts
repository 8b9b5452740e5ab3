// Rule bracket-after-progress: `核心表迁移完成（60%）` — the progress word stands just before the bracketed figure.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const bracketAfterProgress: ClassifyRule = {
  stage: 'classify',
  name: 'bracket-after-progress',
  description: 'a bracketed figure right after a progress word (`迁移完成（60%）`) is progress',
  accepts: [
    { text: '1. 数据迁移：核心表迁移完成（60%）', expect: progress(60, '数据迁移') },
    { text: '- **日志回传平台**：已完成 ✅（100%），4/15 全量车队开启', expect: progress(100, '日志回传平台') },
  ],
  rejects: [],
  decide(f, lx) {
    if (!f.inParens || !f.bareLabel) return undefined;
    // Only the words just before the bracket matter (past digits, spaces, `/` and emoji): a bounded window, so
    // long lines stay linear (issue 8).
    const words = lx.lists.progressWords.lower;
    const longest = words.reduce((max, w) => Math.max(max, w.length), 0);
    const before = f.n
      .slice(Math.max(f.segFrom, f.paren - longest - 24), f.paren)
      .replace(/[\s\d/\p{Extended_Pictographic}\uFE0F]+$/u, '')
      .toLowerCase();
    const word = before ? words.find((lw) => before.endsWith(lw)) : undefined;
    return word ? { verdict: 'progress', word } : undefined;
  },
};
