// Round 5 (issue 9): naming that holds for shapes not seen before — a definition list (`<dl><dt>item</dt><dd>its
// week</dd>`, DokuWiki/MediaWiki pages) read as an outline, the one figure of a line nested under a named item as that
// item's standing even without a progress word (`约 40%`, `维持 55%`, `roughly 35%`), a parent named like a metric
// (`Metrics pipeline rewrite`) that heads no metrics list, `moved from 20% to 45%`, and labelled figures in a table's
// figure column (`Model: 90%`, `Rules: 75% / Rating API: 40%`) as parts of the row's item, a line opening with a name
// and a colon under a project heading as a part of that project (`### 2.1 离线数仓迁移` → `- 表迁移：…折合 55.6%`). Our own reports in
// test/fixtures/extract/r5, read end to end.

import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kpis, progress, readAndExtract } from '../support/extracted.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/extract/r5/${name}`, import.meta.url), 'utf8');
const read = (name: string) => readAndExtract(name, fixture(name));

test('wiki HTML: a definition list is an outline — each term the item, its definitions that item\'s week', async () => {
  const [ex] = await read('校园信息化周报-2024-11-22.html');
  assert.is(ex!.week, '2024-W47');
  assert.equal(progress(ex!), [
    '一卡通系统升级=40',
    'Wi-Fi 6 覆盖（教学楼）=55',
    'Metrics pipeline rewrite=45<20',
    '教务系统国产化迁移=62<58',
    '门禁人脸识别/安装=30',
  ]);
  assert.equal(kpis(ex!), ['统一身份认证可用率=99.97', '校园网出口带宽峰值利用率=78']);
  // The owner's line under a term is no figure; next week's plan is read and ignored.
  assert.ok(ex!.findings.some((f) => f.match === '60%' && f.verdict === 'ignored'), 'the plan line is ignored');
});

test('English status: labelled figures in a figure column are parts of the row, a nested line\'s one figure is its parent\'s', async () => {
  const [ex] = await read('claims-platform-status-2025-03-14.md');
  assert.is(ex!.week, '2025-W11');
  assert.equal(progress(ex!), [
    'Broker portal=81',
    'Pricing engine/Rules=75',
    'Pricing engine/Rating API=40',
    'Document intake/OCR=60',
    'Reinsurance ledger=20',
    'Customer notifications=35',
    'Data warehouse feed=50',
  ]);
  // A share of traffic under an item is no progress of it; a rate in a notes cell stays a KPI.
  assert.ok(!progress(ex!).some((p) => p.startsWith('Agent mobile app')), progress(ex!).join(' · '));
  assert.equal(kpis(ex!), ['Accuracy on handwritten forms=88', 'Claims API availability=99.93', 'First-call resolution rate=71']);
});

test('numbered project headings in a generic section: a line opening with a name and a colon is a part of the heading\'s project; `指标中台` heads no metrics', async () => {
  const [ex] = await read('会员平台组周报-2025-W19.md');
  assert.is(ex!.week, '2025-W19');
  assert.equal(progress(ex!), [
    '会员中台改造（单体 → 微服务）/积分迁移=62<55',
    '会员中台改造（单体 → 微服务）/权益服务拆分=40',
    '指标中台/口径梳理=75',
    '指标中台/取数 API=90',
    '会员画像/标签工厂=30',
  ]);
  assert.equal(kpis(ex!), ['会员查询接口可用率=99.99', '积分入账准时率=99.2']);
});

test('collapsible blocks are an outline: the summary (`名称 — 🟢 65%`, a status mark before the figure) is the item, its lines its parts; `上周 35%，本周…` is last week\'s', async () => {
  const [ex] = await read('车联网平台周报-2023-09-15.md');
  assert.is(ex!.week, '2023-W38');
  assert.equal(progress(ex!), ['TBOX 固件 4.0=65', 'TBOX 固件 4.0/差分升级=50', '车队管理后台=30', '车队管理后台/报表导出=20']);
  assert.equal(kpis(ex!), ['升级成功率=99.1']);
  assert.ok(ex!.findings.some((f) => f.match === '35%' && f.line === 18 && f.verdict === 'ignored' && f.rule === 'last-week'), 'last week\'s figure is context');
});

test('a company update in prose: business figures are KPIs named without the prose around them (NRR above 100 kept), `40% built` is progress', async () => {
  const [ex] = await read('harbor-investor-update-2024-03.md');
  assert.is(ex!.week, '2024-W13');
  assert.equal(kpis(ex!), ['Gross margin=64', 'net revenue retention=112', 'Logo churn=2.1']);
  assert.equal(progress(ex!), ['Warehouse robotics pilot/The pick-path planner=40', 'Customs filing API/Integration with the broker network=70']);
});

test.run();
