// `milestones alias add NAME CANONICAL`: from now on NAME counts as CANONICAL in every command.

import { existsSync } from 'node:fs';
import { escapeControls } from '../../model/display.js';
import { UsageError } from '../../model/errors.js';
import { normalizeName } from '../../model/name.js';
import { openStore } from '../../store/index.js';
import { aliasMap, type GlobalOptions } from '../options.js';
import { note, say, warn, writeStdout } from '../output.js';
import { savedStates } from '../folds.js';

export async function run(g: GlobalOptions, _o: unknown, args: unknown[]): Promise<number> {
  const [name, canonical] = (args as string[]).map((s) => s.trim());
  if (!name || !canonical) throw new UsageError('alias add needs a name and a canonical name', { hint: 'e.g. milestones alias add 店东看懂账一期 店东看懂账' });
  if (normalizeName(name) === normalizeName(canonical)) {
    throw new UsageError(`${JSON.stringify(name)} and ${JSON.stringify(canonical)} are already the same name after normalisation`, { hint: 'no alias is needed' });
  }
  const created = !existsSync(g.db);
  const store = await openStore(g.dbShown, { create: true });
  await store.transact((tx) => {
    // A canonical name must be a name of its own: pointing at an alias would build chains (and loops).
    const others = aliasMap(store.aliases().filter((a) => normalizeName(a.name) !== normalizeName(name)), g.config);
    const target = others.get(normalizeName(canonical));
    if (target !== undefined) {
      throw new UsageError(`${canonical} is itself an alias of ${target}`, {
        hint: `give the name it stands for: milestones alias add ${name} ${target}`,
      });
    }
    tx.setAlias(name, canonical);
  });
  for (const n of store.notes()) note(n); // e.g. the database was upgraded by this save
  savedStates(store, g);
  const known = store.measures().some((r) => r.measures.some((m) => normalizeName(m.project) === normalizeName(name)));
  if (!known) warn(`warning: ${name} occurs in no stored report; the alias is recorded all the same (check the spelling: milestones show latest)`);
  await writeStdout(`${say(`alias added: ${escapeControls(name)} → ${escapeControls(canonical)}${created ? ` (new database ${escapeControls(g.dbShown)})` : ''}`)}\n`);
  return 0;
}
