// The percentage grammar of one line of prose: which figures are progress, which KPI, which noise, and their names.

import type { Finding, Observation, Warning } from '../model/types.js';
import { cleanName, headingName, isFieldLabel, isMetricWord, isNameLike, stripMarkers, stripStatus, tidyName } from './names.js';
import { compileVocabulary, wordList } from './compiled.js';
import { findWord, inRanges, isUrlEncoded, normalize, scanPercents, urlRanges, written, type NormalText, type PercentMatch } from './text.js';
import type { Vocabulary } from './vocabulary.js';

/** Where a line sits in the document: what the grammar may borrow a name or a context from. */
export interface LineContext {
  headings: string[];
  parents: string[];
  /** A short intro paragraph just above a list (`成功率：`), if any. */
  intro: string;
  kind: 'heading' | 'paragraph' | 'item' | 'code';
  /** Set when a heading puts the line in an ignored section (reflection, next week's plan). */
  ignoredSection?: string;
  /** The report's own project (`项目名称：…`, or its title): the last resort for a figure without a name. */
  documentName?: string;
}

/** What the grammar makes of one percentage. */
export interface Outcome {
  finding: Finding;
  observation?: Observation;
  warnings: Warning[];
  /** Index of the `；`-segment the figure is in (for planned/prev pairing). */
  segment: number;
  /** For figures kept as context of a sibling: `prev` (last week) or `planned`. */
  role?: 'prev' | 'planned';
}

/** Most decimals we keep; more is noise (`99.999999999%`). */
const MAX_DECIMALS = 4;

/** Ends of a `；`-segment (normalised): `;` `。` `!` `?`. A clause also ends at `,` (and at a `:` not between digits). */
const SEGMENT_END = new Set([';', '。', '!', '?']);

/** Qualifiers written before a figure (`约60%`, `>90%`): the written form is kept on the observation. */
const QUALIFIER_BEFORE = /(大约|约为|约合|大概|将近|接近|超过|不低于|不少于|至少|约|近|超|逾|>=|<=|≥|≤|>|<|≈|~|±)\s*$/u;
/** Verbs between a label and its figure (`达到`, `提升至`): skipped to find the label. */
const VERB_BEFORE =
  /(?:(?:提升|提高|增长|增加|上升|下降|降低|回落|回升|推进|升|增|降|涨|跌|变)(?:至|到|为)|已达到|已达|达到|到达|达|已经|已|为|是|在|至|到|有|:)\s*$/u;
const QUALIFIER_AFTER = /^\s*(以上|左右|多|强|\+)/u;
const LAST_WEEK = /^(?:上周|上期|上次|上月|last week)/iu;

/** `SEGMENT_END.has(s[i])` by code unit. */
function isSegmentEndCode(c: number): boolean {
  return c === 59 || c === 0x3002 || c === 33 || c === 63;
}

function isBoundaryAt(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code === 44 || isSegmentEndCode(code)) return true;
  if (code === 58) return !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''));
  return false;
}

/** A label that is only a progress word with filler (`进度`, `当前进度`, `完成比例`): no name. */
function isBareProgressLabel(raw: string, vocab: Vocabulary): boolean {
  const pw = lastProgressWord(raw, vocab.progressWords);
  return !!pw && !cleanName(raw.slice(0, pw.index), vocab) && !raw.slice(pw.index + pw.word.length).trim();
}

/** The line's head: the words before its first `，` or `：` when they name something (not `负责人`, not `进度`). */
function lineHead(n: string, from: number, vocab: Vocabulary): { start: number; end: number; name: string } | null {
  let i = from;
  while (i < n.length && !isBoundaryAt(n, i)) i++;
  if (i >= n.length || SEGMENT_END.has(n[i]!) && n[i] !== ';') return null;
  const raw = n.slice(from, i);
  if (!isNameLike(stripStatus(raw, vocab)) || isFieldLabel(raw, vocab) || isBareProgressLabel(raw, vocab)) return null;
  return { start: from, end: i, name: raw };
}

/** A dash between a name and its figure: `日志链路切换 —— 70%`, `Kafka migration — 35% complete`. */
const DASH_BEFORE = /(?:—+|–|--|\s-)\s*$/u;

/** What may follow a figure that ends its item: a bracketed remark, an arrow, a qualifier. */
function endsClause(after: string): boolean {
  const rest = after.replace(/^\s*(?:以上|左右|\+)?/u, '').replace(/[↑↓↗↘⬆⬇]/gu, '').trim();
  return rest === '' || /^[(\[【]/u.test(rest);
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

/** Later figures of a change (`由45%提升至60%`, `从30%到50%`, `45%→60%`): later index → earlier index and where the change starts. */
function changePairs(n: string, ms: PercentMatch[]): Map<number, { earlier: number; start: number }> {
  const out = new Map<number, { earlier: number; start: number }>();
  for (let k = 1; k < ms.length; k++) {
    const a = ms[k - 1]!;
    const b = ms[k]!;
    const between = n.slice(a.end, b.start);
    if (between.length > 12) continue;
    const joined = /^\s*(?:提升|提高|增长|增加|上升|推进|升|增|下降|降低|回落|回退|降|调整|变)?\s*(?:到|至|为|->|→|=>|~>)\s*$/u.test(between);
    if (!joined) continue;
    const lead = /(由|从)\s*$/u.exec(n.slice(Math.max(0, a.start - 4), a.start));
    const arrow = /(->|→|=>)/.test(between);
    if (!lead && !arrow && !/(到|至)/.test(between)) continue;
    // `10%至20%` with nothing saying "change" is a range; only take it with 由/从 or an arrow.
    if (!lead && !arrow) continue;
    out.set(k, { earlier: k - 1, start: lead ? a.start - lead[0].length : a.start });
  }
  return out;
}

/** The last progress word in a label: the name is what precedes it. */
function lastProgressWord(label: string, words: readonly string[]): { index: number; word: string } | null {
  const list = wordList(words);
  const lower = label.toLowerCase();
  if (!list.maybeIn(lower)) return null;
  let best: { index: number; word: string; end: number } | null = null;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const i = lower.lastIndexOf(list.lower[k]!);
    if (i < 0) continue;
    // Latin words must stand alone (`done`, not `abandoned`).
    if (list.asciiStart(k) && (/[a-z]/i.test(label[i - 1] ?? '') || /[a-z]/i.test(label[i + w.length] ?? ''))) continue;
    const end = i + w.length;
    if (!best || end > best.end || (end === best.end && i < best.index)) best = { index: i, word: w, end };
  }
  return best ? { index: best.index, word: best.word } : null;
}

/** Rounds absurd precision; never rounds a figure below 100 up to 100. */
export function roundPercent(v: number): { value: number; rounded: boolean } {
  const f = 10 ** MAX_DECIMALS;
  let r = Math.round(v * f) / f;
  if (r >= 100 && v < 100) r = Math.floor(v * f) / f;
  return { value: Object.is(r, -0) ? 0 : r, rounded: r !== v };
}

/** Name of the nearest parent item (its head, or the words before its progress word). */
function parentName(parents: readonly string[], vocab: Vocabulary): string {
  const memo = compileVocabulary(vocab).memo<string>('parentItemName');
  for (let i = parents.length - 1; i >= 0; i--) {
    const name = memo.get(parents[i]!, (p) => parentItemName(p, vocab));
    if (name) return name;
  }
  return '';
}

/** The name one parent item gives its children ('' when it names nothing). */
function parentItemName(parent: string, vocab: Vocabulary): string {
  const n = normalize(parent);
  let end = 0;
  const s = n.norm;
  const from = s.length - stripMarkers(s).length;
  end = from;
  while (end < s.length && !isBoundaryAt(s, end)) end++;
  let raw = s.slice(from, end);
  const pw = lastProgressWord(raw, vocab.progressWords);
  if (raw.includes('%') || pw) raw = pw ? raw.slice(0, pw.index) : raw.replace(/[\d.\s]*%.*$/u, '');
  return cleanName(written(n, from, from + raw.length), vocab);
}

function nearestHeading(headings: readonly string[], vocab: Vocabulary): string {
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headingName(headings[i]!, vocab);
    if (h) return h;
  }
  return '';
}

/** `text` with every occurrence of each word (in list order, case-sensitive) replaced by a space. */
function maskWords(text: string, words: readonly string[]): string {
  if (!wordList(words).maybeWrittenIn(text)) return text;
  let c = text;
  for (const w of words) if (w && c.includes(w)) c = c.split(w).join(' ');
  return c;
}

/** Does a heading, parent item or intro above the line name a metrics block (`运行数据`, `成功率：`)? */
function kpiText(c: string, vocab: Vocabulary): boolean {
  const memo = compileVocabulary(vocab).memo<boolean>('kpiContext');
  return memo.get(c, () => {
    const nfkc = c.normalize('NFKC');
    return findWord(nfkc, vocab.kpiSections) !== undefined || findWord(nfkc, vocab.kpiWords) !== undefined;
  });
}

/** kpiText over a line's whole context, computed once per context (every line of a block shares it). */
const kpiContexts = new WeakMap<LineContext, { intro: string; headings: string[]; parents: string[]; verdict: boolean }>();
function inKpiContext(ctx: LineContext, vocab: Vocabulary): boolean {
  const hit = kpiContexts.get(ctx);
  // Same lists and intro as when computed (a caller may reuse a context object with other contents).
  if (hit && hit.intro === ctx.intro && hit.headings === ctx.headings && hit.parents === ctx.parents) return hit.verdict;
  const verdict = [ctx.intro, ...ctx.headings, ...ctx.parents].some((c) => !!c && kpiText(c, vocab));
  kpiContexts.set(ctx, { intro: ctx.intro, headings: ctx.headings, parents: ctx.parents, verdict });
  return verdict;
}

/**
 * Reads one line. `text` is the line as written (a table cell or a paragraph line); every
 * percentage in it yields an Outcome with a Finding, progress and KPI figures an Observation.
 */
export function readLine(text: string, line: number, ctx: LineContext, vocab: Vocabulary): Outcome[] {
  if (!text.includes('%') && !text.includes('％') && !text.includes('﹪')) return [];
  const t = normalize(text);
  const n = t.norm;
  const ms = scanPercents(n);
  const { lists } = compileVocabulary(vocab);
  if (!ms.length) return [];
  const out: Outcome[] = [];
  const urls = urlRanges(n);
  const markerEnd = n.length - stripMarkers(n).length;
  const head = ctx.kind === 'code' ? null : lineHead(n, markerEnd, vocab);
  const pairs = changePairs(n, ms);
  const earlier = new Set([...pairs.values()].map((p) => p.earlier));
  const trimmed = text.trim();

  // `；` `。` split items that share a line: positions of those ends, for segment lookups.
  const ends: number[] = [];
  for (let i = 0; i < n.length; i++) if (isSegmentEndCode(n.charCodeAt(i))) ends.push(i);
  const endsBefore = (pos: number): number => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const segOf = (pos: number): number => endsBefore(pos);
  const segmentStartOf = (pos: number): number => {
    const k = endsBefore(pos);
    return k === 0 ? 0 : ends[k - 1]! + 1;
  };

  const kpiContext = inKpiContext(ctx, vocab);

  const segmentIgnore = new Map<number, string | undefined>();
  let lastProgress: Outcome | undefined;
  ms.forEach((m, k) => {
    const match = written(t, m.start, m.end);
    const segment = segOf(m.start);
    const res: Outcome = { finding: { line, match, verdict: 'ignored' }, warnings: [], segment };
    out.push(res);
    const ignore = (reason: string, warn?: string) => {
      res.finding.reason = reason;
      if (warn) res.warnings.push({ line, message: warn });
    };

    if (ctx.kind === 'code') return ignore('in a code block');
    if (inRanges(m.start, urls) || isUrlEncoded(n, m)) return ignore('URL-encoded byte or link, not a percentage');
    if (ctx.ignoredSection) return ignore(`in section "${ctx.ignoredSection}"`);
    if (earlier.has(k)) return ignore('earlier figure of a change (kept as prev of the later one)');

    // ---- the label: the words before the figure, back to the clause start
    const segFrom = segmentStartOf(m.start);
    const pair = pairs.get(k);
    let labelEnd = pair ? pair.start : m.start;
    let qualifier: string | undefined;
    let hadColon = false;
    let hadDash = false;
    let hadVerb = false;
    for (let guard = 0; guard < 8; guard++) {
      // A bounded window keeps the end-anchored regexes linear on huge lines.
      const wFrom = Math.max(segFrom, labelEnd - 64);
      const before = n.slice(wFrom, labelEnd);
      const q = QUALIFIER_BEFORE.exec(before);
      if (q) {
        qualifier ??= written(t, wFrom + q.index, wFrom + q.index + q[1]!.length);
        labelEnd = wFrom + q.index;
        continue;
      }
      const v = VERB_BEFORE.exec(before);
      if (v && v[0].trim()) {
        if (v[0].includes(':')) hadColon = true;
        else hadVerb = true;
        labelEnd = wFrom + v.index;
        continue;
      }
      const d = DASH_BEFORE.exec(before);
      if (d && wFrom + d.index > segFrom) {
        hadDash = true;
        labelEnd = wFrom + d.index;
        continue;
      }
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
    const paren = openParen(n, Math.max(segFrom, m.start - 200), m.start);
    const inParens = paren >= 0;
    let labelStart = labelEnd;
    const floor = Math.max(segFrom, inParens ? paren + 1 : 0, k > 0 && !earlier.has(k - 1) ? ms[k - 1]!.end : 0);
    while (labelStart > floor && !isBoundaryAt(n, labelStart - 1)) labelStart--;
    // A `、` or `)` right after the previous figure is punctuation, not part of this label.
    let label = n.slice(labelStart, labelEnd).replace(/^[\s、,)\]】]+/u, '');
    // A leading status tag (`【已完成】提现风控`) is no part of the label: its words say nothing of the figure.
    const headStart = labelEnd - label.length;
    const tag = /^[【\[]([^】\]]{1,12})[】\]]\s*/u.exec(label);
    if (tag && lists.statusWords.lowerSet.has(tag[1]!.trim().toLowerCase()) && label.length > tag[0].length) {
      label = label.slice(tag[0].length);
    }
    labelStart = labelEnd - label.length;
    label = label.trim();

    // ---- what follows the figure, to the clause end
    let clauseEnd = m.end;
    while (clauseEnd < n.length && !isBoundaryAt(n, clauseEnd) && !(inParens && n[clauseEnd] === ')')) clauseEnd++;
    const next = ms[k + 1];
    if (next && next.start < clauseEnd) clauseEnd = next.start;
    const after = n.slice(m.end, clauseEnd);
    const qa = QUALIFIER_AFTER.exec(after);
    if (qa) qualifier ??= qa[1];

    // ---- a fraction beside the figure: `69%（58/84）`, `237 / 248 (95.56%)`
    let done: number | undefined;
    let total: number | undefined;
    let fractionAfter = false;
    const fa = /^\s*\(\s*(\d+)\s*\/\s*(\d+)\s*\)/u.exec(n.slice(m.end, m.end + 40));
    const fb = /(?<![\d/.])(\d+)\s*\/\s*(\d+)\s*(?:完成|已完成|done|个|项|台|张)?\s*\(?\s*$/u.exec(n.slice(Math.max(0, m.start - 40), m.start));
    if (fa) {
      done = Number(fa[1]);
      total = Number(fa[2]);
      fractionAfter = true;
    } else if (fb) {
      done = Number(fb[1]);
      total = Number(fb[2]);
    }

    // ---- classification
    const clause = `${label} ${after}`;
    if (!segmentIgnore.has(segment)) {
      const segEnd = segment < ends.length ? ends[segment]! : n.length;
      segmentIgnore.set(segment, findWord(n.slice(segFrom, segEnd), vocab.ignoreWords));
    }
    // A rate word names the figure it labels (`毛利率 38%，折扣力度 85%` ignores only the 85); a figure
    // without words of its own takes its segment's.
    // KPI words mask the ignore words inside them (`付费率` holds `费率`, `毛利率` holds `利率`).
    // The figure's reach: back to the previous figure of its segment (or the segment start), on to its clause end.
    const reachFrom = Math.max(segFrom, k > 0 ? ms[k - 1]!.end : 0);
    const reach = maskWords(n.slice(reachFrom, Math.max(clauseEnd, m.end)), vocab.kpiWords);
    const ignoreWord = findWord(reach, vocab.ignoreWords) ?? (label ? undefined : segmentIgnore.get(segment));
    if (ignoreWord) return ignore(`"${ignoreWord}" is on the ignore list`);
    if (m.exponent) return ignore('written in scientific notation, not a plain figure', `${match} is not a plain percentage; ignored`);
    const kpiWord = findWord(label, vocab.kpiWords);
    const progressHit = lastProgressWord(label, vocab.progressWords);
    // Right after the figure: `60%完成`, `75% complete` (a whole Latin word, however long).
    const progressAfter = lastProgressWord(/^\s*[a-z]+/i.exec(after)?.[0] ?? after.slice(0, 6), vocab.progressWords);
    // Growth and target words inside the name (`风控效能提升总体进度`) are part of the name; only
    // those after the progress word, or in a label without one, describe the figure.
    const namePart = progressHit ? label.slice(0, progressHit.index) : '';
    const describing = progressHit ? label.slice(progressHit.index + progressHit.word.length) : label;
    const nameTail = namePart.replace(/[\s的]+$/u, '');
    const targetWord =
      (/^\s*(?:以下|以内|以上的?目标)/u.test(after) ? '以下' : undefined) ??
      findWord(describing, vocab.targetWords) ??
      vocab.targetWords.find((w) => nameTail.endsWith(w)) ??
      (/^\s*(?:的)?目标/u.test(after) ? '目标' : undefined);
    if (targetWord) {
      res.role = 'planned';
      return ignore(`a target or plan ("${targetWord}"), not a state`);
    }
    if (m.sign === '+') return ignore('a signed change, not a level');
    const growthWord = findWord(describing, vocab.growthWords);
    if (growthWord && !pair) return ignore(`a growth or comparison ("${growthWord}"), not a level`);
    // `进度 80%（上周 70%）`: a bracketed last-week figure is context even without its own progress word.
    if ((progressHit || (inParens && /^(?:上周|上期|last week)$/iu.test(label))) && LAST_WEEK.test(label)) {
      res.role = 'prev';
      return ignore("last week's figure (kept as prev of this week's)");
    }
    const hasFraction = done !== undefined && total !== undefined;
    // The clause before this figure's label in the same segment (`堆垛机调试：进行中，约30%` → `进行中`).
    const prevClause = (): { start: number; end: number } | null => {
      let pe = labelStart - 1;
      while (pe >= segFrom && /\s/.test(n[pe]!)) pe--;
      if (!(pe > segFrom && isBoundaryAt(n, pe))) return null;
      let ps = pe;
      while (ps > segFrom && pe - ps < 200 && !isBoundaryAt(n, ps - 1)) ps--;
      return { start: ps, end: pe };
    };
    const bareLabel = label.replace(/[\s、,)\]】]+/gu, '') === '';
    const pc = bareLabel ? prevClause() : null;
    const ongoing = pc !== null && lists.ongoingWords.lowerSet.has(tidyName(n.slice(pc.start, pc.end)).toLowerCase());
    const labelName = stripStatus(stripMarkers(label), vocab);
    // `老系统下线 90%`, `【阻塞】税务代扣对接 20%，等待确认`: a list item that is just a name and its figure.
    // `生产集群 6/10 完成（60%）`: the progress word stands just before the bracket.
    const beforeParen = inParens && bareLabel ? n.slice(segFrom, paren).replace(/[\s\d/]+$/u, '') : '';
    const parenProgress = !!beforeParen && lists.progressWords.lower.some((lw) => beforeParen.toLowerCase().endsWith(lw));
    // `美术资源完成约70%，剧情配音 50%`: a bare name after a progress figure of the same segment is one more.
    const sibling = !!lastProgress && lastProgress.segment === segment && !inParens && !hadVerb;
    const itemHead = !hadVerb && ctx.kind !== 'heading' && headStart <= markerEnd && (ctx.kind === 'item' || markerEnd > 0) && !inParens;
    let verdict: 'progress' | 'kpi' | undefined;
    let why = '';
    if (kpiWord) {
      verdict = 'kpi';
      why = `an operating figure ("${kpiWord}")`;
    } else if (!progressHit && /\p{L}率$/u.test(label)) {
      verdict = 'kpi';
      why = `an operating figure (a rate: "${label.slice(-4)}")`;
    } else if (/覆盖/u.test(clause) && !progressHit) {
      return ignore('a coverage figure, not completion');
    } else if (progressHit || progressAfter || (pair && ctx.kind !== 'heading')) {
      verdict = 'progress';
    } else if (kpiContext && !hasFraction) {
      verdict = 'kpi';
      why = 'an operating figure (listed under a metrics heading)';
    } else if (ctx.kind !== 'heading' && hasFraction) {
      verdict = 'progress';
    } else if (ctx.kind !== 'heading' && hadColon && isNameLike(labelName) && !after.replace(/^[\s)\]】]+/u, '').trim()) {
      verdict = 'progress';
    } else if (parenProgress) {
      verdict = 'progress';
    } else if ((hadDash || hadColon || itemHead || sibling) && isNameLike(labelName) && !/占比/u.test(label) && endsClause(after)) {
      verdict = 'progress';
    } else if (ongoing && ctx.kind !== 'heading') {
      verdict = 'progress';
    }
    if (!verdict) {
      if (/占比/u.test(label)) return ignore('a share, not progress');
      return ignore(ctx.kind === 'heading' ? 'in a heading without a progress word' : 'no progress word nearby');
    }

    // ---- the value
    if (!Number.isFinite(m.value) || m.value < 0 || m.value > 100) {
      return ignore(`outside 0–100`, `${match} is outside 0–100; not taken as ${verdict}`);
    }
    const { value, rounded } = roundPercent(m.value);
    if (rounded) res.warnings.push({ line, message: `${match} has more than ${MAX_DECIMALS} decimals; kept as ${value}%` });

    // ---- names
    let project = '';
    let metric: string | null = null;
    let headingOwn = false;
    const headName = head && head.end <= labelStart ? cleanName(written(t, head.start, head.end), vocab) : '';
    const ownIsHead = labelStart <= markerEnd || (head !== null && labelStart <= head.start);
    if (verdict === 'kpi') {
      project = cleanName(written(t, labelStart, labelEnd), vocab) || headName || cleanName(ctx.intro, vocab) || parentName(ctx.parents, vocab) || nearestHeading(ctx.headings, vocab);
    } else {
      const nameRaw = progressHit ? label.slice(0, progressHit.index) : label;
      const own = cleanName(written(t, labelStart, labelStart + nameRaw.length), vocab, !!progressHit);
      const owner = () => headName || parentName(ctx.parents, vocab) || nearestHeading(ctx.headings, vocab) || (ctx.documentName ?? '');
      headingOwn = own !== '';
      if (own) {
        if (isMetricWord(own, vocab)) {
          project = (ownIsHead ? '' : headName) || parentName(ctx.parents, vocab) || nearestHeading(ctx.headings, vocab);
          metric = project ? own : null;
          if (!project) project = own;
        } else if (ownIsHead || !headName) {
          project = own;
        } else {
          project = headName;
          metric = own;
        }
      } else if (inParens) {
        // `数据确权：…(完成度98.52%)`, `[core] 237 / 248 (95.56%)`: the line's head, else the words before the bracket.
        let before = n.slice(segmentStartOf(paren), paren);
        const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(':'));
        const from = segmentStartOf(paren) + (cut >= 0 ? cut + 1 : 0);
        before = n.slice(from, paren).replace(/\d+\s*\/\s*\d+\s*$/u, '');
        const bracketName = before.includes('%') ? '' : cleanName(written(t, from, from + before.length), vocab);
        // `## 创作者激励计划（进度60%）`: a heading's figure in brackets is named by the words before them.
        if (ctx.kind === 'heading' && bracketName) headingOwn = true;
        project = headName || bracketName || owner();
      } else {
        // A bare `进度90%` clause: the clause before it in the same segment names it, unless it is a
        // field's value (`负责人：周凯，进度：80%`) or a status remark (`延期，进度20%`).
        const p = prevClause();
        const ps = p ? p.start : labelStart;
        const pe = p ? p.end : labelStart;
        const prevRaw = p ? n.slice(ps, pe) : '';
        const prevIsHead = head !== null && ps <= head.start;
        let fieldValue = false;
        if (p && ps > segFrom && n[ps - 1] === ':') {
          let fs = ps - 1;
          while (fs > segFrom && !isBoundaryAt(n, fs - 1)) fs--;
          fieldValue = isFieldLabel(n.slice(fs, ps - 1), vocab);
        }
        const prev = prevRaw && !fieldValue && isNameLike(stripStatus(prevRaw, vocab)) ? cleanName(written(t, ps, pe), vocab) : '';
        if (prev && !prevIsHead && headName) {
          project = headName;
          metric = prev;
        } else {
          project = prev || owner();
        }
      }
      if (metric && project.includes(metric)) metric = null;
    }
    if (ctx.kind === 'heading' && verdict === 'progress' && !headingOwn) {
      return ignore('in a heading without a name of its own');
    }
    if (!project) {
      return ignore('no name for this figure (no words before it, no heading)', `${match} has no project name; ignored`);
    }

    res.finding.verdict = verdict;
    if (why) res.finding.reason = why;
    res.finding.project = project;
    res.finding.metric = metric;
    res.finding.percent = value;
    const obs: Observation = {
      project,
      metric,
      percent: value,
      kind: verdict,
      line,
      section: [...ctx.headings],
      text: trimmed,
    };
    if (qualifier) obs.qualifier = qualifier;
    if (pair) {
      const prev = ms[pair.earlier]!.value;
      if (Number.isFinite(prev) && prev >= 0 && prev <= 100) obs.prev = roundPercent(prev).value;
      else res.warnings.push({ line, message: `the earlier figure ${written(t, ms[pair.earlier]!.start, ms[pair.earlier]!.end)} is outside 0–100; no prev kept` });
    }
    if (done !== undefined && total !== undefined) {
      obs.done = done;
      obs.total = total;
      const decimals = (m.digits.split('.')[1] ?? '').length;
      const tolerance = 10 ** -decimals + 1e-9;
      const exact = total > 0 ? (done / total) * 100 : NaN;
      if (!(Math.abs(exact - value) <= tolerance)) {
        const said = Number.isFinite(exact) ? `${Math.round(exact * 100) / 100}%` : 'no percentage (total 0)';
        if (fractionAfter || Number.isFinite(exact)) {
          res.warnings.push({
            line,
            message: `${match} disagrees with ${done}/${total} (= ${said}); kept ${value}% as written, check the report`,
          });
        }
      }
    }
    res.observation = obs;
    if (verdict === 'progress') lastProgress = res;
  });
  return out;
}

/** Exposed for tests: the tidy/clean helpers under one name each. */
export const _internal = { tidyName, cleanName };
