// Markdown text → Document: marked's lexer gives the structure (headings, nested items, tables), we give exact lines.

import { Lexer, type Token, type Tokens } from 'marked';
import { CELL_BREAK, type Block, type Document, type Warning } from '../model/types.js';
import { mergeByLine, nestOutline, pseudoHeadingLevel } from './outline.js';
import { findTextTables, rowBlocks } from './table.js';
import { unframeBanners } from './banner.js';

/** Below this nesting depth we stop descending and keep the rest as plain text (no unbounded recursion). */
const MAX_DEPTH = 100;

/** A few named entities marked leaves in text; numeric ones are handled generically. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  times: '×',
  copy: '©',
  reg: '®',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  percnt: '%',
};

/** Decodes HTML entities once (`&amp;` → `&`, `&#37;` → `%`); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Removes HTML comments and tags from a fragment, keeping the text between them. */
function stripHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '');
}

/** The visible text of inline tokens: links give their label (never the href), images nothing. */
function inlineText(tokens: readonly Token[] | undefined, fallback: string, level = 0): string {
  if (!tokens || level > MAX_DEPTH) return decodeEntities(fallback);
  let out = '';
  for (const t of tokens) {
    switch (t.type) {
      case 'image':
      case 'checkbox':
      case 'def':
        break;
      case 'br':
        out += '\n';
        break;
      case 'html':
      case 'tag':
        out += stripHtml((t as Tokens.HTML).raw ?? '');
        break;
      case 'codespan':
        out += decodeEntities((t as Tokens.Codespan).text ?? '');
        break;
      case 'escape':
        out += (t as Tokens.Escape).text ?? '';
        break;
      case 'del':
        // `~~50%~~ 60%`: struck-out text is superseded, not content (a single `~` is a range, kept).
        if (String((t as Tokens.Del).raw ?? '').startsWith('~~')) break;
        out += inlineText((t as Tokens.Del).tokens, String((t as Tokens.Del).text ?? ''), level + 1);
        break;
      case 'link':
      case 'strong':
      case 'em':
      case 'text': {
        const g = t as Tokens.Generic;
        out += g.tokens && g.tokens.length ? inlineText(g.tokens, String(g.text ?? ''), level + 1) : decodeEntities(String(g.text ?? ''));
        break;
      }
      default: {
        const g = t as Tokens.Generic;
        out += g.tokens ? inlineText(g.tokens, String(g.text ?? ''), level + 1) : decodeEntities(String(g.text ?? g.raw ?? ''));
      }
    }
  }
  return out;
}

/** Tidies a block's text: trims each line's edges (Notion indents continuations) and the whole. */
function tidy(text: string): string {
  const lines = text.includes('\n') ? text.split('\n').map(tidyLine).join('\n') : tidyLine(text);
  return lines.charCodeAt(0) === 10 || lines.charCodeAt(lines.length - 1) === 10 ? lines.replace(/^\n+|\n+$/g, '') : lines;
}

/** One line of `tidy`: trailing blanks (space, tab, NBSP, ideographic space) and leading spaces and tabs cut, inner space runs made one. */
function tidyLine(line: string): string {
  let end = line.length;
  for (let c = line.charCodeAt(end - 1); c === 32 || c === 9 || c === 0xa0 || c === 0x3000; c = line.charCodeAt(end - 1)) end--;
  let start = 0;
  for (let c = line.charCodeAt(0); start < end && (c === 32 || c === 9); c = line.charCodeAt(start)) start++;
  const l = start === 0 && end === line.length ? line : line.slice(start, end);
  return l.includes('  ') ? l.replace(/([^ \t]) {2,}(?=[^ \t])/g, '$1 ') : l;
}

/** How many `\n` are in `s` before `end`. */
function countNewlines(s: string, end: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < end; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** The first line of `raw` that is not blank, trimmed; '' when there is none. */
function firstLine(raw: string): string {
  for (let start = 0; start <= raw.length; ) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const l = raw.slice(start, end).trim();
    if (l) return l;
    start = end + 1;
  }
  return '';
}

/**
 * Keeps a block's text within the lines its source spans: marked's inline text can gain blank
 * lines that are not in the source, which would push later lines past the real ones.
 */
function fitLines(text: string, raw: string): string {
  let rawEnd = raw.length;
  while (rawEnd > 0 && raw.charCodeAt(rawEnd - 1) === 10) rawEnd--;
  const want = Math.max(1, countNewlines(raw, rawEnd) + 1);
  if (countNewlines(text, text.length) + 1 <= want) return text;
  let lines = text.split('\n');
  lines = lines.filter((l) => l.trim() !== '');
  if (lines.length > want) lines = [...lines.slice(0, want - 1), lines.slice(want - 1).join(' ')];
  return lines.join('\n');
}

/**
 * Finds where each token starts in the source. marked dedents the content of list items, so a
 * token's `raw` is not always a substring of the source; its lines, trimmed, are. A cursor only
 * moves forward, so each search is short and the whole walk stays linear in practice.
 */
class Locator {
  private cursor = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  private find(needle: string, from: number): number {
    if (!needle) return -1;
    const idx = this.src.indexOf(needle, from);
    // A match far beyond the cursor is a coincidence, not this token (marked rewrote the line).
    if (idx < 0 || idx - from > 4096 + needle.length * 4) return -1;
    return idx;
  }

  /** Start line of a token; with `consume`, also moves the cursor past all of its lines. */
  locate(raw: string, consume: boolean): number {
    const first = firstLine(raw);
    if (!first) return this.lineOf(this.cursor);
    let start = this.find(first, this.cursor);
    if (start < 0) {
      // marked may have rewritten the line (tabs, markers): try its longest word instead.
      const word = first.split(/\s+/).sort((a, b) => b.length - a.length)[0] ?? '';
      start = word.length >= 2 ? this.find(word, this.cursor) : -1;
      if (start >= 0) start = this.lineStarts[this.lineOf(start) - 1]!;
    }
    if (start < 0) return this.lineOf(this.cursor);
    this.cursor = start;
    if (consume) {
      let at = start;
      for (let from = 0; from <= raw.length; ) {
        let end = raw.indexOf('\n', from);
        if (end < 0) end = raw.length;
        const l = raw.slice(from, end).trim();
        const idx = l ? this.find(l, at) : -1;
        if (idx >= 0) at = idx + l.length;
        from = end + 1;
      }
      this.cursor = at;
    }
    return this.lineOf(start);
  }

  /** Moves the cursor to the end of the given line (used after a block whose lines we know). */
  skipToLineEnd(line: number): void {
    const next = this.lineStarts[line];
    const end = next === undefined ? this.src.length : next - 1;
    if (end > this.cursor) this.cursor = end;
  }
}

interface Context {
  headings: string[];
  parents: string[];
  depth: number;
}

class Builder {
  readonly blocks: Block[] = [];
  readonly warnings: Warning[] = [];
  private readonly headingStack: { level: number; text: string }[] = [];
  readonly loc: Locator;

  constructor(src: string) {
    this.loc = new Locator(src);
  }

  private headings(): string[] {
    return this.headingStack.map((h) => h.text);
  }

  push(block: Block): void {
    this.blocks.push(block);
  }

  walk(tokens: readonly Token[], ctx: Context, level: number): void {
    // A collapsible block (`<details><summary>集中器固件 OTA — 🟡 72%</summary>` … `</details>`, GitHub/GitLab/Gitea)
    // is an outline: the summary an item, everything up to `</details>` under it.
    let inner: Context | null = null;
    for (const token of tokens) {
      const raw = token.type === 'html' && typeof token.raw === 'string' ? token.raw : '';
      const open = raw ? /<details\b[^>]*>[\s\S]*?<summary\b[^>]*>([\s\S]*?)<\/summary>/iu.exec(raw) : null;
      if (open) {
        const line = this.loc.locate(raw, true);
        const text = tidy(decodeEntities(stripHtml(open[1]!))).replace(/\n+/g, ' ');
        const at = line + (raw.slice(0, open.index + open[0].length - open[1]!.length).match(/\n/g)?.length ?? 0);
        const base: Context = inner ?? ctx;
        if (text) this.push({ kind: 'item', text, line: at, depth: base.depth + 1, headings: this.headings(), parents: [...base.parents] });
        inner = { headings: base.headings, parents: text ? [...base.parents, text] : base.parents, depth: base.depth + 1 };
        const rest = raw.slice(open.index + open[0].length);
        const body = tidy(decodeEntities(stripHtml(rest.split(/<\/details>/iu)[0]!)));
        if (body) this.push({ kind: 'paragraph', text: body, line: at, depth: inner.depth, headings: this.headings(), parents: [...inner.parents] });
        if (/<\/details>/iu.test(rest)) inner = null;
        continue;
      }
      if (inner && raw && /<\/details>/iu.test(raw)) {
        const line = this.loc.locate(raw, true);
        const body = tidy(decodeEntities(stripHtml(raw.split(/<\/details>/iu)[0]!)));
        if (body) this.push({ kind: 'paragraph', text: body, line, depth: inner.depth, headings: this.headings(), parents: [...inner.parents] });
        inner = null;
        continue;
      }
      this.token(token, inner ?? ctx, level);
    }
  }

  private token(token: Token, ctx: Context, level: number): void {
    const raw = typeof token.raw === 'string' ? token.raw : '';
    switch (token.type) {
      case 'space':
      case 'hr':
      case 'def':
      case 'checkbox':
        return;
      case 'heading': {
        const t = token as Tokens.Heading;
        const line = this.loc.locate(raw, true);
        const text = tidy(inlineText(t.tokens, t.text)).replace(/\n+/g, ' ');
        while (this.headingStack.length && this.headingStack[this.headingStack.length - 1]!.level >= t.depth) {
          this.headingStack.pop();
        }
        this.push({ kind: 'heading', text, line, depth: t.depth, headings: this.headings(), parents: [...ctx.parents] });
        this.headingStack.push({ level: t.depth, text });
        return;
      }
      case 'paragraph':
      case 'text': {
        const g = token as Tokens.Paragraph | Tokens.Text;
        const line = this.loc.locate(raw, true);
        const text = fitLines(tidy(inlineText(g.tokens, g.text)), raw);
        const pseudo = ctx.depth === 0 && token.type === 'paragraph' ? pseudoHeadingLevel(text) : 0;
        if (pseudo) {
          while (this.headingStack.length && this.headingStack[this.headingStack.length - 1]!.level >= pseudo) this.headingStack.pop();
          this.push({ kind: 'heading', text, line, depth: pseudo, headings: this.headings(), parents: [...ctx.parents] });
          this.headingStack.push({ level: pseudo, text });
          return;
        }
        if (text) this.push({ kind: 'paragraph', text, line, depth: ctx.depth, headings: this.headings(), parents: [...ctx.parents] });
        return;
      }
      case 'html': {
        const line = this.loc.locate(raw, true);
        const text = tidy(decodeEntities(stripHtml(raw)));
        if (text) this.push({ kind: 'paragraph', text, line, depth: ctx.depth, headings: this.headings(), parents: [...ctx.parents] });
        return;
      }
      case 'code': {
        const t = token as Tokens.Code;
        const line = this.loc.locate(raw, true);
        // The content starts below the opening fence; indented code starts on its own line.
        const fenced = /^\s*(```|~~~)/.test(raw);
        this.push({
          kind: 'code',
          text: t.text ?? '',
          line: fenced ? line + 1 : line,
          depth: ctx.depth,
          headings: this.headings(),
          parents: [...ctx.parents],
          lang: fenced ? (t.lang ?? '').trim().split(/\s+/)[0] ?? '' : '',
        });
        return;
      }
      case 'table': {
        const t = token as Tokens.Table;
        const line = this.loc.locate(raw, false);
        const header = t.header.map((c) => tidy(inlineText(c.tokens, c.text)).replace(/\n+/g, ' '));
        t.rows.forEach((row, i) => {
          // A `<br>` inside a cell separates clauses (`Web 70%<br>小程序 40%`): kept visible as CELL_BREAK.
          const cells = row.map((c) => tidy(inlineText(c.tokens, c.text)).replace(/\s*\n+\s*/g, CELL_BREAK));
          this.push({
            kind: 'row',
            text: cells.join(' | '),
            line: line + 2 + i,
            depth: ctx.depth,
            headings: this.headings(),
            parents: [...ctx.parents],
            header,
            cells,
          });
        });
        this.loc.skipToLineEnd(line + 1 + t.rows.length);
        return;
      }
      case 'blockquote': {
        const t = token as Tokens.Blockquote;
        this.loc.locate(raw, false);
        if (level >= MAX_DEPTH) return this.flat(raw, ctx);
        this.walk(t.tokens, ctx, level + 1);
        return;
      }
      case 'list': {
        const t = token as Tokens.List;
        for (const item of t.items) this.item(item, ctx, level);
        return;
      }
      default: {
        const g = token as Tokens.Generic;
        if (g.tokens && level < MAX_DEPTH) {
          this.loc.locate(raw, false);
          this.walk(g.tokens, ctx, level + 1);
        } else if (raw.trim()) {
          this.flat(raw, ctx);
        }
      }
    }
  }

  /** A list item: its first paragraph is the item block; everything else nests under it. */
  private item(item: Tokens.ListItem, ctx: Context, level: number): void {
    const line = this.loc.locate(item.raw ?? '', false);
    const depth = ctx.depth + 1;
    if (level >= MAX_DEPTH) {
      this.flat(item.raw ?? '', { ...ctx, depth });
      return;
    }
    const children = item.tokens ?? [];
    let first = children.findIndex((c) => c.type !== 'checkbox' && c.type !== 'space');
    let text = '';
    if (first >= 0 && (children[first]!.type === 'text' || children[first]!.type === 'paragraph')) {
      const head = children[first] as Tokens.Text | Tokens.Paragraph;
      this.loc.locate(head.raw ?? '', true);
      text = fitLines(tidy(inlineText(head.tokens, head.text)), head.raw ?? '');
    } else {
      first = -1;
    }
    this.push({ kind: 'item', text, line, depth, headings: this.headings(), parents: [...ctx.parents], ...(item.task && item.checked ? { checked: true as const } : {}) });
    const nl = text.indexOf('\n');
    const inner: Context = { headings: ctx.headings, parents: [...ctx.parents, nl < 0 ? text : text.slice(0, nl)], depth };
    children.forEach((c, i) => {
      if (i === first || c.type === 'checkbox') return;
      this.token(c, inner, level + 1);
    });
  }

  /** Fallback for content we do not descend into: one paragraph per source line. */
  private flat(raw: string, ctx: Context): void {
    const start = this.loc.locate(raw, true);
    raw.split('\n').forEach((l, i) => {
      const text = tidy(decodeEntities(stripHtml(l)));
      if (text) this.push({ kind: 'paragraph', text, line: start + i, depth: ctx.depth, headings: this.headings(), parents: [...ctx.parents] });
    });
  }
}

/** Plain line-by-line reading, used only if the lexer itself fails on some input. */
function plainBlocks(src: string): Block[] {
  const blocks: Block[] = [];
  src.split('\n').forEach((l, i) => {
    const text = tidy(l);
    if (text) blocks.push({ kind: 'paragraph', text, line: i + 1, depth: 0, headings: [], parents: [] });
  });
  return blocks;
}

/**
 * Parses Markdown (Notion exports included) into blocks with exact 1-based source lines.
 * Never throws: on a lexer failure the text is kept line by line with a warning.
 */
export function parseMarkdown(text: string, source: string): Document {
  const src = String(text ?? '').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const doc: Document = { source, format: 'markdown', encoding: 'utf-8', blocks: [], warnings: [] };
  // Org (`|---+---|`) and grid (`+----+`) tables are not Markdown: read apart, their lines blanked for marked.
  const srcLines = src.split('\n');
  const tables = findTextTables(srcLines, 'org-only');
  let lexed = src;
  if (tables.length) {
    const blanked = [...srcLines];
    for (const t of tables) for (let l = t.start; l <= t.end; l++) blanked[l - 1] = '';
    lexed = blanked.join('\n');
  }
  // Drawn rules (`=====` above and below a label) as the writer meant them: headings and separators.
  const unframed = unframeBanners(lexed === src ? srcLines : lexed.split('\n'));
  if (unframed !== srcLines) lexed = unframed.join('\n');
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(lexed) as Token[];
  } catch (err) {
    doc.blocks = plainBlocks(src);
    doc.warnings.push({ line: 1, message: `Markdown could not be parsed (${(err as Error)?.message ?? err}); read line by line` });
    return doc;
  }
  const b = new Builder(lexed);
  try {
    b.walk(tokens, { headings: [], parents: [], depth: 0 }, 0);
  } catch (err) {
    // Only a stack overflow on absurd nesting gets here; keep what is usable.
    doc.blocks = plainBlocks(src);
    doc.warnings.push({ line: 1, message: `Markdown structure too deep (${(err as Error)?.message ?? err}); read line by line` });
    return doc;
  }
  const max = Math.max(1, b.loc.lineCount);
  for (const block of b.blocks) {
    block.line = Math.min(Math.max(1, block.line), max);
    // Invariant for the extractor: every line of a block's text is a line of the document.
    const room = max - block.line + 1;
    if (countNewlines(block.text, block.text.length) + 1 <= room) continue;
    const lines = block.text.split('\n');
    if (lines.length > room) block.text = [...lines.slice(0, room - 1), lines.slice(room - 1).join(' ')].join('\n');
  }
  doc.blocks = nestOutline(mergeByLine(b.blocks, tables.flatMap((t) => rowBlocks(t))), srcLines);
  doc.warnings.push(...b.warnings);
  return doc;
}
