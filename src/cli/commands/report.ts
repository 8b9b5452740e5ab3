// `milestones report`: the planning-meeting page (one self-contained HTML file), or its content as JSON, text or Markdown.

import { diffWeeks } from '../../analyze/diff.js';
import { dueDates, dueOfRow, forecastRows, weekDay } from '../../analyze/forecast.js';
import { emptyCounts } from '../../analyze/items.js';
import { planningReport } from '../../analyze/report.js';
import { seriesTable } from '../../analyze/series.js';
import { stalledItems } from '../../analyze/stalled.js';
import type { Observation, WeekId } from '../../model/types.js';
import { compareWeeks, weeksBetween } from '../../model/week.js';
import { REPORT } from '../../render/report.js';
import { forecastDay, openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';
import { UsageError } from '../../model/errors.js';

interface ReportOptions extends OutputFlags {
  from?: string;
  to?: string;
  today?: string;
}

/** The formats `report` writes: the page, and its content for scripts and wikis. */
export const REPORT_FORMATS = ['html', 'json', 'md', 'text'] as const;

/** Without --from, the page charts the quarter up to --to. */
export const DEFAULT_WEEKS = 13;

export async function run(g: GlobalOptions, o: ReportOptions): Promise<number> {
  const out = await outputTarget({ ...o, out: o.out ?? (o.format || o.json ? undefined : 'report.html') }, g, 'html', REPORT_FORMATS);
  const ctx = await openContext(g);
  if (!ctx.weeks.length) throw new UsageError('no reports stored', { hint: 'run `milestones ingest <folder>` first' });
  let to = ctx.week(o.to ?? 'latest');
  let from = o.from === undefined ? defaultFrom(ctx.weeks, to, g.scheme) : ctx.week(o.from);
  [from, to] = ctx.ordered(from, to);
  const before = ctx.weeks.filter((w) => compareWeeks(w, to) < 0);
  const prev = before.length ? before[before.length - 1]! : null;
  const today = forecastDay(ctx, o.today, to);

  const measures = ctx.store.measures({ team: g.team });
  const series = seriesTable(measures, { aliases: ctx.aliases, team: g.team, from, to });
  const forecasts = forecastRows(series, { today, scheme: g.scheme, due: dueOfRow(dueDates(measures, ctx.aliases, to), ctx.aliases) });
  // The statuses are exactly `diff prev to`'s.
  // Every report, as `diff` reads them (resumed, completed in between, names as written then).
  const diff = prev ? diffWeeks(measures, { from: prev, to, aliases: ctx.aliases, team: g.team }) : { from: to, to, items: [], counts: emptyCounts(), kpiCounts: emptyCounts(), missing: [] };
  const stalled = stalledItems(measures, { asOf: to, minReports: g.config.stalledWeeks ?? 2, aliases: ctx.aliases, team: g.team, scheme: g.scheme });

  const inPeriod = ctx.headers.filter((h) => compareWeeks(h.week, from) >= 0 && compareWeeks(h.week, to) <= 0);
  const evidence = new Map<string, { source: string; observations: readonly Observation[] }>();
  const evidenceOf = (team: string, week: WeekId) => {
    const k = `${team}\u0000${week}`;
    if (!evidence.has(k)) {
      const h = ctx.headers.find((x) => x.team === team && x.week === week);
      if (h) evidence.set(k, { source: h.source, observations: ctx.store.observations(h.id) });
    }
    return evidence.get(k);
  };
  const data = planningReport({
    from,
    to,
    prev,
    today,
    aliases: ctx.aliases,
    reports: inPeriod.map((h) => ({ team: h.team, week: h.week, day: h.date ?? weekDay(h.week, g.scheme) })),
    series,
    forecasts,
    diff,
    stalled,
    evidence: evidenceOf,
  });
  await out.write(REPORT, data);
  return 0;
}

/** The first stored week within DEFAULT_WEEKS calendar weeks up to `to`. */
function defaultFrom(weeks: readonly WeekId[], to: WeekId, scheme: GlobalOptions['scheme']): WeekId {
  return weeks.find((w) => compareWeeks(w, to) <= 0 && weeksBetween(w, to, scheme) < DEFAULT_WEEKS) ?? to;
}
