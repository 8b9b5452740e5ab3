// seriesTable: items × weeks, the matrix behind `export` (one row per item, one column per stored week).

import type { AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId } from '../model/types.js';
import { compareWeeks } from '../model/week.js';
import {
  byTeam,
  classify,
  cmpItem,
  cmpStr,
  cmpKind,
  delta,
  displayProject,
  itemsOf,
  onePerTeamWeek,
  round2,
  type ReportLike,
  type Status,
} from './items.js';

export interface SeriesRow {
  team: string;
  project: string;
  metric: string | null;
  kind: Kind;
  /** One value per `SeriesTable.weeks` column; null when the item (or its team's report) is absent that week. */
  values: (number | null)[];
  /** Between the team's last two reports in range; null when either side is absent. */
  delta: number | null;
  /** Between the team's last two reports in range (`new`/`completed` when the team has only one). */
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

export function seriesTable(reports: readonly ReportLike<Measure>[], opts: SeriesOptions): SeriesTable {
  const picked = onePerTeamWeek(reports, opts.team).filter(
    (r) => (!opts.from || compareWeeks(r.week, opts.from) >= 0) && (!opts.to || compareWeeks(r.week, opts.to) <= 0),
  );
  const weeks = [...new Set(picked.map((r) => r.week))].sort(compareWeeks);
  const column = new Map(weeks.map((w, i) => [w, i]));
  const rows: SeriesRow[] = [];

  for (const [team, list] of byTeam(picked)) {
    const maps = list.map((r) => itemsOf(r, opts.aliases));
    const rowOf = new Map<string, { row: SeriesRow; lastSeen: number }>();
    maps.forEach((items, ri) => {
      for (const [key, { measure: m }] of items) {
        let entry = rowOf.get(key);
        if (!entry) {
          entry = {
            row: { team, project: '', metric: null, kind: m.kind, values: weeks.map(() => null), delta: null, status: 'new' },
            lastSeen: ri,
          };
          rowOf.set(key, entry);
        }
        // Later reports overwrite: the latest spelling and kind win.
        entry.row.project = displayProject(m.project, opts.aliases);
        entry.row.metric = m.metric;
        entry.row.kind = m.kind;
        entry.row.values[column.get(list[ri]!.week)!] = round2(m.percent);
        entry.lastSeen = ri;
      }
    });
    const n = maps.length;
    for (const [key, { row, lastSeen }] of rowOf) {
      const to = maps[n - 1]!.get(key)?.measure;
      const from = n > 1 ? maps[n - 2]!.get(key)?.measure : undefined;
      const a = from ? round2(from.percent) : null;
      const b = to ? round2(to.percent) : null;
      if (a === null && b === null) {
        // Gone before the last two reports: report how it ended.
        const lastValue = row.values[column.get(list[lastSeen]!.week)!]!;
        row.status = classify(lastValue, null);
      } else {
        row.status = classify(a, b);
        row.delta = delta(a, b);
      }
      rows.push(row);
    }
  }
  rows.sort((p, q) => cmpStr(p.team, q.team) || cmpKind(p.kind, q.kind) || cmpItem(p, q));
  return { weeks, rows };
}

