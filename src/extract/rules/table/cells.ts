// The cell rules: what one figure of a table cell is, given its column's role and its row.

import { ignored, kpi, progress } from '../expect.js';
import type { CellRule } from '../types.js';
import { table } from './header.js';

export const ignoredTable: CellRule = {
  stage: 'cell',
  name: 'ignored-table',
  description: "a table under a reflection or next week's plan heading says nothing of this week",
  accepts: [{ text: `## 下周计划\n\n${table(['工作', '目标进度'], ['收付费系统迁移', '70%'])}`, expect: ignored() }],
  rejects: [],
  decide(c) {
    const s = c.row.ctx.ignoredSection;
    return s ? { verdict: 'ignored', reason: `in section "${s}"`, word: s } : undefined;
  },
};

export const noteRow: CellRule = {
  stage: 'cell',
  name: 'note-row',
  description: 'a row whose one cell spans the table (`<td colspan="6">注：上周“额度中心 55%”为合计口径</td>`) is a note: its figures explain, they are no items',
  accepts: [{ text: table(['模块', '进度', '说明'], ['额度中心', '60%', '前后端拆分'], ['注：上周额度中心 55% 为合计口径', '注：上周额度中心 55% 为合计口径', '注：上周额度中心 55% 为合计口径']), figure: '55%', expect: ignored() }],
  rejects: [],
  decide(c) {
    return c.row.note ? { verdict: 'ignored', reason: 'a note spanning the table' } : undefined;
  },
};

export const secondProgressColumn: CellRule = {
  stage: 'cell',
  name: 'second-progress-column',
  description:
    'a row holds one current figure: an actual column first, then the first progress column with a figure (a header saying 进度 before one saying 本周); several progress columns each headed by what it measures (`数据迁移完成比例 | 应用改造完成比例`, `进度: 开发 | 测试`) are one metric each',
  accepts: [{ text: table(['项目', '本周', '进度'], ['对账平台', '55%', '60%']), figure: '55%', expect: ignored() }],
  rejects: [
    { text: table(['项目', '本周', '进度'], ['对账平台', '55%', '60%']), figure: '60%', expect: progress(60, '对账平台') },
    { text: table(['系统', '数据迁移完成比例', '应用改造完成比例'], ['工单中心', '0.70', '0.35']), figure: '0.35', expect: progress(35, '工单中心', '应用改造') },
    { text: table(['模块', '开发进度', '测试进度'], ['结算引擎', '80%', '45%']), figure: '80%', expect: progress(80, '结算引擎', '开发') },
  ],
  decide(c) {
    if (c.row.metricColumns.has(c.column)) return undefined;
    const role = c.info.role;
    if ((role === 'progress' || role === 'actual' || role === 'state') && c.column !== c.row.current) {
      return { verdict: 'ignored', reason: 'a second progress column (the first one is taken)' };
    }
    return undefined;
  },
};

export const cellRange: CellRule = {
  stage: 'cell',
  name: 'cell-range',
  description: 'a table figure outside 0–100 is not taken, with a warning',
  accepts: [{ text: table(['项目', '进度'], ['压测', '150%']), expect: ignored() }],
  rejects: [],
  decide(c) {
    const v = c.figure.value;
    if (Number.isFinite(v) && v >= 0 && v <= 100) return undefined;
    return { verdict: 'ignored', reason: 'outside 0–100', warning: `${c.figure.match} is outside 0–100; not taken` };
  },
};

export const totalRow: CellRule = {
  stage: 'cell',
  name: 'total-row',
  description: 'a total row (合计, 总计, Total) is derived from the rows above, not an item of its own',
  accepts: [{ text: table(['项目', '状态', '完成度'], ['KR2 机器利用率提升至60%', '🟢 正常', '30%'], ['合计', '', '62%']), figure: '62%', expect: ignored() }],
  rejects: [{ text: table(['项目', '状态', '完成度'], ['KR2 机器利用率提升至60%', '🟢 正常', '30%'], ['合计', '', '62%']), figure: '30%', expect: progress(30, 'KR2 机器利用率提升至60%') }],
  decide(c) {
    return c.row.total ? { verdict: 'ignored', reason: 'a total row (derived from the rows above)', word: c.row.total } : undefined;
  },
};

export const unnamedRow: CellRule = {
  stage: 'cell',
  name: 'unnamed-row',
  description: 'a row with no text column to name it is not taken, with a warning',
  accepts: [{ text: table(['序号', '进度'], ['3', '40%']), expect: ignored() }],
  rejects: [],
  decide(c) {
    if (c.row.key.name) return undefined;
    return { verdict: 'ignored', reason: 'the row has no name column', warning: `${c.figure.match}: table row without a name; ignored` };
  },
};

export const kpiRow: CellRule = {
  stage: 'cell',
  name: 'kpi-row',
  description:
    'a row named by a KPI word, or a table under a metrics heading or with a 指标/Metric column, holds operating figures: its first figure is the KPI, the others comparisons (unless the column says 进度/完成度)',
  accepts: [
    { text: table(['指标', '1 月', '12 月', '趋势'], ['主干构建成功率', '96.4%', '93.1%', '↑']), figure: '96.4%', expect: kpi(96.4, '主干构建成功率') },
    { text: table(['指标', '1 月', '12 月', '趋势'], ['主干构建成功率', '96.4%', '93.1%', '↑']), figure: '93.1%', expect: ignored() },
  ],
  rejects: [{ text: table(['项目', '状态', '完成度'], ['KR2 机器利用率提升至60%', '🟢 正常', '30%']), figure: '30%', expect: progress(30, 'KR2 机器利用率提升至60%') }],
  decide(c) {
    if (!c.row.kpiRow || (c.info.explicit && c.info.role === 'progress')) return undefined;
    // The row's current column (an actual or this-week column) holds its value; without one, its first figure.
    const value = c.row.current >= 0 ? c.column === c.row.current : c.firstOfRow;
    if (!value) return { verdict: 'ignored', reason: 'a comparison beside the operating figure of this row' };
    return { verdict: 'kpi', reason: `an operating figure (${c.row.kpiRow})`, word: c.row.kpiRow };
  },
};
