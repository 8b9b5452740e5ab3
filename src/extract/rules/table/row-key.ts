// Rule row-key: a row is named by its key columns — the name column, else the first text column, joined with the text columns after it.

import { cleanName } from '../../names.js';
import { CELL_BREAK } from '../../../model/types.js';
import { progress } from '../expect.js';
import type { RowRule } from '../types.js';
import { table } from './header.js';

/** Group headers (`部门`, `Department`, `Team`): an owner beside an item's name, but the item itself when the table leads with it. */
const GROUP = /^\s*(?:部门|团队|小组|科室|team|department|dept|unit|ward)\s*$/iu;

/** Only digits, signs and punctuation (`3`, `1,204`, `—`, `⇄`): no name. */
function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** A cell without emoji, marks and edge punctuation, for comparing with a word list (`✅ shipped` → `shipped`). */
function cleanCell(s: string): string {
  return s.replace(/[\p{Extended_Pictographic}\uFE0F*_~`【】[\]()（）]/gu, ' ').replace(/\s+/g, ' ').trim();
}

export const rowKey: RowRule = {
  stage: 'row',
  name: 'row-key',
  description:
    'a row is named by its key columns: from the name column (项目, Milestone …; else the first text column) on, every text column up to the first figure, count or attribute column (owner, status, notes), joined',
  accepts: [
    { text: table(['项目', '仓库', '进度'], ['支付网关', 'gateway-api', '60%'], ['支付网关', 'gateway-web', '40%']), figure: '40%', expect: progress(40, '支付网关 gateway-web') },
    { text: table(['#', 'Workstream', 'Owner', 'Migrated'], ['1', 'Retail deposits', 'A. Lindqvist', '86%']), expect: progress(86, 'Retail deposits') },
    // Last week's state (`on hold`) is no part of the name.
    { text: table(['Milestone', 'Last Week', 'This Week'], ['Energy report sync', 'on hold', '45%']), expect: progress(45, 'Energy report sync') },
    { text: table(['Department', 'Go-live', 'Completion', 'RAG'], ['Emergency Department', '02 Dec', '90%', 'Green']), expect: progress(90, 'Emergency Department') },
  ],
  rejects: [],
  key(row, lx) {
    const { cells, columns } = row;
    // A text column: its role says so, or a context column whose cell holds words and no figure (`| 目标 | … |` of OKRs).
    const text = (i: number): boolean => {
      const role = columns[i]!.role;
      const cell = cells[i] ?? '';
      if (role === 'other' || role === 'name') return true;
      // …but not a state remark such as last week's `on hold` or `暂停` (status words are never names).
      const remark = lx.lists.statusWords.lowerSet.has(cleanCell(cell).toLowerCase());
      return (role === 'planned' || role === 'prev') && hasLetters(cell) && !/[%％\d]/u.test(cell) && !remark;
    };
    let start = columns.findIndex((c, i) => c.role === 'name' && hasLetters(cells[i] ?? ''));
    if (start < 0) start = cells.findIndex((c, i) => text(i) && hasLetters(c));
    // A table that leads with a group and has no other text column (`| Department | Go-live | Completion |`): the group is the item.
    if (start < 0 && columns[0]?.role === 'attribute' && GROUP.test(row.header[0] ?? '') && hasLetters(cells[0] ?? '')) start = 0;
    if (start < 0) return undefined;
    const keys = [start];
    for (let i = start + 1; i < cells.length; i++) {
      // A cell holding a percentage is a figure, never part of the name (an HTML cell spanning the platform and
      // progress columns, `<td colspan="2">Web 65% / 小程序 30%</td>`, stands in both).
      if (!text(i) || !(row.header[i] ?? '').trim() || /\d\s*[%％]/u.test(cells[i] ?? '')) break;
      if (hasLetters(cells[i] ?? '')) keys.push(i);
    }
    // A line break inside a name cell (`Search<br>revamp`) is a space in the name.
    const parts = keys.map((i) => cleanName((cells[i] ?? '').split(CELL_BREAK).join(' '), lx)).filter(Boolean);
    // One project written in every row part (`〃`, a repeated group cell) names nothing new: keep the parts once.
    const name = [...new Set(parts)].join(' ');
    return name ? { name, columns: keys } : undefined;
  },
};
