// The manifest (the commit point): its parsing with the seal and the forward migrations, and its serialisation.

import type { WrittenSegment } from './segments.js';
import { invalid } from './errors.js';
import { migrationFor, MigrationShapeError } from './migrate.js';
import { CURRENT_VERSION, emptyManifest, manifestProblem, type EvidenceFile, type Manifest, type ReportRecord } from './schema.js';
import { describeJsonError, validSeal, withSeal } from './seal.js';

/** One loaded generation of the database, plus what a migration still has to write. */
export interface State {
  manifest: Manifest;
  /** Segments that exist only in memory (from a migrated older layout) until the next write. */
  segments: Map<string, WrittenSegment>;
  /** Evidence likewise. */
  evidence: Map<string, EvidenceFile>;
  /** The manifest needs saving even if the transaction changes nothing (it was migrated). */
  migratedFrom?: number;
  notes: string[];
}

export function emptyState(): State {
  return { manifest: emptyManifest(), segments: new Map(), evidence: new Map(), notes: [] };
}

/** Parses and validates the manifest's text; anything unexpected is an InputError and the file is left alone. */
export function parseManifest(text: string, shown: string): State {
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
  if (version < CURRENT_VERSION) {
    const migrate = migrationFor(version);
    if (!migrate) throw invalid(shown, `version ${version} is no longer supported`);
    try {
      // A sealed version 2 file skips the zod pass (a hand check still runs).
      const m = migrate(raw, validSeal(text) !== null);
      return { manifest: m.manifest, segments: m.segments, evidence: m.evidence, migratedFrom: version, notes: m.notes };
    } catch (err) {
      if (err instanceof MigrationShapeError) throw invalid(shown, err.message);
      throw err;
    }
  }
  // Every manifest gets the full hand check (a few ms per 10,000 reports), sealed or not, so its seal
  // need not be verified here (hashing the text cost as much as the check); it marks the text as
  // written by milestones for a person reading the file, and the .bak.
  const reports = (raw as { reports?: unknown }).reports;
  if (Array.isArray(reports)) {
    // A stamp whose path is the report's source is written without it (half a line at 100,000 reports).
    for (const r of reports as { source?: unknown; file?: { path?: unknown } }[]) {
      if (r && typeof r === 'object' && r.file && typeof r.file === 'object' && r.file.path === undefined) r.file = { path: r.source, ...r.file };
    }
  }
  const problem = manifestProblem(raw);
  if (problem) throw invalid(shown, problem);
  const { seal: _seal, ...manifest } = raw as Manifest & { seal?: string };
  return { manifest: manifest as Manifest, segments: new Map(), evidence: new Map(), notes: [] };
}

/**
 * The text of each report line this process wrote. A transaction never changes a loaded record (it
 * makes a copy), so a record's line is computed once however many commits a long ingest makes.
 */
const lineOf = new WeakMap<object, string>();

function line(x: object): string {
  let s = lineOf.get(x);
  if (s === undefined) lineOf.set(x, (s = `  ${JSON.stringify(x)}`));
  return s;
}

/** A report's line; its stamp's path is left out when it is the source (parseManifest puts it back). */
function reportLine(r: ReportRecord): string {
  let s = lineOf.get(r);
  if (s === undefined) {
    const { path, ...stamp } = r.file ?? { path: undefined };
    lineOf.set(r, (s = `  ${JSON.stringify(r.file && path === r.source ? { ...r, file: stamp } : r)}`));
  }
  return s;
}

/** One line per alias, segment and report: readable in an editor, diffable, and still plain JSON. */
export function serializeManifest(state: State): string {
  const m = state.manifest;
  const list = (xs: readonly object[]) => (xs.length === 0 ? '[]' : `[\n${xs.map(line).join(',\n')}\n ]`);
  const body = `{\n "version": ${m.version},\n "aliases": ${list(m.aliases.map((a) => ({ ...a })))},\n "segments": ${list(m.segments)},\n "reports": ${m.reports.length === 0 ? '[]' : `[\n${m.reports.map(reportLine).join(',\n')}\n ]`},\n "retired": ${JSON.stringify(m.retired)}`;
  return withSeal(body).text;
}
