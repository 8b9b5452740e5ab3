// The markers of generations that passed the full check (store/checked.ts): a query checks a generation once; a changed or resealed text is still refused.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/model/errors.js';
import { checkpointName, readCheckpoint, writeCheckpoints } from '../../src/store/checkpoints.js';
import { openStore } from '../../src/store/index.js';
import { synthReport } from './synth.js';

const dirs: string[] = [];
function tmpDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'milestones-checked-'));
  dirs.push(dir);
  return path.join(dir, 'milestones.json');
}
test.after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const markers = (db: string) => (fs.existsSync(`${db}.idx`) ? fs.readdirSync(`${db}.idx`).filter((n) => n.startsWith('checked-')) : []);
const baseFile = (db: string) => path.join(`${db}.d`, (JSON.parse(fs.readFileSync(db, 'utf8')) as { base: string }).base);

/** Two teams, three weeks, one commit a week: a base and journal records after it. */
async function filled(): Promise<string> {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  for (let w = 1; w <= 3; w++) await store.transact((tx) => [tx.putReport(synthReport(1, w)), tx.putReport(synthReport(2, w))]);
  assert.ok((JSON.parse(fs.readFileSync(db, 'utf8')) as { journal: string[] }).journal.length > 0, 'journal records follow the base');
  return db;
}

async function refused(db: string): Promise<string> {
  try {
    await openStore(db);
  } catch (err) {
    assert.instance(err, InputError);
    return (err as InputError).format();
  }
  throw new Error('expected the database to be refused');
}

/** Re-seals a base as the store does and stores it under the name its new seal gives; the manifest names it. */
function resealBase(db: string, edit: (text: string) => string): string {
  const text = edit(fs.readFileSync(baseFile(db), 'utf8'));
  const body = text.replace(/,\n "seal": "[0-9a-f]{64}"\n\}\n$/, '');
  const seal = createHash('sha256').update(body).digest('hex');
  const name = `m-${seal.slice(0, 16)}.json`;
  fs.writeFileSync(path.join(`${db}.d`, name), `${body},\n "seal": "${seal}"\n}\n`);
  const pointer = JSON.parse(fs.readFileSync(db, 'utf8')) as { base: string };
  const ptext = fs.readFileSync(db, 'utf8').replace(pointer.base, name);
  const pbody = ptext.replace(/,\n "seal": "[0-9a-f]{64}"\n\}\n$/, '');
  fs.writeFileSync(db, `${pbody},\n "seal": "${createHash('sha256').update(pbody).digest('hex')}"\n}\n`);
  return name;
}

test('the first open of a generation leaves one marker; the next opens read the same reports through it; a new commit is a new generation', async () => {
  const db = await filled();
  const first = await openStore(db);
  const seen = markers(db);
  assert.is(seen.length, 1, `one marker: ${seen.join(' ')}`);
  const again = await openStore(db);
  assert.equal(again.headers(), first.headers());
  assert.equal(again.measures(), first.measures());
  assert.equal(markers(db), seen, 'no new marker for the same generation');
  await again.transact((tx) => tx.putReport(synthReport(30, 4)));
  const after = await openStore(db);
  assert.is(after.headers().length, first.headers().length + 1);
  assert.is(markers(db).length, 2, 'the new generation was checked and marked');
});

test('a base changed by hand after it was marked fails its seal and is named as damaged (the marker does not vouch for other text)', async () => {
  const db = await filled();
  await openStore(db);
  assert.is(markers(db).length, 1);
  const file = baseFile(db);
  const text = fs.readFileSync(file, 'utf8');
  // Same length, still valid JSON and valid fields: only the seal can tell.
  const changed = text.replace(/"team":"([^"]*)"/, (_m, t: string) => `"team":"${t === 'x' ? 'y' : 'x'}"`);
  assert.not.equal(changed, text);
  fs.writeFileSync(file, changed);
  assert.match(await refused(db), /its base m-[0-9a-f]{16}\.json is damaged or not this database's \(its seal does not match\)/);
});

test('bad content sealed again is a new generation: no marker applies, and the full check names the field (markers of the good generation present)', async () => {
  const db = await filled();
  await openStore(db);
  assert.is(markers(db).length, 1);
  const name = resealBase(db, (t) => t.replace(/"seg":"w-/, '"seg":"x-'));
  const msg = await refused(db);
  assert.match(msg, `its base ${name}: at reports[0].seg: expected the name of a listed segment`);
  assert.is(markers(db).length, 1, 'nothing marked for the refused generation');
});

test('a checkpoint folder that cannot be written: every open checks in full and still reads the database', async () => {
  const db = await filled();
  fs.writeFileSync(`${db}.idx`, 'not a folder');
  const a = await openStore(db);
  const b = await openStore(db);
  assert.equal(b.headers(), a.headers());
  assert.is(a.headers().length, 6);
  assert.is(fs.readFileSync(`${db}.idx`, 'utf8'), 'not a folder');
});

test('temp files of checkpoint writers killed before their rename are cleared by the next writer; a fresh one (a live writer) is kept', () => {
  const db = tmpDb();
  const dir = `${db}.idx`;
  fs.mkdirSync(dir, { recursive: true });
  const old = path.join(dir, `${checkpointName('团队1', '2031-W05')}.0123456789ab.tmp`);
  const fresh = path.join(dir, `${checkpointName('团队2', '2031-W05')}.ba9876543210.tmp`);
  fs.writeFileSync(old, '{ "team": "团队1", "we');
  fs.writeFileSync(fresh, '{ "team": "团队2", "we');
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(old, hourAgo, hourAgo);
  assert.ok(writeCheckpoints(dir, [{ team: '团队3', week: '2031-W06', key: 'k', value: { n: 1 } }], []));
  assert.not.ok(fs.existsSync(old), 'the crashed writer’s temp file is gone');
  assert.ok(fs.existsSync(fresh), 'a temp file younger than STALE_TEMP_MS is kept');
  assert.equal(readCheckpoint(dir, '团队3', '2031-W06', 'k'), { n: 1 });
  assert.equal(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), [path.basename(fresh)]);
});

test.run();
