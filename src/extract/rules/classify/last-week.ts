// Rule last-week: `上周进度 70%`, `（上周 70%）` is last week's figure, kept as prev of this week's.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

const LAST_WEEK = /^(?:上周|上期|上次|上月|last week)/iu;

export const lastWeek: ClassifyRule = {
  stage: 'classify',
  name: 'last-week',
  description: "last week's figure (`上周进度 70%`, `（上周 70%）`) is context: kept as prev of this week's figure",
  accepts: [
    { text: '- 结算网关：进度 80%（上周 70%）', figure: '70%', expect: ignored() },
    { text: '- 网关 SDK：上周 40%，本周回退到 35%（范围增加）', figure: '40%', expect: ignored() },
  ],
  rejects: [{ text: '- 结算网关：进度 80%（上周 70%）', figure: '80%', expect: progress(80, '结算网关', null, { prev: 70 }) }],
  decide(f) {
    // `（上周 70%）`, or `上周 40%，本周回退到 35%`: a bare last-week label before this week's figure on the line.
    const bare = /^(?:上周|上期|上次|上月|last week)$/iu.test(f.label.trim());
    if ((f.progressHit || (bare && (f.inParens || f.k < f.line.figures.length - 1))) && LAST_WEEK.test(f.label)) {
      return { verdict: 'ignored', reason: "last week's figure (kept as prev of this week's)", role: 'prev' };
    }
    return undefined;
  },
};
