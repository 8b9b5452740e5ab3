// Forward migrations of older database versions to the current layout (applied in memory; saved on the next write).

import type { Observation } from '../model/types.js';
import {
  CURRENT_VERSION,
  encodeMeasure,
  evidenceName,
  ItemTable,
  type DbFile,
  type EvidenceFile,
  type StoredReport,
} from './schema.js';
import { schemas } from './validate.js';

/** A database brought up to date in memory, with the evidence files the old layout kept inline. */
export interface Migrated {
  db: DbFile;
  /** Evidence files to write (by name) before the migrated main file is first saved. */
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

/** Version 1 kept every observation inline in the main file; version 2 moves them to evidence files. */
function fromV1(raw: unknown): Migrated {
  const parsed = v1Schema().safeParse(raw);
  if (!parsed.success) throw new MigrationShapeError(`version 1 ${schemas().describeIssue(parsed.error)}`);
  const v1 = parsed.data;
  const table = new ItemTable();
  const evidence = new Map<string, EvidenceFile>();
  const reports: StoredReport[] = v1.reports.map((r) => {
    const observations = r.observations as Observation[];
    const stored: StoredReport = {
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
      version: CURRENT_VERSION,
      id: r.id,
      team: r.team,
      week: r.week,
      source: r.source,
      observations,
    });
    return stored;
  });
  return {
    db: { version: CURRENT_VERSION, aliases: v1.aliases, items: table.items, reports, retired: [] },
    evidence,
    notes: [`database is in format version 1; it is upgraded to version ${CURRENT_VERSION} on the next write`],
  };
}

/** From each older version to the current one. Add a step here when CURRENT_VERSION moves on. */
const MIGRATIONS: Record<number, (raw: unknown) => Migrated> = {
  1: fromV1,
};

export function migrationFor(version: number): ((raw: unknown) => Migrated) | undefined {
  return MIGRATIONS[version];
}
