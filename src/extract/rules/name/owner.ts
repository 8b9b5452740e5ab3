// Rule owner: a figure with no words of its own takes the line head, the parent item, the heading or the report's project.

import type { Owners } from '../../facts.js';
import { progress } from '../expect.js';
import type { Naming, NameRule } from '../types.js';

/** The first of the figure's surroundings that names something: line head, parent item, heading, the report's project. */
export function ownerName(owners: Owners): Naming | undefined {
  const sources: [string, () => string][] = [
    ['line-head', () => owners.head()],
    ['parent-item', () => owners.parent()],
    ['lead-paragraph', () => owners.lead()],
    ['heading', () => owners.heading()],
    ['document-name', () => owners.document()],
  ];
  for (const [by, get] of sources) {
    const name = get();
    if (name) return { project: name, metric: null, own: false, by };
  }
  return undefined;
}

export const owner: NameRule = {
  stage: 'name',
  name: 'owner',
  description:
    "a figure with no name of its own takes the line head (or the paragraph's topic), the nearest parent item, a short lead paragraph above its list, the nearest heading that names something, else the report's own project",
  accepts: [
    { text: '### B. 供应链金融\n\n项目整体进度35%', expect: progress(35, '供应链金融') },
    { text: '- **项目名称**: 电子病历质控系统\n\n## 项目进度\n\n- **实际进度**: 50%', expect: progress(50, '电子病历质控系统') },
    { text: '**2. 跨店满减 3.0** ✅\n\n- **进度**：100%，10/22 全量', expect: progress(100, '跨店满减 3.0') },
    { text: '关于账户体系重构。本周评审发现新增范围，因此本周进度由80%调整为65%。', figure: '65%', expect: progress(65, '账户体系重构', null, { prev: 80 }) },
  ],
  rejects: [],
  give(_f, verdict, owners) {
    return verdict === 'progress' ? ownerName(owners) : undefined;
  },
};
