// The shape every extractor rule has: a name, a one-line description, the examples it must accept and reject, one function.

import type { Lexicon } from '../lexicon.js';
import type { CellFacts, FigureFacts, LineFacts, Owners, RowFacts } from '../facts.js';
import type { StatedState } from '../../model/types.js';

/**
 * What an example expects of its figure. `progress`/`kpi`: the verdict with its figure and (when given) its
 * exact project and metric and context fields; `ignored`: not a measure (optionally kept as `prev`/`planned`
 * of a sibling).
 */
export type Expect =
  | {
      verdict: 'progress' | 'kpi';
      percent: number;
      project?: string;
      metric?: string | null;
      prev?: number;
      planned?: number;
      qualifier?: string;
      done?: number;
      total?: number;
      /** KPIs: `lower` when the kpi-direction rule makes a fall an improvement; `higher` when it must not. */
      direction?: 'lower' | 'higher';
      due?: string;
    }
  | { verdict: 'ignored' }
  /** The text is no figure at all (a count in a count column): no finding. */
  | { verdict: 'none' }
  /**
   * Statement rules: the text states `state` of `subject` (for a rename, `subject` is the new name and
   * `formerly` the old) — or, `unstated`, it does not, whatever else it states.
   */
  | { verdict: 'stated'; state: StatedState | 'renamed'; subject: string; formerly?: string }
  | { verdict: 'unstated'; state: StatedState | 'renamed'; subject: string };

export interface Example {
  /** Report text as a report holds it (Markdown), placed under a dated title when tested and documented. */
  text: string;
  /** The figure the example is about, as written (`60%`, `七成`, `41`); the only or first finding when omitted. */
  figure?: string;
  expect: Expect;
}

interface RuleBase {
  /** Stable, kebab-case: `check` prints it, tests and the README name rules by it. */
  name: string;
  /** One line: what the rule recognises and what it decides. */
  description: string;
  /** Texts on which this rule decides (or names, or reads) the figure as expected. */
  accepts: Example[];
  /** Texts that look alike on which it must not fire; the expectation says what happens instead. */
  rejects: Example[];
}

/** A form of writing a figure: finds its figures in one normalised line. */
export interface FigureRule extends RuleBase {
  stage: 'figure';
  scan(line: LineFacts, lx: Lexicon): ScannedFigure[];
}

/** A figure found in a line: its span in the normalised text and its value. */
export interface ScannedFigure {
  /** Start of the sign, number or word. */
  start: number;
  /** Just after the figure (after `%`, after `成`). */
  end: number;
  /** Start of the digits (after any sign). */
  numStart: number;
  sign: '' | '-' | '+';
  /** The number as written (`60`, `72.5`), or its value for worded figures. */
  digits: string;
  value: number;
  /** Written with an exponent (`1e400%`). */
  exponent: boolean;
  /** The figure rule that found it. */
  form: string;
  /** A qualifier the form itself carries (`近八成` → `近`, `过半` → `过`). */
  qualifier?: string;
}

/** Reads the surroundings of a figure before the verdict (change pair, label, fraction): fills in facts. */
export interface ContextRule extends RuleBase {
  stage: 'context';
  /** Returns true when it found something (the finding then lists the rule). */
  read(f: FigureFacts, lx: Lexicon): boolean;
}

/** What a classify rule decides. */
export interface Decision {
  verdict: 'progress' | 'kpi' | 'ignored';
  /** Shown by `check`: why (for ignored and kpi figures). */
  reason?: string;
  /** The word that decided, when one did. */
  word?: string;
  /** An ignored figure that is context of a sibling progress figure of its segment. */
  role?: 'prev' | 'planned';
  /** A warning for the user (`150% is outside 0–100`). */
  warning?: string;
  /** The rule to name in `check` when another rule is the real reason (a cell decided by its column's role). */
  rule?: string;
}

/** Decides what a figure of prose is; the first rule (in list order) that returns a decision wins. */
export interface ClassifyRule extends RuleBase {
  stage: 'classify';
  decide(f: FigureFacts, lx: Lexicon): Decision | undefined;
}

/** A project (and metric) for a progress or KPI figure. */
export interface Naming {
  project: string;
  metric: string | null;
  /** The name comes from the figure's own words (a heading's figure needs that). */
  own: boolean;
  /** Which source gave the name when the rule takes it from the surroundings (`parent-item`, `heading` …). */
  by?: string;
}

/**
 * Names a progress or KPI figure; the first rule that returns a name wins. `owners` gives the names of the
 * figure's surroundings (line head, parent item, intro, heading, document), each found on first use.
 */
export interface NameRule extends RuleBase {
  stage: 'name';
  give(f: FigureFacts, verdict: 'progress' | 'kpi', owners: Owners, lx: Lexicon): Naming | undefined;
}

/** After naming: may still turn a progress or KPI figure down (outside 0–100, no name at all). */
export interface GuardRule extends RuleBase {
  stage: 'guard';
  check(f: FigureFacts, verdict: 'progress' | 'kpi', naming: Naming | undefined, lx: Lexicon): Decision | undefined;
}

/**
 * After naming: which way a KPI should move. The first rule that finds a direction wins; none found means
 * higher is better. The name is the KPI's project and metric.
 */
export interface DirectionRule extends RuleBase {
  stage: 'direction';
  direction(name: string, lx: Lexicon): { direction: 'lower'; word: string } | undefined;
}

/** One rename a line states: the earlier name, and the new one when the line says it (else the line's own item). */
export interface FoundRename {
  formerly: string;
  to: string | null;
  /** The words as matched, for evidence. */
  phrase: string;
  /** Where the remark starts in the (NFKC) line: a bracket remark names the item written before it. */
  index: number;
}

/**
 * What a report states in words (no figure needed): a completion, a pause, a cancellation, a rename. Statement
 * rules run over every line of a document (not only lines with figures) and yield candidates (model Statement);
 * analyze/ applies one only where it names an item the team's history tracks. Completion, pause and cancel rules
 * are phrase lists read by one clause grammar (extract/stated.ts: the phrase must be said OF the subject, not of
 * a part, not as a plan); the rename rule finds its own patterns.
 */
export type StatementRule = StatePhraseRule | RenameRule;

export interface StatePhraseRule extends RuleBase {
  stage: 'statement';
  state: StatedState;
  /** The phrases, as written (matched case-insensitively; Latin ones as whole words). */
  phrases: readonly string[];
  /** Phrases that may take the item as their object (`已完成设备注册接口`, `shipped the new checkout`). */
  objectNamesItem: readonly string[];
  /** Objects that still mean the whole item (`暂停推进`). */
  wholeObjects: readonly string[];
  /**
   * Phrases whose object is where the item goes, not a part of it (`并入交易中台`, `merged into Identity`): the
   * item is the subject (or the line's item), whatever the object.
   */
  targetPhrases?: readonly string[];
}

export interface RenameRule extends RuleBase {
  stage: 'statement';
  state: 'renamed';
  renames(line: string): FoundRename[];
  /** A word every rename this rule finds contains (NFKC text): a block without it is not read for renames. */
  cue?: RegExp;
  /** The words `cue` is made of (`cue` is their alternation, case-insensitive): lets a block be passed over unread. */
  cueWords?: readonly string[];
}

export type Rule = FigureRule | ContextRule | ClassifyRule | NameRule | GuardRule | DirectionRule | ColumnRule | RowRule | CellRule | StatementRule;
export type Stage = Rule['stage'];

/**
 * What a table column holds, from its header (and the row beside it): the current figure (`progress`, or `state`
 * for `本周`/`Status`/`Value` columns that need a `%` in the cell, `actual` before both), context (`prev`,
 * `planned`, `change`), counts, operating figures, the row's name, attributes (owner, status, notes) or nothing.
 */
export type ColumnRole = 'name' | 'progress' | 'state' | 'actual' | 'prev' | 'planned' | 'due' | 'change' | 'count' | 'kpi' | 'ignored' | 'history' | 'attribute' | 'other';

/** A row as the column rules see it: header, cells, and which columns of the whole table are mostly written with `%`. */
export interface TableRow {
  header: readonly string[];
  cells: readonly string[];
  /** Per column: most non-empty cells of the table's column hold a `%` figure (its neighbours say percent). */
  percent: readonly boolean[];
  /** Per column: the table's column is written as fractions of one (`0.92`, `1`). */
  fractions?: readonly boolean[];
  /** The report's date and week (`2024-03-15`, `2024-W11`): which column of a week-by-week grid is this report's own. */
  reportDate?: string | null;
  reportWeek?: string | null;
}

/** Gives a column its role; the first rule that returns one wins. */
export interface ColumnRule extends RuleBase {
  stage: 'column';
  role(row: TableRow, column: number, lx: Lexicon): { role: ColumnRole; word?: string } | undefined;
}

/** Names a table row (its key columns); the first rule that returns a name wins. */
export interface RowRule extends RuleBase {
  stage: 'row';
  key(row: RowFacts, lx: Lexicon): { name: string; columns: number[] } | undefined;
}

/** Decides one table cell's figure; the first rule that returns a decision wins (a decision may name the column rule behind it). */
export interface CellRule extends RuleBase {
  stage: 'cell';
  decide(c: CellFacts, lx: Lexicon): Decision | undefined;
}
