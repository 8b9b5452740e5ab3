// Rule range: a progress or KPI figure must lie in 0–100.

import { ignored, kpi } from '../expect.js';

/** Operating figures that may exceed 100% (`NRR 121%`, `ED occupancy 112%`, `CPU 利用率 130%` of one core). */
const BEYOND_100 = /retention|\bNRR\b|\bGRR\b|occupancy|utili[sz]ation|留存|入住率|占用率|利用率|负载率|达成率|attainment/iu;
import type { GuardRule } from '../types.js';

export const range: GuardRule = {
  stage: 'guard',
  name: 'range',
  description: 'a figure outside 0–100 (`压测进度150%`, `-5%`) is not taken, with a warning',
  accepts: [
    { text: '- 压测进度150%', expect: ignored() },
    { text: '- 权限改造，进度-5%', expect: ignored() },
  ],
  rejects: [
    // Some operating figures run past 100 by nature: revenue retention, occupancy, utilisation.
    { text: '- Net revenue retention (TTM): 118%', expect: kpi(118, 'Net revenue retention') },
  ],
  check(f, verdict, naming) {
    const v = f.m.value;
    if (Number.isFinite(v) && v >= 0 && v <= 100) return undefined;
    if (verdict === 'kpi' && v > 100 && v <= 1000 && BEYOND_100.test(`${naming?.project ?? ''} ${naming?.metric ?? ''} ${f.label}`)) return undefined;
    return { verdict: 'ignored', reason: 'outside 0–100', warning: `${f.match} is outside 0–100; not taken as ${verdict}` };
  },
};
