// Rule due-date: a due date stated in the figure's segment (`预计5月底上线`, `计划完成：2024-05-30`, `ETA 2024-06-15`) is kept on the item.

import { DUE_WORDS, findDue, type StatedDue } from '../../due.js';
import { isSegmentEndCode } from '../../facts.js';
import { progress } from '../expect.js';
import type { ContextRule } from '../types.js';

export const dueDate: ContextRule = {
  stage: 'context',
  name: 'due-date',
  description:
    'a due date after a due word in the figure\'s segment (预计5月底上线, 计划完成：2024-05-30, 预计6/15提测, ETA 2024-06-15) is kept as the item\'s due date; a date without a year takes the year of the report',
  accepts: [
    { text: '- 支付网关重构，进度60%，预计5月底上线', expect: progress(60, '支付网关重构', null, { due: '2024-05-31' }) },
    { text: '- 风控规则迁移：进度40%，计划完成：2024-05-30', expect: progress(40, '风控规则迁移', null, { due: '2024-05-30' }) },
    { text: '- 对账服务拆分 进度35%（预计6/15提测）', expect: progress(35, '对账服务拆分', null, { due: '2024-06-15' }) },
    { text: '- Checkout redesign: 75% complete, ETA 2024-06-15', expect: progress(75, 'Checkout redesign', null, { due: '2024-06-15' }) },
  ],
  rejects: [
    // Another segment's date belongs to the other item.
    { text: '- 开票系统，进度80%；电子发票归档，进度30%，预计6月底', figure: '80%', expect: progress(80, '开票系统') },
    { text: '- 存储降本，进度50%，目标15%', figure: '50%', expect: progress(50, '存储降本') },
  ],
  read(f) {
    // One search per segment, not per figure: a long segment of many figures stays linear.
    const due = f.line.once(`due-date:${f.segFrom}`, (): StatedDue | null => {
      const n = f.n;
      let end = f.m.end;
      while (end < n.length && !isSegmentEndCode(n.charCodeAt(end))) end++;
      const segment = n.slice(f.segFrom, end);
      // Most segments hold no due word. The line is NFKC already code point by code point, and NFKC of the whole
      // segment only composes letters with combining marks: it makes no due word that the segment lacks.
      return DUE_WORD.test(segment) ? findDue(segment, f.ctx.reportDate) : null;
    });
    if (due) f.due = due;
    return due !== null;
  },
};

/** Any due word (findDue's own list): a segment without one states no due date. */
const DUE_WORD = new RegExp(DUE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'iu');
