// Ingest on worker threads stores exactly what ingest in the main thread stores, errors included.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDepartment } from '../../bench/generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-pool-'));

function cli(db: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'milestones.js'), '--db', db, ...args], {
    cwd: tmp,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MILESTONES_DB: '' },
  });
  return { out: r.stdout, err: r.stderr, code: r.status };
}

test('--jobs 1 and --jobs 2 give the same database, the same output and the same errors', () => {
  const dept = generateDepartment({ out: path.join(tmp, 'dept'), teams: 4, weeks: 20, seed: 11 });
  assert.ok(dept.reports.length >= 48, 'enough files for the worker path');
  writeFileSync(path.join(tmp, 'dept', dept.teams[0]!, 'zz-no-week.md'), '# 周报\n\n- 某项目，进度40%\n');
  writeFileSync(path.join(tmp, 'dept', dept.teams[1]!, 'zz-binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));

  const inline = cli('inline.json', 'ingest', 'dept', '--team-from-folder', '--jobs', '1');
  const pooled = cli('pooled.json', 'ingest', 'dept', '--team-from-folder', '--jobs', '2');
  assert.is(inline.code, 1, 'two bad files make the batch fail');
  assert.is(pooled.code, 1);
  assert.is(pooled.out, inline.out);
  assert.is(pooled.err, inline.err);
  assert.match(pooled.err, /zz-no-week\.md: no week found/);
  assert.match(pooled.err, /zz-binary\.md: not a text report/);
  assert.match(pooled.out, new RegExp(`${dept.reports.length} added, 2 failed`));

  const exportOf = (db: string) => cli(db, 'export', '--format', 'json').out;
  assert.is(exportOf('pooled.json'), exportOf('inline.json'));
  assert.ok(JSON.parse(exportOf('pooled.json')).length > dept.reports.length * 5);
});

test('--jobs takes a whole number', () => {
  const r = cli('x.json', 'ingest', 'dept', '--jobs', 'many');
  assert.is(r.code, 2);
  assert.match(r.err, /--jobs takes a whole number/);
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
