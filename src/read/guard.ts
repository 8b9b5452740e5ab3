// Defuses Markdown that would make marked recurse or backtrack without end: absurd nesting and emphasis runs.

import type { Warning } from '../model/types.js';

/**
 * Deepest list/quote nesting kept. marked recurses once per level (10,000 levels overflow the
 * stack) and re-lexes each level's text, so time grows with depth × size; real reports use < 10.
 */
export const MAX_NESTING = 64;
/** Leading indentation kept, in columns (2 per level at the least). */
export const MAX_INDENT = 2 * MAX_NESTING;
/**
 * `*` and `_` allowed in one inline run (a paragraph, an item's text, a table row). marked's
 * emphasis matching is quadratic in them (a 40 kB `_a_a…` line takes seconds); above this the
 * run's markers are escaped and read as plain characters.
 */
export const MAX_EMPHASIS = 256;

interface Prefix {
  /** Offset where the content starts (after indentation, `>` and list markers). */
  end: number;
  /** Columns of indentation before the first marker. */
  indent: number;
  /** Offset where that indentation ends. */
  indentEnd: number;
  /** Offsets just after each marker (and the spaces following it). */
  markerEnds: number[];
}

/** Reads a line's container prefix: indentation, then any chain of `>`, `-`/`*`/`+` and `1.`/`1)` markers. */
function prefixOf(line: string): Prefix {
  let i = 0;
  let col = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
    col = line[i] === '\t' ? col + 4 - (col % 4) : col + 1;
    i++;
  }
  const indentEnd = i;
  const markerEnds: number[] = [];
  for (;;) {
    const c = line[i];
    let next = -1;
    if (c === '>') next = i + 1;
    else if ((c === '-' || c === '*' || c === '+') && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) next = i + 1;
    else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i;
      while (j < line.length && j - i < 9 && line[j]! >= '0' && line[j]! <= '9') j++;
      if ((line[j] === '.' || line[j] === ')') && (j + 1 === line.length || line[j + 1] === ' ' || line[j + 1] === '\t')) next = j + 1;
    }
    if (next < 0) break;
    while (next < line.length && (line[next] === ' ' || line[next] === '\t')) next++;
    markerEnds.push(next);
    i = next;
  }
  return { end: i, indent: col, indentEnd, markerEnds };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|\||`{3,}|~{3,})/;

/** Escapes unescaped `*` and `_` so marked reads them as characters (a loop: a regex here is 10× slower). */
function escapeEmphasis(s: string): string {
  let out = '';
  let last = 0;
  let slashes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) {
      slashes++;
      continue;
    }
    if ((c === 42 || c === 95) && slashes % 2 === 0) {
      out += `${s.slice(last, i)}\\`;
      last = i;
    }
    slashes = 0;
  }
  return out + s.slice(last);
}

function countEmphasis(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 95) n++;
  }
  return n;
}

/**
 * Rewrites only the lines that would hurt marked, never adding or removing a line (so line
 * numbers stay true), and says what it changed. Ordinary reports come back unchanged.
 */
export function guardMarkdown(text: string): { text: string; warnings: Warning[] } {
  const lines = text.split('\n');
  const contentStart: number[] = new Array(lines.length).fill(0);
  const hasMarker: boolean[] = new Array(lines.length).fill(false);
  const warnings: Warning[] = [];
  let nested = 0;
  let firstNested = 0;
  let fence: string | null = null;

  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const f = FENCE.exec(line);
    if (fence !== null) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && line.trim() === f[1]) fence = null;
      contentStart[n] = -1;
      continue;
    }
    if (f) {
      fence = f[1]!;
      contentStart[n] = -1;
      continue;
    }
    const p = prefixOf(line);
    hasMarker[n] = p.markerEnds.length > 0;
    const tooDeep = p.indent > MAX_INDENT || p.markerEnds.length > MAX_NESTING;
    if (!tooDeep) {
      contentStart[n] = p.end;
      continue;
    }
    const indent = ' '.repeat(Math.min(p.indent, MAX_INDENT));
    const kept = p.markerEnds.length > MAX_NESTING ? line.slice(p.indentEnd, p.markerEnds[MAX_NESTING - 1]) : line.slice(p.indentEnd, p.end);
    const markers = kept.length && !/\s$/.test(kept) ? `${kept} ` : kept;
    lines[n] = indent + markers + line.slice(p.end);
    contentStart[n] = indent.length + markers.length;
    if (nested++ === 0) firstNested = n + 1;
  }
  if (nested > 0) {
    warnings.push({
      line: firstNested,
      message: `${nested} line${nested === 1 ? '' : 's'} nested deeper than ${MAX_NESTING} list/quote levels (or indented over ${MAX_INDENT} columns) flattened to that depth`,
    });
  }

  // Inline runs: a block-starting line opens a run, a continuation line joins it, a blank line ends it.
  let runStart = -1;
  let runCount = 0;
  const flush = (end: number): void => {
    if (runStart >= 0 && runCount > MAX_EMPHASIS) {
      for (let k = runStart; k < end; k++) {
        const s = contentStart[k]!;
        if (s >= 0) lines[k] = lines[k]!.slice(0, s) + escapeEmphasis(lines[k]!.slice(s));
      }
      warnings.push({ line: runStart + 1, message: `${runCount} emphasis markers (* or _) in one paragraph; read as plain characters` });
    }
    runStart = -1;
    runCount = 0;
  };
  for (let n = 0; n < lines.length; n++) {
    const s = contentStart[n]!;
    const line = lines[n]!;
    if (s < 0 || line.trim() === '') {
      flush(n);
      continue;
    }
    const startsBlock = hasMarker[n] || BLOCK_START.test(line);
    if (startsBlock || runStart < 0) {
      flush(n);
      runStart = n;
    }
    runCount += countEmphasis(line.slice(s));
  }
  flush(lines.length);
  return { text: lines.join('\n'), warnings };
}
