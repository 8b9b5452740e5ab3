// stalledItems: progress items that have shown no increase for N consecutive reports of their team.

import type { AliasMap } from '../model/name.js';
import type { Measure, WeekId, WeekScheme } from '../model/types.js';
import { compareWeeks, weeksBetween } from '../model/week.js';
import type { Forecast } from './forecast.js';
import { cmpItem, type ReportLike } from './items.js';
import { RECENT, timelines, type Timeline } from './timeline.js';

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
  /** The item's figure in the team's last TREND_REPORTS reports up to the as-of week (null: no figure that week). */
  trend: { week: WeekId; percent: number | null }[];
  /** Set by the caller when the reports state a due date: the forecast against it (a stalled item with a date ahead is slipping). */
  forecast?: Forecast;
}

/** Reports a stalled item's trend shows. */
export const TREND_REPORTS = RECENT;

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
 * decrease keeps counting, DESIGN.md says "no increase"). Items are those of the team's
 * timeline (analyze/timeline.ts), so a drifted wording or a stated rename does not cut a run.
 * - A week in which the team filed no report at all (a holiday) is skipped: neither
 *   progress nor stall; it shows only in `calendarWeeks`.
 * - A report of the team that does not give the item a figure ends the run: we cannot tell
 *   what happened to it in that week, and counting across it would overstate the stall.
 * - An item the as-of report calls paused or cancelled is not stalled (it was stopped on purpose).
 * - Teams without a report in the as-of week are not listed.
 */
export function stalledItems(reports: readonly ReportLike<Measure>[], opts: StalledOptions): StalledReport {
  const picked = reports.filter((r) => compareWeeks(r.week, opts.asOf) <= 0);
  return stalledOf(timelines(picked, opts.aliases, opts.team), opts);
}

/** stalledItems over timelines already folded up to the as-of week (teams in code-point order; a fold resumed from a saved state will do). */
export function stalledOf(tls: readonly Timeline<Measure>[], opts: Omit<StalledOptions, 'aliases'>): StalledReport {
  const items: StalledItem[] = [];

  for (const tl of tls) {
    const n = tl.reports.length;
    if (!n || tl.reports[n - 1]!.week !== opts.asOf) continue;
    for (const [key, entry] of tl.entries[n - 1]!) {
      const info = tl.items.get(key)!;
      if (info.kind !== 'progress' || entry.percent === null || entry.stated || entry.percent >= 100) continue;
      // The run of reports without increase ending here (kept as the timeline was folded).
      const run = tl.runs.get(key)!;
      items.push({
        team: tl.team,
        project: info.project,
        metric: info.metric,
        percent: entry.percent,
        reports: run.reports,
        since: run.since,
        lastChanged: run.lastChanged ?? run.since,
        calendarWeeks: weeksBetween(run.since, opts.asOf, opts.scheme) + 1,
        trend: tl.recent.slice(-TREND_REPORTS).map((r) => ({ week: r.week, percent: r.fig.get(key) ?? null })),
      });
    }
  }

  return {
    asOf: opts.asOf,
    weeks: opts.minReports,
    items: items.filter((it) => it.reports >= opts.minReports).sort((a, b) => b.reports - a.reports || cmpItem(a, b)),
  };
}
