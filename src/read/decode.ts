// Bytes → text: BOMs, UTF-16, GBK/GB18030 fallback, newline normalisation, and refusal of binary or empty files.

import { createRequire } from 'node:module';
import { InputError } from '../model/errors.js';
import type { Warning } from '../model/types.js';

export interface Decoded {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be` or `gb18030`. */
  encoding: string;
  warnings: Warning[];
}

const NOT_TEXT_HINT = 'export the report as Markdown (.md) or HTML';

/** Magic numbers of formats people drop into a reports folder by mistake. */
const MAGIC: readonly { bytes: readonly (number | null)[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'PNG image data' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG image data' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF image data' },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], what: 'WebP image data' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP archive data, e.g. a .docx or .xlsx' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'ZIP archive data' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office document (.doc/.xls)' },
  { bytes: [0x1f, 0x8b], what: 'gzip compressed data' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'RAR archive data' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: '7-zip archive data' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
];

/** What a file's first bytes say it is, when they match a known binary format. */
export function sniffBinary(bytes: Uint8Array): string | null {
  for (const m of MAGIC) {
    if (bytes.length < m.bytes.length) continue;
    if (m.bytes.every((b, i) => b === null || bytes[i] === b)) return m.what;
  }
  return null;
}

function notText(source: string, what: string): InputError {
  return new InputError(`not a text report (looks like ${what})`, { where: source, hint: NOT_TEXT_HINT });
}

/** 1-based line of a byte offset (counts LF bytes; CR-only files count CRs). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) lf++;
    else if (bytes[i] === 0x0d) cr++;
  }
  return (lf > 0 ? lf : cr) + 1;
}

/**
 * Scans UTF-8: the offset of the first invalid byte (-1 when all valid) and how many valid
 * multi-byte sequences and invalid bytes there are, to tell damaged UTF-8 from another encoding.
 */
export function scanUtf8(bytes: Uint8Array): { firstInvalid: number; multi: number; invalid: number } {
  let firstInvalid = -1;
  let multi = 0;
  let invalid = 0;
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    }
    let ok = need > 0 && i + need < n;
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const c = bytes[i + k];
        if (c === undefined || (c & 0xc0) !== 0x80) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (c & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      multi++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { firstInvalid, multi, invalid };
}

let iconv: { decode(buf: Buffer, enc: string): string } | undefined;

/** iconv-lite, loaded on first use only: most reports are UTF-8 and never need it. */
export function gb18030(bytes: Uint8Array): string {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as { decode(buf: Buffer, enc: string): string };
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

/** CJK ideographs, CJK and full-width punctuation, general punctuation (“”…—): what Chinese text is made of. */
const CHINESE = /[\u2000-\u206f\u2190-\u21ff\u2460-\u24ff\u2500-\u25ff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** True when decoded text is plausibly Chinese: no replacement characters, and its non-ASCII is mostly CJK. */
function looksChinese(text: string): boolean {
  if (text.includes('\ufffd')) return false;
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (CHINESE.test(ch)) chinese++;
  }
  return nonAscii > 0 && chinese / nonAscii >= 0.8;
}

/** Guesses BOM-less UTF-16 from where the NUL bytes fall (ASCII in UTF-16 has one NUL per character). */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 1 << 16) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i & 1) odd++;
    else even++;
  }
  const half = n / 2;
  if (odd >= half * 0.1 && even <= odd * 0.05) return 'utf-16le';
  if (even >= half * 0.1 && odd <= even * 0.05) return 'utf-16be';
  return null;
}

/** Strict UTF-16 decoding (BE by swapping); lone surrogates are an error. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', source: string, warnings: Warning[]): string {
  let body = bytes;
  if (body.length % 2 === 1) {
    body = body.subarray(0, body.length - 1);
    warnings.push({ line: 1, message: `${encoding.toUpperCase()} file has an odd number of bytes; the last byte was ignored` });
  }
  if (encoding === 'utf-16be') {
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      swapped[i] = body[i + 1]!;
      swapped[i + 1] = body[i]!;
    }
    body = swapped;
  }
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw new InputError(`invalid ${encoding.toUpperCase()} (unpaired surrogate)`, { where: source, hint: 'save it as UTF-8' });
  }
}

/** Control characters other than tab, newlines, form feed: a text report has next to none. */
function controlRatio(text: string): number {
  const n = Math.min(text.length, 1 << 16);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || (c >= 0x7f && c <= 0x9f)) bad++;
  }
  return bad / n;
}

/**
 * Decodes a report's bytes. UTF-8 (BOM optional), UTF-16 with BOM or by NUL pattern, and
 * GBK/GB18030 when the bytes are not UTF-8 but read as Chinese. Newlines become `\n`.
 * Throws InputError (naming `source`) for binary, empty and undecodable files.
 */
export function decode(bytes: Uint8Array, source: string): Decoded {
  const warnings: Warning[] = [];
  if (bytes.length === 0) throw new InputError('empty file', { where: source, hint: 'export the report again; there is nothing to read' });
  const magic = sniffBinary(bytes);
  if (magic) throw notText(source, magic);

  let text: string;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = decodeUtf8(bytes.subarray(3), source, 3, bytes);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = decodeUtf16(bytes.subarray(2), 'utf-16le', source, warnings);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = decodeUtf16(bytes.subarray(2), 'utf-16be', source, warnings);
  } else {
    const guess = guessUtf16(bytes);
    if (guess) {
      encoding = guess;
      text = decodeUtf16(bytes, guess, source, warnings);
      warnings.push({ line: 1, message: `no byte-order mark; read as ${guess.toUpperCase()} from its NUL bytes` });
    } else {
      if (bytes.includes(0)) throw notText(source, 'binary data: it contains NUL bytes');
      const scan = scanUtf8(bytes);
      if (scan.firstInvalid < 0) {
        encoding = 'utf-8';
        text = decodeUtf8(bytes, source, 0, bytes);
      } else {
        // Mostly-valid UTF-8 with a few bad bytes is damaged UTF-8, not GBK (UTF-8 read as GBK also looks Chinese).
        const damagedUtf8 = scan.multi > scan.invalid * 4;
        const gb = damagedUtf8 ? null : gb18030(bytes);
        if (gb !== null && looksChinese(gb)) {
          encoding = 'gb18030';
          text = gb;
          warnings.push({ line: 1, message: 'not UTF-8: read as GBK/GB18030 (Chinese); save it as UTF-8 to be sure' });
        } else {
          throw invalidUtf8(bytes, scan.firstInvalid, source);
        }
      }
    }
  }

  text = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\0')) throw notText(source, 'binary data: it contains NUL characters');
  if (controlRatio(text) > 0.05) throw notText(source, 'binary data: too many control characters');
  if (!/[^\s\ufeff\u200b]/u.test(text)) throw new InputError('empty file', { where: source, hint: 'export the report again; it holds only whitespace' });
  // A few stray control characters (ESC, BEL, form feed, C1 controls) in otherwise text: never
  // let them reach a terminal or a table. Each becomes a space, so columns and lines stay put.
  if (STRAY_CONTROLS.test(text)) {
    const line = text.slice(0, text.search(STRAY_CONTROLS)).split('\n').length;
    text = text.replace(new RegExp(STRAY_CONTROLS.source, 'g'), ' ');
    warnings.push({ line, message: 'control characters (such as ESC) replaced by spaces' });
  }
  return { text, encoding, warnings };
}

/** C0 controls other than tab and newline, DEL, and C1 controls. */
const STRAY_CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

function invalidUtf8(bytes: Uint8Array, offset: number, source: string): InputError {
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  return new InputError(`invalid UTF-8 (byte 0x${byte} at offset ${offset}), and not GBK/GB18030 Chinese either`, {
    where: `${source}:${lineOfByte(bytes, offset)}`,
    hint: 'save it as UTF-8',
  });
}

function decodeUtf8(body: Uint8Array, source: string, skipped: number, whole: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const scan = scanUtf8(body);
    throw invalidUtf8(whole, skipped + Math.max(0, scan.firstInvalid), source);
  }
}
