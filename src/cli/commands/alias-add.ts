// `milestones alias add NAME CANONICAL`: from now on NAME counts as CANONICAL in every command.

import { existsSync } from 'node:fs';
import { UsageError } from '../../model/errors.js';
import { canonicalProject, normalizeName } from '../../model/name.js';
import { openStore } from '../../store/index.js';
import type { GlobalOptions } from '../options.js';
import { escapeControls } from '../../model/display.js';
import { writeStdout } from '../output.js';

export async function run(g: GlobalOptions, _o: unknown, args: unknown[]): Promise<number> {
  const [name, canonical] = (args as string[]).map((s) => s.trim());
  if (!name || !canonical) throw new UsageError('alias add needs a name and a canonical name', { hint: 'e.g. milestones alias add 店东看懂账一期 店东看懂账' });
  if (normalizeName(name) === normalizeName(canonical)) {
    throw new UsageError(`${JSON.stringify(name)} and ${JSON.stringify(canonical)} are already the same name after normalisation`, { hint: 'no alias is needed' });
  }
  const store = await openStore(g.dbShown, { create: true });
  const created = !existsSync(g.db);
  await store.transact((tx) => {
    // An alias whose canonical leads back to NAME through the existing aliases would form a loop.
    const others = new Map(store.aliases().filter((a) => normalizeName(a.name) !== normalizeName(name)).map((a) => [normalizeName(a.name), a.canonical]));
    if (normalizeName(canonicalProject(canonical, others)) === normalizeName(name)) {
      throw new UsageError(`${canonical} already leads back to ${name}`, { hint: 'remove one of the aliases first (milestones alias list)' });
    }
    tx.setAlias(name, canonical);
  });
  await writeStdout(`alias added: ${escapeControls(name)} → ${escapeControls(canonical)}${created ? ` (new database ${escapeControls(g.dbShown)})` : ''}\n`);
  return 0;
}
