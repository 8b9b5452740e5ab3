import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dateWeekOf, yearWeekOf, parseDate, weekOfDate, weekStart, formatDate, weeksBetween, resolveWeekRef, isValidWeek, weeksInYear } from '../../src/model/week.js';
import { UsageError } from '../../src/model/errors.js';

const week = (iso: string, scheme: 'reporter' | 'iso' = 'reporter') => weekOfDate(parseDate(iso)!, scheme);

test('reporter weeks: the week holding 1 January is W01, weeks start on Monday', () => {
  assert.is(week('2023-04-14'), '2023-W16');
  assert.is(week('2023-01-09'), '2023-W03');
  assert.is(week('2023-01-01'), '2023-W01'); // a Sunday
  assert.is(week('2023-01-02'), '2023-W02'); // the Monday after
  assert.is(week('2024-01-01'), '2024-W01'); // a Monday
});

test('ISO weeks differ from the reporter convention', () => {
  assert.is(week('2023-04-14', 'iso'), '2023-W15');
  assert.is(week('2023-01-09', 'iso'), '2023-W02');
  assert.is(week('2023-01-01', 'iso'), '2022-W52');
});

test('late December can belong to W01 of the next week-year', () => {
  assert.is(week('2022-12-26'), '2023-W01'); // Monday of the week holding 2023-01-01
  assert.is(week('2022-12-31'), '2023-W01');
  assert.is(week('2022-12-25'), '2022-W52'); // the Sunday before is still 2022
  assert.is(week('2025-12-29'), '2026-W01');
  assert.is(week('2024-12-30', 'iso'), '2025-W01');
  assert.is(week('2023-12-31'), '2023-W53'); // 2024-01-01 is a Monday, so 2023 keeps its last days
});

test('weekStart is the Monday of the week and round-trips', () => {
  assert.is(formatDate(weekStart('2023-W16')), '2023-04-10');
  assert.is(formatDate(weekStart('2023-W01')), '2022-12-26');
  assert.is(formatDate(weekStart('2023-W16', 'iso')), '2023-04-17');
  for (const iso of ['2021-03-07', '2022-12-31', '2024-02-29', '2026-11-24']) {
    const w = week(iso);
    const start = weekStart(w);
    assert.is(start.getDay(), 1, `${w} starts on a Monday`);
    assert.is(week(formatDate(start)), w);
  }
});

test('weeksBetween counts calendar weeks across a year boundary', () => {
  assert.is(weeksBetween('2023-W03', '2023-W16'), 13);
  assert.is(weeksBetween('2022-W52', '2023-W02'), 2);
  assert.is(weeksBetween('2023-W16', '2023-W03'), -13);
});

test('weeks per year and validity', () => {
  assert.ok(weeksInYear(2022) >= 52);
  assert.ok(isValidWeek('2023-W16'));
  assert.not.ok(isValidWeek('2023-W60'));
  assert.not.ok(isValidWeek('2023-W00'));
});

test('parseDate rejects impossible dates', () => {
  assert.is(parseDate('2023-02-30'), null);
  assert.is(parseDate('2023-13-01'), null);
  assert.is(parseDate('nonsense'), null);
});

test('week references resolve against stored weeks', () => {
  const stored = ['2022-W16', '2023-W03', '2023-W15', '2023-W16'];
  assert.equal(resolveWeekRef('2023-W16', stored), { week: '2023-W16' });
  assert.equal(resolveWeekRef('w15', stored), { week: '2023-W15' });
  assert.equal(resolveWeekRef('3', stored), { week: '2023-W03' });
  assert.equal(resolveWeekRef('2023-04-14', stored), { week: '2023-W16' });
  assert.equal(resolveWeekRef('latest', stored), { week: '2023-W16' });
  assert.equal(resolveWeekRef('previous', stored), { week: '2023-W15' });
  const amb = resolveWeekRef('W16', stored);
  assert.is(amb.week, '2023-W16');
  assert.match(amb.note ?? '', /2022-W16/);
});

test('unknown week references are usage errors listing the stored weeks', () => {
  try {
    resolveWeekRef('W20', ['2023-W15', '2023-W16']);
    assert.unreachable('should throw');
  } catch (e) {
    assert.instance(e, UsageError);
    assert.is((e as UsageError).exitCode, 2);
    assert.match((e as UsageError).format(), /2023-W15, 2023-W16/);
  }
  assert.throws(() => resolveWeekRef('soon', ['2023-W15']), /not a week reference/);
});

test('explicit weeks and dates inside a week, as --week and week references read them', () => {
  assert.is(yearWeekOf('2023-W16'), '2023-W16');
  assert.is(yearWeekOf('2023w3'), '2023-W03');
  assert.is(yearWeekOf('W16'), null);
  assert.is(dateWeekOf('2023/04/14'), '2023-W16');
  assert.is(dateWeekOf('2023.01.09', 'iso'), '2023-W02');
  assert.is(dateWeekOf('2023-02-30'), null);
});

test.run();
