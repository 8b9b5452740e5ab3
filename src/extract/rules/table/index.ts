// The table rules in running order: column roles (first role wins), row names (first name wins), cell decisions (first decision wins).

import type { CellRule, ColumnRule, RowRule } from '../types.js';
import { cellRange, ignoredTable, kpiRow, noteRow, secondProgressColumn, totalRow, unnamedRow } from './cells.js';
import {
  actualColumn,
  attributeColumn,
  changeColumn,
  countColumn,
  dueColumn,
  ignoreColumn,
  kpiColumn,
  measureColumn,
  nameColumn,
  plannedColumn,
  prevColumn,
  progressColumn,
  ratioColumn,
  stateColumn,
} from './columns.js';
import { rowKey } from './row-key.js';
import { weekColumn } from './week-grid.js';

export const COLUMN_RULES: readonly ColumnRule[] = [
  ignoreColumn,
  weekColumn,
  prevColumn,
  dueColumn,
  plannedColumn,
  changeColumn,
  actualColumn,
  countColumn,
  progressColumn,
  kpiColumn,
  ratioColumn,
  stateColumn,
  nameColumn,
  attributeColumn,
  measureColumn,
];

export const ROW_RULES: readonly RowRule[] = [rowKey];

/** After these, the figure's column decides (named by its column rule): see `byColumn` in src/extract/table.ts. */
export const CELL_RULES: readonly CellRule[] = [noteRow, ignoredTable, secondProgressColumn, cellRange, totalRow, unnamedRow, kpiRow];
