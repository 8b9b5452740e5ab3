// The diff report: progress items, their status summary, then KPIs as a section of their own; JSON in DESIGN.md's shape.

import type { DiffItem, DiffReport, TeamSummary } from '../analyze/diff.js';
import { kindWord, someTeam, status, statusWord, table, type Column, type Doc, type Inline, type ReportType } from './doc.js';
import { fmtDelta, fmtPct } from './format.js';
import { summaryStatuses } from './statuses.js';
import { wordsFor, type Words } from './words.js';

const COLUMNS: readonly Column<DiffItem>[] = [
  { key: 'team', label: 'team', value: (i) => i.team, shownIf: someTeam },
  { key: 'project', label: 'project', value: (i) => i.project },
  { key: 'metric', label: 'metric', value: (i) => i.metric },
  { key: 'kind', label: 'kind', value: (i) => i.kind, worded: (i, w) => kindWord(i.kind, w), only: 'data' },
  { key: 'from', label: 'from', align: 'right', value: (i) => i.from, show: (i) => fmtPct(i.from) },
  { key: 'to', label: 'to', align: 'right', value: (i) => i.to, show: (i) => fmtPct(i.to) },
  { key: 'delta', label: 'delta', align: 'right', value: (i) => i.delta, show: (i) => fmtDelta(i.delta) },
  { key: 'status', label: 'status', value: (i) => i.status, show: (i, w) => statusWithNote(i, w), worded: (i, w) => statusWord(i.status, w) },
  // English in data formats (as their headers and status values are), unless the reader's language writes words there.
  { key: 'note', label: 'note', value: (i) => statusNote(i, wordsFor(undefined)), worded: (i, w) => statusNote(i, w), only: 'data' },
  { key: 'due', label: 'due', value: (i) => i.due ?? null, only: 'data' },
  { key: 'slipping', label: 'slipping', value: (i) => (i.slipping ? 'slipping' : null), worded: (i, w) => (i.slipping ? statusWord('slipping', w) : null), only: 'data' },
  // Issue 10: a renamed item's name now, the item a new one was split from (the JSON's `current`, `splitFrom`).
  { key: 'current', label: 'currentName', value: (i) => i.current ?? null, only: 'data', dataIf: (rows) => rows.some((i) => i.current) },
  { key: 'split_from', label: 'splitFrom', value: (i) => i.splitFrom ?? null, only: 'data', dataIf: (rows) => rows.some((i) => i.splitFrom) },
];

/**
 * What the status needs said beside it: where a resumed item's earlier figure comes from
 * (`last seen 2023-W10, 60%`), what happened between the weeks to an item gone from the later
 * one, the words behind an inferred completion or a stated stop, a lower-is-better KPI; a renamed item's name now
 * (`now 企业级数据平台`) and the item a new one was split from (`split from 会员体系重构`).
 */
export function statusNote(i: DiffItem, w: Words): string {
  const notes: string[] = [];
  if (i.current) notes.push(w.nowNamed(i.current));
  if (i.splitFrom) notes.push(w.splitFromNote(i.splitFrom));
  if (i.last) notes.push(i.status === 'completed' && i.to === null ? w.reached100(i.last.week) : w.lastSeen(i.last.week, i.last.percent));
  if (i.evidence) notes.push(i.inferred ? w.inWords(i.evidence.phrase) : w.statedWords(i.evidence.phrase));
  if (i.kind === 'kpi' && i.direction === 'lower') notes.push(w.lowerIsBetter);
  return notes.join(w.semicolon);
}

function statusWithNote(i: DiffItem, w: Words): Inline[] | Inline {
  const note = statusNote(i, w);
  const parts: Inline[] = [status(i.status, w)];
  if (i.slipping) parts.push(w.comma, status('slipping', w));
  if (note) parts.push(w.aside(note));
  return parts.length === 1 ? parts[0]! : parts;
}

/** Stated stops, listed apart from the progress table: neither stalled nor silently dropped. */
const STOPPED = new Set(['paused', 'cancelled']);

/** `1 regressed · 1 dropped · 2 stalled · 1 new · 6 advanced · 1 completed` (and any other status that occurs). */
function diffSummary(counts: Readonly<Record<string, number>>, w: Words): Inline[] {
  return summaryStatuses(counts).flatMap((s, i) => [...(i ? [' · '] : []), ...w.countOf<Inline>(counts[s] ?? 0, status(s, w))]);
}

function diffDoc(d: DiffReport, w: Words): Doc {
  const progress = d.items.filter((i) => i.kind === 'progress' && !STOPPED.has(i.status));
  const stopped = d.items.filter((i) => i.kind === 'progress' && STOPPED.has(i.status));
  const kpi = d.items.filter((i) => i.kind === 'kpi');
  const opts = { context: d.items, rowStatus: (i: DiffItem) => i.status };
  const blocks: Doc['blocks'] = [table(COLUMNS, progress, { ...opts, empty: w.noProgressItems })];
  if (stopped.length) blocks.push({ kind: 'heading', text: w.stoppedSection }, table(COLUMNS, stopped, opts));
  const slipping = progress.filter((i) => i.slipping).length;
  blocks.push({ kind: 'lines', lines: [diffSummary(slipping ? { ...d.counts, slipping } : d.counts, w)] });
  if (kpi.length) blocks.push({ kind: 'heading', text: w.kpiSection }, table(COLUMNS, kpi, opts));
  if (d.missing.length) {
    blocks.push({ kind: 'heading', text: w.notCompared }, { kind: 'lines', list: true, lines: d.missing.map((m) => [w.noReportIn(m.team, m.week)]) });
  }
  return { title: w.diffTitle(d.from, d.to), titleInText: true, blocks, data: { columns: COLUMNS, rows: [...progress, ...stopped, ...kpi] } };
}

/** DESIGN.md `diff --json`: `{ from, to, items: [{ project, metric, kind, from, to, delta, status }] }`, plus team, current (a renamed item's name now), counts, kpiCounts, missing. */
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
      ...(i.current ? { current: i.current } : {}),
      ...(i.splitFrom ? { splitFrom: i.splitFrom } : {}),
      ...(i.direction ? { direction: i.direction } : {}),
      ...(i.last ? { last: i.last } : {}),
      ...(i.inferred ? { inferred: true } : {}),
      ...(i.evidence ? { evidence: i.evidence } : {}),
      ...(i.due ? { due: i.due, slipping: Boolean(i.slipping) } : {}),
    })),
    counts: d.counts,
    kpiCounts: d.kpiCounts,
    missing: d.missing,
  };
}

export const DIFF: ReportType<DiffReport> = { name: 'diff', doc: diffDoc, json: diffJson };

// ------------------------------------------------------------------ diff --by-team

export interface DiffByTeam {
  from: string;
  to: string;
  teams: TeamSummary[];
}

/** The status columns of the by-team table: those that occur, attention first (the summary line's order). */
function byTeamColumns(d: DiffByTeam, w: Words): Column<TeamSummary>[] {
  const all: Record<string, number> = {};
  for (const t of d.teams) for (const [s, n] of Object.entries(t.counts)) all[s] = (all[s] ?? 0) + n;
  return [
    { key: 'team', label: 'team', value: (t) => t.team, show: (t) => t.team || w.defaultTeam },
    ...summaryStatuses(all).map((s): Column<TeamSummary> => ({ key: s, label: { text: w.status[s] ?? s }, align: 'right', value: (t) => t.counts[s] ?? 0, show: (t) => (t.missing ? '' : String(t.counts[s] ?? 0)) })),
    { key: 'items', label: 'items', align: 'right', value: (t) => t.items },
    { key: 'missing', label: 'note', value: (t) => t.missing ?? null, show: (t) => (t.missing ? w.noReportIn(t.team, t.missing) : ''), shownIf: (rows) => rows.some((t) => t.missing) },
  ];
}

function byTeamDoc(d: DiffByTeam, w: Words): Doc {
  const columns = byTeamColumns(d, w);
  return { title: w.diffTitle(d.from, d.to), titleInText: true, blocks: [table(columns, d.teams, { empty: w.noProgressItems })], data: { columns, rows: d.teams } };
}

export const DIFF_BY_TEAM: ReportType<DiffByTeam> = { name: 'diff-by-team', doc: byTeamDoc, json: (d) => d };
