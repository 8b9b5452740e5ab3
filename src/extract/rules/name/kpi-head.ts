// Rule kpi-head: `Availability, 7-day rolling: 99.97%` — an operating figure whose own label names no KPI takes the line head that does.

import { kpi } from '../expect.js';
import { cleanName } from '../../names.js';
import { written } from '../../text.js';
import type { NameRule } from '../types.js';

export const kpiHead: NameRule = {
  stage: 'name',
  name: 'kpi-head',
  description: 'an operating figure whose own label names no KPI (`7-day rolling`) is named by the line head that does (`Availability`), its label the metric',
  accepts: [{ text: '## Service metrics\n\n- Availability, 7-day rolling: 99.97%', expect: kpi(99.97, 'Availability', '7-day rolling') }],
  rejects: [{ text: '- 代扣成功率：99.95%', expect: kpi(99.95, '代扣成功率') }],
  give(f, verdict, owners, lx) {
    if (verdict !== 'kpi' || f.kpiWord) return undefined;
    const head = owners.head();
    if (!head || !(lx.lists.kpiWords.find(head) || /(?:\p{L}率|\brate)$/iu.test(head))) return undefined;
    const own = cleanName(written(f.line.t, f.labelStart, f.labelEnd), lx);
    return { project: head, metric: own && own !== head ? own : null, own: true };
  },
};
