// The one place that writes results: stdout or --out FILE, with the format inferred from FILE's extension.

import { mkdir, stat, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { InputError, UsageError } from '../model/errors.js';
import type { GlobalOptions } from './options.js';

const EXTENSION_FORMATS: Record<string, string> = {
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

/**
 * Picks the output format: `--json`, then `--format`, then `--out`'s extension, then the fallback.
 * Unknown names are usage errors listing the known ones.
 */
export function pickFormat(
  opts: { format?: unknown; json?: unknown; out?: unknown },
  known: readonly string[],
  fallback: string,
): string {
  let format = opts.json ? 'json' : (opts.format as string | undefined);
  if (!format && typeof opts.out === 'string') format = EXTENSION_FORMATS[path.extname(opts.out).toLowerCase()];
  format ??= fallback;
  format = format.toLowerCase();
  if (format === 'markdown') format = 'md';
  if (format === 'txt' || format === 'table') format = 'text';
  if (!known.includes(format)) {
    throw new UsageError(`unknown format ${JSON.stringify(format)}`, { hint: `known formats: ${known.join(', ')}` });
  }
  return format;
}

/** Writes to `--out` (atomically, never over the database or a folder) or to stdout. */
export async function emit(text: string, out: string | undefined, g: GlobalOptions): Promise<void> {
  if (out === undefined) {
    await writeStdout(text);
    return;
  }
  const target = path.resolve(g.cwd, out);
  const db = path.resolve(g.db);
  if (target === db || target.startsWith(db + '.')) {
    throw new UsageError(`refusing to overwrite the database with --out ${out}`, { hint: 'choose another file name' });
  }
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    throw new UsageError(`--out ${out} is a folder`, { hint: 'give a file name, e.g. --out report.csv' });
  }
  try {
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.tmp`;
    await writeFile(tmp, text);
    await rename(tmp, target);
  } catch (err) {
    throw new InputError(`cannot write: ${(err as Error).message}`, { where: out, hint: 'check the folder exists and is writable' });
  }
}

export function writeStdout(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (text === '') return resolve();
    process.stdout.write(text, (err) => {
      if (err && (err as NodeJS.ErrnoException).code !== 'EPIPE') reject(err);
      else resolve();
    });
  });
}

/** Notes and progress for the user go to stderr, so stdout stays clean for pipes. */
export function note(message: string): void {
  process.stderr.write(`milestones: ${message}\n`);
}
