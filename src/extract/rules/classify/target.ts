// Rule target: a goal or plan figure (`目标90%`, `计划 70%`, `0.3%以下`) is not a state; it may be a sibling's planned.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** A threshold the figure is compared with (`低于 SLA 98%`, `未达目标 95%`, `below the SLA of 98%`): a level to meet, not one reached. */
const THRESHOLD = /(?:低于|高于|不足|未达到?|达不到|超过|below|above|under|short of)\s*(?:the\s+)?(SLA|SLO|目标值?|阈值|基线|红线|标准|target|threshold|baseline)\s*(?:of|值|要求|的)?\s*$/iu;

export const target: ClassifyRule = {
  stage: 'classify',
  name: 'target',
  description: 'a target or plan figure (`目标`, `计划`, `预计`, `力争`, `以下`, target, goal) is not a state; beside a progress figure it is kept as planned',
  accepts: [
    { text: '2. 存储降本目标15%，本周完成冷数据归档', figure: '15%', expect: ignored() },
    { text: '### 供应商门户\n\n**进度：** 计划 70%，实际 60%', figure: '70%', expect: ignored() },
    { text: '- 门店收银在线率 97.1%，低于 SLA 99%，原因：机房割接', figure: '99%', expect: ignored() },
    { text: '- Checkout API availability 99.82%, below the SLO of 99.9% this week', figure: '99.9%', expect: ignored() },
  ],
  rejects: [
    { text: '### 供应商门户\n\n**进度：** 计划 70%，实际 60%', figure: '60%', expect: progress(60, '供应商门户', null, { planned: 70 }) },
    { text: '- 计划中心改造进度40%', expect: progress(40, '计划中心改造') },
  ],
  decide(f, lx) {
    // Growth and target words inside the name (`风控效能提升总体进度`) are part of the name; only those after
    // the progress word, or in a label without one, describe the figure.
    const nameTail = f.namePart.replace(/[\s的]+$/u, '');
    const word =
      (/^\s*(?:以下|以内|以上的?目标)/u.test(f.after) ? '以下' : undefined) ??
      lx.lists.targetWords.find(f.describing) ??
      lx.vocab.targetWords.find((w) => nameTail.endsWith(w)) ??
      (/^\s*(?:的)?目标/u.test(f.after) ? '目标' : undefined) ??
      THRESHOLD.exec(f.label)?.[1];
    return word ? { verdict: 'ignored', reason: `a target or plan ("${word}"), not a state`, word, role: 'planned' } : undefined;
  },
};
