// The reader registry: picks a reader by extension, reads and decodes a file, returns its Document.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { InputError, UsageError } from '../model/errors.js';
import type { Document, Warning } from '../model/types.js';
import { decode } from './decode.js';
import { unsupportedExtension } from './files.js';
import { type Format, formatOf } from './formats.js';
import { fileSystemError } from './fserror.js';
import { guardMarkdown } from './guard.js';
import { parseMarkdown } from './markdown.js';

export { SUPPORTED_EXTENSIONS, formatOf, type Format } from './formats.js';
export { collectFiles, teamFromFolder, type FoundFile } from './files.js';
export { decode, type Decoded } from './decode.js';

const MIB = 1024 * 1024;
/** Files above this are refused unless the limit is raised (`--max-size`). */
export const DEFAULT_MAX_BYTES = 20 * MIB;

export interface ReadOptions {
  /** Refuse files larger than this (default 20 MiB). */
  maxBytes?: number;
  /** How to name the file in messages and in `Document.source` (default: the path as given). */
  displayPath?: string;
  /** Read as this format whatever the extension says. */
  format?: Format;
}

/** A document with what the store wants to know about its file. */
export interface LoadedDocument {
  document: Document;
  /** sha256 of the bytes, 16 hex digits: the report id. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** The report id: the first 16 hex digits of the sha256 of the file's bytes. */
export function sniffHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** `20 MiB`, `512 KiB`, `1000 bytes`. */
export function formatBytes(n: number): string {
  if (n >= MIB && n % MIB === 0) return `${n / MIB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  if (n >= MIB) return `${(n / MIB).toFixed(1)} MiB`;
  return `${n} bytes`;
}

/** A round `--max-size` value comfortably above `size`: 1, 2 or 5 × 10^k MB. */
function suggestLimit(size: number): string {
  const want = (size * 1.5) / MIB;
  for (let p = 1; ; p *= 10) {
    for (const m of [1, 2, 5]) if (m * p >= want) return `${m * p}MB`;
  }
}

/**
 * Parses a size such as `200MB`, `1.5G`, `512k`, `1048576` into bytes (K/M/G are powers of 1024,
 * with or without `B`/`iB`). Throws UsageError for anything else.
 */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) throw new UsageError(`not a size: "${text}"`, { hint: 'write it like 200MB, 1.5GB or 500000' });
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? MIB : unit === 'g' ? 1024 * MIB : unit === 't' ? 1024 * 1024 * MIB : 1;
  const bytes = Math.round(Number(m[1]) * factor);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`not a usable size: "${text}"`, { hint: 'give a positive size like 200MB' });
  return bytes;
}

/** A Markdown/text file that is really an HTML page (some tools export HTML with a .txt name). */
function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 1024));
}

/**
 * Text → Document with the parser for `format`, no I/O. Markdown and text first pass the
 * nesting/emphasis guard; HTML loads cheerio on first use only (Markdown input never does).
 */
export async function parseText(text: string, source: string, format: Format): Promise<Document> {
  if (format === 'html' || looksLikeHtml(text)) {
    const { parseHtml } = await import('./html.js');
    const doc = parseHtml(text, source);
    if (format !== 'html') doc.warnings.unshift({ line: 1, message: 'this file holds an HTML page; read as HTML' });
    return doc;
  }
  const guarded = guardMarkdown(text);
  const doc = parseMarkdown(guarded.text, source);
  doc.format = format;
  doc.warnings = [...guarded.warnings, ...doc.warnings];
  return doc;
}

/** Reads, decodes and parses one report file, refusing it before reading when it is too big. */
export async function loadDocument(path: string, options: ReadOptions = {}): Promise<LoadedDocument> {
  const where = options.displayPath ?? path;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const format = options.format ?? formatOf(path);
  if (!format) throw unsupportedExtension(where);
  let handle: fs.FileHandle;
  try {
    // stat before open: opening a FIFO or device for reading can block forever.
    const st = await fs.stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile()) throw new InputError('not a regular file', { where, hint: 'name a report file' });
    if (st.size > maxBytes) throw tooBig(st.size, maxBytes, where);
    handle = await fs.open(path, 'r');
  } catch (err) {
    throw fileSystemError(err, where);
  }
  let bytes: Uint8Array;
  let mtimeMs: number;
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw fileSystemError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), where);
    if (!st.isFile()) throw new InputError('not a regular file', { where, hint: 'name a report file' });
    if (st.size > maxBytes) throw tooBig(st.size, maxBytes, where);
    mtimeMs = st.mtimeMs;
    bytes = await handle.readFile();
    // It may have grown between stat and read.
    if (bytes.length > maxBytes) throw tooBig(bytes.length, maxBytes, where);
  } catch (err) {
    throw fileSystemError(err, where);
  } finally {
    await handle.close().catch(() => undefined);
  }
  const decoded = decode(bytes, where);
  const document = await parseText(decoded.text, where, format);
  document.encoding = decoded.encoding;
  document.warnings = [...decoded.warnings, ...document.warnings] satisfies Warning[];
  return { document, hash: sniffHash(bytes), size: bytes.length, mtimeMs };
}

/** Reads one report file into a Document (`source` = the path as given, or `displayPath`). */
export async function readDocument(path: string, options: { maxBytes?: number; displayPath?: string; format?: Format } = {}): Promise<Document> {
  return (await loadDocument(path, options)).document;
}

function tooBig(size: number, maxBytes: number, where: string): InputError {
  return new InputError(`${size} bytes is above the ${formatBytes(maxBytes)} limit`, { where, hint: `raise it with --max-size ${suggestLimit(size)}` });
}
