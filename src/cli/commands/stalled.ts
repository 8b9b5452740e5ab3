// `milestones stalled`: items with no increase for N consecutive reports, as of a week.

import { stalledItems } from '../../analyze/stalled.js';
import { STALLED } from '../../render/stalled.js';
import { openContext } from '../context.js';
import { positiveInt, type GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

interface StalledOptions extends OutputFlags { weeks?: string; asOf?: string }

export async function run(g: GlobalOptions, o: StalledOptions): Promise<number> {
  const minReports = positiveInt(o.weeks, '--weeks') ?? g.config.stalledWeeks ?? 2;
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const asOf = ctx.week(o.asOf ?? 'latest');
  const report = stalledItems(ctx.store.measures({ team: g.team }), {
    asOf,
    minReports,
    aliases: ctx.aliases,
    team: g.team,
    scheme: g.scheme,
  });
  await out.write(STALLED, report);
  return 0;
}
