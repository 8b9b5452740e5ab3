import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffWeeks } from '../../src/analyze/diff.js';
import { classify } from '../../src/analyze/items.js';
import { rep } from './helpers.js';

const none = new Map<string, string>();

test('every status, including 100 → lower, 100 → 100, new at 100 and finished vs dropped', () => {
  const a = rep('2031-W10', [
    ['支付网关', 30],
    ['风控规则', 50],
    ['对账平台', 100],
    ['清算系统', 60],
    ['票据识别', 45],
    ['结算中心', 100],
    ['消息总线', 80],
    ['旧版门户', 100],
  ]);
  const b = rep('2031-W11', [
    ['支付网关', 45],
    ['风控规则', 50],
    ['对账平台', 90],
    ['清算系统', 100],
    ['结算中心', 100],
    ['消息总线', 70],
    ['商户后台', 10],
    ['发票服务', 100],
  ]);
  const d = diffWeeks([b, a], { from: '2031-W10', to: '2031-W11', aliases: none });
  const status = Object.fromEntries(d.items.map((i) => [i.project, i.status]));
  assert.equal(status, {
    支付网关: 'advanced',
    风控规则: 'stalled',
    对账平台: 'regressed',
    清算系统: 'completed',
    票据识别: 'dropped',
    结算中心: 'done',
    消息总线: 'regressed',
    商户后台: 'new',
    发票服务: 'completed',
    旧版门户: 'done',
  });
  assert.equal(
    d.items.map((i) => i.project),
    ['对账平台', '消息总线', '票据识别', '风控规则', '商户后台', '支付网关', '发票服务', '清算系统', '旧版门户', '结算中心'],
  );
  assert.equal(d.counts, {
    regressed: 2, dropped: 1, stalled: 1, worsened: 0, paused: 0, cancelled: 0,
    new: 1, resumed: 0, advanced: 1, improved: 0, completed: 2, flat: 0, done: 2,
  });
  const gone = d.items.find((i) => i.project === '票据识别')!;
  assert.equal([gone.from, gone.to, gone.delta], [45, null, null]);
  const back = d.items.find((i) => i.project === '对账平台')!;
  assert.is(back.delta, -10);
});

test('float noise is no movement; deltas are rounded to 2 decimals', () => {
  const d = diffWeeks(
    [rep('2031-W01', [['甲', 72.2], ['乙', 0.1]]), rep('2031-W02', [['甲', 72.199999999], ['乙', 0.3]])],
    { from: '2031-W01', to: '2031-W02', aliases: none },
  );
  assert.is(d.items.find((i) => i.project === '甲')!.status, 'stalled');
  assert.is(d.items.find((i) => i.project === '乙')!.delta, 0.2);
});

test('weeks need not be adjacent', () => {
  const reports = [rep('2031-W05', [['甲', 10]]), rep('2031-W06', [['甲', 90]]), rep('2031-W09', [['甲', 20]])];
  const d = diffWeeks(reports, { from: '2031-W05', to: '2031-W09', aliases: none });
  assert.equal(d.items.map((i) => [i.from, i.to, i.delta, i.status]), [[10, 20, 10, 'advanced']]);
});

test('aliases merge a renamed item and show the canonical name', () => {
  const aliases = new Map([['智能客服一期', '智能客服']]);
  const reports = [rep('2031-W05', [['智能客服一期', 40, '后端']]), rep('2031-W06', [['智能客服', 55, '后端']])];
  const d = diffWeeks(reports, { from: '2031-W05', to: '2031-W06', aliases });
  assert.equal(d.items, [
    { team: '', project: '智能客服', metric: '后端', kind: 'progress', from: 40, to: 55, delta: 15, status: 'advanced' },
  ]);
  const plain = diffWeeks(reports, { from: '2031-W05', to: '2031-W06', aliases: none });
  assert.equal(plain.items.map((i) => i.status).sort(), ['dropped', 'new']);
});

test('several teams: identity includes the team, the filter narrows, a missing report is not a drop', () => {
  const reports = [
    rep('2031-W05', [['数据中台', 40]], 'alpha'),
    rep('2031-W06', [['数据中台', 40]], 'alpha'),
    rep('2031-W05', [['数据中台', 10]], 'beta'),
    rep('2031-W06', [['数据中台', 30]], 'beta'),
    rep('2031-W05', [['埋点平台', 10]], 'gamma'),
  ];
  const d = diffWeeks(reports, { from: '2031-W05', to: '2031-W06', aliases: none });
  assert.equal(d.items.map((i) => [i.team, i.status]), [['alpha', 'stalled'], ['beta', 'advanced']]);
  assert.equal(d.missing, [{ team: 'gamma', week: '2031-W06' }]);
  const only = diffWeeks(reports, { from: '2031-W05', to: '2031-W06', aliases: none, team: 'beta' });
  assert.equal(only.items.map((i) => i.team), ['beta']);
});

test('KPI items get statuses but are sorted after progress and counted apart', () => {
  const d = diffWeeks(
    [
      rep('2031-W05', [['接口成功率', 99.9, null, 'kpi'], ['甲', 10]]),
      rep('2031-W06', [['接口成功率', 99.9, null, 'kpi'], ['甲', 20]]),
    ],
    { from: '2031-W05', to: '2031-W06', aliases: none },
  );
  // A KPI that holds its figure is flat, never stalled (issue 10).
  assert.equal(d.items.map((i) => [i.kind, i.status]), [['progress', 'advanced'], ['kpi', 'flat']]);
  assert.is(d.counts.stalled, 0);
  assert.is(d.kpiCounts.stalled, 0);
  assert.is(d.kpiCounts.flat, 1);
});

test('an item twice in one report: the first line wins; duplicate reports of a team-week: the latest date wins', () => {
  const twice = rep('2031-W06', [['甲', 30], ['甲', 80]]);
  const d = diffWeeks([rep('2031-W05', [['甲', 10]]), twice], { from: '2031-W05', to: '2031-W06', aliases: none });
  assert.is(d.items[0]!.to, 30);
  const older = rep('2031-W06', [['甲', 50]], '', { id: 'x', date: '2031-02-03' });
  const newer = rep('2031-W06', [['甲', 60]], '', { id: 'y', date: '2031-02-05' });
  for (const order of [[older, newer], [newer, older]]) {
    const e = diffWeeks([rep('2031-W05', [['甲', 10]]), ...order], { from: '2031-W05', to: '2031-W06', aliases: none });
    assert.is(e.items[0]!.to, 60);
  }
});

test('classify covers the table of DESIGN.md', () => {
  assert.is(classify(null, 0), 'new');
  assert.is(classify(null, 100), 'completed');
  assert.is(classify(99.99, 100), 'completed');
  assert.is(classify(100, 99.99), 'regressed');
  assert.is(classify(100, null), 'done');
  assert.is(classify(0, null), 'dropped');
});

test.run();
