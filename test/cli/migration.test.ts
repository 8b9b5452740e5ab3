// The version 2 database written by the release before the layout change (test/fixtures/store/v2-db) opens,
// prints what that release printed, upgrades on the first save, prints the same after, and its .bak goes back.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { root, run as inProcess, tempDir } from './support/cli.js';

const FIXTURE = path.join(root, 'test/fixtures/store/v2-db');
const EXPECTED = path.join(root, 'test/fixtures/store/v2-expected');

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
    for (const stderr of await printsAsBefore(db, 'version 2')) assert.match(stderr, /database is in format version 2; it is upgraded to version 3 .* on the next write/);
    assert.equal(snapshot(dir), original, 'reading writes nothing');

    // The first command that saves (an alias already there: nothing else changes) writes the new layout.
    const r = await inProcess(db, ['alias', 'add', '会员日专题页', '会员日活动页']);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`upgraded the database from version 2 to 3; the old file is kept as ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.bak`));
    const manifest = JSON.parse(fs.readFileSync(db, 'utf8'));
    assert.is(manifest.version, 3);
    assert.not.ok('items' in manifest, 'no figures in the manifest');
    assert.ok(manifest.reports.every((x: Record<string, unknown>) => !('m' in x) && typeof x.seg === 'string'));
    assert.equal(manifest.segments.map((s: [string, string, number]) => [s[1], s[2]]), [['2025-W18', 1], ['2025-W19', 2], ['2025-W20', 2]], 'one segment per week');
    assert.is(fs.readFileSync(`${db}.bak`, 'latin1'), original.get('milestones.json'), 'the version 2 file is the .bak');
    const after = snapshot(dir);
    for (const [name, bytes] of original) if (name.startsWith('milestones.json.d')) assert.is(after.get(name), bytes, `evidence ${name} is kept as it was`);
    for (const s of manifest.segments) assert.ok(after.has(path.join('milestones.json.d', s[0])), `segment ${s[0]} written`);

    // The upgraded database prints the same, with no note.
    for (const stderr of await printsAsBefore(db, 'version 3')) assert.is(stderr, '');

    // Going back one commit: the .bak (the version 2 file) still has everything it needs.
    fs.copyFileSync(`${db}.bak`, db);
    await printsAsBefore(db, 'restored .bak');
  } finally {
    cleanup();
  }
});

test.run();
