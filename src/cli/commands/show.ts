// `milestones show <week>`: every observation of one week, with its evidence.

import { SHOW, toShowData } from '../../render/show.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags & { kpi?: boolean }, args: unknown[]): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const week = ctx.week(args[0] as string);
  const reports = ctx.headers
    .filter((h) => h.week === week)
    .map((h) => {
      const observations = ctx.store.observations(h.id);
      return { ...h, observations: o.kpi ? observations.filter((x) => x.kind === 'kpi') : observations };
    });
  await out.write(SHOW, toShowData(week, reports));
  return 0;
}
