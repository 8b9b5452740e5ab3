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

test.run();
