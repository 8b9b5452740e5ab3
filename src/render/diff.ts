// The diff report: progress items, their status summary, then KPIs as a section of their own; JSON in DESIGN.md's shape.

import type { DiffItem, DiffReport } from '../analyze/diff.js';
import { someTeam, status, table, type Column, type Doc, type Inline, type ReportType } from './doc.js';
import { fmtDelta, fmtPct } from './format.js';
import { summaryStatuses } from './statuses.js';
import type { Words } from './words.js';

const COLUMNS: readonly Column<DiffItem>[] = [
  { key: 'team', label: 'team', value: (i) => i.team, shownIf: someTeam },
  { key: 'project', label: 'project', value: (i) => i.project },
  { key: 'metric', label: 'metric', value: (i) => i.metric },
  { key: 'kind', label: 'kind', value: (i) => i.kind, only: 'data' },
  { key: 'from', label: 'from', align: 'right', value: (i) => i.from, show: (i) => fmtPct(i.from) },
  { key: 'to', label: 'to', align: 'right', value: (i) => i.to, show: (i) => fmtPct(i.to) },
  { key: 'delta', label: 'delta', align: 'right', value: (i) => i.delta, show: (i) => fmtDelta(i.delta) },
  { key: 'status', label: 'status', value: (i) => i.status, show: (i, w) => status(i.status, w) },
];

/** `1 regressed · 1 dropped · 2 stalled · 1 new · 6 advanced · 1 completed` (and any other status that occurs). */
function diffSummary(counts: Readonly<Record<string, number>>, w: Words): Inline[] {
  return summaryStatuses(counts).flatMap((s, i) => [...(i ? [' · '] : []), `${counts[s] ?? 0} `, status(s, w)]);
}

function diffDoc(d: DiffReport, w: Words): Doc {
  const progress = d.items.filter((i) => i.kind === 'progress');
  const kpi = d.items.filter((i) => i.kind === 'kpi');
  const opts = { context: d.items, rowStatus: (i: DiffItem) => i.status };
  const blocks: Doc['blocks'] = [
    table(COLUMNS, progress, { ...opts, empty: w.noProgressItems }),
    { kind: 'lines', lines: [diffSummary(d.counts, w)] },
  ];
  if (kpi.length) blocks.push({ kind: 'heading', text: w.kpiSection }, table(COLUMNS, kpi, opts));
  if (d.missing.length) {
    blocks.push({ kind: 'heading', text: w.notCompared }, { kind: 'lines', list: true, lines: d.missing.map((m) => [w.noReportIn(m.team, m.week)]) });
  }
  return { title: w.diffTitle(d.from, d.to), titleInText: true, blocks, data: { columns: COLUMNS, rows: [...progress, ...kpi] } };
}

/** DESIGN.md `diff --json`: `{ from, to, items: [{ project, metric, kind, from, to, delta, status }] }`, plus team, counts, kpiCounts, missing. */
function diffJson(d: DiffReport): unknown {
  return {
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
  };
}

export const DIFF: ReportType<DiffReport> = { name: 'diff', doc: diffDoc, json: diffJson };
