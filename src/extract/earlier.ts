// The earlier figure a line states as a change since last week (`较上周+15pp`, `环比提升 10 个百分点`, `up 10 pts
// WoW`) or as last week's level in words (`was 20% last week`): a reader compares this week's figure with it.

import { nfkc } from './text.js';

/** A comparison with the report before: `较上周`, `环比`, `比上期`, `WoW`, `vs last week`. */
const SINCE_ZH = '(?:较上周|比上周|对比上周|相比上周|相较上周|与上周相比|较上期|比上期|较上次|比上次|周环比|环比)';
const UP_ZH = '(?:提升了?|提高了?|增加了?|上升了?|增长了?|推进了?|前进了?|上涨了?|多了?|\\+)';
const DOWN_ZH = '(?:下降了?|降低了?|减少了?|回退了?|回落了?|下调了?|少了?|-|−)';
/** Points, not a relative change: `pp`, `个百分点`, `pts`; a bare `%` only right after an explicit comparison. */
const POINTS = `(?:${['pp', 'p\\.p\\.', '个百分点', '百分点', 'pts?', 'points', 'percentage\\s+points'].join('|')})`;

const ZH = new RegExp(`${SINCE_ZH}\\s*[:：]?\\s*(?:(${UP_ZH})|(${DOWN_ZH}))\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*(?:${POINTS}|%)`, 'iu');
/** `+15pp` / `(+15pp)` alone: a signed change in points needs no comparison word. */
const SIGNED_POINTS = new RegExp(`(?:^|[\\s(（,，;；:：])([+\\-−])\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*${POINTS}(?![a-z])`, 'iu');
/** `up 10 pts from last week`, `+10% WoW`, `down 5 points vs last week`. */
const EN = new RegExp(
  `\\b(?:(up)|(down))\\s+(\\d{1,3}(?:\\.\\d+)?)\\s*(?:${POINTS}|%)\\s*(?:wow|w/w|week over week|week-over-week|(?:from|vs\\.?|versus|on|over)\\s+(?:the\\s+)?(?:last|previous|prior)\\s+week)\\b|([+\\-−])\\s*(\\d{1,3}(?:\\.\\d+)?)\\s*(?:${POINTS}|%)\\s*(?:wow|w/w|week over week|week-over-week|(?:vs\\.?|versus|on|over)\\s+(?:the\\s+)?(?:last|previous|prior)\\s+week)\\b`,
  'iu',
);
/** `was 20% last week`, `20% last week` in brackets after the figure. */
const WAS = /\b(?:was|at)\s+(\d{1,3}(?:\.\d+)?)\s*%\s*(?:last week|the week before|a week ago|in the last report|previously)\b/iu;

/** A plan or target before the change in its clause (`目标下周 +10pp`, `aim for +10pp next week`): no change yet. */
const PLANNED = /目标|计划|预计|争取|力争|下周|下期|target|plan|goal|aim|expect|next week/iu;
const planned = (t: string, m: RegExpExecArray) => {
  const clause = t.slice(0, m.index + m[0].length).split(/[，,;；。]/u).pop() ?? '';
  return PLANNED.test(clause) || PLANNED.test(t.slice(m.index + m[0].length).split(/[，,;；。]/u)[0] ?? '');
};

/**
 * The earlier figure `text` states for its one progress figure `percent`: a change since the report before
 * (`较上周+15pp`, `环比提升 10 个百分点`, `（+5pp）`, `up 10 pts WoW`) taken from `percent`, or last week's level said
 * in words (`was 20% last week`). Undefined when the text states none, or when the result is no percentage (0–100).
 */
export function statedEarlier(text: string, percent: number): number | undefined {
  const t = nfkc(text);
  let prev: number | undefined;
  const was = WAS.exec(t);
  if (was) prev = Number(was[1]);
  else {
    const zh = ZH.exec(t);
    const en = zh ? null : EN.exec(t);
    const signed = zh || en ? null : SIGNED_POINTS.exec(t);
    let change: number | undefined;
    const m = zh ?? en ?? signed;
    if (m && planned(t, m)) return undefined;
    if (zh) change = (zh[1] ? 1 : -1) * Number(zh[3]);
    else if (en) change = en[1] || en[2] ? (en[1] ? 1 : -1) * Number(en[3]) : (en[4] === '+' ? 1 : -1) * Number(en[5]);
    else if (signed) change = (signed[1] === '+' ? 1 : -1) * Number(signed[2]);
    if (change !== undefined) prev = Math.round((percent - change) * 100) / 100;
  }
  if (prev === undefined || !Number.isFinite(prev) || prev < 0 || prev > 100) return undefined;
  return prev;
}
