// Rule parent-and-metric: a figure on a child line of an outline item is a part of the parent's item — the parent
// names the item, the child's own words the metric (`2. 电子价签二期` / `a. 施工总体进度：由 35% 上调至 48%`).

import { progress } from '../expect.js';
import type { NameRule } from '../types.js';
import { STATE_WORDS } from '../classify/item-child.js';

/** A parent line saying its item is split into others (see stated-cancel's split phrases). */
const SPLIT_PARENT = /(?:拆分|分拆|拆成|拆为|拆分成)[^，,。；;]{0,40}(?:项目|专项|子项|分别跟踪|单独跟踪|独立跟踪)|\b(?:split|broken|divided)\s+(?:up\s+)?into\b[^.;]{0,60}\b(?:projects?|workstreams?|epics?|initiatives?|tracked separately)\b/iu;

export const parentAndMetric: NameRule = {
  stage: 'name',
  name: 'parent-and-metric',
  description: "a figure with words of its own on a child line of an outline item is a metric of the parent's item (`2. 电子价签二期` → `a. 施工总体进度 48%`); under a parent ending with a colon (`- 接口治理：`) each child is an item of its own",
  accepts: [
    { text: '1. Project Orion（统一消息总线）\n   （1）消息路由模块开发完成，进度：55%->65%；', figure: '65%', expect: progress(65, 'Project Orion（统一消息总线）', '消息路由模块', { prev: 55 }) },
    { text: '2. 电子价签二期\n   a. 施工总体进度：由 35% 上调至 48%；', figure: '48%', expect: progress(48, '电子价签二期', '施工', { prev: 35 }) },
    { text: '(5) 反欺诈模型 v3\n    - 由 Vendor 负责，进度 30%；', expect: progress(30, '反欺诈模型 v3', null) },
    { text: '- **Data warehouse feed**\n  - No change this week, holding at 50%.', expect: progress(50, 'Data warehouse feed', null) },
  ],
  rejects: [
    { text: '- 接口治理：\n    1. 老版本接口迁移：任务完成占比20%（10/50）', expect: progress(20, '老版本接口迁移', null) },
    { text: '2. 会员体系重构：本周起拆分为“积分中心”和“等级权益”两个项目分别跟踪\n   - 积分中心：进度 20%', expect: progress(20, '积分中心', null) },
    { text: '- Onboarding revamp — split into two projects, tracked separately:\n  - Welcome tour — 10%', expect: progress(10, 'Welcome tour', null) },
  ],
  give(f, verdict, owners) {
    if (verdict !== 'progress' || f.ctx.kind !== 'item' || f.ctx.parents.length === 0) return undefined;
    // A parent that ends with a colon (`- 接口治理：`) labels a group of items, each named by its own words.
    const raw = f.ctx.parents[f.ctx.parents.length - 1]!.split('\n')[0]!.trim();
    if (/[:：]$/u.test(raw)) return undefined;
    // A parent split into items of their own (`会员体系重构：拆分为积分中心和等级权益两个项目`, `split into two projects`):
    // each child is one of the new items, not a part of the old one.
    if (SPLIT_PARENT.test(raw)) return undefined;
    const parent = owners.parent();
    if (!parent) return undefined;
    const own = owners.own() || (owners.ownIsHead() ? '' : owners.head());
    // Words of where it stands (`holding at 50%`, `维持 30%`) are no part's name.
    if (!own || own.includes(parent) || parent.includes(own) || STATE_WORDS.test(own)) return { project: parent, metric: null, own: false, by: 'parent-item' };
    return { project: parent, metric: own, own: true, by: 'parent-item' };
  },
};
