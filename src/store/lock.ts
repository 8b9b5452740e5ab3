// The inter-process lock around every transaction: proper-lockfile, a bounded wait, and a message naming the holder.

import { promises as fsp } from 'node:fs';
import type lockfileModule from 'proper-lockfile';
import { InputError } from '../model/errors.js';
import { isCode } from './files.js';

/**
 * The lock is the folder `<db>.lock` (proper-lockfile); its mtime is refreshed every UPDATE_MS
 * while held, and a lock not refreshed for STALE_MS is taken over, so a SIGKILLed process
 * blocks others for at most ~STALE_MS. proper-lockfile's minimum stale period is 2 s.
 */
export const STALE_MS = 5_000;
const UPDATE_MS = 1_000;

interface Owner {
  pid: number;
  since: string;
}

export interface HeldLock {
  /** True once another process has taken the lock over (we stalled past STALE_MS): do not commit. */
  readonly compromised: boolean;
  release(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock on `dbPath`, retrying with jitter until `timeoutMs` has passed.
 * `shownPath` is the path as the user gave it, for the message.
 */
export async function acquireLock(dbPath: string, shownPath: string, timeoutMs: number): Promise<HeldLock> {
  const deadline = Date.now() + timeoutMs;
  const state = { compromised: false };
  let delay = 8;
  for (;;) {
    try {
      const release = await (await loadLockfile()).lock(dbPath, {
        realpath: false,
        stale: STALE_MS,
        update: UPDATE_MS,
        retries: 0,
        onCompromised: () => {
          state.compromised = true;
        },
      });
      await writeOwner(dbPath);
      return {
        get compromised() {
          return state.compromised;
        },
        async release() {
          await fsp.rm(ownerPath(dbPath), { force: true });
          try {
            await release();
          } catch (err) {
            // Already taken over or removed: nothing of ours left to release.
            if (!isCode(err, 'ERELEASED', 'ENOTACQUIRED', 'ECOMPROMISED', 'ENOENT')) throw err;
          }
        },
      };
    } catch (err) {
      if (!isCode(err, 'ELOCKED')) {
        throw new InputError(`cannot lock the database: ${(err as Error).message}`, { where: shownPath, cause: err });
      }
    }
    if (Date.now() >= deadline) throw await lockedError(dbPath, shownPath);
    await sleep(delay / 2 + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
}

/** Who holds the lock, best effort: the owner note sits beside the lock folder, which must stay empty. */
const ownerPath = (dbPath: string) => `${dbPath}.lock.owner`;

async function writeOwner(dbPath: string): Promise<void> {
  const owner: Owner = { pid: process.pid, since: new Date().toISOString() };
  try {
    await fsp.writeFile(ownerPath(dbPath), JSON.stringify(owner));
  } catch {
    // Only used to word a message; never worth failing a transaction over.
  }
}

async function lockedError(dbPath: string, shownPath: string): Promise<InputError> {
  let who = '';
  try {
    const owner = JSON.parse(await fsp.readFile(ownerPath(dbPath), 'utf8')) as Owner;
    who = ` (pid ${owner.pid}?, since ${owner.since})`;
  } catch {
    try {
      const st = await fsp.stat(`${dbPath}.lock`);
      who = ` (since ${st.birthtime.getTime() > 0 ? st.birthtime.toISOString() : st.mtime.toISOString()})`;
    } catch {
      // The lock vanished while we were giving up; the plain message still holds.
    }
  }
  return new InputError(`the database is locked by another milestones process${who}`, {
    where: shownPath,
    hint: `wait for it to finish, or remove ${shownPath}.lock if no milestones process is running`,
  });
}

/** Loaded on the first write only: readers never lock, and graceful-fs costs ~25 ms of start-up. */
let lockfilePromise: Promise<typeof lockfileModule> | undefined;
function loadLockfile(): Promise<typeof lockfileModule> {
  lockfilePromise ??= import('proper-lockfile').then((m) => m.default);
  return lockfilePromise;
}
