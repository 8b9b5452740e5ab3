// `node --import tsx bench/store.ts [--reports 100000] [--chunk 500] [--dir DIR]`: the store alone (no reading,
// no extraction): synthetic reports committed in chunks as ingest does, the cost of each commit as the database
// grows, and what a reader pays to open it and read two weeks or all of them. Figures printed, never asserted.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../src/store/index.js';
import { synthReport } from '../test/store/synth.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const REPORTS = arg('reports', 100_000);
const CHUNK = arg('chunk', 500);
const WEEKS = 50;
const dirArg = process.argv.indexOf('--dir');
const dir = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]!) : mkdtempSync(path.join(os.tmpdir(), 'milestones-store-bench-'));
const db = path.join(dir, 'milestones.json');
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
const rss = () => process.resourceUsage().maxRSS * 1024;
/** The manifest, its base and its journal records: what a reader parses to open the database. */
const manifestBytes = () => {
  const pointer = JSON.parse(readFileSync(db, 'utf8')) as { base: string; journal: string[] };
  return [pointer.base, ...pointer.journal].reduce((a, f) => a + statSync(path.join(`${db}.d`, f)).size, statSync(db).size);
};

async function main(): Promise<void> {
  process.stdout.write(`store bench: ${REPORTS} reports (${REPORTS / WEEKS} teams × ${WEEKS} weeks), commits of ${CHUNK}, load average ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores\n`);
  const store = await openStore(db, { create: true });
  const times: number[] = [];
  const t0 = performance.now();
  for (let start = 0; start < REPORTS; start += CHUNK) {
    const reports: { r: ReturnType<typeof synthReport>; stamp: { path: string; size: number; mtimeMs: number } }[] = [];
    for (let k = start; k < Math.min(REPORTS, start + CHUNK); k++) {
      const r = synthReport(Math.floor(k / WEEKS), k % WEEKS);
      reports.push({ r, stamp: { path: `/corpus/${r.source}`, size: 1000 + k, mtimeMs: 1_700_000_000_000 + k } });
    }
    const t = performance.now();
    await store.transact((tx) => {
      for (const { r, stamp } of reports) tx.putReport({ ...r, source: stamp.path }, stamp);
    });
    times.push(performance.now() - t);
    const done = Math.min(REPORTS, start + CHUNK);
    if (done % (REPORTS / 10) === 0 || done === REPORTS) {
      const last = times.slice(-Math.min(times.length, 20)).sort((a, b) => a - b);
      process.stdout.write(
        `  ${String(done).padStart(7)} stored: median commit of the last ${last.length} ${last[last.length >> 1]!.toFixed(0)} ms, manifest ${mb(manifestBytes())} (base + journal), peak RSS ${mb(rss())}, load ${os.loadavg()[0]!.toFixed(1)}\n`,
      );
    }
  }
  const total = (performance.now() - t0) / 1000;
  const files = readdirSync(`${db}.d`);
  const segs = files.filter((f) => f.startsWith('w-'));
  const segBytes = segs.reduce((a, f) => a + statSync(path.join(`${db}.d`, f)).size, 0);
  process.stdout.write(
    `  commits: ${times.length} in ${total.toFixed(1)} s (${Math.round(REPORTS / total)} reports/s for the store alone); ${segs.length} segments (${mb(segBytes)}), ${files.length - segs.length} evidence files\n`,
  );

  // A reader: open (manifest), two weeks' figures, every figure.
  const time = async <T>(what: string, fn: () => T | Promise<T>): Promise<T> => {
    const t = performance.now();
    const v = await fn();
    process.stdout.write(`  ${what}: ${(performance.now() - t).toFixed(0)} ms\n`);
    return v;
  };
  const reader = await time('open (parse and check the manifest)', () => openStore(db));
  const headers = await time('headers()', () => reader.headers());
  const weeks = [...new Set(headers.map((h) => h.week))].sort();
  await time(`measures() of the last two weeks (${headers.filter((h) => weeks.slice(-2).includes(h.week)).length} reports)`, () => reader.measures({ weeks: weeks.slice(-2) }));
  await time(`measures() of everything (${headers.length} reports)`, () => reader.measures());
  process.stdout.write(`  peak RSS ${mb(rss())}\n`);
  if (dirArg < 0) rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
