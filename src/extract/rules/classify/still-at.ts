// Rule still-at: `冷链温控平台：本期没有新的进展，仍为55%` — a figure said to be unchanged (仍为, 依然是, 保持在)
// on a line that opens with an item's name is that item's progress.

import { cleanName } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule, NameRule } from '../types.js';

/** What is left of the label once the verb is read past: an adverb of "still". */
const STILL = /^(?:仍|仍然|依然|依旧|还|还是|保持|维持|停留|继续|停|卡|暂停|搁置)$/u;
/** `目前 20%`, `当前约 30%`: where it stands now (no verb needed). */
const NOW = /^(?:目前|当前|现在|眼下|截至目前|截至本周|still|still at|still only|currently|currently at|now at|stuck at|unchanged at|holding at)$/iu;
/** `依然 18%`, `仍 40%`: an adverb of "still" needs no verb. */
const STILL_ALONE = /^(?:仍|仍然|依然|依旧|还是)$/u;
const standsAt = (label: string, hadVerb: boolean) => (hadVerb && STILL.test(label)) || STILL_ALONE.test(label) || NOW.test(label) || (hadVerb && NOW.test(label));

export const stillAt: ClassifyRule = {
  stage: 'classify',
  name: 'still-at',
  description: 'a figure said to stay where it was or to stand now (`仍为55%`, `依然是 40%`, `目前 20%`) on a line that opens with a name is that item\'s progress',
  accepts: [
    { text: '1. 冷链监控平台：本期没有新的进展，仍为55%，人员在做节日保障；', expect: progress(55, '冷链监控平台') },
    { text: '3. 电子实验记录本 —— 预算已批复，恢复推进，目前 20%', expect: progress(20, '电子实验记录本') },
    { text: '- 员工自助端：暂停，停在 62%，人力支援发薪', expect: progress(62, '员工自助端') },
    { text: '- **Battle Pass S3** — still 20%. Waiting on the economy rebalance doc.', expect: progress(20, 'Battle Pass S3') },
    { text: '自动充电对接：依然 18%，新触点下周到。', expect: progress(18, '自动充电对接') },
  ],
  rejects: [
    { text: '- 本周指标仍为55%', expect: { verdict: 'ignored' } },
    { text: '- Note: still 20% of tickets unassigned', expect: { verdict: 'ignored' } },
  ],
  decide(f) {
    if (f.ctx.kind === 'heading' || !standsAt(f.label.trim(), f.hadVerb)) return undefined;
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
  accepts: [
    { text: '- 运单中心重构：与上周持平，依然是 40%', expect: progress(40, '运单中心重构', null) },
    { text: '3. 电子实验记录本（ELN）—— 预算已批复，恢复推进，目前 20%', expect: progress(20, '电子实验记录本', null) },
  ],
  rejects: [],
  give(f, verdict, owners, lx) {
    if (verdict !== 'progress' || !standsAt(f.label.trim(), f.hadVerb)) return undefined;
    // The name ends at a dash (`电子实验记录本（ELN）—— 预算已批复，…`).
    const head = owners.head();
    const parts = head.split(/\s*(?:——|—|–|\s-\s)\s*/u);
    const span = f.line.head;
    const dashAfter = parts.length > 1 || (!!span && /^\s*[—–-]/u.test(f.n.slice(span.end, span.end + 3)));
    // Before a dash, a bracketed abbreviation is dropped as the dash form names the item elsewhere (`电子实验记录本（ELN）—— 10%`).
    const project = dashAfter ? cleanName(parts[0]!.replace(/\s*[(（][^()（）]*[)）]\s*$/u, ''), lx) : head;
    return project ? { project, metric: null, own: false, by: 'line-head' } : undefined;
  },
};
