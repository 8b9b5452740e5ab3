// Issue 10 in the store: KPI direction, statements in words and stated renames survive a save, a sealed reload and a full (zod) validation.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report, Statement } from '../../src/model/types.js';
import { openStore } from '../../src/store/index.js';
import { manifestProblem, segmentProblem, v2Problem } from '../../src/store/schema.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'milestones-statements-'));
const db = path.join(dir, 'db.json');
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

const paused: Statement = { kind: 'paused', phrase: '暂停', rule: 'stated-pause', line: 9, subjects: ['跨境收单'], text: '- 跨境收单：项目暂停' };
const renamed: Statement = { kind: 'renamed', phrase: '（原“资金清分平台”）', rule: 'stated-rename', line: 11, subjects: ['清结算中心'], formerly: '资金清分平台', text: '### 清结算中心（原“资金清分平台”）' };
const report: Report = {
  id: 'r1',
  source: 'w38.md',
  team: '',
  week: '2031-W38',
  date: '2031-09-19',
  title: '周报',
  observations: [
    { project: '支付差错率', metric: null, percent: 0.04, kind: 'kpi', line: 5, section: [], text: '- 支付差错率：0.04%', direction: 'lower' },
    { project: '系统可用性', metric: null, percent: 100, kind: 'kpi', line: 6, section: [], text: '- 系统可用性：100%' },
    { project: '清结算中心', metric: null, percent: 60, kind: 'progress', line: 12, section: [], text: '本周进度 60%' },
  ],
  statements: [paused, renamed],
  warnings: [],
};

test('direction, statements and a stated alias round-trip; a removed stated alias stays switched off', async () => {
  const store = await openStore(db, { create: true });
  await store.transact((tx) => {
    tx.putReport(report);
    assert.ok(tx.setStatedAlias('资金清分平台', '清结算中心', { source: 'w38.md', week: '2031-W38', line: 11, text: renamed.text }));
    assert.not.ok(tx.setStatedAlias('资金清分平台', '别的名字', { source: 'x.md', week: '2031-W39', line: 1, text: 'x' }), 'an existing alias wins');
  });
  for (const sealed of [true, false]) {
    if (!sealed) fs.writeFileSync(db, fs.readFileSync(db, 'utf8').replace(/,\n "seal": "[0-9a-f]{64}"\n\}\n$/, '\n}\n')); // unsealed: still read and checked
    const again = await openStore(db);
    const [m] = again.measures();
    assert.equal(m!.measures.map((x) => [x.project, x.direction ?? 'higher']), [['支付差错率', 'lower'], ['系统可用性', 'higher'], ['清结算中心', 'higher']]);
    assert.equal(m!.statements, [paused, renamed]);
    assert.equal(again.aliases(), [{ name: '资金清分平台', canonical: '清结算中心', auto: { source: 'w38.md', week: '2031-W38', line: 11, text: renamed.text } }]);
  }
  const store2 = await openStore(db);
  await store2.transact((tx) => assert.ok(tx.removeAlias('资金清分平台')));
  const after = await openStore(db);
  assert.equal(after.aliases().map((a) => [a.name, a.off]), [['资金清分平台', true]]);
  await after.transact((tx) => {
    assert.not.ok(tx.setStatedAlias('资金清分平台', '清结算中心', { source: 'w38.md', week: '2031-W38', line: 11, text: renamed.text }), 'not restored');
    assert.not.ok(tx.removeAlias('资金清分平台'), 'already off');
  });
  // The base (and each journal record) replayed: the manifest's hand check passes.
  const pointer = JSON.parse(fs.readFileSync(db, 'utf8')) as { base: string; journal: string[] };
  const base = JSON.parse(fs.readFileSync(path.join(`${db}.d`, pointer.base), 'utf8')) as Record<string, unknown>;
  assert.is(manifestProblem({ ...base, retired: [] }), null);
  assert.ok(pointer.journal.length > 0, 'the later saves appended journal records');
  const segments = fs.readdirSync(`${db}.d`).filter((n) => n.startsWith('w-'));
  assert.ok(segments.length > 0);
  for (const name of segments) assert.is(segmentProblem(JSON.parse(fs.readFileSync(path.join(`${db}.d`, name), 'utf8'))), null, name);
});

test('the hand check of a sealed segment, manifest or version 2 file refuses a bad direction, statement or alias', () => {
  const seg = { version: 3, week: '2031-W01', items: [['a', null, 'kpi', 'lower']], reports: [] };
  assert.is(segmentProblem(seg), null);
  assert.match(segmentProblem({ ...seg, items: [['a', null, 'kpi', 'sideways']] })!, /items\[0\]/);
  const rec = { id: 'x', team: '', m: [[0, 1, 1]] };
  assert.is(segmentProblem({ ...seg, reports: [{ ...rec, s: [paused] }] }), null);
  assert.match(segmentProblem({ ...seg, reports: [{ ...rec, s: [{ ...paused, kind: 'maybe' }] }] })!, /reports\[0\]\.s\[0\]/);
  assert.match(segmentProblem({ ...seg, reports: [{ ...rec, m: [[1, 1, 1]] }] })!, /reports\[0\]\.m\[0\]\[0\]/);
  const manifest = { version: 4, aliases: [], segments: [], reports: [], retired: [] };
  assert.is(manifestProblem(manifest), null);
  assert.match(manifestProblem({ ...manifest, aliases: [{ name: 'a', canonical: 'b', off: false }] })!, /aliases\[0\]\.off/);
  const header = { id: 'x', source: 's', team: '', week: '2031-W01', date: null, title: '', progress: 0, kpi: 1, warnings: [] };
  assert.match(manifestProblem({ ...manifest, reports: [{ ...header, seg: 'w-2031-W01-0123456789abcdef.json' }] })!, /reports\[0\]\.seg/, 'a segment the manifest does not list');
  const v2 = { version: 2, aliases: [], items: [['a', null, 'kpi', 'lower']], reports: [{ ...header, m: [[0, 1, 1]], s: [paused] }], retired: [] };
  assert.is(v2Problem(v2), null);
  assert.match(v2Problem({ ...v2, reports: [{ ...header, m: [[0, 1, 1]], s: [{ ...paused, kind: 'maybe' }] }] })!, /reports\[0\]\.s\[0\]/);
});

test.run();
