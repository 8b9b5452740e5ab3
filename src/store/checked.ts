// Which generations of the manifest have passed the full field-by-field check: markers in `<db>.idx/` so a query checks a generation once, not on every run.
/*
 * Opening the database checks every report header of the base (manifestProblem: ~40 ms of a cold
 * process at 5,000 reports, a tenth of a `weeks`) and, when journal records follow it, the replayed
 * whole again. The base and the journal records are content-addressed and sealed (their names are
 * the start of their sha256), so a generation that passed the check once will pass it again as long
 * as its texts are the same: after a full check the reader leaves a marker
 * `<db>.idx/checked-<key>` whose key is a hash of the check's code and the full seals of the
 * base and of each record; the next reader that finds the marker verifies the base's seal (a
 * sha256 of its text, ~3 ms) instead of checking every field.
 *
 * Nothing here can let a bad generation through: a text changed by hand fails its seal (named as
 * damaged); a bad text sealed again has another seal, so no marker, so the full check names the
 * field; a marker of another check's code has another key. Like the checkpoints beside them, the
 * markers are a cache outside the commit: a missing or unwritable one costs the full check, and
 * the folder may be deleted at any time.
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { moduleCodeHash } from './code-hash.js';

let codeHash: string | undefined;

/** A hash of the checks' code as built (schema.js, manifest.js): a marker written by other checks is not used. */
function checkCode(): string {
  return (codeHash ??= moduleCodeHash(import.meta.url, ['./schema', './manifest']));
}

/** The marker's file for a generation whose parts have these full seals (base first, then each journal record). */
function markerFile(idxDir: string, seals: readonly string[]): string {
  const key = createHash('sha256').update([checkCode(), ...seals].join('\n')).digest('hex');
  return path.join(idxDir, `checked-${key}`);
}

/** True when this generation (the same texts, by their full seals) passed the full check before. */
export function wasChecked(idxDir: string, seals: readonly string[]): boolean {
  return existsSync(markerFile(idxDir, seals));
}

/** Leaves the marker after a full check passed; false when the folder cannot be written (a read-only database: the check runs each time). */
export function markChecked(idxDir: string, seals: readonly string[]): boolean {
  try {
    mkdirSync(idxDir, { recursive: true });
    // The name is the proof: a file cut short by a crash says the same as a whole one.
    writeFileSync(markerFile(idxDir, seals), '');
    clearOldMarkers(idxDir);
    return true;
  } catch {
    return false;
  }
}

/** Markers kept: a few generations (the current one, the .bak's, another build's); older ones go when a new one is written. */
const KEEP = 8;

function clearOldMarkers(idxDir: string): void {
  const markers = readdirSync(idxDir).filter((n) => n.startsWith('checked-'));
  if (markers.length <= KEEP) return;
  const aged = markers.map((n) => ({ n, t: statSync(path.join(idxDir, n), { throwIfNoEntry: false })?.mtimeMs ?? 0 })).sort((a, b) => b.t - a.t);
  for (const { n } of aged.slice(KEEP)) rmSync(path.join(idxDir, n), { force: true });
}
