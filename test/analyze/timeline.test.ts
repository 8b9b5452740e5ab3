// Issue 10: statuses as a manager reads them — gaps, stated states, completion in words, identity across wording drift, KPI direction.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffWeeks } from '../../src/analyze/diff.js';
import { history } from '../../src/analyze/history.js';
import { seriesTable } from '../../src/analyze/series.js';
import { stalledItems } from '../../src/analyze/stalled.js';
import { inferredObservations } from '../../src/analyze/timeline.js';
import type { Measure, ReportMeasures, Statement } from '../../src/model/types.js';
import { rep, type M } from './helpers.js';

const none = new Map<string, string>();

/** A statement as the extractor records it. */
function said(kind: Statement['kind'], subjects: string[], phrase: string, line = 90, formerly?: string): Statement {
  return { kind, phrase, rule: `test-${kind}`, line, subjects, text: `${subjects[0]} ${phrase}`, ...(formerly ? { formerly } : {}) };
}

function week(w: string, ms: M[], statements: Statement[] = [], team = ''): ReportMeasures {
  return rep(w, ms, team, statements.length ? { statements } : {});
}

const statusOf = (reports: ReportMeasures[], from: string, to: string) =>
  Object.fromEntries(diffWeeks(reports, { from, to, aliases: none }).items.map((i) => [i.metric ? `${i.project}/${i.metric}` : i.project, i.status]));

test('gaps: an item that skips a report is resumed against its last figure, never dropped + new', () => {
  const reports = [
    week('2031-W10', [['运单中心', 60], ['温控平台', 40]]),
    week('2031-W11', [['温控平台', 48]]), // 运单中心 skipped (本期没有新的进展)
    week('2031-W12', [['运单中心', 66], ['温控平台', 55]]),
  ];
  const d = diffWeeks(reports, { from: '2031-W11', to: '2031-W12', aliases: none });
  const back = d.items.find((i) => i.project === '运单中心')!;
  assert.equal([back.status, back.from, back.to, back.delta, back.last], ['resumed', 60, 66, 6, { week: '2031-W10', percent: 60 }]);
  assert.is(statusOf(reports, '2031-W10', '2031-W11')['运单中心'], 'dropped');
  // The history has one item with a gap, not two.
  const h = history(reports, '运单中心', { aliases: none });
  assert.equal(h.items.length, 1);
  assert.equal(h.items[0]!.points.map((p) => [p.week, p.percent, p.status]), [
    ['2031-W10', 60, 'new'],
    ['2031-W12', 66, 'resumed'],
  ]);
  // Coming back at 100 is a completion; an item first seen between the two weeks is new in a long diff.
  const done = [week('2031-W10', [['甲', 60]]), week('2031-W11', []), week('2031-W12', [['甲', 100], ['乙', 20]])];
  assert.is(statusOf(done, '2031-W11', '2031-W12')['甲'], 'completed');
  const long = [week('2031-W10', [['甲', 10]]), week('2031-W11', [['甲', 20], ['乙', 5]]), week('2031-W12', [['甲', 30], ['乙', 9]])];
  assert.is(statusOf(long, '2031-W10', '2031-W12')['乙'], 'new');
});

test('diff A B looks between: completed in between, last seen in between, stopped in between', () => {
  const reports = [
    week('2031-W10', [['结算2.0', 40], ['埋点治理', 60], ['输血管理', 20], ['对公代发', 70]]),
    week('2031-W11', [['结算2.0', 100], ['埋点治理', 72], ['对公代发', 100]], [said('paused', ['输血管理'], '暂停')]),
    week('2031-W12', [['对公代发', 100]]),
  ];
  const d = diffWeeks(reports, { from: '2031-W10', to: '2031-W12', aliases: none });
  const by = Object.fromEntries(d.items.map((i) => [i.project, i]));
  assert.equal([by['结算2.0']!.status, by['结算2.0']!.to, by['结算2.0']!.last], ['completed', null, { week: '2031-W11', percent: 100 }]);
  assert.equal([by['埋点治理']!.status, by['埋点治理']!.last], ['dropped', { week: '2031-W11', percent: 72 }]);
  assert.equal([by['输血管理']!.status, by['输血管理']!.evidence?.phrase], ['paused', '暂停']);
  assert.is(by['对公代发']!.status, 'completed');
  // Adjacent: what finished stays done, not dropped.
  assert.is(statusOf(reports, '2031-W11', '2031-W12')['结算2.0'], 'done');
});

test('stated states: paused and cancelled are not stalled or dropped, and apply only to tracked items', () => {
  const reports = [
    week('2031-W20', [['跨境收单', 25], ['风控规则迁移', 22], ['对账平台', 45]]),
    week('2031-W21', [['对账平台', 45], ['风控规则迁移', 22]], [
      said('paused', ['跨境收单'], '暂停'),
      said('cancelled', ['风控规则迁移'], '取消'),
      said('paused', ['从未跟踪的项目'], '暂停'),
    ]),
  ];
  const d = diffWeeks(reports, { from: '2031-W20', to: '2031-W21', aliases: none });
  assert.equal(d.items.map((i) => [i.project, i.status, i.from, i.to]), [
    ['对账平台', 'stalled', 45, 45],
    ['跨境收单', 'paused', 25, null],
    ['风控规则迁移', 'cancelled', 22, 22],
  ]);
  assert.is(d.counts.paused, 1);
  assert.is(d.counts.cancelled, 1);
  const st = stalledItems(reports, { asOf: '2031-W21', minReports: 2, aliases: none });
  assert.equal(st.items.map((i) => i.project), ['对账平台'], 'a cancelled item at the same figure is not stalled');
  // The next report: a paused item still absent is not listed again; coming back it is resumed.
  const later = [...reports, week('2031-W22', [['对账平台', 50]]), week('2031-W23', [['对账平台', 52], ['跨境收单', 30]])];
  assert.equal(statusOf(later, '2031-W21', '2031-W22')['跨境收单'], undefined);
  const back = diffWeeks(later, { from: '2031-W22', to: '2031-W23', aliases: none }).items.find((i) => i.project === '跨境收单')!;
  assert.equal([back.status, back.from, back.last], ['resumed', 25, { week: '2031-W20', percent: 25 }]);
  // Stated paused again without a figure (`⏸ 暂停中`): still paused; back at a figure it is resumed from the one it stopped at.
  const still = [...reports, week('2031-W22', [['对账平台', 50]], [said('paused', ['跨境收单'], '暂停中')]), week('2031-W23', [['对账平台', 52], ['跨境收单', 30]])];
  assert.equal(statusOf(still, '2031-W21', '2031-W22')['跨境收单'], 'paused');
  const on = diffWeeks(still, { from: '2031-W22', to: '2031-W23', aliases: none }).items.find((i) => i.project === '跨境收单')!;
  assert.equal([on.status, on.from, on.to], ['resumed', 25, 30]);
});

test('a split: the old item is cancelled, the parts its line names are new with splitFrom; nothing else is linked', () => {
  const split: Statement = { kind: 'cancelled', phrase: '拆分为', rule: 'stated-cancel', line: 4, subjects: ['会员体系重构'], text: '会员体系重构：本周起拆分为“积分中心”和“等级权益”两个项目分别跟踪' };
  const reports = [
    week('2031-W10', [['会员体系重构', 35], ['报表迁移', 60]]),
    week('2031-W11', [['积分中心', 20], ['等级权益', 15], ['报表迁移', 70], ['风控看板', 10]], [split]),
    week('2031-W12', [['积分中心', 35], ['等级权益', 15], ['报表迁移', 80]]),
  ];
  const rows = (from: string, to: string) => diffWeeks(reports, { from, to, aliases: none }).items.map((i) => [i.project, i.status, i.splitFrom]);
  assert.equal(Object.fromEntries(rows('2031-W10', '2031-W11').map(([p, st, from]) => [p, [st, from]])), {
    报表迁移: ['advanced', undefined],
    积分中心: ['new', '会员体系重构'],
    等级权益: ['new', '会员体系重构'],
    风控看板: ['new', undefined],
    会员体系重构: ['cancelled', undefined],
  });
  // The link is said where the parts are new: later they are items like any other.
  assert.ok(rows('2031-W11', '2031-W12').every(([, , from]) => from === undefined));
});

test('completion in words: an inferred 100 for a tracked item without a figure; a figure wins; untracked names never', () => {
  const reports = [
    week('2031-W30', [['历史账单回迁', 90], ['设备注册接口', 85], ['对公代发', 72]]),
    week('2031-W31', [['对公代发', 85]], [
      said('completed', ['历史账单回迁'], '已全量上线', 14),
      said('completed', ['设备注册接口'], '已完成', 15),
      said('completed', ['对公代发'], '已上线', 16),
      said('completed', ['新手活动'], '已上线', 17),
    ]),
  ];
  const d = diffWeeks(reports, { from: '2031-W30', to: '2031-W31', aliases: none });
  assert.equal(d.items.map((i) => [i.project, i.status, i.to, i.inferred ?? false]), [
    ['对公代发', 'advanced', 85, false],
    ['历史账单回迁', 'completed', 100, true],
    ['设备注册接口', 'completed', 100, true],
  ]);
  assert.equal(d.items[1]!.evidence, { phrase: '已全量上线', line: 14, text: '历史账单回迁 已全量上线' });
  const inferred = inferredObservations(reports, none).get('\u00002031-W31')!;
  assert.equal(inferred.map((o) => [o.project, o.percent, o.inferred, o.evidence, o.line]), [
    ['历史账单回迁', 100, true, '已全量上线', 14],
    ['设备注册接口', 100, true, '已完成', 15],
  ]);
  // An item first seen in the same report cannot be completed in words.
  const fresh = [week('2031-W30', []), week('2031-W31', [], [said('completed', ['历史账单回迁'], '已上线')])];
  assert.equal(diffWeeks(fresh, { from: '2031-W30', to: '2031-W31', aliases: none }).items, []);
});

test('a statement names an item through its aliases, spellings and without bracketed remarks', () => {
  const aliases = new Map([['资金清分平台', '清结算中心']]);
  const reports = [
    week('2031-W40', [['资金清分平台', 50], ['仓配一体化对接（鲜丰水果）', 10], ['移动护理', 90, 'PDA'], ['移动护理', 60, 'Web']]),
    week('2031-W41', [['移动护理', 60, 'Web']], [
      said('completed', ['资金清分平台'], '已上线'),
      said('cancelled', ['仓配一体化对接'], '取消'),
      said('completed', ['移动护理'], '已全量上线'),
    ]),
  ];
  const d = diffWeeks(reports, { from: '2031-W40', to: '2031-W41', aliases });
  assert.equal(d.items.map((i) => [i.project, i.metric, i.status]), [
    ['移动护理', 'Web', 'stalled'],
    ['仓配一体化对接（鲜丰水果）', null, 'cancelled'],
    ['清结算中心', null, 'completed'],
    ['移动护理', 'PDA', 'completed'],
  ]);
});

test('a diff of weeks before a rename speaks of the item by the name it had then; after it, by the new one', () => {
  const aliases = new Map([['资金清分平台', '清结算中心']]);
  const reports = [
    week('2031-W36', [['资金清分平台', 30]]),
    week('2031-W37', [['资金清分平台', 38]]),
    week('2031-W41', [['清结算中心', 60]]),
  ];
  const names = (from: string, to: string) => diffWeeks(reports, { from, to, aliases }).items.map((i) => [i.project, i.status, i.current]);
  // The name then, and (`current`) the name it has now, so a reader of the JSON can follow it under either.
  assert.equal(names('2031-W36', '2031-W37'), [['资金清分平台', 'advanced', '清结算中心']]);
  assert.equal(names('2031-W37', '2031-W41'), [['清结算中心', 'advanced', undefined]]);
  assert.equal(names('2031-W36', '2031-W41'), [['清结算中心', 'advanced', undefined]]);
  // A canonical name no report wrote (one the user chose) is used throughout.
  const chosen = new Map([['资金清分平台', '资金中台'], ['清结算中心', '资金中台']]);
  assert.equal(diffWeeks(reports, { from: '2031-W36', to: '2031-W37', aliases: chosen }).items.map((i) => [i.project, i.current]), [['资金中台', undefined]]);
});

test('identity: metric wording drift with one figure per report, and a metric folded into the name, stay one item', () => {
  const drift = [week('2031-W36', [['结算2.0', 70, '灰度切换'], ['对账', 45]]), week('2031-W37', [['结算2.0', 85, '切流'], ['对账', 45]])];
  assert.equal(diffWeeks(drift, { from: '2031-W36', to: '2031-W37', aliases: none }).items.map((i) => [i.project, i.metric, i.status]), [
    ['对账', null, 'stalled'],
    ['结算2.0', '切流', 'advanced'],
  ]);
  const folded = [week('2031-W36', [['结算2.0灰度切换', 70]]), week('2031-W37', [['结算2.0', 85, '切流']])];
  assert.equal(statusOf(folded, '2031-W36', '2031-W37'), { '结算2.0/切流': 'advanced' });
  // Not when the project has several figures: 前端/后端 renamed at once are two questions, not one.
  const several = [week('2031-W36', [['会员', 40, '前端'], ['会员', 30, '后端']]), week('2031-W37', [['会员', 50, 'Web'], ['会员', 35, '服务端']])];
  assert.equal(Object.values(statusOf(several, '2031-W36', '2031-W37')).sort(), ['dropped', 'dropped', 'new', 'new']);
  // Not a restart, and not a phase rename (that is alias suggest's to propose).
  const restart = [week('2031-W36', [['数据平台迁移', 60]]), week('2031-W37', [['数据平台', 5, '二期']])];
  assert.equal(Object.values(statusOf(restart, '2031-W36', '2031-W37')).sort(), ['dropped', 'new']);
  const phase = [week('2031-W36', [['智能客服一期', 40]]), week('2031-W37', [['智能客服', 55]])];
  assert.equal(Object.values(statusOf(phase, '2031-W36', '2031-W37')).sort(), ['dropped', 'new']);
  // A drift after a gap links to the item's last report with a figure.
  const gap = [week('2031-W50', [['司机App', 35]]), week('2031-W51', []), week('2031-W52', [['司机App', 38, '重启后']])];
  assert.equal(statusOf(gap, '2031-W51', '2031-W52'), { '司机App/重启后': 'resumed' });
});

test('identity: numbering and priority tags, a kind-of-work suffix, a gloss or an English name beside the Chinese one do not split an item', () => {
  const cases: [string, number, string, number][] = [
    ['P1-会员中台项目', 40, '会员中台', 48],
    ['3）冷链温控', 20, '冷链温控', 35],
    ['Atlas（统一日志平台）', 55, 'Atlas', 60],
    ['Atlas 统一日志平台', 55, '统一日志平台', 57],
    ['KR2.1 新客首单转化', 30, '新客首单转化', 45],
    ['門市盤點系統', 70, '门市盘点系统', 80],
    // A Han name with a word more or less (round 5): one spelling holds the other whole, the figure continues.
    ['会员中台', 40, '会员中台改造', 45],
    ['支付网关改造', 40, '网关改造', 55],
    ['订单履约看板', 40, '履约看板', 55],
    ['支付网关 v2', 40, '支付网关改造 v2', 48],
  ];
  for (const [a, x, b, y] of cases) {
    const r = [week('2031-W36', [[a, x], ['对账', 45]]), week('2031-W37', [[b, y], ['对账', 50]])];
    assert.equal(statusOf(r, '2031-W36', '2031-W37'), { [b]: 'advanced', 对账: 'advanced' }, `${a} → ${b}`);
  }
  // Not a restart at a much lower figure, not a name that only shares a part inside a word, not when two could match.
  const restart = [week('2031-W36', [['Atlas 统一日志平台', 90]]), week('2031-W37', [['Atlas', 10]])];
  assert.equal(Object.values(statusOf(restart, '2031-W36', '2031-W37')).sort(), ['dropped', 'new']);
  // Not a name that only shares a piece, or holds the other with much more around it, or continues far lower; not when
  // two new names could each be the old one.
  for (const [a, x, b, y] of [
    ['会员中台', 40, '会员积分中台', 45],
    ['会员中台', 40, '会员中台数据治理', 45],
    ['会员中台', 60, '会员中台改造', 20],
    ['数据平台', 40, '数据中台', 45],
    ['支付网关 v2', 40, '支付网关改造 v3', 48],
  ] as const) {
    const r = [week('2031-W36', [[a, x]]), week('2031-W37', [[b, y]])];
    assert.equal(Object.values(statusOf(r, '2031-W36', '2031-W37')).sort(), ['dropped', 'new'], `${a} → ${b}`);
  }
  const twoNew = [week('2031-W36', [['支付网关', 40]]), week('2031-W37', [['支付网关改造', 45], ['支付网关监控', 42]])];
  assert.equal(Object.values(statusOf(twoNew, '2031-W36', '2031-W37')).sort(), ['dropped', 'new', 'new']);
  // A spelling the item had earlier counts too: `支付网关改造` → `网关改造` → `支付网关` is one item.
  const chain = [week('2031-W36', [['支付网关改造', 40]]), week('2031-W37', [['网关改造', 55]]), week('2031-W38', [['支付网关', 70]])];
  assert.equal(Object.values(statusOf(chain, '2031-W37', '2031-W38')), ['advanced']);
  // A bracketed scope on one side (`POS 收银换新（门店侧）`) is no other item.
  const scope = [week('2031-W36', [['门店 POS 收银换新', 78]]), week('2031-W37', [['POS 收银换新（门店侧）', 85]])];
  assert.equal(Object.values(statusOf(scope, '2031-W36', '2031-W37')), ['advanced']);
  const two = [week('2031-W36', [['Atlas 日志', 40], ['Atlas 监控', 42]]), week('2031-W37', [['Atlas', 45]])];
  assert.equal(Object.values(statusOf(two, '2031-W36', '2031-W37')).sort(), ['dropped', 'dropped', 'new']);
  // A completion in words names the item without its tags and suffix.
  const done = [week('2031-W36', [['P0-电子发票项目', 85]]), week('2031-W37', [['对账', 50]], [said('completed', ['电子发票'], '已上线')])];
  assert.is(statusOf(done, '2031-W36', '2031-W37')['P0-电子发票项目'], 'completed');
});

test('KPI direction: lower is better for error figures; statuses improved/worsened/flat/new/dropped, never completed or stalled', () => {
  const kpi = (project: string, percent: number, lower = false): Measure => ({ project, metric: null, percent, kind: 'kpi', line: 1, ...(lower ? { direction: 'lower' as const } : {}) });
  const r = (w: string, ms: Measure[]): ReportMeasures => ({ id: w, team: '', week: w, date: null, source: `${w}.md`, measures: ms.map((m, i) => ({ ...m, line: i + 1 })) });
  const reports = [
    r('2031-W36', [kpi('支付差错率', 0.05, true), kpi('系统可用性', 99.99), kpi('结算准时率', 99.6), kpi('次日留存', 46)]),
    r('2031-W37', [kpi('支付差错率', 0.03, true), kpi('系统可用性', 100), kpi('结算准时率', 99.6), kpi('代发成功率', 99.7)]),
    r('2031-W38', [kpi('支付差错率', 0.05, true), kpi('系统可用性', 100), kpi('结算准时率', 99.2)]),
  ];
  const d = diffWeeks(reports, { from: '2031-W36', to: '2031-W37', aliases: none });
  assert.equal(d.items.map((i) => [i.project, i.status, i.direction]), [
    ['次日留存', 'dropped', 'higher'],
    ['代发成功率', 'new', 'higher'],
    ['支付差错率', 'improved', 'lower'],
    ['系统可用性', 'improved', 'higher'],
    ['结算准时率', 'flat', 'higher'],
  ]);
  assert.equal(d.kpiCounts.completed + d.kpiCounts.stalled + d.counts.improved, 0);
  const next = Object.fromEntries(diffWeeks(reports, { from: '2031-W37', to: '2031-W38', aliases: none }).items.map((i) => [i.project, i.status]));
  assert.equal(next, { 代发成功率: 'dropped', 支付差错率: 'worsened', 结算准时率: 'worsened', 系统可用性: 'flat' });
  const st = stalledItems(reports, { asOf: '2031-W38', minReports: 2, aliases: none });
  assert.equal(st.items, [], 'KPIs are never stalled');
  // Small shares move in their third decimal (`委托失败率 0.02% → 0.018%`): compared at the 4 decimals kept, not at 2.
  const small = [r('2031-W40', [kpi('委托失败率', 0.02, true)]), r('2031-W41', [kpi('委托失败率', 0.018, true)]), r('2031-W42', [kpi('委托失败率', 0.0181, true)])];
  const fine = diffWeeks(small, { from: '2031-W40', to: '2031-W41', aliases: none }).items[0]!;
  assert.equal([fine.status, fine.from, fine.to, fine.delta], ['improved', 0.02, 0.018, -0.002]);
  assert.is(diffWeeks(small, { from: '2031-W41', to: '2031-W42', aliases: none }).items[0]!.status, 'worsened');
});

test('export agrees with diff of its last week, history with diff of each week', () => {
  const reports = [
    week('2031-W10', [['甲', 10], ['乙', 50], ['丙', 30]]),
    week('2031-W11', [['甲', 20], ['丙', 30]], [said('paused', ['乙'], '暂停')]),
    week('2031-W12', [['甲', 20], ['乙', 55]], [said('completed', ['丙'], '已交付')]),
  ];
  const t = seriesTable(reports, { aliases: none });
  const last = statusOf(reports, '2031-W11', '2031-W12');
  assert.equal(Object.fromEntries(t.rows.map((r) => [r.project, r.status])), last);
  assert.equal(last, { 甲: 'stalled', 乙: 'resumed', 丙: 'completed' });
  assert.equal(t.rows.find((r) => r.project === '丙')!.values, [30, 30, 100]);
  for (const [from, to] of [['2031-W10', '2031-W11'], ['2031-W11', '2031-W12']] as const) {
    const d = statusOf(reports, from, to);
    for (const name of Object.keys(d)) {
      const p = history(reports, name, { aliases: none }).items[0]!.points.find((x) => x.week === to);
      if (p) assert.is(p.status, d[name], `${name} ${to}`);
    }
  }
});

test('an earlier figure the report states (`35%（上周 30%）`) for an item the previous report did not list: advanced from it, not new', () => {
  const withPrev = (w: string, ms: [string, number, number | undefined, Measure['kind']?][]): ReportMeasures => ({
    ...rep(w, []),
    measures: ms.map(([project, percent, prev, kind = 'progress'], i) => ({ project, metric: null, percent, kind, line: i + 1, ...(prev !== undefined ? { prev } : {}) })),
  });
  const reports = [
    withPrev('2031-W41', [['指标平台', 45, undefined]]),
    withPrev('2031-W42', [['指标平台', 52, 45], ['数据血缘平台', 35, 30], ['数据资产目录', 20, undefined], ['上线验收', 100, 90], ['回退项目', 20, 25]]),
    withPrev('2031-W43', [['指标平台', 60, 50], ['数据血缘平台', 45, 35], ['数据资产目录', 20, undefined]]),
  ];
  const d = diffWeeks(reports, { from: '2031-W41', to: '2031-W42', aliases: none });
  const row = (p: string) => d.items.find((i) => i.project === p)!;
  assert.equal([row('数据血缘平台').status, row('数据血缘平台').from, row('数据血缘平台').delta], ['advanced', 30, 5]);
  assert.is(row('上线验收').status, 'completed');
  assert.is(row('回退项目').status, 'regressed');
  assert.is(row('数据资产目录').status, 'new');
  // A figure listed in the earlier report wins over the one stated later (45 → 52 by the reports, whatever 上周 says).
  assert.equal([row('指标平台').status, row('指标平台').from], ['advanced', 45]);
  // Across a report in between, the stated figure is not the earlier report's: new.
  assert.is(statusOf(reports, '2031-W41', '2031-W43')['数据血缘平台'], 'new');
  // history agrees with the adjacent diff.
  const h = history(reports, '数据血缘平台', { aliases: none });
  assert.equal(h.items[0]!.points.map((p) => p.status), ['advanced', 'advanced']);
});

test.run();
