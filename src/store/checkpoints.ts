// Fold-state checkpoints: derived files beside the database (`<db>.idx/`) that let a query resume a team's timeline fold; sealed, keyed by the caller, never trusted unchecked.
/*
 * A checkpoint is the analysis's state of one team's timeline as of one of its reports (see
 * analyze/timeline.ts FoldState), as the caller wrote it, with the key the caller computed from
 * everything the state depends on (the code of the fold, the alias map, the team's report ids up
 * to that week). The store keeps them as a cache: `<db>.idx/<16 hex of sha256(team)>-<week>.json`,
 * sealed like every file of the database. A missing, damaged, foreign or stale checkpoint reads as
 * null (the caller folds from the team's first report instead): nothing here can make a query
 * wrong, only slower. They are outside the manifest's commit on purpose: the manifest never names
 * them, a crash at any point leaves at worst a file whose key no longer matches, and deleting the
 * folder is always safe. Written with a temp file and a rename (no fsync: losing one costs a fold).
 */

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { validSeal, withSeal } from './seal.js';

/** The folder of a database's checkpoints (beside the manifest, like `<db>.d`). */
export function checkpointDir(dbAbs: string): string {
  return `${dbAbs}.idx`;
}

export function checkpointName(team: string, week: string): string {
  return `${createHash('sha256').update(team).digest('hex').slice(0, 16)}-${week}.json`;
}

const KEY_LINE = '\n "key": "';

/**
 * The checkpoint's value when its key is `key` and it is whole (seal), else null. The key is
 * compared first, in the file's opening lines: a stale checkpoint costs a read, not a seal and a parse.
 */
export function readCheckpoint(dir: string, team: string, week: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(path.join(dir, checkpointName(team, week)), 'utf8');
  } catch {
    return null;
  }
  const at = text.indexOf(KEY_LINE);
  if (at < 0 || !text.startsWith(`${key}"`, at + KEY_LINE.length)) return null;
  if (validSeal(text) === null) return null;
  try {
    const raw = JSON.parse(text) as { key?: unknown; team?: unknown; week?: unknown; value?: unknown };
    if (raw.key !== key || raw.team !== team || raw.week !== week) return null;
    return raw.value ?? null;
  } catch {
    return null;
  }
}

/** A temp file this old was left by a writer that died before its rename (a live writer renames within a second). */
export const STALE_TEMP_MS = 10 * 60_000;

/** Removes the temp files of writers killed between write and rename (they would pile up: every name is new). */
export function clearStaleTemps(dir: string, now: number): void {
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.tmp')) continue;
    const file = path.join(dir, name);
    const st = statSync(file, { throwIfNoEntry: false });
    if (st && now - st.mtimeMs > STALE_TEMP_MS) rmSync(file, { force: true });
  }
}

/** Writes checkpoints and removes others; false when the folder cannot be written (a read-only database: queries fold in full). */
export function writeCheckpoints(dir: string, put: readonly { team: string; week: string; key: string; value: unknown }[], drop: readonly { team: string; week: string }[]): boolean {
  try {
    if (put.length) mkdirSync(dir, { recursive: true });
    for (const c of put) {
      const body = `{\n "team": ${JSON.stringify(c.team)},\n "week": ${JSON.stringify(c.week)},\n "key": ${JSON.stringify(c.key)},\n "value": ${JSON.stringify(c.value)}`;
      const file = path.join(dir, checkpointName(c.team, c.week));
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, withSeal(body).text);
      renameSync(tmp, file);
    }
    for (const c of drop) rmSync(path.join(dir, checkpointName(c.team, c.week)), { force: true });
    if (put.length) clearStaleTemps(dir, Date.now());
    return true;
  } catch {
    return false;
  }
}
