// The column rules: what each table column holds, from its header and (for ratios and counts) the row beside it.

import type { Lexicon } from '../../lexicon.js';
import { ignored, kpi, none, progress } from '../expect.js';
import type { ColumnRole, ColumnRule, TableRow } from '../types.js';
import { countOf, headerOf, table } from './header.js';
import { isDueHeader } from '../../due.js';

type Row = TableRow;

/** A rule giving `role` to columns whose header holds a word of one list. */
function byWord(name: string, description: string, role: ColumnRole, words: (lx: Lexicon) => { find(t: string): string | undefined }, examples: Pick<ColumnRule, 'accepts' | 'rejects'>): ColumnRule {
  return {
    stage: 'column',
    name,
    description,
    ...examples,
    role(row, column, lx) {
      const word = words(lx).find(headerOf(row, column));
      return word ? { role, word } : undefined;
    },
  };
}

export const ignoreColumn = byWord('ignore-column', 'a column headed by an ignore word (信心, 概率, confidence, probability) holds no measure', 'ignored', (lx) => lx.lists.ignoreWords, {
  accepts: [{ text: table(['KR', '完成度', '信心指数'], ['KR1 转化提升', '40%', '70%']), figure: '70%', expect: ignored() }],
  rejects: [],
});

export const prevColumn = byWord('prev-column', "a last-week column (上周, 上期, Last Week) is context: kept as prev of this week's figure", 'prev', (lx) => lx.lists.prevColumns, {
  accepts: [{ text: table(['项目', '上周', '本周进度'], ['库存同步', '40%', '**55%**']), figure: '40%', expect: ignored() }],
  rejects: [{ text: table(['项目', '上周', '本周进度'], ['库存同步', '40%', '**55%**']), figure: '55%', expect: progress(55, '库存同步', null, { prev: 40 }) }],
});

export const dueColumn: ColumnRule = {
  stage: 'column',
  name: 'due-column',
  description: 'a due-date column (计划完成, 预计上线, Due, Target, ETA, 截止日期) without percentages: its date is kept as the due date of the row\'s figure',
  accepts: [
    { text: table(['项目', '进度', '计划完成'], ['资金清分平台', '45%', '2024-05-30']), expect: progress(45, '资金清分平台', null, { due: '2024-05-30' }) },
    { text: table(['Workstream', 'Progress', 'Due'], ['Ledger sync', '60%', '6/15']), expect: progress(60, 'Ledger sync', null, { due: '2024-06-15' }) },
  ],
  // A Target column of percentages is a planned figure, not a date.
  rejects: [{ text: table(['事项', '目标', '进度'], ['订单拆分', '80%', '52%']), figure: '52%', expect: progress(52, '订单拆分', null, { planned: 80 }) }],
  role(row, column) {
    if (row.percent[column]) return undefined;
    const h = headerOf(row, column);
    return isDueHeader(h) ? { role: 'due', word: h } : undefined;
  },
};

export const plannedColumn = byWord('planned-column', 'a plan or target column (计划, 目标, Target) is context: kept as planned of the figure', 'planned', (lx) => lx.lists.plannedColumns, {
  accepts: [{ text: table(['事项', '计划进度', '实际进度'], ['订单拆分', '60%', '52%']), figure: '60%', expect: ignored() }],
  rejects: [],
});

export const changeColumn = byWord('change-column', 'a change column (Delta, 环比, 变化, Trend) holds differences, never a level', 'change', (lx) => lx.lists.changeColumns, {
  accepts: [{ text: table(['Milestone', 'Last Week', 'This Week', 'Delta'], ['BLE stack port', '55%', '70%', '+15%']), figure: '+15%', expect: ignored() }],
  rejects: [],
});

export const actualColumn = byWord('actual-column', 'an actual column (实际, Actual) holds the figure, before any other progress column', 'actual', (lx) => lx.lists.actualColumns, {
  accepts: [{ text: table(['事项', '计划进度', '实际进度'], ['订单拆分', '60%', '52%']), figure: '52%', expect: progress(52, '订单拆分', null, { planned: 60 }) }],
  rejects: [],
});

export const progressColumn: ColumnRule = {
  stage: 'column',
  name: 'progress-column',
  description: 'a column headed by a progress word (进度, 完成度, % Done, Completion; configurable `progressWords`) holds the figure; a bare number there is a percentage',
  accepts: [
    { text: table(['Task', 'Progress'], ['Export', '60']), expect: progress(60, 'Export') },
    { text: table(['仓库类型', '制品总数', '已迁移', '迁移完成度'], ['npm', '19,774', '9,120', '46.1%']), expect: progress(46.1, 'npm') },
  ],
  rejects: [],
  role(row, column, lx) {
    const h = headerOf(row, column);
    if (/^%$/.test(h)) return { role: 'progress', word: '%' };
    const word = lx.lists.progressColumns.find(h) ?? lx.lists.progressWords.find(h);
    return word ? { role: 'progress', word } : undefined;
  },
};

export const kpiColumn = byWord('kpi-column', 'a column headed by a KPI word (通过率, 可用性 …) holds operating figures', 'kpi', (lx) => lx.lists.kpiWords, {
  accepts: [{ text: table(['模块', '用例数', '通过率'], ['ODS 层', '320', '98.5%']), expect: kpi(98.5, 'ODS 层', '通过率') }],
  rejects: [],
});

/** Index columns (`序号`, `#`, `No.`): their numbers count rows, not work. */
const INDEX_HEADER = /^(?:序号|编号|#|no\.?|id|index)$/i;

/** Two count cells of the row (other than `column`) whose ratio is `value` (within rounding); the pair nearest the column wins. */
export function countsFor(row: Row, column: number, value: number): { done: number; total: number } | undefined {
  const counts: { at: number; n: number }[] = [];
  row.cells.forEach((c, i) => {
    if (i === column || INDEX_HEADER.test(headerOf(row, i))) return;
    const n = countOf(c);
    if (n !== undefined) counts.push({ at: i, n });
  });
  let best: { done: number; total: number; distance: number } | undefined;
  for (const d of counts) {
    for (const t of counts) {
      if (d === t || t.n <= 0 || d.n > t.n) continue;
      if (Math.abs((d.n / t.n) * 100 - value) > 0.6) continue;
      const distance = Math.abs(d.at - column) + Math.abs(t.at - column);
      if (!best || distance < best.distance) best = { done: d.n, total: t.n, distance };
    }
  }
  return best && { done: best.done, total: best.total };
}

/** The value a ratio cell states: `86%`, `0.72`, `1.00`. */
function ratioValue(cell: string): number | undefined {
  const t = cell.normalize('NFKC').replace(/\*+/g, '').trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]);
  const frac = /^(0(?:\.\d+)?|1(?:\.0+)?|0?\.\d+)$/.exec(t);
  return frac && t.includes('.') ? Number(frac[1]) * 100 : undefined;
}

export const ratioColumn: ColumnRule = {
  stage: 'column',
  name: 'ratio-column',
  description: 'a ratio column (占比, 比例, Ratio) beside count columns, or any percentage equal to done/total of two counts of its row, is progress',
  accepts: [
    { text: table(['系统', '总表数', '已迁移', '已迁移占比'], ['理赔系统', '1,204', '783', '65%']), expect: progress(65, '理赔系统', null, { done: 783, total: 1204 }) },
    { text: table(['Workstream', 'Apps in scope', 'Apps live', 'Share live'], ['Lending', '9', '6', '67%']), expect: progress(67, 'Lending', null, { done: 6, total: 9 }) },
  ],
  rejects: [{ text: table(['渠道', '订单数', '占比'], ['小程序', '1,200', '35%']), expect: ignored() }],
  role(row, column, lx) {
    const h = headerOf(row, column);
    const value = ratioValue(row.cells[column] ?? '');
    if (value === undefined) return undefined;
    if (countsFor(row, column, value)) return { role: 'progress', word: lx.lists.ratioColumns.find(h) };
    return undefined;
  },
};

export const stateColumn = byWord('state-column', "a state column (本周, This Week, Status, Value) holds this week's figure when the cell has a percent sign", 'state', (lx) => lx.lists.stateColumns, {
  accepts: [{ text: table(['Milestone', 'Last Week', 'This Week'], ['OTA A/B partitioning', '25%', '30%']), figure: '30%', expect: progress(30, 'OTA A/B partitioning', null, { prev: 25 }) }],
  rejects: [{ text: table(['Milestone', 'This Week'], ['OTA A/B partitioning', '30']), figure: '30', expect: none() }],
});

export const nameColumn = byWord('name-column', 'a column headed by a name word (项目, 模块, Milestone, Workstream …) names the row, wherever it stands', 'name', (lx) => lx.lists.nameColumns, {
  accepts: [{ text: table(['负责人', '项目', '进度'], ['张岚', '支付网关', '60%']), expect: progress(60, '支付网关') }],
  rejects: [],
});

export const attributeColumn: ColumnRule = {
  stage: 'column',
  name: 'attribute-column',
  description: "an attribute column (负责人, Owner, 部门, 状态, 备注, 阶段, dates) says something about the row but is never part of its name",
  accepts: [{ text: table(['项目', '部门', '阶段', '进度'], ['费控系统上线', '财务', '测试', '85%']), expect: progress(85, '费控系统上线') }],
  rejects: [{ text: table(['项目', '仓库', '进度'], ['支付网关', 'gateway-web', '40%']), expect: progress(40, '支付网关 gateway-web') }],
  role(row, column, lx) {
    const h = headerOf(row, column);
    const word = lx.lists.attributeColumns.is(h) ? h : (lx.lists.fieldLabels.is(h) ? h : lx.lists.attributeColumns.find(h));
    return word ? { role: 'attribute', word } : undefined;
  },
};

/** A header that says its bare numbers are percentages (`进度`, `完成率`, `%`, Progress). */
export const PERCENT_HEADER = /%|进度|完成度|完成率|完成比例|比例|占比|百分比|progress|completion|percent|pct/i;

/** Does a column say that its bare numbers are percentages: its header (or a configured word in it), or its neighbours? */
export function saysPercent(row: Row, column: number, lx: Lexicon): boolean {
  if (row.percent[column]) return true;
  const header = headerOf(row, column);
  if (PERCENT_HEADER.test(header)) return true;
  const lower = header.toLowerCase();
  for (const w of lx.configured) if (lower.includes(w)) return true;
  return false;
}

export const countColumn: ColumnRule = {
  stage: 'column',
  name: 'count-column',
  description: 'plain whole numbers in a column whose header and other cells do not say percent (`TODO | 39 | 41`), or under a count header (总数, 数量, #), are counts, never percentages',
  accepts: [
    { text: table(['状态', '上周', '本周'], ['TODO', '39', '41']), figure: '41', expect: none() },
    { text: table(['Item', 'Total', 'Done'], ['Tickets', '50', '41']), figure: '41', expect: none() },
  ],
  rejects: [{ text: table(['Task', 'Progress'], ['Export', '60']), figure: '60', expect: progress(60, 'Export') }],
  role(row, column, lx) {
    const h = headerOf(row, column);
    const word = lx.lists.countColumns.find(h);
    if (word && !saysPercent(row, column, lx)) return { role: 'count', word };
    return countOf(row.cells[column] ?? '') !== undefined && !saysPercent(row, column, lx) ? { role: 'count' } : undefined;
  },
};

/**
 * A cell of labelled figures only — `Model: 90%`, `Web 70% / 小程序 40%`, `iOS 80%；Android 60%` — is a figure cell
 * like a bare `85%`: each label names a part of the row's item. Short cells only (a sentence is prose).
 */
export function isLabelledFigureCell(cell: string): boolean {
  const t = cell.normalize('NFKC').trim();
  if (t.length > 80 || !/^[^\d\s]/u.test(t)) return false;
  return /^(?:[^\d%:;|/,，；、。.!?()（）]{1,24}[:：]?\s*\d+(?:\.\d+)?\s*%\s*(?:[/|｜;；,，、]\s*|$))+$/u.test(t);
}

export const measureColumn: ColumnRule = {
  stage: 'column',
  name: 'measure-column',
  description:
    'a column of percentages (or fractions of one) whose header is no other role — what is measured (`数据迁移`, `应用改造`), or a state of the work (`Rollout`, `Now`) — holds the progress of the row\'s work item; several such columns are one metric each',
  accepts: [
    { text: table(['Workstream', 'Owner', 'Rollout'], ['Checkout on web', '@lena', '85%']), expect: progress(85, 'Checkout on web') },
    { text: table(['系统', '数据迁移', '应用改造'], ['工单中心', '0.52', '0.61']), figure: '0.61', expect: progress(61, '工单中心', '应用改造') },
    { text: table(['Workstream', 'Lead', 'Rollout'], ['Fraud analytics', 'Wei', 'Model: 90%']), expect: progress(90, 'Fraud analytics', 'Model') },
    { text: table(['模块', '负责人', '交付'], ['会员中心', '王磊', 'Web 70% / 小程序 40%']), figure: '40%', expect: progress(40, '会员中心', '小程序') },
  ],
  rejects: [
    { text: table(['渠道', '订单数', '占比'], ['小程序', '1,200', '35%']), expect: ignored() },
    { text: table(['指标', '本月'], ['支付成功率', '99.2%']), expect: kpi(99.2, '支付成功率') },
  ],
  role(row, column, lx) {
    if (!row.percent[column] && !row.fractions?.[column]) return undefined;
    // The cell is a figure (`85%`, `0.61`, `~40%（灰度）`) or labelled figures (`Model: 90%`), not a sentence that
    // holds one (`KR1 存储成本下降 20%`).
    const cell = row.cells[column] ?? '';
    if (!/^[\s*_]*[~≈约>]?\s*\d/u.test(cell.normalize('NFKC')) && !isLabelledFigureCell(cell)) return undefined;
    const h = headerOf(row, column);
    if (!h.trim() || /^[\d\s.%-]+$/.test(h)) return undefined;
    const lists = lx.lists;
    if (lists.ratioColumns.find(h) || lists.ignoreWords.find(h) || lists.growthWords.find(h) || lists.targetWords.find(h) || lists.kpiWords.find(h) || lists.countColumns.find(h)) return undefined;
    return { role: 'progress', word: h };
  },
};
