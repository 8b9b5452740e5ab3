// Rule state-verb: English states a level with a verb — `nursing is at 72%`, `Engineering had reached roughly 45%`.

import { isNameLike } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

const STATE = /^(?:(?:is|are|was|were|stands?|stood|sits?|lags?|had|has|have)\s+)?(?:at|reached)$/i;
/** Chinese verbs of reaching a level (`电机驱动固件 v4 到 45%`, `已达到 60%`): not of rising by (`提升到` is a change). */
const STATE_ZH = /^(?:已经?)?(?:到|达到|到达|推进到|推到|做到|走到)$/u;

export const stateVerb: ClassifyRule = {
  stage: 'classify',
  name: 'state-verb',
  description: 'a name and a verb of state before the figure (`is at`, `reached`, `lag at`; `到`, `达到`, `推进到`) give its progress',
  accepts: [
    { text: '- Staff training: 1,240 of 1,900 staff trained (65%); nursing is at 72%, consultants lag at 38%.', figure: '72%', expect: progress(72, 'Staff training', 'nursing') },
    { text: '**Loyalty points.** On hold. Engineering had reached roughly 45% and we are parking it.', expect: progress(45, 'Loyalty points', 'Engineering') },
    { text: '电机驱动固件 v3 到 45%。过流保护误触发率从 0.5% 压到 0.1%。', figure: '45%', expect: progress(45, '电机驱动固件 v3') },
  ],
  rejects: [
    { text: '- Payment success rate held at 97.8% through the weekend', expect: { verdict: 'kpi', percent: 97.8 } },
    { text: '- 本月营收提升到 120%', expect: { verdict: 'ignored' } },
    { text: '- 结算页改版：设计完成；灰度放到 5%，转化率持平', figure: '5%', expect: { verdict: 'ignored' } },
    { text: '1. 清分 2.0 灰度到 50% 以上需要财务部签字确认', expect: { verdict: 'ignored' } },
  ],
  decide(f) {
    if (f.ctx.kind === 'heading' || !f.verb || !isNameLike(f.label)) return undefined;
    // A Chinese verb of reaching names the line's own item only (`电机驱动固件 v4 到 45%`): `灰度放到 5%` is a share.
    // It ends its clause (`结算2.0 灰度到 50% 以上需要签字` is a condition, not a level).
    const ends = f.after.replace(/^\s*(?:左右|多)?/u, '').trim() === '';
    const zh = STATE_ZH.test(f.verb) && ends && f.headStart <= f.line.markerEnd && !/[放扩开升降涨跌增减提调压缩]$/u.test(f.label);
    if (!STATE.test(f.verb) && !zh) return undefined;
    return { verdict: 'progress', word: f.verb };
  },
};
