// Rule overall-owner: a figure labelled only "overall" (`整体 70% → 85%`) is named by what owns the line, never by the clause before it.

import { progress } from '../expect.js';
import type { NameRule } from '../types.js';
import { OVERALL } from '../classify/overall.js';
import { ownerName } from './owner.js';

export const overallOwner: NameRule = {
  stage: 'name',
  name: 'overall-owner',
  description: 'a figure labelled only "overall" takes the line head, parent item, lead or heading as its name (the clause before it is its story)',
  accepts: [{ text: '- 设备接入网关 v3：压测通过（单节点 12w 长连接），整体 70% → 85%', figure: '85%', expect: progress(85, '设备接入网关 v3', null, { prev: 70 }) }],
  rejects: [],
  give(f, verdict, owners) {
    if (verdict !== 'progress' || !OVERALL.test(f.label.trim())) return undefined;
    return ownerName(owners);
  },
};
