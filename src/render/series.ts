// The `export` report: the items × weeks matrix (one row per item), or with --long the flat list of observations.

import type { Forecast } from '../analyze/forecast.js';
import type { SeriesRow, SeriesTable } from '../analyze/series.js';
import type { Observation } from '../model/types.js';
import { kindWord, someTeam, status, statusWord, table, type Column, type Doc, type ReportType, type Sheet } from './doc.js';
import { fmtDelta, fmtPct } from './format.js';
import { observationItem } from './show.js';
import type { Words } from './words.js';

/** One observation with the report it came from: a row of `export` (DESIGN.md: observations with week, date, team added). */
export interface ExportObservation extends Observation {
  week: string;
  date: string | null;
  team: string;
  /** The report's source file. */
  source: string;
  /** Issue 10: the item's name now, when it differs from `project` as written (a rename); the item it was split from. */
  current?: string;
  splitFrom?: string;
}

/** Flattens reports with observations into export rows (week order is the caller's). */
export function toExportObservations(
  reports: readonly { week: string; date: string | null; team: string; source: string; observations: readonly Observation[] }[],
): ExportObservation[] {
  return reports.flatMap((r) => r.observations.map((o) => ({ ...o, week: r.week, date: r.date, team: r.team, source: r.source })));
}

/**
 * What `export` renders: the matrix (`series`) for the wide table, the observations for
 * `--long` and for JSON (DESIGN.md: a flat array of observations). The command loads the
 * observations' evidence only when the format needs it.
 */
export interface ExportData {
  long: boolean;
  series?: SeriesTable;
  observations?: readonly ExportObservation[];
  /** The workbook: a forecast per row of `series` (null for KPIs). */
  forecasts?: readonly (Forecast | null)[];
}

function seriesColumns(t: SeriesTable): Column<SeriesRow>[] {
  return [
    { key: 'team', label: 'team', value: (r) => r.team, shownIf: someTeam },
    { key: 'project', label: 'project', value: (r) => r.project },
    { key: 'metric', label: 'metric', value: (r) => r.metric },
    { key: 'kind', label: 'kind', value: (r) => r.kind, worded: (r, w) => kindWord(r.kind, w), only: 'data' },
    ...t.weeks.map(
      (week, i): Column<SeriesRow> => ({
        key: week,
        label: { text: week },
        align: 'right',
        value: (r) => r.values[i],
        show: (r) => fmtPct(r.values[i]),
      }),
    ),
    { key: 'delta', label: 'delta', align: 'right', value: (r) => r.delta, show: (r) => fmtDelta(r.delta) },
    { key: 'status', label: 'status', value: (r) => r.status, show: (r, w) => status(r.status, w), worded: (r, w) => statusWord(r.status, w) },
    // Issue 10: the item a new one was split from (the row's project is the item's name now).
    { key: 'split_from', label: 'splitFrom', value: (r) => r.splitFrom ?? null, only: 'data', dataIf: (rows) => rows.some((r) => r.splitFrom) },
  ];
}

const OBSERVATION_COLUMNS: readonly Column<ExportObservation>[] = [
  { key: 'week', label: 'week', value: (o) => o.week },
  { key: 'date', label: 'date', value: (o) => o.date },
  { key: 'team', label: 'team', value: (o) => o.team },
  { key: 'project', label: 'project', value: (o) => o.project },
  { key: 'metric', label: 'metric', value: (o) => o.metric },
  { key: 'kind', label: 'kind', value: (o) => o.kind, show: (o, w) => w.kinds[o.kind] ?? o.kind, worded: (o, w) => kindWord(o.kind, w) },
  { key: 'percent', label: 'percent', align: 'right', value: (o) => o.percent, show: (o) => fmtPct(o.percent) },
  { key: 'done', label: 'done', align: 'right', value: (o) => o.done, only: 'data' },
  { key: 'total', label: 'total', value: (o) => o.total, only: 'data' },
  { key: 'section', label: 'section', value: (o) => o.section.join(' / ') },
  { key: 'file', label: 'file', value: (o) => o.source },
  { key: 'line', label: 'line', align: 'right', value: (o) => o.line },
  { key: 'text', label: 'text', value: (o) => o.text },
  { key: 'current', label: 'currentName', value: (o) => o.current ?? null, shownIf: (rows) => rows.some((o) => o.current), dataIf: (rows) => rows.some((o) => o.current) },
  { key: 'split_from', label: 'splitFrom', value: (o) => o.splitFrom ?? null, shownIf: (rows) => rows.some((o) => o.splitFrom), dataIf: (rows) => rows.some((o) => o.splitFrom) },
];

function exportDoc(d: ExportData, w: Words): Doc {
  if (d.long) {
    const rows = d.observations ?? [];
    return {
      title: w.observations,
      titleInText: false,
      blocks: [table(OBSERVATION_COLUMNS, rows, { empty: w.noReportsStored })],
      data: { columns: OBSERVATION_COLUMNS, rows },
    };
  }
  const t = d.series ?? { weeks: [], rows: [] };
  const columns = seriesColumns(t);
  const progress = t.rows.filter((r) => r.kind === 'progress');
  const kpi = t.rows.filter((r) => r.kind === 'kpi');
  const opts = { context: t.rows, rowStatus: (r: SeriesRow) => r.status };
  const blocks: Doc['blocks'] = [table(columns, progress, { ...opts, empty: w.noProgressItems })];
  if (kpi.length) blocks.push({ kind: 'heading', text: w.kpiSection }, table(columns, kpi, opts));
  return { title: w.progressByWeek, titleInText: false, blocks, data: { columns, rows: [...progress, ...kpi] } };
}

/** DESIGN.md `export --format json`: a flat array of observations (the `show --json` item shape) with week, date, team. */
function exportJson(d: ExportData): unknown {
  return (d.observations ?? []).map((o) => ({
    week: o.week,
    date: o.date,
    ...observationItem(o, o.source, o.team),
    ...(o.current ? { current: o.current } : {}),
    ...(o.splitFrom ? { splitFrom: o.splitFrom } : {}),
  }));
}

// ------------------------------------------------------------------ the workbook

interface ForecastRow {
  row: SeriesRow;
  f: Forecast | null;
}

/** Forecast columns beside a row: ETA and its range, the due date, slipping (the word), and why there is no forecast. */
function forecastColumns<R>(get: (r: R) => Forecast | null): Column<R>[] {
  return [
    { key: 'forecast', label: 'forecast', value: (r) => get(r)?.eta ?? null },
    { key: 'earliest', label: 'earliest', value: (r) => get(r)?.low ?? null },
    { key: 'latest', label: 'latest', value: (r) => get(r)?.high ?? null },
    { key: 'pace', label: 'pace', align: 'right', value: (r) => get(r)?.pace ?? null },
    { key: 'due', label: 'due', value: (r) => get(r)?.due ?? null },
    {
      key: 'slipping',
      label: 'slipping',
      value: (r) => (get(r)?.slipping ? 'slipping' : null),
      show: (r, w) => (get(r)?.slipping ? status('slipping', w) : ''),
      worded: (r, w) => (get(r)?.slipping ? statusWord('slipping', w) : null),
    },
    // The state as its identifier in data formats; a workbook and display formats write it in words.
    { key: 'note', label: 'note', value: (r) => noteOf(get(r)), show: (r, w) => w.forecastState[get(r)?.state ?? ''] ?? '', sheet: 'show' },
  ];
}

function teamSheetColumns(t: SeriesTable): Column<ForecastRow>[] {
  const own = seriesColumns(t).filter((c) => c.key !== 'team' && (!c.dataIf || c.dataIf(t.rows)));
  const lifted = own.map((c): Column<ForecastRow> => ({
    ...c,
    value: (r) => c.value(r.row),
    show: c.show ? (r, w) => c.show!(r.row, w) : undefined,
    worded: c.worded ? (r, w) => c.worded!(r.row, w) : undefined,
    only: undefined,
    shownIf: undefined,
    dataIf: undefined,
  }));
  return [...lifted, ...forecastColumns<ForecastRow>((r) => r.f)];
}

function noteOf(f: Forecast | null): string | null {
  return f && f.state !== 'forecast' ? f.state : null;
}

interface TeamSummary {
  team: string;
  first: string | null;
  last: string | null;
  reports: number;
  items: number;
  kpis: number;
  counts: Record<string, number>;
}

function exportSheets(d: ExportData, w: Words): Sheet[] {
  const t = d.series ?? { weeks: [], rows: [] };
  const teams = [...new Set(t.rows.map((r) => r.team))];
  const summaries: TeamSummary[] = teams.map((team) => {
    const rows = t.rows.filter((r) => r.team === team);
    const reported = t.weeks.filter((_, i) => rows.some((r) => r.values[i] !== null));
    const counts: Record<string, number> = {};
    t.rows.forEach((r, i) => {
      if (r.team !== team) return;
      counts[r.status] = (counts[r.status] ?? 0) + 1;
      if (d.forecasts?.[i]?.slipping) counts.slipping = (counts.slipping ?? 0) + 1;
    });
    return {
      team,
      first: reported[0] ?? null,
      last: reported[reported.length - 1] ?? null,
      reports: reported.length,
      items: rows.filter((r) => r.kind === 'progress').length,
      kpis: rows.filter((r) => r.kind === 'kpi').length,
      counts,
    };
  });
  const statuses = [...new Set(summaries.flatMap((s) => Object.keys(s.counts)))];
  const order = ['regressed', 'dropped', 'stalled', 'slipping', 'paused', 'cancelled', 'worsened', 'new', 'resumed', 'advanced', 'improved', 'completed', 'flat', 'done'];
  statuses.sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  const summaryColumns: Column<TeamSummary>[] = [
    { key: 'team', label: 'team', value: (s) => s.team || w.defaultTeam },
    { key: 'first_week', label: 'firstWeek', value: (s) => s.first },
    { key: 'last_week', label: 'lastWeek', value: (s) => s.last },
    { key: 'reports', label: 'reports', align: 'right', value: (s) => s.reports },
    { key: 'items', label: 'items', align: 'right', value: (s) => s.items },
    { key: 'kpi', label: 'kpi', align: 'right', value: (s) => s.kpis },
    ...statuses.map((st): Column<TeamSummary> => ({ key: st, label: { text: w.status[st] ?? st }, align: 'right', value: (s) => s.counts[st] ?? 0 })),
  ];
  const columns = teamSheetColumns(t);
  const sheets: Sheet[] = [{ name: w.summary, columns: summaryColumns, rows: summaries }];
  for (const team of teams) {
    const rows: ForecastRow[] = [];
    t.rows.forEach((row, i) => {
      if (row.team === team) rows.push({ row, f: d.forecasts?.[i] ?? null });
    });
    sheets.push({ name: team || w.defaultTeam, columns, rows });
  }
  return sheets;
}

export const EXPORT: ReportType<ExportData> = { name: 'export', doc: exportDoc, json: exportJson, sheets: exportSheets };
