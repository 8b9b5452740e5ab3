// The zod schemas of the on-disk format, built on first use: zod costs ~60 ms to load, and a sealed main file needs none.

import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { EVIDENCE_VERSION, measureTupleProblem, type MeasureTuple } from './schema.js';

// A synchronous lazy load, because StoreReader.observations() is synchronous.
const require = createRequire(import.meta.url);

function build(z: typeof Zod.z) {
  const week = z.string().regex(/^\d{4}-W\d{2}$/, 'expected a week like 2024-W10');
  const finite = z.number().finite();

  const aliasSchema = z.object({
    name: z.string(),
    canonical: z.string(),
    auto: z.object({ source: z.string(), week: z.string(), line: finite, text: z.string() }).optional(),
    off: z.literal(true).optional(),
  });
  const statementSchema = z.object({
    kind: z.enum(['completed', 'paused', 'cancelled', 'renamed']),
    phrase: z.string(),
    rule: z.string(),
    line: finite,
    subjects: z.array(z.string()),
    formerly: z.string().optional(),
    text: z.string(),
  });
  const warningSchema = z.object({ line: finite, message: z.string() });
  const fileStampSchema = z.object({ path: z.string(), size: finite, mtimeMs: finite });

  const headerShape = {
    id: z.string().min(1),
    source: z.string(),
    team: z.string(),
    week,
    date: z.string().nullable(),
    title: z.string(),
    progress: z.number().int().nonnegative(),
    kpi: z.number().int().nonnegative(),
    warnings: z.array(warningSchema),
    file: fileStampSchema.optional(),
  };

  const itemSchema = z.union([
    z.tuple([z.string(), z.string().nullable(), z.enum(['progress', 'kpi'])]),
    z.tuple([z.string(), z.string().nullable(), z.enum(['progress', 'kpi']), z.literal('lower')]),
  ]);

  /** A version 2 main file that is not sealed (edited by hand), validated in full before it is migrated. */
  const v2Schema = z
    .object({
      version: z.literal(2),
      aliases: z.array(aliasSchema),
      items: z.array(itemSchema),
      reports: z.array(z.object({ ...headerShape, m: z.custom<MeasureTuple[]>(() => true), s: z.array(statementSchema).optional() })),
      retired: z.array(z.string()),
      /** A digest of the file as written (seal.ts). */
      seal: z.string().optional(),
    })
    .superRefine((db, ctx) => {
      const n = db.items.length;
      for (let r = 0; r < db.reports.length; r++) {
        const problem = measureTupleProblem(db.reports[r]!.m, n);
        if (problem) {
          ctx.addIssue({ code: 'custom', path: ['reports', r, 'm', ...problem.index], message: problem.message });
          return;
        }
      }
    });

  const observationSchema = z.object({
    project: z.string(),
    metric: z.string().nullable(),
    percent: finite,
    kind: z.enum(['progress', 'kpi']),
    line: finite,
    done: finite.optional(),
    total: finite.optional(),
    qualifier: z.string().optional(),
    direction: z.literal('lower').optional(),
    due: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    section: z.array(z.string()),
    text: z.string(),
    prev: finite.optional(),
    planned: finite.optional(),
  });

  const evidenceSchema = z.object({
    version: z.literal(EVIDENCE_VERSION),
    id: z.string(),
    team: z.string(),
    week: z.string(),
    source: z.string(),
    observations: z.array(observationSchema),
  });

  /** `reports[3].week: expected string` — the first zod issue as a readable path. */
  function describeIssue(error: { issues: readonly { path: PropertyKey[]; message: string }[] }): string {
    const issue = error.issues[0];
    if (!issue) return 'invalid';
    let where = '';
    for (const key of issue.path) {
      where += typeof key === 'number' ? `[${key}]` : where ? `.${String(key)}` : String(key);
    }
    return where ? `at ${where}: ${issue.message}` : issue.message;
  }

  const observationsSchema = z.array(
    z.looseObject({ project: z.string(), metric: z.string().nullable(), percent: z.number().finite(), kind: z.enum(['progress', 'kpi']), line: z.number().int() }),
  );
  const { progress: _p, kpi: _k, file: _f, ...reportShape } = headerShape;
  /** What putReport accepts: a Report as the extractor makes it. */
  const reportSchema = z.looseObject({ ...reportShape, observations: observationsSchema, statements: z.array(statementSchema).optional() });

  return { z, aliasSchema, headerShape, v2Schema, evidenceSchema, reportSchema, describeIssue };
}

let built: ReturnType<typeof build> | undefined;

/** The schemas (and zod itself, for migrations), loading zod on the first call. */
export function schemas(): ReturnType<typeof build> {
  return (built ??= build((require('zod') as typeof Zod).z));
}
