// `milestones diff [from] [to]`: what moved between two weeks (one week: against the report before it; none: the two latest).

import { diffTimelines, diffWeeks, summaryByTeam, type DiffItem, type DiffReport } from '../../analyze/diff.js';
import type { Timeline } from '../../analyze/timeline.js';
import { dueDates, dueOfRow, forecastRows, type Forecast } from '../../analyze/forecast.js';
import { seriesTable } from '../../analyze/series.js';
import { itemKey } from '../../model/name.js';
import { UsageError } from '../../model/errors.js';
import { compareWeeks } from '../../model/week.js';
import { DIFF, DIFF_BY_TEAM } from '../../render/diff.js';
import { forecastDay, openContext, type Context } from '../context.js';
import { foldTeams, teamReports, type Want } from '../folds.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

interface DiffOptions extends OutputFlags {
  byTeam?: boolean;
}

export async function run(g: GlobalOptions, o: DiffOptions, args: unknown[]): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const [fromRef, toRef] = args as (string | undefined)[];
  let from: string;
  let to: string;
  if (fromRef === undefined || toRef === undefined) {
    // One week (or none: the latest) is compared with the stored week before it.
    to = fromRef === undefined ? (ctx.weeks[ctx.weeks.length - 1] ?? ctx.week('latest')) : ctx.week(fromRef);
    const before = ctx.weeks.filter((w) => compareWeeks(w, to) < 0);
    if (!before.length) {
      throw new UsageError(`diff needs a report before ${to} to compare it with; stored: ${ctx.weeks.length ? ctx.weeks.join(', ') : 'none'}`, {
        hint: ctx.weeks.length > 1 ? 'give a later week, or two weeks' : 'ingest another week’s report first',
      });
    }
    from = before[before.length - 1]!;
  } else {
    [from, to] = ctx.ordered(ctx.week(fromRef), ctx.week(toRef));
    if (from === to) {
      throw new UsageError(`both weeks are ${from}`, { hint: `give two different weeks, or one: \`milestones diff ${toRef}\` compares it with the report before it` });
    }
  }
  const report = diffFromCheckpoints(ctx, from, to) ?? diffInFull(ctx, from, to);
  if (o.byTeam) await out.write(DIFF_BY_TEAM, { from, to, teams: summaryByTeam(report) });
  else await out.write(DIFF, report);
  return 0;
}

/**
 * Every report: the weeks before and between count (resumed, completed in between), and the later ones
 * tell whether the item's canonical name had been written yet (a diff before a rename uses the name then).
 */
function diffInFull(ctx: Context, from: string, to: string): DiffReport {
  const measures = ctx.store.measures({ team: ctx.g.team });
  const report = diffWeeks(measures, { from, to, aliases: ctx.aliases, team: ctx.g.team });
  markSlipping(report.items, measures, ctx, to);
  return report;
}

/**
 * The same diff from each team's saved fold state before `from` (cli/folds.ts): only the reports
 * from `from` to the team's latest are read. Null when a report of a compared team states a due
 * date (slipping needs every figure: diffInFull).
 */
function diffFromCheckpoints(ctx: Context, from: string, to: string): DiffReport | null {
  const reports = teamReports(ctx.headers);
  const wants = new Map<string, Want>();
  const stubs: Timeline[] = [];
  for (const [team, list] of reports) {
    const i = list.findIndex((h) => h.week === from);
    const j = list.findIndex((h) => h.week === to);
    if (i >= 0 && j >= 0) wants.set(team, { from: i, to: list.length - 1 });
    else if (i >= 0 || j >= 0) stubs.push(stub(team, list[Math.max(i, j)]!.week));
  }
  const folded = foldTeams(ctx.store, ctx.aliases, reports, wants);
  if (folded.some((tl) => tl.due)) return null;
  return diffTimelines([...folded, ...stubs].sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0)), { from, to });
}

/** A team with a report in only one of the two weeks: diff lists it as missing and reads nothing of it. */
function stub(team: string, week: string): Timeline {
  return { team, reports: [{ id: '', team, week, date: null, source: '', measures: [] }], entries: [], items: new Map(), lastFig: new Map(), runs: new Map(), recent: [], due: false };
}

/**
 * Items whose reports state a due date get it, and `slipping` when their forecast (up to `to`)
 * misses it. Nothing is forecast when no report states a date.
 */
function markSlipping(items: DiffItem[], measures: ReturnType<Context['store']['measures']>, ctx: Context, to: string): void {
  const due = dueDates(measures, ctx.aliases, to);
  if (!due.size) return;
  const series = seriesTable(measures, { aliases: ctx.aliases, team: ctx.g.team, to });
  const forecasts = forecastRows(series, { today: forecastDay(ctx, undefined, to), scheme: ctx.g.scheme, due: dueOfRow(due, ctx.aliases) });
  const byItem = new Map<string, Forecast>();
  series.rows.forEach((r, i) => {
    const f = forecasts[i];
    if (f?.due) byItem.set(itemKey(r.team, r.project, r.metric, ctx.aliases), f);
  });
  for (const it of items) {
    const f = it.kind === 'progress' ? byItem.get(itemKey(it.team, it.project, it.metric, ctx.aliases)) : undefined;
    if (!f) continue;
    it.due = f.due!;
    it.slipping = f.slipping;
  }
}
