// seriesTable: items × weeks, the matrix behind `export` (one row per item, one column per stored week).

import type { AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId } from '../model/types.js';
import { compareWeeks } from '../model/week.js';
import { cmpItem, cmpKind, cmpStr, type Direction, type ReportLike, type Status } from './items.js';
import { compare, endOf, splitFrom, timelines } from './timeline.js';

export interface SeriesRow {
  team: string;
  project: string;
  metric: string | null;
  kind: Kind;
  /** KPIs: which way is better. */
  direction?: Direction;
  /** The item it was split from (`积分账户` ← `会员权益重构`), as `diff --json` says in the week it is new. */
  splitFrom?: string;
  /** One value per `SeriesTable.weeks` column; null when the item (or its team's report) has no figure that week (a completion in words counts as 100). */
  values: (number | null)[];
  /** As `diff` of the team's last report in range against the report before it; null when either side is absent. */
  delta: number | null;
  /** Between the team's last two reports in range (as `diff` words it); for an item absent from both, how it ended. */
  status: Status;
}

export interface SeriesTable {
  weeks: WeekId[];
  rows: SeriesRow[];
}

export interface SeriesOptions {
  aliases: AliasMap;
  team?: string;
  from?: WeekId;
  to?: WeekId;
}

/**
 * The reports before `from` still count for identity and for "resumed" (they are history);
 * only the columns are limited to the range.
 */
export function seriesTable(reports: readonly ReportLike<Measure>[], opts: SeriesOptions): SeriesTable {
  const upTo = reports.filter((r) => !opts.to || compareWeeks(r.week, opts.to) <= 0);
  const inRange = (w: WeekId) => !opts.from || compareWeeks(w, opts.from) >= 0;
  const tls = timelines(upTo, opts.aliases, opts.team);
  const weeks = [...new Set(tls.flatMap((tl) => tl.reports.map((r) => r.week)).filter(inRange))].sort(compareWeeks);
  const column = new Map(weeks.map((w, i) => [w, i]));
  const rows: SeriesRow[] = [];

  for (const tl of tls) {
    const shown = tl.reports.map((r, i) => (inRange(r.week) ? i : -1)).filter((i) => i >= 0);
    if (!shown.length) continue;
    // The status column is what `diff` says of the last week in range: against the report before it.
    const n = shown[shown.length - 1]!;
    const prev = n - 1;
    for (const [key, info] of tl.items) {
      const values: (number | null)[] = weeks.map(() => null);
      let any = false;
      for (const i of shown) {
        const p = tl.entries[i]!.get(key)?.percent;
        if (p !== undefined && p !== null) {
          values[column.get(tl.reports[i]!.week)!] = p;
          any = true;
        }
      }
      const stated = shown.some((i) => tl.entries[i]!.get(key)?.stated);
      if (!any && !stated) continue;
      const change = compare(tl, prev, n, key) ?? endOf(tl, key);
      if (!change) continue;
      const row: SeriesRow = { team: tl.team, project: info.project, metric: info.metric, kind: info.kind, values, delta: change.delta, status: change.status };
      if (info.kind === 'kpi') row.direction = info.direction;
      const parent = splitFrom(tl, key);
      if (parent) row.splitFrom = parent;
      rows.push(row);
    }
  }
  rows.sort((p, q) => cmpStr(p.team, q.team) || cmpKind(p.kind, q.kind) || cmpItem(p, q));
  return { weeks, rows };
}

/** What an observation as written is now: its item's name (alias-resolved, latest spelling) and the item it was split from. */
export interface ItemNow {
  project: string;
  splitFrom?: string;
}

/**
 * Issue 10 for `export --long` and `export --format json`: each report's figures keyed `team \0 week \0 project \0
 * metric` as written, to the name its item has now and the item it was split from (as `diff --json` has them).
 */
export function itemsNow(reports: readonly ReportLike<Measure>[], aliases: SeriesOptions['aliases'], team?: string): Map<string, ItemNow> {
  const out = new Map<string, ItemNow>();
  for (const tl of timelines(reports, aliases, team)) {
    const parents = new Map<string, string | null>();
    tl.entries.forEach((entries, j) => {
      const week = tl.reports[j]!.week;
      for (const [key, e] of entries) {
        if (!e.measure) continue;
        const info = tl.items.get(key)!;
        if (!parents.has(key)) parents.set(key, splitFrom(tl, key));
        const parent = parents.get(key);
        out.set(`${tl.team}\u0000${week}\u0000${e.measure.project}\u0000${e.measure.metric ?? ''}`, { project: info.project, ...(parent ? { splitFrom: parent } : {}) });
      }
    });
  }
  return out;
}
