// Rule head-and-metric: `风控规则平台，…，规则迁移进度40%` — the line head is the item, the figure's own words its metric.

import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const headAndMetric: NameRule = {
  stage: 'name',
  name: 'head-and-metric',
  description: 'when the line opens with a name (`风控规则平台，…`), a figure with words of its own is a metric of it',
  accepts: [{ text: '- 风控规则平台，灰度验证完成，规则迁移进度40%', expect: progress(40, '风控规则平台', '规则迁移') }],
  rejects: [],
  give(_f, verdict, owners) {
    if (verdict !== 'progress') return undefined;
    const own = owners.own();
    const head = owners.head();
    return own && head ? { project: head, metric: own, own: true } : undefined;
  },
};
