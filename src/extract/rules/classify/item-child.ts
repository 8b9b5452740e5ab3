// Rule item-child: the one figure of a line nested under a named item — a nested list line, an outline child, a
// definition under its term (`<dt>PACS 影像云迁移</dt><dd>历史影像迁移 31TB / 52TB，约 60%</dd>`) — says where that
// item stands, even without a progress word: the parent names the item, the child line tells of its week.

import { progress, ignored, kpi } from '../expect.js';
import type { FigureFacts } from '../../facts.js';
import type { ClassifyRule, NameRule } from '../types.js';

/** A level of something else, not of the work: a rollout or traffic share, a comparison, a part "of" a whole. */
const NOT_STANDING = /灰度|放量|流量|占比|比例|份额|只有|仅有|达到.*的\s*$|的\s*$|相比|基线|目标|预计|计划|超过|低于|高于|traffic|share|of\s+(?:the\s+)?\w*\s*$|baseline|target|expected|planned|budget/iu;
/** After the figure: the figure measures something else (`90% 的流量`, `40% of users`). */
const OF_AFTER = /^\s*(?:的|of\b|是|来自|与|用户|流量)/iu;

/** Words of where it stands, never a part's name (`维持 30%`, `目前约 40%`, `now at 40%`). */
export const STATE_WORDS = /^(?:仍|仍然|依然|依旧|还|还是|保持|维持|停留|继续|停在|卡在|目前|当前|现在|已经|已|约|大约|大概|差不多|整体|总体|共|合计|达到|到|为|是|\s|at|about|around|roughly|now|still|currently|is|stands|holding|holds|stays|remains|sits)+$/iu;

function isItemChild(f: FigureFacts): boolean {
  const ctx = f.ctx;
  if (ctx.kind !== 'item' || ctx.parents.length === 0) return false;
  // The parent is a name without a figure of its own (a figure there is the item's; the child's is a part).
  const parent = ctx.parents[ctx.parents.length - 1]!.split('\n')[0]!;
  if (/[%％]|[:：]\s*$/u.test(parent) || !ctx.parentName()) return false;
  // The only figure of the line (an earlier figure of a change, `35% → 50%`, is its prev).
  const line = f.line;
  for (let k = 0; k < line.figures.length; k++) if (k !== f.k && !line.isEarlier(k)) return false;
  return !NOT_STANDING.test(f.label) && !OF_AFTER.test(f.n.slice(f.m.end, f.m.end + 6));
}

export const itemChild: ClassifyRule = {
  stage: 'classify',
  name: 'item-child',
  description:
    'the one figure of a line nested under a named item (a nested list line, an outline child, a definition under its term) is that item\'s progress, even without a progress word (`- **影像云迁移**` / `  - 已迁 31TB / 52TB，约 60%`)',
  accepts: [
    { text: '- **影像云迁移**\n  - 历史影像迁移 31TB / 52TB，约 60%；', expect: progress(60, '影像云迁移', null) },
    { text: '1. 物流机器人接入\n   （1）本周无进展（厂商封版），维持 30%。', expect: progress(30, '物流机器人接入', null) },
    { text: '- Document capture\n  - Vendor demo went well on Tuesday; roughly 45%.', expect: progress(45, 'Document capture', null) },
    { text: '- Lakehouse migration\n  - Tables cut over: 1,184 of 1,702, so we track it as 70% by count.', expect: progress(70, 'Lakehouse migration', null) },
  ],
  rejects: [
    { text: '- 订单中心\n  - 40% 的流量已切到新集群', expect: ignored() },
    { text: '- 支付网关\n  - 成功率 99.95%', expect: kpi(99.95, '成功率') },
    { text: '- Checkout v2\n  - Rollout: 40% of the traffic now on the new stack', expect: ignored() },
  ],
  decide(f) {
    return !f.ctx.kpiSection && isItemChild(f) ? { verdict: 'progress' } : undefined;
  },
};

/** Its words tell of the week, not of a part: the parent alone names the item. */
export const itemChildName: NameRule = {
  stage: 'name',
  name: 'item-child-name',
  description: 'a figure read by item-child with no progress word is named by its parent item alone',
  accepts: [{ text: '- **影像云迁移**\n  - 历史影像迁移 31TB / 52TB，约 60%；', expect: progress(60, '影像云迁移', null) }],
  rejects: [{ text: '3. 运输管理系统对接\n   - 电子面单切换：菜鸟已完成，顺丰待排期，整体 70%。', expect: progress(70, '运输管理系统对接', '电子面单切换') }],
  give(f, verdict, owners) {
    if (verdict !== 'progress' || f.progressHit || f.hadVerb || !isItemChild(f)) return undefined;
    // A short name before the figure (`- 前端 70%`) is a metric of the parent: rule parent-and-metric names it.
    // A line that opens with a name and a colon (`- 电子面单切换：…，整体 70%`) names a part of its own.
    const head = f.line.head;
    // (A label of a count, `Tables cut over: 1,184 of 1,702, …`, names no part.)
    if (head && head.end < f.labelStart && /^\s*[:：]\s*[^\s\d]/u.test(f.n.slice(head.end, head.end + 12))) return undefined;
    const label = f.label.trim();
    if (label && !/[，,。；;:：]/u.test(label) && label.length <= 16 && !STATE_WORDS.test(label)) return undefined;
    const project = owners.parent();
    return project ? { project, metric: null, own: false, by: 'parent-item' } : undefined;
  },
};
