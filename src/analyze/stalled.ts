// stalledItems: progress items that have shown no increase for N consecutive reports of their team.

import type { AliasMap } from '../model/name.js';
import type { Measure, WeekId, WeekScheme } from '../model/types.js';
import { compareWeeks, weeksBetween } from '../model/week.js';
import { byTeam, cmpItem, displayProject, itemsOf, onePerTeamWeek, round2, type ReportLike } from './items.js';

export interface StalledItem {
  team: string;
  project: string;
  metric: string | null;
  /** The as-of figure. */
  percent: number;
  /** Consecutive reports of the team, ending with the as-of one, that show no increase. */
  reports: number;
  /** First report of that run: the week the number last went up, or first appeared. */
  since: WeekId;
  /** The week the number last changed at all (a decrease is a change, but not progress). */
  lastChanged: WeekId;
  /** Calendar weeks from `since` to the as-of week, both included (holiday weeks count here, not in `reports`). */
  calendarWeeks: number;
}

export interface StalledReport {
  asOf: WeekId;
  /** The threshold: items with at least this many reports are listed. */
  weeks: number;
  items: StalledItem[];
}

export interface StalledOptions {
  asOf: WeekId;
  minReports: number;
  aliases: AliasMap;
  team?: string;
  scheme?: WeekScheme;
}

/**
 * For each progress item below 100 in a team's as-of report, walks back through that
 * team's earlier reports while the figure shows no increase (equal, or higher before: a
 * decrease keeps counting, DESIGN.md says "no increase").
 * - A week in which the team filed no report at all (a holiday) is skipped: neither
 *   progress nor stall; it shows only in `calendarWeeks`.
 * - A report of the team that does not mention the item ends the run: we cannot tell what
 *   happened to it in that week, and counting across it would overstate the stall.
 * - Teams without a report in the as-of week are not listed.
 */
export function stalledItems(reports: readonly ReportLike<Measure>[], opts: StalledOptions): StalledReport {
  const picked = onePerTeamWeek(reports, opts.team).filter((r) => compareWeeks(r.week, opts.asOf) <= 0);
  const items: StalledItem[] = [];

  for (const [team, list] of byTeam(picked)) {
    const last = list[list.length - 1];
    if (!last || last.week !== opts.asOf) continue;
    // Item maps are built only for the reports a walk reaches: most runs end a report or two back.
    const maps: (ReturnType<typeof itemsOf> | undefined)[] = new Array(list.length);
    const mapAt = (i: number) => (maps[i] ??= itemsOf(list[i]!, opts.aliases));
    const current = mapAt(list.length - 1);
    for (const [key, entry] of current) {
      const m = entry.measure;
      if (m.kind !== 'progress' || round2(m.percent) >= 100) continue;
      let next = round2(m.percent);
      let start = list.length - 1;
      let lastChanged: WeekId | null = null;
      for (let i = list.length - 2; i >= 0; i--) {
        const prev = mapAt(i).get(key)?.measure;
        if (!prev) break;
        const p = round2(prev.percent);
        if (p < next) break;
        if (p !== next && lastChanged === null) lastChanged = list[i + 1]!.week;
        next = p;
        start = i;
      }
      const since = list[start]!.week;
      items.push({
        team,
        project: displayProject(m.project, opts.aliases),
        metric: m.metric,
        percent: round2(m.percent),
        reports: list.length - start,
        since,
        lastChanged: lastChanged ?? since,
        calendarWeeks: weeksBetween(since, opts.asOf, opts.scheme) + 1,
      });
    }
  }

  return {
    asOf: opts.asOf,
    weeks: opts.minReports,
    items: items.filter((it) => it.reports >= opts.minReports).sort((a, b) => b.reports - a.reports || cmpItem(a, b)),
  };
}
