// The version 2 database written by the release before the layout change (test/fixtures/store/v2-db), and the
// version 3 database written by the release before the journal (test/fixtures/store/v3-db), open, print what their
// release printed, upgrade on the first save, print the same after, and their .bak goes back.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root, run as inProcess, tempDir } from './support/cli.js';
import { parseManifest } from '../../src/store/manifest.js';

const FIXTURE = path.join(root, 'test/fixtures/store/v2-db');
let EXPECTED = path.join(root, 'test/fixtures/store/v2-expected');

/** Each command the fixture recorded, with the file holding what the old release printed. */
const COMMANDS: [string[], string][] = [
  [['diff'], 'diff.txt'],
  [['show', '2025-W20', '--json'], 'show.json'],
  [['weeks', '--json'], 'weeks.json'],
  [['history', '运单轨迹服务重构', '--json'], 'history.json'],
  [['export', '--format', 'csv'], 'export.csv'],
  [['stalled', '--json'], 'stalled.json'],
];

/** Every file of a folder (recursively) with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isFile()) out.set(name, fs.readFileSync(p, 'latin1'));
  }
  return out;
}

async function printsAsBefore(db: string, when: string): Promise<string[]> {
  const notes: string[] = [];
  for (const [args, file] of COMMANDS) {
    const r = await inProcess(db, args);
    assert.is(r.code, 0, `${when}: ${args.join(' ')}: ${r.stderr}`);
    assert.is(r.stdout, fs.readFileSync(path.join(EXPECTED, file), 'utf8'), `${when}: ${args.join(' ')} prints what the version 2 release printed`);
    notes.push(r.stderr);
  }
  return notes;
}

test('a version 2 database: read as it is, upgraded by the first save, the same output before and after, and .bak goes back', async () => {
  const { dir, cleanup } = tempDir('milestones-migration-');
  try {
    fs.cpSync(FIXTURE, dir, { recursive: true });
    const db = path.join(dir, 'milestones.json');
    const original = snapshot(dir);
    assert.is(JSON.parse(original.get('milestones.json')!).version, 2);

    // Read-only commands read it in memory, say it will be upgraded, and write nothing.
    EXPECTED = path.join(root, 'test/fixtures/store/v2-expected');
    for (const stderr of await printsAsBefore(db, 'version 2')) assert.match(stderr, /database is in format version 2; it is upgraded to version 4 .* on the next write/);
    assert.equal(snapshot(dir), original, 'reading writes nothing');

    // The first command that saves (an alias already there: nothing else changes) writes the new layout.
    const r = await inProcess(db, ['alias', 'add', '会员日专题页', '会员日活动页']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`upgraded the database from version 2 to 4; the old file is kept as ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.bak`));
    const pointer = JSON.parse(fs.readFileSync(db, 'utf8'));
    assert.is(pointer.version, 4);
    assert.equal(pointer.journal, [], 'a first save in this layout writes a base');
    const manifest = parseManifest(fs.readFileSync(db, 'utf8'), db, `${db}.d`).manifest;
    assert.not.ok('items' in manifest, 'no figures in the manifest');
    assert.ok(manifest.reports.every((x) => !('m' in x) && typeof x.seg === 'string'));
    assert.equal(manifest.segments.map((s) => [s[1], s[2]]), [['2025-W18', 1], ['2025-W19', 2], ['2025-W20', 2]], 'one segment per week');
    assert.is(fs.readFileSync(`${db}.bak`, 'latin1'), original.get('milestones.json'), 'the version 2 file is the .bak');
    const after = snapshot(dir);
    for (const [name, bytes] of original) if (name.startsWith('milestones.json.d')) assert.is(after.get(name), bytes, `evidence ${name} is kept as it was`);
    for (const s of manifest.segments) assert.ok(after.has(path.join('milestones.json.d', s[0])), `segment ${s[0]} written`);

    // The upgraded database prints the same, with no note.
    for (const stderr of await printsAsBefore(db, 'version 4')) assert.is(stderr, '');

    // Going back one commit: the .bak (the version 2 file) still has everything it needs.
    fs.copyFileSync(`${db}.bak`, db);
    await printsAsBefore(db, 'restored .bak');
  } finally {
    cleanup();
  }
});

test('a version 3 database (the whole manifest in one file): read as it is, upgraded by the first save to a base, journal records after, and .bak goes back', async () => {
  const { dir, cleanup } = tempDir('milestones-migration-');
  try {
    fs.cpSync(path.join(root, 'test/fixtures/store/v3-db'), dir, { recursive: true });
    EXPECTED = path.join(root, 'test/fixtures/store/v3-expected');
    const db = path.join(dir, 'milestones.json');
    const original = snapshot(dir);
    const v3 = JSON.parse(original.get('milestones.json')!) as { version: number; reports: unknown[]; segments: [string][] };
    assert.is(v3.version, 3);

    // Version 3 is read natively: no note, nothing written.
    for (const stderr of await printsAsBefore(db, 'version 3')) assert.is(stderr, '');
    assert.equal(snapshot(dir), original, 'reading writes nothing');

    // The first save writes a base with everything the version 3 file held, and a small manifest naming it.
    const r = await inProcess(db, ['alias', 'add', '会员日专题页', '会员日活动页']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stderr, /upgraded the database from version 3 to 4; the old file is kept as .*milestones\.json\.bak/);
    const pointer = JSON.parse(fs.readFileSync(db, 'utf8')) as { version: number; base: string; journal: string[] };
    assert.is(pointer.version, 4);
    assert.equal(pointer.journal, []);
    const base = JSON.parse(fs.readFileSync(path.join(`${db}.d`, pointer.base), 'utf8')) as { reports: unknown[]; segments: unknown[] };
    assert.is(base.reports.length, v3.reports.length);
    assert.equal(base.segments, v3.segments, 'the same segments: no figure is rewritten');
    assert.is(fs.readFileSync(`${db}.bak`, 'latin1'), original.get('milestones.json'), 'the version 3 file is the .bak');
    const after = snapshot(dir);
    for (const [name, bytes] of original) if (name.startsWith('milestones.json.d')) assert.is(after.get(name), bytes, `${name} is kept as it was`);
    for (const stderr of await printsAsBefore(db, 'version 4')) assert.is(stderr, '');

    // Going back one commit: the .bak (the version 3 file) still has everything it needs.
    fs.copyFileSync(`${db}.bak`, db);
    await printsAsBefore(db, 'restored .bak');

    // Upgraded again, then a save that appends a journal record; its .bak goes back to the base alone.
    assert.is((await inProcess(db, ['alias', 'add', '会员日专题页', '会员日活动页'])).code, 0);
    const reports = path.join(dir, 'reports');
    fs.cpSync(path.join(root, 'test/fixtures/store/v2-reports'), reports, { recursive: true });
    const ingest = await inProcess(db, ['ingest', '--team-from-folder', reports]);
    assert.is(ingest.code, 0, ingest.stderr);
    const appended = JSON.parse(fs.readFileSync(db, 'utf8')) as { base: string; journal: string[] };
    assert.is(appended.base, pointer.base, 'the base is not rewritten');
    assert.is(appended.journal.length, 1, 'one journal record for the commit');
    const bak = JSON.parse(fs.readFileSync(`${db}.bak`, 'utf8')) as { base: string; journal: string[] };
    assert.equal([bak.base, bak.journal], [pointer.base, []]);
    fs.copyFileSync(`${db}.bak`, db);
    await printsAsBefore(db, 'restored .bak after an appended record');
  } finally {
    cleanup();
  }
});

test.run();
