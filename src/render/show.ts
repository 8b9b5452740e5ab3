// Renderers of `show`: one week's reports, then every observation grouped by its section (heading path).

import type { Kind, Observation } from '../model/types.js';
import { csv, escapeHtml, escapeMd, fmtPct, htmlPage, htmlTable, json, mdTable, textTable, type Align, type RendererMap } from './format.js';

export interface ShowItem {
  project: string;
  metric: string | null;
  percent: number;
  kind: Kind;
  section: string[];
  text: string;
  source: { file: string; line: number };
  done?: number;
  total?: number;
  /** Extra fields: an approximate figure's qualifier, a table's last-week and planned figures. */
  qualifier?: string;
  prev?: number;
  planned?: number;
  /** Extra field: the report's team (several teams may report the same week). */
  team: string;
}

/**
 * One observation in DESIGN.md's JSON item shape (`show --json` items, `export --format json`
 * rows); optional fields appear only when the observation has them.
 */
export function observationItem(o: Observation, file: string, team: string): ShowItem {
  return {
    project: o.project,
    metric: o.metric,
    percent: o.percent,
    kind: o.kind,
    section: o.section,
    text: o.text,
    source: { file, line: o.line },
    ...(o.done !== undefined ? { done: o.done } : {}),
    ...(o.total !== undefined ? { total: o.total } : {}),
    ...(o.qualifier !== undefined ? { qualifier: o.qualifier } : {}),
    ...(o.prev !== undefined ? { prev: o.prev } : {}),
    ...(o.planned !== undefined ? { planned: o.planned } : {}),
    team,
  };
}

/** DESIGN.md `show --json` shape (items carry `team` as an extra field). */
export interface ShowData {
  week: string;
  reports: { source: string; date: string | null; team: string }[];
  items: ShowItem[];
}

/** Builds ShowData from the week's reports and their observations (kept in report, then line order). */
export function toShowData(
  week: string,
  reports: readonly { source: string; date: string | null; team: string; observations: readonly Observation[] }[],
): ShowData {
  return {
    week,
    reports: reports.map(({ source, date, team }) => ({ source, date, team })),
    items: reports.flatMap((r) =>
      [...r.observations]
        .sort((a, b) => a.line - b.line)
        .map((o) => observationItem(o, r.source, r.team)),
    ),
  };
}

/** Items grouped by (team, source, section path), groups in first-appearance order. */
function groups(d: ShowData): { title: string; items: ShowItem[] }[] {
  const out = new Map<string, { title: string; items: ShowItem[] }>();
  for (const it of d.items) {
    const path = it.section.length ? it.section.join(' › ') : '(no heading)';
    const title = it.team ? `[${it.team}] ${path}` : path;
    const k = `${it.team}\u0000${it.source.file}\u0000${path}`;
    const g = out.get(k) ?? { title, items: [] };
    g.items.push(it);
    out.set(k, g);
  }
  return [...out.values()];
}

function fraction(it: ShowItem): string {
  return it.done !== undefined && it.total !== undefined ? `${it.done}/${it.total}` : '';
}

const HEAD = ['Line', 'Project', 'Metric', '%', 'Kind', 'Done'];
const ALIGN: Align[] = ['right', 'left', 'left', 'right', 'left', 'right'];
const row = (it: ShowItem) => [String(it.source.line), it.project, it.metric ?? '', fmtPct(it.percent), it.kind, fraction(it)];

function header(d: ShowData): string[] {
  return [d.week, ...d.reports.map((r) => `  ${r.source}${r.date ? ` (${r.date})` : ''}${r.team ? ` team ${r.team}` : ''}`)];
}

export function showAsText(d: ShowData): string {
  const out = header(d);
  if (d.items.length === 0) out.push('', 'no percentages found');
  for (const g of groups(d)) out.push('', g.title, ...textTable(HEAD, g.items.map(row), ALIGN));
  return `${out.join('\n')}\n`;
}

export function showAsJson(d: ShowData): string {
  return json(d);
}

export function showAsCsv(d: ShowData): string {
  return csv(
    ['team', 'file', 'line', 'section', 'project', 'metric', 'percent', 'kind', 'done', 'total', 'text'],
    d.items.map((it) => [it.team, it.source.file, it.source.line, it.section.join(' / '), it.project, it.metric, it.percent, it.kind, it.done, it.total, it.text]),
  );
}

export function showAsMarkdown(d: ShowData): string {
  const out = [`## ${d.week}`, '', ...d.reports.map((r) => `- ${escapeMd(r.source)}${r.date ? ` (${r.date})` : ''}`)];
  for (const g of groups(d)) {
    out.push('', `### ${escapeMd(g.title)}`, '', ...mdTable(HEAD, g.items.map((it) => row(it).map(escapeMd)), ALIGN));
  }
  return `${out.join('\n')}\n`;
}

export function showAsHtml(d: ShowData): string {
  const parts = [`<ul>\n${d.reports.map((r) => `<li>${escapeHtml(r.source)}${r.date ? ` (${escapeHtml(r.date)})` : ''}</li>`).join('\n')}\n</ul>`];
  for (const g of groups(d)) {
    parts.push(`<h2>${escapeHtml(g.title)}</h2>`, htmlTable(HEAD, g.items.map((it) => row(it).map(escapeHtml)), ALIGN));
  }
  return htmlPage(d.week, parts.join('\n'));
}

export const SHOW_RENDERERS: RendererMap<ShowData> = {
  text: showAsText,
  json: showAsJson,
  csv: showAsCsv,
  md: showAsMarkdown,
  html: showAsHtml,
};
