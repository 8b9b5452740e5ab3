// Checks a database the way the crash and concurrency tests need: valid, complete evidence, consistent counts.

import * as fs from 'node:fs';
import { openStore } from '../../src/store/index.js';
import { evidenceName, measureOf } from '../../src/store/schema.js';
import type { StoredHeader } from '../../src/store/types.js';

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
    // The previous generation must be a valid database too (restorable).
    const bak = JSON.parse(fs.readFileSync(`${db}.bak`, 'utf8')) as { version: number; segments?: [string, string, number][]; reports: { id: string; team: string; week: string }[] };
    if (bak.version >= 3) {
      for (const [name] of bak.segments ?? []) if (!fs.existsSync(`${db}.d/${name}`)) throw new Error(`the .bak refers to segment ${name}, which is gone`);
      for (const r of bak.reports) if (!fs.existsSync(`${db}.d/${evidenceName(r)}`)) throw new Error(`the .bak refers to the evidence of ${r.id}, which is gone`);
    }
    const bakCopy = `${db}.verify-bak`;
    fs.copyFileSync(`${db}.bak`, bakCopy);
    try {
      await openStore(bakCopy);
    } finally {
      fs.rmSync(bakCopy);
    }
  }
  return headers;
}
