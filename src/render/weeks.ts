// The `weeks` report: what is stored, one row per report (week, date, team, source, counts by kind).

import { compareText } from '../model/name.js';
import { table, type Column, type Doc, type ReportType } from './doc.js';
import { ABSENT } from './format.js';
import type { Words } from './words.js';

/** DESIGN.md `weeks --json` shape. */
export interface WeeksData {
  weeks: WeekRow[];
}
type WeekRow = { week: string; date: string | null; team: string; source: string; progress: number; kpi: number };

/** Builds WeeksData from report headers (sorted by week, then team, then source). */
export function toWeeksData(headers: readonly WeekRow[]): WeeksData {
  const weeks = headers
    .map(({ week, date, team, source, progress, kpi }) => ({ week, date, team, source, progress, kpi }))
    .sort((a, b) => compareText(a.week, b.week) || compareText(a.team, b.team) || compareText(a.source, b.source));
  return { weeks };
}

const COLUMNS: readonly Column<WeekRow>[] = [
  { key: 'week', label: 'week', value: (r) => r.week },
  { key: 'date', label: 'date', value: (r) => r.date, show: (r) => r.date ?? ABSENT },
  { key: 'team', label: 'team', value: (r) => r.team },
  { key: 'source', label: 'source', value: (r) => r.source },
  { key: 'progress', label: 'progress', align: 'right', value: (r) => r.progress },
  { key: 'kpi', label: 'kpi', align: 'right', value: (r) => r.kpi },
];

function weeksDoc(d: WeeksData, w: Words): Doc {
  return {
    title: w.storedReports,
    titleInText: false,
    blocks: [table(COLUMNS, d.weeks, { empty: w.noReportsStored })],
    data: { columns: COLUMNS, rows: d.weeks },
  };
}

export const WEEKS: ReportType<WeeksData> = { name: 'weeks', doc: weeksDoc, json: (d) => ({ weeks: d.weeks }) };
