// `milestones diff [from] [to]`: what moved between two weeks (default: the two latest).

import { diffWeeks } from '../../analyze/diff.js';
import { UsageError } from '../../model/errors.js';
import { DIFF_RENDERERS } from '../../render/diff.js';
import { pickRenderer } from '../../render/format.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { emit, note, pickFormat } from '../output.js';

interface DiffOptions { format?: string; json?: boolean; out?: string }

export async function run(g: GlobalOptions, o: DiffOptions, args: unknown[]): Promise<number> {
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
    from = ctx.week(fromRef);
    to = toRef === undefined ? ctx.weeks[ctx.weeks.length - 1]! : ctx.week(toRef);
  }
  if (from > to) {
    note(`${from} is later than ${to}; comparing ${to} → ${from}`);
    [from, to] = [to, from];
  }
  const format = pickFormat(o, Object.keys(DIFF_RENDERERS), 'text');
  const report = diffWeeks(ctx.store.measures({ team: g.team, weeks: [from, to] }), { from, to, aliases: ctx.aliases, team: g.team });
  const color = g.color && o.out === undefined;
  await emit(pickRenderer(DIFF_RENDERERS, format, 'diff')(report, { color }), o.out, g);
  return 0;
}
