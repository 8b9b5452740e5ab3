// `milestones weeks`: what is stored, one row per report.

import { pickRenderer } from '../../render/format.js';
import { toWeeksData, WEEKS_RENDERERS } from '../../render/weeks.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { emit, pickFormat } from '../output.js';

export async function run(g: GlobalOptions, o: { json?: boolean; format?: string }): Promise<number> {
  const ctx = await openContext(g);
  const format = pickFormat(o, Object.keys(WEEKS_RENDERERS), 'text');
  await emit(pickRenderer(WEEKS_RENDERERS, format, 'weeks')(toWeeksData(ctx.headers), { color: g.color }), undefined, g);
  return 0;
}
