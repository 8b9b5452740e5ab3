// Outlines as structure: numbered, lettered and indented lines become nested items with depth and parents, in every text format.

import type { Block } from '../model/types.js';

/** A line's outline marker and its style; styles decide nesting when indentation does not. */
export interface Marker {
  /** As written, without the space after it: `1.`, `（1）`, `a)`, `①`, `一、`, `-`. */
  marker: string;
  style: string;
}

const MARKERS: [RegExp, string][] = [
  [/^[一二三四五六七八九十]{1,3}[、.．]/u, 'cjk'],
  [/^[（(][一二三四五六七八九十]{1,3}[)）]/u, 'paren-cjk'],
  [/^[（(]\d{1,3}[)）]/u, 'paren'],
  [/^\d{1,3}[)）](?![\d%％])/u, 'decimal)'],
  [/^\d{1,3}、/u, 'decimal、'],
  [/^\d{1,3}[.．](?![\d%％.])(?=\s|[^\x00-\x7f])/u, 'decimal'],
  [/^[a-z][.)、](?=\s|[^\x00-\x7f])/u, 'lower'],
  [/^[A-Z][.)、](?=\s|[^\x00-\x7f])/u, 'upper'],
  [/^[①-⑳]/u, 'circled'],
  [/^[-*+](?=\s)/u, 'bullet'],
  [/^[•●○◦▪■□·]/u, 'bullet'],
];

/** The outline marker a line (already trimmed at its start) begins with, or null. */
export function markerOf(text: string): Marker | null {
  const t = text.trimStart();
  for (const [re, style] of MARKERS) {
    const m = re.exec(t);
    if (m) return { marker: m[0], style: style === 'bullet' ? `bullet${m[0]}` : style };
  }
  return null;
}

/**
 * Section lines written without `#` (Word/Feishu/e-mail habits): `一、版本进度` (level 7) and
 * `（二）WMS 改造` (level 8), short and alone on their line. They nest below every real heading.
 */
export function pseudoHeadingLevel(text: string): number {
  if (text.includes('\n') || text.length > 40 || /[%％]/u.test(text)) return 0;
  if (/^[一二三四五六七八九十]{1,3}[、.．]\s*\S/u.test(text)) return 7;
  if (/^[（(][一二三四五六七八九十]{1,3}[)）]\s*\S/u.test(text)) return 8;
  return 0;
}

/** Columns of leading white space (a tab counts 4, an ideographic space 2). */
function indentOf(raw: string): number {
  let n = 0;
  for (const ch of raw) {
    if (ch === ' ' || ch === '\u00a0') n++;
    else if (ch === '\t') n += 4;
    else if (ch === '\u3000') n += 2;
    else break;
  }
  return n;
}

interface Node {
  indent: number;
  style: string;
  depth: number;
  head: string;
  parents: string[];
}

/** A block's lines grouped into outline units: the first line, then each line that starts a child. */
interface Unit {
  lines: string[];
  line: number;
  indent: number;
  marker: Marker | null;
}

/**
 * Nests outline lines. Markdown's own lists come nested from the parser; this adds what it cannot
 * see: `（1）`/`①`/`a.`/`1、` children written on the lines under an item or a plain line, and
 * plain lines indented below another line. Rules, in order: a deeper indent is a child; at the
 * same indent the same marker style is a sibling, a style seen higher up closes back to it, and
 * a new style is a child (`1.` then `（1）` then `①`). A section line (`二、下周计划`) becomes a
 * heading. `src` (the source lines) gives indentation; without it every line has indent 0.
 */
export function nestOutline(blocks: readonly Block[], src: readonly string[] | null): Block[] {
  const out: Block[] = [];
  let stack: Node[] = [];
  const indentAt = (line: number, text: string): number => {
    const raw = src?.[line - 1];
    if (raw === undefined) return 0;
    const probe = text.trim().slice(0, 4);
    return !probe || raw.includes(probe) ? indentOf(raw) : 0;
  };

  /** Where a node goes: pops the stack to its parent and returns it (null = top level). */
  const place = (indent: number, style: string): Node | null => {
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      if (indent > top.indent) break;
      if (indent < top.indent) {
        stack.pop();
        continue;
      }
      if (style === top.style) {
        stack.pop();
        break;
      }
      if (stack.some((s) => s.indent === indent && s.style === style)) {
        stack.pop();
        continue;
      }
      break;
    }
    return stack[stack.length - 1] ?? null;
  };

  const childBlock = (b: Block, u: Unit, parent: Node | null, base: number): Block => {
    const depth = parent ? parent.depth + 1 : Math.max(1, base);
    const parents = parent ? [...parent.parents, parent.head] : [...b.parents];
    // The text goes without its marker (as a Markdown item's does); `marker` keeps it.
    const own = u.marker ? u.lines[0]!.trimStart().slice(u.marker.marker.length).trimStart() : u.lines[0]!;
    const text = [own, ...u.lines.slice(1)].join('\n');
    const head = own;
    stack.push({ indent: u.indent, style: u.marker?.style ?? 'indent', depth, head, parents });
    return { kind: 'item', text, line: u.line, depth, headings: b.headings, parents, marker: u.marker?.marker ?? '' };
  };

  for (const b of blocks) {
    if (b.kind === 'heading') {
      stack = [];
      out.push(b);
      continue;
    }
    if (b.kind !== 'paragraph' && b.kind !== 'item') {
      out.push(b);
      continue;
    }
    const lines = b.text.split('\n');
    const firstIndent = indentAt(b.line, lines[0]!);
    // Markdown items: the marker stands in the source, not in the text.
    const srcMarker = b.kind === 'item' && src ? markerOf(src[b.line - 1] ?? '') : null;
    // A child line of an item must be indented past the item's text, not merely to it.
    const contentIndent = b.kind === 'item' ? firstIndent + (srcMarker ? srcMarker.marker.length + 1 : 2) : firstIndent;
    const units: Unit[] = [];
    lines.forEach((text, i) => {
      const line = b.line + i;
      const indent = i === 0 ? firstIndent : indentAt(line, text);
      const marker = markerOf(text);
      // Once children have begun, a line back at the margin is a node of its own, not their continuation.
      const back = units.length > 1 && indent <= firstIndent;
      if (i === 0 || marker || indent > contentIndent || back) units.push({ lines: [text], line, indent, marker });
      else units[units.length - 1]!.lines.push(text);
    });

    const first = units[0]!;
    if (b.kind === 'item') {
      while (stack.length && stack[stack.length - 1]!.depth >= b.depth) stack.pop();
      const style = srcMarker?.style ?? `list${b.depth}`;
      const head = first.lines[0]!;
      out.push({ ...b, text: first.lines.join('\n'), ...(srcMarker ? { marker: srcMarker.marker } : {}) });
      stack.push({ indent: firstIndent, style, depth: b.depth, head, parents: b.parents });
    } else if (b.depth > 0) {
      // A paragraph inside a list item: its first line continues the item; marked lines nest below it.
      while (stack.length && stack[stack.length - 1]!.depth > b.depth) stack.pop();
      if (first.marker) out.push(childBlock(b, first, place(first.indent, first.marker.style), b.depth));
      else out.push({ ...b, text: first.lines.join('\n') });
    } else {
      const level = first.marker && (first.marker.style === 'cjk' || first.marker.style === 'paren-cjk') ? pseudoHeadingLevel(first.lines.join('\n')) : 0;
      const top = stack[stack.length - 1];
      if (level) {
        stack = [];
        out.push({ kind: 'heading', text: first.lines[0]!, line: first.line, depth: level, headings: b.headings, parents: [] });
      } else if (first.marker) {
        out.push(childBlock(b, first, place(first.indent, first.marker.style), 1));
      } else if (!first.marker && top && first.indent > top.indent) {
        out.push(childBlock(b, first, place(first.indent, 'indent'), 1));
      } else {
        // A plain paragraph: it ends any outline above and may head the lines indented below it.
        stack = [];
        out.push({ ...b, text: first.lines.join('\n') });
        stack.push({ indent: first.indent, style: 'none', depth: 0, head: first.lines[0]!, parents: [...b.parents] });
      }
    }
    for (const u of units.slice(1)) {
      const level = u.marker && (u.marker.style === 'cjk' || u.marker.style === 'paren-cjk') && u.indent === 0 ? pseudoHeadingLevel(u.lines.join('\n')) : 0;
      if (level) {
        stack = [];
        out.push({ kind: 'heading', text: u.lines[0]!, line: u.line, depth: level, headings: b.headings, parents: [] });
        continue;
      }
      if (!u.marker && u.indent <= firstIndent && b.kind === 'paragraph' && b.depth === 0) {
        // A plain line at the margin after an indented outline: a new top-level line.
        stack = [];
        out.push({ kind: 'paragraph', text: u.lines.join('\n'), line: u.line, depth: 0, headings: b.headings, parents: [...b.parents] });
        stack.push({ indent: u.indent, style: 'none', depth: 0, head: u.lines[0]!, parents: [...b.parents] });
        continue;
      }
      out.push(childBlock(b, u, place(u.indent, u.marker?.style ?? 'indent'), b.depth + 1));
    }
  }
  assignHeadings(out);
  return out;
}

/** Recomputes every block's `headings` from the heading blocks before it (after headings were added or moved). */
export function assignHeadings(blocks: Block[]): void {
  const stack: { level: number; text: string }[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      while (stack.length && stack[stack.length - 1]!.level >= b.depth) stack.pop();
      b.headings = stack.map((h) => h.text);
      stack.push({ level: b.depth, text: b.text });
    } else {
      b.headings = stack.map((h) => h.text);
    }
  }
}

/** Merges blocks found apart (text tables) into a block list by source line; both lists are in line order. */
export function mergeByLine(blocks: readonly Block[], extra: readonly Block[]): Block[] {
  if (!extra.length) return [...blocks];
  const out: Block[] = [];
  let j = 0;
  for (const b of blocks) {
    while (j < extra.length && extra[j]!.line < b.line) out.push(extra[j++]!);
    out.push(b);
  }
  while (j < extra.length) out.push(extra[j++]!);
  return out;
}
