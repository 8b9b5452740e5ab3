// The reader registry: each file extension names one reader, which turns a file's bytes into Documents.

import type { Document, DocumentFormat } from '../model/types.js';

/** What a reader gets besides the bytes. */
export interface ReadContext {
  /** Files (and archive members) above this many bytes are refused. */
  maxBytes: number;
  /** Archive nesting: 0 for a file on disk, 1 inside a zip, … */
  depth: number;
  /** Reads a member of an archive through the registry (its name picks the reader). */
  readMember(bytes: Uint8Array, source: string, depth: number): Promise<ReadPart[]>;
}

/** One document a file yields, with what identifies it in the store. */
export interface ReadPart {
  document: Document;
  /** The bytes it came from (the file, or an archive member): its report id is their hash. */
  bytes: Uint8Array;
  /** '' for the file itself; the member's path inside an archive (`pages/w19.md`). */
  member: string;
}

export interface Reader {
  /** What the reader reads, for `--help`-style lists and the README. */
  what: string;
  format: DocumentFormat | 'zip';
  read(bytes: Uint8Array, source: string, ctx: ReadContext): Promise<ReadPart[]>;
}

/** Text formats: decode the bytes (BOM, UTF-16, GBK), then parse. Loaded lazily: start-up stays small. */
const text = (format: DocumentFormat, what: string): Reader => ({
  what,
  format,
  async read(bytes, source) {
    const { decode } = await import('./decode.js');
    const decoded = decode(bytes, source);
    const { parseText } = await import('./text.js');
    const document = await parseText(decoded.text, source, format);
    document.encoding = decoded.encoding;
    document.warnings = [...decoded.warnings, ...document.warnings];
    return [{ document, bytes, member: '' }];
  },
});

const markdown = text('markdown', 'Markdown (Notion, Feishu, Confluence exports)');
const html = text('html', 'HTML pages (Confluence, Feishu exports)');

/** Extension (lower case, with its dot) → reader. The order is the order listed to users. */
export const READERS: Readonly<Record<string, Reader>> = Object.freeze({
  '.md': markdown,
  '.markdown': markdown,
  '.txt': text('text', 'plain text: Markdown-like, an outline, or an e-mail with its headers'),
  '.html': html,
  '.htm': html,
  '.org': text('org', 'Org-mode (headings, lists, tables, #+TITLE/#+DATE)'),
  '.eml': {
    what: 'e-mail (.eml): the Date header dates it, quoted earlier mails are left out',
    format: 'email',
    async read(bytes, source) {
      const { readEml } = await import('./email.js');
      return [{ document: await readEml(bytes, source), bytes, member: '' }];
    },
  },
  '.docx': {
    what: 'Word documents (.docx), through their HTML',
    format: 'docx',
    async read(bytes, source, ctx) {
      const { readDocx } = await import('./docx.js');
      return [{ document: await readDocx(bytes, source, ctx.maxBytes), bytes, member: '' }];
    },
  },
  '.zip': {
    what: 'zip archives (Notion/Confluence exports): every supported file inside',
    format: 'zip',
    async read(bytes, source, ctx) {
      const { readZip } = await import('./zip.js');
      return readZip(bytes, source, ctx);
    },
  },
});

/** Every extension a report may have, in the order they are listed to users. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(READERS));

export type Format = Reader['format'];

/** `.md, .markdown, .txt, …` — for messages. */
export function listExtensions(): string {
  return SUPPORTED_EXTENSIONS.join(', ');
}

/** The extension of a path, lower case with its dot (`''` when there is none). Dotfiles have none. */
export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The reader for a path, or null when its extension is not a report's. */
export function readerFor(path: string): Reader | null {
  return READERS[extensionOf(path)] ?? null;
}

/** The format a path is read as, or null when its extension is not a report's. */
export function formatOf(path: string): Format | null {
  return readerFor(path)?.format ?? null;
}
