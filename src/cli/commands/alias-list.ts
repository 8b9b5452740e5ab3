// `milestones alias list`: the stored aliases (and those from the configuration file).

import { compareText } from '../../model/name.js';
import { ALIASES, type AliasRow } from '../../render/aliases.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  const rows: AliasRow[] = [
    // A rename a report stated is listed with where it was said; one the user removed is not listed.
    ...ctx.store
      .aliases()
      .filter((a) => !a.off)
      .map((a): AliasRow => (a.auto ? { name: a.name, canonical: a.canonical, from: 'report', evidence: a.auto } : { name: a.name, canonical: a.canonical, from: 'database' })),
    ...Object.entries(g.config.aliases ?? {}).map(([name, canonical]): AliasRow => ({ name, canonical, from: 'config' })),
  ].sort((a, b) => compareText(a.canonical, b.canonical) || compareText(a.name, b.name));
  await out.write(ALIASES, { aliases: rows });
  return 0;
}
