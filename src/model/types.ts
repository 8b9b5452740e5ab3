// The shared vocabulary of every pipeline stage: documents, reports, observations.

/** `YYYY-Www`, e.g. `2023-W16`; the year is the week-year, not the calendar year. */
export type WeekId = string;

export type WeekScheme = 'reporter' | 'iso';

export type Kind = 'progress' | 'kpi';

/** Something worth telling the user about one input line; never fatal. */
export interface Warning {
  line: number;
  message: string;
}

// ---------------------------------------------------------------- read → extract

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'row' | 'code';

/**
 * One structural unit of a report, whatever its format. Inline markup (bold, links,
 * code spans) is already removed from `text`; a multi-line paragraph keeps its `\n`s,
 * so the line of a match is `line + (newlines before it)`.
 */
export interface Block {
  kind: BlockKind;
  text: string;
  /** 1-based line in the source file where `text` starts. */
  line: number;
  /** Heading level for headings; list nesting (1 = top-level list) for items and paragraphs inside items; 0 otherwise. */
  depth: number;
  /** Texts of the enclosing headings, outermost first (for a heading: its ancestors only). */
  headings: string[];
  /** First lines of the enclosing list items, outermost first (for an item: its ancestors only). */
  parents: string[];
  /**
   * Table rows only, whatever the table's syntax (Markdown pipes, Org, grid, HTML): the header
   * cells and this row's cells, markup removed, one cell per column (HTML `colspan`/`rowspan`
   * repeat the spanning cell in every column and row it covers; several header rows are joined
   * per column with a space). A line break inside a cell (`<br>`) is written `；` (CELL_BREAK).
   */
  header?: string[];
  cells?: string[];
  /**
   * Items only: the outline marker as written — `-`, `*`, `1.`, `1)`, `1、`, `（1）`, `a.`, `①` —
   * or '' for an indented plain line that nests without one. Absent when unknown (HTML lists).
   */
  marker?: string;
  /** Code blocks only: the fence's info word (`ts`, `text`), '' when the fence names none or the block is indented. */
  lang?: string;
  /** Items only: a ticked task box (`- [x] 会员中台上线`): the item says it is done. */
  checked?: true;
}

/** What a line break inside a table cell becomes in `cells` and `text`: a clause end the extractor can see. */
export const CELL_BREAK = '；';

export type DocumentFormat = 'markdown' | 'html' | 'text' | 'org' | 'docx' | 'email';

/**
 * A date or week the reader found outside the report's title lines, for the extractor. `entry`
 * (the dated label that split a file into entries) wins over the text; `mail` (an e-mail's Date
 * header) and `file-name` (a date or week in the file's name) are used when the text has none.
 */
export interface DateHint {
  from: 'entry' | 'mail' | 'file-name';
  /** The label, header or file name as written. */
  text: string;
  /** 1-based line of the label or header (1 for a file name). */
  line: number;
  /** `YYYY-MM-DD`, when the hint is (or ends with) a day. */
  date?: string;
  /** `YYYY-MM-DD` of a day inside the week the hint names when it states no day (`3月第2周`: its Thursday). */
  within?: string;
  /** A week label's number and, when known, its week-year. */
  week?: number;
  year?: number;
}

/** One dated entry of a file holding several (`## 2024-W19`, `2023年3月17日周报`, `### 5.6-5.10`). */
export interface Entry {
  /** The label line as written. */
  label: string;
  /** 1-based line of the label; the entry runs to the line before the next label. */
  line: number;
  /** 0-based position in the file, and how many entries the file holds. */
  index: number;
  count: number;
}

export interface Document {
  /** The path as the user gave it (or as found below a folder they gave). */
  source: string;
  format: DocumentFormat;
  /** What the bytes were decoded from: `utf-8`, `utf-16le`, `gb18030`, … */
  encoding: string;
  blocks: Block[];
  warnings: Warning[];
  /** Set when the document is one dated entry of a file holding several. */
  entry?: Entry;
  /** A date or week found beside the text (entry label, mail header, file name). */
  hint?: DateHint;
}

// ---------------------------------------------------------------- extract → store

/** The numeric part of an observation: all that diff, stalled and series need. */
export interface Measure {
  /** The named work item, as written (display form). */
  project: string;
  /** A sub-measure when a line carries several (`前端`, `后端`, `建模`), else null. */
  metric: string | null;
  percent: number;
  kind: Kind;
  /** 1-based source line. */
  line: number;
  done?: number;
  total?: number;
  /** An approximate figure's qualifier as written: `约`, `>`, `≈`, `+`, … */
  qualifier?: string;
  /** KPIs only: `lower` when a fall is an improvement (差错率, 耗时, P99 …); absent means higher is better. */
  direction?: 'lower';
  /** The due date the report states for the item (`预计5月底上线`, a `计划完成` column), `YYYY-MM-DD`. */
  due?: string;
  /**
   * The earlier figure the report itself states (`70%（上周 60%）`, `60%→70%`, a last-week column): what a reader
   * compares with when the previous report did not list the item.
   */
  prev?: number;
}

/** A measure with its evidence. */
export interface Observation extends Measure {
  /** Heading path, outermost first. */
  section: string[];
  /** The source line (or table row) the figure came from. */
  text: string;
  /** Tables with a planned column: the planned figure, kept as context. */
  planned?: number;
  /** A completion stated in words gave this 100 (analyze/ adds these for items the history tracks; never stored). */
  inferred?: true;
  /** The words behind an inferred figure (`已全量上线`). */
  evidence?: string;
  /** The statement rule behind an inferred figure (`completion-words`). */
  rule?: string;
}

/** One percentage the extractor saw and what it made of it (for `milestones check`). */
export interface Finding {
  line: number;
  /** The matched percentage as written, e.g. `72.2%`, `６０％`. */
  match: string;
  verdict: 'progress' | 'kpi' | 'ignored';
  /** Why a percentage was ignored or classified as kpi. */
  reason?: string;
  project?: string;
  metric?: string | null;
  percent?: number;
  /** The extractor rule that decided the verdict (`progress-word`, `kpi-word`, `progress-column` …; see src/extract/rules). */
  rule?: string;
  /** The word that made that rule fire (`进度`, `成功率`, a column header), when a word did. */
  word?: string;
  /** Set when `word` came from the user's configuration (`progressWords` of milestones.config.json). */
  configured?: boolean;
  /** The rule that named the figure (`own-name`, `line-head`, `parent-item`, `row-key` …). */
  naming?: string;
  /** Rules that read the figure's surroundings before the verdict (`change-pair`, `fraction` …). */
  context?: string[];
  /** What those rules want the user to know (`0.72 in a fraction column read as 72%`). */
  notes?: string[];
  /** A KPI that improves when it falls: the direction rule and the word that decided (`kpi-direction`, `差错率`). */
  direction?: { rule: string; word: string };
  /** A due date stated with the figure (`YYYY-MM-DD`), and the words that state it. */
  due?: string;
  dueText?: string;
}

/** A state a report states in words: done (without a figure), paused, cancelled. */
export type StatedState = 'completed' | 'paused' | 'cancelled';

/**
 * Something a report says about an item in words rather than figures: `✅ 历史账单回迁已全量上线`,
 * `项目暂停`, `on hold`, `清结算中心（原“资金清分平台”）`. The extractor is pure per report and
 * cannot know which items a team tracks, so it records candidates; analyze/ applies one only
 * where a subject names an item the team's history already tracks (see analyze/timeline.ts).
 */
export interface Statement {
  kind: StatedState | 'renamed';
  /** The words that decided it, as written (`已全量上线`, `暂停`, `on hold`, `（原“资金清分平台”）`). */
  phrase: string;
  /** The recogniser that decided (`completion-words`, `stated-pause`, `stated-cancel`, `stated-rename`). */
  rule: string;
  /** 1-based source line. */
  line: number;
  /**
   * Names the statement may be about, most specific first (the clause's own subject, the line's
   * head, a table row's name cells, the enclosing heading). For `renamed`, the new name first.
   */
  subjects: string[];
  /** `renamed` only: the earlier name. */
  formerly?: string;
  /** The source line (or table row) as evidence. */
  text: string;
}

/** What the extractor makes of one document, before a team or id is attached. */
export interface Extraction {
  /** From the report's own label (`第16周` + the date's year) or from its date; null when neither is found. */
  week: WeekId | null;
  /** `YYYY-MM-DD` when the report states a date. */
  date: string | null;
  title: string;
  observations: Observation[];
  /** Completions, pauses, cancellations and renames stated in words (candidates; see Statement). */
  statements: Statement[];
  findings: Finding[];
  warnings: Warning[];
  /** Why no week could be taken from the text, when one was written but cannot be used (an impossible label, an implausible date). */
  weekProblem?: string;
}

export interface Report {
  /** Content hash of the file's bytes. */
  id: string;
  source: string;
  team: string;
  week: WeekId;
  date: string | null;
  title: string;
  observations: Observation[];
  /** Absent in reports stored before statements were read. */
  statements?: Statement[];
  warnings: Warning[];
}

// ---------------------------------------------------------------- store → analyze

/** What the store keeps about a report without its observations (cheap to list). */
export interface ReportHeader {
  id: string;
  source: string;
  team: string;
  week: WeekId;
  date: string | null;
  title: string;
  /** Counts of observations by kind. */
  progress: number;
  kpi: number;
  warnings: Warning[];
}

/** A report's numbers without their evidence: the input of diff, stalled, series. */
export interface ReportMeasures {
  id: string;
  team: string;
  week: WeekId;
  date: string | null;
  source: string;
  measures: Measure[];
  /** Stated completions, pauses, cancellations and renames (absent when none). */
  statements?: Statement[];
}
