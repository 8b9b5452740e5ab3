// Rule progress-bar: a progress bar drawn in text before a figure (`████░░░░ 50%`, `[#####-----] 50%`) says the figure is progress.

import { kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const progressBar: ClassifyRule = {
  stage: 'classify',
  name: 'progress-bar',
  description: 'a progress bar drawn in text right before the figure (`███████░░░ 70%`, `[#####-----] 50%`, `▰▰▰▱▱▱ 40%`) makes it progress; the bar is no part of the name',
  accepts: [
    { text: '- 离线包差分更新　███████░░░ 70%', expect: progress(70, '离线包差分更新') },
    { text: '- Search relevance tuning [######----] 60%', expect: progress(60, 'Search relevance tuning') },
  ],
  // A bar beside an operating figure's own word stays what the word says.
  rejects: [{ text: '- 接口成功率：99.2%', expect: kpi(99.2, '接口成功率') }],
  decide(f) {
    return f.bar ? { verdict: 'progress', word: f.bar } : undefined;
  },
};
