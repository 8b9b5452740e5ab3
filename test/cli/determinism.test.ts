// Same input, same database: two files of one team and week keep the same one on every run; an unchanged folder is left unchanged; the advice for lost evidence works.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { scale } from '../support/limits.js';
import { cli, bin, cliEnv, hasStack, lines, reportText, run as inProcess, sha256, tempDir } from './support/cli.js';

interface WeeksJson { weeks: { week: string; source: string; date: string | null }[] }
const weeksOf = async (db: string, cwd: string) => (JSON.parse((await inProcess(db, ['weeks', '--json'], { cwd })).stdout) as WeeksJson).weeks;

/** Report text of week 2024-W10 with a given date line and one figure, so the two files differ. */
const claim = (date: string, pct: number) => `# 2024年第10周 周报（${date}）\n\n## 【重点项目】\n\n- 结算中心迁移，整体进度${pct}%\n`;

test('two files of one week: the later date inside the file is kept on every run, in any order; later runs change nothing', async () => {
  const { dir, cleanup } = tempDir('claims');
  try {
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'a.md'), claim('2024-03-08', 35)); // the later date
    writeFileSync(path.join(dir, 'in', 'b.md'), claim('2024-03-07', 30));
    const db = 'db.json';
    const stored: string[] = [];
    const outputs: string[] = [];
    for (let run = 0; run < 3; run++) {
      const before = run > 0 ? { sha: sha256(path.join(dir, db)), mtime: statSync(path.join(dir, db)).mtimeMs } : null;
      const r = await inProcess(db, ['ingest', 'in'], { cwd: dir });
      assert.is(r.code, 0, r.stderr);
      outputs.push(r.stdout);
      stored.push((await weeksOf(db, dir)).map((w) => w.source).join(','));
      if (before) {
        assert.is(sha256(path.join(dir, db)), before.sha, `run ${run + 1}: the database is not rewritten`);
        assert.is(statSync(path.join(dir, db)).mtimeMs, before.mtime, `run ${run + 1}: not even touched`);
        assert.equal(lines(r.stdout), [
          'unchanged 2024-W10  in/a.md  (1 progress, 0 kpi)',
          'conflict  2024-W10  in/b.md  (not stored: in/a.md holds the same team and week and is kept, its date 2024-03-08 is later)',
          '1 unchanged, 1 conflict',
        ]);
      }
    }
    assert.equal(stored, ['in/a.md', 'in/a.md', 'in/a.md'], 'the same report every time');
    // The conflict is reported once per run, in the first run too.
    assert.is((outputs[0]!.match(/in\/b\.md/g) ?? []).length, 1, outputs[0]);

    // Read in the other order, file by file, into a fresh database: the same one is kept.
    for (const order of [['in/b.md', 'in/a.md'], ['in/a.md', 'in/b.md']]) {
      const fresh = `fresh-${order[0]!.slice(3, 4)}.json`;
      for (const f of order) assert.is((await inProcess(fresh, ['ingest', f, 'in'], { cwd: dir })).code, 0);
      assert.equal((await weeksOf(fresh, dir)).map((w) => w.source), ['in/a.md'], order.join(' then '));
    }
  } finally {
    cleanup();
  }
});

test('equal dates: the path that sorts last is kept; a file given alone still replaces a report of a file not in the run', async () => {
  const { dir, cleanup } = tempDir('claims2');
  try {
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', '周报 (1).md'), claim('2024-03-08', 40));
    writeFileSync(path.join(dir, 'in', '周报.md'), claim('2024-03-08', 45));
    const r = await inProcess('db.json', ['ingest', 'in'], { cwd: dir });
    assert.is(r.code, 0, r.stderr);
    assert.equal((await weeksOf('db.json', dir)).map((w) => w.source), ['in/周报.md'], '"周报.md" sorts after "周报 (1).md"');
    const again0 = await inProcess('db.json', ['ingest', 'in'], { cwd: dir });
    assert.match(again0.stdout, /^conflict  2024-W10  in\/周报 \(1\)\.md  \(not stored: in\/周报\.md holds the same team and week and is kept, same date; its path sorts last\)$/m);
    // A re-export given on its own (the other file is not part of this run) replaces, as documented.
    writeFileSync(path.join(dir, 'fixed.md'), claim('2024-03-01', 50));
    const again = await inProcess('db.json', ['ingest', 'fixed.md'], { cwd: dir });
    assert.is(again.code, 0, again.stderr);
    assert.match(again.stdout, /^replaced  2024-W10  fixed\.md .*; replaces in\/周报\.md\)$/m);
  } finally {
    cleanup();
  }
});

test('a folder where many files share weeks: one report per week, and a second run leaves the database unchanged', async () => {
  const files = scale(60, 2_000);
  const { dir, cleanup } = tempDir('claims3');
  try {
    mkdirSync(path.join(dir, 'in'));
    // Every week claimed by 4 files with different dates and figures.
    const expected = new Set<string>();
    for (let i = 0; i < files; i++) {
      const n = Math.floor(i / 4);
      const text = `# ${2000 + Math.floor(n / 52)}年第${(n % 52) + 1}周 周报\n\n- 项目${i % 7}，整体进度${i % 100}%\n`;
      const name = `r${String(i).padStart(5, '0')}.md`;
      writeFileSync(path.join(dir, 'in', name), text);
      if (i % 4 === 3 || i === files - 1) expected.add(`in/${name}`);
    }
    // 48 files or more are read on worker threads: a child process, as the binary runs them.
    const first = cli('db.json', ['ingest', 'in'], { cwd: dir });
    assert.is(first.code, 0, first.stderr);
    const kept = await weeksOf('db.json', dir);
    const before = sha256(path.join(dir, 'db.json'));
    const second = cli('db.json', ['ingest', 'in'], { cwd: dir });
    assert.is(second.code, 0, second.stderr);
    assert.is(sha256(path.join(dir, 'db.json')), before, 'no rewrite');
    assert.equal(await weeksOf('db.json', dir), kept);
    const summary = lines(second.stdout).pop();
    assert.is(summary, `${kept.length} unchanged, ${files - kept.length} conflict`);
    // No dates in these files: within a week, the path that sorts last is kept.
    assert.equal(new Set(kept.map((w) => w.source)), expected);
    console.log(`\n[determinism] ${files} files over ${kept.length} weeks: re-ingest "${summary}", database byte-identical`);
  } finally {
    cleanup();
  }
});

/** Runs a command line the way a user would paste it (`milestones` being this build). */
function runAdvice(command: string, cwd: string) {
  const line = command.replace(/(^|&& )milestones /g, `$1${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} `);
  return spawnSync('bash', ['-c', line], { cwd, encoding: 'utf8', env: cliEnv() });
}

test('a missing or damaged evidence file: the error names a command that rebuilds it, and it does (not "1 unchanged")', async () => {
  const { dir, cleanup } = tempDir('evidence');
  try {
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'w10.md'), reportText(2024, 10, 1));
    writeFileSync(path.join(dir, 'in', 'w11.md'), reportText(2024, 11, 2));
    const db = 'data/db.json';
    assert.is((await inProcess(db, ['--team', '交付 部', 'ingest', 'in'], { cwd: dir })).code, 0);
    const evDir = path.join(dir, `${db}.d`);
    const shown = () => inProcess(db, ['show', '2024-W10'], { cwd: dir });
    const good = (await shown()).stdout;

    for (const damage of ['missing', 'damaged'] as const) {
      const file = readdirSync(evDir).map((n) => path.join(evDir, n)).find((f) => readFileSync(f, 'utf8').includes('"2024-W10"'))!;
      if (damage === 'missing') rmSync(file);
      else writeFileSync(file, readFileSync(file, 'utf8').slice(0, 50));
      const broken = await shown();
      assert.is(broken.code, 1, broken.stderr);
      assert.not.ok(hasStack(broken.stderr), broken.stderr);
      const advice = /(?:rebuild it: )(.*)$/.exec(lines(broken.stderr)[0]!)?.[1];
      assert.ok(advice, broken.stderr);
      assert.match(advice!, /--team '交付 部' ingest --week 2024-W10 /, 'same team and week');
      // Pasted as it is, where the command that failed ran.
      const fixed = runAdvice(advice!, dir);
      assert.is(fixed.status, 0, fixed.stderr);
      assert.match(fixed.stdout, /^rebuilt   2024-W10 \[交付 部\] .*w10\.md .*its evidence file was missing or damaged\)$/m, fixed.stdout);
      assert.is((await shown()).stdout, good, `${damage}: show works again`);
    }
  } finally {
    cleanup();
  }
});

test.run();
