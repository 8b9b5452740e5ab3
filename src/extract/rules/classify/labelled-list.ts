// Rule labelled-list: a figure of a labelled list after a colon is progress, or a KPI when what stands before the colon names one.

import { kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const labelledListFigure: ClassifyRule = {
  stage: 'classify',
  name: 'labelled-list-figure',
  description: 'a figure of a labelled list (rule labelled-list) is progress; a KPI when the words before the colon name one (`崩溃率：iOS 0.05% / Android 0.11%`)',
  accepts: [
    { text: '3. 证照用证接口改造：开发 80%、测试 35%。', figure: '35%', expect: progress(35, '证照用证接口改造', '测试') },
    { text: '- **单测覆盖率**：交易核心仓库 71.2%，结算仓库 64%', figure: '64%', expect: kpi(64, '单测覆盖率', '结算仓库') },
  ],
  rejects: [],
  decide(f, lx) {
    if (!f.list) return undefined;
    const prefix = f.n.slice(f.list.prefix.start, f.list.prefix.end);
    const kpiWord = lx.lists.kpiWords.find(prefix) ?? /(?:\p{L}率|\brate)\s*$/iu.exec(prefix.trim())?.[0];
    if (kpiWord) return { verdict: 'kpi', reason: `an operating figure ("${kpiWord}")`, word: kpiWord };
    return { verdict: 'progress', ...(f.list.progressWord ? { word: f.list.progressWord } : {}) };
  },
};
