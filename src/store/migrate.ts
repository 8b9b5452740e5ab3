// Forward migrations of older database versions to the current layout (applied in memory; saved on the next write).

import type { Observation } from '../model/types.js';
import {
  CURRENT_VERSION,
  encodeMeasure,
  EVIDENCE_VERSION,
  evidenceName,
  ItemTable,
  v2Problem,
  type DbFileV2,
  type EvidenceFile,
  type Manifest,
  type ReportRecord,
  type SegmentEntry,
  type StoredReportV2,
} from './schema.js';
import { buildSegment, type WrittenSegment } from './segments.js';
import { schemas } from './validate.js';

/** A database brought up to date in memory, with the files the new layout needs and the old one lacked. */
export interface Migrated {
  manifest: Manifest;
  /** Segments to write (by name) before the migrated manifest is first saved. */
  segments: Map<string, WrittenSegment>;
  /** Evidence files to write (by name) likewise. */
  evidence: Map<string, EvidenceFile>;
  notes: string[];
}

/** Thrown when an old-version file does not match its own version's schema. */
export class MigrationShapeError extends Error {}

// ---------------------------------------------------------------- version 1

/** The version 1 schema, built (and zod loaded) only when a version 1 file is met. */
function v1Schema() {
  const { z, aliasSchema, headerShape } = schemas();
  const v1Observation = z.looseObject({
    project: z.string(),
    metric: z.string().nullable(),
    percent: z.number(),
    kind: z.enum(['progress', 'kpi']),
    line: z.number(),
    section: z.array(z.string()),
    text: z.string(),
    done: z.number().optional(),
    total: z.number().optional(),
    qualifier: z.string().optional(),
    prev: z.number().optional(),
    planned: z.number().optional(),
  });

  const v1Schema = z.object({
    version: z.literal(1),
    aliases: z.array(aliasSchema),
    reports: z.array(
      z.object({
        ...headerShape,
        // Counts were not kept in version 1: they are recomputed.
        progress: headerShape.progress.optional(),
        kpi: headerShape.kpi.optional(),
        observations: z.array(v1Observation),
      }),
    ),
  });
  return v1Schema;
}

/** Version 1 kept every observation inline in the main file; version 2 moved them to evidence files. */
function fromV1(raw: unknown): Migrated {
  const parsed = v1Schema().safeParse(raw);
  if (!parsed.success) throw new MigrationShapeError(`version 1 ${schemas().describeIssue(parsed.error)}`);
  const v1 = parsed.data;
  const table = new ItemTable();
  const evidence = new Map<string, EvidenceFile>();
  const reports: StoredReportV2[] = v1.reports.map((r) => {
    const observations = r.observations as Observation[];
    const stored: StoredReportV2 = {
      id: r.id,
      source: r.source,
      team: r.team,
      week: r.week,
      date: r.date,
      title: r.title,
      progress: observations.filter((o) => o.kind === 'progress').length,
      kpi: observations.filter((o) => o.kind === 'kpi').length,
      warnings: r.warnings,
      ...(r.file ? { file: r.file } : {}),
      m: observations.map((o) => encodeMeasure(o, table)),
    };
    evidence.set(evidenceName(r), {
      version: EVIDENCE_VERSION,
      id: r.id,
      team: r.team,
      week: r.week,
      source: r.source,
      observations,
    });
    return stored;
  });
  const m = v2ToV3({ version: 2, aliases: v1.aliases, items: table.items, reports, retired: [] });
  for (const [name, ev] of evidence) m.evidence.set(name, ev);
  m.notes = [`database is in format version 1; it is upgraded to version ${CURRENT_VERSION} on the next write`];
  return m;
}

// ---------------------------------------------------------------- version 2

/**
 * Version 2 kept every figure in the main file (read and rewritten whole by every command); version
 * 3 moves them to one segment per week and keeps the headers in the manifest. Evidence files stay.
 */
function fromV2(raw: unknown, sealed: boolean): Migrated {
  let db: DbFileV2;
  if (sealed) {
    const problem = v2Problem(raw);
    if (problem) throw new MigrationShapeError(`version 2 ${problem}`);
    db = raw as DbFileV2;
  } else {
    const { v2Schema, describeIssue } = schemas();
    const parsed = v2Schema.safeParse(raw);
    if (!parsed.success) throw new MigrationShapeError(`version 2 ${describeIssue(parsed.error)}`);
    db = parsed.data as DbFileV2;
  }
  const m = v2ToV3(db);
  m.notes = [`database is in format version 2; it is upgraded to version ${CURRENT_VERSION} (a manifest and one measure segment per week) on the next write`];
  return m;
}

function v2ToV3(db: DbFileV2): Migrated {
  const byWeek = new Map<string, StoredReportV2[]>();
  for (const r of db.reports) {
    const list = byWeek.get(r.week);
    if (list) list.push(r);
    else byWeek.set(r.week, [r]);
  }
  const segments = new Map<string, WrittenSegment>();
  const entries: SegmentEntry[] = [];
  const segOf = new Map<StoredReportV2, string>();
  for (const week of [...byWeek.keys()].sort()) {
    const rs = byWeek.get(week)!;
    const seg = buildSegment(week, rs.map((r) => ({ id: r.id, team: r.team, record: { id: r.id, team: r.team, m: r.m, ...(r.s?.length ? { s: r.s } : {}) }, items: db.items })));
    segments.set(seg.name, seg);
    entries.push([seg.name, week, rs.length]);
    for (const r of rs) segOf.set(r, seg.name);
  }
  const reports: ReportRecord[] = db.reports.map((r) => {
    const { m: _m, s: _s, ...header } = r;
    return { ...header, seg: segOf.get(r)! };
  });
  return {
    manifest: { version: CURRENT_VERSION, aliases: db.aliases, segments: entries, reports, retired: [] },
    segments,
    evidence: new Map(),
    notes: [],
  };
}

/** From each older version to the current one. Add a step here when CURRENT_VERSION moves on. */
const MIGRATIONS: Record<number, (raw: unknown, sealed: boolean) => Migrated> = {
  1: fromV1,
  2: fromV2,
};

export function migrationFor(version: number): ((raw: unknown, sealed: boolean) => Migrated) | undefined {
  return MIGRATIONS[version];
}
