// Any report type with sheets → an .xlsx workbook (exceljs's streaming writer, loaded only here): frozen header, autofilter, coloured status cells.

import { headerOf, type Column, type Inline, type Sheet, type Span } from './doc.js';
import { neutralize, width } from './format.js';
import { STATUS_STYLES } from './statuses.js';
import type { Words } from './words.js';

/** Excel's limits on a sheet name: 31 characters, none of `[]:*?/\`, unique in the workbook (case-insensitively). */
function sheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet';
  const chars = [...clean];
  let candidate = chars.slice(0, 31).join('');
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = chars.slice(0, 31 - suffix.length).join('') + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A cell: numbers as numbers, text neutralised against formula injection, a status as its word (and its status, for the colour). */
function cellOf<R>(c: Column<R>, row: R, w: Words): { value: string | number | null; status?: string } {
  const shown = c.show?.(row, w);
  const parts: Inline[] = shown === undefined ? [] : Array.isArray(shown) ? shown : [shown];
  const span = parts.find((p): p is Span => typeof p === 'object' && p.mark === 'status');
  const text = parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  if (span) return { value: neutralize(text), status: span.status ?? span.text };
  if (c.sheet === 'show' && shown !== undefined) return { value: text ? neutralize(text) : null };
  // In a language whose data formats are written in words (CSV, a workbook), a kind or a state is its word.
  const v = w.csvHeaders === 'words' && c.worded ? c.worded(row, w) : c.value(row);
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v === 'number') return { value: v };
  return { value: neutralize(v) };
}

/**
 * Shared strings: measured on 5,000 reports (101 sheets, 7,872 rows), the same peak memory
 * and CPU as inline strings and a 7% smaller file (1.75 MB against 1.87 MB); the table holds
 * each distinct text once, and every text is in memory already as the report's data.
 */
const SHARED_STRINGS = true;

function argb(css: string): string {
  const hex = css.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return `FF${full.toUpperCase()}`;
}

/**
 * The workbook's bytes, written by exceljs's streaming writer: each row is committed (turned
 * into XML and deflated) as it is added, so memory holds one row's cells, not every cell of
 * every sheet (the in-memory Workbook took ~1.1 GB for 5,000 reports). A sheet's frozen
 * header, column widths and autofilter are set before its first row, as streaming requires;
 * the widths come from a first pass over the rows.
 */
export async function sheetsAsXlsx(sheets: readonly Sheet[], w: Words): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: SHARED_STRINGS,
  });
  wb.creator = 'milestones';
  // A fixed date keeps the same data's document properties the same from run to run.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const headers = sheet.columns.map((c) => headerOf(c as Column<unknown>, w));
    const widths = headers.map((h) => width(h));
    for (const row of sheet.rows) {
      sheet.columns.forEach((c, i) => {
        const v = cellOf(c, row, w).value;
        if (v !== null) widths[i] = Math.max(widths[i]!, width(String(v)));
      });
    }
    const ws = wb.addWorksheet(sheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({
      width: Math.min(60, Math.max(6, widths[i]! + 2)),
      ...(c.align === 'right' ? { style: { alignment: { horizontal: 'right' as const } } } : {}),
    }));
    if (sheet.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
    const head = ws.addRow(headers);
    head.font = { bold: true };
    head.commit();
    for (const row of sheet.rows) {
      const cells = sheet.columns.map((c) => cellOf(c, row, w));
      const r = ws.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => {
        if (c.status === undefined) return;
        const fill = STATUS_STYLES[c.status]?.fill;
        if (fill) r.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      });
      r.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
