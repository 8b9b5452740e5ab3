// Renderers of a week-to-week diff: text table with a status summary, JSON (DESIGN.md shape), CSV, Markdown, HTML.

import type { DiffItem, DiffReport } from '../analyze/diff.js';
import type { Status } from '../analyze/items.js';
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

const SUMMARY: readonly Status[] = ['regressed', 'dropped', 'stalled', 'new', 'advanced', 'completed'];

/** `3 regressed · 1 dropped · 4 stalled · 2 new · 5 advanced · 1 completed` (and `· n done` when some are). */
export function diffSummary(counts: Record<Status, number>, opts?: RenderOptions): string {
  const parts = SUMMARY.map((s) => `${counts[s]} ${paintStatus(s, opts)}`);
  if (counts.done > 0) parts.push(`${counts.done} done`);
  return parts.join(' · ');
}

function hasTeams(items: readonly { team: string }[]): boolean {
  return items.some((i) => i.team !== '');
}

function columns(items: DiffItem[]): { headers: string[]; align: Align[]; cells: (i: DiffItem, paint: (s: Status) => string) => string[] } {
  const team = hasTeams(items);
  return {
    headers: [...(team ? ['Team'] : []), 'Project', 'Metric', 'From', 'To', 'Δ', 'Status'],
    align: [...(team ? (['left'] as Align[]) : []), 'left', 'left', 'right', 'right', 'right', 'left'],
    cells: (i, paint) => [
      ...(team ? [i.team] : []),
      i.project,
      i.metric ?? '',
      fmtPct(i.from),
      fmtPct(i.to),
      fmtDelta(i.delta),
      paint(i.status),
    ],
  };
}

function missingNotes(d: DiffReport): string[] {
  return d.missing.map((m) => `note: team ${m.team || '(default)'} has no report in ${m.week}; not compared`);
}

export function diffAsText(d: DiffReport, opts?: RenderOptions): string {
  const out = [`${d.from} → ${d.to}`, ''];
  const progress = d.items.filter((i) => i.kind === 'progress');
  const kpi = d.items.filter((i) => i.kind === 'kpi');
  const cols = columns(d.items);
  const paint = (s: Status) => paintStatus(s, opts);
  if (progress.length) out.push(...textTable(cols.headers, progress.map((i) => cols.cells(i, paint)), cols.align));
  else out.push('no progress items');
  out.push('', diffSummary(d.counts, opts));
  if (kpi.length) {
    out.push('', 'KPI', ...textTable(cols.headers, kpi.map((i) => cols.cells(i, paint)), cols.align));
  }
  const notes = missingNotes(d);
  if (notes.length) out.push('', ...notes);
  return `${out.join('\n')}\n`;
}

/** DESIGN.md `diff --json`: `{ from, to, items: [{ project, metric, kind, from, to, delta, status }] }`, plus team, counts, missing. */
export function diffAsJson(d: DiffReport): string {
  return json({
    from: d.from,
    to: d.to,
    items: d.items.map((i) => ({
      project: i.project,
      metric: i.metric,
      kind: i.kind,
      from: i.from,
      to: i.to,
      delta: i.delta,
      status: i.status,
      team: i.team,
    })),
    counts: d.counts,
    kpiCounts: d.kpiCounts,
    missing: d.missing,
  });
}

export function diffAsCsv(d: DiffReport): string {
  return csv(
    ['team', 'project', 'metric', 'kind', 'from', 'to', 'delta', 'status'],
    d.items.map((i) => [i.team, i.project, i.metric, i.kind, i.from, i.to, i.delta, i.status]),
  );
}

export function diffAsMarkdown(d: DiffReport): string {
  const team = hasTeams(d.items);
  const headers = [...(team ? ['Team'] : []), 'Project', 'Metric', 'Kind', 'From', 'To', 'Δ', 'Status'];
  const align: Align[] = [...(team ? (['left'] as Align[]) : []), 'left', 'left', 'left', 'right', 'right', 'right', 'left'];
  const rows = d.items.map((i) => [
    ...(team ? [escapeMd(i.team)] : []),
    escapeMd(i.project),
    escapeMd(i.metric ?? ''),
    i.kind,
    fmtPct(i.from),
    fmtPct(i.to),
    fmtDelta(i.delta),
    i.status,
  ]);
  const out = [`## ${d.from} → ${d.to}`, '', ...mdTable(headers, rows, align), '', diffSummary(d.counts)];
  const notes = missingNotes(d).map(escapeMd);
  if (notes.length) out.push('', ...notes);
  return `${out.join('\n')}\n`;
}

export function diffAsHtml(d: DiffReport): string {
  const headers = ['Team', 'Project', 'Metric', 'Kind', 'From', 'To', 'Δ', 'Status'];
  const align: Align[] = ['left', 'left', 'left', 'left', 'right', 'right', 'right', 'left'];
  const rows = d.items.map((i) =>
    [i.team, i.project, i.metric ?? '', i.kind, fmtPct(i.from), fmtPct(i.to), fmtDelta(i.delta), i.status].map(escapeHtml),
  );
  const body = [
    htmlTable(headers, rows, align, (n) => d.items[n]!.status),
    `<p>${escapeHtml(diffSummary(d.counts))}</p>`,
    ...missingNotes(d).map((n) => `<p>${escapeHtml(n)}</p>`),
  ].join('\n');
  return htmlPage(`${d.from} → ${d.to}`, body);
}

export const DIFF_RENDERERS: RendererMap<DiffReport> = {
  text: diffAsText,
  json: diffAsJson,
  csv: diffAsCsv,
  md: diffAsMarkdown,
  html: diffAsHtml,
};
