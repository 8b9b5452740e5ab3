// `milestones stalled`: items with no increase for N consecutive reports, as of a week.

import { stalledItems } from '../../analyze/stalled.js';
import { pickRenderer } from '../../render/format.js';
import { STALLED_RENDERERS } from '../../render/stalled.js';
import { openContext } from '../context.js';
import { positiveInt, type GlobalOptions } from '../options.js';
import { emit, pickFormat } from '../output.js';

interface StalledOptions { weeks?: string; asOf?: string; format?: string; json?: boolean; out?: string }

export async function run(g: GlobalOptions, o: StalledOptions): Promise<number> {
  const ctx = await openContext(g);
  const minReports = positiveInt(o.weeks, '--weeks') ?? g.config.stalledWeeks ?? 2;
  const asOf = ctx.week(o.asOf ?? 'latest');
  const format = pickFormat(o, Object.keys(STALLED_RENDERERS), 'text');
  const report = stalledItems(ctx.store.measures({ team: g.team }), {
    asOf,
    minReports,
    aliases: ctx.aliases,
    team: g.team,
    scheme: g.scheme,
  });
  await emit(pickRenderer(STALLED_RENDERERS, format, 'stalled')(report, { color: g.color && o.out === undefined }), o.out, g);
  return 0;
}
