// Ingest rules at the command line: unchanged is a no-op, a changed file or a re-export replaces, teams stay apart.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, run as inProcess } from './support/cli.js';

const fixtures = path.join(root, 'test', 'fixtures', 'cli', 'reports');

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-ingest-'));
  const run = (...args: string[]) => inProcess('db.json', args, { cwd: dir });
  return { dir, run };
}

const W52 = '第52周 2021-12-24.md';

test('a changed file replaces its earlier version; an untouched one is not read again', async () => {
  const { dir, run } = setup();
  try {
    cpSync(fixtures, path.join(dir, 'r'), { recursive: true });
    assert.is((await run('ingest', 'r')).code, 0);
    const file = path.join(dir, 'r', W52);
    writeFileSync(file, readFileSync(file, 'utf8').replace('发票中心迁移，进度60%', '发票中心迁移，进度65%'));
    const again = await run('ingest', 'r');
    assert.is(again.code, 0, again.stderr);
    assert.match(again.stdout, /^replaced  2021-W52 +r\/第52周 2021-12-24\.md/m);
    assert.match(again.stdout, /1 replaced, 3 unchanged/);
    const show = JSON.parse((await run('show', 'W52', '--json')).stdout) as { items: { project: string; percent: number }[] };
    assert.is(show.items.find((i) => i.project === '发票中心迁移')!.percent, 65);

    // Same bytes, new mtime: read again, recognised by content hash as unchanged.
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    assert.match((await run('ingest', 'r')).stdout, /4 unchanged/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another file of the same team and week (a re-export) replaces the earlier one and says so', async () => {
  const { dir, run } = setup();
  try {
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    cpSync(path.join(fixtures, W52), path.join(dir, 'a', W52));
    writeFileSync(path.join(dir, 'b', 'export-2.md'), readFileSync(path.join(fixtures, W52), 'utf8').replace('进度60%', '进度62%'));
    assert.is((await run('ingest', 'a')).code, 0);
    const r = await run('ingest', 'b');
    assert.match(r.stdout, /^replaced  2021-W52  b\/export-2\.md .*replaces a\/第52周 2021-12-24\.md\)$/m);
    const weeks = JSON.parse((await run('weeks', '--json')).stdout) as { weeks: { source: string }[] };
    assert.equal(weeks.weeks.map((w) => w.source), ['b/export-2.md']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--team-from-folder keeps teams apart; --team filters every command', async () => {
  const { dir, run } = setup();
  try {
    for (const team of ['支付组', '数据组']) cpSync(fixtures, path.join(dir, 'dept', team), { recursive: true });
    const r = await run('ingest', 'dept', '--team-from-folder');
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /8 added/);
    const weeks = JSON.parse((await run('weeks', '--json')).stdout) as { weeks: { team: string }[] };
    assert.equal([...new Set(weeks.weeks.map((w) => w.team))].sort(), ['支付组', '数据组'].sort());
    const both = JSON.parse((await run('diff', '--json')).stdout) as { items: { team: string }[] };
    const one = JSON.parse((await run('--team', '数据组', 'diff', '--json')).stdout) as { items: { team: string }[] };
    assert.is(both.items.length, one.items.length * 2);
    assert.ok(one.items.every((i) => i.team === '数据组'));
    assert.is((await run('ingest', 'dept', '--team', 'x', '--team-from-folder')).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an empty folder says so and fails; the database is not created', async () => {
  const { dir, run } = setup();
  try {
    mkdirSync(path.join(dir, 'nothing'));
    const r = await run('ingest', 'nothing');
    assert.is(r.code, 1);
    assert.match(r.stderr, /^milestones: error: nothing: no report files .* found — /m);
    assert.not.ok(existsSync(path.join(dir, 'db.json')), 'no database was created');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
