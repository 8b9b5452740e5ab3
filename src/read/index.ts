// Reading report files: size limits, the bytes, the registry's reader, then one Document per report the file holds.

import { hash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { InputError } from '../model/errors.js';
import type { Document } from '../model/types.js';
import { fileNameHint, splitEntries } from './entries.js';
import { unsupportedExtension } from './files.js';
import { type Format, type ReadContext, type ReadPart, READERS, readerFor } from './registry.js';
import { fileSystemError } from './fserror.js';
import { DEFAULT_MAX_BYTES, tooBig } from './size.js';

export { SUPPORTED_EXTENSIONS, READERS, formatOf, listExtensions, readerFor, type Format, type Reader } from './registry.js';
export { collectFiles, skippedLine, teamFromFolder, type FoundFile } from './files.js';
export { decode, type Decoded } from './decode.js';
export { parseText } from './text.js';
export { DEFAULT_MAX_BYTES, formatBytes, parseByteSize } from './size.js';

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
  return hash('sha256', bytes, 'hex').slice(0, 16);
}

/** One report a file holds: the whole file, an archive member, or one dated entry of either. */
export interface LoadedReport {
  document: Document;
  /** The report id: the hash of the bytes it came from (of the entry's content for one of several entries). */
  hash: string;
  /**
   * '' for the file itself; else what tells it apart inside the file: the archive member's path
   * and/or `#` + the entry's label (`pages/w19.md`, `#2023年3月17日周报`).
   */
  key: string;
}

/** What a file yields, with what the store wants to know about the file. */
export interface LoadedFile {
  reports: LoadedReport[];
  /** sha256 of the file's bytes, 16 hex digits. */
  hash: string;
  size: number;
  mtimeMs: number;
}

/** Reads the file's bytes, refusing it before reading when it is too big or not a regular file. */
async function readBytes(path: string, where: string, maxBytes: number): Promise<{ bytes: Uint8Array; mtimeMs: number }> {
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
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw fileSystemError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), where);
    if (!st.isFile()) throw new InputError('not a regular file', { where, hint: 'name a report file' });
    if (st.size > maxBytes) throw tooBig(st.size, maxBytes, where);
    const bytes = await handle.readFile();
    // It may have grown between stat and read.
    if (bytes.length > maxBytes) throw tooBig(bytes.length, maxBytes, where);
    return { bytes, mtimeMs: st.mtimeMs };
  } catch (err) {
    throw fileSystemError(err, where);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Bytes → the reports they hold, through the registry: no I/O (archives are read in memory). */
export async function readBytesAs(bytes: Uint8Array, source: string, options: { maxBytes?: number; format?: Format } = {}): Promise<LoadedReport[]> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const reader = options.format ? Object.values(READERS).find((r) => r.format === options.format) : readerFor(source);
  if (!reader) throw unsupportedExtension(source);
  const ctx: ReadContext = {
    maxBytes,
    depth: 0,
    async readMember(memberBytes, memberSource, depth) {
      const r = readerFor(memberSource);
      if (!r) throw unsupportedExtension(memberSource);
      return r.read(memberBytes, memberSource, { ...ctx, depth });
    },
  };
  const parts: ReadPart[] = await reader.read(bytes, source, ctx);
  const out: LoadedReport[] = [];
  for (const part of parts) {
    const entries = splitEntries(part.document, part.member || source);
    if (entries.length === 1) {
      const doc = entries[0]!;
      if (!doc.hint) {
        const hint = fileNameHint(part.member || source);
        if (hint) doc.hint = hint;
      }
      out.push({ document: doc, hash: sniffHash(part.bytes), key: part.member });
      continue;
    }
    for (const doc of entries) {
      // An entry's id is its own content, so editing one week of the file leaves the others unchanged.
      const content = new TextEncoder().encode(JSON.stringify([doc.entry?.label, doc.hint, doc.blocks]));
      out.push({ document: doc, hash: sniffHash(content), key: `${part.member}#${doc.entry!.label}` });
    }
  }
  return out;
}

/** Reads one report file (or archive) into the reports it holds; entries and members in file order. */
export async function loadFile(path: string, options: ReadOptions = {}): Promise<LoadedFile> {
  const where = options.displayPath ?? path;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!options.format && !readerFor(path)) throw unsupportedExtension(where);
  const { bytes, mtimeMs } = await readBytes(path, where, maxBytes);
  const reports = await readBytesAs(bytes, where, { maxBytes, format: options.format });
  return { reports, hash: sniffHash(bytes), size: bytes.length, mtimeMs };
}

/** A document with what the store wants to know about its file (for a file known to hold one report). */
export interface LoadedDocument {
  document: Document;
  hash: string;
  size: number;
  mtimeMs: number;
}

/** Reads a file that holds one report; one holding several (dated entries, an archive) is an error naming loadFile's callers. */
export async function loadDocument(path: string, options: ReadOptions = {}): Promise<LoadedDocument> {
  const file = await loadFile(path, options);
  if (file.reports.length !== 1) {
    throw new InputError(`holds ${file.reports.length} reports, not one`, { where: options.displayPath ?? path, hint: 'read it with ingest or check' });
  }
  return { document: file.reports[0]!.document, hash: file.reports[0]!.hash, size: file.size, mtimeMs: file.mtimeMs };
}

/** Reads one report file into a Document (`source` = the path as given, or `displayPath`). */
export async function readDocument(path: string, options: ReadOptions = {}): Promise<Document> {
  return (await loadDocument(path, options)).document;
}

