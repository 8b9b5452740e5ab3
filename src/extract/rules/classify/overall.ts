// Rule overall: `整体 70%`, `专项 80%`, `overall 60%` — a figure labelled only "overall" is the owner's progress.

import { isNameLike } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** Labels that say "the whole of it" and nothing else. */
export const OVERALL = /^(?:整体|总体|全部|全体|专项|总|overall|in total|total)$/iu;

export const overall: ClassifyRule = {
  stage: 'classify',
  name: 'overall',
  description: 'a figure labelled only "overall" (整体, 总体, 专项, overall) ending its clause is the progress of what owns the line',
  accepts: [
    { text: '- 电子面单切换：菜鸟/京东已完成，顺丰待对方排期，整体 70%。', expect: progress(70, '电子面单切换') },
    { text: '- 启动速度优化：冷启动 P50 1.35s，专项 80%', expect: progress(80, '启动速度优化') },
    { text: '- **认证**：CE/FCC 送样完成；SRRC 排队中，认证整体 30%。', figure: '30%', expect: progress(30, '认证') },
  ],
  rejects: [{ text: '- 整体预算使用 70%', expect: progress(70, '预算使用') }],
  decide(f, lx) {
    if (f.ctx.kind === 'heading') return undefined;
    const label = f.label.trim();
    // `认证整体 30%`: a name then "overall" (the whole of that name's work).
    const named = /^(.{1,20}?)\s*(?:整体|总体)$/u.exec(label);
    if (!OVERALL.test(label) && !(named && isNameLike(named[1]!) && !lx.lists.kpiWords.find(named[1]!))) return undefined;
    const rest = f.after.replace(/^\s*(?:以上|左右|\+)?/u, '').trim();
    return rest === '' || /^[(\[【]/u.test(rest) ? { verdict: 'progress', word: label } : undefined;
  },
};
