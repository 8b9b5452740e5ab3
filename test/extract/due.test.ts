import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dueOfCell, findDue, isDueHeader } from '../../src/extract/due.js';

const REF = '2024-04-12';

test('the forms reports use, with the date each means', () => {
  const cases: [string, string, string][] = [
    ['- 支付网关重构，进度60%，预计5月底上线', '2024-05-31', '预计5月底上线'],
    ['计划完成：2024-05-30', '2024-05-30', '计划完成:2024-05-30'],
    ['- 风控规则迁移 40%，预计6/15提测', '2024-06-15', '预计6/15提测'],
    ['- Checkout redesign: 75% complete, ETA 2024-06-15', '2024-06-15', 'ETA 2024-06-15'],
    ['- 账单中心 50%（计划于6月30日前完成）', '2024-06-30', '计划于6月30日前完成'],
    ['- 数据迁移 30%，目标 2024年7月中旬', '2024-07-20', '目标 2024年7月中旬'],
    ['- 门户改版 20%，预计 ６月中 完成', '2024-06-15', '预计 6月中'],
    ['- 结算 10%，预计7月初', '2024-07-10', '预计7月初'],
    ['- Ledger sync 45%, due 2024/06/03', '2024-06-03', 'due 2024/06/03'],
    ['- 清分 35%，截止日期：2024.05.20', '2024-05-20', '截止日期:2024.05.20'],
    ['- Billing 80%, target date: 5/31', '2024-05-31', 'target date: 5/31'],
  ];
  for (const [line, date, text] of cases) {
    const d = findDue(line, REF);
    assert.ok(d, line);
    assert.is(d!.date, date, line);
    assert.is(d!.text, text, line);
  }
});

test('a date without a year takes the year after the report when the month has passed', () => {
  assert.is(findDue('预计1月底上线', '2025-12-05')!.date, '2026-01-31');
  assert.is(findDue('预计2/28', '2025-11-20')!.date, '2026-02-28');
  // A month just gone is late, not next year.
  assert.is(findDue('预计3月底上线', '2024-04-12')!.date, '2024-03-31');
  // February's end in a leap year.
  assert.is(findDue('预计2月底', '2024-01-10')!.date, '2024-02-29');
  // No report date: no year is guessed for a date without one.
  assert.is(findDue('预计5月底上线', null), null);
  assert.is(findDue('计划完成：2024-05-30', null)!.date, '2024-05-30');
});

test('percentages, targets, fractions and words that only look like due words are no due date', () => {
  for (const line of [
    '- 存储降本目标15%，本周完成冷数据归档',
    '- 进度：计划 70%，实际 60%，滞后 10%',
    '- K8s 升级：生产集群 6/10 完成（60%）',
    '- beta rollout 5/20 of hosts',
    '- residue 3/4',
    '- 计划完成 50/84',
    '- 预计下周完成联调',
    '- 本周完成 5月 账单对账',
    '- 预计2024-02-30上线',
  ]) {
    assert.is(findDue(line, REF), null, line);
  }
});

test('due-date table columns and their cells', () => {
  for (const h of ['计划完成', '计划完成时间', '预计上线', 'Due', 'due date', 'ETA', 'Target', 'Deadline', '截止日期']) assert.ok(isDueHeader(h), h);
  for (const h of ['进度', '本周进度', '目标进度', '负责人', '状态', 'Target %']) assert.is(isDueHeader(h), false, h);
  assert.is(dueOfCell('2024-05-30', REF)!.date, '2024-05-30');
  assert.is(dueOfCell('5月底', REF)!.date, '2024-05-31');
  assert.is(dueOfCell('6/15 提测', REF)!.date, '2024-06-15');
  assert.is(dueOfCell('６月３０日（延期）', REF)!.date, '2024-06-30');
  assert.is(dueOfCell('80%', REF), null);
  assert.is(dueOfCell('待定', REF), null);
  assert.is(dueOfCell('', REF), null);
  assert.is(dueOfCell('6/15 视联调情况再定', REF), null);
});

test.run();
