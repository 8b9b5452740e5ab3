// Rule kpi-label: an operating figure is named by its own label (`代扣成功率`).

import { kpi } from '../expect.js';
import { cleanName } from '../../names.js';
import { written } from '../../text.js';
import type { NameRule } from '../types.js';

export const kpiLabel: NameRule = {
  stage: 'name',
  name: 'kpi-label',
  description: 'an operating figure is named by its own label, the rate word included',
  accepts: [{ text: '- 代扣成功率：99.95%', expect: kpi(99.95, '代扣成功率') }],
  rejects: [],
  give(f, verdict, _owners, lx) {
    if (verdict !== 'kpi') return undefined;
    const own = cleanName(written(f.line.t, f.labelStart, f.labelEnd), lx);
    return own ? { project: own, metric: null, own: true } : undefined;
  },
};
