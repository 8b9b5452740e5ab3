// Rule heading-part: under a heading that names a project inside a generic section (`## 2. 重点项目` → `### 2.1 离线数仓迁移`),
// a list line that opens with a short name and a colon (`- 表迁移：已迁 1,284 / 2,310 张，折合 55.6%`) tells of a part
// of that project: the heading is the item, the line's name its metric, whatever words lead to the figure.

import { isNameLike } from '../../names.js';
import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const headingPart: NameRule = {
  stage: 'name',
  name: 'heading-part',
  description:
    'a list line opening with a short name and a colon under a heading that names a project in a generic section (`## 重点项目` → `### 2.1 离线数仓迁移` → `- 表迁移：…折合 55.6%`) is a part of that project: the heading is the item, the name its metric',
  accepts: [
    { text: '## 2. 重点项目\n\n### 2.1 离线数仓迁移（Hive → StarRocks）\n\n- 表迁移：已迁 1,284 / 2,310 张，折合 55.6%', expect: progress(55.6, '离线数仓迁移（Hive → StarRocks）', '表迁移') },
    { text: '# 数据平台组周报\n\n## 2. 重点项目\n\n### 2.1 离线数仓迁移\n\n- 任务迁移（调度）：61%，工作流已切 430 条', expect: progress(61, '离线数仓迁移', '任务迁移') },
    { text: '## Projects\n\n### Billing revamp\n\n- Invoices: moved 40 of 90 templates, about 45%', expect: progress(45, 'Billing revamp', 'Invoices') },
  ],
  rejects: [
    { text: '## 重点项目\n\n- 结算中心重构：进度 30%', expect: progress(30, '结算中心重构') },
    { text: '## 分项进展\n\n### MES 系统实施\n\n- 工单下发联调，进度 65%', expect: progress(65, '工单下发联调') },
    { text: '## 重点项目\n\n## 【O1 仓配履约】\n\n- 仓储WMS升级：前端进展100%、后端进展85%', figure: '100%', expect: progress(100, '仓储WMS升级', '前端') },
    { text: '## 重点项目\n\n### B. 数据服务\n\n项目整体进度30%\n\n1. 指标口径统一：完成度45.5%', figure: '45.5%', expect: progress(45.5, '指标口径统一') },
  ],
  give(f, verdict, owners) {
    // A heading whose item states its own figure right below it (`### B. 数据服务` / `项目整体进度30%`) heads a group:
    // the named lines under it are items of their own.
    if (verdict !== 'progress' || f.ctx.kind !== 'item' || f.ctx.parents.length > 0 || f.ctx.headingHasFigure) return undefined;
    // `表迁移：已迁 …，折合 55.6%` (a head and its colon before the figure's words) or `任务迁移（调度）：61%，…` (the
    // figure right after the colon).
    const head = f.line.head;
    let metric = '';
    if (head && head.end <= f.labelStart && head.start <= f.line.markerEnd + 2 && /^\s*:/u.test(f.n.slice(head.end, head.end + 2))) metric = owners.head();
    else if (f.hadColon && !f.progressHit && f.labelStart <= f.line.markerEnd + 2) metric = owners.own();
    // The line's first figure of this week (an earlier one of a change, `42% → 45%`, does not count).
    for (let k = 0; k < f.k; k++) if (!f.line.isEarlier(k)) return undefined;
    if (!metric || metric.length > 16 || !isNameLike(metric)) return undefined;
    // The figure has a short name of its own after the colon (`仓储WMS升级：前端进展100%、后端进展85%`): a part of the
    // line's item, named by the rules after this one.
    const own = f.progressHit ? owners.own() : '';
    if (own && own !== metric && isNameLike(own)) return undefined;
    const project = owners.projectHeading();
    if (!project || project.includes(metric) || metric.includes(project)) return undefined;
    return { project, metric, own: true, by: 'heading' };
  },
};
