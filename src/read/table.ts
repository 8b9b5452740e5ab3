// Tables written as text (Org `|---+---|`, pipe rows, grid tables `+----+`) → the same header + cells rows as Markdown and HTML tables.

import { eastAsianWidth } from 'get-east-asian-width';
import { CELL_BREAK, type Block } from '../model/types.js';

/** One source line: its text and 1-based line number. */
export interface SourceLine {
  text: string;
  line: number;
}

export interface TableRow {
  cells: string[];
  /** 1-based line of the row's first text line. */
  line: number;
}

export interface ParsedTable {
  header: string[];
  rows: TableRow[];
  /** First and last source line of the table. */
  start: number;
  end: number;
}

/** `|---+---|`, `|:--|--:|`, `|-----|` — a rule line of a pipe or Org table. */
const PIPE_RULE = /^\s*\|[-+:=|\s]*-[-+:=|\s]*\|?\s*$/;
/** `+----+----+`, `+====+====+`, `+:---+----+` — a border of a grid table. */
const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const GRID_HEAD_BORDER = /^\s*\+(?:[=:]+\+)+\s*$/;
const PIPE_LINE = /^\s*\|.*\|?\s*$/;

/** Removes inline markup from a cell written as text (Markdown and Org emphasis, links, tags); `<br>` becomes CELL_BREAK. */
export function cellText(raw: string): string {
  return raw
    .replace(/<br\s*\/?>/gi, CELL_BREAK)
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/\[\[[^\]]*\]\[([^\]]*)\]\]/g, '$1') // Org [[link][label]]
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // Markdown links
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(（])([*/=~_])(?=\S)([^*/=~_]+?)(?<=\S)\2(?=$|[\s,.;:!?，。；：)）])/gu, '$1$3')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\\|/g, '|')
    .replace(/[ \t\u00a0\u3000]+/g, ' ')
    .trim();
}

/** The cells of one `| a | b |` line (escaped `\|` stays inside its cell). */
export function splitPipes(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\' && t[i + 1] === '|') {
      cur += '\\|';
      i++;
    } else if (t[i] === '|') {
      cells.push(cur);
      cur = '';
    } else {
      cur += t[i];
    }
  }
  cells.push(cur);
  return cells.map(cellText);
}

/** Pads or cuts every row to the header's width (or the widest row's when there is no header). */
function square(table: ParsedTable): ParsedTable {
  const width = table.header.length || Math.max(0, ...table.rows.map((r) => r.cells.length));
  const fit = (cells: string[]) => (cells.length >= width ? cells.slice(0, Math.max(width, cells.findLastIndex((c) => c !== '') + 1)) : [...cells, ...new Array<string>(width - cells.length).fill('')]);
  return { ...table, header: table.header.length ? fit(table.header) : [], rows: table.rows.map((r) => ({ ...r, cells: fit(r.cells) })) };
}

/**
 * A pipe or Org table: rows above the first rule line are the header (several header lines are
 * joined per column); without a rule line there is no header. Rule lines are dropped.
 */
export function parsePipeTable(lines: readonly SourceLine[]): ParsedTable {
  const firstRule = lines.findIndex((l) => PIPE_RULE.test(l.text));
  const headLines = firstRule > 0 ? lines.slice(0, firstRule) : [];
  const body = lines.slice(firstRule > 0 ? firstRule + 1 : 0).filter((l) => !PIPE_RULE.test(l.text));
  const header = joinHeaderRows(headLines.map((l) => splitPipes(l.text)));
  const rows = body.map((l) => ({ cells: splitPipes(l.text), line: l.line })).filter((r) => r.cells.some((c) => c));
  return square({ header, rows, start: lines[0]?.line ?? 1, end: lines[lines.length - 1]?.line ?? 1 });
}

/** Several header rows → one header: per column, the distinct non-empty texts top-down, space-joined. */
export function joinHeaderRows(rows: readonly string[][]): string[] {
  if (rows.length <= 1) return rows[0] ? [...rows[0]] : [];
  const width = rows.reduce((max, r) => Math.max(max, r.length), 0); // no spread: 100,000+ rows overflow the stack
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const r of rows) {
      const t = (r[c] ?? '').trim();
      if (t && !parts.includes(t)) parts.push(t);
    }
    out.push(parts.join(' '));
  }
  return out;
}

/**
 * A grid table (`+---+` borders, `|` between cells, `+===+` under the header). A row may span
 * several text lines between borders: each cell's lines are joined with a space. Cells are split
 * at `|`, not at border columns, since CJK text makes columns uneven in code units. Without a
 * `+===+` border, the first row is the header.
 */
export function parseGridTable(lines: readonly SourceLine[]): ParsedTable {
  const groups: { cells: string[][]; line: number; headEnd: boolean }[] = [];
  let cur: { cells: string[][]; line: number; headEnd: boolean } | null = null;
  for (const l of lines) {
    if (GRID_BORDER.test(l.text)) {
      if (cur) {
        cur.headEnd = GRID_HEAD_BORDER.test(l.text);
        groups.push(cur);
      }
      cur = null;
      continue;
    }
    const parts = splitPipes(l.text.replace(/^\s*\+|\+\s*$/g, '|'));
    cur ??= { cells: [], line: l.line, headEnd: false };
    cur.cells.push(parts);
  }
  if (cur) groups.push(cur);
  const merged = groups.map((g) => {
    const width = Math.max(...g.cells.map((c) => c.length));
    const cells: string[] = [];
    for (let c = 0; c < width; c++) cells.push(g.cells.map((r) => r[c] ?? '').filter((t) => t).join(' '));
    return { cells, line: g.line, headEnd: g.headEnd };
  });
  const headEnd = merged.findIndex((g) => g.headEnd);
  const headCount = headEnd >= 0 ? headEnd + 1 : Math.min(1, merged.length);
  const header = joinHeaderRows(merged.slice(0, headCount).map((g) => g.cells));
  const rows = merged.slice(headCount).map((g) => ({ cells: g.cells, line: g.line })).filter((r) => r.cells.some((c) => c));
  return square({ header, rows, start: lines[0]?.line ?? 1, end: lines[lines.length - 1]?.line ?? 1 });
}

export interface FoundTable extends ParsedTable {
  syntax: 'org' | 'pipe' | 'grid' | 'tsv' | 'aligned';
}

/** The cells of a tab-separated line (pasted from a spreadsheet); runs of tabs that only align columns are one gap. */
function tabCells(line: string): string[] {
  return line.trim().split(/\t+/).map(cellText);
}

/**
 * A run of tab-separated lines pasted from a spreadsheet: a header of three or more cells, then rows of two or more.
 * A row split by single tabs keeps its empty cells when that gives the header's width; else tab runs are one gap.
 */
function tsvTable(lines: readonly string[], i: number): { table: FoundTable; next: number } | null {
  const head = lines[i]!;
  if (!head.includes('\t')) return null;
  const header = tabCells(head);
  if (header.length < 3 || header.some((c) => c === '')) return null;
  let j = i + 1;
  while (j < lines.length && lines[j]!.includes('\t') && tabCells(lines[j]!).length >= 2) j++;
  if (j - i < 2) return null;
  const rows: TableRow[] = [];
  for (let k = i + 1; k < j; k++) {
    const raw = lines[k]!.replace(/^[ ]+|\s+$/g, '');
    const single = raw.split('\t').map(cellText);
    rows.push({ cells: single.length === header.length ? single : tabCells(raw), line: k + 1 });
  }
  return { table: { ...square({ header, rows, start: i + 1, end: j }), syntax: 'tsv' }, next: j };
}

/** `----  --------  ----`: the ruler under the header of a table aligned with spaces. */
const RULER = /^\s*[-=]{2,}(?:[ ]+[-=]{2,})+\s*$/;

/** A line cut at the columns where the ruler's dash groups start (display columns: CJK characters are two wide). */
function cutAt(line: string, starts: readonly number[]): string[] {
  const cells = starts.map(() => '');
  let col = 0;
  let k = 0;
  for (const ch of line) {
    if (ch === '\t') {
      col = (Math.floor(col / 8) + 1) * 8;
      continue;
    }
    while (k + 1 < starts.length && col >= starts[k + 1]!) k++;
    cells[k] += ch;
    col += eastAsianWidth(ch.codePointAt(0)!);
  }
  return cells.map(cellText);
}

/**
 * A table aligned with spaces in plain text: a header line, a ruler of dash groups under it (`----  ------`), and
 * rows until a blank line. Columns start where the ruler's groups start, counted in display columns.
 */
function alignedTable(lines: readonly string[], i: number): { table: FoundTable; next: number } | null {
  const ruler = lines[i + 1];
  if (ruler === undefined || !RULER.test(ruler) || !lines[i]!.trim() || RULER.test(lines[i]!)) return null;
  const starts: number[] = [];
  for (const m of ruler.matchAll(/[-=]+/g)) starts.push(m.index!);
  const header = cutAt(lines[i]!, starts);
  if (header.filter((c) => c !== '').length < 2) return null;
  let j = i + 2;
  while (j < lines.length && lines[j]!.trim() !== '' && !RULER.test(lines[j]!)) j++;
  if (j === i + 2) return null;
  const rows = lines.slice(i + 2, j).map((t, k) => ({ cells: cutAt(t, starts), line: i + 3 + k }));
  return { table: { ...square({ header, rows, start: i + 1, end: j }), syntax: 'aligned' }, next: j };
}

/**
 * Finds the tables of a text by their lines: grid tables (a `+---+` border, then `|` lines and
 * borders) and runs of `|` lines. With `pipes: 'org-only'` (Markdown, whose own pipe tables marked
 * reads) a run of `|` lines counts only when one of its rule lines is Org's (`|---+---|`).
 */
export function findTextTables(lines: readonly string[], pipes: 'all' | 'org-only'): FoundTable[] {
  const found: FoundTable[] = [];
  let i = 0;
  let fence: string | null = null;
  while (i < lines.length) {
    const text = lines[i]!;
    const f = /^\s*(```|~~~)/.exec(text);
    if (f) {
      fence = fence === null ? f[1]! : fence === f[1] ? null : fence;
      i++;
      continue;
    }
    if (fence !== null) {
      i++;
      continue;
    }
    if (GRID_BORDER.test(text)) {
      let j = i + 1;
      while (j < lines.length && (GRID_BORDER.test(lines[j]!) || /^\s*[|+].*[|+]\s*$/.test(lines[j]!))) j++;
      // End at the last border: a grid table is closed by one.
      let end = j - 1;
      while (end > i && !GRID_BORDER.test(lines[end]!)) end--;
      if (end > i + 1) {
        const src = lines.slice(i, end + 1).map((t, k) => ({ text: t, line: i + k + 1 }));
        found.push({ ...parseGridTable(src), syntax: 'grid' });
        i = end + 1;
        continue;
      }
    }
    // Plain-text tables: tab-separated lines pasted from a spreadsheet, columns aligned with spaces under a ruler.
    const plain = text.includes('\t') ? tsvTable(lines, i) : RULER.test(lines[i + 1] ?? '') ? alignedTable(lines, i) : null;
    if (plain) {
      found.push(plain.table);
      i = plain.next;
      continue;
    }
    if (PIPE_LINE.test(text) && text.trim().length > 1) {
      let j = i;
      while (j < lines.length && PIPE_LINE.test(lines[j]!) && lines[j]!.trim().length > 1) j++;
      const run = lines.slice(i, j);
      const org = run.some((l) => PIPE_RULE.test(l) && l.includes('+'));
      const rows = run.filter((l) => !PIPE_RULE.test(l)).length;
      if ((org || pipes === 'all') && rows >= 1 && (org || run.length >= 2)) {
        const src = run.map((t, k) => ({ text: t, line: i + k + 1 }));
        found.push({ ...parsePipeTable(src), syntax: org ? 'org' : 'pipe' });
      }
      i = j;
      continue;
    }
    i++;
  }
  return found;
}

/** A table's rows as `row` blocks (headings and parents are filled in by the caller's context). */
export function rowBlocks(table: ParsedTable, depth = 0): Block[] {
  return table.rows.map((r) => ({
    kind: 'row' as const,
    text: r.cells.join(' | '),
    line: r.line,
    depth,
    headings: [],
    parents: [],
    header: table.header,
    cells: r.cells,
  }));
}
