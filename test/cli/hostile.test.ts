// Hostile input at the command line: bad files beside a good one, --out misuse, CSV/HTML injection (corrupt databases: database.test.ts).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HANG_MS } from '../support/limits.js';
import { openStore } from '../../src/store/index.js';
import { cli, hasStack, lines, reportText, run, sha256, tempDir, type CliResult } from './support/cli.js';
import { parseCsv } from './support/csv.js';

const GOOD_WEEK = '2021-W10';
const GOOD = reportText(2021, 10, 1);

interface Case {
  dir: string;
  db: string;
  r: CliResult;
  cleanup: () => void;
}

/**
 * Ingests a folder holding `good.md` and the given bad files (cwd = the temp folder, paths relative):
 * in this process, or (`process`) as a child process killed past the hang guard, for the inputs that
 * once hung or grew quadratically.
 */
async function ingestWith(files: Record<string, string | Buffer | ((file: string) => void)>, extra: string[] = [], how: 'in-process' | 'process' = 'in-process'): Promise<Case> {
  const { dir, cleanup } = tempDir('hostile');
  mkdirSync(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'in', 'good.md'), GOOD);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'in', name);
    if (typeof content === 'function') content(file);
    else writeFileSync(file, content);
  }
  const db = 'db.json';
  const r = how === 'process' ? cli(db, ['ingest', 'in', ...extra], { cwd: dir, timeoutMs: HANG_MS * 2 }) : await run(db, ['ingest', 'in', ...extra], { cwd: dir });
  return { dir, db, r, cleanup };
}

/** The error lines of stderr (warnings and notes are other lines). */
const errorLines = (stderr: string) => lines(stderr).filter((l) => l.startsWith('milestones: error:'));

/** exit 1, one error line naming `where` (FILE or FILE:LINE) with a hint after ` — `, no stack trace. */
function assertOneError(c: Case, where: string, what: RegExp): string {
  assert.is(c.r.signal, null, `killed by ${c.r.signal} (hang?)`);
  assert.is(c.r.code, 1, `exit code; stderr: ${c.r.stderr}`);
  assert.not.ok(hasStack(c.r.stderr), c.r.stderr);
  const errs = errorLines(c.r.stderr);
  assert.is(errs.length, 1, c.r.stderr);
  const line = errs[0]!;
  assert.ok(line.startsWith(`milestones: error: ${where}: `), line);
  assert.match(line, what);
  assert.match(line, / — \S/, 'says what to do');
  return line;
}

/**
 * The good report made it in and the database is valid afterwards. Opened in this process (the
 * store validates it as `weeks` would): one CLI start-up less per case.
 */
async function assertGoodIngested(c: Case): Promise<void> {
  assert.match(c.r.stdout, new RegExp(`added\\s+${GOOD_WEEK}\\s+in/good\\.md`));
  const headers = (await openStore(path.join(c.dir, c.db))).headers();
  assert.ok(headers.some((x) => x.week === GOOD_WEEK && x.source === 'in/good.md'), JSON.stringify(headers));
}

test('an empty file: named, skipped, the batch goes on', async () => {
  const c = await ingestWith({ 'empty.md': '' });
  try {
    assertOneError(c, 'in/empty.md', /empty file/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('an image renamed .md: refused as binary', async () => {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(2048, 7)]);
  const c = await ingestWith({ 'screenshot.md': png });
  try {
    assertOneError(c, 'in/screenshot.md', /not a text report/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('invalid UTF-8: named with its line', async () => {
  const bytes = Buffer.concat([Buffer.from('# 2021年第11周 周报\n\n- 甲项目 '), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(' 进度40%\n')]);
  const c = await ingestWith({ 'broken.md': bytes });
  try {
    assertOneError(c, 'in/broken.md:3', /invalid UTF-8/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

const sparse = (size: number) => (file: string) => {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, size); // a hole: nothing is written to disk
  closeSync(fd);
};

test('a 100 MB file: refused by default with the flag that raises the limit, quickly', async () => {
  const c = await ingestWith({ 'huge.md': sparse(100 * 1024 * 1024) });
  try {
    const line = assertOneError(c, 'in/huge.md', /above the 20 MiB limit/);
    assert.match(line, /--max-size \d+MB/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('a 100 MB file under --max-size 200MB: read whole (not bounded memory), then judged on content', async () => {
  // The reader reads an accepted file into memory (no streaming), so the limit is the memory bound;
  // raised, this all-NUL file is read and refused as binary.
  const c = await ingestWith({ 'huge.md': sparse(100 * 1024 * 1024) }, ['--max-size', '200MB']);
  try {
    assertOneError(c, 'in/huge.md', /not a text report/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('10,000 nested list levels: no crash, a warning naming FILE:LINE, the report still read', async () => {
  const deep = `# 2021年第12周 周报（2021-03-19）\n\n${'- '.repeat(10_000)}深层项目，进度30%\n${'> '.repeat(10_000)}引用项目，进度40%\n`;
  const c = await ingestWith({ 'deep.md': deep }, [], 'process');
  try {
    assert.is(c.r.code, 0, c.r.stderr);
    assert.not.ok(hasStack(c.r.stderr), c.r.stderr);
    assert.match(c.r.stderr, /^milestones: warning: in\/deep\.md:3: .*nested deeper than \d+/m);
    await assertGoodIngested(c);
    const show = JSON.parse((await run(c.db, ['show', '2021-W12', '--json'], { cwd: c.dir })).stdout) as { items: { percent: number }[] };
    assert.equal(show.items.map((i) => i.percent).sort(), [30, 40]);
  } finally {
    c.cleanup();
  }
});

test('a 1 MB line: read in bounded time, nothing lost after it', async () => {
  const long = `# 2021年第13周 周报（2021-03-26）\n\n- 长行项目，进度 55%，${'说明文字'.repeat(90_000)}\n- 尾部项目，进度 66%\n`;
  assert.ok(Buffer.byteLength(long) > 1_000_000);
  const c = await ingestWith({ 'long.md': long }, [], 'process');
  try {
    assert.is(c.r.code, 0, c.r.stderr);
    assert.not.ok(hasStack(c.r.stderr), c.r.stderr);
    await assertGoodIngested(c);
    const show = JSON.parse((await run(c.db, ['show', '2021-W13', '--json'], { cwd: c.dir })).stdout) as { items: { percent: number; source: { line: number } }[] };
    assert.equal(show.items.map((i) => [i.percent, i.source.line]), [[55, 3], [66, 4]]);
  } finally {
    c.cleanup();
  }
});

test('percentages 150%, -5%, 1e400%, 99.999999999%: nothing outside 0–100 stored, a warning per FILE:LINE', async () => {
  const text = [
    '# 2021年第14周 周报（2021-04-02）',
    '',
    '## 【重点项目】',
    '',
    '- 超额项目，进度150%',
    '- 负数项目，进度-5%',
    '- 溢出项目，进度1e400%',
    '- 精度项目，进度99.999999999%',
    '- 正常项目，进度45%',
    '',
  ].join('\n');
  const c = await ingestWith({ 'odd.md': text });
  try {
    assert.is(c.r.code, 0, c.r.stderr);
    for (const n of [5, 6, 7, 8]) assert.match(c.r.stderr, new RegExp(`^milestones: warning: in/odd\\.md:${n}: `, 'm'));
    assert.match(c.r.stderr, /in\/odd\.md:5: 150%/);
    assert.match(c.r.stderr, /in\/odd\.md:6: -5%/);
    assert.match(c.r.stderr, /in\/odd\.md:7: 1e400%/);
    await assertGoodIngested(c);
    const all = JSON.parse((await run(c.db, ['export', '--format', 'json'], { cwd: c.dir })).stdout) as { percent: number; week: string; project: string }[];
    assert.ok(all.length > 0);
    for (const o of all) assert.ok(Number.isFinite(o.percent) && o.percent >= 0 && o.percent <= 100, `${o.project}: ${o.percent}`);
    const odd = all.filter((o) => o.week === '2021-W14').map((o) => o.percent).sort((a, b) => a - b);
    assert.equal(odd, [45, 99.9999]);
  } finally {
    c.cleanup();
  }
});

test('a folder with a symbolic link loop: reported once, the rest walked', async () => {
  const c = await ingestWith({ sub: (f) => mkdirSync(f), 'sub/loop': (f) => symlinkSync('..', f) });
  try {
    assertOneError(c, 'in/sub/loop', /symbolic link loop/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('a vanished file (a dangling link to it): named, skipped', async () => {
  // The deterministic CLI-level form. The race proper (deleted between listing and reading) is
  // covered by the reader's unit test (test/read/index.test.ts), which deletes after collectFiles.
  const c = await ingestWith({ 'gone.md': (f) => symlinkSync('nowhere.md', f) });
  try {
    assertOneError(c, 'in/gone.md', /vanished file/);
    await assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('a FIFO named as a report: refused without blocking', () => {
  const { dir, cleanup } = tempDir('fifo');
  try {
    writeFileSync(path.join(dir, 'good.md'), GOOD);
    assert.is(spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status, 0, 'mkfifo works here');
    const r = cli('db.json', ['ingest', 'pipe.md', 'good.md'], { cwd: dir, timeoutMs: HANG_MS });
    assert.is(r.signal, null, 'blocked on the FIFO');
    assert.is(r.code, 1, r.stderr);
    assert.equal(errorLines(r.stderr).length, 1, r.stderr);
    assert.match(r.stderr, /^milestones: error: pipe\.md: not a regular file — /m);
    assert.match(r.stdout, /added\s+2021-W10\s+good\.md/);
  } finally {
    cleanup();
  }
});

test('an empty folder: one clear message, exit 1, no database created', async () => {
  const { dir, cleanup } = tempDir('emptydir');
  try {
    mkdirSync(path.join(dir, 'nothing'));
    const r = await run('db.json', ['ingest', 'nothing'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    assert.equal(lines(r.stderr), ['milestones: error: nothing: no report files (.md, .markdown, .txt, .html, .htm, .org, .eml, .docx, .zip) found — check the folder, or name the files directly']);
    assert.not.ok(existsSync(path.join(dir, 'db.json')));
  } finally {
    cleanup();
  }
});

// ---------------------------------------------------------------- --out and injection

/** A database holding two weeks whose names, via aliases and teams, are spreadsheet formulas and markup. */
async function hostileNames(): Promise<{ dir: string; db: string; cleanup: () => void }> {
  const { dir, cleanup } = tempDir('names');
  mkdirSync(path.join(dir, 'in'));
  const week = (w: number, base: number) =>
    [`# 2021年第${w}周 周报（${w === 16 ? '2021-04-16' : '2021-04-23'}）`, '', '## 【重点项目】', '', ...['甲', '乙', '丙', '丁', '戊', '己'].map((p, i) => `- ${p}工程，进度${base + i}%`), ''].join('\n');
  writeFileSync(path.join(dir, 'in', 'w16.md'), week(16, 10));
  writeFileSync(path.join(dir, 'in', 'w17.md'), week(17, 20));
  const db = 'names.json';
  const ok = async (args: string[]) => {
    const r = await run(db, args, { cwd: dir });
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  };
  await ok(['ingest', 'in']);
  await ok(['--team', '\tTab', 'ingest', 'in/w16.md']);
  await ok(['--team', '\rCR', 'ingest', 'in/w17.md']);
  await ok(['--team', '=cmd|" /C calc"!A0', 'ingest', 'in']);
  for (const [name, canonical] of [
    ['甲工程', '=HYPERLINK("http://x","y")'],
    ['乙工程', '+1'],
    ['丙工程', '-2'],
    ['丁工程', '@x'],
    ['戊工程', '<script>alert(1)</script>'],
    ['己工程', '<img src=x onerror=alert(2)>&amp;'],
  ]) await ok(['alias', 'add', name!, canonical!]);
  return { dir, db, cleanup };
}

let names: Awaited<ReturnType<typeof hostileNames>> | undefined;
/** Built once for the three tests below, which only read it. */
const shared = async () => (names ??= await hostileNames());
test.after(() => names?.cleanup());

test('--out onto the database, its .bak or a folder: exit 2, the database byte-identical', async () => {
  const h = await shared();
  {
    const dbFile = path.join(h.dir, h.db);
    const before = sha256(dbFile);
    writeFileSync(`${dbFile}.bak`, 'previous generation');
    mkdirSync(path.join(h.dir, 'reports.csv'));
    for (const [out, msg] of [
      [h.db, /refusing to overwrite the database with --out names\.json — choose another file name/],
      [`./${h.db}`, /refusing to overwrite the database/],
      [`${h.db}.bak`, /refusing to overwrite the database/],
      ['reports.csv', /--out reports\.csv is a folder — give a file name/],
    ] as const) {
      for (const args of [['export', '--format', 'csv', '--out', out], ['diff', '--out', out]]) {
        const r = await run(h.db, args, { cwd: h.dir });
        assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.is(lines(r.stderr).length, 1, r.stderr);
        assert.match(r.stderr, msg);
        assert.not.ok(hasStack(r.stderr));
      }
    }
    assert.is(sha256(dbFile), before, 'database untouched');
    assert.is(readFileSync(`${dbFile}.bak`, 'utf8'), 'previous generation');
    assert.ok(statSync(path.join(h.dir, 'reports.csv')).isDirectory());
    assert.equal(readdirSync(path.join(h.dir, 'reports.csv')), []);
  }
});

const FORMULA_START = /^[=+\-@\t\r]/;

test('CSV: cells that start with = + - @ tab or CR are inert (the =HYPERLINK regression)', async () => {
  const h = await shared();
  {
    const outputs: [string, string][] = [];
    for (const args of [['export', '--format', 'csv'], ['export', '--long'], ['diff', '--format', 'csv'], ['stalled', '--weeks', '1', '--format', 'csv']]) {
      const r = await run(h.db, args, { cwd: h.dir });
      assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      outputs.push([args.join(' '), r.stdout]);
    }
    const seen = new Set<string>();
    for (const [what, text] of outputs) {
      const rows = parseCsv(text.replace(/^\uFEFF/, ''));
      assert.ok(rows.length > 1, `${what}: rows`);
      for (const row of rows) {
        for (const cell of row) {
          assert.not.ok(FORMULA_START.test(cell), `${what}: live cell ${JSON.stringify(cell)}`);
          seen.add(cell);
        }
      }
    }
    // The names are there, neutralised rather than dropped or mangled.
    for (const cell of [`'=HYPERLINK("http://x","y")`, "'+1", "'-2", "'@x", "'\tTab", "'\rCR", `'=cmd|" /C calc"!A0`]) {
      assert.ok(seen.has(cell), `expected cell ${JSON.stringify(cell)}`);
    }
    // Numbers stay numbers: a negative delta is not a text cell to neutralise.
    const diff = parseCsv(outputs[2]![1].replace(/^\uFEFF/, ''));
    assert.ok(diff.slice(1).every((row) => row.every((cell) => !cell.startsWith("'-") || cell === "'-2")));
  }
});

test('HTML: every piece of report text is escaped (diff and stalled pages)', async () => {
  const h = await shared();
  {
    for (const args of [['diff', '--format', 'html'], ['stalled', '--weeks', '1', '--format', 'html'], ['--team', '<b>t</b>', 'diff', '--format', 'html']]) {
      const r = await run(h.db, args, { cwd: h.dir });
      if (args[0] === '--team') {
        // An unknown team has no weeks: a usage error, and the name is not echoed raw anywhere.
        assert.not.ok(r.stdout.includes('<b>t</b>'));
        continue;
      }
      assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      const html = r.stdout;
      assert.not.ok(/<script>alert/i.test(html), `${args.join(' ')}: live script`);
      assert.not.ok(/<img/i.test(html), `${args.join(' ')}: live img`);
      assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), `${args.join(' ')}: escaped script`);
      assert.ok(html.includes('&lt;img src=x onerror=alert(2)&gt;&amp;amp;'), `${args.join(' ')}: escaped img and entity`);
      assert.ok(!/<script/i.test(html.replace(/<script[^>]*>[\s\S]*?<\/script>/gi, (m) => (m.includes('alert') ? m : ''))), 'no script of report text');
    }
  }
});

test.run();
