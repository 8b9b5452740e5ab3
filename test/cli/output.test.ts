// The one output layer through the CLI: every read command takes --format/--json/--out, --out is safe and atomic, talk goes to stderr.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, run as inProcess, cliEnv, hasStack, lines, root, sha256, tempDir } from './support/cli.js';

/** The samples ingested once into a scratch folder; tests that write use files of their own beside it. */
const { dir, cleanup } = tempDir('output');
cpSync(path.join(root, 'data', 'samples'), path.join(dir, 'samples'), { recursive: true });
const DB = 'db.json';
const run = (...args: string[]) => inProcess(DB, args, { cwd: dir });
const ingested = await run('ingest', 'samples');
assert.is(ingested.code, 0, ingested.stderr);
const dbFile = path.join(dir, DB);

const READ_COMMANDS: string[][] = [
  ['weeks'],
  ['show', 'latest'],
  ['diff'],
  ['stalled'],
  ['history', '运单轨迹'],
  ['export'],
  ['check', 'samples/第02周 2026-01-09.md'],
  ['alias', 'list'],
  ['alias', 'suggest'],
];

test('every read command takes --format (json, csv, md, html in turn; every pair is rendered in test/render) and --json', async () => {
  const formats = ['csv', 'md', 'html', 'json'];
  for (const [i, cmd] of READ_COMMANDS.entries()) {
    const format = formats[i % formats.length]!;
    const r = await run(...cmd, '--format', format);
    assert.is(r.code, 0, `${cmd.join(' ')} --format ${format}: ${r.stderr}`);
    assert.ok(r.stdout.length > 0, `${cmd.join(' ')} --format ${format}: output`);
    if (format === 'json') JSON.parse(r.stdout);
    if (format === 'csv') assert.ok(r.stdout.startsWith('\uFEFF'), `${cmd.join(' ')}: CSV with BOM`);
    if (format === 'html') assert.ok(r.stdout.startsWith('<!doctype html>'), `${cmd.join(' ')}: a page`);
    if (format === 'md') assert.match(r.stdout, /^\| .* \|$/m, `${cmd.join(' ')}: a Markdown table`);
  }
  assert.equal(JSON.parse((await run('alias', 'list', '--json')).stdout), { aliases: [] });
});

test('an unknown format or --out extension is a usage error listing the choices', async () => {
  const bad = await run('weeks', '--format', 'pdf');
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'unknown format "pdf" — known formats: text, json, csv, md, html');
  const ext = await run('stalled', '--out', 'stalled.pdf');
  assert.is(ext.code, 2);
  assert.match(ext.stderr, /--out stalled\.pdf: no format for the extension \.pdf — name the file \*\.txt, \*\.json, \*\.csv, \*\.md/);
  assert.not.ok(existsSync(path.join(dir, 'stalled.pdf')));
  assert.not.ok(hasStack(bad.stderr + ext.stderr));
});

test('--out: the format follows the extension; stdout stays empty; stderr says what was written; --quiet silences it', async () => {
  for (const [file, check] of [
    ['out/diff.csv', (s: string) => s.startsWith('\uFEFFteam,project,metric,kind,from,to,delta,status,note,due,slipping\r\n')],
    ['out/diff.json', (s: string) => JSON.parse(s).from === '2026-W02'],
    ['out/diff.md', (s: string) => s.startsWith('## 2026-W02 → 2026-W03\n')],
    ['out/diff.html', (s: string) => s.startsWith('<!doctype html>')],
    ['out/diff.txt', (s: string) => s.startsWith('2026-W02 → 2026-W03\n')],
  ] as const) {
    const r = await run('diff', '--out', file);
    assert.is(r.code, 0, r.stderr);
    assert.is(r.stdout, '');
    assert.ok(check(readFileSync(path.join(dir, file), 'utf8')), file);
    assert.match(r.stderr, new RegExp(`^milestones: wrote ${file.replace('.', '\\.')} \\(\\d+ (rows, \\d+ columns|items)\\)\\n$`));
  }
  // 17 rows: the samples' latest diff (a resumed item and a lower-is-better KPI among them); 11 columns with the status note, due date and slipping.
  assert.is((await run('diff', '--out', 'out/diff.csv')).stderr, 'milestones: wrote out/diff.csv (17 rows, 11 columns)\n');
  const quiet = await run('--quiet', 'diff', '--out', 'out/q.csv');
  assert.is(quiet.code, 0);
  assert.is(quiet.stderr, '');
  assert.ok(existsSync(path.join(dir, 'out/q.csv')));
  // No temp file is left beside the outputs.
  assert.equal(readdirSync(path.join(dir, 'out')).filter((f) => f.endsWith('.tmp')), []);
});

test('--out - is stdout: no file named "-"', async () => {
  const r = await run('export', '--format', 'csv', '--out', '-');
  assert.is(r.code, 0, r.stderr);
  assert.ok(r.stdout.startsWith('\uFEFFteam,project'));
  assert.is(r.stderr, '');
  assert.not.ok(existsSync(path.join(dir, '-')));
});

test('export --format html and md are pages of the same matrix; weeks --format csv is a table', async () => {
  const html = await run('export', '--format', 'html');
  assert.is(html.code, 0, html.stderr);
  assert.match(html.stdout, '<th class="num">2026-W03</th>');
  const weeks = (await run('weeks', '--format', 'csv')).stdout.slice(1).split('\r\n');
  assert.is(weeks[0], 'week,date,team,source,progress,kpi');
  assert.is(weeks.filter((l) => l !== '').length, 10);
});

test('stalled prints each item once, and no sentence contradicting history', async () => {
  const out = (await run('stalled')).stdout;
  assert.is(out.split('电子面单接入').length - 1, 1, out);
  assert.not.match(out, /72% since/);
  assert.match(out, /电子面单接入\s+[▁▂▃▄▅▆▇█ ]+\s+72\s+3\s+4\s+2025-W52\s+2026-W03/);
});

test('export --from/--to in either order: swapped with a note, like diff', async () => {
  const forward = await run('export', '--from', 'W46', '--to', 'W03');
  const backward = await run('export', '--from', 'W03', '--to', 'W46');
  assert.is(backward.code, 0, backward.stderr);
  assert.is(backward.stdout, forward.stdout);
  assert.match(backward.stderr, 'milestones: 2026-W03 is later than 2025-W46; using 2025-W46 → 2026-W03');
  const diff = await run('diff', 'W03', 'W02');
  assert.match(diff.stderr, 'milestones: 2026-W03 is later than 2026-W02; using 2026-W02 → 2026-W03');
  assert.is(diff.stdout, (await run('diff', 'W02', 'W03')).stdout);
});

// ---------------------------------------------------------------- --out never reaches the database

test('--out through a symlinked folder, a symlink or a hard link to the database: refused, the database byte-identical', async () => {
  const before = sha256(dbFile);
  writeFileSync(`${dbFile}.bak`, 'previous generation');
  symlinkSync('.', path.join(dir, 'same'));
  symlinkSync(DB, path.join(dir, 'link.csv'));
  symlinkSync(`${DB}.bak`, path.join(dir, 'bak-link.csv'));
  linkSync(dbFile, path.join(dir, 'hard.csv'));
  const evidence = readdirSync(`${dbFile}.d`)[0]!;
  const outs = ['same/db.json', 'same/same/db.json.bak', 'link.csv', 'bak-link.csv', 'hard.csv', `same/db.json.d/${evidence}`, 'same/db.json.lock'];
  for (const [i, out] of outs.entries()) {
    const args = i % 2 ? ['export', '--format', 'csv', '--out', out] : ['diff', '--format', 'csv', '--out', out];
    const r = await run(...args);
    assert.is(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /refusing to overwrite the database with --out .* — choose another file name/);
    assert.is(lines(r.stderr).length, 1, r.stderr);
  }
  assert.is(sha256(dbFile), before, 'database untouched');
  assert.is(readFileSync(`${dbFile}.bak`, 'utf8'), 'previous generation');
  assert.not.ok(existsSync(`${dbFile}.lock`));
  // A symlink to an ordinary file is written through, as a shell redirection would.
  writeFileSync(path.join(dir, 'real.csv'), 'old');
  symlinkSync('real.csv', path.join(dir, 'to-real.csv'));
  assert.is((await run('weeks', '--out', 'to-real.csv')).code, 0);
  assert.match(readFileSync(path.join(dir, 'real.csv'), 'utf8'), /^\uFEFFweek,date/);
});

test('--out that cannot be written completely leaves the old file and no temp file (file size limit)', async () => {
  const target = path.join(dir, 'limited.csv');
  writeFileSync(target, 'the old export');
  // `ulimit -f 1` caps files at 1 KiB; with SIGXFSZ ignored, a longer write fails with EFBIG.
  const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 1; exec "$0" "$@"`, process.execPath, bin, '--db', DB, 'export', '--long', '--out', 'limited.csv'], {
    cwd: dir,
    encoding: 'utf8',
    env: cliEnv(),
  });
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stderr, /^milestones: error: limited\.csv: cannot write: the file is larger than the system allows — /);
  assert.not.ok(hasStack(r.stderr));
  assert.is(readFileSync(target, 'utf8'), 'the old export');
  assert.equal(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
});

test('--out on a full disk: a clear message, the old file kept, no temp file (a 64 KiB tmpfs)', async () => {
  const mnt = path.join(dir, 'small');
  mkdirSync(mnt);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt], { encoding: 'utf8' });
  if (mount.status !== 0) {
    // Not root, or no tmpfs here: the file size limit test above covers the same clean-up path.
    console.log(`  (disk-full case not run: cannot mount a tmpfs: ${(mount.stderr || mount.error?.message || '').trim()})`);
    return;
  }
  try {
    writeFileSync(path.join(mnt, 'export.csv'), 'the old export');
    writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(40 * 1024));
    const r = await run('export', '--long', '--out', path.join(mnt, 'export.csv'));
    assert.is(r.code, 1, r.stderr);
    assert.match(r.stderr, /cannot write: no space left on the device — free some space, or write elsewhere; nothing was written/);
    assert.not.ok(hasStack(r.stderr));
    assert.is(readFileSync(path.join(mnt, 'export.csv'), 'utf8'), 'the old export');
    assert.equal(readdirSync(mnt).sort(), ['export.csv', 'filler']);
  } finally {
    spawnSync('umount', [mnt]);
  }
});

// ---------------------------------------------------------------- what reaches a terminal

test('control characters in file names and team names are shown escaped; a newline cannot forge a line', async () => {
  const { dir: d, cleanup: done } = tempDir('controls');
  try {
    const evilName = 'w1\u001b[2J\nadded     2099-W01  fake.md  (99 progress, 0 kpi)\u202e.md';
    writeFileSync(path.join(d, evilName), '# 2024年第10周 周报（2024-03-08）\n\n## 进展\n\n- 结算\u200b中心，进度40%\n');
    const team = 'T\u001b]0;owned\u0007';
    const r = await inProcess('x.json', ['--team', team, 'ingest', '.'], { cwd: d });
    assert.is(r.code, 0, r.stderr);
    for (const out of [r.stdout, (await inProcess('x.json', ['weeks'], { cwd: d })).stdout, (await inProcess('x.json', ['show', 'latest'], { cwd: d })).stdout]) {
      assert.not.match(out, /[\u0007\u001b\u202e\u200b]/, out);
      assert.not.match(out, /^added\s+2099-W01/m, out);
      assert.match(out, 'w1\\x1b[2J\\nadded     2099-W01  fake.md  (99 progress, 0 kpi)\\u202e.md');
    }
    assert.match((await inProcess('x.json', ['weeks'], { cwd: d })).stdout, 'T\\x1b]0;owned\\x07');
    // JSON keeps the exact value, written inertly.
    const json = (await inProcess('x.json', ['weeks', '--json'], { cwd: d })).stdout;
    assert.not.match(json, /[\u0007\u001b\u202e]/);
    assert.is((JSON.parse(json) as { weeks: { source: string; team: string }[] }).weeks[0]!.team, team);
    // Errors naming such a file are escaped too.
    const missing = await inProcess('x.json', ['check', 'gone\u001b[31m.md'], { cwd: d });
    assert.match(missing.stderr, 'gone\\x1b[31m.md');
    assert.not.match(missing.stderr, /\u001b/);
  } finally {
    done();
  }
});

test('full-width formula prefixes are neutralised in CSV', async () => {
  const { dir: d, cleanup: done } = tempDir('fullwidth');
  try {
    writeFileSync(
      path.join(d, 'w.md'),
      "# 2024年第10周 周报（2024-03-08）\n\n## 进展\n\n- ＝cmd|' /C calc'!A0，进度40%\n- ＋号工程，进度20%\n- ＠SUM项目，进度30%\n",
    );
    assert.is((await inProcess('x.json', ['ingest', 'w.md'], { cwd: d })).code, 0);
    const csv = (await inProcess('x.json', ['export', '--long'], { cwd: d })).stdout;
    const rows = csv.slice(1).split('\r\n').slice(1, -1);
    assert.is(rows.length, 3);
    // The source line of each is a text cell starting with a full-width formula sign.
    for (const row of rows) assert.match(row, /,"?'[＝＋＠][^,]*$/, row);
    assert.match(csv, /,'＋号工程,/);
    assert.match(csv, /,'＠SUM项目,/);
  } finally {
    done();
  }
});

test.after(cleanup);
test.run();
