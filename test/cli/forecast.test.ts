// Forecasts and slipping through the CLI: forecast, diff (beside the status, and --by-team), stalled and history sparklines.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import path from 'node:path';
import { root, run as inProcess, tempDir } from './support/cli.js';

const { dir, cleanup } = tempDir('milestones-forecast-');
const db = path.join(dir, 'db.json');

async function run(...args: string[]) {
  const r = await inProcess(db, args, { cwd: root });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

test.before(async () => {
  await run('ingest', 'data/samples', '--team', '履约技术部', '-q');
  await run('ingest', 'test/fixtures/report', '--team-from-folder', '-q');
});
test.after(cleanup);

interface ForecastJson { asOf: string; today: string; items: { team: string; project: string; state: string; eta: string | null; due: string | null; slipping: boolean; reason?: string }[] }

test('forecast: slipping first, each with its reason; today is the latest report date unless --today', async () => {
  const f = JSON.parse(await run('forecast', '--json')) as ForecastJson;
  assert.is(f.asOf, '2026-W03');
  assert.is(f.today, '2026-01-16');
  const slipping = f.items.filter((i) => i.slipping);
  assert.equal(slipping.map((i) => i.project).sort(), ['商户结算单改版', '电子面单接入', '资金清分平台', '运单轨迹重构'].sort());
  assert.ok(f.items.slice(0, slipping.length).every((i) => i.slipping), 'slipping items come first');
  const by = (p: string) => f.items.find((i) => i.project === p)!;
  assert.is(by('资金清分平台').reason, 'after-due');
  assert.is(by('运单轨迹重构').reason, 'pace');
  assert.is(by('运单轨迹重构').state, 'flat');
  assert.is(by('数据仓库迁移').slipping, false);
  assert.is(by('数据仓库迁移').due, '2026-03-31');
  assert.is(by('跨境清关对接').state, 'too-few');
  // Long after the due dates, everything with one that is not done is overdue.
  const later = JSON.parse(await run('forecast', '--json', '--today', '2026-12-31')) as ForecastJson;
  assert.ok(later.items.filter((i) => i.due).every((i) => i.slipping && i.reason === 'overdue'));
  const bad = await inProcess(db, ['forecast', '--today', '2026-13-01'], { cwd: root });
  assert.is(bad.code, 2);
  assert.match(bad.stderr, /--today 2026-13-01 is not a date/);
});

test('diff: slipping beside the status, in JSON and in the summary line', async () => {
  const d = JSON.parse(await run('diff', '--json')) as { items: { team: string; project: string; status: string; due?: string; slipping?: boolean }[] };
  const item = (p: string) => d.items.find((i) => i.project === p)!;
  assert.is(item('电子面单接入').status, 'regressed');
  assert.is(item('电子面单接入').slipping, true);
  assert.is(item('电子面单接入').due, '2026-02-20');
  assert.is(item('数据仓库迁移').slipping, false);
  assert.is(item('门店补货看板').slipping, undefined, 'no due date: no field');
  const text = await run('diff');
  assert.match(text, /电子面单接入 +80 +72 +-8 +regressed, slipping/);
  assert.match(text, / · 4 slipping · /);
});

test('diff --by-team: one line per team with its counts', async () => {
  const text = await run('diff', '--by-team');
  const lines = text.trim().split('\n');
  assert.is(lines.length, 6, text);
  assert.match(lines[2]!, /^Team +regressed +dropped +stalled +slipping/);
  assert.match(lines[4]!, /^履约技术部 +1 +1 +2 +2 /);
  assert.match(lines[5]!, /^清结算组 +0 +0 +1 +2 /);
  const j = JSON.parse(await run('diff', '--by-team', '--json')) as { teams: { team: string; counts: Record<string, number>; items: number }[] };
  assert.equal(j.teams.map((t) => t.team), ['履约技术部', '清结算组']);
  assert.equal(j.teams[1]!.counts, { stalled: 1, slipping: 2, advanced: 2 });
  assert.is(j.teams[1]!.items, 3);
});

test('stalled: a trend sparkline per item, and due dates with slipping when reports state them', async () => {
  const text = await run('stalled');
  assert.match(text, /Trend/);
  assert.match(text, /运单轨迹重构 +▄▅▅▅▅▅▅▅ +60 .* 2026-01-31 +slipping/);
  const j = JSON.parse(await run('stalled', '--json')) as { items: { project: string; trend: { week: string; percent: number | null }[]; due?: string; slipping?: boolean }[] };
  const r = j.items.find((i) => i.project === '运单轨迹重构')!;
  assert.is(r.trend.length, 8);
  assert.is(r.trend[7]!.week, '2026-W03');
  assert.is(r.slipping, true);
});

test('history: the item heading carries its sparkline, one bar per report', async () => {
  const text = await run('--team', '履约技术部', 'history', '运单轨迹重构');
  const head = text.split('\n')[0]!;
  assert.match(head, /^\[履约技术部\] 运单轨迹重构  [▁▂▃▄▅▆▇█]{9}$/);
});

test.run();
