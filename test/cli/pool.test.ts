// Ingest on worker threads stores exactly what ingest in the main thread stores, errors included.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDepartment } from '../../bench/generate.js';
import { cli, run as inProcess } from './support/cli.js';

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

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
