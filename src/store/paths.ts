// Where the database's files are: the real path behind --db (links resolved, non-files refused) and the folder beside it.

import { promises as fsp, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors.js';
import { ioError } from './errors.js';
import { isCode } from './files.js';

/** The folder of segment and evidence files beside the manifest. */
export function evidenceDir(dbPath: string): string {
  return `${dbPath}.d`;
}

/**
 * The real path of the database file: symbolic links (of the file and of its folders) resolved, so
 * that writes go through a link to its target; a dangling link or anything but a regular file
 * (a FIFO would block the read, /dev/zero never ends) is refused before it is opened.
 */
export async function resolveDbPath(dbPath: string, shown: string): Promise<string> {
  const abs = path.resolve(dbPath);
  let real: string;
  try {
    real = await fsp.realpath(abs);
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw ioError(err, shown, 'cannot read the database');
    const link = await fsp.lstat(abs).catch(() => null);
    if (link?.isSymbolicLink()) {
      const target = await fsp.readlink(abs).catch(() => '?');
      throw new InputError(`--db is a symbolic link to ${target}, which does not exist`, {
        where: shown,
        hint: 'point the link at an existing database, or give --db the path where the database should be',
      });
    }
    // Not there yet: its folder may exist (and be reached through links) or be created on the first save.
    const parent = await fsp.realpath(path.dirname(abs)).catch(() => path.dirname(abs));
    return path.join(parent, path.basename(abs));
  }
  const st = await fsp.stat(real);
  if (!st.isFile() && !st.isDirectory()) {
    throw new InputError(`not a regular file (${fileKind(st)})`, { where: shown, hint: '--db must name a JSON database file' });
  }
  return real;
}

function fileKind(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/** The folder beside the manifest must be a folder (or absent): a file there is the user's to move. */
export async function assertEvidenceDir(evDir: string, shown: string): Promise<void> {
  const st = await fsp.stat(evDir).catch(() => null);
  if (st && !st.isDirectory()) throw evidenceDirNotAFolder(shown);
}

export function evidenceDirNotAFolder(shown: string): InputError {
  return new InputError(`${shown}.d exists but is not a folder`, {
    where: shown,
    hint: `${shown}.d is where the database keeps its segment and evidence files; move that file away and run it again`,
  });
}

export function isFileSync(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fsp.access(p);
    return true;
  } catch {
    return false;
  }
}

export async function listDir(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (err) {
    if (isCode(err, 'ENOENT', 'ENOTDIR')) return [];
    throw err;
  }
}
