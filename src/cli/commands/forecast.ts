// `milestones forecast`: when each item will reach 100% at its own pace, and which will miss their stated due date.

import { dueDates, dueOfRow, forecastRows } from '../../analyze/forecast.js';
import { seriesTable } from '../../analyze/series.js';
import { compareText } from '../../model/name.js';
import { FORECAST, type ForecastItem } from '../../render/forecast.js';
import { forecastDay, openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

interface ForecastOptions extends OutputFlags {
  asOf?: string;
  today?: string;
}

export async function run(g: GlobalOptions, o: ForecastOptions): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const asOf = ctx.week(o.asOf ?? 'latest');
  const today = forecastDay(ctx, o.today, asOf);
  const measures = ctx.store.measures({ team: g.team });
  const series = seriesTable(measures, { aliases: ctx.aliases, team: g.team, to: asOf });
  const forecasts = forecastRows(series, { today, scheme: g.scheme, due: dueOfRow(dueDates(measures, ctx.aliases, asOf), ctx.aliases) });
  const items: ForecastItem[] = [];
  series.rows.forEach((row, i) => {
    const f = forecasts[i];
    // Items at 100 are done: nothing to forecast.
    if (!f || f.state === 'done') return;
    // The trend column shows the recent reports the forecast looks at.
    items.push({ team: row.team, project: row.project, metric: row.metric, values: row.values.slice(-8), forecast: f });
  });
  // Slipping first, then by forecast date (none last), then by name.
  items.sort(
    (a, b) =>
      Number(b.forecast.slipping) - Number(a.forecast.slipping) ||
      compareText(a.forecast.eta ?? '9999', b.forecast.eta ?? '9999') ||
      compareText(a.team, b.team) ||
      compareText(a.project, b.project) ||
      compareText(a.metric ?? '', b.metric ?? ''),
  );
  await out.write(FORECAST, { asOf, today, items });
  return 0;
}
