// The planning-meeting report: per team, every item's figures over the period, its latest status, forecast and evidence, and what needs attention.

import { diffWords } from 'diff';
import { itemKey, type AliasMap } from '../model/name.js';
import type { Kind, Observation, WeekId } from '../model/types.js';
import type { DiffItem, DiffReport } from './diff.js';
import type { Forecast } from './forecast.js';
import type { TextChange } from './history.js';
import { cmpItem, cmpStr } from './items.js';
import type { SeriesTable } from './series.js';
import type { StalledReport } from './stalled.js';

/** Statuses the report lists under "needs attention" (with `slipping`, which stands beside another status). */
export const ATTENTION_STATUSES: readonly string[] = ['regressed', 'dropped', 'stalled', 'paused', 'cancelled', 'worsened'];

/** Where a figure was read: the report file, the line, the line's text. */
export interface Evidence {
  file: string;
  line: number;
  text: string;
}

export interface PlanItem {
  team: string;
  project: string;
  metric: string | null;
  kind: Kind;
  /** One value per week of the team (PlanTeam.weeks); null where the report has no figure for the item. */
  values: (number | null)[];
  /** From the diff of the report's two weeks; null when the item is in neither (it only shows in the charts). */
  from: number | null;
  to: number | null;
  delta: number | null;
  status: string | null;
  /** The diff's own item: what it says beside the status (last seen, stated in words, lower is better). */
  change?: DiffItem;
  forecast: Forecast | null;
  /** Stalled items: reports without an increase, calendar weeks, and since when. */
  stalled?: { reports: number; weeks: number; since: WeekId };
  /** The line the latest figure was read from (for a dropped item: the last line that had it). */
  source?: Evidence;
  /** The line a week earlier, when it differs, as a word-level diff. */
  changes?: TextChange[];
}

export interface PlanTeam {
  team: string;
  /** The team's report weeks in the period, oldest first. */
  weeks: WeekId[];
  /** The day each report stands for (`YYYY-MM-DD`), for charts on a time axis. */
  days: string[];
  /** Progress statuses counted (and `slipping`). */
  counts: Record<string, number>;
  items: PlanItem[];
  kpis: PlanItem[];
  /** The team has no report in one of the two compared weeks. */
  missing?: WeekId;
}

export interface PlanningReport {
  /** The period charted. */
  from: WeekId;
  to: WeekId;
  /** The week `to` is compared with (the report before it); null when there is only one. */
  prev: WeekId | null;
  today: string;
  reports: number;
  teams: PlanTeam[];
  /** Progress statuses over every team, and `slipping`. */
  counts: Record<string, number>;
  attention: PlanItem[];
}

export interface PlanInput {
  from: WeekId;
  to: WeekId;
  prev: WeekId | null;
  today: string;
  aliases: AliasMap;
  /** The reports in the period: team, week and the day it stands for. */
  reports: readonly { team: string; week: WeekId; day: string }[];
  series: SeriesTable;
  /** Parallel to series.rows. */
  forecasts: readonly (Forecast | null)[];
  diff: DiffReport;
  stalled: StalledReport;
  /** The observations of the team's reports in `to` and `prev` (with their source file). */
  evidence: (team: string, week: WeekId) => { source: string; observations: readonly Observation[] } | undefined;
}

const sep = '\u0000';
const idOf = (i: { team: string; project: string; metric: string | null }) => `${i.team}${sep}${i.project}${sep}${i.metric ?? ''}`;

let segmenter: Intl.Segmenter | undefined;

/** Word-level diff of two lines; Chinese is cut into words by Intl.Segmenter (no spaces to split at). */
export function wordChanges(before: string, after: string): TextChange[] {
  // One segmenter for every line (making one loads its dictionary).
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({ value: c.value, added: Boolean(c.added), removed: Boolean(c.removed) }));
}

export function planningReport(input: PlanInput): PlanningReport {
  const diffById = new Map<string, DiffItem>(input.diff.items.map((d) => [idOf(d), d]));
  const stalledById = new Map(input.stalled.items.map((s) => [idOf(s), s]));
  const teamNames = [...new Set([...input.reports.map((r) => r.team), ...input.diff.items.map((d) => d.team)])].sort(cmpStr);
  const missing = new Map(input.diff.missing.map((m) => [m.team, m.week]));

  /** The observation of an item in a team's report of `week`, matched through aliases (the first of the report, as the analyses take it). */
  const byKey = new Map<string, Map<string, Evidence>>();
  const observed = (team: string, week: WeekId | null, project: string, metric: string | null): Evidence | undefined => {
    if (!week) return undefined;
    const k = `${team}${sep}${week}`;
    let index = byKey.get(k);
    if (!index) {
      index = new Map();
      const ev = input.evidence(team, week);
      for (const o of ev?.observations ?? []) {
        const key = itemKey(team, o.project, o.metric, input.aliases);
        if (!index.has(key)) index.set(key, { file: ev!.source, line: o.line, text: o.text });
      }
      byKey.set(k, index);
    }
    return index.get(itemKey(team, project, metric, input.aliases));
  };

  const teams: PlanTeam[] = [];
  const seen = new Set<string>();
  for (const team of teamNames) {
    const own = input.reports.filter((r) => r.team === team);
    const weeks = own.map((r) => r.week);
    const days = own.map((r) => r.day);
    const column = weeks.map((w) => input.series.weeks.indexOf(w));
    const items: PlanItem[] = [];
    input.series.rows.forEach((row, i) => {
      if (row.team !== team) return;
      const id = idOf(row);
      seen.add(id);
      items.push(planItem(row, column.map((c) => (c >= 0 ? row.values[c] ?? null : null)), input.forecasts[i] ?? null, diffById.get(id), stalledById.get(id)));
    });
    // Items of the diff the period's columns do not show (gone before the period): listed all the same.
    for (const d of input.diff.items) {
      if (d.team !== team || seen.has(idOf(d))) continue;
      seen.add(idOf(d));
      items.push(planItem(d, weeks.map(() => null), null, d, stalledById.get(idOf(d))));
    }
    for (const it of items) {
      const now = observed(team, input.to, it.project, it.metric);
      const before = observed(team, input.prev, it.project, it.metric);
      const ev = it.change?.evidence;
      // A stop or completion stated in words is read from its own line.
      const said = ev && !now ? { file: input.evidence(team, input.to)?.source ?? '', line: ev.line, text: ev.text } : undefined;
      it.source = now ?? said ?? before;
      if (now && before && now.text !== before.text) it.changes = wordChanges(before.text, now.text);
    }
    const progress = items.filter((i) => i.kind === 'progress').sort(byAttention);
    const kpis = items.filter((i) => i.kind === 'kpi').sort(byAttention);
    const counts = countOf(progress);
    const t: PlanTeam = { team, weeks, days, counts, items: progress, kpis };
    const m = missing.get(team);
    if (m) t.missing = m;
    teams.push(t);
  }
  const all = teams.flatMap((t) => t.items);
  const attention = teams.flatMap((t) => [...t.items, ...t.kpis]).filter(needsAttention);
  return {
    from: input.from,
    to: input.to,
    prev: input.prev,
    today: input.today,
    reports: input.reports.length,
    teams,
    counts: countOf(all),
    attention,
  };
}

function planItem(
  row: { team: string; project: string; metric: string | null; kind: Kind },
  values: (number | null)[],
  forecast: Forecast | null,
  d: DiffItem | undefined,
  s: StalledReport['items'][number] | undefined,
): PlanItem {
  const it: PlanItem = {
    team: row.team,
    project: row.project,
    metric: row.metric,
    kind: row.kind,
    values,
    from: d?.from ?? null,
    to: d?.to ?? null,
    delta: d?.delta ?? null,
    status: d?.status ?? null,
    forecast,
  };
  if (d) it.change = d;
  if (s) it.stalled = { reports: s.reports, weeks: s.calendarWeeks, since: s.since };
  return it;
}

export function needsAttention(i: PlanItem): boolean {
  return (i.status !== null && ATTENTION_STATUSES.includes(i.status)) || Boolean(i.forecast?.slipping);
}

const ORDER = ['regressed', 'dropped', 'stalled', 'worsened', 'paused', 'cancelled', 'new', 'resumed', 'advanced', 'improved', 'completed', 'flat', 'done'];

function rank(i: PlanItem): number {
  const r = i.status === null ? ORDER.length : ORDER.indexOf(i.status);
  return r < 0 ? ORDER.length : r;
}

function byAttention(a: PlanItem, b: PlanItem): number {
  return rank(a) - rank(b) || Number(Boolean(b.forecast?.slipping)) - Number(Boolean(a.forecast?.slipping)) || cmpItem(a, b);
}

function countOf(items: readonly PlanItem[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const i of items) {
    if (i.status !== null) c[i.status] = (c[i.status] ?? 0) + 1;
    if (i.forecast?.slipping) c.slipping = (c.slipping ?? 0) + 1;
  }
  return c;
}
