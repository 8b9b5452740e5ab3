// Unit tests of the store: put rules, aliases, compact round trip, filters, migration, corrupt files, .bak, evidence.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/model/errors.js';
import type { Observation, Report } from '../../src/model/types.js';
import { evidenceDir, openStore } from '../../src/store/index.js';
import { evidenceName, measureOf } from '../../src/store/schema.js';
import { synthReport } from './synth.js';
import { baseOf } from './verify.js';

const dirs: string[] = [];
function tmpDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'milestones-store-'));
  dirs.push(dir);
  return path.join(dir, 'data', 'milestones.json');
}
test.after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function put(db: string, ...reports: Report[]) {
  const store = await openStore(db, { create: true });
  return store.transact((tx) => reports.map((r) => tx.putReport(r)));
}

async function rejects(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

test('a missing database is an empty store; the first transaction creates the folder and file', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  assert.equal(store.headers(), []);
  assert.equal(store.measures(), []);
  assert.not.ok(fs.existsSync(path.dirname(db)));
  await store.transact((tx) => tx.putReport(synthReport(1, 1)));
  assert.ok(fs.existsSync(db));
  assert.is(store.headers().length, 1);
  assert.is((await openStore(db)).headers().length, 1);
});

test('without create, a transaction on a missing database fails clearly', async () => {
  const db = tmpDb();
  const store = await openStore(db);
  const err = await rejects(store.transact((tx) => tx.putReport(synthReport(1, 1))));
  assert.is(err.where, db);
  assert.not.ok(fs.existsSync(db));
});

test('putReport: added, unchanged, replaced by (team, week), replaced by (team, path)', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  const a = synthReport(1, 5);
  const stampA = { path: '/abs/a.md', size: 10, mtimeMs: 1 };
  const added = await store.transact((tx) => tx.putReport(a, stampA));
  assert.is(added.action, 'added');
  assert.equal([added.header.id, added.header.progress + added.header.kpi], [a.id, a.observations.length]);
  const same = await store.transact((tx) => tx.putReport(a, stampA));
  assert.equal([same.action, same.header.id, same.replaced], ['unchanged', a.id, undefined]);

  // Another file (re-export) of the same team and week replaces it.
  const a2 = { ...synthReport(1, 5, { salt: 'edited' }), source: 'elsewhere/a.md' };
  assert.is.not(a2.id, a.id);
  const r = await store.transact((tx) => tx.putReport(a2, { path: '/abs/other.md', size: 11, mtimeMs: 2 }));
  assert.is(r.action, 'replaced');
  assert.is(r.replaced?.id, a.id);
  assert.equal(r.replaced?.file, stampA);
  assert.equal(store.headers().map((h) => h.id), [a2.id]);

  // The same file, now labelled another week, replaces by path.
  const a3 = synthReport(1, 5, { week: '2031-W40', salt: 'relabelled' });
  const r3 = await store.transact((tx) => tx.putReport(a3, { path: '/abs/other.md', size: 12, mtimeMs: 3 }));
  assert.is(r3.action, 'replaced');
  assert.is(r3.replaced?.id, a2.id);
  assert.equal(store.headers().map((h) => h.week), ['2031-W40']);

  // The same week of another team is a different report.
  const b = synthReport(2, 39, { week: '2031-W40' });
  assert.is((await store.transact((tx) => tx.putReport(b))).action, 'added');
  assert.equal(store.headers().map((h) => h.team).sort(), ['团队1', '团队2']);
});

test('an unchanged report with a touched file keeps its data but remembers the new stamp', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  const a = synthReport(3, 3);
  await store.transact((tx) => tx.putReport(a, { path: '/p/a.md', size: 5, mtimeMs: 100 }));
  const r = await store.transact((tx) => tx.putReport(a, { path: '/p/a.md', size: 5, mtimeMs: 200 }));
  assert.is(r.action, 'unchanged');
  assert.is((await openStore(db)).headers()[0]!.file?.mtimeMs, 200);
});

test('compact round trip: every Measure and Observation field survives, headers carry counts and warnings', async () => {
  const db = tmpDb();
  const obs: Observation[] = [
    { project: '结算中心迁移', metric: null, percent: 45, kind: 'progress', line: 12, section: ['本周', '结算'], text: '结算中心迁移 45％' },
    { project: '结算中心迁移', metric: '前端', percent: 72.5, kind: 'progress', line: 13, section: [], text: 'x', done: 29, total: 40 },
    { project: '结算中心迁移', metric: '', percent: 0, kind: 'progress', line: 14, section: ['a'], text: 'y', total: 8 },
    { project: '收单成功率', metric: null, percent: 99.95, kind: 'kpi', line: 20, section: ['指标'], text: '成功率约99.95%', qualifier: '约' },
    { project: 'Ａｐｐ改版', metric: '后端', percent: 100, kind: 'progress', line: 21, section: ['s'], text: 't', done: 3, qualifier: '>', prev: 80, planned: 100 },
  ];
  const report: Report = { id: 'abc123', source: '周报/第10周.md', team: '', week: '2032-W10', date: '2032-03-05', title: '第10周周报', observations: obs, warnings: [{ line: 13, message: '29/40 与 72.5% 不一致' }] };
  await put(db, report);
  const store = await openStore(db);
  assert.equal(store.observations('abc123'), obs);
  const [m] = store.measures();
  assert.equal(m, { id: 'abc123', team: '', week: '2032-W10', date: '2032-03-05', source: '周报/第10周.md', measures: obs.map(measureOf) });
  // The metric '' and null stay distinct items.
  assert.is(m!.measures[2]!.metric, '');
  assert.is(m!.measures[0]!.metric, null);
  const [h] = store.headers();
  assert.equal(h, { id: 'abc123', source: '周报/第10周.md', team: '', week: '2032-W10', date: '2032-03-05', title: '第10周周报', progress: 4, kpi: 1, warnings: report.warnings });
  // The main file holds no evidence text; the evidence file does.
  const main = fs.readFileSync(baseOf(db), "utf8");
  assert.not.ok(main.includes('成功率约99.95%'));
  assert.ok(fs.readFileSync(path.join(evidenceDir(db), evidenceName(report)), 'utf8').includes('成功率约99.95%'));
});

test('measures() filters by team and weeks, and never reads evidence', async () => {
  const db = tmpDb();
  const reports = [synthReport(1, 0), synthReport(1, 1), synthReport(2, 0), synthReport(2, 2)];
  await put(db, ...reports);
  // Proves measures/headers do not need evidence: only the measure segments stay.
  for (const name of fs.readdirSync(evidenceDir(db))) if (!/^[wmj]-/.test(name)) fs.rmSync(path.join(evidenceDir(db), name));
  const store = await openStore(db);
  assert.is(store.measures().length, 4);
  assert.equal(store.measures({ team: '团队2' }).map((m) => m.week), ['2031-W01', '2031-W03']);
  assert.equal(store.measures({ weeks: ['2031-W01'] }).map((m) => m.team), ['团队1', '团队2']);
  assert.equal(store.measures({ team: '团队1', weeks: ['2031-W02', '2031-W03'] }).map((m) => m.id), [reports[1]!.id]);
  assert.equal(store.measures({ weeks: [] }), []);
  assert.equal(store.measures({ team: '团队1' })[1]!.measures, reports[1]!.observations.map(measureOf));
  assert.equal(store.measures({ teams: new Set(['团队2']) }).map((m) => m.week), ['2031-W01', '2031-W03']);
  assert.equal(store.measures({ teams: new Set(['团队1', '团队2']), weeks: ['2031-W01'] }).map((m) => m.team), ['团队1', '团队2']);
  assert.equal(store.measures({ team: '团队1', teams: new Set(['团队2']) }), []);
  assert.equal(store.measures({ teams: new Set() }), []);
});

test('measures() of some teams decodes only theirs: a week whose segment is gone is not read for the others', async () => {
  const db = tmpDb();
  const reports = [synthReport(1, 0), synthReport(1, 1), synthReport(2, 0), synthReport(2, 2)];
  await put(db, ...reports);
  for (const name of fs.readdirSync(evidenceDir(db))) if (name.startsWith('w-2031-W03-')) fs.rmSync(path.join(evidenceDir(db), name));
  const store = await openStore(db);
  // 团队2's report of 2031-W03 was in the removed segment: 团队1's figures are still read, 团队2's are not.
  assert.equal(store.measures({ teams: new Set(['团队1']) }).map((m) => m.week), ['2031-W01', '2031-W02']);
  assert.throws(() => store.measures({ teams: new Set(['团队2']) }), (e: unknown) => e instanceof InputError);
});

test('measures() of some weeks reads only those weeks\' segments; headers() reads none', async () => {
  const db = tmpDb();
  const reports = [synthReport(1, 0), synthReport(1, 1), synthReport(2, 0), synthReport(2, 2)];
  await put(db, ...reports);
  const segments = fs.readdirSync(evidenceDir(db)).filter((n) => n.startsWith('w-'));
  assert.equal(segments.map((n) => n.slice(2, 10)).sort(), ['2031-W01', '2031-W02', '2031-W03'], 'one segment per week');
  for (const name of segments) if (!name.startsWith('w-2031-W01-')) fs.rmSync(path.join(evidenceDir(db), name));
  const store = await openStore(db);
  assert.is(store.headers().length, 4);
  assert.equal(store.measures({ weeks: ['2031-W01'] }).map((m) => m.team), ['团队1', '团队2']);
  const err = (() => { try { store.measures({ weeks: ['2031-W02'] }); } catch (e) { return e as InputError; } return null; })();
  assert.instance(err, InputError);
  assert.match(err!.format(), /the measure segment w-2031-W02-[0-9a-f]{16}\.json is missing from .* — rebuild it by ingesting its reports again: milestones --db /);
});

test('aliases: set, replace by normalised name, remove, and survive re-ingesting', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  await store.transact((tx) => {
    tx.setAlias('店东看账一期', '店东看账');
    tx.setAlias('风控引擎', '风控规则引擎');
  });
  await store.transact((tx) => tx.setAlias('  店东看账一期 ', '店东看账平台'));
  assert.equal(store.aliases(), [
    { name: '  店东看账一期 ', canonical: '店东看账平台' },
    { name: '风控引擎', canonical: '风控规则引擎' },
  ]);
  await put(db, synthReport(1, 1), synthReport(1, 1, { salt: 'again' }));
  const again = await openStore(db);
  assert.is(again.aliases().length, 2);
  assert.is(await again.transact((tx) => tx.removeAlias('风控引擎')), true);
  assert.is(await again.transact((tx) => tx.removeAlias('风控引擎')), false);
  assert.equal((await openStore(db)).aliases().map((a) => a.name), ['  店东看账一期 ']);
});

test('a throw inside the transaction leaves the files untouched', async () => {
  const db = tmpDb();
  await put(db, synthReport(1, 1));
  const before = fs.readFileSync(db);
  const evBefore = fs.readdirSync(evidenceDir(db)).sort();
  const store = await openStore(db);
  try {
    await store.transact((tx) => {
      tx.putReport(synthReport(1, 2));
      throw new Error('boom');
    });
    assert.unreachable();
  } catch (err) {
    assert.is((err as Error).message, 'boom');
  }
  assert.equal(fs.readFileSync(db), before);
  assert.equal(fs.readdirSync(evidenceDir(db)).sort(), evBefore);
  assert.is(store.headers().length, 1);
});

test('every save keeps the previous generation as .bak; replaced evidence lives until the .bak no longer needs it', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  const a = synthReport(1, 1);
  await store.transact((tx) => tx.putReport(a));
  const gen1 = fs.readFileSync(db);
  assert.not.ok(fs.existsSync(`${db}.bak`));
  const a2 = synthReport(1, 1, { salt: 'v2' });
  await store.transact((tx) => tx.putReport(a2));
  assert.equal(fs.readFileSync(`${db}.bak`), gen1);
  const evA = path.join(evidenceDir(db), evidenceName(a));
  assert.ok(fs.existsSync(evA), 'the .bak still references it');
  // Restoring the .bak would give a complete database.
  const restoredPath = path.join(path.dirname(db), 'restored.json');
  fs.copyFileSync(`${db}.bak`, restoredPath);
  fs.cpSync(evidenceDir(db), evidenceDir(restoredPath), { recursive: true });
  assert.is((await openStore(restoredPath)).observations(a.id).length, a.observations.length);

  const gen2 = fs.readFileSync(db);
  await store.transact((tx) => tx.putReport(synthReport(1, 2)));
  assert.equal(fs.readFileSync(`${db}.bak`), gen2);
  assert.not.ok(fs.existsSync(evA), 'no generation references it any more');
  assert.ok(fs.existsSync(path.join(evidenceDir(db), evidenceName(a2))));
});

test('leftovers of crashed runs (orphan evidence, temp files) are removed by the next transaction', async () => {
  const db = tmpDb();
  await put(db, synthReport(1, 1));
  const dir = path.dirname(db);
  const orphan = path.join(evidenceDir(db), 'deadbeef-00000000.json');
  const tmpMain = path.join(dir, '.milestones.json.0123456789ab.tmp');
  const tmpBak = path.join(dir, '.milestones.json.bak.0123456789ab.tmp');
  const tmpLock = path.join(dir, '.milestones.json.lock.0123456789ab.tmp');
  const tmpEv = path.join(evidenceDir(db), '.x.json.4242.abcdef.tmp');
  const unrelated = path.join(dir, 'notes.txt');
  for (const f of [orphan, tmpMain, tmpBak, tmpLock, tmpEv, unrelated]) fs.writeFileSync(f, '{');
  await put(db, synthReport(1, 1)); // unchanged: still cleans up
  assert.not.ok(fs.existsSync(orphan));
  assert.not.ok(fs.existsSync(tmpMain));
  assert.not.ok(fs.existsSync(tmpBak));
  assert.not.ok(fs.existsSync(tmpLock));
  assert.not.ok(fs.existsSync(tmpEv));
  assert.ok(fs.existsSync(unrelated));
});

test('a missing or foreign evidence file is a clear InputError naming the file', async () => {
  const db = tmpDb();
  const a = synthReport(1, 1);
  const b = synthReport(1, 2);
  await put(db, a, b);
  const store = await openStore(db);
  const fa = path.join(evidenceDir(db), evidenceName(a));
  const fb = path.join(evidenceDir(db), evidenceName(b));
  fs.copyFileSync(fb, fa);
  let err = (() => { try { store.observations(a.id); } catch (e) { return e as InputError; } return null; })();
  assert.instance(err, InputError);
  assert.is(err!.where, fa);
  // The fix names a command that works from anywhere: the team, the week, the file (here the source: no stamp).
  const rebuild = `milestones --db ${db} --team 团队1 ingest --week 2031-W02 周报/团队1/2031-W02.md`;
  assert.match(err!.format(), /belongs to another report /);
  assert.ok(err!.format().endsWith(` — remove it and rebuild it: rm ${fa} && ${rebuild}`), err!.format());
  fs.rmSync(fa);
  err = (() => { try { store.observations(a.id); } catch (e) { return e as InputError; } return null; })();
  assert.is(err!.format(), `${fa}: the evidence file of report ${a.source} (${a.week}) is missing from ${db} — rebuild it: ${rebuild}`);
  fs.writeFileSync(fb, '{"version": 2, "id"');
  err = (() => { try { store.observations(b.id); } catch (e) { return e as InputError; } return null; })();
  assert.match(err!.format(), /not a valid evidence file \(JSON ends early/);
});

const CORRUPT: [string, string, string][] = [
  ['truncated JSON', '{\n "version": 2,\n "aliases": [', 'JSON ends early at line 3, column 14: the file is truncated'],
  ['an empty file', '', 'the file is empty'],
  ['a syntax error', '{\n "version": 2,\n "aliases": []\n "items": []\n}', "JSON error at line 4, column 2: Expected ',' or '}' after property value"],
  ['a JSON array', '[1, 2]', 'expected a JSON object with a "version" field'],
  ['no version', '{"aliases": []}', 'no "version" field'],
  ['a string version', '{"version": "2"}', 'at version: expected a positive integer'],
  ['a newer version', '{"version": 5, "whatever": true}', 'version 5 is newer than this build of milestones understands (4); upgrade milestones'],
  ['a base that is not there', '{"version": 4, "base": "m-0123456789abcdef.json", "journal": [], "retired": []}', 'its base m-0123456789abcdef.json is missing from DB.d'],
  ['a journal of bad names', '{"version": 4, "base": "m-0123456789abcdef.json", "journal": ["../x.json"], "retired": []}', 'at journal: expected the names of journal records (j-<hash>.json)'],
  ['a wrong shape', '{"version": 3, "aliases": [], "segments": [], "reports": [{"id": "x"}], "retired": []}', 'at reports[0].source: expected a string'],
  ['a report in an unlisted segment', '{"version": 3, "aliases": [], "segments": [], "reports": [{"id": "x", "source": "s", "team": "", "week": "2024-W16", "date": null, "title": "", "progress": 1, "kpi": 0, "warnings": [], "seg": "w-2024-W16-0123456789abcdef.json"}], "retired": []}', 'at reports[0].seg: expected the name of a listed segment'],
  ['a segment of a bad name', '{"version": 3, "aliases": [], "segments": [["../x.json", "2024-W16", 1]], "reports": [], "retired": []}', 'at segments[0]: "../x.json" is not the name of a segment of 2024-W16'],
  ['a version 2 file of a wrong shape', '{"version": 2, "aliases": [], "items": [], "reports": [{"id": "x"}], "retired": []}', 'version 2 at reports[0].source: Invalid input: expected string, received undefined'],
  ['a bad week', '{"version": 2, "aliases": [], "items": [["p", null, "progress"]], "reports": [{"id": "x", "source": "s", "team": "", "week": "W16", "date": null, "title": "", "progress": 1, "kpi": 0, "warnings": [], "m": [[0, 5, 1]]}], "retired": []}', 'version 2 at reports[0].week: expected a week like 2024-W10'],
  ['a dangling item index', '{"version": 2, "aliases": [], "items": [["p", null, "progress"]], "reports": [{"id": "x", "source": "s", "team": "", "week": "2024-W16", "date": null, "title": "", "progress": 1, "kpi": 0, "warnings": [], "m": [[0, 5, 1], [1, 6, 2]]}], "retired": []}', 'version 2 at reports[0].m[1][0]: item index out of range (0..0)'],
  ['a broken version 1 file', '{"version": 1, "aliases": [], "reports": [{"id": 5}]}', 'version 1 at reports[0].id: Invalid input: expected string, received number'],
];

for (const [what, content, detail] of CORRUPT) {
  test(`a database with ${what} is refused with the exact message and never touched`, async () => {
    const db = tmpDb();
    fs.mkdirSync(path.dirname(db), { recursive: true });
    fs.writeFileSync(db, content);
    const expected = `${db}: not a valid milestones database (${detail.replace('DB', db)}) — restore ${db}.bak or start a new one with --db`;
    const err = await rejects(openStore(db, { create: true }));
    assert.is(err.format(), expected);
    assert.is(err.exitCode, 1);
    assert.is(fs.readFileSync(db, 'utf8'), content);
    assert.not.ok(fs.existsSync(`${db}.bak`));
  });
}

test('a database corrupted after opening is refused by the transaction and left byte-identical', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  await store.transact((tx) => tx.putReport(synthReport(1, 1)));
  const broken = fs.readFileSync(db, 'utf8').slice(0, 100);
  fs.writeFileSync(db, broken);
  const err = await rejects(store.transact((tx) => tx.putReport(synthReport(1, 2))));
  assert.match(err.format(), /not a valid milestones database \(JSON ends early/);
  assert.is(fs.readFileSync(db, 'utf8'), broken);
  assert.not.ok(fs.existsSync(`${db}.lock`), 'the lock is released');
});

test('the path is shown as the user gave it', async () => {
  const db = tmpDb();
  fs.mkdirSync(path.dirname(db), { recursive: true });
  fs.writeFileSync(db, '{');
  const rel = path.relative(process.cwd(), db);
  const err = await rejects(openStore(rel));
  assert.ok(err.format().startsWith(`${rel}: not a valid milestones database (`));
  assert.ok(err.format().endsWith(`restore ${rel}.bak or start a new one with --db`));
});

test('migration: a version 1 file (observations inline) is read, then upgraded on the next write', async () => {
  const db = tmpDb();
  fs.mkdirSync(path.dirname(db), { recursive: true });
  const a = synthReport(4, 1);
  const b = synthReport(4, 2);
  const v1 = {
    version: 1,
    aliases: [{ name: '对账平台', canonical: '对账平台重构' }],
    reports: [a, b].map(({ observations, ...h }) => ({ ...h, file: { path: `/abs/${h.id}.md`, size: 1, mtimeMs: 2 }, observations })),
  };
  const v1Text = JSON.stringify(v1, null, 2);
  fs.writeFileSync(db, v1Text);

  const store = await openStore(db);
  assert.match(store.notes().join('\n'), /version 1.*upgraded to version 4 on the next write/);
  assert.equal(store.headers().map((h) => [h.id, h.progress, h.kpi, h.file?.path]), [a, b].map((r) => [r.id, r.observations.filter((o) => o.kind === 'progress').length, 1, `/abs/${r.id}.md`]));
  assert.equal(store.observations(a.id), a.observations);
  assert.equal(store.measures()[1]!.measures, b.observations.map(measureOf));
  assert.is(fs.readFileSync(db, 'utf8'), v1Text, 'reading does not write');

  // A transaction that changes nothing still saves the upgrade.
  const result = await store.transact((tx) => tx.putReport(a));
  assert.is(result.action, 'unchanged');
  assert.match(store.notes().join('\n'), /upgraded the database from version 1 to 4/);
  assert.is(fs.readFileSync(`${db}.bak`, 'utf8'), v1Text);
  assert.is(JSON.parse(fs.readFileSync(db, 'utf8')).version, 4);
  const reopened = await openStore(db);
  assert.equal(reopened.notes(), []);
  assert.equal(reopened.observations(b.id), b.observations);
  assert.equal(reopened.aliases(), v1.aliases);
  assert.equal(reopened.measures().map((m) => m.measures), [a, b].map((r) => r.observations.map(measureOf)));
  const files = fs.readdirSync(evidenceDir(db));
  assert.is(files.filter((n) => !/^[wmj]-/.test(n)).length, 2, 'two evidence files');
  assert.is(files.filter((n) => n.startsWith('m-')).length, 1, 'one base');
  assert.is(files.filter((n) => n.startsWith('w-')).length, new Set([a.week, b.week]).size, 'one segment per week');
});

test('a stamp whose path is the source is written once and read back whole; another path is kept', async () => {
  const db = tmpDb();
  const a = { ...synthReport(5, 1), source: '/abs/周报/a.md' };
  const b = { ...synthReport(5, 2), source: 'rel/b.md' };
  const store = await openStore(db, { create: true });
  await store.transact((tx) => {
    tx.putReport(a, { path: a.source, size: 10, mtimeMs: 20 });
    tx.putReport(b, { path: '/abs/周报/b.md', size: 11, mtimeMs: 21 });
  });
  const text = fs.readFileSync(baseOf(db), 'utf8');
  assert.is(text.split('/abs/周报/a.md').length - 1, 1, 'the path is not repeated');
  assert.ok(text.includes('"path":"/abs/周报/b.md"'));
  const again = await openStore(db);
  assert.equal(again.headers().map((h) => h.file), [{ path: '/abs/周报/a.md', size: 10, mtimeMs: 20 }, { path: '/abs/周报/b.md', size: 11, mtimeMs: 21 }]);
  // Unchanged on a second save: the same stamp is recognised.
  const [res] = await again.transact((tx) => [tx.putReport(a, { path: a.source, size: 10, mtimeMs: 20 })]);
  assert.is(res!.action, 'unchanged');
  // A later commit's journal record writes its reports the same way, and reads them back whole.
  const c = { ...synthReport(5, 3), source: '/abs/周报/c.md' };
  await again.transact((tx) => {
    tx.putReport(c, { path: c.source, size: 12, mtimeMs: 22 });
    tx.putReport(a, { path: a.source, size: 10, mtimeMs: 23 }); // touched: its stamp is put again
  });
  const pointer = JSON.parse(fs.readFileSync(db, 'utf8')) as { journal: string[] };
  assert.is(pointer.journal.length, 1, 'appended as a journal record');
  const record = fs.readFileSync(path.join(evidenceDir(db), pointer.journal[0]!), 'utf8');
  assert.is(record.split('/abs/周报/c.md').length - 1, 1, 'the path is not repeated in the record either');
  const third = await openStore(db);
  assert.equal(third.headers().map((h) => h.file), [
    { path: '/abs/周报/a.md', size: 10, mtimeMs: 23 },
    { path: '/abs/周报/b.md', size: 11, mtimeMs: 21 },
    { path: '/abs/周报/c.md', size: 12, mtimeMs: 22 },
  ]);
});

test('putReport refuses a report that would make the file invalid', async () => {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  const bad = { ...synthReport(1, 1), week: 'W16' };
  const err = await rejects(store.transact((tx) => tx.putReport(bad)));
  assert.match(err.format(), /cannot store this report: at week/);
  assert.not.ok(fs.existsSync(db));
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.run();
