// The percentage grammar, form by form, with several phrasings each (our own projects and wording).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract } from '../../src/extract/index.js';
import type { Extraction } from '../../src/model/types.js';

const run = (body: string, vocabulary = {}): Extraction =>
  extract(parseMarkdown(`# 第20周 2024-05-17\n\n${body}\n`, 'g.md'), { scheme: 'reporter', vocabulary });
/** Progress figures as `project/metric=percent`, in document order. */
const progress = (body: string) =>
  run(body)
    .observations.filter((o) => o.kind === 'progress')
    .map((o) => `${o.project}${o.metric ? '/' + o.metric : ''}=${o.percent}`);
const kpi = (body: string) =>
  run(body)
    .observations.filter((o) => o.kind === 'kpi')
    .map((o) => `${o.project}${o.metric ? '/' + o.metric : ''}=${o.percent}`);

test('two figures in one clause: the line head is the project, the words before each progress word the metric', () => {
  assert.equal(progress('- 会员中心改版，前端进展50%、后端进展40%，资源不足'), ['会员中心改版/前端=50', '会员中心改版/后端=40']);
  assert.equal(progress('- 会员中心改版：前端进度50%，后端进度40%'), ['会员中心改版/前端=50', '会员中心改版/后端=40']);
  assert.equal(progress('- 会员中心改版，iOS完成度30%，Android完成度20%'), ['会员中心改版/iOS=30', '会员中心改版/Android=20']);
});

test('a metric named just before the progress word belongs to the line head', () => {
  assert.equal(progress('- 画像平台，第一批标签上线；第二批标签开发完成，建模进度35%；存量迁移启动'), ['画像平台/建模=35']);
  assert.equal(progress('- 小额贷项目，迭代按计划进行中，接口完成度90%，评审完成'), ['小额贷项目/接口=90']);
});

test('several items on one line split at ；', () => {
  assert.equal(progress('1. 积分商城一期，商品中心改造，进度90%；积分账户-流水明细模型，进度25%'), [
    '积分商城一期/商品中心改造=90',
    '积分商城一期/积分账户-流水明细模型=25',
  ]);
  assert.equal(progress('- 还款提醒改造进度90%；自动扣款重试进度25%'), ['还款提醒改造=90', '自动扣款重试=25']);
  assert.equal(progress('- 还款宝：\n    - 前端进度60%；后端进度10%'), ['还款宝/前端=60', '还款宝/后端=10']);
});

test('a figure named only by its heading', () => {
  assert.equal(progress('### C. 供应链金融\n\n项目整体进度71%'), ['供应链金融=71']);
  assert.equal(progress('### 二、风控中台\n\n整体进度40%'), ['风控中台=40']);
  assert.equal(progress('## 【清结算】\n\n当前进度：55%'), ['清结算=55']);
});

test('a continuation paragraph under a list item', () => {
  const body = ['- 数据湖建设总进度：72.2%', '    ', '    存量报表迁移，迁移进度（总数164个）：69.29%。本周完成7张；', '    '].join('\n');
  assert.equal(progress(body), ['数据湖建设=72.2', '存量报表迁移=69.29']);
});

test('fractions beside a percentage', () => {
  const ex = run('2. 查询管理类：任务完成占比69%（58/84）。');
  assert.equal(ex.observations.map((o) => [o.project, o.percent, o.done, o.total]), [['查询管理类', 69, 58, 84]]);
  assert.equal(ex.warnings, []);
  const bad = run('2. 查询管理类：任务完成占比69%（58/64）。');
  assert.is(bad.observations[0]!.percent, 69);
  assert.is(bad.warnings.length, 1);
  assert.match(bad.warnings[0]!.message, /58\/64/);
  const count = run('[core] 237 / 248 (95.56%)');
  assert.equal(count.observations.map((o) => [o.project, o.percent, o.done, o.total]), [['core', 95.56, 237, 248]]);
});

test('coverage beside completion: completion is progress, coverage never', () => {
  assert.equal(progress('1. 数据确权：主流业务数据100%有覆盖(完成度98.52%)'), ['数据确权=98.52']);
  assert.equal(progress('1. 数据确权：覆盖率100%，完成度60%'), ['数据确权=60']);
});

test('the words before 进度 name the project', () => {
  assert.equal(progress('2. 收单系统技术栈改造进度20%；应用市场调试完成；系统讲解完成。'), ['收单系统技术栈改造=20']);
  assert.equal(progress('- 风控效能提升总体进度99%，进入验收阶段。'), ['风控效能提升=99']);
  assert.equal(progress('- 账户余额、流水核对 开发进度90%'), ['账户余额、流水核对=90']);
});

test('URL-encoded bytes are never percentages, in links or bare', () => {
  assert.equal(progress('[2024/05/12 周日](2024-05-12%20周日_abc.md)'), []);
  assert.equal(progress('见 https://x.example.com/a%20b%E7%AC 与 www.example.com/p?q=50%25'), []);
  assert.equal(progress('目录 %E7%AC%AC03%E5%91%A8%202024'), []);
  const ex = run('见 https://x.example.com/a%20b');
  assert.ok(ex.findings.every((f) => f.verdict === 'ignored'));
});

test('full-width forms and spaces anywhere', () => {
  assert.equal(progress('- 计费系统，完成度20％'), ['计费系统=20']);
  assert.equal(progress('- 计费系统 进度：６０%'), ['计费系统=60']);
  assert.equal(progress('- 清结算日切改造 进度 18 %'), ['清结算日切改造=18']);
  assert.equal(progress('- 计费系统（二期）：整体进度６０ ％。'), ['计费系统(二期)=60'.replace('(二期)', '（二期）')]);
});

test('decimals keep their value; absurd precision is rounded with a warning, never up to 100', () => {
  assert.equal(progress('- 迁移工具 进度45.25%'), ['迁移工具=45.25']);
  const ex = run('- 账户中心重构，进度99.999999999%');
  assert.equal(ex.observations.map((o) => o.percent), [99.9999]);
  assert.ok(ex.warnings.some((w) => /decimals/.test(w.message)));
});

test('a change in one line: the later figure, the earlier kept as prev', () => {
  const a = run('- 消息中心进度由45%提升至60%');
  assert.equal(a.observations.map((o) => [o.project, o.percent, o.prev]), [['消息中心', 60, 45]]);
  const b = run('- 搜索改版，从30%到50%');
  assert.equal(b.observations.map((o) => [o.project, o.percent, o.prev]), [['搜索改版', 50, 30]]);
  const c = run('- 搜索改版进度 30% → 50%');
  assert.equal(c.observations.map((o) => [o.percent, o.prev]), [[50, 30]]);
  assert.equal(kpi('- 转化率由30%提升至43%'), ['转化率=43']);
});

test('approximate figures keep a qualifier; figures in words (近八成) only beside a progress word', () => {
  const q = (s: string) => run(s).observations.map((o) => `${o.percent}${o.qualifier ?? ''}`);
  assert.equal(q('- 甲项目进度约60%'), ['60约']);
  assert.equal(q('- 甲项目进度>90%'), ['90>']);
  assert.equal(q('- 甲项目进度≈90%'), ['90≈']);
  assert.equal(q('- 甲项目进度90%+'), ['90+']);
  assert.equal(q('- 甲项目，近八成已完成'), ['80近']);
  assert.equal(q('- 甲项目：完成百分之六十五'), ['65']);
  assert.equal(q('- 甲项目，八成五已完成；乙项目进度过半'), ['85', '50过']);
  assert.equal(q('团队近八成需求为插单'), []);
});

test('completion words without a figure invent nothing', () => {
  assert.equal(progress('- 退款链路切换，已全部上线\n- 账单中心上线完毕\n- 进度正常'), []);
});

test('growth, comparison and target figures are never progress', () => {
  assert.equal(progress('- 收入同比增长12%，环比下降3%'), []);
  assert.equal(progress('- 降本目标20%，本周完成缩容'), []);
  assert.equal(progress('- 推荐点击率提升至43%'), []);
  assert.equal(kpi('- 推荐点击率提升至43%'), ['推荐点击率=43']);
  assert.equal(progress('- 完成度较上周提升5%'), []);
});

test('operating figures are kpi: by word, under an intro line, under a metrics heading', () => {
  assert.equal(kpi('- 入金有效成功率：99.99%\n- 系统年度可用性：100%'), ['入金有效成功率=99.99', '系统年度可用性=100']);
  assert.equal(kpi('成功率：\n\n- 入金：99.9%\n- 出金：99.8%'), ['入金=99.9', '出金=99.8']);
  assert.equal(kpi('## 【核心指标】\n\n- 下单：99.9%'), ['下单=99.9']);
  assert.equal(progress('## 【核心指标】\n\n- 下单：99.9%'), []);
  assert.equal(kpi('- 回收率98%，达标率95%'), ['回收率=98', '达标率=95']);
});

test('configurable word lists: extra KPI and ignore words', () => {
  const body = '- 首屏秒开达标：80%\n- 机房水电改造，进度50%';
  assert.equal(progress(body), ['首屏秒开达标=80', '机房水电改造=50']);
  const ex = run(body, { kpiWords: ['秒开'], ignoreWords: ['水电'] });
  assert.equal(ex.observations.map((o) => `${o.kind}:${o.project}`), ['kpi:首屏秒开达标']);
  assert.match(ex.findings.find((f) => f.match === '50%')!.reason!, /ignore list/);
});

test('out-of-range and odd numbers: ignored with a warning, never an observation', () => {
  for (const s of ['- 压测进度150%', '- 权限改造，进度-5%', '- 数据迁移，进度1e400%', '- 迁移进度 999999999999999999999%']) {
    const ex = run(s);
    assert.equal(ex.observations, [], s);
    assert.ok(ex.warnings.length >= 1, s);
  }
});

test('headings, code blocks, reflection and next-week sections hold no progress', () => {
  assert.equal(progress('## 进度80%的回顾\n\n- 复盘完成'), []);
  assert.equal(progress('```\n进度 = 50%\n```'), []);
  assert.equal(progress('# 本周收获与反思\n\n收入从4.7亿到47亿，增长900%，团队进度60%'), []);
  assert.equal(progress('# 下周工作及目标\n\n1. 网关改造进度达到80%'), []);
  assert.equal(progress('## 支付网关改造 进度60%'), ['支付网关改造=60']);
});

test('tables: progress column, last/this week, planned/actual, markup around numbers', () => {
  const t = ['| 项目 | 上周 | 本周 |', '|---|---|---|', '| 库存同步 | 40% | **55%** |', '| 退款重构 | 20% | 35% |'].join('\n');
  const ex = run(t);
  assert.equal(ex.observations.map((o) => [o.project, o.percent, o.prev]), [['库存同步', 55, 40], ['退款重构', 35, 20]]);
  const p = ['| 事项 | 计划进度 | 实际进度 |', '|---|---|---|', '| 订单拆分 | 60% | 52% |'].join('\n');
  assert.equal(run(p).observations.map((o) => [o.project, o.percent, o.planned]), [['订单拆分', 52, 60]]);
  const n = ['| Task | Progress |', '|---|---|', '| Export | 60 |', '| Import | done |'].join('\n');
  assert.equal(progress(n), ['Export=60']);
});

test('names: markers, fillers and brackets trimmed; the written form kept otherwise', () => {
  assert.equal(progress('1. 【重点】链路追踪接入，完成度45%'), ['【重点】链路追踪接入=45']);
  assert.equal(progress('- 服务网格落地，目前进度65%'), ['服务网格落地=65']);
  assert.equal(progress('2、统一鉴权 开发进度55%'), ['统一鉴权=55']);
  assert.equal(progress('- Gateway migration progress: 40%'), ['Gateway migration=40']);
  assert.equal(progress('- 前端进度60%'), ['前端=60']);
});

test('a name stated twice keeps the first figure and warns', () => {
  const ex = run('- 网关改造进度40%\n- 网关改造进度45%');
  assert.equal(ex.observations.map((o) => o.percent), [40]);
  assert.ok(ex.warnings.some((w) => /stated again/.test(w.message)));
});

test('empty items, HTML comments and huge lines break nothing', () => {
  assert.equal(progress('1. \n2. \n<!-- 进度50% -->'), []);
  const huge = '- 巨型项目进度10%，' + '说明'.repeat(50000) + '，尾部进度20%';
  assert.equal(progress(huge), ['巨型项目=10', '尾部=20']);
  const digits = run('- ' + '9'.repeat(100000) + '%');
  assert.equal(digits.observations, []);
});

test.run();
