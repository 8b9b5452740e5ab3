// Rule ignored-section: sections for reflection, next week's plan or daily logs hold no progress.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const ignoredSection: ClassifyRule = {
  stage: 'classify',
  name: 'ignored-section',
  description: "a figure under a reflection, next week's plan or daily-log heading, or under a `下周：` intro line, says nothing of this week",
  accepts: [
    { text: '# 本周收获与反思\n\n团队交付效率同比增长20%', expect: ignored() },
    { text: '# 下周工作及目标\n\n1. 网关改造进度达到80%', expect: ignored() },
    { text: '下周：\n\n- 推荐位对接完成 100%', expect: ignored() },
  ],
  rejects: [{ text: '# 本周工作\n\n1. 网关改造进度达到80%', expect: progress(80, '网关改造') }],
  decide(f) {
    return f.ctx.ignoredSection ? { verdict: 'ignored', reason: `in section "${f.ctx.ignoredSection}"`, word: f.ctx.ignoredSection } : undefined;
  },
};
