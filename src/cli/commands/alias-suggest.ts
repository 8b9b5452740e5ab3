// `milestones alias suggest [--apply]`: likely renames, with their evidence; --apply records them and says so.

import { SUGGEST_THRESHOLD, suggestAliases } from '../../analyze/aliases.js';
import { UsageError } from '../../model/errors.js';
import { SUGGESTIONS } from '../../render/suggestions.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags & { apply?: boolean; minScore?: string }): Promise<number> {
  const min = o.minScore === undefined ? SUGGEST_THRESHOLD : Number(o.minScore);
  if (!(min >= 0 && min <= 1)) throw new UsageError(`--min-score takes a number from 0 to 1, not ${o.minScore}`);
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const suggestions = suggestAliases(ctx.store.measures({ team: g.team }), { aliases: ctx.aliases, team: g.team, minScore: min });
  const applied = o.apply === true && suggestions.length > 0;
  if (applied) {
    await ctx.store.transact((tx) => {
      for (const s of suggestions) tx.setAlias(s.from, s.to);
    });
  }
  await out.write(SUGGESTIONS, { suggestions, applied });
  return 0;
}
