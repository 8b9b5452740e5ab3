// Report weeks written in the many ways titles, file names and folders give them (own fixtures under
// test/fixtures/extract/weeks): each stored in the week its author meant, or in none when the text is ambiguous.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.js';
import { readBytesAs } from '../../src/read/index.js';
import { root } from '../cli/support/cli.js';

const dir = join(root, 'test', 'fixtures', 'extract', 'weeks');

async function weekOf(file: string, today?: string): Promise<{ week: string | null; date: string | null; warnings: string[] }> {
  // The name as a folder walk gives it: the folders below the path given, then the file.
  const parts = await readBytesAs(readFileSync(join(dir, file)), `reports/${file}`);
  assert.is(parts.length, 1);
  const ex = extract(parts[0]!.document, { scheme: 'reporter', ...(today ? { today } : {}) });
  return { week: ex.week, date: ex.date, warnings: ex.warnings.map((w) => w.message) };
}

test('an English day range within one month: `Weekly Report – Jun 3–7, 2024`', async () => {
  assert.is((await weekOf('digest-range.md')).week, '2024-W23');
  assert.is((await weekOf('digest-range.md')).date, '2024-06-07');
});

test('numeric day and month before the year: the order read from a part above 12', async () => {
  assert.is((await weekOf('status-us.md')).week, '2024-W42');
  assert.is((await weekOf('status-dmy.md')).week, '2024-W43');
});

test('04/10/2024 could be April or October: no week is invented from it', async () => {
  assert.is((await weekOf('status-ambiguous.md')).week, null);
});

test('a year standing beside a week label is its year: `W37 周报 2024`, `25W08`', async () => {
  assert.is((await weekOf('year-beside.md')).week, '2024-W37');
  assert.is((await weekOf('yy-week.md')).week, '2025-W08');
});

test('a fiscal year (FY25) or a count (2000 人) beside a label is no calendar year', async () => {
  assert.is((await weekOf('fiscal.md')).week, null);
  assert.is((await weekOf('count-not-year.md')).week, null);
});

test('a Monday summary of last week (`上周工作总结 2024-09-09`) is the week before, said in a warning', async () => {
  const r = await weekOf('last-week-title.md');
  assert.is(r.week, '2024-W36');
  assert.is(r.date, '2024-09-09');
  assert.ok(r.warnings.some((w) => w.includes('last week')), r.warnings.join('\n'));
});

test("last week's date beside the report's own (`（上周 2025-01-03）`) is context", async () => {
  assert.is((await weekOf('last-week-aside.md')).week, '2025-W02');
  assert.is((await weekOf('last-week-aside.md')).date, '2025-01-10');
});

test('a file without a date in a dated folder: the folder dates it', async () => {
  assert.is((await weekOf('2024-11-22/团队周报.md')).week, '2024-W47');
  assert.is((await weekOf('2025-W03/notes.md')).week, '2025-W03');
});

test("an export's content hash in the name (Notion) is no date, whatever digits it holds", async () => {
  assert.is((await weekOf('notion/周报 2025-06-13 9c1e20240517ab3f4d6e8a0b2c4e6f8a1b.md')).week, '2025-W24');
});

test('year, month and day as folders: 2025/06/13.md', async () => {
  assert.is((await weekOf('2025/06/13.md')).week, '2025-W24');
});

test('a date in Chinese numerals: 二〇二五年六月二十日', async () => {
  assert.is((await weekOf('chinese-numerals.md')).week, '2025-W25');
  assert.is((await weekOf('chinese-numerals.md')).date, '2025-06-20');
});

test("the title's days (`6.16-6.20`) over a later edit stamp, which gives only the year", async () => {
  assert.is((await weekOf('edited-later.md')).week, '2025-W25');
  assert.is((await weekOf('edited-later.md')).date, '2025-06-20');
});

test('English days without a year (`Week 24 (9–13 June)`): the latest year they run Monday to Friday', async () => {
  const r = await weekOf('english-days.md', '2026-11-29');
  assert.is(r.date, '2025-06-13');
  assert.is(r.week, '2025-W24');
});

test("a template's header table (`| 报告人 | 日期 |`) dates the report; a milestone table's date does not", async () => {
  assert.is((await weekOf('header-table.md')).week, '2025-W24');
  assert.is((await weekOf('milestone-table.md')).week, null);
});

// Forms the blind sets showed still open (issue 9): a month's own week count, dated bold paragraphs and list
// items as entry labels, slash dates read in the order the file's other dates show, a Monday mail about last week.

async function weeksOf(file: string): Promise<{ week: string | null; warnings: string[] }[]> {
  const parts = await readBytesAs(readFileSync(join(dir, file)), `reports/${file}`);
  return parts.map((p) => {
    const ex = extract(p.document, { scheme: 'reporter', today: '2026-11-29' });
    return { week: ex.week, warnings: [...p.document.warnings, ...ex.warnings].map((w) => w.message) };
  });
}

test('a month’s own week count (`2025年9月第3周`, `10月第一週`, `second week of July 2024`): the week that holds its nth Thursday, warned', async () => {
  const r = await weekOf('open/供应链中台周报-9月第3周.md');
  assert.is(r.week, '2025-W38');
  assert.ok(r.warnings.some((w) => w.includes('month of its Thursday')), r.warnings.join('\n'));
  assert.is((await weekOf('open/雲端平台週報.md')).week, '2023-W41');
  assert.is((await weekOf('open/status-second-week.md')).week, '2024-W28');
});

test('a month’s week count beside a date that disagrees: the date wins, said in a warning', async () => {
  const r = await weekOf('open/月周与日期.md');
  assert.is(r.week, '2024-W10');
  assert.ok(r.warnings.some((w) => w.includes('using the date')), r.warnings.join('\n'));
});

test('a month’s week that does not exist (11月第5周 of 2024) is said, and the mail’s date decides', async () => {
  const r = await weekOf('open/11月第5周.txt');
  assert.is(r.week, '2024-W49');
  assert.ok(r.warnings.some((w) => w.includes('does not exist')), r.warnings.join('\n'));
});

test('a many-weeks file labelled by month weeks (`### 12月第4周`, `### 1月第1周`) crosses the year from the title’s year', async () => {
  const r = await weeksOf('open/交付中心周报-跨年.md');
  assert.equal(r.map((x) => x.week), ['2024-W51', '2024-W52', '2025-W01', '2025-W02']);
  assert.ok(r[0]!.warnings.some((w) => w.includes('month of its Thursday')), r[0]!.warnings.join('\n'));
});

test('dated bold paragraphs split a file into entries (`**2025年2月14日周报**`, `**Week ending 7 March 2025**`)', async () => {
  assert.equal((await weeksOf('open/风控组周报汇总.md')).map((x) => x.week), ['2025-W07', '2025-W06', '2025-W04']);
  assert.equal((await weeksOf('open/growth-weekly-log.md')).map((x) => x.week), ['2025-W10', '2025-W11']);
});

test('a top-level list item holding only a date, with the week nested under it, is an entry label', async () => {
  assert.equal((await weeksOf('open/客户端周报.md')).map((x) => x.week), ['2024-W20', '2024-W19']);
});

test('slash dates that could be either order are read as the file’s other dates show (`10/18/2023` beside `10/4/2023`)', async () => {
  const r = await weeksOf('open/infra-notes-us.md');
  assert.equal(r.map((x) => x.week), ['2023-W41', '2023-W42', '2023-W43']);
  assert.ok(r[0]!.warnings.some((w) => w.includes('month first')), r[0]!.warnings.join('\n'));
});

test('with no date that tells, the order in which the entries run a week apart decides (12/09 and 05/09 day first)', async () => {
  assert.equal((await weeksOf('open/berichte-dmy.md')).map((x) => x.week), ['2025-W37', '2025-W36']);
});

test('a single report’s ambiguous title date (`06/07/2024`) is read as its body’s dates show (`06/21/2024`)', async () => {
  assert.is((await weekOf('open/status-ambiguous-told.md')).week, '2024-W23');
});

test('a Monday mail about last week (`上周工作汇报`, `Last week’s update`) is the week before its sending, warned', async () => {
  const cn = await weekOf('open/monday-last-week.txt');
  assert.is(cn.week, '2024-W38');
  assert.is(cn.date, '2024-09-23');
  assert.ok(cn.warnings.some((w) => w.includes('last week')), cn.warnings.join('\n'));
  assert.is((await weekOf('open/monday-update.eml')).week, '2024-W22');
});

test('a mail whose subject gives the week’s days (`（12.30-1.3）`, sent 2025-01-06) is of those days, in the year nearest the sending', async () => {
  assert.is((await weekOf('open/monday-range.txt')).week, '2025-W01');
});

test('a Monday mail that speaks of this week first (`本周计划（附上周回顾）`) stays in its own week', async () => {
  assert.is((await weekOf('open/monday-this-week.txt')).week, '2024-W39');
});

test("a mail sent on Monday whose subject names the week's last day without a year (`week ending 7 March`): that week", async () => {
  const r = await weekOf('mail-week-ending.eml');
  assert.equal([r.week, r.date], ['2025-W10', '2025-03-07']);
});

// Periods longer than a week: stored in the week that holds their last day, with a warning each time (README).
test('a sprint or 双周报 dated from–to is stored in the week of its last day, and says so', async () => {
  const sprint = await weekOf('periods/sprint-range.md');
  assert.equal([sprint.week, sprint.date], ['2025-W11', '2025-03-14']);
  assert.ok(sprint.warnings.some((w) => w.includes('covers 2025-03-03 – 2025-03-14, more than one week')), sprint.warnings.join('\n'));
  const biweekly = await weekOf('periods/biweekly-newyear.md');
  assert.equal([biweekly.week, biweekly.date], ['2024-W01', '2024-01-05']);
  assert.ok(biweekly.warnings.some((w) => w.includes('covers 2023-12-25 – 2024-01-05')), biweekly.warnings.join('\n'));
});

test('a two-week span without a year (`Sprint 8 demo — Sep 8–19`): the latest year it runs from a Monday', async () => {
  const r = await weekOf('periods/sprint-yearless.md', '2026-11-29');
  assert.equal([r.week, r.date], ['2025-W38', '2025-09-19']);
  assert.ok(r.warnings.some((w) => w.includes('no year')) && r.warnings.some((w) => w.includes('more than one week')), r.warnings.join('\n'));
});

test('a range of weeks (`第51-52周`, `2024-W52 ~ 2025-W01`) is stored in its last week', async () => {
  const r = await weekOf('periods/week-range.md');
  assert.is(r.week, '2022-W52');
  assert.ok(r.warnings.some((w) => w.includes('covers weeks 51–52')), r.warnings.join('\n'));
  assert.is((await weekOf('periods/week-range-newyear.md')).week, '2025-W01');
});

test("a monthly report is stored in the week of the month's last day; a weekly report naming only its month gets no week", async () => {
  const zh = await weekOf('periods/monthly-zh.md');
  assert.equal([zh.week, zh.date], ['2022-W40', '2022-09-30']);
  assert.ok(zh.warnings.some((w) => w.includes('monthly report (2022-09)')), zh.warnings.join('\n'));
  const en = await weekOf('periods/monthly-en.md');
  assert.equal([en.week, en.date], ['2024-W09', '2024-02-29']);
  assert.is((await weekOf('periods/month-only-weekly.md')).week, null);
});

test.run();
