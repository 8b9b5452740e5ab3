// Rule kpi-label: an operating figure is named by its own label (`代扣成功率`).

import { kpi } from '../expect.js';
import { cleanName } from '../../names.js';
import { written } from '../../text.js';
import type { NameRule } from '../types.js';

const RATE_STANDS = /(率)\s*(?:目前|当前|现在|本周|本期|仍然?|依然|一直|已经|维持|保持|稳定|停留|基本)+\s*$/u;
/** English prose around a figure's name: a leading conjunction (`and net revenue retention …`), a trailing verb of state
 * (`Gross margin held`), a trailing period phrase (`… for the trailing twelve months`). */
const EN_LEAD = /^(?:and|but|while|whereas|with|so|also|plus)\s+/iu;
const EN_TAIL = /\s+(?:for the (?:trailing|last|past) [\w\s-]{1,24}|over the (?:last|past) [\w\s-]{1,24}|this (?:month|week|quarter)|held|stayed|remained|stood|came in|was|is|were|are)$/iu;

export const kpiLabel: NameRule = {
  stage: 'name',
  name: 'kpi-label',
  description: 'an operating figure is named by its own label, the rate word included',
  accepts: [
    { text: '- 代扣成功率：99.95%', expect: kpi(99.95, '代扣成功率') },
    { text: '- 切换期间广告填充率维持在 91%', expect: kpi(91, '切换期间广告填充率') },
    { text: 'A quiet month. Gross margin held at 64%, and net revenue retention for the trailing twelve months is 112%.', figure: '112%', expect: kpi(112, 'net revenue retention') },
    { text: 'A quiet month. Gross margin held at 64%, and net revenue retention is 112%.', figure: '64%', expect: kpi(64, 'Gross margin') },
  ],
  rejects: [],
  give(f, verdict, _owners, lx) {
    if (verdict !== 'kpi') return undefined;
    // Words of where it stands after a rate's name (`填充率维持在 91%`) are no part of the name.
    const raw = written(f.line.t, f.labelStart, f.labelEnd);
    let text = /率/u.test(raw) ? raw.replace(RATE_STANDS, '$1') : raw;
    if (/^[A-Za-z]/.test(text)) for (let k = 0; k < 3; k++) text = text.replace(EN_LEAD, '').replace(EN_TAIL, '');
    const own = cleanName(text, lx);
    return own ? { project: own, metric: null, own: true } : undefined;
  },
};
