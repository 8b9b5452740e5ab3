// A week-by-week progress grid (`| 项目 | W10 | W11 | W12 |`, `| Workstream | 03/04 | 03/11 |`, `| 任务 | 第10周 | 第11周 |`):
// only the report's own week is this report's figure; the week before it is its prev, the others are history.

import { isSameISOWeek } from 'date-fns/isSameISOWeek';
import { isWeekId, parseDate, parseWeekId } from '../../../model/week.js';
import { ignored, progress } from '../expect.js';
import type { ColumnRule, TableRow } from '../types.js';
import { table } from './header.js';

/** What a header names: a week number (with its year if written), or a day; undefined when it is no week. */
type WeekHeader = { week: number; year?: number } | { month: number; day: number; year?: number };

export function weekHeaderOf(header: string): WeekHeader | undefined {
  const h = header.normalize('NFKC').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  let m = /^(?:(\d{4})\s*[-/]?\s*)?(?:w|wk|week)\s*\.?\s*(\d{1,2})$/i.exec(h);
  if (m) return { week: Number(m[2]), ...(m[1] ? { year: Number(m[1]) } : {}) };
  m = /^(?:(\d{4})\s*年\s*)?第?\s*(\d{1,2})\s*[周週]$/u.exec(h);
  if (m) return { week: Number(m[2]), ...(m[1] ? { year: Number(m[1]) } : {}) };
  m = /^(?:(\d{4})[-/])?(\d{1,2})[-/](\d{1,2})$/.exec(h) ?? /^(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/u.exec(h);
  if (m) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return { month, day, ...(m[1] ? { year: Number(m[1]) } : {}) };
  }
  return undefined;
}

/** Is this week header the report's own week? */
function isOwnWeek(w: WeekHeader, row: TableRow): boolean {
  if ('week' in w) {
    const id = row.reportWeek && isWeekId(row.reportWeek) ? parseWeekId(row.reportWeek) : null;
    return id !== null && id.week === w.week && (w.year === undefined || w.year === id.year);
  }
  const report = row.reportDate ? parseDate(row.reportDate) : null;
  if (!report) return false;
  const day = parseDate(`${w.year ?? report.getFullYear()}-${w.month}-${w.day}`);
  return day !== null && isSameISOWeek(day, report);
}

const hasFigure = (cell: string | undefined) => /\d/.test((cell ?? '').normalize('NFKC'));

/**
 * The grid's current column for this row: the report's own week when the grid has it (a row empty there has no figure
 * this week: its last filled week is no figure of this report), else the row's last week column with a figure; -1 when none.
 */
function currentColumn(row: TableRow, weeks: number[]): number {
  const own = weeks.find((i) => isOwnWeek(weekHeaderOf(row.header[i] ?? '')!, row));
  if (own !== undefined) return own;
  return [...weeks].reverse().find((i) => hasFigure(row.cells[i])) ?? -1;
}

export const weekColumn: ColumnRule = {
  stage: 'column',
  name: 'week-column',
  description:
    "a grid with a column per week (`W10 | W11`, `03/04 | 03/11`, `第10周 | 第11周`): the report's own week (else, when the grid has no column for it, the row's last filled week) is its figure, the filled week before it its prev, the other weeks history",
  accepts: [
    { text: table(['项目', 'W09', 'W10', 'W11'], ['支付网关改造', '20%', '35%', '50%']), figure: '50%', expect: progress(50, '支付网关改造', null, { prev: 35 }) },
    { text: table(['项目', 'W09', 'W10', 'W11'], ['支付网关改造', '20%', '35%', '50%']), figure: '20%', expect: ignored() },
    { text: table(['Workstream', '02/26', '03/04', '03/11', '03/18'], ['Ledger sync', '30%', '45%', '52%', '']), figure: '52%', expect: progress(52, 'Ledger sync', null, { prev: 45 }) },
    { text: table(['Workstream', '02/26', '03/04', '03/11', '03/18'], ['Ledger sync', '30%', '45%', '', '']), figure: '45%', expect: ignored() },
    { text: table(['任务', '第9周', '第10周'], ['票据识别', '40%', '55%']), figure: '40%', expect: ignored() },
  ],
  rejects: [],
  role(row, column) {
    if (!weekHeaderOf(row.header[column] ?? '')) return undefined;
    const weeks = row.header.map((_, i) => i).filter((i) => weekHeaderOf(row.header[i] ?? '') !== undefined);
    if (weeks.length < 2) return undefined;
    const word = row.header[column]!.trim();
    const current = currentColumn(row, weeks);
    if (column === current) return { role: 'progress', word };
    const before = weeks.filter((i) => i < current && hasFigure(row.cells[i])).pop();
    return column === before ? { role: 'prev', word } : { role: 'history', word };
  },
};
