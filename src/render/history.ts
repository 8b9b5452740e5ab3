// The `history` report: per item, one row per report that mentioned it, then how its source line changed.

import type { HistoryItem, HistoryPoint, HistoryReport, TextChange } from '../analyze/history.js';
import { kindWord, status, statusWord, table, type Column, type Doc, type Inline, type ReportType } from './doc.js';
import { fmtDelta, fmtPct, sparkText } from './format.js';
import type { Words } from './words.js';

/** The item's name, then a sparkline of its figures report by report (`▁▃▅▆▆▇`). */
function heading(i: HistoryItem, w: Words): string {
  const name = i.metric ? `${i.project} / ${i.metric}` : i.project;
  const kind = i.kind === 'kpi' ? w.kpiMark : '';
  const spark = `  ${sparkText(i.points.map((p) => p.percent))}`;
  // The item it was split from (`积分账户 (split from 会员权益重构)`); a rename shows in the as-written column.
  const split = i.splitFrom ? w.aside(w.splitFromNote(i.splitFrom)) : '';
  return i.team ? `[${i.team}] ${name}${kind}${split}${spark}` : `${name}${kind}${split}${spark}`;
}

/** A narrative diff as inline parts: common text, removed and added pieces. */
function changeParts(changes: readonly TextChange[]): Inline[] {
  return changes.map((c) => (c.removed ? { text: c.value, mark: 'removed' } : c.added ? { text: c.value, mark: 'added' } : c.value));
}

/** One row of the data table: a point with its item. */
type Row = HistoryPoint & { item: HistoryItem };

const COLUMNS: readonly Column<Row>[] = [
  { key: 'team', label: 'team', value: (r) => r.item.team, only: 'data' },
  { key: 'project', label: 'project', value: (r) => r.item.project, only: 'data' },
  { key: 'metric', label: 'metric', value: (r) => r.item.metric, only: 'data' },
  { key: 'kind', label: 'kind', value: (r) => r.item.kind, worded: (r, w) => kindWord(r.item.kind, w), only: 'data' },
  { key: 'week', label: 'week', value: (r) => r.week },
  { key: 'percent', label: 'percent', align: 'right', value: (r) => r.percent, show: (r) => fmtPct(r.percent) },
  { key: 'delta', label: 'delta', align: 'right', value: (r) => r.delta, show: (r) => fmtDelta(r.delta) },
  {
    key: 'status',
    label: 'status',
    value: (r) => r.status,
    // ` (in words: 已全量上线)` for an inferred completion, ` (stated: 暂停)` for a stated stop.
    show: (r, w) => (r.evidence ? [status(r.status, w), w.aside(r.inferred ? w.inWords(r.evidence) : w.statedWords(r.evidence))] : status(r.status, w)),
    worded: (r, w) => statusWord(r.status, w),
  },
  { key: 'written', label: 'asWritten', value: (r) => r.written },
  { key: 'split_from', label: 'splitFrom', value: (r) => r.item.splitFrom ?? null, only: 'data', dataIf: (rows) => rows.some((r) => r.item.splitFrom) },
  { key: 'file', label: 'file', value: (r) => r.source, only: 'data' },
  { key: 'line', label: 'line', value: (r) => r.line, only: 'data' },
  { key: 'text', label: 'text', value: (r) => r.text, only: 'data' },
];

function historyDoc(h: HistoryReport, w: Words): Doc {
  const blocks: Doc['blocks'] = [];
  if (h.items.length === 0) blocks.push({ kind: 'lines', lines: [[w.noItemMatches(h.query)]] });
  for (const item of h.items) {
    const rows = item.points.map((p) => ({ ...p, item }));
    blocks.push({ kind: 'heading', text: heading(item, w) }, table(COLUMNS, rows, { rowStatus: (r: Row) => r.status }));
    const narrative = item.points.filter((p) => p.changes);
    if (narrative.length) {
      blocks.push(
        { kind: 'heading', text: w.changes, level: 3 },
        { kind: 'lines', list: true, lines: narrative.map((p) => [`${p.week}: `, ...changeParts(p.changes!)]) },
      );
    }
  }
  const rows = h.items.flatMap((item) => item.points.map((p) => ({ ...p, item })));
  return { title: w.historyTitle(h.query), titleInText: false, blocks, data: { columns: COLUMNS, rows } };
}

export const HISTORY: ReportType<HistoryReport> = { name: 'history', doc: historyDoc, json: (h) => h };
