// Many weeks in one file: dated entries become one Document each, with the label's date or week as a hint.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.js';
import { readBytesAs } from '../../src/read/index.js';
import { fileNameHint } from '../../src/read/entries.js';
import { parseMarkdown } from '../../src/read/markdown.js';
import { root } from '../cli/support/cli.js';

const dir = join(root, 'test', 'fixtures', 'read', 'multi');

async function weeks(file: string): Promise<[string, string | null, number[]][]> {
  const parts = await readBytesAs(readFileSync(join(dir, file)), file);
  return parts.map((p) => {
    const ex = extract(p.document, { scheme: 'reporter' });
    return [p.key, ex.week, ex.observations.map((o) => o.percent)];
  });
}

test('dated label lines, newest first, a date written without 日: one entry each', async () => {
  assert.equal(await weeks('周报.md'), [
    ['#2023年3月17日周报', '2023-W12', [70, 45]],
    ['#2023年3月10日周报', '2023-W11', [62, 30]],
    ['#2023年3月3周报', '2023-W10', [55, 20]],
    ['#2023年2月24日周报', '2023-W09', [50]],
  ]);
});

test('English entry labels (`Week ending 6 December 2024`, `Weekly Report – Nov 25–29, 2024`), newest first', async () => {
  assert.equal(await weeks('platform-log.md'), [
    ['#Week ending 6 December 2024', '2024-W49', [60, 30]],
    ['#Weekly Report – Nov 25–29, 2024', '2024-W48', [52, 20]],
    ['#Week ending 22 November 2024', '2024-W47', [40]],
  ]);
});

test('entries dated in Chinese numerals (`## 二〇二五年三月二十一日`), newest first', async () => {
  assert.equal(await weeks('公文周报.md'), [
    ['#二〇二五年三月二十一日', '2025-W12', [45, 30]],
    ['#二〇二五年三月十四日', '2025-W11', [38, 25]],
  ]);
});

test('an entry heading may end in a bracketed remark (`## 5月21日（5/14 那周仓库盘点，停更一期）`): still an entry, dated by its own date', async () => {
  assert.equal(await weeks('仓储组周记.md'), [
    ['#2027年5月7日', '2027-W19', [40, 25]],
    ['#5月21日（5/14 那周仓库盘点，停更一期）', '2027-W21', [55, 30]],
    ['#2027-05-28（端午前最后一期）', '2027-W22', [61]],
  ]);
});

test('## 2024-W19 headings, oldest first', async () => {
  assert.equal(await weeks('2024-团队周记.md'), [
    ['#2024-W18', '2024-W18', [20, 10]],
    ['#2024-W19', '2024-W19', [35, 25]],
    ['#2024-W20', '2024-W20', [50, 25]],
  ]);
});

test('### 第N周 newest first: the year from the title, the turn of the year found', async () => {
  assert.equal(await weeks('运维周报-2024.md'), [
    ['#第1周', '2025-W01', [10]],
    ['#第52周', '2024-W52', [5]],
    ['#第51周', '2024-W51', [2]],
  ]);
});

test('### 5.6-5.10 day ranges: the year from the title, rolling over at New Year', async () => {
  assert.equal(await weeks('跨年.md'), [
    ['#12.23-12.27', '2024-W52', [40]],
    ['#12.30-1.3', '2025-W01', [48]],
    ['#1.6-1.10', '2025-W02', [60]],
  ]);
});

test('an entry written one heading level off (## 2024-W20 among ### entries) is an entry of its own', async () => {
  assert.equal(await weeks('混合层级.md'), [
    ['#3.3-3.7', '2025-W10', [35, 20]],
    ['#2025-W11', '2025-W11', [42, 28]],
    ['#第12周', '2025-W12', [50, 31]],
  ]);
});

test('day headings within one week are one report (a daily log), not several', async () => {
  assert.equal(await weeks('日志.md'), [['', '2026-W42', [10, 30, 50]]]);
});

test('entries that name no year are still split, and say why they have no week', async () => {
  const parts = await readBytesAs(readFileSync(join(dir, '无年份.md')), '无年份.md');
  assert.is(parts.length, 2);
  assert.match(parts[0]!.document.warnings.map((w) => w.message).join('\n'), /name no year.*add the year to the title/);
  assert.is(extract(parts[0]!.document, { scheme: 'reporter' }).week, null);
});

test('each entry carries its label, position and hint; its id changes only with its own content', async () => {
  const text = readFileSync(join(dir, '周报.md'), 'utf8');
  const a = await readBytesAs(Buffer.from(text), '周报.md');
  const b = await readBytesAs(Buffer.from(text.replace('进度 50%', '进度 51%')), '周报.md');
  assert.equal(a[0]!.document.entry, { label: '2023年3月17日周报', line: 3, index: 0, count: 4 });
  assert.equal(a[0]!.document.hint, { from: 'entry', text: '2023年3月17日周报', line: 3, date: '2023-03-17' });
  assert.equal(a.slice(0, 3).map((p) => p.hash), b.slice(0, 3).map((p) => p.hash));
  assert.is.not(a[3]!.hash, b[3]!.hash);
});

test('a single report is never split by its dated title or sections', async () => {
  const doc = parseMarkdown('# 第16周 2023-04-14 周报\n\n## 本周\n\n- 甲 进度 10%\n\n## 下周计划（第17周）\n\n- 乙 进度 20%\n', 'w.md');
  const parts = await readBytesAs(Buffer.from('# 第16周 2023-04-14 周报\n\n## 本周\n\n- 甲 进度 10%\n\n## 下周计划（第17周）\n\n- 乙 进度 20%\n'), 'w.md');
  assert.is(parts.length, 1);
  assert.is(parts[0]!.key, '');
  assert.equal(parts[0]!.document.blocks.length, doc.blocks.length);
});

test('a date in the file name is used when the text has none, never over the text', async () => {
  assert.equal(fileNameHint('team/2025-W46 履约周报.md'), { from: 'file-name', text: '2025-W46 履约周报.md', line: 1, week: 46, year: 2025 });
  const [none] = await readBytesAs(Buffer.from('# 履约周报\n\n- 甲 进度 10%\n'), 'r/周报 2023-04-14.md');
  assert.is(extract(none!.document, { scheme: 'reporter' }).week, '2023-W16');
  const [own] = await readBytesAs(Buffer.from('# 周报 2023-05-05\n\n- 甲 进度 10%\n'), 'r/周报 2023-04-14.md');
  assert.is(extract(own!.document, { scheme: 'reporter' }).week, '2023-W19');
  const [label] = await readBytesAs(Buffer.from('# 第16周 周报\n\n- 甲 进度 10%\n'), 'r/2023-04-14.md');
  assert.is(extract(label!.document, { scheme: 'reporter' }).week, '2023-W16');
});

// Entry labels of more forms (own fixtures in test/fixtures/extract/weeks/entries).
const forms = join(root, 'test', 'fixtures', 'extract', 'weeks', 'entries');

async function formWeeks(file: string): Promise<[string, string | null, string | null, number[]][]> {
  const parts = await readBytesAs(readFileSync(join(forms, file)), file);
  return parts.map((p) => {
    const ex = extract(p.document, { scheme: 'reporter' });
    return [p.key, ex.week, ex.date, ex.observations.map((o) => o.percent)];
  });
}

test('labels framed by drawn rules in plain text (`=====` above and below), weekdays and remarks beside the date, across New Year', async () => {
  assert.equal(await formWeeks('framed-log.txt'), [
    ['#[2024.12.20 Fri] 周记', '2024-W51', '2024-12-20', [62, 35]],
    ['#周记 2024.12.27（五）', '2024-W52', '2024-12-27', [70, 41]],
    ['#w/c 30 Dec', '2025-W01', '2024-12-30', [76, 50]],
    ['#2025.01.10 周五（元旦后第一个完整周）', '2025-W02', '2025-01-10', [83, 58]],
  ]);
});

test('labels framed by box-drawing rules (`━━━`), `Week ending Friday 21 October 2022`, newest first', async () => {
  assert.equal(await formWeeks('box-frames.txt'), [
    ['#Week ending Friday 21 October 2022', '2022-W43', '2022-10-21', [90, 40]],
    ['#Week ending Friday 14 October 2022', '2022-W42', '2022-10-14', [82, 31]],
    ['#Week ending Friday 7 October 2022', '2022-W41', '2022-10-07', [75]],
  ]);
});

test('`Week of Dec 11` headings: English days without a year, the year from the title, rolling over at New Year', async () => {
  assert.equal(await formWeeks('week-of.md'), [
    ['#Week of Dec 11', '2023-W51', '2023-12-11', [35, 10]],
    ['#Week of Dec 18', '2023-W52', '2023-12-18', [50, 25]],
    ['#Week of Jan 1', '2024-W01', '2024-01-01', [55]],
    ['#Week of Jan 8th', '2024-W02', '2024-01-08', [70, 45]],
  ]);
});

test('dated list items a week apart are entries, and their date names no project', async () => {
  const parts = await readBytesAs(readFileSync(join(forms, 'dated-items.md')), 'dated-items.md');
  assert.equal(
    parts.map((p) => [p.key, extract(p.document, { scheme: 'reporter' }).week]),
    [
      ['#2023-11-03', '2023-W45'],
      ['#2023-11-10', '2023-W46'],
      ['#2023-11-17', '2023-W47'],
      ['#2023-11-24', '2023-W48'],
    ],
  );
  const first = extract(parts[0]!.document, { scheme: 'reporter' }).observations;
  assert.equal(first.map((o) => [o.project, o.percent]), [['工单系统迁移', 40], ['知识库重建', 10]]);
  assert.equal(first.map((o) => o.line), [5, 5]);
  assert.equal(await formWeeks('dated-items-yearless.md'), [
    ['#12.26', '2025-W52', '2025-12-26', [80, 60]],
    ['#1.2', '2026-W01', '2026-01-02', [85, 66]],
    ['#1.9', '2026-W02', '2026-01-09', [90]],
  ]);
});

test("a report's list of milestone dates (not a week apart) is no series of entries", async () => {
  assert.equal(await formWeeks('milestone-dates.md'), [['', '2024-W11', '2024-03-15', [100, 40]]]);
});

test('headings that open with their date and go on with the week\'s summary are entries; the summary makes no plan section', async () => {
  assert.equal(await formWeeks('summary-headings.md'), [
    ['#2026-03-06', '2026-W10', '2026-03-06', [60, 20]],
    ['#2026-03-13', '2026-W11', '2026-03-13', [68, 30]],
    ['#2026-03-20 周报：瓶颈已修复', '2026-W12', '2026-03-20', [80]],
  ]);
});

test('lines dated a week apart that are no labels: one report, and a warning saying so (never a silent merge)', async () => {
  const parts = await readBytesAs(readFileSync(join(forms, 'dated-paragraphs.md')), 'dated-paragraphs.md');
  assert.is(parts.length, 1);
  const warning = parts[0]!.document.warnings.find((w) => w.message.includes('dated a week apart'));
  assert.ok(warning, parts[0]!.document.warnings.map((w) => w.message).join('\n'));
  assert.is(warning!.line, 3);
  assert.match(warning!.message, /lines 3, 5 are dated a week apart \(2026-05-08 … 2026-05-15\).*one report/);
  const single = await readBytesAs(readFileSync(join(forms, 'milestone-dates.md')), 'milestone-dates.md');
  assert.not.ok(single[0]!.document.warnings.some((w) => w.message.includes('dated a week apart')));
});

test('a label line with its week glued below it (no blank line, plain text) is still an entry', async () => {
  const parts = await readBytesAs(readFileSync(join(forms, 'glued-labels.txt')), 'glued-labels.txt');
  assert.equal(parts.map((p) => p.key), ['#【2021年12月第4周】', '#【2022年1月第1周】', '#【2022年1月第2周】']);
  // A week belongs to the month of its Thursday: 2021-12-23, 2022-01-06, 2022-01-13.
  assert.equal(parts.map((p) => p.document.hint?.within), ['2021-12-23', '2022-01-06', '2022-01-13']);
  assert.equal(parts.map((p) => extract(p.document, { scheme: 'iso' }).week), ['2021-W51', '2022-W01', '2022-W02']);
  assert.equal(parts.map((p) => extract(p.document, { scheme: 'iso' }).observations.map((o) => o.percent)), [[50, 20], [65, 35], [80]]);
});

test('plain-text weeks marked with a bullet (■ 第45周（11月7日—11月11日）) and the year only in the title: one entry each', async () => {
  assert.equal(await weeks('港口调度专班-2022年工作记录.txt'), [
    ['#第45周（11月7日—11月11日）', '2022-W45', [35, 20]],
    ['#第46周（11月14日—11月18日）', '2022-W46', [42, 28]],
    ['#第48周（11月28日—12月2日）', '2022-W48', [55, 40]],
  ]);
});

test('counts in brackets after section names (`## 题库 ·（3 / 5）`) are no dates: the file stays one report', async () => {
  const got = await weeks('教研平台周清单-2023-03-10.md');
  assert.is(got.length, 1, JSON.stringify(got));
  assert.is(got[0]![1], '2023-W11');
  assert.equal(got[0]![2], [60, 25, 10]);
});

test.run();
