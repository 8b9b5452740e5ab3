import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dayDate, dayNumber, forecast, forecastRows, type ForecastPoint } from '../../src/analyze/forecast.js';

/** Weekly reports on Fridays from 2031-03-07, with these figures. */
function weekly(...percents: number[]): ForecastPoint[] {
  const start = dayNumber('2031-03-07');
  return percents.map((percent, i) => ({ date: dayDate(start + 7 * i), percent }));
}

test('a steady 10 points a week from 40 reaches 100 six weeks after the last report', () => {
  const f = forecast(weekly(10, 20, 30, 40), null, '2031-03-28');
  assert.is(f.state, 'forecast');
  assert.is(f.pace, 10);
  // 40 on 2031-03-28, +60 at 10/week = 42 days later.
  assert.is(f.eta, '2031-05-09');
  // Every pairwise slope is the same: the range is one day.
  assert.is(f.low, f.eta);
  assert.is(f.high, f.eta);
  assert.is(f.slipping, false);
});

test('one odd report barely moves the Theil–Sen trend (a least-squares line would swing)', () => {
  const clean = forecast(weekly(10, 20, 30, 40, 50, 60), null, '2031-04-11');
  const odd = forecast(weekly(10, 20, 85, 40, 50, 60), null, '2031-04-11');
  assert.is(clean.eta, '2031-05-09');
  assert.is(odd.state, 'forecast');
  const shift = Math.abs(dayNumber(odd.eta!) - dayNumber(clean.eta!));
  assert.ok(shift <= 7, `moved ${shift} days`);
  // Most pairs of reports do not involve the odd one: even the range stays where it was.
  assert.is(odd.low, clean.low);
  assert.is(odd.high, clean.high);
});

test('uneven progress gives a range, earliest to latest', () => {
  const f = forecast(weekly(20, 30, 32, 45, 50), null, '2031-04-04');
  assert.is(f.state, 'forecast');
  assert.ok(dayNumber(f.low!) < dayNumber(f.high!), `${f.low} .. ${f.high}`);
  assert.ok(dayNumber(f.low!) <= dayNumber(f.eta!) && dayNumber(f.eta!) <= dayNumber(f.high!));
});

test('only the recent reports count: an item that sped up is forecast from its new pace', () => {
  const f = forecast(weekly(1, 2, 3, 4, 5, 6, 20, 35, 50, 65, 80), null, '2031-05-16');
  assert.is(f.points, 6);
  assert.ok(f.pace! >= 14, `pace ${f.pace}`);
});

test('fewer than three reports: no forecast, and it says why', () => {
  assert.is(forecast(weekly(10, 20), null, '2031-03-14').state, 'too-few');
  assert.is(forecast(weekly(10), null, '2031-03-07').state, 'too-few');
  assert.is(forecast([], null, '2031-03-07').state, 'too-few');
  assert.is(forecast(weekly(10, 20), null, '2031-03-14').eta, null);
});

test('a flat or falling trend: no forecast', () => {
  const flat = forecast(weekly(60, 60, 60, 60), null, '2031-03-28');
  assert.is(flat.state, 'flat');
  assert.is(flat.eta, null);
  assert.is(flat.pace, 0);
  assert.is(forecast(weekly(80, 75, 72), null, '2031-03-21').state, 'flat');
});

test('done at 100: no forecast and never slipping', () => {
  const f = forecast(weekly(80, 90, 100), '2031-03-01', '2031-04-01');
  assert.is(f.state, 'done');
  assert.is(f.slipping, false);
});

test('slipping when the whole forecast range lies after the due date', () => {
  // 10 a week from 40 on 03-28: 100 on 05-09.
  const late = forecast(weekly(10, 20, 30, 40), '2031-04-30', '2031-03-28');
  assert.is(late.slipping, true);
  assert.is(late.reason, 'after-due');
  const onTime = forecast(weekly(10, 20, 30, 40), '2031-05-15', '2031-03-28');
  assert.is(onTime.slipping, false);
  // The due date inside the range: not (yet) slipping.
  const uneven = forecast(weekly(20, 30, 32, 45, 50), null, '2031-04-04');
  const inside = forecast(weekly(20, 30, 32, 45, 50), uneven.eta, '2031-04-04');
  assert.is(inside.slipping, false);
});

test('without a forecast, slipping when the required pace is more than twice the observed one', () => {
  // Two reports, 5 a week; 50 to go.
  const pts = weekly(45, 50);
  // 10 weeks left: 5 a week needed = the pace seen.
  assert.is(forecast(pts, '2031-05-23', '2031-03-14').slipping, false);
  // 4 weeks left: 12.5 a week needed > 2 × 5.
  const f = forecast(pts, '2031-04-11', '2031-03-14');
  assert.is(f.slipping, true);
  assert.is(f.reason, 'pace');
  assert.is(f.requiredPace, 12.5);
  // A flat trend with a due date ahead: any required pace is more than twice nothing.
  const stuck = forecast(weekly(60, 60, 60), '2031-12-31', '2031-03-21');
  assert.is(stuck.state, 'flat');
  assert.is(stuck.slipping, true);
  // A single report: no pace seen, no verdict before the due date.
  assert.is(forecast(weekly(30), '2031-04-30', '2031-03-07').slipping, false);
});

test('past its due date and not done: slipping, whatever the trend', () => {
  const f = forecast(weekly(30), '2031-03-01', '2031-03-07');
  assert.is(f.slipping, true);
  assert.is(f.reason, 'overdue');
});

test('"today" is a parameter: the same figures and due date slip only later', () => {
  const pts = weekly(45, 50);
  assert.is(forecast(pts, '2031-05-23', '2031-03-14').slipping, false);
  assert.is(forecast(pts, '2031-05-23', '2031-05-02').slipping, true);
});

test('a forecast never lies before the last report', () => {
  // Far above the line: the fitted line reached 100 long ago, but the item is at 95.
  const f = forecast(
    [
      { date: '2031-01-03', percent: 10 },
      { date: '2031-01-10', percent: 50 },
      { date: '2031-01-17', percent: 90 },
      { date: '2031-03-28', percent: 95 },
    ],
    null,
    '2031-03-28',
  );
  assert.is(f.state, 'forecast');
  assert.ok(f.low! >= '2031-03-28', f.low!);
});

test('dayNumber and dayDate are inverses across years and leap days', () => {
  for (const d of ['1999-12-31', '2024-02-29', '2025-12-29', '2026-01-01']) assert.is(dayDate(dayNumber(d)), d);
  assert.is(dayNumber('2024-03-01') - dayNumber('2024-02-28'), 2);
});

test('forecastRows: progress items of the latest report get one; KPIs and items gone from their team do not', () => {
  const t = {
    weeks: ['2031-W10', '2031-W11', '2031-W12', '2031-W13'],
    rows: [
      { team: 'a', project: '进行中', metric: null, kind: 'progress' as const, values: [10, 20, 30, 40] },
      { team: 'a', project: '已消失', metric: null, kind: 'progress' as const, values: [10, 20, 30, null] },
      { team: 'a', project: '成功率', metric: null, kind: 'kpi' as const, values: [99, 99, 99, 99] },
      // Team b's latest report is W12: its items there are current.
      { team: 'b', project: '乙项目', metric: null, kind: 'progress' as const, values: [5, 15, 25, null] },
    ],
  };
  const f = forecastRows(t, { today: '2031-03-28', due: (r) => (r.project === '进行中' ? '2031-04-30' : null) });
  assert.is(f[0]!.state, 'forecast');
  assert.is(f[0]!.due, '2031-04-30');
  assert.is(f[0]!.slipping, true);
  assert.is(f[1], null);
  assert.is(f[2], null);
  assert.is(f[3]!.state, 'forecast');
});

test.run();
