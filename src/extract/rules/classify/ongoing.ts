// Rule ongoing: `堆垛机调试：进行中，约 30%` — a bare figure after an "under way" status is progress.

import { tidyName } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** A stop held (`维持搁置`, `继续暂停`, `still on hold`): a bare figure after it is where the item stands. */
const STOPPED = /^(?:(?:仍|仍然|依然|继续|维持|保持|暂时)?(?:暂停|搁置|暂缓|挂起|冻结)(?:中)?|(?:still\s+)?(?:on hold|paused|parked))$/iu;

export const ongoing: ClassifyRule = {
  stage: 'classify',
  name: 'ongoing',
  description: 'a bare figure right after an "under way" status (进行中, 开发中, in progress …) or a held stop (维持搁置, still on hold) is progress',
  accepts: [
    { text: '1. 堆垛机调试：进行中，约 30%', expect: progress(30, '堆垛机调试', null, { qualifier: '约' }) },
    { text: '- 员工自助端：恢复开发，70%', expect: progress(70, '员工自助端') },
    { text: '  - 低功耗固件：维持搁置，80%', expect: progress(80, '低功耗固件') },
    { text: '- Replay system: still on hold, 40%', expect: progress(40, 'Replay system') },
  ],
  rejects: [],
  decide(f, lx) {
    if (f.ctx.kind === 'heading' || !f.bareLabel) return undefined;
    const pc = f.prevClause();
    if (!pc) return undefined;
    const status = tidyName(f.n.slice(pc.start, pc.end));
    // Where a stopped item stands: `维持搁置，80%`, `继续暂停，62%`, `on hold, 40%`.
    return lx.lists.ongoingWords.is(status) || STOPPED.test(status) ? { verdict: 'progress', word: status } : undefined;
  },
};
