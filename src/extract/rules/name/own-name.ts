// Rule own-name: the words before the progress word (or before the figure) name the item.

import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const ownName: NameRule = {
  stage: 'name',
  name: 'own-name',
  description: 'the words before the progress word, or before the figure, name the item (list markers, fillers, status tags trimmed)',
  accepts: [
    { text: '- 结算中心重构进度30%', expect: progress(30, '结算中心重构') },
    { text: '- 对账单改造进度70%；清分报表迁移进度20%', figure: '20%', expect: progress(20, '清分报表迁移') },
  ],
  rejects: [],
  give(_f, verdict, owners) {
    if (verdict !== 'progress') return undefined;
    const own = owners.own();
    if (!own || !(owners.ownIsHead() || !owners.head())) return undefined;
    return { project: own, metric: null, own: true };
  },
};
