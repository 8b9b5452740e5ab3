// `milestones show <week>`: every observation of one week, with its evidence.

import { inferredOf } from '../../analyze/timeline.js';
import type { Observation } from '../../model/types.js';
import { SHOW, toShowData } from '../../render/show.js';
import { openContext } from '../context.js';
import { foldTeams, teamReports, type Want } from '../folds.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags & { kpi?: boolean }, args: unknown[]): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const week = ctx.week(args[0] as string);
  // Completions stated in words count for items the history already tracks: shown as inferred 100s.
  // Only a report that states a completion in words can have one, and a team's timeline is its own:
  // the teams whose report of this week states one are the only ones whose history is read.
  const stating = new Set(
    o.kpi ? [] : ctx.store.measures({ team: g.team, weeks: [week] }).filter((r) => r.statements?.some((s) => s.kind === 'completed')).map((r) => r.team),
  );
  // Each folded from its saved state before this week (cli/folds.ts).
  const byTeam = teamReports(ctx.headers);
  const wants = new Map<string, Want>();
  for (const team of stating) {
    const i = byTeam.get(team)!.findIndex((h) => h.week === week);
    wants.set(team, { from: i, to: i });
  }
  const inferred = stating.size === 0 ? new Map<string, Observation[]>() : inferredOf(foldTeams(ctx.store, ctx.aliases, byTeam, wants));
  const reports = ctx.headers
    .filter((h) => h.week === week)
    .map((h) => {
      const observations = [...ctx.store.observations(h.id), ...(inferred.get(`${h.team}\u0000${h.week}`) ?? [])];
      return { ...h, observations: o.kpi ? observations.filter((x) => x.kind === 'kpi') : observations };
    });
  await out.write(SHOW, toShowData(week, reports));
  return 0;
}
