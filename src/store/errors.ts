// File-system failures of the database said as the user's message (exit 1), never as a stack trace.

import { InputError } from '../model/errors.js';

const IO_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'an I/O error',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EFBIG: 'the file is too large for this file system',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
};

/** A file-system failure as the user's message; anything else is returned as is (to be rethrown). */
export function ioError(err: unknown, shown: string, what: string, tail = ''): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const why = IO_REASONS[code];
  if (!why) return err;
  const space = code === 'ENOSPC' || code === 'EDQUOT';
  return new InputError(`${what}: ${why} (${code})${tail}`, {
    where: shown,
    hint: space ? 'free some space and run it again' : 'check the --db path and its permissions, then run it again',
    cause: err,
  });
}

/** A database that cannot be used as it is: what is wrong, and the way back. */
export function invalid(shown: string, detail: string): InputError {
  return new InputError(`not a valid milestones database (${detail})`, {
    where: shown,
    hint: `restore ${shown}.bak or start a new one with --db`,
  });
}

/** Quotes a shell word when it needs it (`'…'`, a `'` inside as `'\''`). */
export function shellWord(s: string): string {
  return /^[^\s'"\\`$&|;<>(){}[\]*?!#~\x00-\x1f\x7f]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
