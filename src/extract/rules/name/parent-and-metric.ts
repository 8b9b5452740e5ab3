// Rule parent-and-metric: a figure on a child line of an outline item is a part of the parent's item — the parent
// names the item, the child's own words the metric (`2. 电子价签二期` / `a. 施工总体进度：由 35% 上调至 48%`).

import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const parentAndMetric: NameRule = {
  stage: 'name',
  name: 'parent-and-metric',
  description: "a figure with words of its own on a child line of an outline item is a metric of the parent's item (`2. 电子价签二期` → `a. 施工总体进度 48%`)",
  accepts: [
    { text: '1. Project Orion（统一消息总线）\n   （1）消息路由模块开发完成，进度：55%->65%；', figure: '65%', expect: progress(65, 'Project Orion（统一消息总线）', '消息路由模块', { prev: 55 }) },
    { text: '2. 电子价签二期\n   a. 施工总体进度：由 35% 上调至 48%；', figure: '48%', expect: progress(48, '电子价签二期', '施工', { prev: 35 }) },
    { text: '(5) 反欺诈模型 v3\n    - 由 Vendor 负责，进度 30%；', expect: progress(30, '反欺诈模型 v3', null) },
  ],
  rejects: [],
  give(f, verdict, owners) {
    if (verdict !== 'progress' || f.ctx.kind !== 'item' || f.ctx.parents.length === 0) return undefined;
    const parent = owners.parent();
    if (!parent) return undefined;
    const own = owners.own() || (owners.ownIsHead() ? '' : owners.head());
    if (!own || own.includes(parent) || parent.includes(own)) return { project: parent, metric: null, own: false, by: 'parent-item' };
    return { project: parent, metric: own, own: true, by: 'parent-item' };
  },
};
