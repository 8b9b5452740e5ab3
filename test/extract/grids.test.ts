// Report forms laid out as grids and drawers (issue 9, round 4): a table with one column per week. Our own reports
// (test/fixtures/extract/grids), read end to end through the real readers.

import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kpis, progress, readAndExtract as read } from '../support/extracted.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/extract/grids/${name}`, import.meta.url), 'utf8');

test('week grid with W-numbers: only the report week W11 is progress, W10 its prev; a row empty in W11 has no figure this week', async () => {
  const [ex] = await read('结算组周报-2025W11.md', fixture('结算组周报-2025W11.md'));
  assert.is(ex!.week, '2025-W11');
  assert.equal(progress(ex!), ['清结算对账重构=55<42', '商户分账接口=75<75']);
  // The history columns are findings of the week-column rule, never figures of this week.
  const history = ex!.findings.filter((f) => f.rule === 'week-column' && f.verdict === 'ignored').map((f) => f.match);
  assert.equal(history, ['30%', '42%', '60%', '75%', '10%', '20%']);
});

test('week grid with dates: the column whose day falls in the report week (09/16 for 2024-09-20) is read, the empty next week is not', async () => {
  const [ex] = await read('platform-weekly-2024-09-20.md', fixture('platform-weekly-2024-09-20.md'));
  assert.equal(progress(ex!), ['Service mesh rollout=48<35', 'Secrets rotation=100<85', 'Log pipeline v3=15<15']);
});

test('week grid with 第N周 and no column for the report week: each row reads its last filled week', async () => {
  const [ex] = await read('客服中台周报.md', fixture('客服中台周报.md'));
  assert.equal(progress(ex!), ['智能质检=62<50', '工单自动分派=90<80']);
});

test('week grid: 3月4日-style headers and an ISO week label with its year; one week column alone is no grid', async () => {
  const [a] = await read(
    'ops.md',
    ['# 运维组周报 2024-03-08', '', '| 事项 | 2月26日 | 3月4日 |', '| --- | --- | --- |', '| 机房搬迁 | 35% | 50% |'].join('\n'),
  );
  assert.equal(progress(a!), ['机房搬迁=50<35']);
  const [b] = await read(
    'apps.md',
    ['# Apps weekly 2024-W11', '', '| Task | 2024-W10 | 2024-W11 | 2024-W12 |', '| --- | --- | --- | --- |', '| Offline mode | 40% | 45% | 60% |'].join('\n'),
  );
  // W12 after the report week is a plan, not this week's figure.
  assert.equal(progress(b!), ['Offline mode=45<40']);
  const [c] = await read('one.md', ['# 周报 2024-03-08', '', '| 项目 | 进度 | W10 |', '| --- | --- | --- |', '| 搜索改版 | 30% | 备注 |'].join('\n'));
  assert.equal(progress(c!), ['搜索改版=30']);
  assert.is(c!.findings.find((f) => f.match === '30%')?.rule, 'progress-column');
});

test('Org property drawers: :PROGRESS:, :进度:, :COMPLETE: give the heading its progress; other properties and a DONE heading invent nothing', async () => {
  const [ex] = await read('支付组周报-2024W20.org', fixture('支付组周报-2024W20.org'));
  assert.is(ex!.week, '2024-W20');
  assert.equal(progress(ex!), ['支付网关改造=40', '退款链路拆分=65', '风控规则迁移=15']);
  assert.equal(
    ex!.findings.map((f) => [f.line, f.rule]),
    [
      [8, 'org-property'],
      [14, 'org-property'],
      [24, 'org-property'],
    ],
  );
  // The DONE item is done by its statement, with no figure of 100 made up for it; :ESTIMATE: 30% is no figure at all.
  assert.equal(ex!.statements.map((s) => [s.kind, s.subjects]), [['completed', ['对账文件标准化']]]);
});

test('Org drawers that are not a heading\'s progress: a LOGBOOK, a drawer under a list item, an ignored property', async () => {
  const [ex] = await read(
    'ops.org',
    [
      '#+TITLE: Ops weekly',
      '#+DATE: 2025-01-10',
      '* Projects',
      '** TODO Backup restore drill',
      ':LOGBOOK:',
      'CLOCK: [2025-01-08 Wed 10:00]--[2025-01-08 Wed 12:00] =>  2:00 (progress 20%)',
      ':END:',
      ':PROPERTIES:',
      ':BUDGET_USED: 35%',
      ':END:',
      '** TODO Cold storage tiering',
      '- migration scripts reviewed',
      '  :PROPERTIES:',
      '  :PROGRESS: 50%',
      '  :END:',
    ].join('\n'),
  );
  assert.equal(progress(ex!), []);
});

test('milestone export lines: the milestone named before the figure, its issue counts kept as closed of open + closed', async () => {
  const [en] = await read('mobile-milestones-2025-06-13.md', fixture('mobile-milestones-2025-06-13.md'));
  assert.equal(progress(en!), ['Milestone 4.1=82', 'Milestone 4.2=30', 'v5.0=5']);
  assert.equal(kpis(en!), ['Crash-free sessions=99.6']);
  const counts = (ex: typeof en) => ex!.observations.filter((o) => o.kind === 'progress').map((o) => [o.done ?? null, o.total ?? null]);
  assert.equal(counts(en), [[41, 50], [12, 40], [null, null]]);
  // 30% beside 12 of 40 closed agrees; no warning.
  assert.equal(en!.warnings, []);
  const [zh] = await read('交易中台里程碑-2024-11-08.md', fixture('交易中台里程碑-2024-11-08.md'));
  assert.equal(progress(zh!), ['订单中心 3.0=63', '结算对账 1.2=90']);
  assert.equal(counts(zh), [[70, 111], [27, 30]]);
});

test('milestone counts that disagree with the figure are a warning, the figure kept as written', async () => {
  const [ex] = await read('m.md', ['# Weekly 2025-06-13', '', '- Milestone Beta · 50% complete · 10 open · 30 closed'].join('\n'));
  assert.equal(progress(ex!), ['Milestone Beta=50']);
  assert.equal(ex!.warnings.map((w) => w.message), ['50% disagrees with 30/40 (= 75%); kept 50% as written, check the report']);
});

test.run();
