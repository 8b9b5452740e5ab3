// Issue 9's forms end to end, through the real readers: every table syntax, outlines, changes, words, markers,
// fences, configured progress words. Our own reports (other projects, phrasings and years than the rule examples).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kpis, progress, readAndExtract as read } from '../support/extracted.js';

test('Org table with |---+---| rules: this week is progress, last week its prev, the delta column no figure of its own', async () => {
  const [ex] = await read(
    'storage.org',
    [
      '#+TITLE: Storage squad weekly',
      '#+DATE: 2025-03-14',
      '',
      '* Milestones',
      '| Milestone      | Last Week | This Week | Delta |',
      '|----------------+-----------+-----------+-------|',
      '| Tiered cache   |       40% |       55% |  +15% |',
      '| Snapshot GC    |       70% |       70% |    0% |',
    ].join('\n'),
  );
  assert.is(ex!.week, '2025-W11');
  assert.equal(progress(ex!), ['Tiered cache=55<40', 'Snapshot GC=70<70']);
});

test('grid table (+----+, +====+): the progress column read, the name from the first column', async () => {
  const [ex] = await read(
    'risk.md',
    ['# 风控组周报 2022-08-19', '', '+-----------+--------+', '| 项目      | 进度   |', '+===========+========+', '| 反欺诈引擎  | 45%    |', '+-----------+--------+', '| 额度模型  | 60%    |', '+-----------+--------+'].join('\n'),
  );
  assert.equal(progress(ex!), ['反欺诈引擎=45', '额度模型=60']);
});

test('HTML table: rowspan repeats the project, colspan with two labelled figures gives two metrics, <br> in a name is a space', async () => {
  const html = `<html><head><title>Mobile squad weekly 2023-11-10</title></head><body>
<table>
<tr><th>Project</th><th>Platform</th><th>Progress</th></tr>
<tr><td rowspan="2">Wallet</td><td>Web</td><td>70%</td></tr>
<tr><td>App</td><td>40%</td></tr>
<tr><td>Rewards</td><td colspan="2">Web 65% / 小程序 30%</td></tr>
<tr><td>Search<br>revamp</td><td>all</td><td>20%</td></tr>
</table></body></html>`;
  const [ex] = await read('mobile.html', html);
  assert.equal(progress(ex!), ['Wallet Web=70', 'Wallet App=40', 'Rewards/Web=65', 'Rewards/小程序=30', 'Search revamp all=20']);
});

test('Markdown table: key columns joined (one project, two repositories stay two items); counts without % are never percentages', async () => {
  const [ex] = await read(
    'ci.md',
    [
      '# 构建平台周报 2021-10-22',
      '',
      '| 项目 | 仓库 | TODO | DONE | 进度 |',
      '| --- | --- | --: | --: | --: |',
      '| 制品签名 | sign-core | 39 | 41 | 51% |',
      '| 制品签名 | sign-cli | 10 | 30 | 75% |',
      '| 缓存预热 | warmup | 39 | 41 |  |',
    ].join('\n'),
  );
  assert.equal(progress(ex!), ['制品签名 sign-core=51', '制品签名 sign-cli=75']);
});

test('a ratio header beside done/total count columns is progress; 0–1 fractions there are read ×100 with a note', async () => {
  const [ex] = await read(
    'recon.md',
    ['# 清算组双周报 2024-07-12', '', '| 渠道 | 已核对 | 总笔数 | 核对比例 |', '| --- | --: | --: | --: |', '| 银联 | 720 | 1000 | 0.72 |', '| 网联 | 300 | 1000 | 0.30 |'].join('\n'),
  );
  assert.equal(progress(ex!), ['银联=72', '网联=30']);
  const f = ex!.findings.find((x) => x.match === '0.72')!;
  assert.ok(f.notes?.some((n) => /72/.test(n)), JSON.stringify(f));
});

test('configured progressWords: a domain header becomes the progress column, and check names the configured word', async () => {
  const text = ['# 清算组双周报 2024-07-26', '', '| 渠道 | 对账成功率 |', '| --- | --: |', '| 银联 | 81% |'].join('\n');
  const [plain] = await read('recon.md', text);
  assert.equal(progress(plain!), []);
  const [ex] = await read('recon.md', text, { progressWords: ['对账成功率'] });
  assert.equal(progress(ex!), ['银联=81']);
  const f = ex!.findings.find((x) => x.match === '81%')!;
  assert.is(f.word, '对账成功率');
  assert.is(f.configured, true);
});

test('an e-mail outline: 一、 sections, numbered parents, （1） and ① children; a child figure is the parent project\'s (its own words, when it has any, the metric)', async () => {
  const [ex] = await read(
    'mail.txt',
    [
      '客服中台周报 2022年9月23日',
      '',
      '一、本周工作',
      '1. 工单系统重构（统一受理）',
      '（1）受理模块开发完成，进度：35%->50%；',
      '（2）派单模块：由60%调整为45%，需求变更',
      '2. 坐席助手',
      '（1）本周进度 30%',
      '  ① 语音网关：已切换 12/20 节点（60%）',
      '3. 外呼平台（新）：新启动，进度 5%',
    ].join('\n'),
  );
  assert.equal(progress(ex!), ['工单系统重构（统一受理）/受理模块=50<35', '工单系统重构（统一受理）/派单模块=45<60', '坐席助手=30', '坐席助手/语音网关=60', '外呼平台=5']);
});

test('changes: 进度：40%->55%, 40% → 55%, 由80%调整为65% give the later figure with the earlier as prev', async () => {
  const [ex] = await read('c.md', ['# Week 12, 2023', '', '- 日志平台 进度：40%->55%', '- Tracing rollout: 40% → 55%', '- 告警收敛：由80%调整为65%'].join('\n'));
  assert.equal(progress(ex!), ['日志平台=55<40', 'Tracing rollout=55<40', '告警收敛=65<80']);
});

test('metrics after a progress word (｜ / 、), figures in Chinese words, markers never in names', async () => {
  const [ex] = await read(
    'w.md',
    [
      '# 2020年第45周 周报',
      '',
      '- 票务系统：进度：前端 40%｜后端 30%',
      '- 门禁对接：进度：硬件 70% / 软件 20%、联调 10%',
      '- 人脸库迁移（新）：完成七成',
      '- (NEW) 访客小程序 进度八成五',
      '- 【新增】停车计费 进度百分之六十',
      '- [进行中] 能耗监测 进度过半',
      '- 巡更系统 近八成已完成',
    ].join('\n'),
  );
  assert.equal(progress(ex!), [
    '票务系统/前端=40',
    '票务系统/后端=30',
    '门禁对接/硬件=70',
    '门禁对接/软件=20',
    '门禁对接/联调=10',
    '人脸库迁移=70',
    '访客小程序=85',
    '停车计费=60',
    '能耗监测=50',
    '巡更系统=80',
  ]);
  const near = ex!.observations.find((o) => o.project === '巡更系统')!;
  assert.is(near.qualifier, '近');
});

test('a fence without a language holding report lines is read; one with a language, or holding code, is not', async () => {
  const [ex] = await read(
    'm.md',
    ['# 月报 2021-05-28', '', '```', '[main] 412 / 430 (95.81%)', '[release] 100 / 200 (50%)', '```', '', '```python', 'progress = "50%"', '```', '', '```', 'width: 30%;', '```'].join('\n'),
  );
  assert.equal(progress(ex!), ['main=95.81', 'release=50']);
});

test('many weeks in one file: one report per entry, each with its own week, in either order', async () => {
  const text = ['# 平台组周报', '', '2019年11月29日周报', '- 网关升级 进度 60%', '', '2019年11月22日周报', '- 网关升级 进度 45%', '', '2019年11月15日周报', '- 网关升级 进度 30%'].join('\n');
  const exs = await read('周报.md', text);
  assert.equal(
    exs.map((e) => [e.week, progress(e)]),
    [
      ['2019-W48', ['网关升级=60']],
      ['2019-W47', ['网关升级=45']],
      ['2019-W46', ['网关升级=30']],
    ],
  );
});

test('names listed before a progress word take their figures after 分别 in order', async () => {
  const [ex] = await read('r.md', ['# 第8周 2025-02-21', '', '- 数据中心搬迁：A、B 两个机房进度分别为 90% 和 40%', '- 发版质量：iOS、Android 崩溃率分别为 0.05% 和 0.12%'].join('\n'));
  assert.equal(progress(ex!), ['数据中心搬迁/A=90', '数据中心搬迁/B 两个机房=40']);
  assert.equal(kpis(ex!), ['崩溃率/iOS=0.05', '崩溃率/Android=0.12']);
});

test.run();
