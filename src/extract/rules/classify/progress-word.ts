// Rule progress-word: a progress word before the figure (`进度`, `完成度`, progress …) or a completion word after it (`60%完成`, `75% complete`).

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

const IN_AFTER = /^\s*in\s*$/u;

export const progressWord: ClassifyRule = {
  stage: 'classify',
  name: 'progress-word',
  description: 'a progress word before the figure (进度, 完成度, 完成比例, progress …; configurable `progressWords`) or a completion word right after it (`75% complete`)',
  accepts: [
    { text: '- 结算中心重构进度30%', expect: progress(30, '结算中心重构') },
    { text: '- 会员积分改版，前端进展60%、后端进展45%', figure: '45%', expect: progress(45, '会员积分改版', '后端') },
    { text: '- Checkout redesign: 75% complete, A/B test next week', expect: progress(75, 'Checkout redesign') },
    { text: '- **Invoice OCR** — vendor picked, kicked off Monday, 10% in.', expect: progress(10, 'Invoice OCR') },
  ],
  rejects: [
    // Under a metrics heading a rate named by its attainment (`达成率`, `完成率`) is an operating figure.
    { text: '## 📊 运营指标\n\n- 订单履约时效达成率：96.5%', expect: { verdict: 'kpi', percent: 96.5 } },
  ],
  decide(f, lx) {
    if (f.ctx.kpiSection && f.progressHit && f.progressHit.word.endsWith('率') && f.label.trimEnd().endsWith(f.progressHit.word)) return undefined;
    // A figure in words (`近八成历史保单已完成回溯`) takes a progress word anywhere in its clause.
    const hit = f.progressHit ?? f.progressAfter ?? (f.m.form === 'chinese-figure' ? lx.lists.progressWords.last(f.after) : null);
    if (hit) return { verdict: 'progress', word: hit.word };
    // `kicked off Monday, 10% in.`: how far in the work is, the figure ending its clause.
    if (IN_AFTER.test(f.after) && f.ctx.kind !== 'heading') return { verdict: 'progress', word: 'in' };
    return undefined;
  },
};
