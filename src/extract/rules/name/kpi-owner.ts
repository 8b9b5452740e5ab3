// Rule kpi-owner: an operating figure without a label of its own takes the line head, intro, parent item or heading.

import { kpi } from '../expect.js';
import type { NameRule } from '../types.js';

export const kpiOwner: NameRule = {
  stage: 'name',
  name: 'kpi-owner',
  description: 'an operating figure without a label is named by its line head, intro line, parent item or heading',
  accepts: [{ text: '## 支付成功率\n\n本周 99.95%', expect: kpi(99.95, '支付成功率') }],
  rejects: [],
  give(_f, verdict, owners) {
    if (verdict !== 'kpi') return undefined;
    const sources: [string, () => string][] = [
      ['line-head', () => owners.head()],
      ['intro', () => owners.intro()],
      ['parent-item', () => owners.parent()],
      ['heading', () => owners.heading()],
    ];
    for (const [by, get] of sources) {
      const name = get();
      if (name) return { project: name, metric: null, own: false, by };
    }
    return undefined;
  },
};
