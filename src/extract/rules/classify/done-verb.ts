// Rule done-verb: `已迁移 71%`, `已接入 60% 的商户` — a verb in the perfect (已 + verb) before a figure says how much of
// the item's scope has gone through it: that is the item's progress.

import { cleanName, isNameLike } from '../../names.js';
import { written } from '../../text.js';
import type { FigureFacts } from '../../facts.js';
import type { Lexicon } from '../../lexicon.js';
import { ignored, kpi, progress } from '../expect.js';
import type { ClassifyRule, NameRule } from '../types.js';
import { ownerName } from '../name/owner.js';

/** `已迁移`, `已经切换`, `已覆盖` ending the label: what stands before it (maybe nothing), and the verb. */
const DONE_VERB = /(已经?)([\p{Script=Han}]{1,3})$/u;
/** Verbs of the perfect that say nothing of how far an item is (`已有`, `已达`, `已超`, `已降`). */
const NOT_SCOPE = /^(?:有|达|超|降|升|增|涨|跌|减|占|经|是|为|在|过|近|约|逾)/u;
/** After the figure: the end of the clause, a bracketed remark, or the scope it is a share of (`的存量商户`, `门店`). */
const AFTER = /^\s*(?:以上|左右|多)?\s*(?:$|[(\[【]|的?[\p{Script=Han}A-Za-z])/u;

function perfectVerb(f: FigureFacts): { name: string; verb: string } | null {
  if (f.ctx.kind === 'heading' || f.inParens) return null;
  const label = f.label.trim();
  const m = DONE_VERB.exec(label);
  if (!m || NOT_SCOPE.test(m[2]!) || !AFTER.test(f.after)) return null;
  return { name: label.slice(0, m.index), verb: m[0] };
}

export const doneVerb: ClassifyRule = {
  stage: 'classify',
  name: 'done-verb',
  description: 'a verb in the perfect before a figure (`已迁移 71%`, `已接入 60% 的商户`, `历史订单已归档 45%`) gives the share of the item\'s scope gone through it: its progress',
  accepts: [
    { text: '(4) 旧工单系统数据迁移\n    - 已迁移 71%（约 210 万条记录）。', expect: progress(71, '旧工单系统数据迁移') },
    { text: '- 电子发票平台 — 已接入 60% 的商户，剩余为个体户', expect: progress(60, '电子发票平台') },
    { text: '- 档案数字化：历史档案已扫描 45%', expect: progress(45, '档案数字化', '历史档案') },
  ],
  rejects: [
    { text: '- 活跃用户中已有 35% 开通免密支付', expect: ignored() },
    { text: '- 代扣成功率已达 99.2%', expect: kpi(99.2) },
  ],
  decide(f) {
    const d = perfectVerb(f);
    return d ? { verdict: 'progress', word: d.verb } : undefined;
  },
};

/** Named by the words before the verb when they name something, else by the line's owner. */
export const doneVerbName: NameRule = {
  stage: 'name',
  name: 'done-verb-name',
  description: 'a figure after a verb in the perfect is named by the words before the verb (a part of the line\'s item), else by the line\'s owner',
  accepts: [{ text: '- 电子发票平台 — 已接入 60% 的商户', expect: progress(60, '电子发票平台', null) }],
  rejects: [],
  give(f, verdict, owners, lx: Lexicon) {
    if (verdict !== 'progress') return undefined;
    const d = perfectVerb(f);
    if (!d) return undefined;
    const own = d.name && isNameLike(d.name) ? cleanName(written(f.line.t, f.labelStart, f.labelStart + d.name.length), lx) : '';
    const o = ownerName(owners);
    if (own) return o && o.by !== 'document-name' ? { ...o, metric: own } : { project: own, metric: null, own: true };
    return o;
  },
};
