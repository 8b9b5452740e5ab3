// `milestones stalled`: items with no increase for N consecutive reports, as of a week.

import { stalledItems } from '../../analyze/stalled.js';
import { dueDates, forecast, weekDay } from '../../analyze/forecast.js';
import { itemKey } from '../../model/name.js';
import { STALLED } from '../../render/stalled.js';
import { forecastDay, openContext } from '../context.js';
import { positiveInt, type GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

interface StalledOptions extends OutputFlags { weeks?: string; asOf?: string }

export async function run(g: GlobalOptions, o: StalledOptions): Promise<number> {
  const minReports = positiveInt(o.weeks, '--weeks') ?? g.config.stalledWeeks ?? 2;
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const asOf = ctx.week(o.asOf ?? 'latest');
  const measures = ctx.store.measures({ team: g.team });
  const report = stalledItems(measures, {
    asOf,
    minReports,
    aliases: ctx.aliases,
    team: g.team,
    scheme: g.scheme,
  });
  // Against a stated due date, a stalled item is forecast from its trend (usually: slipping).
  // dueDates keeps the weeks up to asOf itself: the figures already read serve (decoding them twice cost a fifth of the command).
  const due = dueDates(measures, ctx.aliases, asOf);
  if (due.size) {
    const today = forecastDay(ctx, undefined, asOf);
    for (const it of report.items) {
      const d = due.get(itemKey(it.team, it.project, it.metric, ctx.aliases));
      if (!d) continue;
      const points = it.trend.flatMap((t) => (t.percent === null ? [] : [{ date: weekDay(t.week, g.scheme), percent: t.percent }]));
      it.forecast = forecast(points, d, today);
    }
  }
  await out.write(STALLED, report);
  return 0;
}
