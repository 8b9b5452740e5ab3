// Rule ignored-section: sections for reflection, next week's plan or daily logs hold no progress.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** A line opening with a label of next week's plan and a colon. */
const PLAN_LEAD = /^\s*(下周(?:工作)?(?:计划|安排|目标|重点)?|下阶段(?:计划|安排|目标)?|下期(?:计划|安排|目标)|next\s+week|next\s+steps?|plan\s+for\s+next\s+week)\s*:/iu;

export const ignoredSection: ClassifyRule = {
  stage: 'classify',
  name: 'ignored-section',
  description: "a figure under a reflection, next week's plan or daily-log heading, or under a `下周：` intro line, says nothing of this week",
  accepts: [
    { text: '# 本周收获与反思\n\n团队交付效率同比增长20%', expect: ignored() },
    { text: '# 下周工作及目标\n\n1. 网关改造进度达到80%', expect: ignored() },
    { text: '下周：\n\n- 推荐位对接完成 100%', expect: ignored() },
    { text: '下周计划：会员等级改版服务端做到九成，客户端五成。', expect: ignored() },
    { text: 'Next week: search ranking to 70%; loyalty design to 40%.', expect: ignored() },
    { text: '【下周计划】\n实时数仓迁移推进到 70%', expect: ignored() },
    { text: '## 下周\n\n- 1.4 完成度冲到 85%，周五出提审包候选', expect: ignored() },
  ],
  rejects: [
    { text: '# 本周工作\n\n1. 网关改造进度达到80%', expect: progress(80, '网关改造') },
    { text: '- 网关改造（下周上线）：进度 80%', expect: progress(80, '网关改造（下周上线）') },
  ],
  decide(f) {
    if (f.ctx.ignoredSection) return { verdict: 'ignored', reason: `in section "${f.ctx.ignoredSection}"`, word: f.ctx.ignoredSection };
    // A line that opens with such a label (`下周计划：服务端做到九成`, `Next week: search to 70%`) is a plan throughout.
    const lead = f.line.once('ignored-section:lead', () => PLAN_LEAD.exec(f.n.slice(f.line.markerEnd))?.[1]);
    return lead ? { verdict: 'ignored', reason: `in a line of "${lead}"`, word: lead } : undefined;
  },
};
