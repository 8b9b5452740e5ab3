// `milestones alias suggest [--apply]`: likely renames, with their evidence; --apply records them.

import { suggestAliases } from '../../analyze/aliases.js';
import { pickRenderer } from '../../render/format.js';
import { SUGGESTIONS_RENDERERS } from '../../render/suggestions.js';
import { UsageError } from '../../model/errors.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { emit, note, pickFormat } from '../output.js';

export async function run(g: GlobalOptions, o: { apply?: boolean; minScore?: string; json?: boolean }): Promise<number> {
  const ctx = await openContext(g);
  const min = o.minScore === undefined ? 0 : Number(o.minScore);
  if (!(min >= 0 && min <= 1)) throw new UsageError(`--min-score takes a number from 0 to 1, not ${o.minScore}`);
  const suggestions = suggestAliases(ctx.store.measures({ team: g.team }), { aliases: ctx.aliases, team: g.team }).filter(
    (s) => s.score >= min,
  );
  const format = pickFormat(o, Object.keys(SUGGESTIONS_RENDERERS), 'text');
  await emit(pickRenderer(SUGGESTIONS_RENDERERS, format, 'suggestions')(suggestions, { color: g.color }), undefined, g);
  if (o.apply && suggestions.length) {
    await ctx.store.transact((tx) => {
      for (const s of suggestions) tx.setAlias(s.from, s.to);
    });
    note(`recorded ${suggestions.length} alias${suggestions.length > 1 ? 'es' : ''}`);
  }
  return 0;
}
