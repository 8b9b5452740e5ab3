// `milestones export`: everything stored, as a week-by-item matrix, or (--long, and JSON) the flat list of observations.

import { dueDates, dueOfRow, forecastRows } from '../../analyze/forecast.js';
import { itemsNow, seriesTable } from '../../analyze/series.js';
import { inferredObservations } from '../../analyze/timeline.js';
import { WORKBOOK_FORMATS } from '../../render/format-names.js';
import { UsageError } from '../../model/errors.js';
import { compareWeeks } from '../../model/week.js';
import { EXPORT, toExportObservations, type ExportData } from '../../render/series.js';
import { forecastDay, openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

interface ExportOptions extends OutputFlags { from?: string; to?: string; long?: boolean; today?: string }

export async function run(g: GlobalOptions, o: ExportOptions): Promise<number> {
  const out = await outputTarget(o, g, 'csv', WORKBOOK_FORMATS);
  if (out.format === 'xlsx' && o.long) throw new UsageError('--long has no workbook', { hint: 'leave out --long, or write CSV' });
  const ctx = await openContext(g);
  let from = o.from === undefined ? undefined : ctx.week(o.from);
  let to = o.to === undefined ? undefined : ctx.week(o.to);
  if (from && to) [from, to] = ctx.ordered(from, to);
  const inRange = (w: string) => (!from || compareWeeks(w, from) >= 0) && (!to || compareWeeks(w, to) <= 0);

  const long = o.long === true;
  const data: ExportData = { long };
  if (out.format === 'json' || long) {
    // The flat list needs the evidence text of every report in range; completions stated in words
    // (for items the history tracks) are rows too, marked inferred.
    // Every report's figures, once: those up to `to` for the completions, all of them for what each item is now.
    const all = ctx.store.measures({ team: g.team });
    const upTo = to ? all.filter((r) => compareWeeks(r.week, to) <= 0) : all;
    // Only the teams whose reports in range state a completion in words have such rows (a team's timeline is its own).
    const stating = new Set(upTo.filter((r) => inRange(r.week) && r.statements?.some((s) => s.kind === 'completed')).map((r) => r.team));
    const inferred = inferredObservations(upTo.filter((r) => stating.has(r.team)), ctx.aliases, g.team);
    const reports = ctx.headers
      .filter((h) => inRange(h.week))
      .map((h) => ({ ...h, observations: [...ctx.store.observations(h.id), ...(inferred.get(`${h.team}\u0000${h.week}`) ?? [])] }));
    // Each figure's item as it is now: a renamed item's name, the item a new one was split from.
    const now = itemsNow(all, ctx.aliases, g.team);
    data.observations = toExportObservations(reports).map((o) => {
      const it = now.get(`${o.team}\u0000${o.week}\u0000${o.project}\u0000${o.metric ?? ''}`);
      if (!it) return o;
      return { ...o, ...(it.project !== o.project ? { current: it.project } : {}), ...(it.splitFrom ? { splitFrom: it.splitFrom } : {}) };
    });
  }
  const measures = !long && out.format !== 'json' ? ctx.store.measures({ team: g.team }) : [];
  if (!long && out.format !== 'json') data.series = seriesTable(measures, { aliases: ctx.aliases, team: g.team, from, to });
  if (out.format === 'xlsx' && data.series) {
    const due = dueOfRow(dueDates(measures, ctx.aliases, to), ctx.aliases);
    data.forecasts = forecastRows(data.series, { today: forecastDay(ctx, o.today, to), scheme: g.scheme, due });
  }
  await out.write(EXPORT, data);
  return 0;
}
