// Styles the second blind set brought (issue 9): Traditional Chinese, OKR lines, text progress bars, Yuque
// and DingTalk exports. Our own reports, in realistic formats, other teams and years than the rule examples.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kpis, progress, readAndExtract as read } from '../support/extracted.js';

test('Traditional Chinese (進度、本週、下週計畫) is read with the same words; names stay as written', async () => {
  const [ex] = await read(
    '物流平台週報.md',
    [
      '# 物流平台組 週報（2023/11/24）',
      '',
      '## 本週進度',
      '',
      '1. 智慧派車系統：進度 55%，路線規劃模組已完成聯調',
      '2. 倉儲條碼重構：完成度 30%',
      '3. 司機端 App 改版：進度由 60% 提升至 72%',
      '',
      '## 營運數據',
      '',
      '- 準時送達率：96.4%',
      '',
      '## 下週計畫',
      '',
      '- 倉儲條碼重構完成度目標 45%',
    ].join('\n'),
  );
  assert.is(ex!.week, '2023-W48');
  assert.equal(progress(ex!), ['智慧派車系統=55', '倉儲條碼重構=30', '司機端 App 改版=72<60']);
  assert.equal(kpis(ex!), ['準時送達率=96.4']);
  assert.ok(ex!.findings.some((f) => f.word === '進度'), 'check names the word as written');
});

test('a Traditional table header (完成度、項目) and a 週報 entry label split a many-weeks page', async () => {
  const parts = await read(
    '客服中心週報彙整.md',
    [
      '# 客服中心週報彙整',
      '',
      '## 2024年5月17日週報',
      '',
      '| 項目 | 負責人 | 完成度 |',
      '|---|---|---|',
      '| 智能客服知識庫 | 陳怡君 | 80% |',
      '| 工單系統遷移 | 林志明 | 45% |',
      '',
      '## 2024年5月10日週報',
      '',
      '| 項目 | 負責人 | 完成度 |',
      '|---|---|---|',
      '| 智能客服知識庫 | 陳怡君 | 70% |',
      '| 工單系統遷移 | 林志明 | 40% |',
    ].join('\n'),
  );
  assert.equal(parts.map((p) => p.week), ['2024-W20', '2024-W19']);
  assert.equal(progress(parts[0]!), ['智能客服知識庫=80', '工單系統遷移=45']);
});

test('a Simplified report is read as before (no folding): names untouched', async () => {
  const [ex] = await read('周报.md', ['# 周报 2024-03-15', '', '- 显著性检验平台：进度 40%'].join('\n'));
  assert.equal(progress(ex!), ['显著性检验平台=40']);
});

test('several progress columns, each headed by what it measures, are one metric each; a fraction column reads 1 as 100%', async () => {
  const [ex] = await read(
    '迁移双周报.md',
    [
      '# 信创迁移双周报（2024-06-14）',
      '',
      '| 业务系统 | 阶段 | 数据库迁移完成比例 | 中间件替换完成比例 | 备注 |',
      '|---|---|---|---|---|',
      '| 人力资源 | 已切换 | 1 | 1 | 6/3 切换 |',
      '| 资产管理 | 改造中 | 0.45 | 0.30 | |',
      '| 合同管理 | 未启动 | 0 | 0.05 | 排期 Q3 |',
    ].join('\n'),
  );
  assert.equal(progress(ex!), ['人力资源/数据库迁移=100', '人力资源/中间件替换=100', '资产管理/数据库迁移=45', '资产管理/中间件替换=30', '合同管理/数据库迁移=0', '合同管理/中间件替换=5']);
});

test('a grouped HTML header (进度 over 开发 | 联调) gives one metric per sub-column', async () => {
  const [ex] = await read(
    'delivery.html',
    [
      '<html><body><h1>交付中心周报 2025-03-21</h1>',
      '<table>',
      '<tr><th rowspan="2">模块</th><th colspan="2">进度</th><th rowspan="2">备注</th></tr>',
      '<tr><th>开发</th><th>联调</th></tr>',
      '<tr><td>电子保单</td><td>85%</td><td>40%</td><td>正常</td></tr>',
      '<tr><td>续期提醒</td><td>60%</td><td>10%</td><td>延期</td></tr>',
      '</table></body></html>',
    ].join('\n'),
  );
  assert.equal(progress(ex!), ['电子保单/开发=85', '电子保单/联调=40', '续期提醒/开发=60', '续期提醒/联调=10']);
});

test('a column of percentages headed by no role word (Rollout, Now, 数据迁移) is the progress of the row’s work item', async () => {
  const [en] = await read(
    'search-status.md',
    [
      '# Search Infra — status, 2024-10-04',
      '',
      '| Workstream | Owner | Rollout | Notes |',
      '|---|---|---|---|',
      '| Vector index on prod | @omar | 65% | two shards left |',
      '| Query rewrite v3 | @ines | 20% | |',
    ].join('\n'),
  );
  assert.equal(progress(en!), ['Vector index on prod=65', 'Query rewrite v3=20']);
  const [org] = await read(
    'billing.org',
    ['#+TITLE: Billing weekly', '#+DATE: 2023-05-12', '', '| Stream | Prev | Now | Delta |', '|--------+------+-----+-------|', '| Invoicing API | 50% | 62% | +12 |'].join('\n'),
  );
  assert.equal(progress(org!), ['Invoicing API=62<50']);
});

test('a text column holding a sentence with a figure (`KR1 成本下降 20%`) is no measure column', async () => {
  const [ex] = await read(
    'okr.md',
    ['# OKR 进展 2025-02-14', '', '| 关键结果 | 完成度 |', '|---|---|', '| KR1 带宽成本下降 20% | 40% |', '| KR2 告警降噪 50% | 10% |'].join('\n'),
  );
  assert.equal(progress(ex!), ['KR1 带宽成本下降 20%=40', 'KR2 告警降噪 50%=10']);
});

test('the later lines of a numbered item are its children: `2) Fleet telematics` / `   Status: Amber. ~55% complete.`', async () => {
  const [ex] = await read(
    'fleet-update.txt',
    [
      'From: Marta Quinn <marta@example.net>',
      'To: ops-leads@example.net',
      'Date: Fri, 14 Mar 2025 17:05:00 +0000',
      'Subject: Fleet platform - weekly update',
      '',
      'Hi all,',
      '',
      '1) Fleet telematics ingestion (v2 gateway)',
      '   Status: Amber. ~55% complete. ETA Apr 4.',
      '',
      '2) Driver app offline mode',
      '   Status: Green. 80% done; sync conflicts left.',
      '',
      'Numbers:',
      '  - Trip start failures: 0.8%',
      '  - Dispatch mismatch ratio at handover: 2.1%',
    ].join('\n'),
  );
  assert.equal(progress(ex!), ['Fleet telematics ingestion (v2 gateway)=55', 'Driver app offline mode=80']);
  assert.equal(kpis(ex!), ['Trip start failures=0.8', 'Dispatch mismatch ratio at handover=2.1']);
});

test('a KPI word inside the name of a piece of work (`工单 SLA 引擎`, `转化率看板`, `Uptime monitor`) is no KPI', async () => {
  const [ex] = await read(
    '客服平台周报.md',
    [
      '# 客服平台周报 2025-04-11',
      '',
      '- 工单 SLA 引擎：72%',
      '- 满意度回访机器人：40%',
      '- Uptime monitor rewrite: 30%',
      '- 首响 SLA 达成率：96.5%',
    ].join('\n'),
  );
  assert.equal(progress(ex!), ['工单 SLA 引擎=72', '满意度回访机器人=40', 'Uptime monitor rewrite=30']);
  assert.equal(kpis(ex!), ['首响 SLA 达成率=96.5']);
});

test('progress bars drawn in text (`[####------]`, `▰▰▰▱▱`, `████░░`) make the figure progress; the bar is never in a name', async () => {
  const [ex] = await read(
    'okr-weekly.md',
    [
      '# 结算研发组 OKR 周进展（2025-05-16）',
      '',
      '**O1　对账提效**',
      '',
      '- KR1.1　差错自动归因上线',
      '  `[######----] 60%`',
      '- KR1.2　对账单生成提速　████░░░░░░ 40%',
      '- KR1.3　清分文件对接：▰▰▰▰▰▰▰▱▱▱ 70%',
    ].join('\n'),
  );
  const got = ex!.observations.filter((o) => o.kind === 'progress');
  assert.equal(got.map((o) => o.percent), [60, 40, 70]);
  got.forEach((o, i) => {
    const name = `${o.project} ${o.metric ?? ''}`;
    assert.ok(name.includes(`KR1.${i + 1}`), name);
    assert.not.match(name, /[█░▰▱#\[\]]/u, name);
  });
  // The title after the id's ideographic space stays with it (it used to be cut off as a separate field).
  assert.ok(`${got[1]!.project} ${got[1]!.metric ?? ''}`.includes('对账单生成提速'));
});

test.run();
