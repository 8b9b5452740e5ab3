// `milestones show <week>`: every observation of one week, with its evidence.

import { pickRenderer } from '../../render/format.js';
import { SHOW_RENDERERS, toShowData } from '../../render/show.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { emit, pickFormat } from '../output.js';

export async function run(g: GlobalOptions, o: { json?: boolean; kpi?: boolean }, args: unknown[]): Promise<number> {
  const ctx = await openContext(g);
  const week = ctx.week(args[0] as string);
  const format = pickFormat(o, Object.keys(SHOW_RENDERERS), 'text');
  const reports = ctx.headers
    .filter((h) => h.week === week)
    .map((h) => {
      const observations = ctx.store.observations(h.id);
      return { ...h, observations: o.kpi ? observations.filter((x) => x.kind === 'kpi') : observations };
    });
  await emit(pickRenderer(SHOW_RENDERERS, format, 'show')(toShowData(week, reports), { color: g.color }), undefined, g);
  return 0;
}
