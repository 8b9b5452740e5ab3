// Rule ongoing: `堆垛机调试：进行中，约 30%` — a bare figure after an "under way" status is progress.

import { tidyName } from '../../names.js';
import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const ongoing: ClassifyRule = {
  stage: 'classify',
  name: 'ongoing',
  description: 'a bare figure right after an "under way" status (进行中, 开发中, in progress …) is progress',
  accepts: [
    { text: '1. 堆垛机调试：进行中，约 30%', expect: progress(30, '堆垛机调试', null, { qualifier: '约' }) },
    { text: '- 员工自助端：恢复开发，70%', expect: progress(70, '员工自助端') },
  ],
  rejects: [],
  decide(f, lx) {
    if (f.ctx.kind === 'heading' || !f.bareLabel) return undefined;
    const pc = f.prevClause();
    if (!pc) return undefined;
    const status = tidyName(f.n.slice(pc.start, pc.end));
    return lx.lists.ongoingWords.is(status) ? { verdict: 'progress', word: status } : undefined;
  },
};
