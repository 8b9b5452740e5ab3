// `milestones diff [from] [to]`: what moved between two weeks (one week: against the report before it; none: the two latest).

import { diffWeeks } from '../../analyze/diff.js';
import { UsageError } from '../../model/errors.js';
import { compareWeeks } from '../../model/week.js';
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
  // Every report: the weeks before and between count (resumed, completed in between), and the later ones
  // tell whether the item's canonical name had been written yet (a diff before a rename uses the name then).
  const report = diffWeeks(ctx.store.measures({ team: g.team }), { from, to, aliases: ctx.aliases, team: g.team });
  await out.write(DIFF, report);
  return 0;
}
