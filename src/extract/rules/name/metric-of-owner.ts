// Rule metric-of-owner: a sub-measure word (`前端`, `接口`, `服务端`) names a metric of the item that owns the line.

import { isMetricWord } from '../../names.js';
import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const metricOfOwner: NameRule = {
  stage: 'name',
  name: 'metric-of-owner',
  description: 'a figure named only by a sub-measure word (前端, 后端, 接口, 测试, …端; `metricWords`) is a metric of the line head, parent item or heading',
  accepts: [
    { text: '- 还款宝：\n    - 前端进度60%；后端进度10%', figure: '60%', expect: progress(60, '还款宝', '前端') },
    { text: '- 小额贷项目，迭代按计划进行中，接口完成度90%，评审完成', expect: progress(90, '小额贷项目', '接口') },
    // Nothing owns it: the metric word is all the name there is.
    { text: '- 前端进度60%', expect: progress(60, '前端', null) },
  ],
  rejects: [{ text: '- 前端框架升级进度60%', expect: progress(60, '前端框架升级', null) }],
  give(_f, verdict, owners, lx) {
    if (verdict !== 'progress') return undefined;
    const own = owners.own();
    if (!own || !isMetricWord(own, lx)) return undefined;
    const project = (owners.ownIsHead() ? '' : owners.head()) || owners.parent() || owners.heading();
    return project ? { project, metric: own, own: true } : { project: own, metric: null, own: true };
  },
};
