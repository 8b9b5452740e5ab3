// `milestones weeks`: what is stored, one row per report.

import { toWeeksData, WEEKS } from '../../render/weeks.js';
import { openContext } from '../context.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, type OutputFlags } from '../output.js';

export async function run(g: GlobalOptions, o: OutputFlags): Promise<number> {
  const out = await outputTarget(o, g);
  const ctx = await openContext(g);
  await out.write(WEEKS, toWeeksData(ctx.headers));
  return 0;
}
