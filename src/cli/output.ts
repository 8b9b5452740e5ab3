// The one place that writes results and talk: the format from --format/--json/--out, stdout or an atomic --out file, notes on stderr.

import { randomBytes } from 'node:crypto';
import { promises as fsp, type Stats } from 'node:fs';
import path from 'node:path';
import { escapeControls } from '../model/display.js';
import { InputError, UsageError, type MilestonesError } from '../model/errors.js';
import type { ReportType } from '../render/doc.js';
import { FORMAT_EXTENSIONS, FORMAT_NAMES, FORMAT_SYNONYMS, type FormatName, type OutputFormat } from '../render/format-names.js';
import type { Lang } from '../render/lang.js';
import { translate } from '../render/messages.js';
import { current } from './io.js';
import type { GlobalOptions } from './options.js';

/** The options every read command declares through `outputOptions` (main.ts). */
export interface OutputFlags {
  format?: string;
  json?: boolean;
  out?: string;
}

/** Where a command's result goes and in which format; decided (and checked) before any work is done. */
export interface OutputTarget {
  format: OutputFormat;
  /** The file as the user named it; undefined for stdout (no --out, or `--out -`). */
  file?: string;
  /** Renders `data` and writes it; for a file, says on stderr what was written. */
  write<T>(type: ReportType<T>, data: T): Promise<void>;
}

/**
 * Picks the output format: `--json`, then `--format`, then `--out`'s extension, then the
 * command's default. An unknown format, a format the command does not write, or an extension
 * that names no format the command writes (without --format) is a usage error listing the
 * choices: never one format under another's name (`--out plan.xlsx` is a workbook or an error).
 */
export function pickFormat(o: OutputFlags, fallback: OutputFormat, formats: readonly OutputFormat[] = FORMAT_NAMES): OutputFormat {
  const exts = Object.keys(FORMAT_EXTENSIONS).filter((e) => formats.includes(FORMAT_EXTENSIONS[e]!));
  const offer = () => `known formats: ${formats.join(', ')}`;
  const written = (f: OutputFormat | undefined, what: string) => {
    if (!f) throw new UsageError(`unknown format ${JSON.stringify(what)}`, { hint: offer() });
    if (!formats.includes(f)) throw new UsageError(`this command does not write ${f}`, { hint: offer() });
    return f;
  };
  if (o.json) {
    if (o.format !== undefined && normalFormat(o.format) !== 'json') {
      throw new UsageError(`--json and --format ${o.format} disagree`, { hint: 'give one of them' });
    }
    return written('json', 'json');
  }
  if (o.format !== undefined) return written(normalFormat(o.format), o.format);
  if (o.out !== undefined && o.out !== '-') {
    const ext = path.extname(o.out).toLowerCase();
    if (ext === '') return fallback;
    const f = FORMAT_EXTENSIONS[ext];
    if (!f || !formats.includes(f)) {
      throw new UsageError(`--out ${o.out}: no format ${f ? 'this command writes ' : ''}for the extension ${ext}`, {
        hint: `name the file ${exts.map((e) => `*${e}`).join(', ')}, or give --format (${formats.join(', ')})`,
      });
    }
    return f;
  }
  return fallback;
}

function normalFormat(name: string): OutputFormat | undefined {
  const n = name.trim().toLowerCase();
  return n === 'xlsx' || (FORMAT_NAMES as readonly string[]).includes(n) ? (n as OutputFormat) : FORMAT_SYNONYMS[n];
}

/** Decides the format and checks `--out` (never the database, never a folder) before the command does its work. */
export async function outputTarget(
  o: OutputFlags,
  g: GlobalOptions,
  fallback: OutputFormat = 'text',
  formats: readonly OutputFormat[] = FORMAT_NAMES,
): Promise<OutputTarget> {
  const file = o.out === undefined || o.out === '-' ? undefined : o.out;
  if (file === '') throw new UsageError('--out needs a file name', { hint: 'give --out FILE, or --out - for stdout' });
  // The database first: `--out db.json.bak` is refused as the database, not as an unknown extension.
  const real = file === undefined ? undefined : await checkOutPath(file, g);
  const format = pickFormat(o, fallback, formats);
  const stdout = current().io.stdout;
  if (format === 'xlsx' && file === undefined && stdout.isTTY) {
    throw new UsageError('a workbook is binary and this is a terminal', { hint: 'give --out FILE.xlsx, or redirect to a file' });
  }
  return {
    format,
    file,
    async write(type, data) {
      const { render, renderWorkbook } = await import('../render/formats.js');
      const terminal = file === undefined && Boolean(stdout.isTTY);
      const s = (n: number) => (n === 1 ? '' : 's');
      let content: string | Uint8Array;
      // What was written, said once it is (each sentence whole, so the catalogue can translate it).
      let wrote: string;
      if (format === 'xlsx') {
        const book = await renderWorkbook(type, data, { lang: g.lang });
        content = book.bytes;
        wrote = `wrote ${file} (${book.sheets} sheet${s(book.sheets)}, ${book.rows} row${s(book.rows)})`;
      } else {
        // On a terminal, text tables fit its width; piped or to a file, they are whole.
        const columns = terminal && format === 'text' ? stdout.columns : undefined;
        const r = render(type, data, format, { color: g.color && file === undefined, terminal, columns, lang: g.lang });
        content = r.text;
        if (r.columns !== undefined && format !== 'json') wrote = `wrote ${file} (${r.rows ?? 0} row${s(r.rows ?? 0)}, ${r.columns} column${s(r.columns)})`;
        else if (r.rows !== undefined) wrote = `wrote ${file} (${r.rows} item${s(r.rows)})`;
        else wrote = `wrote ${file}`;
      }
      if (file === undefined || real === undefined) {
        await writeStdout(content);
        return;
      }
      await writeFileAtomic(real, content, file);
      note(wrote);
    },
  };
}

// ------------------------------------------------------------------ --out safety

/**
 * Where `--out FILE` really writes (through symlinks, like a shell redirection), after making
 * sure that place is not the database, its backup, lock, evidence folder or temp files — by
 * real path, so `ln -s . same; --out same/db.json` is caught — nor the same file under
 * another name (device and inode), nor a folder.
 */
async function checkOutPath(out: string, g: GlobalOptions): Promise<string> {
  const real = await realTarget(path.resolve(g.cwd, out));
  const info = await fsp.stat(real).catch(() => null);
  if (info?.isDirectory()) {
    throw new UsageError(`--out ${out} is a folder`, { hint: 'give a file name, e.g. --out report.csv' });
  }
  const db = await realTarget(path.resolve(g.db));
  const dbDir = path.dirname(db);
  const dbBase = path.basename(db);
  const refuse = () => new UsageError(`refusing to overwrite the database with --out ${out}`, { hint: 'choose another file name' });
  // The main file, and everything the store keeps beside it: .bak, .lock, .d/…, and temp files.
  if (real === db || real.startsWith(`${db}.`)) throw refuse();
  if (path.dirname(real) === dbDir && path.basename(real).startsWith(`.${dbBase}.`)) throw refuse();
  if (info && (await sameFileAsOneOf(info, [db, `${db}.bak`]))) throw refuse();
  return real;
}

async function sameFileAsOneOf(info: Stats, files: readonly string[]): Promise<boolean> {
  for (const f of files) {
    const other = await fsp.stat(f).catch(() => null);
    if (other && other.dev === info.dev && other.ino === info.ino) return true;
  }
  return false;
}

/**
 * The real path a write to `p` lands on: symlinks resolved in every folder and at the end
 * (a dangling link leads to where it points); for a path that does not exist yet, its
 * nearest existing folder resolved and the rest appended.
 */
async function realTarget(p: string, depth = 0): Promise<string> {
  try {
    return await fsp.realpath(p);
  } catch {
    // fall through: p (or a folder above it) does not exist
  }
  const link = await fsp.lstat(p).catch(() => null);
  if (link?.isSymbolicLink() && depth < 40) {
    return realTarget(path.resolve(path.dirname(p), await fsp.readlink(p)), depth + 1);
  }
  const parent = path.dirname(p);
  if (parent === p) return p;
  return path.join(await realTarget(parent, depth + 1), path.basename(p));
}

/**
 * Writes `text` to `target` so that the file is either the old one or the whole new one: a
 * unique temp file beside it, fsync, rename. On failure (a full disk) the temp file is removed
 * and the message says what happened. A target that exists and is not a regular file (a
 * device, a FIFO) is written directly, as a shell redirection would.
 */
export async function writeFileAtomic(target: string, text: string | Uint8Array, shown: string): Promise<void> {
  const existing = await fsp.stat(target).catch(() => null);
  try {
    if (existing && !existing.isFile()) {
      await fsp.writeFile(target, text);
      return;
    }
    await fsp.mkdir(path.dirname(target), { recursive: true });
  } catch (err) {
    throw writeError(err, shown);
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const h = await fsp.open(tmp, 'wx');
    try {
      await h.writeFile(text);
      await h.sync();
    } finally {
      await h.close();
    }
    if (existing) await fsp.chmod(tmp, existing.mode & 0o7777).catch(() => {});
    await fsp.rename(tmp, target);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    throw writeError(err, shown);
  }
}

const ERRNO_WORDS: Readonly<Record<string, [string, string]>> = {
  ENOSPC: ['no space left on the device', 'free some space, or write elsewhere; nothing was written'],
  EDQUOT: ['disk quota exceeded', 'free some space, or write elsewhere; nothing was written'],
  EACCES: ['permission denied', 'check the permissions of the folder, or write elsewhere'],
  EPERM: ['operation not permitted', 'check the permissions of the folder, or write elsewhere'],
  EROFS: ['the file system is read-only', 'write elsewhere'],
  EFBIG: ['the file is larger than the system allows', 'raise the file size limit (ulimit -f), or write less (--from/--to); nothing was written'],
  ENOTDIR: ['a part of the path is a file, not a folder', 'check the path'],
  EISDIR: ['it is a folder', 'give a file name'],
  ENAMETOOLONG: ['the name is too long', 'choose a shorter name'],
};

function writeError(err: unknown, shown: string): InputError {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  const [what, hint] = ERRNO_WORDS[code] ?? [`cannot write (${(err as Error)?.message ?? String(err)})`, 'check the folder exists and is writable'];
  return new InputError(`cannot write: ${what}`, { where: shown, hint, cause: err });
}

// ------------------------------------------------------------------ stdout and stderr

export function writeStdout(text: string | Uint8Array): Promise<void> {
  const stdout = current().io.stdout;
  return new Promise((resolve, reject) => {
    if (text.length === 0) return resolve();
    stdout.write(text, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(err);
      else resolve();
    });
  });
}

/** The language of notes, warnings and errors (`--lang`, the configuration, the locale); set once at start-up. */
export function setLang(l: Lang): void {
  current().lang = l;
}

export function currentLang(): Lang {
  return current().lang;
}

/** A message of the code (English, its id) in the reader's language. */
export function say(message: string): string {
  return translate(message, currentLang());
}

/** `--quiet`: notes (talk) are not printed; warnings and errors still are. */
export function setQuiet(q: boolean): void {
  current().quiet = q;
}

export function isQuiet(): boolean {
  return current().quiet;
}

/** While a progress bar is drawn on stderr, messages are printed above it by the bar, not through it. */
export function setStderrSink(sink: ((line: string) => void) | undefined): void {
  current().stderrSink = sink;
}

/** A line for stderr: through the progress bar while one is drawn, else straight to this run's stderr. */
function toStderr(line: string): void {
  const run = current();
  if (run.stderrSink) run.stderrSink(line);
  else run.io.stderr.write(line);
}

/** Talk for the user (what was resolved, swapped, written): stderr, so stdout stays the result; silenced by --quiet. */
export function note(message: string): void {
  if (!isQuiet()) toStderr(`milestones: ${escapeControls(say(message))}\n`);
}

/** A warning or an error about one input (the run goes on): stderr, never silenced. */
export function warn(message: string): void {
  toStderr(`milestones: ${escapeControls(say(message))}\n`);
}

/** `FILE:LINE: what is wrong — what to do`, each part in the reader's language. */
export function describeError(err: MilestonesError): string {
  const head = err.where ? `${err.where}: ${say(err.message)}` : say(err.message);
  return err.hint ? `${head} — ${say(err.hint)}` : head;
}

/** `milestones: error: FILE:LINE: what — hint` for one input of a batch (the run goes on). */
export function warnError(err: MilestonesError): void {
  toStderr(`milestones: ${say('error')}: ${escapeControls(describeError(err))}\n`);
}

/** `milestones: warning: FILE:LINE: what` about one line of an input. */
export function warnAt(where: string, message: string): void {
  toStderr(`milestones: ${say('warning')}: ${escapeControls(`${where}: ${say(message)}`)}\n`);
}
