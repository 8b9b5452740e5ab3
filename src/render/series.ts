// The `export` report: the items × weeks matrix (one row per item), or with --long the flat list of observations.

import type { SeriesRow, SeriesTable } from '../analyze/series.js';
import type { Observation } from '../model/types.js';
import { someTeam, status, table, type Column, type Doc, type ReportType } from './doc.js';
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
}

function seriesColumns(t: SeriesTable): Column<SeriesRow>[] {
  return [
    { key: 'team', label: 'team', value: (r) => r.team, shownIf: someTeam },
    { key: 'project', label: 'project', value: (r) => r.project },
    { key: 'metric', label: 'metric', value: (r) => r.metric },
    { key: 'kind', label: 'kind', value: (r) => r.kind, only: 'data' },
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
    { key: 'status', label: 'status', value: (r) => r.status, show: (r, w) => status(r.status, w) },
  ];
}

const OBSERVATION_COLUMNS: readonly Column<ExportObservation>[] = [
  { key: 'week', label: 'week', value: (o) => o.week },
  { key: 'date', label: 'date', value: (o) => o.date },
  { key: 'team', label: 'team', value: (o) => o.team },
  { key: 'project', label: 'project', value: (o) => o.project },
  { key: 'metric', label: 'metric', value: (o) => o.metric },
  { key: 'kind', label: 'kind', value: (o) => o.kind },
  { key: 'percent', label: 'percent', align: 'right', value: (o) => o.percent, show: (o) => fmtPct(o.percent) },
  { key: 'done', label: 'done', align: 'right', value: (o) => o.done, only: 'data' },
  { key: 'total', label: 'done', value: (o) => o.total, only: 'data' },
  { key: 'section', label: 'section', value: (o) => o.section.join(' / ') },
  { key: 'file', label: 'source', value: (o) => o.source },
  { key: 'line', label: 'line', align: 'right', value: (o) => o.line },
  { key: 'text', label: 'text', value: (o) => o.text },
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
  return (d.observations ?? []).map((o) => ({ week: o.week, date: o.date, ...observationItem(o, o.source, o.team) }));
}

export const EXPORT: ReportType<ExportData> = { name: 'export', doc: exportDoc, json: exportJson };
