// Durable file primitives: unique temp files, fsync, atomic rename, the .bak generation, and the lowdb adapter built on them.

import { randomBytes } from 'node:crypto';
import { promises as fsp, renameSync } from 'node:fs';
import * as path from 'node:path';
import type { Adapter } from 'lowdb';

/**
 * `.<name>.<12 hex>.tmp` in the same folder as `target`, so the rename is atomic (same file system).
 * The random part has a fixed length, so a temp name belongs to exactly one file: `.db.json-2.….tmp`
 * is never taken for a temp file of `db.json` (see isTempOf).
 */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** True for the temp files (tempPathFor) of the database file `base`, of its `.bak` and of its lock, and of nothing else. */
export function isTempOf(name: string, base: string): boolean {
  if (!name.startsWith(`.${base}.`) || !name.endsWith('.tmp')) return false;
  return /^(?:bak\.|lock\.)?[0-9a-f]{12}\.tmp$/.test(name.slice(base.length + 2));
}

/** fsync a folder so that a rename or creation inside it survives a power loss. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows) cannot open or fsync a folder; the rename itself is still atomic there.
    if (!isCode(err, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES')) throw err;
  } finally {
    await handle?.close();
  }
}

/** Writes `data` to `file` directly (no rename) and fsyncs it; for files nobody references yet. */
export async function writeSynced(file: string, data: string): Promise<void> {
  const handle = await fsp.open(file, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `target` atomically: unique temp file, fsync, rename over the target, fsync the folder.
 * When `backup` is given and `target` exists, the old target first becomes `backup` (atomically too).
 * `beforeCommit` runs just before the final rename and may throw to abandon the save.
 */
export async function atomicReplace(
  target: string,
  data: string,
  options: { backup?: string; beforeCommit?: () => void } = {},
): Promise<void> {
  const dir = path.dirname(target);
  const tmp = tempPathFor(target);
  try {
    await writeSynced(tmp, data);
    // The fencing check runs before the .bak is replaced and again right before the rename, with no
    // await in between: nothing else of ours can run between the last check and the commit point.
    options.beforeCommit?.();
    if (options.backup) await backupOf(target, options.backup);
    options.beforeCommit?.();
    renameSync(tmp, target);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** The current `target` becomes `backup` without a moment where `backup` is missing or partial. */
async function backupOf(target: string, backup: string): Promise<void> {
  const tmp = tempPathFor(backup);
  try {
    try {
      await fsp.link(target, tmp);
    } catch (err) {
      if (isCode(err, 'ENOENT')) return; // nothing to back up yet
      // File systems without hard links: copy, then make the copy durable.
      await fsp.copyFile(target, tmp);
      const h = await fsp.open(tmp, 'r+');
      try {
        await h.sync();
      } finally {
        await h.close();
      }
    }
    await fsp.rename(tmp, backup);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

export function isCode(err: unknown, ...codes: string[]): boolean {
  return typeof err === 'object' && err !== null && codes.includes((err as { code?: string }).code ?? '');
}

/**
 * lowdb adapter for the main file: reads the raw text (validation is the caller's: a bad file must
 * be reported, never replaced by defaults) and writes through atomicReplace. Unlike lowdb's JSONFile
 * (steno), the temp file is unique per process and the rename is fsynced.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  /** Set before each write: where the previous generation goes and the last-moment check. */
  backup?: string;
  beforeCommit?: () => void;

  constructor(
    readonly file: string,
    private readonly parse: (text: string) => T,
    private readonly serialize: (data: T) => string = (data) => `${JSON.stringify(data)}\n`,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fsp.readFile(this.file, 'utf8');
    } catch (err) {
      if (isCode(err, 'ENOENT')) return null;
      throw err;
    }
    return this.parse(text);
  }

  async write(data: T): Promise<void> {
    await atomicReplace(this.file, this.serialize(data), { backup: this.backup, beforeCommit: this.beforeCommit });
  }
}
