// Rule work-verb: `服务端做了八成五`, `只做了两成`, `服务端也到了 95%` — a Chinese verb of work done or of reaching
// (做了, 写了, 到了, 推到) before a figure says how far the work is.

import { isNameLike } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** The verb as the label rule read it past (with its adverb): `做了`, `也到了`, `只做了`, `推到`. */
const WORK_VERB = /^(?:也|才|只|已经|已|刚|就|都|又)?(?:做|干|写|搞|弄|推|走|到)(?:了|到)$/u;

export const workVerb: ClassifyRule = {
  stage: 'classify',
  name: 'work-verb',
  description: 'a Chinese verb of work done or of reaching before a figure (`做了八成五`, `只做了两成`, `服务端也到了 95%`) makes it progress',
  accepts: [
    { text: '- 直播回放：前端收尾，服务端也到了 95%，联调下周', figure: '95%', expect: progress(95, '直播回放', '服务端') },
    { text: '- 商家后台改版：只做了两成，设计稿还在改', expect: progress(20, '商家后台改版') },
  ],
  rejects: [{ text: '- 活动期间转化率到了 12%', expect: { verdict: 'kpi', percent: 12 } }, { text: '- 本周做了 3 次压测，峰值 CPU 到了 85%', expect: { verdict: 'kpi', percent: 85 } }],
  decide(f) {
    if (f.ctx.kind === 'heading' || !f.verb || !WORK_VERB.test(f.verb)) return undefined;
    if (f.label && !isNameLike(f.label)) return undefined;
    return { verdict: 'progress', word: f.verb };
  },
};
