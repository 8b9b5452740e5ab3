// The shipped samples through the built CLI: every status shows, and the renamed project stays one item once aliased.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, run as inProcess } from './support/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-samples-'));
const db = path.join(tmp, 'samples.json');

async function run(...args: string[]) {
  const r = await inProcess(db, args, { cwd: root });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const json = async <T>(...args: string[]) => JSON.parse(await run(...args)) as T;

interface DiffJson { from: string; to: string; items: { project: string; metric: string | null; kind: string; from: number | null; to: number | null; status: string }[] }

test('the samples hold at least 8 reports across a year boundary with a skipped week', async () => {
  await run('ingest', 'data/samples');
  const { weeks } = await json<{ weeks: { week: string }[] }>('weeks', '--json');
  const ids = weeks.map((w) => w.week);
  assert.ok(ids.length >= 8, `${ids.length} reports`);
  assert.ok(ids.some((w) => w.startsWith('2025-')) && ids.some((w) => w.startsWith('2026-')), 'spans a year boundary');
  assert.not.ok(ids.includes('2026-W01'), 'the New Year week is skipped');
});

test('npm start’s diff (latest two weeks) shows every status', async () => {
  const d = await json<DiffJson>('diff', '--json');
  assert.is(d.from, '2026-W02');
  assert.is(d.to, '2026-W03');
  const statuses = new Set(d.items.filter((i) => i.kind === 'progress').map((i) => i.status));
  for (const s of ['new', 'advanced', 'completed', 'stalled', 'regressed', 'dropped']) assert.ok(statuses.has(s), `status ${s} present`);
});

test('issue 10: npm start’s diff shows a resumed item, a completion in words, a pause and a lower-is-better KPI', async () => {
  const d = JSON.parse(await run('diff', '--json')) as { items: (DiffJson['items'][number] & { inferred?: boolean; direction?: string; last?: { week: string } })[] };
  const find = (p: string) => d.items.find((i) => i.project === p)!;
  assert.equal([find('库存预警模型').status, find('库存预警模型').last?.week], ['resumed', '2025-W50']);
  assert.equal([find('老版本接口迁移').status, find('老版本接口迁移').to, find('老版本接口迁移').inferred], ['completed', 100, true]);
  assert.is(find('退货逆向流程改造').status, 'paused');
  assert.equal([find('分拣差错率').status, find('分拣差错率').direction], ['improved', 'lower']);
  assert.is(find('门店补货看板').status, 'dropped', 'a silent drop stays a drop');
});

test('before the alias, the renamed project looks dropped and new; alias suggest finds it', async () => {
  const before = await json<DiffJson>('diff', 'W50', 'W51', '--json');
  const rename = before.items.filter((i) => i.project.startsWith('商家对账'));
  assert.equal(rename.map((i) => i.status).sort(), ['dropped', 'new']);
  const { suggestions } = await json<{ suggestions: { from: string; to: string; score: number }[] }>('alias', 'suggest', '--json');
  const s = suggestions.find((x) => x.from === '商家对账平台建设');
  assert.ok(s, 'the rename is suggested');
  assert.is(s!.to, '商家对账中心建设');
  assert.ok(suggestions.every((x) => x.from !== '库存预警模型'), 'a dropped project with no successor is not suggested');
});

test('after --apply, diff, stalled, history and export show the project continuously', async () => {
  await run('alias', 'suggest', '--apply');
  const after = await json<DiffJson>('diff', 'W50', 'W51', '--json');
  const item = after.items.filter((i) => i.project.startsWith('商家对账'));
  assert.is(item.length, 1);
  assert.equal([item[0]!.from, item[0]!.to, item[0]!.status], [45, 50, 'advanced']);

  const h = await json<{ items: { project: string; points: { week: string; written: string }[] }[] }>('history', '商家对账平台建设', '--json');
  assert.is(h.items.length, 1);
  assert.is(h.items[0]!.points.length, 9, 'one point per report, under both spellings');
  assert.ok(new Set(h.items[0]!.points.map((p) => p.written)).size === 2);

  const csv = (await run('export', '--format', 'csv')).split('\r\n');
  const row = csv.find((l) => l.includes('商家对账'))!;
  assert.not.ok(csv.some((l) => l.includes('商家对账平台建设')), 'the old name is not a row of its own');
  assert.is(row.split(',').filter((c) => /^\d+$/.test(c)).length >= 9, true, row);

  const aliases = await json<{ aliases: { name: string; canonical: string }[] }>('alias', 'list', '--json');
  assert.equal(aliases.aliases.map((a) => [a.name, a.canonical]), [['商家对账平台建设', '商家对账中心建设']]);
});

test('aliases survive re-ingesting the reports', async () => {
  await run('ingest', 'data/samples');
  const after = await json<DiffJson>('diff', 'W50', 'W51', '--json');
  assert.is(after.items.filter((i) => i.project.startsWith('商家对账')).length, 1);
});

test('a renamed project that sits still shows as stalled across the rename', async () => {
  // 运单轨迹重构 sits at 60% from 2025-W49; 商家对账 moves every week until 2026-W02, then stays.
  const s = await json<{ items: { project: string; reports: number; since: string }[] }>('stalled', '--json');
  const renamed = s.items.find((i) => i.project.startsWith('商家对账'));
  assert.ok(renamed);
  assert.is(renamed!.since, '2026-W02');
  const track = s.items.find((i) => i.project === '运单轨迹重构')!;
  assert.is(track.reports, 6);
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
