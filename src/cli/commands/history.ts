// `milestones history <project>`: one project's figures week by week, with how its report line changed.

import { history } from '../../analyze/history.js';
import { UsageError } from '../../model/errors.js';
import { HISTORY } from '../../render/history.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags & { text?: boolean }, args: unknown[]): Promise<number> {
  const query = String(args[0] ?? '').trim();
  if (!query) throw new UsageError('history needs a project name', { hint: 'e.g. milestones history 数据仓库迁移' });
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  // First pass on numbers only; evidence is loaded just for the reports that mention a match.
  const measured = ctx.store.measures({ team: g.team });
  const numbers = history(measured, query, { aliases: ctx.aliases, team: g.team });
  if (numbers.items.length === 0) {
    throw new UsageError(`no project matches ${JSON.stringify(query)}`, { hint: 'see `milestones show latest` for the stored names' });
  }
  let report = numbers;
  if (o.text !== false) {
    // Statuses need every report; evidence is loaded only for the reports that mention a match.
    const wanted = new Set(numbers.items.flatMap((i) => i.points.map((p) => `${i.team}\u0000${p.week}`)));
    const reports = measured.map((r) => (wanted.has(`${r.team}\u0000${r.week}`) ? { ...r, measures: ctx.store.observations(r.id) } : r));
    report = history(reports, query, { aliases: ctx.aliases, team: g.team });
  }
  await out.write(HISTORY, report);
  return 0;
}
