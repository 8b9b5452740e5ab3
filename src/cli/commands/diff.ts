// `milestones diff [from] [to]`: what moved between two weeks (default: the two latest).

import { diffWeeks } from '../../analyze/diff.js';
import { UsageError } from '../../model/errors.js';
import { DIFF } from '../../render/diff.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags, args: unknown[]): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const [fromRef, toRef] = args as (string | undefined)[];
  let from: string;
  let to: string;
  if (fromRef === undefined) {
    if (ctx.weeks.length < 2) {
      throw new UsageError(`diff needs two stored weeks, found ${ctx.weeks.length ? ctx.weeks.join(', ') : 'none'}`, {
        hint: 'ingest another week’s report first',
      });
    }
    [from, to] = ctx.weeks.slice(-2) as [string, string];
  } else {
    [from, to] = ctx.ordered(ctx.week(fromRef), toRef === undefined ? ctx.weeks[ctx.weeks.length - 1]! : ctx.week(toRef));
  }
  const report = diffWeeks(ctx.store.measures({ team: g.team, weeks: [from, to] }), { from, to, aliases: ctx.aliases, team: g.team });
  await out.write(DIFF, report);
  return 0;
}
