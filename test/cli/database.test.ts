// The database at the command line: corrupt, foreign, older, symlinked, not a file, a sealed file with bad content — each a clear message, nothing damaged.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STRESS } from '../support/limits.js';
import { cli, hasStack, lines, reportText, run as inProcess, runMany, sha256, tempDir } from './support/cli.js';

const DB_REL = path.join('data', 'milestones.json');

const GOOD = reportText(2021, 10, 1);

/** One real database (two reports), built once and copied for every case. */
let seed: { dir: string; cleanup: () => void } | undefined;
async function seedDb(): Promise<string> {
  if (!seed) {
    seed = tempDir('dbseed');
    mkdirSync(path.join(seed.dir, 'in'));
    writeFileSync(path.join(seed.dir, 'in', 'w10.md'), GOOD);
    writeFileSync(path.join(seed.dir, 'in', 'w11.md'), reportText(2021, 11, 2));
    const r = await inProcess(DB_REL, ['ingest', 'in'], { cwd: seed.dir });
    assert.is(r.code, 0, r.stderr);
  }
  return seed.dir;
}
test.after(() => seed?.cleanup());

/** A fresh folder holding a copy of the seed database (data/milestones.json, its .d) and the reports in in/. */
async function copyOfSeed(prefix: string): Promise<{ dir: string; cleanup: () => void }> {
  const from = await seedDb();
  const t = tempDir(prefix);
  cpSync(path.join(from, 'data'), path.join(t.dir, 'data'), { recursive: true });
  cpSync(path.join(from, 'in'), path.join(t.dir, 'in'), { recursive: true });
  return t;
}


/** A real database, then made bad by `spoil`; returns the folder (cwd) with it and a good report. */
async function spoiledDb(spoil: (file: string, text: string) => void): Promise<{ dir: string; cleanup: () => void }> {
  const { dir, cleanup } = await copyOfSeed('corrupt');
  const file = path.join(dir, DB_REL);
  const text = readFileSync(file, 'utf8');
  spoil(file, text);
  writeFileSync(`${file}.bak`, 'the generation before\n');
  return { dir, cleanup };
}

/** [what, spoil, expected detail, every command (else a reader and ingest only)] */
const CORRUPTIONS: [string, (file: string, text: string) => void, RegExp, boolean?][] = [
  ['truncated JSON', (f, t) => writeFileSync(f, t.slice(0, Math.floor(t.length / 2))), /\(JSON ends early at line \d+, column \d+: the file is truncated\)/, true],
  ['a syntax error', (f, t) => writeFileSync(f, t.replace('"base"', '"base" "')), /\(JSON error at line 3, column \d+: /, false],
  ['wrong shape', (f) => writeFileSync(f, JSON.stringify({ version: 3, aliases: {}, segments: [], reports: [], retired: [] })), /\(at aliases: /, true],
  ['a foreign JSON file', (f) => writeFileSync(f, '[{"name":"not ours"}]\n'), /\(expected a JSON object with a "version" field\)/, false],
  ['a newer version', (f, t) => writeFileSync(f, t.replace(/"version": \d+/, '"version": 99')), /\(version 99 is newer than this build of milestones understands \(\d+\); upgrade milestones\)/, true],
  ['an empty file', (f) => writeFileSync(f, ''), /\(the file is empty\)/, true],
  ['a folder', (f) => {
    rmSync(f);
    mkdirSync(f);
  }, /\(it is a folder, not a file\)/, true],
];

const READ_COMMANDS = [['weeks', '--json'], ['diff'], ['show', 'latest'], ['stalled'], ['export'], ['ingest', 'in'], ['alias', 'add', 'a', 'b']];

/** `npm test` runs every command on two kinds of damage and a reader and ingest on the rest; the stress run all of them everywhere. */
const EVERY_COMMAND_SHORT = new Set(['truncated JSON', 'a folder']);

for (const [what, spoil, detail, everyCommand] of CORRUPTIONS) {
  const commands = everyCommand && (STRESS || EVERY_COMMAND_SHORT.has(what)) ? READ_COMMANDS : [['weeks', '--json'], ['ingest', 'in']];
  test(`corrupt database (${what}): every command exits 1 with the one message; file and .bak untouched`, async () => {
    const { dir, cleanup } = await spoiledDb(spoil);
    try {
      const file = path.join(dir, DB_REL);
      const isDir = statSync(file).isDirectory();
      const before = isDir ? 'dir' : sha256(file);
      const bak = sha256(`${file}.bak`);
      const results = await runMany(DB_REL, commands, { cwd: dir });
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

test('an older database version: read with a note, upgraded on the next write, the old file kept as .bak', async () => {
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

    const weeks = await inProcess(DB_REL, ['weeks', '--json'], { cwd: dir });
    assert.is(weeks.code, 0, weeks.stderr);
    assert.match(weeks.stderr, /^milestones: database is in format version 1; it is upgraded to version 4 on the next write$/m);
    assert.equal((JSON.parse(weeks.stdout) as { weeks: { week: string; progress: number }[] }).weeks.map((w) => [w.week, w.progress]), [['2021-W09', 2]]);
    assert.is(readFileSync(file, 'utf8'), v1Text, 'reading does not write');

    const ingest = await inProcess(DB_REL, ['ingest', 'in'], { cwd: dir });
    assert.is(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stderr, new RegExp(`upgraded the database from version 1 to 4; the old file is kept as ${DB_REL.replace('.', '\\.')}\\.bak`));
    assert.is(readFileSync(`${file}.bak`, 'utf8'), v1Text);
    assert.is((JSON.parse(readFileSync(file, 'utf8')) as { version: number }).version, 4);
    const show = await inProcess(DB_REL, ['show', '2021-W09', '--json'], { cwd: dir });
    assert.is(show.code, 0, show.stderr);
    assert.equal((JSON.parse(show.stdout) as { items: { project: string; percent: number }[] }).items.map((i) => [i.project, i.percent]).sort(), [['旧系统下线', 50], ['会员中台', 12]].sort());
    const again = await inProcess(DB_REL, ['weeks'], { cwd: dir });
    assert.is(again.stderr, '', 'no note once upgraded');
  } finally {
    cleanup();
  }
});


// ---------------------------------------------------------------- a database reached through a link, or not a file

test('a symlinked --db is written through to its target: the link stays a link, .bak and evidence sit beside the target', async () => {
  const { dir, cleanup } = await copyOfSeed('dblink');
  try {
    symlinkSync(DB_REL, path.join(dir, 'link.json'));
    writeFileSync(path.join(dir, 'in', 'w12.md'), reportText(2021, 12, 3));
    const r = await inProcess('link.json', ['ingest', 'in/w12.md'], { cwd: dir });
    assert.is(r.code, 0, r.stderr);
    assert.ok(lstatSync(path.join(dir, 'link.json')).isSymbolicLink(), 'still a link');
    assert.not.ok(existsSync(path.join(dir, 'link.json.d')) || existsSync(path.join(dir, 'link.json.bak')) || existsSync(path.join(dir, 'link.json.lock')), 'nothing beside the link');
    for (const db of ['link.json', DB_REL]) {
      const show = await inProcess(db, ['show', '2021-W12', '--json'], { cwd: dir });
      assert.is(show.code, 0, `${db}: ${show.stderr}`);
      assert.ok((JSON.parse(show.stdout) as { items: unknown[] }).items.length > 0, `${db}: the evidence is found`);
      const weeks = JSON.parse((await inProcess(db, ['weeks', '--json'], { cwd: dir })).stdout) as { weeks: { week: string }[] };
      assert.equal(weeks.weeks.map((w) => w.week), ['2021-W10', '2021-W11', '2021-W12'], db);
    }
    assert.ok(existsSync(path.join(dir, `${DB_REL}.bak`)), 'the .bak is beside the target');
  } finally {
    cleanup();
  }
});

test('a symlinked --db whose target is missing: refused with the target named, nothing created', async () => {
  const { dir, cleanup } = tempDir('dangling');
  try {
    writeFileSync(path.join(dir, 'w10.md'), GOOD);
    symlinkSync('nowhere/db.json', path.join(dir, 'link.json'));
    for (const args of [['ingest', 'w10.md'], ['weeks']]) {
      const r = await inProcess('link.json', args, { cwd: dir });
      assert.is(r.code, 1, r.stderr);
      assert.equal(lines(r.stderr), ['milestones: error: link.json: --db is a symbolic link to nowhere/db.json, which does not exist — point the link at an existing database, or give --db the path where the database should be']);
    }
    assert.equal(readdirSync(dir).sort(), ['link.json', 'w10.md']);
  } finally {
    cleanup();
  }
});

test('--db that is a FIFO or /dev/zero: refused at once (no hang, no RangeError), for readers and ingest', async () => {
  const { dir, cleanup } = tempDir('dbfifo');
  try {
    writeFileSync(path.join(dir, 'w10.md'), GOOD);
    assert.is(spawnSync('mkfifo', [path.join(dir, 'db.fifo')]).status, 0, 'mkfifo works here');
    for (const [db, kind] of [['db.fifo', 'a FIFO'], ['/dev/zero', 'a character device']] as const) {
      for (const args of [['weeks'], ['ingest', 'w10.md'], ['alias', 'add', 'a', 'b']]) {
        const r = cli(db, args, { cwd: dir, timeoutMs: 20_000 });
        assert.is(r.signal, null, `${db} ${args[0]}: blocked`);
        assert.is(r.code, 1, r.stderr);
        assert.equal(lines(r.stderr), [`milestones: error: ${db}: not a regular file (${kind}) — --db must name a JSON database file`]);
      }
    }
    assert.equal(readdirSync(dir).sort(), ['db.fifo', 'w10.md'], 'no lock, no evidence folder');
  } finally {
    cleanup();
  }
});

test('<db>.d existing as a file: a clear message (no EEXIST), the file and the database untouched', async () => {
  const { dir, cleanup } = await copyOfSeed('dfile');
  try {
    const file = path.join(dir, DB_REL);
    rmSync(`${file}.d`, { recursive: true });
    writeFileSync(`${file}.d`, 'not a folder');
    const before = sha256(file);
    writeFileSync(path.join(dir, 'in', 'w12.md'), reportText(2021, 12, 3));
    for (const args of [['ingest', 'in/w12.md'], ['alias', 'add', 'a', 'b']]) {
      const r = await inProcess(DB_REL, args, { cwd: dir });
      assert.is(r.code, 1, r.stderr);
      assert.not.ok(hasStack(r.stderr), r.stderr);
      assert.match(r.stderr, new RegExp(`^milestones: error: ${DB_REL}: ${DB_REL}\\.d exists but is not a folder — ${DB_REL}\\.d is where the database keeps its segment and evidence files; move that file away and run it again$`, 'm'));
    }
    assert.is(readFileSync(`${file}.d`, 'utf8'), 'not a folder');
    assert.is(sha256(file), before);
    assert.not.ok(existsSync(`${file}.lock`));
  } finally {
    cleanup();
  }
});

/** Re-seals a main file as the store does (sha256 of the text before the seal): a valid seal over bad content. */
function reseal(text: string): string {
  const body = text.replace(/,\n "seal": "[0-9a-f]{64}"\n\}\n$/, '');
  return `${body},\n "seal": "${createHash('sha256').update(body).digest('hex')}"\n}\n`;
}

test('a manifest whose seal is valid over bad content: every command refuses it (no TypeError), ingest does not re-seal it', async () => {
  const { dir, cleanup } = await copyOfSeed('sealed');
  try {
    const file = path.join(dir, DB_REL);
    const text = readFileSync(file, 'utf8');
    // The first report of the base points at a segment the base does not list; the base is sealed again and
    // stored under the name its new seal gives, and the manifest (sealed again too) names it.
    const pointer = JSON.parse(text) as { base: string };
    const badBase = reseal(readFileSync(path.join(`${file}.d`, pointer.base), 'utf8').replace(/"seg":"w-/, '"seg":"x-'));
    const name = `m-${/"seal": "([0-9a-f]{16})/.exec(badBase)![1]}.json`;
    writeFileSync(path.join(`${file}.d`, name), badBase);
    const bad = reseal(text.replace(pointer.base, name));
    assert.not.equal(bad, text);
    writeFileSync(file, bad);
    const commands = [['stalled'], ['history', '仓储'], ['export', '--format', 'json'], ['diff'], ['ingest', 'in']];
    const results = await runMany(DB_REL, commands, { cwd: dir });
    for (const [i, args] of commands.entries()) {
      const r = results[i]!;
      assert.is(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.not.ok(hasStack(r.stderr), r.stderr);
      assert.equal(lines(r.stderr), [`milestones: error: ${DB_REL}: not a valid milestones database (its base ${name}: at reports[0].seg: expected the name of a listed segment) — restore ${DB_REL}.bak or start a new one with --db`], args.join(' '));
    }
    assert.is(readFileSync(file, 'utf8'), bad, 'not re-sealed or rewritten');
  } finally {
    cleanup();
  }
});

test.run();
