// `milestones alias remove NAME`: forget an alias.

import { UsageError } from '../../model/errors.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { escapeControls } from '../../model/display.js';
import { say, writeStdout } from '../output.js';
import { savedStates } from '../folds.js';

export async function run(g: GlobalOptions, _o: unknown, args: unknown[]): Promise<number> {
  const name = String(args[0]).trim();
  const ctx = await openContext(g);
  const stated = ctx.store.aliases().some((a) => a.auto && !a.off && a.name === name);
  const removed = await ctx.store.transact((tx) => tx.removeAlias(name));
  if (!removed) {
    const inConfig = Object.keys(g.config.aliases ?? {}).includes(name);
    throw new UsageError(`no stored alias ${JSON.stringify(name)}`, {
      hint: inConfig ? `it comes from ${g.configFile}; edit that file` : 'see `milestones alias list`',
    });
  }
  savedStates(ctx.store, g);
  await writeStdout(`${say(`alias removed: ${escapeControls(name)}${stated ? ' (a rename a report stated; re-ingesting it will not restore the alias)' : ''}`)}\n`);
  return 0;
}
