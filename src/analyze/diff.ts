// diffWeeks: what advanced, stalled, regressed, vanished or finished between two weeks, per item.

import type { AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId } from '../model/types.js';
import { cmpItem, cmpKind, cmpStatus, emptyCounts, type Direction, type ReportLike, type Status } from './items.js';
import { compare, indexOfWeek, nameAt, splitFrom, timelines, type Change, type Timeline } from './timeline.js';

export interface DiffItem {
  team: string;
  /** Canonical (alias-resolved) display name, latest spelling. */
  project: string;
  metric: string | null;
  kind: Kind;
  from: number | null;
  to: number | null;
  delta: number | null;
  status: Status;
  /** KPIs: which way is better. */
  direction?: Direction;
  /**
   * `resumed`: the last figure before the earlier week (shown as `from`); an item gone from the
   * later week: the last figure or event between the two weeks (completed, last seen, paused).
   */
  last?: { week: WeekId; percent: number | null };
  /**
   * The item's name now (its latest spelling, alias-resolved) when `project` is the name it had in the later week and
   * that differs: a diff of weeks before a rename speaks of `资金清分平台` and says it is `清结算中心` now.
   */
  current?: string;
  /**
   * A new item the report it first appears in names as a part of an item split up there (`会员体系重构：拆分为“积分中心”和
   * “等级权益”两个项目`): that item's name (itself listed as cancelled).
   */
  splitFrom?: string;
  /** `to` is 100 because the report says in words that the item is done. */
  inferred?: boolean;
  /** The words behind an inferred completion or a stated pause or cancellation. */
  evidence?: { phrase: string; line: number; text: string };
  /** Set by the caller when the reports state a due date for the item: the date, and whether its forecast misses it. */
  due?: string;
  slipping?: boolean;
}

/** One team's line of `diff --by-team`: its progress statuses counted (and `slipping`), or the week it has no report in. */
export interface TeamSummary {
  team: string;
  counts: Record<string, number>;
  items: number;
  missing?: WeekId;
}

/** `diff --by-team`: one summary per team, teams in code-point order. */
export function summaryByTeam(d: DiffReport): TeamSummary[] {
  const out = new Map<string, TeamSummary>();
  for (const i of d.items) {
    if (i.kind !== 'progress') continue;
    const t = out.get(i.team) ?? { team: i.team, counts: {}, items: 0 };
    t.counts[i.status] = (t.counts[i.status] ?? 0) + 1;
    if (i.slipping) t.counts.slipping = (t.counts.slipping ?? 0) + 1;
    t.items++;
    out.set(i.team, t);
  }
  for (const m of d.missing) if (!out.has(m.team)) out.set(m.team, { team: m.team, counts: {}, items: 0, missing: m.week });
  return [...out.values()].sort((a, b) => cmpItem({ ...a, project: '', metric: null }, { ...b, project: '', metric: null }));
}

export interface DiffReport {
  from: WeekId;
  to: WeekId;
  /** Progress items first (attention order), then KPI items in the same order. */
  items: DiffItem[];
  /** Statuses of progress items; KPI items never count as stalled projects. */
  counts: Record<Status, number>;
  /** Statuses of KPI items, kept apart. */
  kpiCounts: Record<Status, number>;
  /** Teams with a report in only one of the two weeks: not diffed (a missing report is not a dropped project). */
  missing: { team: string; week: WeekId }[];
}

export interface DiffOptions {
  from: WeekId;
  to: WeekId;
  aliases: AliasMap;
  team?: string;
}

/** A DiffItem from a timeline Change (shared with history and export so every output words it the same). */
export function diffItemOf(team: string, info: { project: string; metric: string | null; kind: Kind; direction: Direction }, c: Change): DiffItem {
  const item: DiffItem = {
    team,
    project: info.project,
    metric: info.metric,
    kind: info.kind,
    from: c.from,
    to: c.to,
    delta: c.delta,
    status: c.status,
  };
  if (info.kind === 'kpi') item.direction = info.direction;
  if (c.last) item.last = c.last;
  if (c.inferred) item.inferred = true;
  const s = c.stated ?? c.inferred;
  if (s) item.evidence = { phrase: s.phrase, line: s.line, text: s.text };
  return item;
}

/**
 * Compares every item of the `from` and `to` weeks, team by team, through each team's timeline
 * (analyze/timeline.ts): the weeks need not be adjacent, and the reports in between count
 * (completed or last seen between them, resumed after a gap, stated pauses). A team is compared
 * only when it reported in both weeks; otherwise it is listed in `missing` so the caller can say so.
 * Pass every report of the team up to `to`, not just the two weeks.
 */
export function diffWeeks(reports: readonly ReportLike<Measure>[], opts: DiffOptions): DiffReport {
  return diffTimelines(timelines(reports, opts.aliases, opts.team), opts);
}

/**
 * diffWeeks over timelines already folded (teams in code-point order): each must hold the team's
 * reports from `from` (or from its checkpoint before it) to its latest, or be only the one week it
 * has of the two.
 */
export function diffTimelines(tls: readonly Timeline<Measure>[], opts: Pick<DiffOptions, 'from' | 'to'>): DiffReport {
  const items: DiffItem[] = [];
  const missing: DiffReport['missing'] = [];

  for (const tl of tls) {
    const i = indexOfWeek(tl, opts.from);
    const j = indexOfWeek(tl, opts.to);
    if (i < 0 && j < 0) continue;
    if (i < 0 || j < 0) {
      missing.push({ team: tl.team, week: i >= 0 ? opts.to : opts.from });
      continue;
    }
    const [ei, ej] = [tl.entries[i]!, tl.entries[j]!];
    for (const [key, info] of tl.items) {
      // An item neither report has says nothing (compare would answer null): most of a long history's items.
      if (!ei.has(key) && !ej.has(key)) continue;
      const c = i === j ? null : compare(tl, i, j, key);
      if (!c) continue;
      const then = nameAt(tl, key, j);
      const item = diffItemOf(tl.team, { ...info, ...then }, c);
      if (then.project !== info.project) item.current = info.project;
      if (c.status === 'new') {
        const from = splitFrom(tl, key);
        if (from) item.splitFrom = from;
      }
      items.push(item);
    }
  }

  items.sort((p, q) => cmpKind(p.kind, q.kind) || cmpStatus(p.status, q.status) || cmpItem(p, q));
  const counts = emptyCounts();
  const kpiCounts = emptyCounts();
  for (const it of items) (it.kind === 'kpi' ? kpiCounts : counts)[it.status]++;
  return { from: opts.from, to: opts.to, items, counts, kpiCounts, missing };
}
