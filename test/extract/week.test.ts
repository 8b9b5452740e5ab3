// Week, date and title from a report's title lines: labels, dates, year boundaries, export metadata.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract } from '../../src/extract/index.js';
import { datesIn, labelIn } from '../../src/extract/week.js';
import type { WeekScheme } from '../../src/model/types.js';

const week = (text: string, scheme: WeekScheme = 'reporter') => extract(parseMarkdown(text, 'x.md'), { scheme });

test('label + date: the label wins, the year is the date week-year', () => {
  assert.is(week('# 第16周 2023-04-14').week, '2023-W16');
  assert.is(week('# 第16周 2023/04/14').week, '2023-W16');
  assert.is(week('# 第16周 2023.04.14').week, '2023-W16');
  assert.is(week('# 第16周 2023年4月14日').week, '2023-W16');
  assert.is(week('# 第16周 2023-04-14').date, '2023-04-14');
});

test('year boundaries: 第01周 in late December, 第52周 in early January', () => {
  assert.is(week('# 第01周 2022-12-28').week, '2023-W01');
  assert.is(week('# 第01周 2022-12-28', 'iso').week, '2023-W01');
  assert.is(week('# 第52周 2023-01-02').week, '2022-W52');
  assert.is(week('# 第52周 2023-01-02', 'iso').week, '2022-W52');
  assert.is(week('# 第53周 2021-01-01', 'iso').week, '2020-W53');
});

test('explicit years and other label forms', () => {
  assert.is(week('# 2023年第16周').week, '2023-W16');
  assert.is(week('# 2023年第16周').date, null);
  assert.is(week('# W16 (2023-04-10 ~ 2023-04-14)').week, '2023-W16');
  assert.is(week('# W16 (2023-04-10 ~ 2023-04-14)').date, '2023-04-14');
  assert.is(week('# Week 16, 2023').week, '2023-W16');
  assert.is(week('# 2023-W16 weekly').week, '2023-W16');
  assert.is(week('# 第十六周 2023-04-14').week, '2023-W16');
  assert.is(week('# 2024年第五十二周').week, '2024-W52');
});

test('English dates in a title or byline: day month year, month day year', () => {
  const ehr = week('# Clinic Systems — EHR Rollout, Week 47 Status\n\n*Friday 22 November 2024 · prepared by the PMO*');
  assert.equal([ehr.week, ehr.date], ['2024-W47', '2024-11-22']);
  assert.equal(datesIn('Fri 9 Jan 2026'), [new Date(2026, 0, 9)]);
  assert.equal(datesIn('Reporting period: 4–8 January 2021'), [new Date(2021, 0, 8)]);
  assert.equal(datesIn('as of November 22, 2024 and Dec. 3rd, 2024'), [new Date(2024, 10, 22), new Date(2024, 11, 3)]);
  assert.equal(datesIn('Mayday 12 2024, 3 Marchx 2024'), []);
});

test('a week label in a body paragraph counts only on a short line', () => {
  const story = week('# 互联网医院二期周报 2026-03-06\n\n春节后第三周，院方信息科人员全部到岗，处方流转平台完成首笔联调。');
  assert.is(story.week, '2026-W10');
  assert.is(week('# 互联网医院二期周报\n\n第3周 2026-01-16').week, '2026-W03');
});

test('a date alone gives its week under the scheme', () => {
  assert.is(week('# 周报 2023-04-14').week, '2023-W16');
  assert.is(week('# 周报 2023-04-14', 'iso').week, '2023-W15');
  assert.is(week('# 周报 2023-01-09').week, '2023-W03');
  assert.is(week('# 周报 2022-12-30').week, '2023-W01');
});

test('the export date (Created:) and dates in the body are never the report date', () => {
  const doc = ['# 平台周报', '', 'Created: 2023年11月29日 20:57', '', '- 预计2023/04/19上线', ''].join('\n');
  const ex = week(doc);
  assert.is(ex.week, null);
  assert.is(ex.date, null);
  assert.is(ex.title, '平台周报');
  const both = ['# 第16周', '', 'Created: 2023年11月29日 20:57', '', '# 第16周 2023/04/14'].join('\n');
  assert.is(week(both).week, '2023-W16');
  assert.is(week(both).date, '2023-04-14');
});

test('with no other date, an edit stamp (更新时间 / Updated) gives the week, its own date and not a later one on its line, with a warning', () => {
  const ex = week(['# 发版火车 4.2 车次', '', '更新时间：2024-05-17（周五） | 封板 2024-05-29 | 列车长：某某', '', '- 订单页改版：进度 40%'].join('\n'));
  assert.is(ex.week, '2024-W20');
  assert.is(ex.date, '2024-05-17');
  assert.ok(ex.warnings.some((w) => /edit stamp/.test(w.message)), JSON.stringify(ex.warnings));
  // A date in the title still wins over the stamp.
  assert.is(week(['# 周报 2024-05-10', '', 'Updated: 2024-05-20', ''].join('\n')).date, '2024-05-10');
});

test('no label and no date → week null; a label without a year warns', () => {
  assert.is(week('# 周报\n\n- 进度50%').week, null);
  const ex = week('# 第16周\n\n- 甲进度50%');
  assert.is(ex.week, null);
  assert.ok(ex.warnings.some((w) => /no year/.test(w.message)));
});

test('a label that does not exist in its year falls back to the date with a warning', () => {
  const ex = week('# 第53周 2024-12-27');
  assert.ok(ex.warnings.some((w) => /does not exist/.test(w.message)));
  assert.is(ex.week, '2024-W52');
});

test('a mail dated 2023-01-06 that says 节后第一周 is 2023-W02, not W01', () => {
  assert.is(week('发件人：冯某\n时间：2023年1月6日（星期五）18:22\n主题：回复：物流组周报（1.3-1.6）\n\n各位：\n\n节后第一周（4 个工作日），汇报如下。\n\n- 项目甲：进度 40%').week, '2023-W02');
});

test('helpers: label and date forms', () => {
  assert.equal(labelIn('第 3 周'), { week: 3 });
  assert.equal(labelIn('第二十周'), { week: 20 });
  assert.equal(labelIn('Wk 7 / 2024'), { week: 7, year: 2024 });
  assert.is(labelIn('无周次'), null);
  // Weeks counted from a holiday, a launch or a month are no weeks of the year.
  assert.is(labelIn('节后第一周（4 个工作日），汇报如下。'), null);
  assert.is(labelIn('上线后第 2 周，运行平稳'), null);
  assert.is(labelIn('3月第2周'), null);
  assert.equal(labelIn('春节后第一周 · 第06周周报'), { week: 6 });
  assert.is(datesIn('2023-02-30').length, 0);
  assert.is(datesIn('20230414').length, 1);
});

test('a range whose end has no year (a fortnight, 2022年2月14日—2月25日) is the report of its end, in the start\'s year', () => {
  assert.is(week('主题：渠道科技处双周报（2022年2月14日—2月25日）\n\n正文').week, '2022-W09');
  assert.is(week('主题：渠道科技处双周报（2022年2月14日—2月25日）\n\n正文').date, '2022-02-25');
  assert.is(week('# 双周报（2021年12月20日—1月2日）').week, '2022-W01');
  // A weekly range ends in its start's week anyway.
  assert.is(week('# 周报（2022年2月21日-25日）').week, '2022-W09');
  // Not a range of that date: the date stands.
  assert.is(week('# 周报 2022年2月14日（2/21-2/25 计划）').date, '2022-02-14');
});

test.run();
