// Hostile input at the command line: bad files beside a good one, corrupt databases, --out misuse, CSV/HTML injection.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HANG_MS } from '../support/limits.js';
import { cli, cliMany, hasStack, lines, reportText, sha256, tempDir, type CliResult } from './support/cli.js';
import { parseCsv } from './support/csv.js';

const GOOD_WEEK = '2021-W10';
const GOOD = reportText(2021, 10, 1);

interface Case {
  dir: string;
  db: string;
  r: CliResult;
  cleanup: () => void;
}

/** Ingests a folder holding `good.md` and the given bad files (cwd = the temp folder, paths relative). */
function ingestWith(files: Record<string, string | Buffer | ((file: string) => void)>, extra: string[] = []): Case {
  const { dir, cleanup } = tempDir('hostile');
  mkdirSync(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'in', 'good.md'), GOOD);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, 'in', name);
    if (typeof content === 'function') content(file);
    else writeFileSync(file, content);
  }
  const db = 'db.json';
  const r = cli(db, ['ingest', 'in', ...extra], { cwd: dir, timeoutMs: HANG_MS * 2 });
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

/** The good report made it in and the database is valid afterwards. */
function assertGoodIngested(c: Case): void {
  assert.match(c.r.stdout, new RegExp(`added\\s+${GOOD_WEEK}\\s+in/good\\.md`));
  const w = cli(c.db, ['weeks', '--json'], { cwd: c.dir });
  assert.is(w.code, 0, w.stderr);
  const weeks = (JSON.parse(w.stdout) as { weeks: { week: string; source: string }[] }).weeks;
  assert.ok(weeks.some((x) => x.week === GOOD_WEEK && x.source === 'in/good.md'), w.stdout);
}

test('an empty file: named, skipped, the batch goes on', () => {
  const c = ingestWith({ 'empty.md': '' });
  try {
    assertOneError(c, 'in/empty.md', /empty file/);
    assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('an image renamed .md: refused as binary', () => {
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(2048, 7)]);
  const c = ingestWith({ 'screenshot.md': png });
  try {
    assertOneError(c, 'in/screenshot.md', /not a text report/);
    assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('invalid UTF-8: named with its line', () => {
  const bytes = Buffer.concat([Buffer.from('# 2021年第11周 周报\n\n- 甲项目 '), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(' 进度40%\n')]);
  const c = ingestWith({ 'broken.md': bytes });
  try {
    assertOneError(c, 'in/broken.md:3', /invalid UTF-8/);
    assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

const sparse = (size: number) => (file: string) => {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, size); // a hole: nothing is written to disk
  closeSync(fd);
};

test('a 100 MB file: refused by default with the flag that raises the limit, quickly', () => {
  const c = ingestWith({ 'huge.md': sparse(100 * 1024 * 1024) });
  try {
    const line = assertOneError(c, 'in/huge.md', /above the 20 MiB limit/);
    assert.match(line, /--max-size \d+MB/);
    assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('a 100 MB file under --max-size 200MB: read whole (not bounded memory), then judged on content', () => {
  // The reader reads an accepted file into memory (no streaming), so the limit is the memory bound;
  // raised, this all-NUL file is read and refused as binary.
  const c = ingestWith({ 'huge.md': sparse(100 * 1024 * 1024) }, ['--max-size', '200MB']);
  try {
    assertOneError(c, 'in/huge.md', /not a text report/);
    assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('10,000 nested list levels: no crash, a warning naming FILE:LINE, the report still read', () => {
  const deep = `# 2021年第12周 周报（2021-03-19）\n\n${'- '.repeat(10_000)}深层项目，进度30%\n${'> '.repeat(10_000)}引用项目，进度40%\n`;
  const c = ingestWith({ 'deep.md': deep });
  try {
    assert.is(c.r.code, 0, c.r.stderr);
    assert.not.ok(hasStack(c.r.stderr), c.r.stderr);
    assert.match(c.r.stderr, /^milestones: warning: in\/deep\.md:3: .*nested deeper than \d+/m);
    assertGoodIngested(c);
    const show = JSON.parse(cli(c.db, ['show', '2021-W12', '--json'], { cwd: c.dir }).stdout) as { items: { percent: number }[] };
    assert.equal(show.items.map((i) => i.percent).sort(), [30, 40]);
  } finally {
    c.cleanup();
  }
});

test('a 1 MB line: read in bounded time, nothing lost after it', () => {
  const long = `# 2021年第13周 周报（2021-03-26）\n\n- 长行项目，进度 55%，${'说明文字'.repeat(90_000)}\n- 尾部项目，进度 66%\n`;
  assert.ok(Buffer.byteLength(long) > 1_000_000);
  const c = ingestWith({ 'long.md': long });
  try {
    assert.is(c.r.code, 0, c.r.stderr);
    assert.not.ok(hasStack(c.r.stderr), c.r.stderr);
    assertGoodIngested(c);
    const show = JSON.parse(cli(c.db, ['show', '2021-W13', '--json'], { cwd: c.dir }).stdout) as { items: { percent: number; source: { line: number } }[] };
    assert.equal(show.items.map((i) => [i.percent, i.source.line]), [[55, 3], [66, 4]]);
  } finally {
    c.cleanup();
  }
});

test('percentages 150%, -5%, 1e400%, 99.999999999%: nothing outside 0–100 stored, a warning per FILE:LINE', () => {
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
  const c = ingestWith({ 'odd.md': text });
  try {
    assert.is(c.r.code, 0, c.r.stderr);
    for (const n of [5, 6, 7, 8]) assert.match(c.r.stderr, new RegExp(`^milestones: warning: in/odd\\.md:${n}: `, 'm'));
    assert.match(c.r.stderr, /in\/odd\.md:5: 150%/);
    assert.match(c.r.stderr, /in\/odd\.md:6: -5%/);
    assert.match(c.r.stderr, /in\/odd\.md:7: 1e400%/);
    assertGoodIngested(c);
    const all = JSON.parse(cli(c.db, ['export', '--format', 'json'], { cwd: c.dir }).stdout) as { percent: number; week: string; project: string }[];
    assert.ok(all.length > 0);
    for (const o of all) assert.ok(Number.isFinite(o.percent) && o.percent >= 0 && o.percent <= 100, `${o.project}: ${o.percent}`);
    const odd = all.filter((o) => o.week === '2021-W14').map((o) => o.percent).sort((a, b) => a - b);
    assert.equal(odd, [45, 99.9999]);
  } finally {
    c.cleanup();
  }
});

test('a folder with a symbolic link loop: reported once, the rest walked', () => {
  const c = ingestWith({ sub: (f) => mkdirSync(f), 'sub/loop': (f) => symlinkSync('..', f) });
  try {
    assertOneError(c, 'in/sub/loop', /symbolic link loop/);
    assertGoodIngested(c);
  } finally {
    c.cleanup();
  }
});

test('a vanished file (a dangling link to it): named, skipped', () => {
  // The deterministic CLI-level form. The race proper (deleted between listing and reading) is
  // covered by the reader's unit test (test/read/index.test.ts), which deletes after collectFiles.
  const c = ingestWith({ 'gone.md': (f) => symlinkSync('nowhere.md', f) });
  try {
    assertOneError(c, 'in/gone.md', /vanished file/);
    assertGoodIngested(c);
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

test('an empty folder: one clear message, exit 1, no database created', () => {
  const { dir, cleanup } = tempDir('emptydir');
  try {
    mkdirSync(path.join(dir, 'nothing'));
    const r = cli('db.json', ['ingest', 'nothing'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    assert.equal(lines(r.stderr), ['milestones: error: nothing: no report files (.md, .markdown, .txt, .html, .htm, .org, .eml, .docx, .zip) found — check the folder, or name the files directly']);
    assert.not.ok(existsSync(path.join(dir, 'db.json')));
  } finally {
    cleanup();
  }
});

// ---------------------------------------------------------------- --out and injection

/** A database holding two weeks whose names, via aliases and teams, are spreadsheet formulas and markup. */
function hostileNames(): { dir: string; db: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir('names');
  mkdirSync(path.join(dir, 'in'));
  const week = (w: number, base: number) =>
    [`# 2021年第${w}周 周报（${w === 16 ? '2021-04-16' : '2021-04-23'}）`, '', '## 【重点项目】', '', ...['甲', '乙', '丙', '丁', '戊', '己'].map((p, i) => `- ${p}工程，进度${base + i}%`), ''].join('\n');
  writeFileSync(path.join(dir, 'in', 'w16.md'), week(16, 10));
  writeFileSync(path.join(dir, 'in', 'w17.md'), week(17, 20));
  const db = 'names.json';
  const ok = (args: string[]) => {
    const r = cli(db, args, { cwd: dir });
    assert.is(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
  };
  ok(['ingest', 'in']);
  ok(['--team', '\tTab', 'ingest', 'in/w16.md']);
  ok(['--team', '\rCR', 'ingest', 'in/w17.md']);
  ok(['--team', '=cmd|" /C calc"!A0', 'ingest', 'in']);
  for (const [name, canonical] of [
    ['甲工程', '=HYPERLINK("http://x","y")'],
    ['乙工程', '+1'],
    ['丙工程', '-2'],
    ['丁工程', '@x'],
    ['戊工程', '<script>alert(1)</script>'],
    ['己工程', '<img src=x onerror=alert(2)>&amp;'],
  ]) ok(['alias', 'add', name!, canonical!]);
  return { dir, db, cleanup };
}

let names: ReturnType<typeof hostileNames> | undefined;
/** Built once for the three tests below, which only read it. */
const shared = () => (names ??= hostileNames());
test.after(() => names?.cleanup());

test('--out onto the database, its .bak or a folder: exit 2, the database byte-identical', () => {
  const h = shared();
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
        const r = cli(h.db, args, { cwd: h.dir });
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

test('CSV: cells that start with = + - @ tab or CR are inert (the =HYPERLINK regression)', () => {
  const h = shared();
  {
    const outputs: [string, string][] = [];
    for (const args of [['export', '--format', 'csv'], ['export', '--long'], ['diff', '--format', 'csv'], ['stalled', '--weeks', '1', '--format', 'csv']]) {
      const r = cli(h.db, args, { cwd: h.dir });
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

test('HTML: every piece of report text is escaped (diff and stalled pages)', () => {
  const h = shared();
  {
    for (const args of [['diff', '--format', 'html'], ['stalled', '--weeks', '1', '--format', 'html'], ['--team', '<b>t</b>', 'diff', '--format', 'html']]) {
      const r = cli(h.db, args, { cwd: h.dir });
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

// ---------------------------------------------------------------- corrupt or foreign database

const DB_REL = path.join('data', 'milestones.json');

/** A real database, then made bad by `spoil`; returns the folder (cwd) with it and a good report. */
function spoiledDb(spoil: (file: string, text: string) => void): { dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir('corrupt');
  mkdirSync(path.join(dir, 'in'));
  writeFileSync(path.join(dir, 'in', 'w10.md'), GOOD);
  writeFileSync(path.join(dir, 'in', 'w11.md'), reportText(2021, 11, 2));
  const r = cli(DB_REL, ['ingest', 'in'], { cwd: dir });
  assert.is(r.code, 0, r.stderr);
  const file = path.join(dir, DB_REL);
  const text = readFileSync(file, 'utf8');
  spoil(file, text);
  writeFileSync(`${file}.bak`, 'the generation before\n');
  return { dir, cleanup };
}

/** [what, spoil, expected detail, every command (else a reader and ingest only)] */
const CORRUPTIONS: [string, (file: string, text: string) => void, RegExp, boolean?][] = [
  ['truncated JSON', (f, t) => writeFileSync(f, t.slice(0, Math.floor(t.length / 2))), /\(JSON ends early at line \d+, column \d+: the file is truncated\)/, true],
  ['a syntax error', (f, t) => writeFileSync(f, t.replace('"aliases"', '"aliases" "')), /\(JSON error at line 3, column \d+: /, false],
  ['wrong shape', (f) => writeFileSync(f, JSON.stringify({ version: 2, aliases: {}, items: [], reports: [], retired: [] })), /\(at aliases: /, true],
  ['a foreign JSON file', (f) => writeFileSync(f, '[{"name":"not ours"}]\n'), /\(expected a JSON object with a "version" field\)/, false],
  ['a newer version', (f, t) => writeFileSync(f, t.replace(/"version": \d+/, '"version": 99')), /\(version 99 is newer than this build of milestones understands \(\d+\); upgrade milestones\)/, true],
  ['an empty file', (f) => writeFileSync(f, ''), /\(the file is empty\)/, true],
  ['a folder', (f) => {
    rmSync(f);
    mkdirSync(f);
  }, /\(it is a folder, not a file\)/, true],
];

const READ_COMMANDS = [['weeks', '--json'], ['diff'], ['show', 'latest'], ['stalled'], ['export'], ['ingest', 'in'], ['alias', 'add', 'a', 'b']];

for (const [what, spoil, detail, everyCommand] of CORRUPTIONS) {
  const commands = everyCommand ? READ_COMMANDS : [['weeks', '--json'], ['ingest', 'in']];
  test(`corrupt database (${what}): every command exits 1 with the one message; file and .bak untouched`, async () => {
    const { dir, cleanup } = spoiledDb(spoil);
    try {
      const file = path.join(dir, DB_REL);
      const isDir = statSync(file).isDirectory();
      const before = isDir ? 'dir' : sha256(file);
      const bak = sha256(`${file}.bak`);
      const results = await cliMany(DB_REL, commands, { cwd: dir });
      for (const [i, args] of commands.entries()) {
        const r = results[i]!;
        const got = lines(r.stderr);
        assert.is(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
        assert.is(got.length, 1, `${args.join(' ')}: ${r.stderr}`);
        const line = got[0]!;
        assert.ok(line.startsWith(`milestones: error: ${DB_REL}: not a valid milestones database (`), line);
        assert.ok(line.endsWith(`) — restore ${DB_REL}.bak or start a new one with --db`), line);
        assert.match(line, detail);
        assert.is(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
      }
      assert.is(isDir ? (statSync(file).isDirectory() ? 'dir' : 'changed') : sha256(file), before, 'the database file is untouched');
      assert.is(sha256(`${file}.bak`), bak, 'the .bak is untouched');
      assert.not.ok(existsSync(`${file}.lock`), 'no lock left');
    } finally {
      cleanup();
    }
  });
}

test('an older database version: read with a note, upgraded on the next write, the old file kept as .bak', () => {
  const { dir, cleanup } = tempDir('v1');
  try {
    mkdirSync(path.join(dir, 'data'));
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'w10.md'), GOOD);
    const obs = (project: string, percent: number, line: number) => ({ project, metric: null, percent, kind: 'progress', line, section: ['2021年第9周'], text: `- ${project}，进度${percent}%` });
    const v1 = {
      version: 1,
      aliases: [{ name: '旧名', canonical: '会员中台' }],
      reports: [{ id: 'aaaabbbbccccdddd', source: 'old/w09.md', team: '', week: '2021-W09', date: '2021-03-05', title: '2021年第9周', warnings: [], observations: [obs('会员中台', 12, 3), obs('旧系统下线', 50, 4)] }],
    };
    const v1Text = JSON.stringify(v1, null, 2);
    const file = path.join(dir, DB_REL);
    writeFileSync(file, v1Text);

    const weeks = cli(DB_REL, ['weeks', '--json'], { cwd: dir });
    assert.is(weeks.code, 0, weeks.stderr);
    assert.match(weeks.stderr, /^milestones: database is in format version 1; it is upgraded to version 2 on the next write$/m);
    assert.equal((JSON.parse(weeks.stdout) as { weeks: { week: string; progress: number }[] }).weeks.map((w) => [w.week, w.progress]), [['2021-W09', 2]]);
    assert.is(readFileSync(file, 'utf8'), v1Text, 'reading does not write');

    const ingest = cli(DB_REL, ['ingest', 'in'], { cwd: dir });
    assert.is(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stderr, new RegExp(`upgraded the database from version 1 to 2; the old file is kept as ${DB_REL.replace('.', '\\.')}\\.bak`));
    assert.is(readFileSync(`${file}.bak`, 'utf8'), v1Text);
    assert.is((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version, 2);
    const show = cli(DB_REL, ['show', '2021-W09', '--json'], { cwd: dir });
    assert.is(show.code, 0, show.stderr);
    assert.equal((JSON.parse(show.stdout) as { items: { project: string; percent: number }[] }).items.map((i) => [i.project, i.percent]).sort(), [['旧系统下线', 50], ['会员中台', 12]].sort());
    const again = cli(DB_REL, ['weeks'], { cwd: dir });
    assert.is(again.stderr, '', 'no note once upgraded');
  } finally {
    cleanup();
  }
});

test.run();
