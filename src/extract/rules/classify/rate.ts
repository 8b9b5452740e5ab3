// Rule rate: any `…率` without a progress word (`bug修复率 80%`) is an operating figure; so are English `… rate` and test coverage.

import { kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** Words of where a figure stands now, between a rate's name and its figure. */
const STANDS = /(?:目前|当前|现在|本周|本期|仍然?|依然|一直|已经|维持|保持|稳定|停留|基本)+$/u;

export const rate: ClassifyRule = {
  stage: 'classify',
  name: 'rate',
  description: 'a label ending in `率` or a share (`占比`, `比例`), or English `rate`/`ratio` (`… at checkout`), `failures`, test or code `coverage`, without a progress word is an operating figure',
  accepts: [
    { text: '- 测试用例通过率95%，bug修复率 80%', figure: '80%', expect: kpi(80, 'bug修复率') },
    { text: '- Chargeback rate 0.31%, lower than in December', expect: kpi(0.31, 'Chargeback rate') },
    { text: '- Field data: crash-free devices 99.2%, OTA failure rate 0.8%.', figure: '0.8%', expect: kpi(0.8) },
    { text: '- Refund rate: 3.4%', expect: kpi(3.4, 'Refund rate') },
    { text: '- 评论风控上线一周，违规评论拦截率目前 93%', expect: kpi(93) },
    { text: '- 切换期间广告填充率维持在 91%，没受影响', expect: kpi(91) },
    { text: '- 线上订单占比 38.5%，环比持平', expect: kpi(38.5, '线上订单占比') },
    { text: '- Cart abandonment ratio at payment step: 7.5%', expect: kpi(7.5, 'Cart abandonment ratio at payment step') },
    { text: '- Digital claim share of all claims: 41%', expect: kpi(41, 'Digital claim share of all claims') },
    { text: '- Playback start failures: 1.2%', expect: kpi(1.2, 'Playback start failures') },
  ],
  rejects: [
    { text: '- 接口改造完成率 80%', expect: progress(80, '接口改造') },
    { text: '- 账户库：已搬迁比重 64%', expect: { verdict: 'ignored' } },
  ],
  decide(f) {
    // The rate may be followed by where it stands (`拦截率目前 93%`, `填充率维持在 91%`): read past those words.
    const label = f.label.replace(STANDS, '');
    if (!f.progressHit && /\p{L}率$/u.test(label)) {
      return { verdict: 'kpi', reason: `an operating figure (a rate: "${label.slice(-4)}")`, word: label.slice(-3) };
    }
    // A share of something (`线上订单占比 38.5%`, `网上递交比例 67%`) is an operating figure too.
    // (Not a share of work gone through: `迁移占比 60.1%` says how far a migration is.)
    const share =
      f.progressHit || /(?:已|迁移|切换|改造|接入|上线|交付|替换|覆盖)[\p{L}]{0,3}(?:占比|比例|比重)$/u.test(label) ? null : /\p{L}(占比|比例|比重)$/u.exec(label);
    if (share) return { verdict: 'kpi', reason: `an operating figure (a share: "${label.slice(-4)}")`, word: share[1]! };
    const en = f.progressHit
      ? null
      : /\b(?:[a-z-]+\s+(?:rate|ratio|share)(?:\s+(?:at|of|for|in|on|across)\s+[a-z0-9][\w\s/-]{0,30})?|[a-z-]+\s+(?:failures|errors|crashes|timeouts)|(?:test|code|line|branch)\s+coverage)\s*:?$/i.exec(f.label.trim());
    if (en) return { verdict: 'kpi', reason: `an operating figure (a rate: "${en[0].trim()}")`, word: en[0].trim().replace(/:$/, '') };
    return undefined;
  },
};
