// Rule bracket-after-progress: `核心表迁移完成（60%）` — the progress word stands just before the bracketed figure.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** Stop words: a bracketed figure after them is where the stopped item stands. */
const STOPPED = ['暂停', '搁置', '暂缓', '挂起', '冻结', 'on hold', 'paused'];
/** Words of finishing: a bracketed figure after them is how near the end it is (`前端基本收尾（差不多九成）`). */
const FINISHING = ['收尾', '扫尾', '完工', 'wrapping up', 'nearly done'];

export const bracketAfterProgress: ClassifyRule = {
  stage: 'classify',
  name: 'bracket-after-progress',
  description: 'a bracketed figure right after a progress word (`迁移完成（60%）`) or a stop word (`继续搁置（62%）`) is progress',
  accepts: [
    { text: '1. 数据迁移：核心表迁移完成（60%）', expect: progress(60, '数据迁移') },
    { text: '- **日志回传平台**：已完成 ✅（100%），4/15 全量车队开启', expect: progress(100, '日志回传平台') },
    // Where a stopped item stands: `继续搁置（62%）`, `on hold (40%)`.
    { text: '- 员工自助端：继续搁置（62%）', expect: progress(62, '员工自助端') },
    { text: '- 直播连麦：前端基本收尾（差不多九成），服务端开工', figure: '九成', expect: progress(90, '直播连麦', '前端', { qualifier: '差不多' }) },
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
    const word = before ? words.find((lw) => before.endsWith(lw)) ?? STOPPED.find((lw) => before.endsWith(lw)) ?? FINISHING.find((lw) => before.endsWith(lw)) : undefined;
    return word ? { verdict: 'progress', word } : undefined;
  },
};
