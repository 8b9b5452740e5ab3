// The renderers by format name: each turns any report (its Doc, or its JSON value) into the text of that format.

import { escapeControls } from '../model/display.js';
import { headerOf, type Block, type Column, type Doc, type Inline, type ReportType, type TableBlock } from './doc.js';
import { csv, escapeHtml, escapeMd, htmlPage, htmlTable, json, mdTable, sgr, textTable, type RenderOptions } from './format.js';
import type { FormatName } from './format-names.js';
import { paintStatus, statusCss } from './statuses.js';
import { wordsFor, type Words } from './words.js';

export interface Rendered {
  text: string;
  /** Rows and columns of the data table, for "wrote FILE (18 rows, 15 columns)". */
  rows?: number;
  columns?: number;
}

type DocRenderer = (doc: Doc, w: Words, opts: RenderOptions) => string;

/** Every format but JSON renders the Doc; JSON writes the report's own value. */
const DOC_RENDERERS: Readonly<Record<Exclude<FormatName, 'json'>, DocRenderer>> = {
  text: docAsText,
  csv: docAsCsv,
  md: docAsMarkdown,
  html: docAsHtml,
};

/** Renders `data` of report type `type` in `format`. */
export function render<T>(type: ReportType<T>, data: T, format: FormatName, opts: RenderOptions = {}): Rendered {
  if (format === 'json') {
    const value = type.json(data);
    const items = Array.isArray(value) ? value : (value as { items?: unknown })?.items;
    return { text: json(value), rows: Array.isArray(items) ? items.length : undefined };
  }
  const w = wordsFor(opts.lang);
  if (format === 'html' && type.page) return { text: type.page(data, w) };
  const doc = type.doc(data, w, opts);
  const columns = dataColumns(doc).length;
  return { text: DOC_RENDERERS[format](doc, w, opts), rows: doc.data.rows.length, columns };
}

/** A workbook's bytes, with its count of sheets and of rows (over every sheet). */
export interface RenderedWorkbook {
  bytes: Uint8Array;
  sheets: number;
  rows: number;
}

/** Renders `data` as an xlsx workbook: the report type's sheets (a usage check has made sure it has them). */
export async function renderWorkbook<T>(type: ReportType<T>, data: T, opts: RenderOptions = {}): Promise<RenderedWorkbook> {
  if (!type.sheets) throw new Error(`${type.name} has no workbook`);
  const w = wordsFor(opts.lang);
  const sheets = type.sheets(data, w);
  const { sheetsAsXlsx } = await import('./xlsx.js');
  // The summary sheet is a sheet too: rows counts the rows of every sheet.
  return { bytes: await sheetsAsXlsx(sheets, w), sheets: sheets.length, rows: sheets.reduce((n, s) => n + s.rows.length, 0) };
}

// ------------------------------------------------------------------ cells

function rawText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A cell's parts: usually one, several when a status carries a note (`resumed (last seen …)`). */
function cellOf<R>(c: Column<R>, row: R, w: Words): Inline[] {
  const shown = c.show ? c.show(row, w) : rawText(c.value(row));
  return Array.isArray(shown) ? shown : [shown];
}

function displayColumns<R>(t: TableBlock<R>): Column<R>[] {
  const scope = t.context ?? t.rows;
  return t.columns.filter((c) => c.only !== 'data' && (!c.shownIf || c.shownIf(scope)));
}

// ------------------------------------------------------------------ text

function inlineAsText(x: Inline, opts: RenderOptions): string {
  if (typeof x === 'string') return escapeControls(x);
  const t = escapeControls(x.text);
  switch (x.mark) {
    case 'status':
      return paintStatus(x.status ?? x.text, t, opts);
    case 'removed':
      return opts.color ? sgr(31, t, opts) : `[-${t}-]`;
    case 'added':
      return opts.color ? sgr(32, t, opts) : `{+${t}+}`;
    default:
      return t;
  }
}

const lineAsText = (parts: Inline[], opts: RenderOptions) => parts.map((p) => inlineAsText(p, opts)).join('');

function blockAsText(b: Block, w: Words, opts: RenderOptions): string[] {
  switch (b.kind) {
    case 'heading':
      return [escapeControls(b.text)];
    case 'lines':
      return b.lines.map((l) => (b.list ? '  ' : '') + lineAsText(l, opts));
    case 'table': {
      if (b.rows.length === 0 && b.empty !== undefined) return [escapeControls(b.empty)];
      const cols = displayColumns(b);
      const rows = b.rows.map((r) => cols.map((c) => cellOf(c, r, w).map((x) => inlineAsText(x, opts)).join('')));
      return textTable(cols.map((c) => escapeControls(headerOf(c as Column<unknown>, w))), rows, cols.map((c) => c.align ?? 'left'), opts.columns);
    }
  }
}

function docAsText(doc: Doc, w: Words, opts: RenderOptions): string {
  const out: string[] = doc.titleInText ? [escapeControls(doc.title), ''] : [];
  doc.blocks.forEach((b, i) => {
    if (i > 0 && doc.blocks[i - 1]!.kind !== 'heading') out.push('');
    for (const l of blockAsText(b, w, opts)) out.push(l); // a block may have 100,000+ lines: no spread
  });
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------ Markdown

function inlineAsMd(x: Inline, inCell = false): string {
  if (typeof x === 'string') return escapeMd(x, inCell);
  switch (x.mark) {
    case 'removed':
      return x.text.trim() ? `~~${escapeMd(x.text, true)}~~` : escapeMd(x.text, true);
    case 'added':
      return x.text.trim() ? `**${escapeMd(x.text, true)}**` : escapeMd(x.text, true);
    case 'code': {
      const t = escapeControls(x.text);
      const fence = '`'.repeat(Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
      return `${fence}${fence.length > 1 ? ' ' : ''}${t}${fence.length > 1 ? ' ' : ''}${fence}`;
    }
    default:
      return escapeMd(x.text, inCell);
  }
}

/** A line's parts: only the first stands at the start of the line. */
const lineAsMd = (parts: Inline[]) => parts.map((x, i) => inlineAsMd(x, i > 0)).join('');

function blockAsMd(b: Block, w: Words): string[] {
  switch (b.kind) {
    case 'heading':
      return [`${'#'.repeat((b.level ?? 2) + 1)} ${escapeMd(b.text)}`];
    case 'lines':
      return b.list
        ? b.lines.map((l) => `- ${lineAsMd(l)}`)
        : b.lines.flatMap((l, i) => (i > 0 ? ['', lineAsMd(l)] : [lineAsMd(l)]));
    case 'table': {
      if (b.rows.length === 0 && b.empty !== undefined) return [escapeMd(b.empty)];
      const cols = displayColumns(b);
      const rows = b.rows.map((r) => cols.map((c) => cellOf(c, r, w).map((x) => inlineAsMd(x, true)).join('')));
      return mdTable(cols.map((c) => escapeMd(headerOf(c as Column<unknown>, w), true)), rows, cols.map((c) => c.align ?? 'left'));
    }
  }
}

function docAsMarkdown(doc: Doc, w: Words): string {
  const out = [`## ${escapeMd(doc.title)}`];
  for (const b of doc.blocks) out.push('', ...blockAsMd(b, w));
  return `${out.join('\n')}\n`;
}

// ------------------------------------------------------------------ HTML

function inlineAsHtml(x: Inline): string {
  if (typeof x === 'string') return escapeHtml(x);
  switch (x.mark) {
    case 'removed':
      return `<del>${escapeHtml(x.text)}</del>`;
    case 'added':
      return `<ins>${escapeHtml(x.text)}</ins>`;
    case 'code':
      return `<code>${escapeHtml(x.text)}</code>`;
    default:
      return escapeHtml(x.text);
  }
}

function blockAsHtml(b: Block, w: Words): string {
  switch (b.kind) {
    case 'heading': {
      const h = `h${b.level ?? 2}`;
      return `<${h}>${escapeHtml(b.text)}</${h}>`;
    }
    case 'lines':
      return b.list
        ? `<ul>\n${b.lines.map((l) => `<li>${l.map(inlineAsHtml).join('')}</li>`).join('\n')}\n</ul>`
        : b.lines.map((l) => `<p>${l.map(inlineAsHtml).join('')}</p>`).join('\n');
    case 'table': {
      if (b.rows.length === 0 && b.empty !== undefined) return `<p>${escapeHtml(b.empty)}</p>`;
      const cols = displayColumns(b);
      const rows = b.rows.map((r) => cols.map((c) => cellOf(c, r, w).map(inlineAsHtml).join('')));
      const rowClass = (i: number) => (b.rowStatus ? (b.rowStatus(b.rows[i]) ?? '') : '');
      return htmlTable(cols.map((c) => escapeHtml(headerOf(c as Column<unknown>, w))), rows, cols.map((c) => c.align ?? 'left'), rowClass);
    }
  }
}

function docAsHtml(doc: Doc, w: Words): string {
  return htmlPage(doc.title, doc.blocks.map((b) => blockAsHtml(b, w)).join('\n'), statusCss(), w.htmlLang);
}

// ------------------------------------------------------------------ CSV

/** The columns a data format writes: not display-only ones, nor added ones the rows leave empty (`dataIf`). */
function dataColumns(doc: Doc): Doc['data']['columns'] {
  return doc.data.columns.filter((c) => c.only !== 'display' && (!c.dataIf || c.dataIf(doc.data.rows)));
}

/**
 * One data table: machine headers and identifiers in English (what scripts read), or — in a
 * language whose table says `csvHeaders: 'words'` — header words and worded values, for the
 * person who opens it in Excel or WPS.
 */
function docAsCsv(doc: Doc, w: Words, opts: RenderOptions): string {
  const cols = dataColumns(doc);
  const words = w.csvHeaders === 'words';
  return csv(
    cols.map((c) => (words ? headerOf(c as Column<unknown>, w) : c.key)),
    doc.data.rows.map((r) => cols.map((c) => (words && c.worded ? c.worded(r, w) : c.value(r)))),
    opts,
  );
}
