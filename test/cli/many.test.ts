// Files that hold several reports (dated entries, zip exports) at the command line, and files of other types in a folder.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { lines, root, run as inProcess } from './support/cli.js';

const multi = path.join(root, 'test', 'fixtures', 'read', 'multi');

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-many-'));
  const run = (...args: string[]) => inProcess('db.json', args, { cwd: dir });
  return { dir, run, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a file of dated entries: one report per entry, one summary line; unchanged on the next run', async () => {
  const { dir, run, cleanup } = setup();
  try {
    mkdirSync(path.join(dir, 'r'));
    cpSync(path.join(multi, '周报.md'), path.join(dir, 'r', '周报.md'));
    writeFileSync(path.join(dir, 'r', 'plan.xlsx'), 'x');
    writeFileSync(path.join(dir, 'r', 'shot.png'), 'x');
    const r = await run('ingest', 'r');
    assert.is(r.code, 0, r.stderr);
    assert.ok(lines(r.stdout).includes('r/周报.md: 4 reports (2023-W09 … 2023-W12)'), r.stdout);
    assert.match(r.stdout, /^added +2023-W11 +r\/周报\.md +\(2 progress, 0 kpi\)$/m);
    assert.match(r.stdout, /4 added$/m);
    assert.ok(lines(r.stderr).includes('milestones: skipped 2 files of other types: .png, .xlsx'), r.stderr);
    const again = await run('ingest', 'r');
    assert.match(again.stdout, /4 unchanged$/m);
    const weeks = JSON.parse((await run('weeks', '--json')).stdout) as { weeks: { week: string }[] };
    assert.equal(weeks.weeks.map((w) => w.week).sort(), ['2023-W09', '2023-W10', '2023-W11', '2023-W12']);
  } finally {
    cleanup();
  }
});

test('two entries of one week: the first is stored, the second named with its line, exit 1', async () => {
  const { dir, run, cleanup } = setup();
  try {
    cpSync(path.join(multi, '同周.md'), path.join(dir, '同周.md'));
    const r = await run('ingest', '同周.md');
    assert.is(r.code, 1);
    assert.match(r.stderr, /milestones: error: 同周\.md:7: the entry "2023年3月15日周报" falls in 2023-W12 like the entry "2023年3月13日周报" \(line 3\); only the first is stored — /);
    assert.ok(lines(r.stdout).includes('同周.md: 2 reports (2023-W12 … 2023-W13), 1 not stored'), r.stdout);
  } finally {
    cleanup();
  }
});

test('a zip export: every report inside, named below the archive; check reads it too', async () => {
  const { dir, run, cleanup } = setup();
  try {
    const md = (w: string, p: number) => strToU8(`# 2026-03-${w} 周报\n\n- 网关改造 进度 ${p}%\n`);
    writeFileSync(path.join(dir, 'export.zip'), zipSync({ 'pages/w1.md': md('06', 30), 'pages/w2.md': md('13', 45), 'img/a.png': strToU8('x') }));
    const r = await run('ingest', 'export.zip');
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /^added +2026-W10 +export\.zip\/pages\/w1\.md/m);
    assert.match(r.stdout, /^added +2026-W11 +export\.zip\/pages\/w2\.md/m);
    assert.ok(lines(r.stdout).includes('export.zip: 2 reports (2026-W10 … 2026-W11)'), r.stdout);
    assert.match((await run('ingest', 'export.zip')).stdout, /2 unchanged$/m);
    const c = await run('check', 'export.zip', '--json');
    const files = (JSON.parse(c.stdout) as { files: { file: string; week: string }[] }).files;
    assert.equal(files.map((f) => [f.file, f.week]), [['export.zip/pages/w1.md', '2026-W10'], ['export.zip/pages/w2.md', '2026-W11']]);
  } finally {
    cleanup();
  }
});

test.run();
