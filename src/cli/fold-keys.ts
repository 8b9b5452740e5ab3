// The keys of the saved fold states (cli/folds.ts): the fold's code, the aliases, a team's report ids. Small on purpose:
// an ingest that changed nothing asks `checkpointsCurrent` without loading the analysis.

import { createHash } from 'node:crypto';
import type { AliasMap } from '../model/name.js';
import { moduleCodeHash } from '../store/code-hash.js';
import type { StoreReader, StoredHeader } from '../store/types.js';

let codeHash: string | undefined;

/** A hash of the fold's code as built: a checkpoint written by other code is not used. */
function foldCode(): string {
  return (codeHash ??= moduleCodeHash(import.meta.url, ['../analyze/timeline', '../analyze/items', '../model/name', '../model/han']));
}

/** The key of a team's state after its report `at`: the code, the aliases, the team's reports up to it. */
export function stateKey(aliases: AliasMap, reports: readonly StoredHeader[], at: number): string {
  const text: string[] = [foldCode(), aliasText(aliases)];
  for (let i = 0; i <= at; i++) text.push(`${reports[i]!.id}\u0000${reports[i]!.week}`);
  return createHash('sha256').update(text.join('\u0001')).digest('hex');
}

const aliasTexts = new WeakMap<AliasMap, string>();

/** The alias map as text, in name order (asked once per team and state). */
function aliasText(aliases: AliasMap): string {
  let t = aliasTexts.get(aliases);
  if (t === undefined) {
    t = [...aliases].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => `${k}\u0000${v}`).join('\u0002');
    aliasTexts.set(aliases, t);
  }
  return t;
}

/** Where the key basis of the saved states (the fold's code and the aliases they were saved with) is kept. */
export const BASIS = { team: '\u0000basis', week: 'basis' };

export function basisOf(aliases: AliasMap): string {
  return stateKey(aliases, [], -1);
}

/** Were the saved states written with these aliases and this code? Then an ingest that changed no team has nothing to save. */
export function checkpointsCurrent(store: StoreReader, aliases: AliasMap): boolean {
  return store.checkpoint(BASIS.team, BASIS.week, basisOf(aliases)) === true;
}
