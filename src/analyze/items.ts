// Shared ground of the analyses: item identity per report, statuses, rounding and deterministic ordering.

import { canonicalProject, compareText, itemKey, type AliasMap } from '../model/name.js';
import type { Kind, Measure, ReportMeasures, WeekId } from '../model/types.js';
import { compareWeeks } from '../model/week.js';

/**
 * What happened to one item between two reports (DESIGN.md "Statuses").
 * Progress items: `new`, `advanced`, `completed`, `done` (at 100 in the earlier report and still
 * 100, or no longer mentioned: it finished), `stalled`, `regressed`, `resumed` (absent in the
 * earlier report but seen before it), `paused` / `cancelled` (the report says so), `dropped`
 * (silently gone). KPIs (operating figures) have a direction and their own statuses:
 * `improved`, `worsened`, `flat`, `new`, `dropped`; never `completed` or `stalled`.
 */
export type Status =
  | 'regressed'
  | 'dropped'
  | 'stalled'
  | 'worsened'
  | 'paused'
  | 'cancelled'
  | 'new'
  | 'resumed'
  | 'advanced'
  | 'improved'
  | 'completed'
  | 'flat'
  | 'done';

/** Attention first (what went wrong), then stated stops, then news, then the quiet ones: the sort order of every status list. */
export const STATUS_ORDER: readonly Status[] = [
  'regressed',
  'dropped',
  'stalled',
  'worsened',
  'paused',
  'cancelled',
  'new',
  'resumed',
  'advanced',
  'improved',
  'completed',
  'flat',
  'done',
];

/** Statuses a reader should look at. */
export const ATTENTION: ReadonlySet<Status> = new Set<Status>(['regressed', 'dropped', 'stalled', 'worsened']);

/** Stated stops: neither stalled nor silently dropped, listed apart. */
export const STATED: ReadonlySet<Status> = new Set<Status>(['paused', 'cancelled']);

export function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
}

/** Percents are compared after rounding to 2 decimals so that float noise (72.19999) is no movement. */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * Figures are compared after rounding to 4 decimals (the most the extractor keeps) so that float noise (72.19999) is
 * no movement, while a KPI of small shares still moves (`委托失败率 0.02% → 0.018%` improved; at 2 decimals it was flat).
 */
export function roundFig(n: number): number {
  const r = Math.round(n * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}

/** `to - from` rounded, or null when either side is absent. */
export function delta(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : roundFig(roundFig(to) - roundFig(from));
}

/** The status of a progress item present in at least one of two adjacent reports (both null is a caller error). */
export function classify(from: number | null, to: number | null): Status {
  if (from === null) return to !== null && roundFig(to) >= 100 ? 'completed' : 'new';
  const a = roundFig(from);
  if (to === null) return a >= 100 ? 'done' : 'dropped';
  const b = roundFig(to);
  if (b < a) return 'regressed';
  if (b >= 100) return a >= 100 ? 'done' : 'completed';
  return b > a ? 'advanced' : 'stalled';
}

/** Which way a KPI should move: `lower` for error, failure, latency, cost, complaint and churn figures. */
export type Direction = 'higher' | 'lower';

/** The status of a KPI between two figures: better, worse or the same in its direction; `new`/`dropped` when one is absent. */
export function classifyKpi(from: number | null, to: number | null, direction: Direction): Status {
  if (from === null) return 'new';
  if (to === null) return 'dropped';
  const a = roundFig(from);
  const b = roundFig(to);
  if (a === b) return 'flat';
  return (b > a) === (direction === 'higher') ? 'improved' : 'worsened';
}

/** Locale-independent string order (model/name's compareText, under the name analyses use). */
export const cmpStr = compareText;

/** One item as one report states it. */
export interface ItemEntry<M extends Measure = Measure> {
  key: string;
  team: string;
  measure: M;
}

/**
 * The items of one report keyed by identity. When an item appears twice in one report
 * (the same project and metric on two lines), the first mention in line order wins: it is
 * the headline figure; later repeats are usually summaries or quotes of it.
 */
export function itemsOf<M extends Measure>(report: { team: string; measures: readonly M[] }, aliases: AliasMap): Map<string, ItemEntry<M>> {
  const out = new Map<string, ItemEntry<M>>();
  const ms = report.measures;
  // Stored measures are already in line order; sort (stably) only when they are not.
  let sorted = true;
  for (let i = 1; i < ms.length && sorted; i++) sorted = ms[i - 1]!.line <= ms[i]!.line;
  const ordered = sorted ? ms : [...ms].sort((x, y) => x.line - y.line);
  for (const m of ordered) {
    const key = itemKey(report.team, m.project, m.metric, aliases);
    if (!out.has(key)) out.set(key, { key, team: report.team, measure: m });
  }
  return out;
}

/** A report-like value: what every analysis needs (ReportMeasures, or reports whose measures carry evidence). */
export type ReportLike<M extends Measure = Measure> = Omit<ReportMeasures, 'measures'> & { measures: readonly M[] };

/**
 * One report per (team, week). The store guarantees this; should several slip through,
 * the choice is deterministic: the latest `date` wins, then the greatest `source`, then `id`.
 */
export function onePerTeamWeek<R extends ReportLike<Measure>>(reports: readonly R[], team?: string): R[] {
  const best = new Map<string, R>();
  for (const r of reports) {
    if (team !== undefined && r.team !== team) continue;
    const k = `${r.team}\u0000${r.week}`;
    const cur = best.get(k);
    if (!cur || laterCopy(r, cur)) best.set(k, r);
  }
  return [...best.values()].sort((a, b) => compareWeeks(a.week, b.week) || cmpStr(a.team, b.team));
}

function laterCopy(a: ReportLike<Measure>, b: ReportLike<Measure>): boolean {
  const c = cmpStr(a.date ?? '', b.date ?? '') || cmpStr(a.source, b.source) || cmpStr(a.id, b.id);
  return c > 0;
}

/** Reports grouped by team, each group in week order. */
export function byTeam<R extends ReportLike<Measure>>(reports: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of reports) {
    const list = out.get(r.team) ?? [];
    list.push(r);
    out.set(r.team, list);
  }
  for (const list of out.values()) list.sort((a, b) => compareWeeks(a.week, b.week));
  return out;
}

/** Display name of an item: the alias target when aliased, else the spelling of its latest mention. */
export function displayProject(latestSpelling: string, aliases: AliasMap): string {
  return canonicalProject(latestSpelling, aliases);
}

/** Sort key shared by every item list: team, project, metric in code-point order. */
export function cmpItem(
  a: { team: string; project: string; metric: string | null },
  b: { team: string; project: string; metric: string | null },
): number {
  return cmpStr(a.team, b.team) || cmpStr(a.project, b.project) || cmpStr(a.metric ?? '', b.metric ?? '');
}

export function cmpStatus(a: Status, b: Status): number {
  return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
}

/** Progress before KPI. */
export function cmpKind(a: Kind, b: Kind): number {
  return a === b ? 0 : a === 'progress' ? -1 : 1;
}

export type { WeekId };
