// Issue 10 through the built CLI on a series of our own: one-week diff, stated states and renames, inferred completions, KPI direction, unknown team.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, run as inProcess } from './support/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-statuses-'));
const reports = path.join(tmp, 'reports');
cpSync(path.join(root, 'test', 'fixtures', 'cli', 'status'), reports, { recursive: true });
const db = path.join(tmp, 'risk.json');
const run = (...args: string[]) => inProcess(db, args, { cwd: tmp });
async function ok(...args: string[]): Promise<string> {
  const r = await run(...args);
  assert.is(r.code, 0, `milestones ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
interface DiffJson {
  from: string;
  to: string;
  items: { project: string; kind: string; from: number | null; to: number | null; status: string; direction?: string; inferred?: boolean; last?: { week: string; percent: number | null }; evidence?: { phrase: string } }[];
}
const diff = async (...args: string[]) => JSON.parse(await ok('diff', ...args, '--json')) as DiffJson;
const by = (d: DiffJson) => Object.fromEntries(d.items.map((i) => [i.project, i]));

test('ingest records the rename the report states; alias list shows it with the line', async () => {
  await ok('ingest', 'reports', '--team', 'risk');
  const { aliases } = JSON.parse(await ok('alias', 'list', '--json')) as { aliases: { name: string; canonical: string; from: string; evidence?: { line: number; week: string; text: string } }[] };
  assert.equal(aliases.map((a) => [a.name, a.canonical, a.from, a.evidence?.week, a.evidence?.line]), [['征信数据二期', '征信数据中台', 'report', '2027-W12', 13]]);
  assert.match(aliases[0]!.evidence!.text, /征信数据中台（原“征信数据二期”）/);
  assert.match(await ok('alias', 'list'), /征信数据二期\s+征信数据中台\s+report\s+reports\/风控平台组周报 2027-03-19\.md:13 \(2027-W12\)/);
});

test('diff W compares W with the report before it (and latest with previous)', async () => {
  const d = await diff('W12');
  assert.equal([d.from, d.to], ['2027-W11', '2027-W12']);
  assert.equal(await diff('latest'), d);
  assert.equal(await diff(), d);
  assert.equal([(await diff('2027-03-12')).from, (await diff('2027-03-12')).to], ['2027-W10', '2027-W11']);
  const first = await run('diff', 'W10');
  assert.is(first.code, 2);
  assert.match(first.stderr, /^milestones: error: diff needs a report before 2027-W10 to compare it with; stored: 2027-W10, 2027-W11, 2027-W12 — /);
  const same = await run('diff', 'W11', 'W11');
  assert.is(same.code, 2);
  assert.match(same.stderr, /both weeks are 2027-W11 — give two different weeks/);
});

test('a completion in words, a resumed item through a stated rename, and a part done is not the item', async () => {
  const s = by(await diff('W12'));
  assert.equal([s['规则中心迁移']!.status, s['规则中心迁移']!.to, s['规则中心迁移']!.inferred, s['规则中心迁移']!.evidence?.phrase], ['completed', 100, true, '已全量上线']);
  assert.equal([s['征信数据中台']!.status, s['征信数据中台']!.from, s['征信数据中台']!.last], ['resumed', 20, { week: '2027-W10', percent: 20 }]);
  assert.equal([s['额度管理重构']!.status, s['额度管理重构']!.to], ['advanced', 60], '已完成联调 is a part');
  assert.is(s['贷后催收机器人'], undefined, 'paused last week and still absent: nothing new to say');
  const text = await ok('diff', 'W12');
  assert.match(text, /规则中心迁移\s+55\s+100\s+\+45\s+completed \(in words: 已全量上线\)/);
  assert.match(text, /征信数据中台\s+20\s+30\s+\+10\s+resumed \(last seen 2027-W10, 20%\)/);
  const show = await ok('show', 'W12');
  assert.match(show, /规则中心迁移\s+100\s+progress, in words: 已全量上线 \(completion-words\)/);
  const h = JSON.parse(await ok('history', '规则中心迁移', '--json')) as { items: { points: { week: string; percent: number; status: string; inferred?: boolean; evidence?: string }[] }[] };
  assert.equal(h.items[0]!.points.at(-1), { ...h.items[0]!.points.at(-1)!, week: '2027-W12', percent: 100, status: 'completed', inferred: true, evidence: '已全量上线' });
});

test('a stated pause is listed apart, never stalled; KPIs have a direction', async () => {
  const d = await diff('W11');
  const s = by(d);
  assert.equal([s['贷后催收机器人']!.status, s['贷后催收机器人']!.from, s['贷后催收机器人']!.to, s['贷后催收机器人']!.evidence?.phrase], ['paused', 25, null, '暂停']);
  assert.equal([s['授信审批超时率']!.status, s['授信审批超时率']!.direction], ['improved', 'lower']);
  assert.equal([s['规则引擎报错率']!.status, s['授信通过率']!.status], ['improved', 'worsened']);
  assert.match(await ok('diff', 'W11'), /Paused or cancelled \(the report says so\)\n.*\n.*\nrisk\s+贷后催收机器人\s+25\s+—\s+—\s+paused \(stated: 暂停\)/);
  const st = JSON.parse(await ok('stalled', '--as-of', 'W11', '--json')) as { items: { project: string }[] };
  assert.equal(st.items.map((i) => i.project), ['额度管理重构']);
  const k = by(await diff('W12'));
  assert.equal([k['授信审批超时率']!.status, k['规则引擎报错率']!.status], ['worsened', 'flat']);
});

test('an unknown --team is a usage error that lists the teams', async () => {
  for (const args of [['diff'], ['stalled'], ['export'], ['history', '规则'], ['show', 'latest'], ['weeks']]) {
    const r = await run('--team', 'riks', ...args);
    assert.is(r.code, 2, `${args[0]}: ${r.stderr}`);
    assert.is(r.stderr, 'milestones: error: unknown team "riks" — stored teams: risk\n', args[0]);
    assert.is(r.stdout, '');
  }
});

test('check lists what a file states in words', async () => {
  const out = await ok('check', 'reports/风控平台组周报 2027-03-19.md');
  assert.match(out, /12\s+completed\s+已全量上线\s+规则中心迁移\s+completion-words/);
  assert.match(out, /13\s+renamed\s+\(原“征信数据二期”\)\s+征信数据二期 → 征信数据中台\s+stated-rename/);
  assert.not.match(out, /completed\s+\S+\s+额度管理重构/);
});

test('alias remove switches a stated rename off for good: re-ingesting the changed report does not restore it', async () => {
  assert.match(await ok('alias', 'remove', '征信数据二期'), /alias removed: 征信数据二期 \(a rename a report stated; re-ingesting it will not restore the alias\)/);
  assert.match(await ok('alias', 'list'), /no aliases/);
  appendFileSync(path.join(reports, '风控平台组周报 2027-03-19.md'), '\n- 备注：授信审批工作台下周排期\n');
  assert.match(await ok('ingest', 'reports', '--team', 'risk'), /replaced/);
  assert.match(await ok('alias', 'list'), /no aliases/);
  assert.equal(Object.keys(by(await diff('W12'))).filter((p) => p.startsWith('征信')), ['征信数据中台']);
  assert.is(by(await diff('W12'))['征信数据中台']!.status, 'new');
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
