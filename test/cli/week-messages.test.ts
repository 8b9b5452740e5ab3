// Week messages that say what is wrong and where: impossible labels, implausible dates (a parameter "today"), the file named.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findWeek, implausibleDate } from '../../src/extract/week.js';
import type { Block } from '../../src/model/types.js';
import { hasStack, lines, run as inProcess, tempDir } from './support/cli.js';

const heading = (text: string): Block => ({ kind: 'heading', text, line: 1, depth: 0, headings: [], parents: [] }) as unknown as Block;
const body = (title: string) => `# ${title}\n\n## 【重点项目】\n\n- 结算中心迁移，整体进度40%\n`;

test('implausibleDate: before 1990, more than a year after today, past 9998; today is a parameter', async () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  assert.is(implausibleDate(d('1900-03-07'), '2026-11-29'), 'the date 1900-03-07 is before 1990');
  assert.is(implausibleDate(d('2999-03-07'), '2026-11-29'), 'the date 2999-03-07 is more than a year after today (2026-11-29)');
  assert.is(implausibleDate(d('2027-11-01'), '2026-11-29'), null, 'within a year ahead: believed');
  assert.is(implausibleDate(d('2999-03-07'), '3000-01-01'), null, 'what counts depends on today');
  assert.is(implausibleDate(d('9999-12-31')), 'the date 9999-12-31 is out of range');
  assert.is(implausibleDate(d('2024-03-08')), null);
});

test('findWeek: an impossible label is explained and the date used; an implausible date gives no week and says why', async () => {
  const sixty = findWeek([heading('第60周 2025-03-07')], 'reporter', [], undefined, '2026-11-29');
  assert.is(sixty.week, '2025-W10');
  assert.equal(sixty.warnings.map((w) => w.message), ["week label 第60周 cannot be a week (a year has 52 or 53); using the date's week 2025-W10"]);
  const far = findWeek([heading('第10周 2999-03-07')], 'reporter', [], undefined, '2026-11-29');
  assert.is(far.week, null);
  assert.is(far.problem, 'the date 2999-03-07 is more than a year after today (2026-11-29); no week is taken from it');
  const end = findWeek([heading('第52周 9999-12-31')], 'reporter', [], undefined, '2026-11-29');
  assert.is(end.week, null, 'no 10000-W01');
});

test('findWeek: days without a year (a Monday-to-Friday range) take the latest year they run Monday to Friday, with a warning', () => {
  // 2025-06-02 and 2019-06-03 … : 6/2 is a Monday in 2025; 3/4–3/8 is Monday to Friday in 2024 (and 2019, 2013).
  const june = findWeek([heading('平台组周报（6/2 – 6/6）')], 'reporter', [], undefined, '2026-11-29');
  assert.is(june.date, '2025-06-06');
  assert.match(june.warnings[0]!.message, /no year; 2025-06-06 is the latest week they run Monday to Friday/);
  const march = findWeek([heading('Weekly notes 3.4-3.8')], 'iso', [], undefined, '2026-11-29');
  assert.is(march.date, '2024-03-08');
  assert.is(march.week, '2024-W10');
  // Across New Year: 12/30 is a Monday in 2024, the range ends 2025-01-03.
  assert.is(findWeek([heading('Digest 12/30 - 1/3')], 'iso', [], undefined, '2026-11-29').date, '2025-01-03');
  assert.is(findWeek([heading('周报 6/6')], 'reporter', [], undefined, '2026-11-29').week, null, 'a single day gives no year');
  assert.is(findWeek([heading('周报（6/2 – 6/3）')], 'reporter', [], undefined, '2026-11-29').week, null, 'two days are no working week');
  assert.is(findWeek([heading('平台组周报（6/2 – 6/6）')], 'reporter', []).week, null, 'without today no year is guessed');
  // A year written on the line is never overruled by a guess.
  assert.equal(findWeek([heading('2021年 平台组周报（6/2 – 6/6）')], 'reporter', [], undefined, '2026-11-29').warnings, []);
});

test('ingest: the file named in every week message; an implausible date needs --week, and with it the report is stored', async () => {
  const { dir, cleanup } = tempDir('weekmsg');
  try {
    writeFileSync(path.join(dir, 'end.md'), body('第52周 9999-12-31'));
    writeFileSync(path.join(dir, 'far.md'), body('2999年3月7日 周报'));
    writeFileSync(path.join(dir, 'old.md'), body('1900-03-09 周报'));
    writeFileSync(path.join(dir, 'sixty.md'), body('第60周 2025-03-07'));
    const r = await inProcess('db.json', ['ingest', 'end.md', 'far.md', 'old.md', 'sixty.md'], { cwd: dir });
    assert.is(r.code, 1, r.stderr);
    assert.not.ok(hasStack(r.stderr), r.stderr);
    assert.not.match(r.stderr, /not a week id/);
    const errors = lines(r.stderr).filter((l) => l.startsWith('milestones: error:'));
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(errors.sort(), [
      `milestones: error: end.md: the date 9999-12-31 is more than a year after today (${today}); no week is taken from it — add --week 2023-W16 (or a date inside the week)`,
      `milestones: error: far.md: the date 2999-03-07 is more than a year after today (${today}); no week is taken from it — add --week 2023-W16 (or a date inside the week)`,
      'milestones: error: old.md: the date 1900-03-09 is before 1990; no week is taken from it — add --week 2023-W16 (or a date inside the week)',
    ]);
    assert.match(r.stderr, /^milestones: warning: sixty\.md:1: week label 第60周 cannot be a week \(a year has 52 or 53\); using the date's week 2025-W10$/m);
    assert.match(r.stdout, /^added\s+2025-W10\s+sixty\.md/m);
    const forced = await inProcess('db.json', ['ingest', '--week', '2024-W10', 'far.md'], { cwd: dir });
    assert.is(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /^added\s+2024-W10\s+far\.md/m);
    // The default diff is not stretched to a year nobody reported in.
    const weeks = JSON.parse((await inProcess('db.json', ['weeks', '--json'], { cwd: dir })).stdout) as { weeks: { week: string }[] };
    assert.equal(weeks.weeks.map((w) => w.week), ['2024-W10', '2025-W10']);
  } finally {
    cleanup();
  }
});

test.run();
