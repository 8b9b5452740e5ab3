// Rule label: the words before a figure back to its clause start, past qualifiers (`约`), verbs (`达到`), a dash or colon.

import { isBoundaryAt } from '../../facts.js';
import { written } from '../../text.js';
import { progress } from '../expect.js';
import type { ContextRule } from '../types.js';

/** Qualifiers written before a figure (`约60%`, `>90%`): the written form is kept on the observation. */
const QUALIFIER_BEFORE = /(大约|约为|约合|大概|差不多|将近|接近|超过|不低于|不少于|至少|约|近|超|逾|>=|<=|≥|≤|>|<|≈|~|±)\s*$/u;
/** English qualifiers (asked only after a Latin letter). */
const QUALIFIER_BEFORE_EN = /\b(about|around|roughly|approximately|approx\.|nearly|almost)\s*$/i;
/** Verbs between a label and its figure (`达到`, `提升至`, `做了`, `也到了`): skipped to find the label. */
const VERB_BEFORE =
  /(?:(?:也|才|只|已经|已|刚|就|都|又)?(?:做|干|写|搞|弄|推|走|到)(?:了|到)|(?:提升|提高|增长|增加|上升|下降|降低|回落|回升|推进|升|增|降|涨|跌|变)(?:至|到|为)|已达到|已达|达到|到达|达|已经|已|为|是|在|至|到|有|:)\s*$/u;
/** English verbs of state (asked only after a Latin letter): `is at`, `had reached`, `was`. */
const VERB_BEFORE_EN = /\b(?:(?:(?:is|are|was|were|stands?|stood|sits?|lags?|had|has|have)\s+)?(?:at|reached)|is|are|was|were)\s*$/i;
/** A dash between a name and its figure: `日志链路切换 —— 70%`, `Kafka migration — 35% complete`. */
const DASH_BEFORE = /(?:—+|–|--|\s-)\s*$/u;
const QUALIFIER_AFTER = /^\s*(以上|左右|多|强|\+)/u;
/** Ending a label after its KPI word, a noun that makes the label the name of a piece of work. */
const WORK_NOUN_AFTER =
  /(?:\b(?:cleanup|clean-up|migration|rollout|revamp|redesign|rewrite|refactor(?:ing)?|upgrade|integration|dashboard|project|programme|program|initiative|epic|feature|tool(?:ing)?|service|pipeline|module|engine|model|sync|job|platform|system|overhaul|automation|gateway|framework|tracker|checker|monitor(?:ing)?|alerting|api|sdk|library|portal|console|app|bot|router|scheduler|collector|exporter|agent|workflow|suite|v\d+(?:\.\d+)*)\b|项目|专项|改造|平台|系统|建设|看板|工具|模型|重构|升级|引擎|中心|服务|模块|网关|组件|框架|工程|体系|能力|功能|报表|大盘|治理|优化|接入|迁移|开发|上线|机器人|监控|告警|自动化|方案|规则|链路|插件|后台|中台)[\s:：▸>→\-—]*$/iu;

/** The characters the words of QUALIFIER_BEFORE, VERB_BEFORE and DASH_BEFORE end with (their patterns' prefilters). */
const QUALIFIER_END = new Set([...'约为合概多近过于少超逾=≥≤><≈~±']);
const VERB_END = new Set([...'至到为达经已是在有了:']);
const DASH_END = new Set([...'—–-']);
/** The English patterns are asked only after a Latin letter or a dot. */
const LATIN_OR_DOT = /[A-Za-z.]/;

/** `\s` of a RegExp, by code unit (the space test of the patterns above). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Characters a text progress bar ends with. */
const BAR_END = new Set([...'█▉▊▋▌▍▎▏░▒▓▰▱■□▮▯◼◻⬛⬜']);
/** A text progress bar at the end of a window: block characters, or `[####----]`, `[====>   ]`. */
const BAR_BEFORE = /(?:\[[#=>\-.\s*█▉▊▋▌▍▎▏░▒▓▰▱■□▮▯]{4,}\]|[█▉▊▋▌▍▎▏░▒▓▰▱■□▮▯◼◻⬛⬜]{3,})\s*$/u;

/** A status mark between a name and its figure (`集中器固件 OTA — 🟡 72%`, `✅ 100%`): coloured circles and squares, ticks, warnings. */
const MARK_BEFORE = /(?:[\u{1F534}-\u{1F53D}\u{1F7E0}-\u{1F7EB}\u{26A0}\u{26AA}\u{26AB}\u{2705}\u{274C}\u{274E}\u{2714}\u{2716}\u{2757}\u{2B55}]\u{FE0F}?\s*)+$/u;
/** Last code units such a mark ends with: a low surrogate (astral emoji), a variation selector or one of the BMP marks. */
function isMarkEnd(c: number): boolean {
  return (c >= 0xdc00 && c <= 0xdfff) || c === 0xfe0f || c === 0x26a0 || c === 0x26aa || c === 0x26ab || c === 0x2705 || c === 0x274c || c === 0x274e || c === 0x2714 || c === 0x2716 || c === 0x2757 || c === 0x2b55;
}

/** Position of the unclosed `(` before `pos` within [from, pos), or -1. */
function openParen(n: string, from: number, pos: number): number {
  const stack: number[] = [];
  for (let i = from; i < pos; i++) {
    if (n[i] === '(' || n[i] === '[' || n[i] === '【') stack.push(i);
    else if ((n[i] === ')' || n[i] === ']' || n[i] === '】') && stack.length) stack.pop();
  }
  return stack.length ? stack[stack.length - 1]! : -1;
}

export const label: ContextRule = {
  stage: 'context',
  name: 'label',
  description: 'the words before a figure name it: read back to the clause start past a qualifier (`约`, `>`), a verb (`达到`), a dash or a colon',
  accepts: [
    { text: '- 工单系统迁移进度约60%', expect: progress(60, '工单系统迁移', null, { qualifier: '约' }) },
    { text: '- 日志链路切换 —— 70%', expect: progress(70, '日志链路切换') },
    { text: '**集中器固件 OTA 平台** — 🟡 72%', expect: progress(72, '集中器固件 OTA 平台') },
    { text: '- Ledger v2 — ✅ 100%', expect: progress(100, 'Ledger v2') },
    { text: '- 数据湖建设进度已达到 80%', expect: progress(80, '数据湖建设') },
    { text: '- Bed management module is about 30% configured, ward lists done', expect: progress(30, 'Bed management module', null, { qualifier: 'about' }) },
  ],
  rejects: [],
  read(f, lx) {
    const { n, line } = f;
    const t = line.t;
    const m = f.m;
    const segFrom = f.segFrom;
    let labelEnd = f.pair ? f.pair.start : m.start;
    let found = false;
    for (let guard = 0; guard < 8; guard++) {
      // Bounded windows keep the end-anchored regexes linear on huge lines; the words they look for are short.
      const sFrom = Math.max(segFrom, labelEnd - 24);
      // The last character before the figure that is not a space: each pattern below can only match when it is
      // one its words end with, so most figures ask no pattern at all.
      let j = labelEnd - 1;
      while (j >= sFrom && isSpace(n.charCodeAt(j))) j--;
      const last = j >= sFrom ? n[j]! : '';
      const latin = last !== '' && LATIN_OR_DOT.test(last);
      // A progress bar drawn in text before the figure (`████░░░░ 50%`, `[#####-----] 50%`, `▰▰▰▱▱ 40%`): read past it, noted.
      if (BAR_END.has(last) || last === ']') {
        const bFrom = Math.max(segFrom, labelEnd - 64);
        const b = BAR_BEFORE.exec(n.slice(bFrom, labelEnd));
        if (b) {
          f.bar ??= b[0].trim();
          labelEnd = bFrom + b.index;
          continue;
        }
      }
      // A status mark before the figure (`— 🟡 72%`) says how it goes, not what: read past it.
      if (j >= sFrom && isMarkEnd(n.charCodeAt(j))) {
        const e = MARK_BEFORE.exec(n.slice(sFrom, labelEnd));
        if (e && sFrom + e.index > segFrom) {
          labelEnd = sFrom + e.index;
          continue;
        }
      }
      // Nothing to read past: no word of the patterns ends here, no bracketed remark, no spaces.
      if (!latin && !QUALIFIER_END.has(last) && !VERB_END.has(last) && !DASH_END.has(last) && last !== ')' && j === labelEnd - 1) break;
      const near = n.slice(sFrom, labelEnd);
      const q = (QUALIFIER_END.has(last) ? QUALIFIER_BEFORE.exec(near) : null) ?? (latin ? QUALIFIER_BEFORE_EN.exec(near) : null);
      if (q) {
        f.qualifier ??= written(t, sFrom + q.index, sFrom + q.index + q[1]!.length);
        labelEnd = sFrom + q.index;
        found = true;
        continue;
      }
      const v = (VERB_END.has(last) ? VERB_BEFORE.exec(near) : null) ?? (latin ? VERB_BEFORE_EN.exec(near) : null);
      if (v && v[0].trim()) {
        if (v[0].includes(':')) f.hadColon = true;
        else {
          f.hadVerb = true;
          f.verb ??= v[0].trim();
        }
        labelEnd = sFrom + v.index;
        continue;
      }
      const d = DASH_END.has(last) ? DASH_BEFORE.exec(near) : null;
      if (d && sFrom + d.index > segFrom) {
        f.hadDash = true;
        labelEnd = sFrom + d.index;
        continue;
      }
      const wFrom = Math.max(segFrom, labelEnd - 64);
      const before = n.slice(wFrom, labelEnd);
      // A bracketed remark between label and figure: `迁移进度（总数164个）：69.29%`.
      const p = /\([^()]{0,40}\)\s*$/u.exec(before);
      if (p && wFrom + p.index > segFrom && !p[0].includes('%')) {
        labelEnd = wFrom + p.index;
        continue;
      }
      const ws = /\s+$/u.exec(before);
      if (ws) {
        labelEnd = wFrom + ws.index;
        continue;
      }
      break;
    }
    f.paren = openParen(n, Math.max(segFrom, m.start - 200), m.start);
    f.inParens = f.paren >= 0;
    const ms = line.figures;
    const k = f.k;
    let labelStart = labelEnd;
    // The figure before this one (before its earlier partner, for a change `由45%提升至60%`) bounds the
    // label; without it a change after other figures read back to the segment start, so every name
    // held the whole line before it (quadratic on long lines, issue 8).
    const prev = (f.pair ? f.pair.earlier : k) - 1;
    let floor = Math.max(segFrom, f.inParens ? f.paren + 1 : 0, prev >= 0 ? ms[prev]!.end : 0);
    // A line whose name is set off by a dash (`老账务数据迁移 — 已迁移 71%`): the figure's words start after the dash.
    const dashEnd = line.dashBody();
    if (dashEnd > floor && dashEnd <= labelEnd) floor = dashEnd;
    while (labelStart > floor && !isBoundaryAt(n, labelStart - 1)) labelStart--;
    // A `、` or `)` right after the previous figure is punctuation, not part of this label.
    let text = n.slice(labelStart, labelEnd).replace(/^[\s、,)\]】]+/u, '');
    // A leading status tag (`【已完成】提现风控`) is no part of the label: its words say nothing of the figure.
    f.headStart = labelEnd - text.length;
    const tag = /^[【\[]([^】\]]{1,12})[】\]]\s*/u.exec(text);
    if (tag && lx.lists.statusWords.is(tag[1]!) && text.length > tag[0].length) text = text.slice(tag[0].length);
    f.labelStart = labelEnd - text.length;
    f.labelEnd = labelEnd;
    f.label = text.trim();

    // What follows the figure, to the clause end or the next figure, whichever comes first. The scan
    // stops at the next figure: scanning on to the clause end made a long line of figures without
    // clause boundaries (`甲 1% 乙 2% …`, `、`-separated) quadratic (issue 8: 100,000 figures never finished).
    const next = ms[k + 1];
    const limit = next ? Math.min(n.length, next.start) : n.length;
    let clauseEnd = m.end;
    while (clauseEnd < limit && !isBoundaryAt(n, clauseEnd) && !(f.inParens && n[clauseEnd] === ')')) clauseEnd++;
    f.clauseEnd = clauseEnd;
    f.after = n.slice(m.end, clauseEnd);
    const qa = QUALIFIER_AFTER.exec(f.after);
    if (qa) f.qualifier ??= qa[1];
    if (m.qualifier) f.qualifier ??= m.qualifier;

    // The words classify and name rules ask about.
    f.kpiWord = lx.lists.kpiWords.find(f.label);
    // A KPI word inside the name of a piece of work is no KPI (`Data retention cleanup: 85%`, `留存分析看板 60%`).
    if (f.kpiWord) {
      const at = f.label.toLowerCase().lastIndexOf(f.kpiWord.toLowerCase());
      if (at >= 0 && WORK_NOUN_AFTER.test(f.label.slice(at + f.kpiWord.length))) f.kpiWord = undefined;
    }
    f.progressHit = lx.lists.progressWords.last(f.label);
    // Right after the figure: `60%完成`, `75% complete`; in English within a few words (`98% of stored cards moved`).
    const latin = /^\s*[a-z]+(?:[\s-]+[a-z]+){0,4}/i.exec(f.after)?.[0];
    f.progressAfter = lx.lists.progressWords.last(latin ?? f.after.slice(0, 6));
    // Listed by `check` when it had to read past something (a qualifier, a verb, a dash).
    return found || f.hadVerb || f.hadDash;
  },
};
