// `milestones export`: everything stored, as a week-by-item matrix (csv, md) or a flat list of observations (json, --long).

import { seriesTable } from '../../analyze/series.js';
import { UsageError } from '../../model/errors.js';
import { observationsAsCsv, observationsAsJson, seriesAsCsv, seriesAsMarkdown, toExportObservations } from '../../render/series.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { emit, pickFormat } from '../output.js';

interface ExportOptions { format?: string; out?: string; from?: string; to?: string; long?: boolean }

export async function run(g: GlobalOptions, o: ExportOptions): Promise<number> {
  const ctx = await openContext(g);
  const format = pickFormat(o, ['csv', 'json', 'md'], 'csv');
  const from = o.from === undefined ? undefined : ctx.week(o.from);
  const to = o.to === undefined ? undefined : ctx.week(o.to);
  if (from && to && from > to) throw new UsageError(`--from ${from} is later than --to ${to}`, { hint: 'swap them' });
  if (o.long && format !== 'csv') throw new UsageError('--long applies to --format csv only', { hint: 'drop --long, or use --format csv' });
  const inRange = (w: string) => (!from || w >= from) && (!to || w <= to);

  let text: string;
  if (format === 'json' || o.long) {
    // The flat list needs the evidence text of every report in range.
    const reports = ctx.headers.filter((h) => inRange(h.week)).map((h) => ({ ...h, observations: ctx.store.observations(h.id) }));
    const rows = toExportObservations(reports);
    text = format === 'json' ? observationsAsJson(rows) : observationsAsCsv(rows);
  } else {
    const table = seriesTable(ctx.store.measures({ team: g.team }), { aliases: ctx.aliases, team: g.team, from, to });
    text = format === 'md' ? seriesAsMarkdown(table) : seriesAsCsv(table);
  }
  await emit(text, o.out, g);
  return 0;
}
