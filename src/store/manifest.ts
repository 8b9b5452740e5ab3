// The manifest (the commit point): a small pointer file naming a base and the journal records appended since,
// their parsing with the seals and the forward migrations, and their serialisation.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { WrittenSegment } from './segments.js';
import { invalid } from './errors.js';
import { markChecked, wasChecked } from './checked.js';
import { isCode } from './files.js';
import { evidenceDirNotAFolder } from './paths.js';
import { migrationFor, MigrationShapeError } from './migrate.js';
import {
  aliasesProblem,
  CURRENT_VERSION,
  emptyManifest,
  headerProblem,
  manifestFileHash,
  manifestFileName,
  manifestProblem,
  type EvidenceFile,
  type Manifest,
  type ReportRecord,
  type SegmentEntry,
} from './schema.js';
import type { AliasEntry } from './types.js';
import { describeJsonError, validSeal, withSeal } from './seal.js';

/** Where a generation's content lives: a base file and the journal records appended to it (all in `<db>.d`). */
export interface Layout {
  /** `m-<hash>.json`, or null before the first save in this layout (an empty, older or migrated database). */
  base: string | null;
  /** `j-<hash>.json` records, oldest first. */
  journal: string[];
  baseBytes: number;
  journalBytes: number;
}

/** One loaded generation of the database, plus what a migration still has to write. */
export interface State {
  manifest: Manifest;
  layout: Layout;
  /** Segments that exist only in memory (from a migrated older layout) until the next write. */
  segments: Map<string, WrittenSegment>;
  /** Evidence likewise. */
  evidence: Map<string, EvidenceFile>;
  /** The manifest needs saving even if the transaction changes nothing (it was migrated). */
  migratedFrom?: number;
  notes: string[];
}

export function emptyLayout(): Layout {
  return { base: null, journal: [], baseBytes: 0, journalBytes: 0 };
}

export function emptyState(): State {
  return { manifest: emptyManifest(), layout: emptyLayout(), segments: new Map(), evidence: new Map(), notes: [] };
}

/**
 * What one commit changed, as its journal record stores it: reports put (new ones, and stored ones whose
 * header or segment changed; replayed by (id, team, week)), reports dropped, segments added and dropped,
 * and the alias list when it changed.
 */
export interface Delta {
  put: ReportRecord[];
  drop: [id: string, team: string, week: string][];
  segmentsAdded: SegmentEntry[];
  segmentsDropped: string[];
  aliases?: AliasEntry[];
}

/** The identity under which a journal record puts and drops a report. */
export const reportKey = (r: { id: string; team: string; week: string }): string => `${r.id}\u0000${r.team}\u0000${r.week}`;

/** Parses and validates the manifest's text (reading its base and journal from `evDir`); anything unexpected is an InputError and the files are left alone. */
export function parseManifest(text: string, shown: string, evDir: string): State {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalid(shown, describeJsonError(text, err as Error));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(shown, 'expected a JSON object with a "version" field');
  const version = (raw as { version?: unknown }).version;
  if (version === undefined) throw invalid(shown, 'no "version" field');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw invalid(shown, `at version: expected a positive integer`);
  if (version > CURRENT_VERSION) {
    throw invalid(shown, `version ${version} is newer than this build of milestones understands (${CURRENT_VERSION}); upgrade milestones`);
  }
  if (version === 3) {
    // Version 3 kept the whole manifest in this file (rewritten by every save); it is read as it is and
    // saved in the current layout by the next command that writes (its files are the same).
    const problem = manifestProblem(withPaths(raw), 3);
    if (problem) throw invalid(shown, problem);
    const { seal: _seal, ...manifest } = raw as Manifest & { seal?: string };
    return { manifest: { ...manifest, version: CURRENT_VERSION }, layout: emptyLayout(), segments: new Map(), evidence: new Map(), migratedFrom: 3, notes: [] };
  }
  if (version < CURRENT_VERSION) {
    const migrate = migrationFor(version);
    if (!migrate) throw invalid(shown, `version ${version} is no longer supported`);
    try {
      // A sealed version 2 file skips the zod pass (a hand check still runs).
      const m = migrate(raw, validSeal(text) !== null);
      return { manifest: m.manifest, layout: emptyLayout(), segments: m.segments, evidence: m.evidence, migratedFrom: version, notes: m.notes };
    } catch (err) {
      if (err instanceof MigrationShapeError) throw invalid(shown, err.message);
      throw err;
    }
  }
  return loadGeneration(raw as Record<string, unknown>, shown, evDir);
}

/** A stamp whose path is the report's source is written without it (half a line at 100,000 reports): put it back. */
function withPaths(raw: unknown, field = 'reports'): unknown {
  const reports = (raw as Record<string, unknown>)[field];
  if (Array.isArray(reports)) {
    for (const r of reports as { source?: unknown; file?: { path?: unknown } }[]) {
      if (r && typeof r === 'object' && r.file && typeof r.file === 'object' && r.file.path === undefined) r.file = { path: r.source, ...r.file };
    }
  }
  return raw;
}

const isStr = (v: unknown): v is string => typeof v === 'string';

/** The pointer's base and journal, read, checked and replayed into one generation. */
function loadGeneration(raw: Record<string, unknown>, shown: string, evDir: string): State {
  const { base, journal, retired } = raw;
  if (!isStr(base) || manifestFileHash('m', base) === undefined) return bad(shown, 'at base: expected the name of a base file (m-<hash>.json)');
  if (!Array.isArray(journal) || !journal.every((j) => isStr(j) && manifestFileHash('j', j) !== undefined)) {
    return bad(shown, 'at journal: expected the names of journal records (j-<hash>.json)');
  }
  if (!Array.isArray(retired) || !retired.every(isStr)) return bad(shown, 'at retired: expected an array of file names');

  const baseText = readPart(evDir, base, shown);
  const journalTexts = (journal as string[]).map((name) => readPart(evDir, name, shown));
  // A generation that passed the full check before (a marker keyed by the full seals of its texts,
  // store/checked.ts) has only its base's seal verified: the same texts pass the same check.
  const idxDir = `${evDir.replace(/\.d$/, '')}.idx`;
  const seals = [baseText, ...journalTexts].map(statedSeal);
  const checked = seals.every((x) => x !== undefined) && wasChecked(idxDir, seals as string[]);
  const b = parsePart(baseText, base, shown, checked);
  withPaths(b);
  if (!checked) {
    const baseProblem = manifestProblem({ ...b, retired: [] });
    if (baseProblem) throw invalid(shown, `its base ${base}: ${baseProblem}`);
  }
  let reports = (b.reports as ReportRecord[]);
  let segments = b.segments as SegmentEntry[];
  let aliases = b.aliases as AliasEntry[];
  let journalBytes = 0;
  if (journal.length > 0) {
    const dropped = new Set<string>();
    const put = new Map<string, ReportRecord>();
    let after = base;
    for (const [k, name] of (journal as string[]).entries()) {
      const text = journalTexts[k]!;
      journalBytes += Buffer.byteLength(text);
      const j = parsePart(text, name, shown, true);
      withPaths(j, 'put');
      const problem = journalProblem(j, after);
      if (problem) throw invalid(shown, `its journal record ${name}: ${problem}`);
      after = name;
      for (const [id, team, week] of j.drop as [string, string, string][]) {
        const k = reportKey({ id, team, week });
        put.delete(k);
        dropped.add(k);
      }
      for (const r of j.put as ReportRecord[]) put.set(reportKey(r), r);
      const gone = new Set(j.segmentsDropped as string[]);
      segments = [...segments.filter((e) => !gone.has(e[0])), ...(j.segmentsAdded as SegmentEntry[])];
      if (j.aliases !== undefined) aliases = j.aliases as AliasEntry[];
    }
    reports = reports.filter((r) => {
      const k = reportKey(r);
      return !dropped.has(k) && !put.has(k);
    });
    for (const r of put.values()) reports.push(r);
    sortReports(reports);
    // Stable: a week's segments stay oldest first (a commit merges the newest ones).
    segments.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  }
  const manifest = { version: CURRENT_VERSION, aliases, segments, reports, retired: retired as string[] } as Manifest;
  if (journal.length > 0 && !checked) {
    const problem = manifestProblem(manifest);
    if (problem) throw invalid(shown, `its journal: ${problem}`);
  }
  if (!checked && seals.every((x) => x !== undefined)) markChecked(idxDir, seals as string[]);
  return {
    manifest,
    layout: { base, journal: journal as string[], baseBytes: Buffer.byteLength(baseText), journalBytes },
    segments: new Map(),
    evidence: new Map(),
    notes: [],
  };
}

function bad(shown: string, detail: string): never {
  throw invalid(shown, detail);
}

function readPart(evDir: string, name: string, shown: string): string {
  try {
    return readFileSync(path.join(evDir, name), 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) throw invalid(shown, `its ${name.startsWith('m-') ? 'base' : 'journal record'} ${name} is missing from ${shown}.d`);
    if (isCode(err, 'ENOTDIR')) throw evidenceDirNotAFolder(shown);
    throw invalid(shown, `cannot read ${name} in ${shown}.d: ${(err as Error).message}`);
  }
}

/** The seal a base's or journal record's text ends with (not verified). */
function statedSeal(text: string): string | undefined {
  return /"seal": "([0-9a-f]{64})"\n\}\n$/.exec(text)?.[1];
}

/**
 * A base or journal record, parsed. Its name must be its own (the seal's prefix), so a file of another
 * database or generation is refused. A journal record (small) has its seal verified too; the base gets
 * the full hand check of every field instead (hashing it costs as much as the check).
 */
function parsePart(text: string, name: string, shown: string, verify: boolean): Record<string, unknown> {
  const kind = name.startsWith('m-') ? 'base' : 'journal record';
  const hash = manifestFileHash(name.startsWith('m-') ? 'm' : 'j', name)!;
  const stated = statedSeal(text);
  if (stated === undefined || !stated.startsWith(hash) || (verify && validSeal(text) !== stated)) {
    throw invalid(shown, `its ${kind} ${name} is damaged or not this database's (its seal does not match)`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalid(shown, `its ${kind} ${name}: ${describeJsonError(text, err as Error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(shown, `its ${kind} ${name}: expected a JSON object`);
  const { seal: _seal, ...rest } = raw as Record<string, unknown>;
  return rest;
}

/** The first problem of a journal record's shape (the replayed whole gets the manifest's full check). */
function journalProblem(j: Record<string, unknown>, after: string): string | null {
  if (j.version !== CURRENT_VERSION) return `at version: expected ${CURRENT_VERSION}`;
  if (j.after !== after) return `at after: it follows ${JSON.stringify(j.after)}, not ${after} (records out of order)`;
  if (!Array.isArray(j.drop) || !j.drop.every((d) => Array.isArray(d) && d.length === 3 && d.every(isStr))) return 'at drop: expected [id, team, week] triples';
  if (!Array.isArray(j.put)) return 'at put: expected an array of reports';
  for (let i = 0; i < j.put.length; i++) {
    const p = headerProblem(j.put[i], `put[${i}]`);
    if (p) return p;
    if (!isStr((j.put[i] as { seg?: unknown }).seg)) return `at put[${i}].seg: expected a segment name`;
  }
  if (!Array.isArray(j.segmentsDropped) || !j.segmentsDropped.every(isStr)) return 'at segmentsDropped: expected file names';
  if (!Array.isArray(j.segmentsAdded)) return 'at segmentsAdded: expected [file name, week, record count] entries';
  if (j.aliases !== undefined) return aliasesProblem(j.aliases);
  return null;
}

export function sortReports(reports: ReportRecord[]): ReportRecord[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return reports.sort((a, b) => cmp(a.week, b.week) || cmp(a.team, b.team) || cmp(a.source, b.source) || cmp(a.id, b.id));
}

// ---------------------------------------------------------------- writing

/**
 * The text of each report line this process wrote. A transaction never changes a loaded record (it
 * makes a copy), so a record's line is computed once however many commits and compactions a long
 * ingest makes.
 */
const lineOf = new WeakMap<object, string>();

function line(x: object): string {
  let s = lineOf.get(x);
  if (s === undefined) lineOf.set(x, (s = `  ${JSON.stringify(x)}`));
  return s;
}

/** A report's line; its stamp's path is left out when it is the source (the reader puts it back). */
function reportLine(r: ReportRecord): string {
  let s = lineOf.get(r);
  if (s === undefined) {
    const { path: p, ...stamp } = r.file ?? { path: undefined };
    lineOf.set(r, (s = `  ${JSON.stringify(r.file && p === r.source ? { ...r, file: stamp } : r)}`));
  }
  return s;
}

/** One line per element: readable in an editor, diffable, and still plain JSON. */
function list(xs: readonly object[], each: (x: never) => string = line): string {
  if (xs.length === 0) return '[]';
  const parts: string[] = new Array<string>(xs.length);
  for (let i = 0; i < xs.length; i++) parts[i] = each(xs[i] as never);
  return `[\n${parts.join(',\n')}\n ]`;
}

/** The pointer file (what lowdb writes, atomically, with the `.bak`): the base, the journal, the retired files. */
export function serializeManifest(state: State): string {
  const { layout, manifest } = state;
  const body = `{\n "version": ${CURRENT_VERSION},\n "base": ${JSON.stringify(layout.base)},\n "journal": ${list(layout.journal.map((j) => [j]), (x: [string]) => `  ${JSON.stringify(x[0])}`)},\n "retired": ${JSON.stringify(manifest.retired)}`;
  return withSeal(body).text;
}

/** A base holding a whole generation (no retired list: that is the pointer's). */
export function serializeBase(m: Manifest): { name: string; text: string } {
  const body = `{\n "version": ${CURRENT_VERSION},\n "aliases": ${list(m.aliases.map((a) => ({ ...a })))},\n "segments": ${list(m.segments)},\n "reports": ${list(m.reports, reportLine)}`;
  const { text, seal } = withSeal(body);
  return { name: manifestFileName('m', seal), text };
}

/** A journal record: what one commit changed, after the base or record it follows. */
export function serializeJournal(after: string, d: Delta): { name: string; text: string } {
  const aliases = d.aliases ? `,\n "aliases": ${list(d.aliases.map((a) => ({ ...a })))}` : '';
  const body =
    `{\n "version": ${CURRENT_VERSION},\n "after": ${JSON.stringify(after)}${aliases},\n "drop": ${list(d.drop)},\n` +
    ` "segmentsDropped": ${JSON.stringify(d.segmentsDropped)},\n "segmentsAdded": ${list(d.segmentsAdded)},\n "put": ${list(d.put, reportLine)}`;
  const { text, seal } = withSeal(body);
  return { name: manifestFileName('j', seal), text };
}
