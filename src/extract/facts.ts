// What the rules look at: a line's facts (normalised text, segments, head, figures) and each figure's (label, clause, fraction).

import type { Block } from '../model/types.js';
import type { StatedDue } from './due.js';
import { remember, type Lexicon } from './lexicon.js';
import { cleanName, headingName, isFieldLabel, isGenericHeading, isNameLike, stripMarkers, stripStatus } from './names.js';
import { normalize, written, type NormalText } from './text.js';
import type { ColumnRole, ScannedFigure } from './rules/types.js';

/** Where a line sits in the document: what a rule may borrow a name or a context from. */
export interface LineContext {
  headings: string[];
  parents: string[];
  /** A short intro paragraph just above a list (`成功率：`), if any. */
  intro: string;
  kind: 'heading' | 'paragraph' | 'item' | 'code';
  /** Set when a heading or intro puts the line in an ignored section (reflection, next week's plan). */
  ignoredSection?: string;
  /** A heading, parent item or intro above the line names a block of operating figures (`运行数据`, `成功率：`). */
  readonly kpiSection: boolean;
  /** The report's own project (`项目名称：…`, or its title): the last resort for a figure without a name. */
  readonly documentName: string;
  /** The report's date (or its week's Friday), `YYYY-MM-DD`: gives a due date written without a year its year. */
  readonly reportDate: string | null;
  /** The report's own week (`2024-W11`), if found: which column of a week-by-week grid is this report's. */
  readonly reportWeek?: string | null;
  /** The nearest heading's item states a figure of its own in the paragraph right below it (`项目整体进度30%`). */
  readonly headingHasFigure?: boolean;
  /** The name the nearest parent item gives its children ('' when none does); asked once per block. */
  parentName(): string;
  /** The nearest heading that names something ('' when none does); asked once per section. */
  headingName(): string;
  /** The same context for a prose cell of a table row: the row's name is its parent. */
  withParent(name: string): LineContext;
  /** The name of a short lead paragraph above a list (`**预售尾款链路改造** [进行中]`), '' when none. */
  lead(): string;
  /**
   * A paragraph that opens with its topic (`关于账户体系重构。…`, `Checkout v2. …`): the topic's name, and where
   * its sentence ends (line, and position in that line's normalised text). Figures after it belong to it.
   */
  readonly topic: { name: string; line: number; end: number } | undefined;
}

/** Ends of a `；`-segment by code unit: `;` `。` `!` `?` (normalised). */
export function isSegmentEndCode(c: number): boolean {
  return c === 59 || c === 0x3002 || c === 33 || c === 63;
}

/** An English sentence's full stop: `.` after a letter or bracket and before a space or the end (`done. Next`, not `v2.0`). */
export function isSentenceDot(s: string, i: number): boolean {
  if (s.charCodeAt(i) !== 46 || (i + 1 < s.length && s.charCodeAt(i + 1) !== 32)) return false;
  const p = s.charCodeAt(i - 1);
  // After a letter, a closing bracket or a percent sign (`done.`, `(65%).`, `overall ~40%. Next …`), not after a
  // digit (`v2.`) nor in `e.g. `, `etc. `.
  const letter = (p >= 65 && p <= 90) || (p >= 97 && p <= 122) || p === 41 || p === 93 || p === 42 || p === 37;
  return letter && !/(?:^|\s)(?:e\.g|i\.e|etc|vs|approx|No|Mr|Ms|Dr|St)$/i.test(s.slice(Math.max(0, i - 7), i));
}

/** A clause ends at `,`, at a segment end (or a sentence's full stop), and at a `:` not between digits. */
export function isBoundaryAt(s: string, i: number): boolean {
  const code = s.charCodeAt(i);
  if (code === 44 || isSegmentEndCode(code)) return true;
  if (code === 46) return isSentenceDot(s, i);
  if (code === 58) return !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''));
  return false;
}

/** A label that is only a progress word with filler (`进度`, `当前进度`, `完成比例`): no name. */
export function isBareProgressLabel(raw: string, lx: Lexicon): boolean {
  const pw = lx.lists.progressWords.last(raw);
  return !!pw && !cleanName(raw.slice(0, pw.index), lx) && !raw.slice(pw.index + pw.word.length).trim();
}

const DASH_HINT = /[—–-]/u;
/** A dash between a name and what is said of it: `——`, ` — `, ` – `, ` - `, ` -- ` (not `A-B`, not `2/3-2/7`). */
const HEAD_DASH = /\s*——+\s*|\s+(?:—|–|--?)\s+/u;

/** The line's head: the words before its first `，` or `：` when they name something (not `负责人`, not `进度`). */
function lineHead(n: string, from: number, lx: Lexicon): { start: number; end: number } | null {
  let i = from;
  while (i < n.length && !isBoundaryAt(n, i)) i++;
  // A name set off by a spaced dash (`**Ledger v2** @Mia — schema frozen, …`, `支付对账重构 —— 后端…`): the head
  // ends at the dash, whether or not a comma follows (the words after the dash describe the week's work).
  const dash = i > from && DASH_HINT.test(n.slice(from, i)) ? HEAD_DASH.exec(n.slice(from, i)) : null;
  if (dash && dash.index > 0) {
    const length = remember(lx.heads, n.slice(from, from + dash.index), (clause) => headLength(clause, lx));
    if (length > 0) return { start: from, end: from + length };
  }
  if (i >= n.length || (isSegmentEndCode(n.charCodeAt(i)) && n[i] !== ';') || isSentenceDot(n, i)) return null;
  // The rest depends on the clause's words only: reports repeat their line heads week after week, so each is
  // judged once per process (in the lexicon's bounded memo).
  const length = remember(lx.heads, n.slice(from, i), (clause) => headLength(clause, lx));
  return length < 0 ? null : { start: from, end: from + length };
}

/** How much of a line's first clause names its item (-1: none of it). */
function headLength(clause: string, lx: Lexicon): number {
  let raw = clause;
  // `多租户隔离方案评审通过，…`: the subject of a stage just passed is the name.
  if (!isNameLike(stripStatus(raw, lx))) {
    const stage = /(?:方案)?(?:评审|联调|测试|验收|设计|开发|压测)(?:已)?(?:通过|中|完成|完毕)$/u.exec(raw);
    if (stage && stage.index >= 2) raw = raw.slice(0, stage.index);
  }
  if (!isNameLike(stripStatus(raw, lx)) || isFieldLabel(raw, lx) || isBareProgressLabel(raw, lx)) return -1;
  return raw.length;
}

const DASH_RUN = /^\s*(?:——+|—|–|--?)\s*/u;

function findDashBody(line: LineFacts, lx: Lexicon): number {
  const n = line.n;
  if (!DASH_HINT.test(n)) return -1;
  const h = line.head;
  if (!h) return -1;
  const d = DASH_RUN.exec(n.slice(h.end, h.end + 12));
  if (!d) return -1;
  let p = h.end + d[0].length;
  // A status between dashes (`- Amber -`, `— 进行中 —`) says how it goes, not what was done.
  for (let round = 0; round < 2; round++) {
    const next = /^([^\s—–-][^—–]{0,14}?)(\s+(?:——+|—|–|--?)\s*|\s*——+\s*)/u.exec(n.slice(p, p + 40));
    if (!next || !lx.lists.statusWords.is(next[1]!.trim())) break;
    p += next[0].length;
  }
  return p;
}

/** One line of prose with what every figure of it shares. */
export class LineFacts {
  readonly t: NormalText;
  /** The normalised text. */
  readonly n: string;
  /** Where leading list markers end (`1. `, `- `). */
  readonly markerEnd: number;
  private headFound: { start: number; end: number } | null | undefined;
  /** Positions of segment ends (`；` `。` `!` `?`). */
  private readonly ends: number[] = [];
  figures: ScannedFigure[] = [];
  /** URL ranges of the line (found when a figure first asks). */
  urls: [number, number][] | undefined;
  /** Later figure index → its earlier figure and where the change starts (`由45%提升至60%`); made when a change is found. */
  pairs: Map<number, { earlier: number; start: number }> | undefined;
  pairsRead = false;
  /** Indexes of figures that are the earlier side of a change (made with `pairs`). */
  earlier: Set<number> | undefined;
  /** The last figure of the line decided as progress so far (for siblings of one segment). */
  lastProgress: FigureFacts | undefined;
  /** What a rule found once for the whole line and its other figures read again (by rule name). */
  private sharedMap: Map<string, unknown> | undefined;
  private segmentIgnore: Map<number, string | undefined> | undefined;

  constructor(
    readonly text: string,
    readonly line: number,
    readonly ctx: LineContext,
    private readonly lx: Lexicon,
  ) {
    this.t = normalize(text);
    this.n = this.t.norm;
    const n = this.n;
    this.markerEnd = n.length - stripMarkers(n).length;
    if (ctx.kind === 'code') this.headFound = null;
    for (let i = 0; i < n.length; i++) {
      const c = n.charCodeAt(i);
      if (isSegmentEndCode(c) || (c === 46 && isSentenceDot(n, i))) this.ends.push(i);
    }
  }

  /** The line's head clause, when it names something (found when a name rule first asks). */
  get head(): { start: number; end: number } | null {
    if (this.headFound === undefined) this.headFound = lineHead(this.n, this.markerEnd, this.lx);
    return this.headFound;
  }

  /**
   * Where the words after a dash-ended head start (`Ledger v2 @Mia — schema frozen` → at `schema`; a status between
   * dashes is read past: `Dynamic packaging - Amber - search side 80%` → at `search`), or -1 when the line's head
   * is not ended by a dash. Found once per line.
   */
  dashBody(): number {
    if (this.dashBodyAt === undefined) this.dashBodyAt = findDashBody(this, this.lx);
    return this.dashBodyAt;
  }
  private dashBodyAt: number | undefined;

  /**
   * What a rule finds once for the whole line, under a rule-chosen key: `compute` runs for the first figure
   * that asks, every later figure of the line gets its result (also when it is null or false). A search of
   * the whole line per figure makes a long line quadratic; this is the place to keep such answers.
   */
  once<T>(key: string, compute: () => T): T {
    const map = (this.sharedMap ??= new Map());
    if (!map.has(key)) map.set(key, compute());
    return map.get(key) as T;
  }

  private endsBefore(pos: number): number {
    const { ends } = this;
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the segment holding `pos`. */
  segmentOf(pos: number): number {
    return this.endsBefore(pos);
  }

  segmentStart(pos: number): number {
    const k = this.endsBefore(pos);
    return k === 0 ? 0 : this.ends[k - 1]! + 1;
  }

  segmentEnd(segment: number): number {
    return segment < this.ends.length ? this.ends[segment]! : this.n.length;
  }

  /** The first ignore word of a whole segment (asked once per segment). */
  segmentIgnoreWord(segment: number, lx: Lexicon): string | undefined {
    const known = (this.segmentIgnore ??= new Map());
    if (!known.has(segment)) {
      const from = segment === 0 ? 0 : this.ends[segment - 1]! + 1;
      known.set(segment, lx.lists.ignoreWords.find(this.n.slice(from, this.segmentEnd(segment))));
    }
    return known.get(segment);
  }

  /** Is figure `k` the earlier side of a change (read by rule change-pair)? */
  isEarlier(k: number): boolean {
    return this.earlier !== undefined && this.earlier.has(k);
  }
}

/** One figure of a line and the facts the context rules found around it. */
export class FigureFacts {
  /** The figure as written (`60%`, `６０％`, `七成`). */
  readonly match: string;
  readonly segment: number;
  /** Start of the figure's segment. */
  readonly segFrom: number;
  /** The change this figure ends (`由45%提升至60%`), if any. */
  pair: { earlier: number; start: number } | undefined;

  // ---- the label (rule `label`)
  labelStart = 0;
  labelEnd = 0;
  /** The words before the figure back to the clause start, without a leading status tag. */
  label = '';
  /** Where the label started before a leading status tag was dropped. */
  headStart = 0;
  qualifier: string | undefined;
  hadColon = false;
  hadDash = false;
  /** A text progress bar drawn right before the figure (`████░░░░`, `[#####-----]`), as written. */
  bar: string | undefined;
  hadVerb = false;
  /** The verb read past between label and figure (`达到`, `is at`, `reached`), when one was. */
  verb: string | undefined;
  /** Position of the unclosed `(` before the figure, or -1. */
  paren = -1;
  inParens = false;
  /** Where the figure's clause ends, and its text after the figure. */
  clauseEnd = 0;
  after = '';

  // ---- a fraction (rule `fraction`)
  done: number | undefined;
  total: number | undefined;
  fractionAfter = false;

  // ---- a stated due date (rule `due-date`)
  due: StatedDue | undefined;
  // ---- a labelled list after a colon (rule `labelled-list`): `进度：前端 40%｜后端 30%`, `App 8.0：iOS 30%，Android 25%`
  list: { prefix: { start: number; end: number }; label: string; progressWord: string | undefined } | undefined;

  // ---- one of names listed, then their figures after 分别 (rule `respectively`): `东城区、北湖区进度偏慢（分别为 41% 和 37%）`
  respectively: { name: string; progressWord: string | undefined; kpiWord: string | undefined; kpiName: string | undefined } | undefined;

  // ---- words (found with the label)
  progressHit: { index: number; word: string } | null = null;
  progressAfter: { index: number; word: string } | null = null;
  kpiWord: string | undefined;

  /** Context rules that found something, and their notes. */
  readonly context: string[] = [];
  readonly notes: string[] = [];

  constructor(
    readonly line: LineFacts,
    readonly m: ScannedFigure,
    /** Position among the line's figures. */
    readonly k: number,
  ) {
    this.match = written(line.t, m.start, m.end);
    this.segment = line.segmentOf(m.start);
    this.segFrom = line.segmentStart(m.start);
    this.labelStart = this.labelEnd = this.headStart = this.clauseEnd = m.start;
  }

  get n(): string {
    return this.line.n;
  }

  get ctx(): LineContext {
    return this.line.ctx;
  }

  get hasFraction(): boolean {
    return this.done !== undefined && this.total !== undefined;
  }

  /** The label before its last progress word (the name part), or '' without one. */
  get namePart(): string {
    return this.progressHit ? this.label.slice(0, this.progressHit.index) : '';
  }

  /** The words that describe the figure: after the progress word, or the whole label without one. */
  get describing(): string {
    return this.progressHit ? this.label.slice(this.progressHit.index + this.progressHit.word.length) : this.label;
  }

  /** The label is only punctuation: the figure has no words of its own (`，约30%`, `(60%)`). */
  get bareLabel(): boolean {
    return this.label.replace(/[\s、,)\]】]+/gu, '') === '';
  }

  /** The clause before this figure's label in the same segment (`堆垛机调试：进行中，约30%` → `进行中`). */
  prevClause(): { start: number; end: number } | null {
    const n = this.n;
    let pe = this.labelStart - 1;
    while (pe >= this.segFrom && /\s/.test(n[pe]!)) pe--;
    if (!(pe > this.segFrom && isBoundaryAt(n, pe))) return null;
    let ps = pe;
    while (ps > this.segFrom && pe - ps < 200 && !isBoundaryAt(n, ps - 1)) ps--;
    return { start: ps, end: pe };
  }
}

/** The names a figure's surroundings give it, each found on first use. */
export class Owners {
  private headName: string | undefined;
  private ownName: string | undefined;
  private introName: string | undefined;
  private projectHeadingName: string | undefined;
  constructor(
    private readonly f: FigureFacts,
    private readonly lx: Lexicon,
  ) {}

  /**
   * The line's head clause, when it stands before the figure's label (`会员中心改版，前端进度50%`); in a paragraph
   * that opens with its topic (`关于信创适配。…`), the topic for figures after it.
   */
  head(): string {
    if (this.headName === undefined) {
      const { head, t } = this.f.line;
      this.headName = head && head.end <= this.f.labelStart ? cleanName(written(t, head.start, head.end), this.lx) : this.topic();
    }
    return this.headName;
  }

  /** The paragraph's topic (`关于账户体系重构。`) when the figure comes after it, else ''. */
  topic(): string {
    const topic = this.f.ctx.topic;
    if (!topic) return '';
    const { line } = this.f.line;
    return line > topic.line || (line === topic.line && this.f.labelStart >= topic.end) ? topic.name : '';
  }

  /** A short lead paragraph above the list the figure is in. */
  lead(): string {
    return this.f.ctx.lead();
  }

  /**
   * The heading of a project under a generic section (`## 项目进度` / `### 猫眼摄像头 C2`): the items below it are
   * its parts. '' otherwise.
   */
  projectHeading(): string {
    if (this.projectHeadingName === undefined) {
      const { headings } = this.f.ctx;
      this.projectHeadingName =
        headings.length < 2 || !isGenericHeading(headings[headings.length - 2]!, this.lx) ? '' : headingName(headings[headings.length - 1]!, this.lx);
    }
    return this.projectHeadingName;
  }

  parent(): string {
    return this.f.ctx.parentName();
  }

  heading(): string {
    return this.f.ctx.headingName();
  }

  intro(): string {
    return (this.introName ??= cleanName(this.f.ctx.intro, this.lx));
  }

  document(): string {
    return this.f.ctx.documentName;
  }


  /** The figure's own words before its progress word (or its whole label), cleaned. */
  own(): string {
    if (this.ownName === undefined) {
      const f = this.f;
      const nameRaw = f.progressHit ? f.label.slice(0, f.progressHit.index) : f.label;
      this.ownName = cleanName(written(f.line.t, f.labelStart, f.labelStart + nameRaw.length), this.lx, !!f.progressHit);
    }
    return this.ownName;
  }

  /** The own words start the line (no head stands before them). */
  ownIsHead(): boolean {
    const { line, labelStart } = this.f;
    return labelStart <= line.markerEnd || (line.head !== null && labelStart <= line.head.start);
  }
}

/** A column's role in a table and the rule (and header word) that gave it. */
export interface ColumnInfo {
  role: ColumnRole;
  rule: string;
  word?: string;
  /** The header says its figures are progress or percentages (`进度`, `完成度`, `%`, a configured word). */
  explicit: boolean;
  /** A bare number there is a percentage: the header says so, or most cells of the column hold a `%`. */
  bareIsPercent: boolean;
  /** The table's column is written as fractions of one (`0.92`, `0.05`, `1`): a bare `1` there is 100%, `0` is 0%. */
  fraction?: boolean;
}

/** A figure of a table cell: `60%`, `**60%**` (markup already gone), a bare `60` or `0.72` in a progress column. */
export interface CellFigure {
  value: number;
  /** As written. */
  match: string;
  digits: string;
  /** Start and end in the normalised cell. */
  start: number;
  end: number;
  /** The cell's words before the figure (`Web` of `Web 70% / 小程序 40%`), '' when none. */
  label: string;
  /** A bare 0–1 decimal read as a fraction (`0.72` → 72). */
  fromFraction: boolean;
  sign: '' | '-' | '+';
}

/** One table row (a `row` block) with what its cells share. */
export interface RowFacts {
  block: Block;
  ctx: LineContext;
  header: readonly string[];
  cells: readonly string[];
  /** Per column. */
  columns: ColumnInfo[];
  /** The row's name (its key columns joined) and the columns it came from. */
  key: { name: string; columns: number[]; rule: string };
  /** The column holding this week's figure, or -1. */
  current: number;
  /** The total word when the row is a total (`合计`), else undefined. */
  total: string | undefined;
  /** The row names operating figures (its name or section says KPI). */
  kpiRow: string | undefined;
  /** done/total of two count cells of the row, when a ratio column agrees with them. */
  counts: { done: number; total: number } | undefined;
  /** The column and row rules that shaped the row (for `check`). */
  rules: string[];
  /** Every cell holds the same text: a note spanning the table, not a row. */
  note: boolean;
  /**
   * Several progress columns with a figure, each headed by what it measures (`数据迁移完成比例 | 应用改造完成比例`,
   * `进度 开发 | 进度 测试`): column → the metric its header names. Empty when the row has one current figure.
   */
  metricColumns: Map<number, string>;
}

/** One figure of a table cell, with its row and column. */
export interface CellFacts {
  row: RowFacts;
  column: number;
  info: ColumnInfo;
  figure: CellFigure;
  /** Several labelled figures in one cell (`Web 70% / 小程序 40%`): this one's label is its metric. */
  metric: string | null;
  /** The first figure of the row in a figure-bearing column (KPI rows take only that one). */
  firstOfRow: boolean;
}
