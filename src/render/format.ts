// Shared rendering helpers: number formats, CJK-aware text tables, escaping for each format, CSV and JSON text.

import type * as CsvSync from 'csv-stringify/sync';
import { eastAsianWidth } from 'get-east-asian-width';
import { createRequire } from 'node:module';
import type StringWidth from 'string-width';
import { escapeControls } from '../model/display.js';

export { escapeControls };

export interface RenderOptions {
  /** ANSI colour for status words and narrative diffs; the CLI decides (TTY, NO_COLOR, --no-color). */
  color?: boolean;
  /**
   * The output goes to a terminal: data formats (CSV) escape control characters too, which
   * they otherwise keep as written. Display formats always escape them.
   */
  terminal?: boolean;
  /** Language of the words a person reads (`en`); data formats do not change with it. */
  lang?: string;
  /** The terminal's width: text tables shorten their widest names with `…` to fit it (never wrap). Unset when piped. */
  columns?: number;
}

export const ABSENT = '—';

function r2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** Up to 2 decimals, no trailing zeros: `72.2`, `69.29`, `50`; `—` when absent. */
export function fmtPct(n: number | null | undefined): string {
  return n === null || n === undefined ? ABSENT : String(r2(n));
}

/** A signed change: `+10`, `-5`, `0`; `—` when absent. */
export function fmtDelta(n: number | null | undefined): string {
  if (n === null || n === undefined) return ABSENT;
  const v = r2(n);
  return v > 0 ? `+${v}` : String(v);
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A text sparkline, one character per report on the 0–100 scale (`▁▃▅▆▆▇`): a flat run of equal
 * bars is a stall, whatever its level. A report without a figure is a blank.
 */
export function sparkText(values: readonly (number | null)[]): string {
  return values
    .map((v) => (v === null ? ' ' : BARS[Math.min(BARS.length - 1, Math.max(0, Math.floor((Math.min(100, Math.max(0, v)) / 100) * (BARS.length - 1) + 0.5)))]!))
    .join('');
}

// ------------------------------------------------------------------ colour

export function sgr(code: number, s: string, opts?: RenderOptions): string {
  return opts?.color ? `\u001b[${code}m${s}\u001b[0m` : s;
}

// ------------------------------------------------------------------ text tables

export type Align = 'left' | 'right';

/** Display width in terminal columns: CJK counts 2, ANSI codes 0. */
export function width(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let w = widths.get(s);
  if (w === undefined) {
    w = ONE_CLUSTER_PER_CODE_POINT.test(s) ? sumOfCodePoints(s) : (stringWidth ??= loadStringWidth())(s);
    widths.set(s, w);
  }
  return w;
}

/**
 * string-width, loaded the first time a text needs it (marks, joiners, emoji, controls): loading it
 * compiles its Unicode-property RegExps (RGI_Emoji…) and an Intl.Segmenter, 45–150 ms of a query's
 * start on this machine, while most outputs (ASCII and CJK) never ask it. An ES module, required
 * synchronously (require(esm): Node ≥ 20.19).
 */
let stringWidth: typeof StringWidth | undefined;

function loadStringWidth(): typeof StringWidth {
  return (createRequire(import.meta.url)('string-width') as { default: typeof StringWidth }).default;
}

/** Printable ASCII is one column per character. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Text made only of code points that are each a grapheme cluster of their own — ASCII,
 * Latin-1, CJK ideographs and punctuation, kana, Hangul syllables, full-width forms, block
 * elements (the trend sparklines): the text of reports and tables. string-width segments graphemes (~50 µs a call) and then gives each such
 * cluster the East Asian Width of its code point, which sumOfCodePoints adds up directly.
 * Anything else (marks, joiners, emoji, conjoining jamo, controls, ANSI) goes to string-width.
 */
const ONE_CLUSTER_PER_CODE_POINT =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u03ff\u2010-\u2027\u2030-\u205e\u2580-\u259f\u2e80-\u3029\u3030-\u303f\u3041-\u3096\u30a0-\u30ff\u3105-\u312f\u3131-\u3163\u3165-\u318e\u31a0-\u31ff\u3200-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff9d\uffe0-\uffee]*$/;

function sumOfCodePoints(s: string): number {
  // Every code point the pattern admits is in the BMP: one code unit each. ASCII and the CJK
  // ideographs (East Asian Wide) are most of a report's text and are answered without the table.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w += c < 0x7f ? 1 : c >= 0x4e00 && c <= 0x9fff ? 2 : eastAsianWidth(c);
  }
  return w;
}

/** Tables measure each cell twice (column width, then padding), and names repeat across rows. */
const widths = new Map<string, number>();

/** Pads to a display width (never truncates). */
export function pad(s: string, w: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

/**
 * An aligned table: header row, a dashed separator, then the rows. Columns are two spaces
 * apart; trailing blanks are trimmed. Cells arrive escaped (escapeControls) and may hold the
 * colour codes of sgr, which take no width.
 */
export function textTable(headers: string[], rows: string[][], align: Align[] = [], maxWidth?: number): string[] {
  let all = [headers, ...rows];
  // Each cell measured once (a report's table can hold 100,000 rows); a loop, not Math.max(...rows):
  // a spread of 100,000+ rows overflows the call stack.
  let cellWidths = all.map((r) => headers.map((_, c) => width(r[c] ?? '')));
  const widths = headers.map((_, c) => cellWidths.reduce((max, r) => Math.max(max, r[c]!), 0));
  if (maxWidth !== undefined && maxWidth > 0) {
    // Only columns of names and words are shortened: not numbers (right-aligned), and not columns of
    // single ASCII tokens (weeks, dates, statuses), which a cut would make wrong rather than short.
    const text = headers.map((_, c) => (align[c] ?? 'left') === 'left' && rows.some((r) => NAME_LIKE.test(r[c] ?? '')));
    const fitted = fitWidths(widths, headers, text, maxWidth);
    if (fitted) {
      all = all.map((r, i) => r.map((cell, c) => (i > 0 && cellWidths[i]![c]! > fitted[c]! ? shorten(cell, fitted[c]!) : cell)));
      cellWidths = all.map((r) => headers.map((_, c) => width(r[c] ?? '')));
      widths.splice(0, widths.length, ...fitted);
    }
  }
  const line = (cells: string[], i: number) => {
    let out = '';
    for (let c = 0; c < cells.length; c++) {
      const fill = ' '.repeat(Math.max(0, widths[c]! - cellWidths[i]![c]!));
      out += (c > 0 ? '  ' : '') + ((align[c] ?? 'left') === 'right' ? fill + cells[c]! : cells[c]! + fill);
    }
    return out.trimEnd(); // not /\s+$/: that regex rescans every run of padding, quadratic in a wide column
  };
  const out = [line(all[0]!, 0), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (let i = 1; i < all.length; i++) out.push(line(all[i]!, i));
  return out;
}

/** A cell of words: a space or a character outside printable ASCII (Chinese names, sentences). */
const NAME_LIKE = /[^\x21-\x7e]/;

/** The narrowest a shortened column gets: a name stays recognisable (`电子面单…`). */
const MIN_SHORTENED = 8;

/**
 * Column widths that fit `maxWidth` (columns two apart), taken from the widest shrinkable
 * columns first, never below MIN_SHORTENED or the header; null when the table fits already.
 */
function fitWidths(widths: readonly number[], headers: readonly string[], shrinkable: readonly boolean[], maxWidth: number): number[] | null {
  const total = (ws: readonly number[]) => ws.reduce((a, b) => a + b, 0) + 2 * Math.max(0, ws.length - 1);
  if (total(widths) <= maxWidth) return null;
  const out = [...widths];
  const floor = (c: number) => Math.max(MIN_SHORTENED, width(headers[c] ?? ''));
  let excess = total(out) - maxWidth;
  while (excess > 0) {
    let widest = -1;
    out.forEach((w, c) => {
      if (shrinkable[c] && w > floor(c) && (widest < 0 || w > out[widest]!)) widest = c;
    });
    if (widest < 0) break;
    out[widest]!--;
    excess--;
  }
  return out;
}

/** Shortens text to a display width with a final `…` (a cell holding colour codes is left whole). */
function shorten(s: string, w: number): string {
  if (s.includes('\u001b') || width(s) <= w) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const cw = width(ch);
    if (used + cw > w - 1) break;
    out += ch;
    used += cw;
  }
  return `${out}…`;
}

// ------------------------------------------------------------------ escaping

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and attribute values alike (control characters shown escaped). */
export function escapeHtml(s: string): string {
  return escapeControls(s).replace(/[&<>"']/g, (c) => HTML_ESC[c]!);
}

/**
 * Escapes report text for Markdown (a table cell or a line): no markup, links, HTML, line or
 * cell breaks survive. Characters that are markup only at the start of a line (`#`, `+`, `-`,
 * `1.`) are escaped only there, and never in a table cell (`inCell`), so a Δ of `+5` reads as written.
 */
export function escapeMd(s: string, inCell = false): string {
  const inline = escapeControls(s)
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]()<>!|~]/g, (c) => `\\${c}`);
  return inCell ? inline : inline.replace(/^([#+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

export function mdTable(headers: string[], rows: string[][], align: Align[] = []): string[] {
  const sep = headers.map((_, c) => (align[c] === 'right' ? '---:' : '---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(sep), ...rows.map(line)];
}

/** A table whose cells are already-escaped HTML. */
export function htmlTable(headers: string[], rows: string[][], align: Align[] = [], rowClass: (i: number) => string = () => ''): string {
  const th = headers.map((h, c) => `<th${align[c] === 'right' ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows
    .map((r, i) => {
      const cls = rowClass(i);
      const tds = r.map((cell, c) => `<td${align[c] === 'right' ? ' class="num"' : ''}>${cell}</td>`).join('');
      return `<tr${cls ? ` class="${escapeHtml(cls)}"` : ''}>${tds}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}${body ? '\n' : ''}</tbody>\n</table>`;
}

const BASE_STYLE = [
  'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em}',
  'table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}',
  '.num{text-align:right;font-variant-numeric:tabular-nums}',
  'del{color:#b00}ins{color:#070}',
];

/** A standalone page in language `lang`; `title` is plain text, `body` already-escaped HTML, `style` extra CSS rules. */
export function htmlPage(title: string, body: string, style: readonly string[] = [], lang = 'en'): string {
  const css = [...BASE_STYLE, ...style].join('\n');
  return `<!doctype html>\n<html lang="${escapeHtml(lang)}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n<style>\n${css}\n</style>\n</head>\n<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>\n</html>\n`;
}

// ------------------------------------------------------------------ JSON and CSV

/**
 * Pretty-printed JSON with a trailing newline. JSON.stringify escapes C0 controls only; C1
 * controls, bidi overrides, zero-width and other format characters are written as `\uXXXX`
 * escapes too: the same value for every JSON reader, inert on a terminal.
 */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(JSON_UNSAFE, jsonEscape)}\n`;
}

/** C0 controls are escaped by JSON.stringify already (and raw newlines are its indentation). */
const JSON_UNSAFE = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;

function jsonEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

export type CsvCell = string | number | null | undefined;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula by prefixing `'`: one that
 * starts with `=`, `+`, `-`, `@`, tab or CR, also after leading blanks, also in the full-width
 * or small forms a spreadsheet may normalise to them (`＝ ＋ － ＠`, `﹦ ﹢ ﹣ ﹫`). Numbers are
 * passed as numbers and never touched, so a Δ of -5 stays a number.
 */
export function neutralize(cell: string): string {
  return FORMULA_START.test(cell.slice(0, 16).normalize('NFKC')) ? `'${cell}` : cell;
}

const FORMULA_START = /^[\s\u3000]*[=+\-@\u2212]|^[\t\r]/;

/**
 * RFC 4180 CSV with a BOM (Excel reads UTF-8 Chinese correctly) and CRLF row ends. Text keeps
 * its characters as written, unless `opts.terminal`: then control characters are escaped.
 */
export function csv(header: string[], rows: CsvCell[][], opts?: RenderOptions): string {
  const text = opts?.terminal ? (c: string) => neutralize(escapeControls(c)) : neutralize;
  const records = [header, ...rows].map((r) =>
    r.map((c) => (c === null || c === undefined ? '' : typeof c === 'number' ? c : text(c))),
  );
  // A lone CR inside a cell must be quoted too (RFC 4180), or a spreadsheet splits the row there.
  // csv-stringify is loaded by the first CSV written, not by every command that prints a table.
  const { stringify } = createRequire(import.meta.url)('csv-stringify/sync') as typeof CsvSync;
  return stringify(records, { bom: true, record_delimiter: '\r\n', quoted_match: /\r/ });
}
