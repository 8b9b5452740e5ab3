// Ingest on worker threads stores exactly what ingest in the main thread stores, errors included.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDepartment } from '../../bench/generate.js';
import { pathToFileURL } from 'node:url';
import { cli, root, run as inProcess } from './support/cli.js';
import type * as Pool from '../../src/cli/pool.js';
import type * as ReadOne from '../../src/cli/read-one.js';
import { wordsFrom } from '../../src/cli/vocabulary.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-pool-'));

/** In this process where no worker thread starts (see run in support/cli.ts); the pooled ingest as a child process. */
const run = (db: string, ...args: string[]) => inProcess(db, args, { cwd: tmp });

test('--jobs 1 and --jobs 2 give the same database, the same output and the same errors', async () => {
  const dept = generateDepartment({ out: path.join(tmp, 'dept'), teams: 4, weeks: 13, seed: 11 });
  assert.ok(dept.reports.length >= 48, 'enough files for the worker path');
  writeFileSync(path.join(tmp, 'dept', dept.teams[0]!, 'zz-no-week.md'), '# 周报\n\n- 某项目，进度40%\n');
  writeFileSync(path.join(tmp, 'dept', dept.teams[1]!, 'zz-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));

  const inline = await run('inline.json', 'ingest', 'dept', '--team-from-folder', '--jobs', '1');
  const pooled = cli('pooled.json', ['ingest', 'dept', '--team-from-folder', '--jobs', '2'], { cwd: tmp });
  assert.is(inline.code, 1, 'two bad files make the batch fail');
  assert.is(pooled.code, 1);
  assert.is(pooled.stdout, inline.stdout);
  assert.is(pooled.stderr, inline.stderr);
  assert.match(pooled.stderr, /zz-no-week\.md: no week found/);
  assert.match(pooled.stderr, /zz-binary\.md: not a text report/);
  assert.match(pooled.stdout, new RegExp(`${dept.reports.length} added, 2 failed`));

  const exportOf = async (db: string) => (await run(db, 'export', '--format', 'json')).stdout;
  const pooledRows = await exportOf('pooled.json');
  assert.is(pooledRows, await exportOf('inline.json'));
  assert.ok(JSON.parse(pooledRows).length > dept.reports.length * 5);
});

test('--jobs takes a whole number', async () => {
  const r = await run('x.json', 'ingest', 'dept', '--jobs', 'many');
  assert.is(r.code, 2);
  assert.match(r.stderr, /--jobs takes a whole number/);
});

test('a file too big for a worker\'s capped heap is read on the main thread, with the same result as inline', async () => {
  // The built modules: a worker thread runs dist/cli/ingest-worker.js.
  const { ReaderPool, readInOrder } = (await import(pathToFileURL(path.join(root, 'dist/cli/pool.js')).href)) as typeof Pool;
  const { readOne } = (await import(pathToFileURL(path.join(root, 'dist/cli/read-one.js')).href)) as typeof ReadOne;
  const dir = path.join(tmp, 'heap');
  mkdirSync(dir);
  const words = wordsFrom({});
  const jobs: ReadOne.ReadJob[] = [];
  for (let i = 0; i < 60; i++) {
    const file = path.join(dir, `r${String(i).padStart(2, '0')}.md`);
    const day = new Date(Date.UTC(2023, 0, 6 + 7 * i)).toISOString().slice(0, 10);
    const lines = [`# 结算组周报 ${day}`, '', `- 结算中心迁移：进度 ${i}%`, `- 对账平台二期：完成 ${100 - i}%`];
    // One report with thousands of figures: far more than a 12 MB heap holds while it is extracted.
    if (i === 30) for (let k = 0; k < 5000; k++) lines.push(`- 门店${k}号接入：进度 ${k % 100}%，本周完成联调`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    jobs.push({ path: file, absolute: file, team: '结算组', forcedWeek: undefined, maxBytes: 20 * 1024 * 1024, scheme: 'reporter', words, today: '2024-01-05' });
  }
  const pool = new ReaderPool(jobs.length, 2, { limits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 12 } });
  const pooled: ReadOne.ReadResult[] = [];
  try {
    await readInOrder(pool, jobs, (i, r) => {
      pooled[i] = r;
    });
  } finally {
    await pool.close();
  }
  assert.ok(pool.recovered >= 1, 'a worker ran out of its heap and its jobs were read again');
  const big = pooled[30]!;
  assert.ok(big.ok && big.reports[0]!.report.observations.length === 5002, 'the big report keeps every figure');
  for (let i = 0; i < jobs.length; i++) assert.equal(pooled[i], await readOne(jobs[i]!), `job ${i}`);
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
