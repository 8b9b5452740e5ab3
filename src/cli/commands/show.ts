// `milestones show <week>`: every observation of one week, with its evidence.

import { inferredObservations } from '../../analyze/timeline.js';
import type { Observation } from '../../model/types.js';
import { compareWeeks } from '../../model/week.js';
import { SHOW, toShowData } from '../../render/show.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags & { kpi?: boolean }, args: unknown[]): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const week = ctx.week(args[0] as string);
  // Completions stated in words count for items the history already tracks: shown as inferred 100s.
  const upTo = ctx.weeks.filter((w) => compareWeeks(w, week) <= 0);
  // Only a report that states a completion in words can have one, and a team's timeline is its own:
  // the teams whose report of this week states one are the only ones whose history is read.
  const stating = new Set(
    o.kpi ? [] : ctx.store.measures({ team: g.team, weeks: [week] }).filter((r) => r.statements?.some((s) => s.kind === 'completed')).map((r) => r.team),
  );
  const inferred = stating.size === 0 ? new Map<string, Observation[]>() : inferredObservations(ctx.store.measures({ team: g.team, weeks: upTo, teams: stating }), ctx.aliases, g.team);
  const reports = ctx.headers
    .filter((h) => h.week === week)
    .map((h) => {
      const observations = [...ctx.store.observations(h.id), ...(inferred.get(`${h.team}\u0000${h.week}`) ?? [])];
      return { ...h, observations: o.kpi ? observations.filter((x) => x.kind === 'kpi') : observations };
    });
  await out.write(SHOW, toShowData(week, reports));
  return 0;
}
