// Evidence files (one report's observations with their text), the command that rebuilds a lost one, and the clean-up of what crashed runs left.

import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors.js';
import type { Observation, Report } from '../model/types.js';
import { shellWord } from './errors.js';
import { isCode, isTempOf } from './files.js';
import { isFileSync, listDir } from './paths.js';
import { EVIDENCE_VERSION, evidenceProblem, type EvidenceFile } from './schema.js';
import { describeJsonError, isSealed, sealedJson } from './seal.js';
import type { StoredHeader } from './types.js';
import { schemas } from './validate.js';

export function evidenceOf(report: Report): EvidenceFile {
  return {
    version: EVIDENCE_VERSION,
    id: report.id,
    team: report.team,
    week: report.week,
    source: report.source,
    observations: report.observations.map((o) => ({ ...o, section: [...o.section] })),
  };
}

/** An evidence file: pretty JSON (one space), sealed like the manifest. */
export function serializeEvidence(ev: EvidenceFile): string {
  return sealedJson(ev).text;
}

/**
 * The command that rebuilds a report's evidence or figures: ingest its file again under the same
 * team and week (a missing evidence or segment file makes ingest read the file even when it is
 * unchanged). The file is the stamped absolute path (an entry `x.md#…` or archive member `x.zip/…`
 * is re-read through its file), so it works from any folder. Exported for tests.
 */
export function rebuildCommand(r: StoredHeader, shown: string): string {
  let file = r.file?.path ?? r.source;
  if (r.file) {
    const hash = file.indexOf('#');
    if (hash > 0) file = file.slice(0, hash);
    while (!isFileSync(file) && path.dirname(file) !== file) file = path.dirname(file);
    if (!isFileSync(file)) file = r.file.path;
  }
  const team = r.team ? ` --team ${shellWord(r.team)}` : '';
  // --week keeps a week forced at ingest; a file of several reports (entries, members) gives each its own.
  const week = !r.file || file === r.file.path ? ` --week ${r.week}` : '';
  return `milestones --db ${shellWord(shown)}${team} ingest${week} ${shellWord(file)}`;
}

/** A stored report's observations, read and checked; every failure names the file and the command that rebuilds it. */
export function readEvidence(file: string, r: StoredHeader, shown: string): Observation[] {
  // Missing: ingesting the report's file again rebuilds it. Damaged: remove it first (ingest skips an
  // unchanged file whose evidence file is present), then the same.
  const rebuild = () => rebuildCommand(r, shown);
  let hint = `remove it and rebuild it: rm ${shellWord(file)} && ${rebuild()}`;
  let text: string;
  try {
    // Synchronous on purpose: observations() is a synchronous part of the StoreReader contract.
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) {
      throw new InputError(`the evidence file of report ${r.source} (${r.week}) is missing from ${shown}`, { where: file, hint: `rebuild it: ${rebuild()}` });
    }
    if (isCode(err, 'ENOTDIR')) {
      throw new InputError(`${shown}.d is not a folder, so the evidence of report ${r.source} cannot be read`, {
        where: shown,
        hint: `${shown}.d is where the database keeps its segment and evidence files; move that file away, then rebuild: ${rebuild()}`,
      });
    }
    hint = `check its permissions, or rebuild it: rm ${shellWord(file)} && ${rebuild()}`;
    throw new InputError(`cannot read the evidence file of report ${r.source}: ${(err as Error).message}`, { where: file, hint });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not a valid evidence file (${describeJsonError(text, err as Error)})`, { where: file, hint });
  }
  let ev: EvidenceFile;
  if (isSealed(text)) {
    // Unchanged since it was written; the hand check still catches a seal over bad content.
    const problem = evidenceProblem(raw);
    if (problem) throw new InputError(`not a valid evidence file (${problem})`, { where: file, hint });
    ev = raw as EvidenceFile;
  } else {
    const { evidenceSchema, describeIssue } = schemas();
    const parsed = evidenceSchema.safeParse(raw);
    if (!parsed.success) throw new InputError(`not a valid evidence file (${describeIssue(parsed.error)})`, { where: file, hint });
    ev = parsed.data as EvidenceFile;
  }
  if (ev.id !== r.id || ev.team !== r.team || ev.week !== r.week) {
    throw new InputError(`the evidence file belongs to another report (${ev.source}, ${ev.week}), not ${r.source} (${r.week})`, { where: file, hint });
  }
  return ev.observations;
}

/**
 * Clears what crashed runs left behind, under the lock: temp files beside the manifest and in the
 * folder, and segment or evidence files that neither the manifest nor its .bak references.
 */
export async function removeOrphans(abs: string, evDir: string, live: ReadonlySet<string>): Promise<void> {
  const base = path.basename(abs);
  const dir = path.dirname(abs);
  const removals: Promise<void>[] = [];
  for (const name of await listDir(dir)) {
    if (isTempOf(name, base)) removals.push(fsp.rm(path.join(dir, name), { force: true }));
  }
  for (const name of await listDir(evDir)) {
    if (name.endsWith('.tmp') || (name.endsWith('.json') && !live.has(name))) removals.push(fsp.rm(path.join(evDir, name), { force: true }));
  }
  await Promise.all(removals);
}
