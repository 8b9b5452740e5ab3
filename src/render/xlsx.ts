// Any report type with sheets → an .xlsx workbook (exceljs, loaded only here): frozen header, autofilter, coloured status cells.

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

function argb(css: string): string {
  const hex = css.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return `FF${full.toUpperCase()}`;
}

/** The workbook's bytes. */
export async function sheetsAsXlsx(sheets: readonly Sheet[], w: Words): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'milestones';
  // A fixed date keeps the same data byte-identical from run to run.
  wb.created = new Date(0);
  wb.modified = new Date(0);
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheetName(sheet.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    const headers = sheet.columns.map((c) => headerOf(c as Column<unknown>, w));
    ws.addRow(headers);
    const widths = headers.map((h) => width(h));
    sheet.rows.forEach((row) => {
      const cells = sheet.columns.map((c) => cellOf(c, row, w));
      const r = ws.addRow(cells.map((c) => c.value));
      cells.forEach((c, i) => {
        widths[i] = Math.max(widths[i]!, c.value === null ? 0 : width(String(c.value)));
        if (c.status === undefined) return;
        const fill = STATUS_STYLES[c.status]?.fill;
        if (fill) r.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } };
      });
    });
    ws.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.min(60, Math.max(6, widths[i]! + 2));
      if (c.align === 'right') col.alignment = { horizontal: 'right' };
    });
    if (sheet.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
