// Rule percent-sign: a number followed by `%`, `％` or `﹪` (full-width digits too) is a figure.

import { scanPercents } from '../../text.js';
import { none, progress } from '../expect.js';
import type { FigureRule } from '../types.js';

export const percentSign: FigureRule = {
  stage: 'figure',
  name: 'percent-sign',
  description: 'a number followed by a percent sign (`%`, full-width `％`, small `﹪`; full-width digits and spaces too)',
  accepts: [
    { text: '- 账务核心 进度：６０ ％', expect: progress(60, '账务核心') },
    { text: '- 清分报表迁移进度72.5%', expect: progress(72.5, '清分报表迁移') },
  ],
  rejects: [{ text: '- 对账文件 v2.0-5 版本已发布', figure: '5', expect: none() }],
  scan(line) {
    return scanPercents(line.n, 'percent-sign');
  },
};
