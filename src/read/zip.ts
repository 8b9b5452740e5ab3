// Zip exports (Notion, Confluence) read in memory with fflate: every supported member, named `export.zip/…`; bombs and nesting bounded.

import { InputError, MilestonesError } from '../model/errors.js';
import type { Warning } from '../model/types.js';
import { gb18030 } from './decode.js';
import { skippedLine } from './files.js';
import { extensionOf, readerFor, type ReadContext, type ReadPart } from './registry.js';

/** At most this many members are looked at (a zip of a million empty files is a bomb too). */
export const MAX_MEMBERS = 10_000;
/** A zip inside a zip is read; one more level down is not. */
export const MAX_ZIP_DEPTH = 2;
/** Members whose declared size is this many times their compressed size are refused. */
const MAX_RATIO = 200;
/** All members together may expand to this many times the file size limit. */
const TOTAL_FACTOR = 5;

/**
 * A member's name as its creator meant it: fflate decodes names without the UTF-8 flag as Latin-1,
 * which is how Windows' zip stores GBK names; such names are re-read as UTF-8, else as GB18030.
 */
function memberName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const bytes = Uint8Array.from(name, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return gb18030(bytes);
  }
}

/**
 * Reads the supported members of a zip archive (sorted by name) through the registry, each named
 * `<archive>/<member path>`. Declared sizes are checked before anything is inflated (fflate never
 * inflates past them): a member above the size limit or with a compression ratio above 200 is
 * refused, and so is an archive expanding to more than 5× the limit or holding more than 10,000
 * members. A bad member is reported as a warning and the others are read.
 */
export async function readZip(bytes: Uint8Array, source: string, ctx: ReadContext): Promise<ReadPart[]> {
  if (ctx.depth >= MAX_ZIP_DEPTH) {
    throw new InputError(`a zip nested ${ctx.depth} levels deep is not read`, { where: source, hint: 'unpack the outer archive and ingest the folder' });
  }
  const { unzipSync } = await import('fflate');
  const warnings: Warning[] = [];
  const skipped = new Map<string, number>();
  const wanted = new Map<string, string>();
  let members = 0;
  let total = 0;
  let bomb = '';
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        if (++members > MAX_MEMBERS) {
          bomb ||= `more than ${MAX_MEMBERS} members`;
          return false;
        }
        const name = memberName(f.name);
        if (name.endsWith('/') || name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX')) return false;
        if (!readerFor(name)) {
          const ext = extensionOf(name) || '(no extension)';
          skipped.set(ext, (skipped.get(ext) ?? 0) + 1);
          return false;
        }
        if (f.originalSize > ctx.maxBytes) {
          warnings.push({ line: 1, message: `${name}: ${f.originalSize} bytes unpacked is above the size limit; not read (raise --max-size)` });
          return false;
        }
        if (f.originalSize > 1024 * 1024 && f.originalSize > f.size * MAX_RATIO) {
          warnings.push({ line: 1, message: `${name}: unpacks ${Math.round(f.originalSize / Math.max(1, f.size))}× its packed size; not read (a zip bomb?)` });
          return false;
        }
        total += f.originalSize;
        if (total > ctx.maxBytes * TOTAL_FACTOR) {
          bomb ||= `its members unpack to more than ${TOTAL_FACTOR}× the size limit`;
          return false;
        }
        wanted.set(f.name, name);
        return true;
      },
    });
  } catch (err) {
    throw new InputError(`not a readable zip archive (${(err as Error)?.message ?? err})`, { where: source, hint: 'export it again, or unpack it and ingest the folder' });
  }
  if (bomb) throw new InputError(`refused: ${bomb}`, { where: source, hint: 'unpack the parts you need and ingest the folder' });

  const parts: ReadPart[] = [];
  const names = Object.keys(files).sort((a, b) => (wanted.get(a)! < wanted.get(b)! ? -1 : 1));
  for (const raw of names) {
    const name = wanted.get(raw)!;
    const memberSource = `${source}/${name}`;
    try {
      const got = await ctx.readMember(files[raw]!, memberSource, ctx.depth + 1);
      // A member of a nested zip keeps its path below the outer archive.
      for (const p of got) parts.push({ ...p, member: p.member ? `${name}/${p.member}` : name });
    } catch (err) {
      if (!(err instanceof MilestonesError)) throw err;
      warnings.push({ line: 1, message: `${err.format()}; not read` });
    }
  }
  if (skipped.size) warnings.push({ line: 1, message: skippedLine(skipped) });
  if (!parts.length) {
    const why = warnings.map((w) => w.message).join('; ');
    throw new InputError(`no report files inside${why ? ` (${why})` : ''}`, { where: source, hint: 'zip the .md, .html, .org or .docx files themselves' });
  }
  parts[0]!.document.warnings.unshift(...warnings);
  return parts;
}
