// diffWeeks: what advanced, stalled, regressed, vanished or finished between two weeks, per item.

import type { AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId } from '../model/types.js';
import {
  classify,
  cmpItem,
  cmpKind,
  cmpStatus,
  delta,
  displayProject,
  emptyCounts,
  itemsOf,
  onePerTeamWeek,
  round2,
  type ReportLike,
  type Status,
} from './items.js';

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

/**
 * Compares every item of the `from` and `to` weeks, team by team. The weeks need not be
 * adjacent. A team is compared only when it reported in both weeks; otherwise it is listed
 * in `missing` so the caller can say so.
 */
export function diffWeeks(reports: readonly ReportLike<Measure>[], opts: DiffOptions): DiffReport {
  const picked = onePerTeamWeek(reports, opts.team);
  const teams = [...new Set(picked.map((r) => r.team))].sort();
  const items: DiffItem[] = [];
  const missing: DiffReport['missing'] = [];

  for (const team of teams) {
    const a = picked.find((r) => r.team === team && r.week === opts.from);
    const b = picked.find((r) => r.team === team && r.week === opts.to);
    if (!a && !b) continue;
    if (!a || !b) {
      missing.push({ team, week: a ? opts.to : opts.from });
      continue;
    }
    const before = itemsOf(a, opts.aliases);
    const after = itemsOf(b, opts.aliases);
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const x = before.get(key)?.measure;
      const y = after.get(key)?.measure;
      const latest = (y ?? x)!;
      const from = x ? round2(x.percent) : null;
      const to = y ? round2(y.percent) : null;
      items.push({
        team,
        project: displayProject(latest.project, opts.aliases),
        metric: latest.metric,
        kind: latest.kind,
        from,
        to,
        delta: delta(from, to),
        status: classify(from, to),
      });
    }
  }

  items.sort((p, q) => cmpKind(p.kind, q.kind) || cmpStatus(p.status, q.status) || cmpItem(p, q));
  const counts = emptyCounts();
  const kpiCounts = emptyCounts();
  for (const it of items) (it.kind === 'kpi' ? kpiCounts : counts)[it.status]++;
  return { from: opts.from, to: opts.to, items, counts, kpiCounts, missing };
}
