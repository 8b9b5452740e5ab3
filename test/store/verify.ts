// Checks a database the way the crash and concurrency tests need: valid, complete evidence, consistent counts.

import * as fs from 'node:fs';
import { openStore } from '../../src/store/index.js';
import { parseManifest } from '../../src/store/manifest.js';
import { evidenceName, measureOf } from '../../src/store/schema.js';
import type { StoredHeader } from '../../src/store/types.js';

/** The base file of a database in the current layout (the manifest names it; it holds the headers). */
export function baseOf(db: string): string {
  const pointer = JSON.parse(fs.readFileSync(db, 'utf8')) as { base: string };
  return `${db}.d/${pointer.base}`;
}

/** The logical manifest of a database in the current layout whose journal is empty (just compacted or first saved). */
export function baseContent(db: string): { aliases: unknown[]; segments: [string, string, number][]; reports: { id: string; team: string; week: string }[] } {
  return JSON.parse(fs.readFileSync(baseOf(db), 'utf8')) as ReturnType<typeof baseContent>;
}

/**
 * Opens `db` (validating it), reads every report's evidence and figures (from its segment) and checks
 * them against each other; checks that the .bak is a valid database whose every segment and evidence
 * file is still there (restorable); returns the headers.
 */
export async function verifyDb(db: string): Promise<StoredHeader[]> {
  const store = await openStore(db);
  const headers = store.headers();
  const measures = new Map(store.measures().map((m) => [m.id + m.team + m.week, m]));
  for (const h of headers) {
    const obs = store.observations(h.id);
    const progress = obs.filter((o) => o.kind === 'progress').length;
    if (progress !== h.progress || obs.length - progress !== h.kpi) throw new Error(`${h.source}: counts ${h.progress}/${h.kpi} disagree with its evidence`);
    const m = measures.get(h.id + h.team + h.week);
    if (JSON.stringify(m?.measures) !== JSON.stringify(obs.map(measureOf))) throw new Error(`${h.source}: measures disagree with its evidence`);
  }
  if (fs.existsSync(`${db}.bak`)) {
    // The previous generation must be a valid database too (restorable): its base, journal records,
    // segments and evidence files are all still there.
    const text = fs.readFileSync(`${db}.bak`, 'utf8');
    const version = (JSON.parse(text) as { version: number }).version;
    if (version >= 3) {
      const bak = parseManifest(text, `${db}.bak`, `${db}.d`).manifest;
      for (const [name] of bak.segments) if (!fs.existsSync(`${db}.d/${name}`)) throw new Error(`the .bak refers to segment ${name}, which is gone`);
      for (const r of bak.reports) if (!fs.existsSync(`${db}.d/${evidenceName(r)}`)) throw new Error(`the .bak refers to the evidence of ${r.id}, which is gone`);
    }
  }
  return headers;
}
