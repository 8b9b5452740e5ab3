// Renderers of `weeks`: what is stored, one row per report (week, date, team, source, counts by kind).

import { compareText } from '../model/name.js';
import { csv, escapeHtml, escapeMd, htmlPage, htmlTable, json, mdTable, textTable, type Align, type RendererMap } from './format.js';

/** DESIGN.md `weeks --json` shape. */
export interface WeeksData {
  weeks: { week: string; date: string | null; team: string; source: string; progress: number; kpi: number }[];
}

/** Builds WeeksData from report headers (sorted by week, then team, then source). */
export function toWeeksData(
  headers: readonly { week: string; date: string | null; team: string; source: string; progress: number; kpi: number }[],
): WeeksData {
  const weeks = headers
    .map(({ week, date, team, source, progress, kpi }) => ({ week, date, team, source, progress, kpi }))
    .sort((a, b) => compareText(a.week, b.week) || compareText(a.team, b.team) || compareText(a.source, b.source));
  return { weeks };
}


const HEAD = ['Week', 'Date', 'Team', 'Source', 'Progress', 'KPI'];
const ALIGN: Align[] = ['left', 'left', 'left', 'left', 'right', 'right'];

export function weeksAsText(d: WeeksData): string {
  if (d.weeks.length === 0) return 'no reports stored\n';
  const rows = d.weeks.map((w) => [w.week, w.date ?? '—', w.team, w.source, String(w.progress), String(w.kpi)]);
  return `${textTable(HEAD, rows, ALIGN).join('\n')}\n`;
}

export function weeksAsJson(d: WeeksData): string {
  return json({ weeks: d.weeks });
}

export function weeksAsCsv(d: WeeksData): string {
  return csv(['week', 'date', 'team', 'source', 'progress', 'kpi'], d.weeks.map((w) => [w.week, w.date, w.team, w.source, w.progress, w.kpi]));
}

export function weeksAsMarkdown(d: WeeksData): string {
  const rows = d.weeks.map((w) => [w.week, w.date ?? '—', escapeMd(w.team), escapeMd(w.source), String(w.progress), String(w.kpi)]);
  return `${mdTable(HEAD, rows, ALIGN).join('\n')}\n`;
}

export function weeksAsHtml(d: WeeksData): string {
  const rows = d.weeks.map((w) => [w.week, w.date ?? '—', w.team, w.source, String(w.progress), String(w.kpi)].map(escapeHtml));
  return htmlPage('Stored reports', htmlTable(HEAD, rows, ALIGN));
}

export const WEEKS_RENDERERS: RendererMap<WeeksData> = {
  text: weeksAsText,
  json: weeksAsJson,
  csv: weeksAsCsv,
  md: weeksAsMarkdown,
  html: weeksAsHtml,
};
