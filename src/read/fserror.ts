// Turns Node's file-system errors into one-line InputErrors that name the file and say what to do.

import { InputError, MilestonesError } from '../model/errors.js';

const WHAT: Readonly<Record<string, [message: string, hint: string]>> = {
  ENOENT: ['no such file or directory', 'check the path'],
  EACCES: ['permission denied', 'check the permissions of the file and its folders'],
  EPERM: ['operation not permitted', 'check the permissions of the file and its folders'],
  EISDIR: ['is a directory, not a file', 'name the files inside it, or pass the folder to ingest'],
  ENOTDIR: ['a part of this path is a file, not a folder', 'check the path'],
  ELOOP: ['too many levels of symbolic links', 'remove the symbolic link loop'],
  ENAMETOOLONG: ['path too long', 'move or rename the file'],
  EMFILE: ['too many open files', 'close other programs or raise the limit (ulimit -n) and retry'],
  ENFILE: ['too many open files in the system', 'retry later'],
  EIO: ['input/output error', 'check the disk or network share and retry'],
  EBUSY: ['file is busy', 'close the program using it and retry'],
  ETIMEDOUT: ['timed out reading the file', 'check the network share and retry'],
};

/** The error code of a Node system error (`ENOENT`, …), or undefined. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps any error thrown while touching `where` to a MilestonesError; ours pass through unchanged. */
export function fileSystemError(err: unknown, where: string): MilestonesError {
  if (err instanceof MilestonesError) return err;
  const code = errorCode(err);
  const known = code === undefined ? undefined : WHAT[code];
  if (known) return new InputError(known[0], { where, hint: known[1], cause: err });
  const detail = err instanceof Error ? err.message : String(err);
  return new InputError(`cannot read (${code ?? detail})`, { where, hint: 'check the file and retry', cause: err });
}
