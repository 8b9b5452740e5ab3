// Rule growth: growth and comparison figures (`同比增长12%`, `环比下降3%`, `滞后 10%`) are changes, not levels.

import { ignored, kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const growth: ClassifyRule = {
  stage: 'classify',
  name: 'growth',
  description: 'a growth or comparison figure (同比, 环比, 增长, 下降, 滞后, YoY, growth …) is a change, not a level',
  accepts: [
    { text: '- 收入同比增长12%，环比下降3%', figure: '12%', expect: ignored() },
    { text: '- Data export API: 55% complete (up from 40% last week)', figure: '40%', expect: ignored() },
    { text: '- 完成度较上周提升5%', expect: ignored() },
    { text: '- Conversion rate 4.8%, down 0.3% WoW', figure: '0.3%', expect: ignored() },
  ],
  rejects: [
    { text: '- 风控效能提升总体进度99%', expect: progress(99, '风控效能提升') },
    { text: '- Data export API: 55% complete (up from 40% last week)', figure: '55%', expect: progress(55, 'Data export API', null, { prev: 40 }) },
    { text: '- 转化率由30%提升至43%', figure: '43%', expect: kpi(43, '转化率') },
  ],
  decide(f, lx) {
    // Before the figure (`环比下降3%`), or a comparison abbreviation right after it (`0.3% WoW`).
    const abbreviation = /^\s*(YoY|MoM|QoQ|WoW)\b/i.exec(f.after)?.[1];
    const word = lx.lists.growthWords.find(f.describing) ?? abbreviation;
    if (!word || f.pair) return undefined;
    // `up from 40% last week`: the figure it rose from, last week's — kept as prev of this week's, like `（上周 40%）`.
    if (/\b(?:up|down|rose|fell|increased|decreased|grew|dropped|climbed|moved)\s+from\s*$/iu.test(f.label) && /^\s*(?:last week|the week before|previous week)\b/iu.test(f.after)) {
      return { verdict: 'ignored', reason: "last week's figure (kept as prev of this week's)", word, role: 'prev' };
    }
    return { verdict: 'ignored', reason: `a growth or comparison ("${word}"), not a level`, word };
  },
};
