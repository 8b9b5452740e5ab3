// HTML text (Confluence, Feishu exports) → Document via cheerio/parse5, with each block's line in the file.

import { load } from 'cheerio';
import { CELL_BREAK, type Block, type BlockKind, type Document, type Warning } from '../model/types.js';
import { nestOutline } from './outline.js';
import { joinHeaderRows } from './table.js';

/** The parts of domhandler's nodes (as cheerio builds them with parse5 locations) that we read. */
interface HNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  sourceCodeLocation?: { startLine: number } | null;
}

/** Elements whose content is never report text. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'math', 'iframe', 'object', 'canvas', 'select', 'textarea', 'button', 'input', 'img', 'video', 'audio']);
/** Elements that end the running paragraph (everything else is inline and transparent). */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'main', 'nav', 'p', 'section', 'summary',
  'caption', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th',
]);
const LIST = new Set(['ul', 'ol', 'menu']);
const HEADING = /^h([1-6])$/;

/** Deeper than this we stop descending and take the subtree's text (parse5 nesting is bounded by guardHtml anyway). */
const MAX_WALK = 400;
/** Elements that need an explicit end tag and so can nest without bound. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements closed implicitly by a sibling (`<li>` after `<li>`): they do not deepen the tree without bound. */
const IMPLIED_END = new Set(['li', 'p', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'colgroup', 'caption']);

/** parse5 is quadratic in open-element depth (10,000 nested lists take seconds): nesting kept. */
export const MAX_HTML_NESTING = 128;

/**
 * Drops the start and end tags of elements nested deeper than MAX_HTML_NESTING (their text stays,
 * one level up), keeping every newline so line numbers do not move. Ordinary pages come back unchanged.
 */
export function guardHtml(html: string): { text: string; warnings: Warning[] } {
  const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|plaintext)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*>/g;
  const stack: { name: string; kept: boolean }[] = [];
  const drops: [number, number][] = [];
  let firstDropLine = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    if (m[3] === undefined) continue;
    const name = m[3].toLowerCase();
    if (VOID.has(name) || IMPLIED_END.has(name)) continue;
    if (m[2] === '/') {
      let k = stack.length - 1;
      while (k >= 0 && stack[k]!.name !== name) k--;
      if (k < 0) continue;
      if (!stack[k]!.kept) drops.push([m.index, m.index + m[0].length]);
      stack.length = k;
    } else if (!m[0].endsWith('/>')) {
      const kept = stack.length < MAX_HTML_NESTING;
      stack.push({ name, kept });
      if (!kept) {
        drops.push([m.index, m.index + m[0].length]);
        if (firstDropLine === 0) firstDropLine = html.slice(0, m.index).split('\n').length;
      }
    }
  }
  if (drops.length === 0) return { text: html, warnings: [] };
  let out = '';
  let last = 0;
  for (const [from, to] of drops) {
    out += html.slice(last, from) + html.slice(from, to).replace(/[^\n]/g, '');
    last = to;
  }
  out += html.slice(last);
  return {
    text: out,
    warnings: [{ line: firstDropLine, message: `${drops.length} tags nested deeper than ${MAX_HTML_NESTING} levels were dropped (their text is kept)` }],
  };
}

/** A paragraph being gathered from inline content. */
interface Run {
  text: string;
  line: number;
}

/** Where content sits: list depth and the first lines of enclosing list items. */
interface Scope {
  depth: number;
  parents: string[];
  /** Set inside `<li>` until its first text becomes the item block; `checked` for a ticked task. */
  item?: { pending: boolean; checked?: boolean };
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{2,}/g, '\n');
}

/** Class tokens of a ticked task item: Confluence `<li class="checked">`, `task-done`, `is-checked`, Notion's `checkbox-on`. */
const TICKED_CLASS = /(?:^|\s)(?:checked|is-checked|task-checked|task-done|checkbox-on|to-do-children-checked)(?:\s|$)/u;

/**
 * Is a list item a ticked task? Said by the item (`<li class="checked">`, `aria-checked="true"`, `data-checked`) or by
 * a mark before its text: `<input type="checkbox" checked>`, a `checkbox-on` element. A box after the first text is
 * not the item's.
 */
function ticked(li: HNode): boolean {
  const a = li.attribs ?? {};
  if (TICKED_CLASS.test(a.class ?? '') || a['aria-checked'] === 'true' || a['data-checked'] === 'true') return true;
  const todo: HNode[] = [...(li.children ?? [])].reverse();
  for (let seen = 0; todo.length && seen < 64; seen++) {
    const n = todo.pop()!;
    if (n.type === 'text') {
      if ((n.data ?? '').trim()) return false;
      continue;
    }
    if (n.type !== 'tag') continue;
    const na = n.attribs ?? {};
    if (n.name === 'input') {
      if ((na.type ?? '').toLowerCase() === 'checkbox') return na.checked !== undefined;
      continue;
    }
    if (TICKED_CLASS.test(na.class ?? '') || na['aria-checked'] === 'true') return true;
    if (na['aria-checked'] === 'false' || n.name === 'ul' || n.name === 'ol') return false;
    for (let i = (n.children ?? []).length - 1; i >= 0; i--) todo.push(n.children![i]!);
  }
  return false;
}

function lineOf(node: HNode): number | undefined {
  return node.sourceCodeLocation?.startLine;
}

class Walker {
  readonly blocks: Block[] = [];
  private readonly headingStack: { level: number; text: string }[] = [];
  private lastLine = 1;

  private headings(): string[] {
    return this.headingStack.map((h) => h.text);
  }

  private push(kind: BlockKind, text: string, line: number, scope: Scope, extra: Partial<Block> = {}): void {
    this.blocks.push({ kind, text, line, depth: kind === 'heading' ? extra.depth ?? 1 : scope.depth, headings: this.headings(), parents: [...scope.parents], ...extra });
  }

  /** The page's `<title>` as the top heading, the section of everything until the first `<h1>`. */
  title(text: string, line: number): void {
    this.blocks.push({ kind: 'heading', text, line, depth: 1, headings: [], parents: [] });
    this.headingStack.push({ level: 1, text });
  }

  /** Emits the gathered inline text: as the item of a pending `<li>`, else as a paragraph. */
  flush(run: Run, scope: Scope): void {
    const text = tidy(run.text);
    run.text = '';
    if (!text) return;
    if (scope.item?.pending) {
      scope.item.pending = false;
      this.push('item', text, run.line, scope, scope.item.checked ? { checked: true } : {});
      scope.parents = [...scope.parents, text.split('\n')[0]!];
    } else {
      this.push('paragraph', text, run.line, scope);
    }
  }

  private addText(run: Run, node: HNode): void {
    const data = (node.data ?? '').replace(/[ \t\n\r\f]+/g, ' ');
    if (!run.text.trim() && data.trim()) {
      const at = lineOf(node) ?? this.lastLine;
      const lead = /^[ \t\n\r\f]*/.exec(node.data ?? '')![0];
      run.line = at + (lead.match(/\n/g)?.length ?? 0);
    }
    const at = lineOf(node);
    if (at !== undefined) this.lastLine = at;
    run.text += data;
  }

  /** Text of a subtree, `<br>` and block boundaries as newlines; iterative, so any depth is safe. */
  textOf(root: HNode, pre = false): { text: string; line: number | undefined } {
    let text = '';
    let line: number | undefined;
    const todo: (HNode | string)[] = [root];
    while (todo.length) {
      const n = todo.pop()!;
      if (typeof n === 'string') {
        text += n;
        continue;
      }
      if (n.type === 'text') {
        const data = pre ? n.data ?? '' : (n.data ?? '').replace(/[ \t\n\r\f]+/g, ' ');
        if (line === undefined && data.trim()) {
          const lead = /^[ \t\n\r\f]*/.exec(n.data ?? '')![0];
          line = (lineOf(n) ?? this.lastLine) + (lead.match(/\n/g)?.length ?? 0);
        }
        text += data;
      } else if (n.type === 'tag' || n.type === 'root') {
        const name = n.name ?? '';
        if (DROP.has(name)) continue;
        if (name === 'br') {
          text += '\n';
          continue;
        }
        const block = BLOCK.has(name) || LIST.has(name) || name === 'li' || HEADING.test(name);
        if (block) todo.push('\n');
        const kids = n.children ?? [];
        for (let i = kids.length - 1; i >= 0; i--) todo.push(kids[i]!);
        if (block) todo.push('\n');
      }
    }
    return { text, line };
  }

  /** Visits one node; inline content accumulates in `run`, blocks flush it first. */
  visit(node: HNode, scope: Scope, run: Run, level: number): void {
    if (node.type === 'text') return this.addText(run, node);
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (DROP.has(name)) return;
    if (name === 'br') {
      run.text += '\n';
      return;
    }
    if (level > MAX_WALK) {
      const t = this.textOf(node);
      if (!run.text.trim() && t.line !== undefined) run.line = t.line;
      run.text += t.text;
      return;
    }
    const at = lineOf(node);
    if (at !== undefined) this.lastLine = at;
    const heading = HEADING.exec(name) ?? (node.attribs?.role === 'heading' ? ['', node.attribs['aria-level'] ?? '2'] : null);
    if (heading) {
      this.flush(run, scope);
      const level = Math.min(6, Math.max(1, Number(heading[1]) || 2));
      const t = this.textOf(node);
      const text = tidy(t.text).replace(/\n+/g, ' ');
      if (!text) return;
      while (this.headingStack.length && this.headingStack[this.headingStack.length - 1]!.level >= level) this.headingStack.pop();
      this.push('heading', text, t.line ?? at ?? this.lastLine, scope, { depth: level });
      this.headingStack.push({ level, text });
      return;
    }
    if (LIST.has(name)) {
      this.flush(run, scope);
      const inner: Scope = { depth: scope.depth + 1, parents: scope.parents };
      this.children(node, inner, level);
      return;
    }
    if (name === 'li') {
      this.flush(run, scope);
      // A stray <li> outside a list still counts as one level.
      const inner: Scope = { depth: Math.max(1, scope.depth), parents: scope.parents, item: { pending: true, ...(ticked(node) ? { checked: true } : {}) } };
      this.children(node, inner, level);
      return;
    }
    if (name === 'dl') {
      this.flush(run, scope);
      this.definitions(node, scope, level);
      return;
    }
    if (name === 'table') {
      this.flush(run, scope);
      this.table(node, scope);
      return;
    }
    if (name === 'pre') {
      this.flush(run, scope);
      const t = this.textOf(node, true);
      const text = t.text.replace(/^\n+|\s+$/g, '');
      // `<pre><code class="language-ts">` (or `lang-`, or a class on <pre>) names the language.
      const code = (node.children ?? []).find((c) => c.type === 'tag' && c.name === 'code');
      const cls = `${node.attribs?.class ?? ''} ${code?.attribs?.class ?? ''}`;
      const lang = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(cls)?.[1] ?? '';
      if (text) this.push('code', text, t.line ?? at ?? this.lastLine, scope, { lang });
      return;
    }
    if (BLOCK.has(name)) {
      this.flush(run, scope);
      this.children(node, scope, level);
      return;
    }
    for (const c of node.children ?? []) this.visit(c, scope, run, level + 1);
  }

  /** Walks a block's children with a fresh run and flushes what is left. */
  children(node: HNode, scope: Scope, level: number): void {
    const run: Run = { text: '', line: lineOf(node) ?? this.lastLine };
    for (const c of node.children ?? []) this.visit(c, scope, run, level + 1);
    this.flush(run, scope);
  }

  /**
   * A definition list (`<dl><dt>term</dt><dd>text</dd>…</dl>`, DokuWiki/MediaWiki/Confluence pages) is an outline:
   * each term an item one level down, each of its definitions an item below it with the term as parent, so a
   * definition's figure belongs to the term it explains. Wrappers (`<div>` around dt/dd, HTML5) are looked through.
   */
  private definitions(node: HNode, scope: Scope, level: number): void {
    const termScope: Scope = { depth: scope.depth + 1, parents: scope.parents };
    let termParents = scope.parents;
    const each = (n: HNode, lvl: number): void => {
      for (const c of n.children ?? []) {
        if (c.type === 'tag' && c.name === 'dt') {
          const s: Scope = { depth: termScope.depth, parents: scope.parents, item: { pending: true } };
          this.children(c, s, lvl + 1);
          termParents = s.parents;
        } else if (c.type === 'tag' && c.name === 'dd') {
          this.children(c, { depth: termScope.depth + 1, parents: termParents, item: { pending: true } }, lvl + 1);
        } else if (c.type === 'tag' && c.name === 'div' && lvl - level < 4) {
          each(c, lvl + 1);
        } else {
          const run: Run = { text: '', line: lineOf(c) ?? this.lastLine };
          this.visit(c, termScope, run, lvl + 1);
          this.flush(run, termScope);
        }
      }
    };
    each(node, level);
  }

  /** Rows of one table (not of tables nested in its cells): th row or thead as header, else the first row. */
  private table(node: HNode, scope: Scope): void {
    const rows: { node: HNode; head: boolean }[] = [];
    const collect = (n: HNode, inHead: boolean): void => {
      for (const c of n.children ?? []) {
        if (c.type !== 'tag') continue;
        if (c.name === 'tr') rows.push({ node: c, head: inHead });
        else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') collect(c, c.name === 'thead');
      }
    };
    collect(node, false);
    // A grid of the table: `colspan` repeats a cell across the columns it covers, `rowspan` down the
    // rows, so every row has every cell. `<br>` inside a cell becomes CELL_BREAK.
    const grid: (string | undefined)[][] = rows.map(() => []);
    const parsed = rows.map((r, ri) => {
      let allTh = true;
      let line: number | undefined;
      let col = 0;
      const cells = grid[ri]!;
      for (const c of r.node.children ?? []) {
        if (c.type !== 'tag' || (c.name !== 'td' && c.name !== 'th')) continue;
        if (c.name !== 'th') allTh = false;
        const t = this.textOf(c);
        line ??= t.line;
        const text = tidy(t.text).replace(/\s*\n+\s*/g, CELL_BREAK);
        while (cells[col] !== undefined) col++;
        const colspan = Math.min(64, Math.max(1, Number.parseInt(c.attribs?.colspan ?? '1', 10) || 1));
        const rowspan = Math.min(rows.length - ri, Math.max(1, Number.parseInt(c.attribs?.rowspan ?? '1', 10) || 1));
        for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) grid[ri + dr]![col + dc] ??= text;
        col += colspan;
      }
      return { allTh: allTh && cells.length > 0, line: line ?? lineOf(r.node), head: r.head };
    }).map((p, ri) => ({ ...p, cells: Array.from(grid[ri]!, (c) => c ?? '') }));
    let header: string[] = [];
    let body = parsed;
    const headRows = parsed.filter((r) => r.head);
    if (headRows.length) {
      header = joinHeaderRows(headRows.map((r) => r.cells));
      body = parsed.filter((r) => !r.head);
    } else if (parsed.length > 1 || parsed[0]?.allTh) {
      // Leading rows of <th> only are header rows (several when a spanning header sits above its columns).
      let n = 0;
      while (n < parsed.length - 1 && parsed[n]!.allTh) n++;
      n = Math.max(1, n);
      header = joinHeaderRows(parsed.slice(0, n).map((r) => r.cells));
      body = parsed.slice(n);
    }
    for (const r of body) {
      if (!r.cells.some((c) => c)) continue;
      this.push('row', r.cells.join(' | '), r.line ?? this.lastLine, scope, { header, cells: r.cells });
    }
  }
}

/**
 * Parses an HTML export into blocks: h1–h6 headings, nested list items with their parents,
 * paragraphs, table rows with their header, pre blocks as code; scripts and styles dropped.
 * A `<title>` that no `<h1>` repeats becomes the first heading. Never throws on bad markup.
 */
export function parseHtml(text: string, source: string): Document {
  const guarded = guardHtml(text);
  const $ = load(guarded.text, { sourceCodeLocationInfo: true });
  const root = $.root()[0] as unknown as HNode;
  const walker = new Walker();
  const titleNode = $('title').first();
  const title = tidy(titleNode.text()).replace(/\n+/g, ' ');
  if (title) {
    const h1s = $('h1')
      .toArray()
      .map((h) => tidy($(h).text()).replace(/\n+/g, ' '));
    if (!h1s.includes(title)) walker.title(title, lineOf(titleNode[0] as unknown as HNode) ?? 1);
  }
  walker.children(root, { depth: 0, parents: [] }, 0);
  return { source, format: 'html', encoding: 'utf-8', blocks: nestOutline(walker.blocks, null), warnings: guarded.warnings };
}
