// Export renderers: the items × weeks matrix (wide CSV, Markdown, JSON) and the flat observation list (long CSV, JSON).

import type { SeriesTable } from '../analyze/series.js';
import type { Observation } from '../model/types.js';
import {
  csv,
  escapeHtml,
  escapeMd,
  fmtDelta,
  fmtPct,
  htmlPage,
  htmlTable,
  json,
  mdTable,
  paintStatus,
  textTable,
  type Align,
  type RenderOptions,
  type RendererMap,
} from './format.js';
import { observationItem } from './show.js';

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

function seriesHeaders(t: SeriesTable): string[] {
  return ['team', 'project', 'metric', 'kind', ...t.weeks, 'delta', 'status'];
}

/** Wide: team, project, metric, kind, one column per week, latest Δ, status. */
export function seriesAsCsv(t: SeriesTable): string {
  return csv(
    seriesHeaders(t),
    t.rows.map((r) => [r.team, r.project, r.metric, r.kind, ...r.values, r.delta, r.status]),
  );
}

export function seriesAsJson(t: SeriesTable): string {
  return json({ weeks: t.weeks, rows: t.rows });
}

export function seriesAsMarkdown(t: SeriesTable): string {
  const headers = ['Team', 'Project', 'Metric', 'Kind', ...t.weeks, 'Δ', 'Status'];
  const align: Align[] = ['left', 'left', 'left', 'left', ...t.weeks.map((): Align => 'right'), 'right', 'left'];
  const rows = t.rows.map((r) => [
    escapeMd(r.team),
    escapeMd(r.project),
    escapeMd(r.metric ?? ''),
    r.kind,
    ...r.values.map(fmtPct),
    fmtDelta(r.delta),
    r.status,
  ]);
  return `${mdTable(headers, rows, align).join('\n')}\n`;
}

export function seriesAsText(t: SeriesTable, opts?: RenderOptions): string {
  const headers = ['Team', 'Project', 'Metric', 'Kind', ...t.weeks, 'Δ', 'Status'];
  const align: Align[] = ['left', 'left', 'left', 'left', ...t.weeks.map((): Align => 'right'), 'right', 'left'];
  const rows = t.rows.map((r) => [r.team, r.project, r.metric ?? '', r.kind, ...r.values.map(fmtPct), fmtDelta(r.delta), paintStatus(r.status, opts)]);
  return `${textTable(headers, rows, align).join('\n')}\n`;
}

export function seriesAsHtml(t: SeriesTable): string {
  const headers = ['Team', 'Project', 'Metric', 'Kind', ...t.weeks, 'Δ', 'Status'].map(escapeHtml);
  const align: Align[] = ['left', 'left', 'left', 'left', ...t.weeks.map((): Align => 'right'), 'right', 'left'];
  const rows = t.rows.map((r) =>
    [r.team, r.project, r.metric ?? '', r.kind, ...r.values.map(fmtPct), fmtDelta(r.delta), r.status].map(escapeHtml),
  );
  return htmlPage('Progress by week', htmlTable(headers, rows, align, (i) => t.rows[i]!.status));
}

export const SERIES_RENDERERS: RendererMap<SeriesTable> = {
  text: seriesAsText,
  csv: seriesAsCsv,
  json: seriesAsJson,
  md: seriesAsMarkdown,
  html: seriesAsHtml,
};

/** Long: one row per observation. */
export function observationsAsCsv(rows: readonly ExportObservation[]): string {
  return csv(
    ['week', 'date', 'team', 'project', 'metric', 'kind', 'percent', 'done', 'total', 'section', 'file', 'line', 'text'],
    rows.map((o) => [
      o.week,
      o.date,
      o.team,
      o.project,
      o.metric,
      o.kind,
      o.percent,
      o.done,
      o.total,
      o.section.join(' / '),
      o.source,
      o.line,
      o.text,
    ]),
  );
}

/** DESIGN.md `export --format json`: a flat array of observations (the `show --json` item shape) with week, date, team. */
export function observationsAsJson(rows: readonly ExportObservation[]): string {
  return json(
    rows.map((o) => ({ week: o.week, date: o.date, ...observationItem(o, o.source, o.team) })),
  );
}

export const OBSERVATIONS_RENDERERS: RendererMap<readonly ExportObservation[]> = {
  csv: observationsAsCsv,
  json: observationsAsJson,
};

/** What `export` has at hand; its formats pick the matrix or the flat list as DESIGN.md says. */
export interface ExportData {
  series: SeriesTable;
  observations: readonly ExportObservation[];
}

export const EXPORT_RENDERERS: RendererMap<ExportData> = {
  csv: (d) => seriesAsCsv(d.series),
  json: (d) => observationsAsJson(d.observations),
  md: (d) => seriesAsMarkdown(d.series),
  html: (d) => seriesAsHtml(d.series),
  'csv-long': (d) => observationsAsCsv(d.observations),
};
