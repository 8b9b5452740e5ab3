// The shape every report takes before it becomes text, Markdown, HTML or CSV: headings, tables, lines, one data table.

import type { Align, CsvCell, RenderOptions } from './format.js';
import type { ColumnLabel, Words } from './words.js';

/** A piece of inline text with a meaning each format shows its own way. */
export interface Span {
  text: string;
  /** status: coloured word; removed/added: a narrative diff; code: a command to copy. */
  mark: 'status' | 'removed' | 'added' | 'code';
  /** For `status`: the status identifier (the text may be a translation of it). */
  status?: string;
}
export type Inline = string | Span;

/**
 * One column of a report, declared once for every format: its machine name (the CSV header),
 * its header as a person reads it, its alignment, its data value (numbers stay numbers) and
 * how display formats show it.
 */
export interface Column<R> {
  key: string;
  /** A header from the words table, or a literal one (a week: `2026-W03`). */
  label: ColumnLabel | { text: string };
  align?: Align;
  value: (row: R) => CsvCell;
  /** Display form; default: the value as text (`''` when absent). Several parts make one cell (a status and its note). */
  show?: (row: R, w: Words) => Inline | Inline[];
  /**
   * The value in the reader's words, for data formats a person opens (CSV in a language whose
   * table says `csvHeaders: 'words'`): a status or kind identifier as its word. Numbers stay numbers.
   */
  worded?: (row: R, w: Words) => CsvCell;
  /** `data`: only in data formats (CSV); `display`: only in text, Markdown, HTML. Default: both. */
  only?: 'data' | 'display';
  /** `show`: a workbook writes the display form (words), not the data value. */
  sheet?: 'show';
  /** Display formats leave the column out unless this holds for the rows shown (e.g. Team when some team is named). */
  shownIf?: (rows: readonly R[]) => boolean;
  /**
   * Data formats leave the column out unless this holds for the rows: an added column only some data fills (a renamed
   * item's name now, `split_from`), so a CSV without renames or splits keeps the columns it always had.
   */
  dataIf?: (rows: readonly R[]) => boolean;
}

export interface TableBlock<R = unknown> {
  kind: 'table';
  columns: readonly Column<R>[];
  rows: readonly R[];
  /** What display formats print instead of an empty table. */
  empty?: string;
  /** The rows whose columns decide `shownIf` (default: this table's): tables of one report show the same columns. */
  context?: readonly R[];
  /** A status per row: HTML colours the row with it. */
  rowStatus?: (row: R) => string | undefined;
}

export type Block =
  | { kind: 'heading'; text: string; level?: 2 | 3 }
  | TableBlock<any>
  | { kind: 'lines'; lines: Inline[][]; list?: boolean };

/** A report ready to be rendered in any display format, plus the one table data formats write. */
export interface Doc {
  /** Page title (HTML, Markdown); the first line of text output when `titleInText`. */
  title: string;
  titleInText: boolean;
  blocks: Block[];
  /** Every row once, with every column: CSV (and any later data format) renders this. */
  data: { columns: readonly Column<any>[]; rows: readonly unknown[] };
}

/**
 * A kind of report (diff, stalled, weeks …): how it becomes a Doc, and its JSON value (the
 * shapes of DESIGN.md, which only ever gain fields). Every format renders from these two.
 */
export interface ReportType<T> {
  name: string;
  doc: (data: T, w: Words, opts: RenderOptions) => Doc;
  json: (data: T) => unknown;
  /** A page of its own for HTML (the planning report), instead of the Doc rendered as tables. */
  page?: (data: T, w: Words) => string;
  /** The sheets of a workbook (xlsx), for the report types that have one. */
  sheets?: (data: T, w: Words) => Sheet[];
}

/**
 * One worksheet: a table with a header row. Cells hold the columns' values (numbers stay
 * numbers); a column whose display form is a status word holds the word, coloured by status.
 */
export interface Sheet<R = any> {
  name: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
}

export function headerOf(c: Column<unknown>, w: Words): string {
  return typeof c.label === 'string' ? w.columns[c.label] : c.label.text;
}

export function table<R>(columns: readonly Column<R>[], rows: readonly R[], extra: Partial<TableBlock<R>> = {}): TableBlock<R> {
  return { kind: 'table', columns, rows, ...extra };
}

export function status(s: string, w: Words): Span {
  return { text: w.status[s] ?? s, mark: 'status', status: s };
}

/** A status identifier as its word (`stalled` → `停滞`), for data columns. */
export const statusWord = (s: string | null | undefined, w: Words): CsvCell => (s ? (w.status[s] ?? s) : s);

/** An observation kind as its word (`kpi` → `指标`). */
export const kindWord = (k: string | null | undefined, w: Words): CsvCell => (k ? (w.kinds[k] ?? k) : k);

/** True when some row names a team: Team columns are shown only then. */
export function someTeam(rows: readonly { team: string }[]): boolean {
  return rows.some((r) => r.team !== '');
}
