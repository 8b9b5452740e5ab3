// `milestones stalled`: items with no increase for N consecutive reports, as of a week.

import { stalledItems, stalledOf } from '../../analyze/stalled.js';
import { dueDates, forecast, weekDay } from '../../analyze/forecast.js';
import { itemKey } from '../../model/name.js';
import { STALLED } from '../../render/stalled.js';
import { forecastDay, openContext } from '../context.js';
import { foldTeams, teamReports, type Want } from '../folds.js';
import { positiveInt, type GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

interface StalledOptions extends OutputFlags { weeks?: string; asOf?: string }

export async function run(g: GlobalOptions, o: StalledOptions): Promise<number> {
  const minReports = positiveInt(o.weeks, '--weeks') ?? g.config.stalledWeeks ?? 2;
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const asOf = ctx.week(o.asOf ?? 'latest');
  // Each team with a report in the as-of week, folded from its saved state before that week (cli/folds.ts).
  const reports = teamReports(ctx.headers);
  const wants = new Map<string, Want>();
  for (const [team, list] of reports) {
    const i = list.findIndex((h) => h.week === asOf);
    if (i >= 0) wants.set(team, { from: i, to: i });
  }
  const tls = foldTeams(ctx.store, ctx.aliases, reports, wants);
  const opts = { asOf, minReports, scheme: g.scheme };
  let report = stalledOf(tls, opts);
  // Against a stated due date, a stalled item is forecast from its trend (usually: slipping): that needs every figure.
  let due = new Map<string, string>();
  if (tls.some((tl) => tl.due)) {
    const measures = ctx.store.measures({ team: g.team });
    report = stalledItems(measures, { ...opts, aliases: ctx.aliases, team: g.team });
    // dueDates keeps the weeks up to asOf itself: the figures already read serve (decoding them twice cost a fifth of the command).
    due = dueDates(measures, ctx.aliases, asOf);
  }
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
