// Renderers of an item's history: one row per report that mentioned it, then how its source line changed.

import type { HistoryItem, HistoryReport, TextChange } from '../analyze/history.js';
import {
  escapeHtml,
  escapeMd,
  fmtDelta,
  fmtPct,
  htmlPage,
  htmlTable,
  json,
  mdTable,
  paintAdded,
  paintRemoved,
  paintStatus,
  textTable,
  type Align,
  type RenderOptions,
  type RendererMap,
} from './format.js';

function heading(i: HistoryItem): string {
  const name = i.metric ? `${i.project} / ${i.metric}` : i.project;
  const kind = i.kind === 'kpi' ? ' (KPI)' : '';
  return i.team ? `[${i.team}] ${name}${kind}` : `${name}${kind}`;
}

/** wdiff style without colour (`[-old-]{+new+}`), red/green with it. */
export function changesAsText(changes: readonly TextChange[], opts?: RenderOptions): string {
  return changes
    .map((c) => (c.removed ? paintRemoved(c.value, opts) : c.added ? paintAdded(c.value, opts) : c.value))
    .join('')
    .replace(/[\r\n]+/g, ' ');
}

function noMatch(h: HistoryReport): string {
  return `no item matches ${JSON.stringify(h.query)}`;
}

export function historyAsText(h: HistoryReport, opts?: RenderOptions): string {
  if (h.items.length === 0) return `${noMatch(h)}\n`;
  const blocks = h.items.map((item) => {
    const rows = item.points.map((p) => [p.week, fmtPct(p.percent), fmtDelta(p.delta), paintStatus(p.status, opts), p.written]);
    const out = [heading(item), ...textTable(['Week', '%', 'Δ', 'Status', 'As written'], rows, ['left', 'right', 'right', 'left', 'left'])];
    const narrative = item.points.filter((p) => p.changes).map((p) => `  ${p.week}: ${changesAsText(p.changes!, opts)}`);
    if (narrative.length) out.push('', 'Changes:', ...narrative);
    return out.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

export function historyAsJson(h: HistoryReport): string {
  return json(h);
}

export function historyAsMarkdown(h: HistoryReport): string {
  if (h.items.length === 0) return `${escapeMd(noMatch(h))}\n`;
  const align: Align[] = ['left', 'right', 'right', 'left', 'left'];
  const blocks = h.items.map((item) => {
    const rows = item.points.map((p) => [p.week, fmtPct(p.percent), fmtDelta(p.delta), p.status, escapeMd(p.text ?? p.written)]);
    return [`### ${escapeMd(heading(item))}`, '', ...mdTable(['Week', '%', 'Δ', 'Status', 'Source'], rows, align)].join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

function changesAsHtml(changes: readonly TextChange[]): string {
  return changes
    .map((c) => (c.removed ? `<del>${escapeHtml(c.value)}</del>` : c.added ? `<ins>${escapeHtml(c.value)}</ins>` : escapeHtml(c.value)))
    .join('');
}

export function historyAsHtml(h: HistoryReport): string {
  if (h.items.length === 0) return htmlPage(`History: ${h.query}`, `<p>${escapeHtml(noMatch(h))}</p>`);
  const align: Align[] = ['left', 'right', 'right', 'left', 'left'];
  const blocks = h.items.map((item) => {
    const rows = item.points.map((p) => [
      escapeHtml(p.week),
      fmtPct(p.percent),
      escapeHtml(fmtDelta(p.delta)),
      escapeHtml(p.status),
      p.changes ? changesAsHtml(p.changes) : escapeHtml(p.text ?? p.written),
    ]);
    return `<h2>${escapeHtml(heading(item))}</h2>\n${htmlTable(['Week', '%', 'Δ', 'Status', 'Source'], rows, align, (i) => item.points[i]!.status)}`;
  });
  return htmlPage(`History: ${h.query}`, blocks.join('\n'));
}

export const HISTORY_RENDERERS: RendererMap<HistoryReport> = {
  text: historyAsText,
  json: historyAsJson,
  md: historyAsMarkdown,
  html: historyAsHtml,
};
