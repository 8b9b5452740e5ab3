// Rule still-at: `冷链温控平台：本期没有新的进展，仍为55%` — a figure said to be unchanged (仍为, 依然是, 保持在)
// on a line that opens with an item's name is that item's progress.

import { progress } from '../expect.js';
import type { ClassifyRule, NameRule } from '../types.js';

/** What is left of the label once the verb is read past: an adverb of "still". */
const STILL = /^(?:仍|仍然|依然|依旧|还|还是|保持|维持|停留|继续)$/u;

export const stillAt: ClassifyRule = {
  stage: 'classify',
  name: 'still-at',
  description: 'a figure said to stay where it was (`仍为55%`, `依然是 40%`, `保持在 30%`) on a line that opens with a name is that item\'s progress',
  accepts: [{ text: '1. 冷链监控平台：本期没有新的进展，仍为55%，人员在做节日保障；', expect: progress(55, '冷链监控平台') }],
  rejects: [{ text: '- 本周指标仍为55%', expect: { verdict: 'ignored' } }],
  decide(f) {
    if (f.ctx.kind === 'heading' || !f.hadVerb || !STILL.test(f.label.trim())) return undefined;
    const head = f.line.head;
    if (!head || head.end > f.labelStart) return undefined;
    return { verdict: 'progress', word: `${f.label.trim()}${f.verb ?? ''}` };
  },
};

/** Such a figure has no words of its own: the line's opening name is the item (never `仍` as its metric). */
export const stillAtName: NameRule = {
  stage: 'name',
  name: 'still-at-name',
  description: 'a figure said to stay where it was is named by the line\'s opening name alone',
  accepts: [{ text: '- 运单中心重构：与上周持平，依然是 40%', expect: progress(40, '运单中心重构', null) }],
  rejects: [],
  give(f, verdict, owners) {
    if (verdict !== 'progress' || !f.hadVerb || !STILL.test(f.label.trim())) return undefined;
    const project = owners.head();
    return project ? { project, metric: null, own: false, by: 'line-head' } : undefined;
  },
};
