// `milestones alias list`: the stored aliases (and those from the configuration file).

import { textTable } from '../../render/format.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { emit } from '../output.js';

export async function run(g: GlobalOptions, o: { json?: boolean }): Promise<number> {
  const ctx = await openContext(g);
  const rows = [
    ...ctx.store.aliases().map((a) => ({ name: a.name, canonical: a.canonical, from: 'database' })),
    ...Object.entries(g.config.aliases ?? {}).map(([name, canonical]) => ({ name, canonical, from: 'config' })),
  ].sort((a, b) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : a.name < b.name ? -1 : 1));
  if (o.json) {
    await emit(JSON.stringify({ aliases: rows }, null, 2) + '\n', undefined, g);
  } else if (rows.length === 0) {
    await emit('no aliases; `milestones alias suggest` finds likely renames\n', undefined, g);
  } else {
    await emit(textTable(['Name', 'Canonical', 'From'], rows.map((r) => [r.name, r.canonical, r.from])).join('\n') + '\n', undefined, g);
  }
  return 0;
}
