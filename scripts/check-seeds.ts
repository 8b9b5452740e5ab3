// CI check: ingest the hand-labelled seed reports with the built CLI and fail unless `show --json` matches gold.json.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fits, label, type GoldEntry as Entry } from '../test/support/gold.js';

type GoldEntry = Entry & { line: number };
interface GoldReport { week: string; date: string; progress: GoldEntry[]; kpi: GoldEntry[]; optional: GoldEntry[] }
interface Item {
  project: string; metric: string | null; percent: number; kind: string;
  source: { file: string; line: number }; done?: number; total?: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seeds = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'seeds'));
const goldFile = path.join(seeds, 'gold.json');
if (!existsSync(goldFile)) {
  console.error(`check:seeds: FAILED — ${goldFile} not found; the seed reports must sit in ../shared/seeds (or pass their folder)`);
  process.exit(1);
}
const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as { reports: Record<string, GoldReport> };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-seeds-'));
const db = path.join(tmp, 'seeds.json');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'bin', 'milestones.js'), '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

const failures: string[] = [];
let matched = 0;
try {
  cli('ingest', seeds);
  for (const [file, expected] of Object.entries(gold.reports)) {
    const shown = JSON.parse(cli('show', expected.week, '--json')) as { week: string; items: Item[]; reports: { source: string; date: string }[] };
    const fail = (msg: string) => failures.push(`${file} (${expected.week}): ${msg}`);
    const report = shown.reports.find((r) => path.basename(r.source) === file);
    if (!report) { fail(`not stored under ${expected.week}`); continue; }
    if (report.date !== expected.date) fail(`date ${report.date}, expected ${expected.date}`);
    const items = shown.items.filter((i) => path.basename(i.source.file) === file);
    for (const kind of ['progress', 'kpi'] as const) {
      const found = items.filter((i) => i.kind === kind);
      const used = new Set<Item>();
      for (const g of expected[kind]) {
        const hit = found.find((i) => !used.has(i) && fits(i, g));
        if (!hit) { fail(`missing ${kind} ${g.key}${g.metric ? '/' + g.metric : ''} ${g.percent}% (line ${g.line})`); continue; }
        used.add(hit);
        matched++;
        if (hit.source.line !== g.line) fail(`${g.key} ${g.percent}%: line ${hit.source.line}, expected ${g.line}`);
        if (g.done !== undefined && (hit.done !== g.done || hit.total !== g.total)) {
          fail(`${g.key}: done/total ${hit.done}/${hit.total}, expected ${g.done}/${g.total}`);
        }
      }
      for (const i of found) {
        if (used.has(i) || expected.optional.some((g) => fits(i, g))) continue;
        fail(`unexpected ${kind} "${label(i).trim()}" ${i.percent}% (line ${i.source.line}): not in gold.json`);
      }
    }
  }
} catch (err) {
  failures.push(`the CLI failed: ${(err as Error).message}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`check:seeds: FAILED — ${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check:seeds: ok — ${matched} gold figures matched in ${Object.keys(gold.reports).length} reports, no false positives`);
