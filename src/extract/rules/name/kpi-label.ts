// Rule kpi-label: an operating figure is named by its own label (`代扣成功率`).

import { kpi } from '../expect.js';
import { cleanName } from '../../names.js';
import { written } from '../../text.js';
import type { NameRule } from '../types.js';

const RATE_STANDS = /(率)\s*(?:目前|当前|现在|本周|本期|仍然?|依然|一直|已经|维持|保持|稳定|停留|基本)+\s*$/u;

export const kpiLabel: NameRule = {
  stage: 'name',
  name: 'kpi-label',
  description: 'an operating figure is named by its own label, the rate word included',
  accepts: [
    { text: '- 代扣成功率：99.95%', expect: kpi(99.95, '代扣成功率') },
    { text: '- 切换期间广告填充率维持在 91%', expect: kpi(91, '切换期间广告填充率') },
  ],
  rejects: [],
  give(f, verdict, _owners, lx) {
    if (verdict !== 'kpi') return undefined;
    // Words of where it stands after a rate's name (`填充率维持在 91%`) are no part of the name.
    const raw = written(f.line.t, f.labelStart, f.labelEnd);
    const own = cleanName(/率/u.test(raw) ? raw.replace(RATE_STANDS, '$1') : raw, lx);
    return own ? { project: own, metric: null, own: true } : undefined;
  },
};
