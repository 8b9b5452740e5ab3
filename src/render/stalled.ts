// Renderers of the stalled list: a table plus one sentence per item (since when, over how many calendar weeks).

import type { StalledReport } from '../analyze/stalled.js';
import {
  csv,
  escapeHtml,
  escapeMd,
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

function title(s: StalledReport): string {
  return `Stalled as of ${s.asOf}: no increase in ${s.weeks} or more reports`;
}

function label(i: StalledReport['items'][number]): string {
  const name = i.metric ? `${i.project} / ${i.metric}` : i.project;
  return i.team ? `[${i.team}] ${name}` : name;
}

function sentence(i: StalledReport['items'][number]): string {
  const moved = i.lastChanged !== i.since ? `; last changed ${i.lastChanged}` : '';
  return `${label(i)}: ${fmtPct(i.percent)}% since ${i.since}, ${i.reports} reports over ${i.calendarWeeks} calendar weeks${moved}`;
}

export function stalledAsText(s: StalledReport, opts?: RenderOptions): string {
  const out = [title(s), ''];
  if (s.items.length === 0) return `${[...out, 'nothing stalled'].join('\n')}\n`;
  const team = s.items.some((i) => i.team !== '');
  const headers = [...(team ? ['Team'] : []), 'Project', 'Metric', '%', 'Reports', 'Weeks', 'Since'];
  const align: Align[] = [...(team ? (['left'] as Align[]) : []), 'left', 'left', 'right', 'right', 'right', 'left'];
  const rows = s.items.map((i) => [
    ...(team ? [i.team] : []),
    i.project,
    i.metric ?? '',
    fmtPct(i.percent),
    String(i.reports),
    String(i.calendarWeeks),
    i.since,
  ]);
  out.push(...textTable(headers, rows, align), '');
  out.push(...s.items.map((i) => `${paintStatus('stalled', opts)} ${sentence(i)}`));
  return `${out.join('\n')}\n`;
}

/** DESIGN.md `stalled --json`: `{ asOf, weeks, items: [{ project, metric, percent, reports, since }] }` plus extras. */
export function stalledAsJson(s: StalledReport): string {
  return json({
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
    })),
  });
}

export function stalledAsCsv(s: StalledReport): string {
  return csv(
    ['team', 'project', 'metric', 'percent', 'reports', 'since', 'last_changed', 'calendar_weeks'],
    s.items.map((i) => [i.team, i.project, i.metric, i.percent, i.reports, i.since, i.lastChanged, i.calendarWeeks]),
  );
}

export function stalledAsMarkdown(s: StalledReport): string {
  const rows = s.items.map((i) => [
    escapeMd(i.team),
    escapeMd(i.project),
    escapeMd(i.metric ?? ''),
    fmtPct(i.percent),
    String(i.reports),
    String(i.calendarWeeks),
    i.since,
  ]);
  const table = mdTable(['Team', 'Project', 'Metric', '%', 'Reports', 'Weeks', 'Since'], rows, [
    'left', 'left', 'left', 'right', 'right', 'right', 'left',
  ]);
  return `${[`## ${title(s)}`, '', ...(s.items.length ? table : ['nothing stalled'])].join('\n')}\n`;
}

export function stalledAsHtml(s: StalledReport): string {
  const rows = s.items.map((i) =>
    [i.team, i.project, i.metric ?? '', fmtPct(i.percent), String(i.reports), String(i.calendarWeeks), i.since].map(escapeHtml),
  );
  const table = htmlTable(['Team', 'Project', 'Metric', '%', 'Reports', 'Weeks', 'Since'], rows, [
    'left', 'left', 'left', 'right', 'right', 'right', 'left',
  ]);
  const list = s.items.length ? `<ul>\n${s.items.map((i) => `<li>${escapeHtml(sentence(i))}</li>`).join('\n')}\n</ul>` : '<p>nothing stalled</p>';
  return htmlPage(title(s), `${table}\n${list}`);
}

export const STALLED_RENDERERS: RendererMap<StalledReport> = {
  text: stalledAsText,
  json: stalledAsJson,
  csv: stalledAsCsv,
  md: stalledAsMarkdown,
  html: stalledAsHtml,
};
