// Org-mode text → Document: `*` headings, lists nested by indentation, tables, #+TITLE/#+DATE, source blocks.
// Written by hand rather than with an Org library: the subset reports use is small and line-based,
// and the npm Org parsers are little used (a few thousand downloads a month) and build a full AST we would flatten again.

import type { Block, Document } from '../model/types.js';
import { mergeByLine, nestOutline } from './outline.js';
import { cellText, findTextTables, rowBlocks } from './table.js';

const HEADING = /^(\*+)\s+(.*)$/;
const KEYWORD = /^\s*#\+([A-Za-z_]+):\s*(.*)$/;
const BEGIN = /^\s*#\+begin_(\w+)(?:\s+(\S+))?/i;
const END = /^\s*#\+end_(\w+)/i;
const DRAWER = /^\s*:([A-Za-z_]+):\s*$/;
/** A property line of a drawer (`:PROGRESS: 40%`, `:进度: 四成`), and the properties that say how far an item is. */
const PROPERTY = /^\s*:([^:\s]+):\s*(.*)$/u;
const PROGRESS_PROPERTY = /^(?:progress|complete|completion|percent_?complete|done|进度|完成度|完成|進度)$/iu;
const LIST = /^(\s*)([-+]|\d{1,3}[.)]|\s\*)\s+(.*)$/;
const PLANNING = /^\s*(?:CLOSED|SCHEDULED|DEADLINE):/;

/** Org inline markup removed: `*bold*`, `/it/`, `=verb=`, `~code~`, links; `+struck+` text is superseded and dropped. */
function inline(text: string): string {
  return cellText(text.replace(/(^|[\s(（])\+(?=\S)[^+\n]+?(?<=\S)\+(?=$|[\s,.;:!?，。；：)）])/gu, '$1'));
}

/** A heading's text without tags (`:work:urgent:`) and priority cookies (`[#A]`); TODO words and `[40%]` cookies stay. */
function headingText(raw: string): string {
  return inline(raw.replace(/\s+:[\w@#%:]+:\s*$/u, '').replace(/\[#[A-Z]\]\s*/g, ''));
}

/** `<2024-05-10 Fri>`, `[2024-05-10 Fri 18:00]` → `2024-05-10 Fri`. */
function orgDate(value: string): string {
  return value.replace(/[<>[\]]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Parses an Org file. Never throws; lines are 1-based source lines. */
export function parseOrg(text: string, source: string): Document {
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '').split('\n');
  const tables = findTextTables(lines, 'all');
  const inTable = new Set<number>();
  for (const t of tables) for (let l = t.start; l <= t.end; l++) inTable.add(l);

  const blocks: Block[] = [];
  const base = { headings: [] as string[], parents: [] as string[] };
  let para: Block | null = null;
  let items: { indent: number; block: Block; contentIndent: number }[] = [];
  let title = false;
  let i = 0;

  const endPara = () => {
    para = null;
  };
  while (i < lines.length) {
    const raw = lines[i]!;
    const line = i + 1;
    if (inTable.has(line)) {
      endPara();
      i++;
      continue;
    }
    const begin = BEGIN.exec(raw);
    if (begin) {
      endPara();
      const kind = begin[1]!.toLowerCase();
      if (kind === 'src' || kind === 'example') {
        const body: string[] = [];
        let j = i + 1;
        while (j < lines.length && !END.test(lines[j]!)) body.push(lines[j++]!);
        if (body.some((l) => l.trim())) {
          blocks.push({ kind: 'code', text: body.join('\n'), line: line + 1, depth: 0, ...base, lang: kind === 'src' ? (begin[2] ?? '') : '' });
        }
        i = j + 1;
        continue;
      }
      i++; // quote, verse, center …: their lines are read as text
      continue;
    }
    if (END.test(raw)) {
      i++;
      continue;
    }
    const drawer = DRAWER.exec(raw);
    if (drawer && drawer[1]!.toUpperCase() !== 'END') {
      let j = i + 1;
      while (j < lines.length && !/^\s*:END:\s*$/i.test(lines[j]!)) j++;
      // A heading's property drawer may say how far its item is (`:PROGRESS: 40%`, `:进度: 40%`): that property
      // line is kept as a paragraph under the heading (rule org-property reads it); the others are Org's bookkeeping.
      const last = blocks[blocks.length - 1];
      if (drawer[1]!.toUpperCase() === 'PROPERTIES' && last?.kind === 'heading' && !para && items.length === 0) {
        for (let k = i + 1; k < j && k < lines.length; k++) {
          const p = PROPERTY.exec(lines[k]!);
          if (p && PROGRESS_PROPERTY.test(p[1]!) && p[2]!.trim()) blocks.push({ kind: 'paragraph', text: `:${p[1]}: ${p[2]!.trim()}`, line: k + 1, depth: 0, headings: [], parents: [] });
        }
      }
      i = j + 1;
      continue;
    }
    const kw = KEYWORD.exec(raw);
    if (kw) {
      endPara();
      const key = kw[1]!.toUpperCase();
      const value = kw[2]!.trim();
      if (key === 'TITLE' && value) {
        blocks.push({ kind: 'heading', text: inline(value), line, depth: 1, headings: [], parents: [] });
        title = true;
      } else if (key === 'DATE' && value) {
        // Seen as a Markdown report's date line is: a paragraph among the first blocks.
        blocks.push({ kind: 'paragraph', text: `Date: ${orgDate(value)}`, line, depth: 0, ...base });
      }
      i++;
      continue;
    }
    if (/^\s*#(\s|$)/.test(raw) || PLANNING.test(raw)) {
      i++;
      continue;
    }
    const h = HEADING.exec(raw);
    if (h) {
      endPara();
      items = [];
      blocks.push({ kind: 'heading', text: headingText(h[2]!), line, depth: h[1]!.length + (title ? 1 : 0), headings: [], parents: [] });
      i++;
      continue;
    }
    if (!raw.trim()) {
      endPara();
      i++;
      continue;
    }
    const indent = /^\s*/.exec(raw)![0].replace(/\t/g, '    ').length;
    const li = LIST.exec(raw);
    if (li) {
      endPara();
      while (items.length && items[items.length - 1]!.indent >= indent) items.pop();
      const parents = items.map((x) => x.block.text.split('\n')[0]!);
      const box = /^\[([ Xx-])\]\s*/.exec(li[3]!);
      const body = box ? li[3]!.slice(box[0].length) : li[3]!;
      const block: Block = { kind: 'item', text: inline(body), line, depth: items.length + 1, headings: [], parents, ...(box && /[Xx]/.test(box[1]!) ? { checked: true as const } : {}) };
      blocks.push(block);
      items.push({ indent, block, contentIndent: indent + li[2]!.trim().length + 1 });
      para = block;
      i++;
      continue;
    }
    // A line indented under an item continues it; a line at the margin ends the list.
    const top = items[items.length - 1];
    if (top && indent < top.contentIndent && indent === 0) items = [];
    const owner = items.length && indent >= items[items.length - 1]!.contentIndent ? items[items.length - 1]!.block : null;
    const current = para as Block | null;
    if (current && (current === owner || (current.kind === 'paragraph' && !owner))) {
      current.text += '\n' + inline(raw.trim());
    } else {
      const block: Block = { kind: 'paragraph', text: inline(raw.trim()), line, depth: owner ? owner.depth : 0, headings: [], parents: owner ? [...owner.parents, owner.text.split('\n')[0]!] : [] };
      blocks.push(block);
      para = block;
    }
    i++;
  }
  const merged = mergeByLine(blocks.filter((b) => b.text.trim() || b.kind === 'item'), tables.flatMap((t) => rowBlocks(t)));
  return { source, format: 'org', encoding: 'utf-8', blocks: nestOutline(merged, lines), warnings: [] };
}
