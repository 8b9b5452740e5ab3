import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stalledItems } from '../../src/analyze/stalled.js';
import { rep } from './helpers.js';

const none = new Map<string, string>();

test('counts reports with no increase; a holiday week is skipped but spans calendar weeks', () => {
  const reports = [
    rep('2031-W10', [['审批流', 20], ['报表中心', 5]]),
    rep('2031-W11', [['审批流', 35], ['报表中心', 5]]),
    // W12: no report at all (holiday)
    rep('2031-W13', [['审批流', 35], ['报表中心', 5]]),
    rep('2031-W14', [['审批流', 35], ['报表中心', 5], ['权限中心', 100]]),
  ];
  const s = stalledItems(reports, { asOf: '2031-W14', minReports: 2, aliases: none });
  assert.is(s.asOf, '2031-W14');
  assert.is(s.weeks, 2);
  assert.equal(
    s.items.map(({ trend: _t, ...rest }) => rest),
    [
      { team: '', project: '报表中心', metric: null, percent: 5, reports: 4, since: '2031-W10', lastChanged: '2031-W10', calendarWeeks: 5 },
      { team: '', project: '审批流', metric: null, percent: 35, reports: 3, since: '2031-W11', lastChanged: '2031-W11', calendarWeeks: 4 },
    ],
  );
  // The trend: the item's figure in each of the team's reports (the holiday week has none).
  assert.equal(s.items[0]!.trend.map((t) => t.week), ['2031-W10', '2031-W11', '2031-W13', '2031-W14']);
  const strict = stalledItems(reports, { asOf: '2031-W14', minReports: 4, aliases: none });
  assert.equal(strict.items.map((i) => i.project), ['报表中心']);
});

test('a regression is movement but not progress: the run keeps counting', () => {
  const reports = [rep('2031-W01', [['甲', 10]]), rep('2031-W02', [['甲', 60]]), rep('2031-W03', [['甲', 50]]), rep('2031-W04', [['甲', 50]])];
  const s = stalledItems(reports, { asOf: '2031-W04', minReports: 1, aliases: none });
  assert.equal(s.items.map((i) => [i.reports, i.since, i.lastChanged]), [[3, '2031-W02', '2031-W03']]);
});

test('a report that does not mention the item breaks the chain; as-of cuts later weeks; KPI and 100% never stall', () => {
  const reports = [
    rep('2031-W01', [['甲', 40], ['成功率', 99, null, 'kpi']]),
    rep('2031-W02', [['乙', 1], ['成功率', 99, null, 'kpi']]),
    rep('2031-W03', [['甲', 40], ['乙', 1], ['成功率', 99, null, 'kpi']]),
    rep('2031-W04', [['甲', 40], ['乙', 1]]),
    rep('2031-W05', [['甲', 90], ['乙', 9]]),
  ];
  const s = stalledItems(reports, { asOf: '2031-W04', minReports: 1, aliases: none });
  assert.equal(s.items.map((i) => [i.project, i.reports]), [['乙', 3], ['甲', 2]]);
});

test('stalled across a year boundary (reporter weeks: 2030 has 52) with a holiday in W01', () => {
  const reports = [
    rep('2030-W50', [['年终结算', 70]]),
    rep('2030-W51', [['年终结算', 80]]),
    rep('2030-W52', [['年终结算', 80]]),
    rep('2031-W02', [['年终结算', 80]]),
  ];
  const s = stalledItems(reports, { asOf: '2031-W02', minReports: 2, aliases: none, scheme: 'reporter' });
  assert.equal(s.items.map((i) => [i.reports, i.since, i.calendarWeeks]), [[3, '2030-W51', 4]]);
});

test('teams are counted separately; a team without an as-of report is not listed; aliases join names', () => {
  const aliases = new Map([['老名字', '新名字']]);
  const reports = [
    rep('2031-W01', [['老名字', 30]], 'alpha'),
    rep('2031-W02', [['新名字', 30]], 'alpha'),
    rep('2031-W01', [['新名字', 30]], 'beta'),
    rep('2031-W02', [['新名字', 31]], 'beta'),
    rep('2031-W01', [['别的', 30]], 'gamma'),
  ];
  const s = stalledItems(reports, { asOf: '2031-W02', minReports: 1, aliases });
  assert.equal(s.items.map((i) => [i.team, i.project, i.reports]), [['alpha', '新名字', 2], ['beta', '新名字', 1]]);
  const b = stalledItems(reports, { asOf: '2031-W02', minReports: 1, aliases, team: 'beta' });
  assert.equal(b.items.map((i) => i.team), ['beta']);
});

test.run();
