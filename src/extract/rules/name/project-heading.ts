// Rule project-heading: under a generic section (`## 项目进度`), a heading naming a project owns the items below it as its parts.

import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const projectHeading: NameRule = {
  stage: 'name',
  name: 'project-heading',
  description:
    'a bare `部件：40%` item (or `部件进度 40%` opening an item or paragraph) under a heading that names a project inside a generic section (`## 项目进度` → `### 猫眼摄像头 C2` → `- 固件：40%`) is a part of that project: the heading is the project, the item the metric',
  accepts: [
    { text: '## 项目进度\n\n### 猫眼摄像头 C2\n\n- 固件：40%\n- App 插件：25%（支援大促，无进展）', figure: '25%', expect: progress(25, '猫眼摄像头 C2', 'App 插件') },
    { text: '## 项目进度\n\n### 产线测试工装\n\n- 覆盖测试项 75%（45/60 项）', expect: progress(75, '产线测试工装', '覆盖测试项', { done: 45, total: 60 }) },
    { text: '## 二、项目进展\n\n### 门店收银 3.0\n\n灰度进度 40%（按门店数），华东区先切，其余下周', expect: progress(40, '门店收银 3.0', '灰度') },
  ],
  rejects: [
    { text: '## 重点项目\n\n- 结算中心重构进度30%', expect: progress(30, '结算中心重构') },
    { text: '## 分项进展\n\n### MES 系统实施\n\n- 车间建模：完成 100%\n- 工单下发联调，进度 65%', figure: '65%', expect: progress(65, '工单下发联调') },
    { text: '# 上周进展\n\n## 【O1 仓配履约】\n\n- 运单轨迹重构进度60%；轨迹聚合服务压测通过', expect: progress(60, '运单轨迹重构') },
  ],
  give(f, verdict, owners) {
    if (verdict !== 'progress' || f.labelStart > f.line.markerEnd) return undefined;
    if (f.progressHit) {
      // `切流进度 85%，…` opening an item or paragraph: a short part name (four characters at most: `运单轨迹重构进度60%`
      // under `## 【O1 仓配履约】` is an item of a group, not a part) right before its progress word.
      if (f.ctx.kind === 'heading' || f.hadColon || f.progressHit.index === 0 || f.progressHit.index > 4 || f.label.length - f.progressHit.index - f.progressHit.word.length > 2) return undefined;
    } else {
      // Only the bare form `部件：40%` (a short part name, the figure, at most a remark in brackets: nothing else).
      if (f.ctx.kind !== 'item' || f.label.length > 8) return undefined;
      const segEnd = f.line.segmentEnd(f.segment);
      if (segEnd - f.m.end > 80) return undefined;
      const rest = f.n.slice(f.m.end, segEnd);
      if (!/^\s*(?:\([^()]*\))?\s*[。.]?\s*$/u.test(rest)) return undefined;
    }
    const project = owners.projectHeading();
    const metric = owners.own();
    if (!project || !metric || project.includes(metric)) return undefined;
    return { project, metric, own: true };
  },
};
