// The stalled list: one row per item, with the week it last increased and the week it last changed at all.

import type { StalledItem, StalledReport } from '../analyze/stalled.js';
import { someTeam, status, statusWord, table, type Column, type Doc, type ReportType } from './doc.js';
import { fmtPct, sparkText } from './format.js';
import type { Words } from './words.js';

const COLUMNS: readonly Column<StalledItem>[] = [
  { key: 'team', label: 'team', value: (i) => i.team, shownIf: someTeam },
  { key: 'project', label: 'project', value: (i) => i.project },
  { key: 'metric', label: 'metric', value: (i) => i.metric },
  { key: 'trend', label: 'trend', value: (i) => sparkText(i.trend.map((t) => t.percent)), only: 'display' },
  { key: 'percent', label: 'percent', align: 'right', value: (i) => i.percent, show: (i) => fmtPct(i.percent) },
  { key: 'reports', label: 'reports', align: 'right', value: (i) => i.reports },
  { key: 'calendar_weeks', label: 'calendarWeeks', align: 'right', value: (i) => i.calendarWeeks },
  // `since` is the first report of the run without an increase; the figure may have gone down after it.
  { key: 'since', label: 'noIncreaseSince', value: (i) => i.since },
  { key: 'last_changed', label: 'lastChanged', value: (i) => i.lastChanged },
  // Shown when some item's report states a due date.
  { key: 'due', label: 'due', value: (i) => i.forecast?.due ?? null, shownIf: anyDue },
  {
    key: 'slipping',
    label: 'slipping',
    value: (i) => (i.forecast?.slipping ? 'slipping' : null),
    show: (i, w) => (i.forecast?.slipping ? status('slipping', w) : ''),
    worded: (i, w) => (i.forecast?.slipping ? statusWord('slipping', w) : null),
    shownIf: anyDue,
  },
];

function anyDue(rows: readonly StalledItem[]): boolean {
  return rows.some((r) => r.forecast?.due);
}

function stalledDoc(s: StalledReport, w: Words): Doc {
  return {
    title: w.stalledTitle(s.asOf, s.weeks),
    titleInText: true,
    blocks: [table(COLUMNS, s.items, { empty: w.nothingStalled })],
    data: { columns: COLUMNS, rows: s.items },
  };
}

/** DESIGN.md `stalled --json`: `{ asOf, weeks, items: [{ project, metric, percent, reports, since }] }` plus team, lastChanged, calendarWeeks. */
function stalledJson(s: StalledReport): unknown {
  return {
    asOf: s.asOf,
    weeks: s.weeks,
    items: s.items.map((i) => ({
      project: i.project,
      metric: i.metric,
      percent: i.percent,
      reports: i.reports,
      since: i.since,
      team: i.team,
      lastChanged: i.lastChanged,
      calendarWeeks: i.calendarWeeks,
      trend: i.trend,
      ...(i.forecast?.due ? { due: i.forecast.due, slipping: i.forecast.slipping } : {}),
    })),
  };
}

export const STALLED: ReportType<StalledReport> = { name: 'stalled', doc: stalledDoc, json: stalledJson };
