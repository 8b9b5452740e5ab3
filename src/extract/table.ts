// Table rows through the rules: column roles, the row's key name, then each figure cell decided; prose cells go to the line rules.

import type { Block, Observation } from '../model/types.js';
import type { CellFacts, CellFigure, ColumnInfo, LineContext, RowFacts } from './facts.js';
import type { Lexicon } from './lexicon.js';
import { cleanName, isNameLike } from './names.js';
import { readLine, roundPercent, type Outcome } from './prose.js';
import { CELL_RULES, COLUMN_RULES, ROW_RULES } from './rules/table/index.js';
import type { Decision, TableRow } from './rules/types.js';
import { countsFor, saysPercent } from './rules/table/columns.js';
import { normalize, scanPercents, written } from './text.js';
import { dueOfCell } from './due.js';

/** Separators between labelled figures in one cell: `Web 70% / 小程序 40%`, `前端 60%；后端 75%`. */
const CELL_SEPARATORS = /^[\s/|｜;；,，、:]+|[\s/|｜;；,，、:]+$/gu;

/** The figures of one cell: every `NN%` with the words before it; a bare number only under a header that says percent. */
function cellFigures(cell: string, info: ColumnInfo): CellFigure[] {
  const t = normalize(cell);
  const ms = scanPercents(t.norm);
  if (ms.length) {
    return ms.map((m, k) => ({
      value: m.value,
      match: written(t, m.start, m.end),
      digits: m.digits,
      start: m.start,
      end: m.end,
      label: t.norm.slice(k > 0 ? ms[k - 1]!.end : 0, m.start).replace(/[~≈约>]\s*$/u, '').replace(CELL_SEPARATORS, '').trim(),
      fromFraction: false,
      sign: m.sign,
    }));
  }
  if (!info.bareIsPercent) return [];
  const bare = /^\s*[~≈约>]?\s*(\d+(?:\.\d+)?)\s*$/u.exec(t.norm);
  if (!bare) return [];
  const digits = bare[1]!;
  // `0.72` in a column whose header says percent is a fraction of one: 72%. Under a header that does not
  // (`数值`, the other rows written with %), a bare decimal below 1 is no telling: not read.
  const fromFraction = (digits.includes('.') || info.fraction === true) && Number(digits) <= 1;
  if (fromFraction && !info.explicit) return [];
  return [{ value: fromFraction ? Number(digits) * 100 : Number(digits), match: cell.trim(), digits, start: 0, end: t.norm.length, label: '', fromFraction, sign: '' }];
}

/** Several figures in one cell, each with a name-like label of its own: one metric each. */
function oneLabelled(cell: string, f: CellFigure, lx: Lexicon): boolean {
  const label = f.label.trim();
  if (!label || !isNameLike(label) || lx.lists.progressWords.find(label) || lx.lists.stateColumns.find(label)) return false;
  return /^[^:：\d]{1,24}[:：]\s*[~≈约]?\s*\d/u.test(cell.normalize('NFKC').trim());
}

function labelled(figures: CellFigure[]): boolean {
  return figures.length > 1 && figures.every((f) => f.label !== '' && isNameLike(f.label));
}

function columnInfo(row: TableRow, column: number, lx: Lexicon): ColumnInfo {
  const explicit = saysPercent({ ...row, percent: [] }, column, lx);
  const bareIsPercent = explicit || saysPercent(row, column, lx);
  for (const rule of COLUMN_RULES) {
    const r = rule.role(row, column, lx);
    if (r) {
      const ratio = rule.name === 'ratio-column' || (rule.name === 'measure-column' && row.fractions?.[column] === true);
      return { role: r.role, rule: rule.name, ...(r.word ? { word: r.word } : {}), explicit: explicit || ratio || rule.name === 'progress-column', bareIsPercent: bareIsPercent || ratio };
    }
  }
  return { role: 'other', rule: 'other', explicit, bareIsPercent };
}

/** Which columns of a table (its consecutive rows) are mostly written with `%`: a bare number there is a percentage too. */
export function percentColumns(rows: readonly Block[]): boolean[] {
  const width = Math.max(0, ...rows.map((r) => r.cells?.length ?? 0));
  const out: boolean[] = [];
  for (let c = 0; c < width; c++) {
    let filled = 0;
    let percent = 0;
    for (const r of rows) {
      const cell = (r.cells?.[c] ?? '').trim();
      if (!cell || /^[-–—/]+$|^n\/?a$/i.test(cell)) continue;
      filled++;
      if (/[%％﹪]/u.test(cell)) percent++;
    }
    out.push(percent > 0 && percent * 2 >= filled);
  }
  return out;
}

/**
 * Which columns of a table are written as fractions of one (`0.92`, `0.40`, `1`): every filled cell a number from
 * 0 to 1 (or a percentage, `100%`) and at least one with a decimal point. A bare `1` or `0` there is 100% or 0%, as its neighbours show.
 */
export function fractionColumns(rows: readonly Block[]): boolean[] {
  const width = Math.max(0, ...rows.map((r) => r.cells?.length ?? 0));
  const out: boolean[] = [];
  for (let c = 0; c < width; c++) {
    let decimals = 0;
    let ok = true;
    for (const r of rows) {
      const cell = (r.cells?.[c] ?? '').normalize('NFKC').replace(/\*+/g, '').trim();
      // A cell written with `%` among them (`100%`) says the same in other words.
      if (!cell || /^[-–—/]+$|^n\/?a$/i.test(cell) || /^\d+(?:\.\d+)?\s*%$/.test(cell)) continue;
      if (!/^(?:0|1)(?:\.\d+)?$|^\.\d+$/.test(cell) || Number(cell) > 1) {
        ok = false;
        break;
      }
      if (cell.includes('.')) decimals++;
    }
    out.push(ok && decimals > 0);
  }
  return out;
}

/**
 * What a progress column's header measures, with its progress words taken away (`数据迁移完成比例` → `数据迁移`,
 * `进度 开发` → `开发`, `Backend %` → `Backend`); '' when nothing of its own is left (`进度`, `本周进度`, `总进度`).
 */
function headerMetric(header: string, lx: Lexicon): string {
  let t = header.normalize('NFKC').replace(/[*_`]/g, '');
  for (const w of [...lx.lists.progressColumns.byLength, ...lx.lists.progressWords.byLength]) {
    const at = t.toLowerCase().indexOf(w.toLowerCase());
    if (at >= 0) t = `${t.slice(0, at)} ${t.slice(at + w.length)}`;
  }
  t = t.replace(/[%％()（）\[\]:：/|-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  if (!t || lx.lists.fillerWords.is(t) || lx.lists.stateColumns.is(t) || lx.lists.totalRows.is(t) || lx.lists.genericNames.is(t) || lx.lists.prevColumns.is(t)) return '';
  return t;
}

/** `合计`, `加权合计`, `Total`: a row derived from the rows above. */
function totalWord(cells: readonly string[], keyColumns: number[], lx: Lexicon): string | undefined {
  for (const i of keyColumns.length ? keyColumns : cells.map((_, k) => k)) {
    const c = (cells[i] ?? '').normalize('NFKC').replace(/\*+/g, '').trim().toLowerCase();
    if (!c) continue;
    const w = lx.lists.totalRows.lower.find((t) => c === t || (/^\P{Script=Latin}+$/u.test(t) && c.endsWith(t) && c.length <= t.length + 4));
    if (w) return w;
  }
  return undefined;
}

/** The figure kept as context (`prev`, `planned`) for a current figure: the same label, else the cell's only figure. */
function contextFigure(figures: CellFigure[], label: string): number | undefined {
  const f = (label ? figures.find((x) => x.label === label) : undefined) ?? (figures.length === 1 ? figures[0] : undefined);
  return f && Number.isFinite(f.value) && f.value >= 0 && f.value <= 100 ? roundPercent(f.value).value : undefined;
}

/** Reads one table row (a `row` block); `percent` says which columns of its table are mostly written with `%`. */
export function readRow(block: Block, ctx: LineContext, lx: Lexicon, percent: readonly boolean[] = [], fractions: readonly boolean[] = []): Outcome[] {
  const header = block.header ?? [];
  const cells = block.cells ?? [];
  const line = block.line;
  const text = block.text.trim();
  const tableRow: TableRow = { header, cells, percent, fractions, reportDate: ctx.reportDate, reportWeek: ctx.reportWeek ?? null };
  // A note spanning the whole table (`<td colspan="6">注：…</td>`): every cell holds the same text.
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  const note = cells.length > 2 && filled.length === cells.length && filled.every((c) => c === filled[0]);
  const columns = cells.map((_, i) => ({ ...columnInfo(tableRow, i, lx), ...(fractions[i] ? { fraction: true } : {}) }));
  const row: RowFacts = { block, ctx, header, cells, columns, key: { name: '', columns: [], rule: '' }, current: -1, total: undefined, kpiRow: undefined, counts: undefined, rules: [], note, metricColumns: new Map() };
  if (note) {
    // Its figures are explanations (rule note-row), read once from the first cell.
    const info: ColumnInfo = { role: 'other', rule: 'other', explicit: false, bareIsPercent: false };
    return cellFigures(cells[0]!, info).map((figure) => decideCell({ row, column: 0, info, figure, metric: null, firstOfRow: false }, text, lx));
  }
  for (const rule of ROW_RULES) {
    const k = rule.key(row, lx);
    if (k) {
      row.key = { ...k, rule: rule.name };
      break;
    }
  }
  row.rules = [...new Set(columns.map((c) => c.rule).filter((r) => r !== 'other'))];
  const figures = cells.map((c, i) => cellFigures(c, columns[i]!));
  // The current figure: the actual column, else the first progress column with a figure in this row (a header that
  // says progress before one that only says state), else the first progress column.
  const actual = columns.findIndex((c) => c.role === 'actual');
  const candidates = columns
    .map((_, i) => i)
    .filter((i) => (columns[i]!.role === 'progress' || columns[i]!.role === 'state') && figures[i]!.length > 0)
    .sort((a, b) => Number(columns[b]!.explicit) - Number(columns[a]!.explicit) || a - b);
  row.current = actual >= 0 ? actual : (candidates[0] ?? columns.findIndex((c) => c.role === 'progress'));
  // Several progress columns, each headed by what it measures: one metric each (rule second-progress-column says so).
  const measured = columns.map((_, i) => i).filter((i) => columns[i]!.role === 'progress' && figures[i]!.length > 0);
  if (actual < 0 && measured.length > 1) {
    const names = measured.map((i) => headerMetric(header[i] ?? '', lx));
    if (names.every(Boolean) && new Set(names).size === names.length) measured.forEach((i, k) => row.metricColumns.set(i, names[k]!));
  }
  row.total = totalWord(cells, row.key.columns, lx);
  const keyHeader = (header[row.key.columns[0] ?? -1] ?? '').normalize('NFKC');
  row.kpiRow =
    lx.lists.kpiWords.find(row.key.name.normalize('NFKC')) ??
    (ctx.kpiSection ? 'listed under a metrics heading' : undefined) ??
    (lx.lists.kpiSections.find(keyHeader) ? `a ${keyHeader} column` : undefined);
  // Two counts of the row that the current figure is the ratio of (`| 14 | 12 | 86% |`) are its done/total.
  if (row.current >= 0) {
    const f = figures[row.current]![0];
    if (f) row.counts = countsFor(tableRow, row.current, f.value);
  }

  const out: Outcome[] = [];
  let firstOfRow = true;
  cells.forEach((cell, i) => {
    const info = columns[i]!;
    let fs = figures[i]!;
    const figureRole = info.role !== 'other' && info.role !== 'name' && info.role !== 'attribute' && info.role !== 'count';
    // A cell that is just a figure, in a row of operating figures, is one of them whatever its header.
    const bareKpi = !figureRole && row.kpiRow !== undefined && fs.length === 1 && fs[0]!.label === '' && !/\p{L}/u.test(cell);
    if (!figureRole && !bareKpi) {
      if (row.key.columns.includes(i) || !/[%％﹪]/u.test(cell)) return;
      // Prose in a cell (`前端进度60%`): the line rules, with the row's name as its parent.
      const inner = readLine(cell, line, ctx.withParent(row.key.name), lx);
      for (const o of inner) if (o.observation) o.observation.text = text;
      out.push(...inner);
      return;
    }
    if (!fs.length) return;
    // One figure labelled before a colon in a figure column (`Model: 90%`) is that part of the row's item.
    const one = fs.length === 1 && figureRole && oneLabelled(cell, fs[0]!, lx);
    const several = labelled(fs) || one;
    if (!several) fs = [fs[0]!];
    const context = info.role === 'prev' || info.role === 'planned' || info.role === 'due' || info.role === 'change' || info.role === 'ignored' || info.role === 'history';
    for (const figure of fs) {
      const metric = several ? cleanName(figure.label, lx) || figure.label : (row.metricColumns.get(i) ?? null);
      const c: CellFacts = { row, column: i, info, figure, metric, firstOfRow: firstOfRow && !context };
      if (!context) firstOfRow = false;
      out.push(decideCell(c, text, lx));
    }
  });
  return out;
}

/**
 * When no cell rule decided: the column's role does, and `check` names the column rule that gave the role. Context
 * columns (last week, plan, change, ignored) are kept on the row's figure; a KPI column gives a KPI; the current
 * column the row's progress.
 */
function byColumn(c: CellFacts): Decision {
  const { role, rule, word } = c.info;
  const w = word ? { word } : {};
  switch (role) {
    case 'prev':
      return { verdict: 'ignored', reason: "last week's column (kept as prev)", rule, ...w };
    case 'planned':
      return { verdict: 'ignored', reason: 'the planned column (kept as planned)', rule, ...w };
    case 'due':
      return { verdict: 'ignored', reason: 'a due-date column', rule, ...w };
    case 'change':
      return { verdict: 'ignored', reason: 'a change column, not a level', rule, ...w };
    case 'ignored':
      return { verdict: 'ignored', reason: `"${word}" column is on the ignore list`, rule, ...w };
    case 'history':
      return { verdict: 'ignored', reason: "another week's column of a week-by-week grid: history, not this report's figure", rule, ...w };
    case 'kpi':
      return { verdict: 'kpi', reason: 'a KPI column', rule, ...w };
    case 'progress':
    case 'actual':
    case 'state':
      return { verdict: 'progress', rule, ...w };
    default:
      return { verdict: 'ignored', reason: 'not in a figure column', rule };
  }
}

function decideCell(c: CellFacts, text: string, lx: Lexicon): Outcome {
  const { row, figure } = c;
  const line = row.block.line;
  const res: Outcome = { finding: { line, match: figure.match, verdict: 'ignored' }, warnings: [], segment: 0 };
  let d: Decision | undefined;
  let rule = '';
  for (const r of CELL_RULES) {
    d = r.decide(c, lx);
    if (d) {
      rule = d.rule ?? r.name;
      break;
    }
  }
  if (!d) {
    d = byColumn(c);
    rule = d.rule!;
  }
  const finding = res.finding;
  finding.rule = rule;
  finding.context = row.rules;
  if (d.word) finding.word = d.word;
  if (d.word && lx.configured.has(d.word.toLowerCase())) finding.configured = true;
  if (figure.fromFraction) finding.notes = [`${figure.match} in a column that says percent, read as ${roundPercent(figure.value).value}%`];
  if (d.reason) finding.reason = d.reason;
  if (d.warning) res.warnings.push({ line, message: d.warning });
  if (d.verdict === 'ignored') return res;

  const kind = d.verdict;
  const { value, rounded } = roundPercent(figure.value);
  if (rounded) res.warnings.push({ line, message: `${figure.match} has more than 4 decimals; kept as ${value}%` });
  const metric = kind === 'kpi' && c.info.role === 'kpi' ? cleanName(row.header[c.column] ?? '', lx) || null : c.metric;
  const project = row.key.name;
  const obs: Observation = { project, metric, percent: value, kind, line, section: [...row.ctx.headings], text };
  const fr = /^\s*\(?\s*(\d+)\s*\/\s*(\d+)\s*\)?/u.exec(normalize(row.cells[c.column] ?? '').norm.slice(figure.end));
  if (fr) {
    obs.done = Number(fr[1]);
    obs.total = Number(fr[2]);
  } else if (row.counts && c.column === row.current) {
    obs.done = row.counts.done;
    obs.total = row.counts.total;
  }
  if (kind === 'progress') {
    const prevAt = row.columns.findIndex((x) => x.role === 'prev');
    const plannedAt = row.columns.findIndex((x) => x.role === 'planned');
    const label = figure.label;
    const prev = prevAt >= 0 ? contextFigure(cellFigures(row.cells[prevAt] ?? '', row.columns[prevAt]!), label) : undefined;
    const planned = plannedAt >= 0 ? contextFigure(cellFigures(row.cells[plannedAt] ?? '', row.columns[plannedAt]!), label) : undefined;
    if (prev !== undefined) obs.prev = prev;
    if (planned !== undefined) obs.planned = planned;
    const dueAt = row.columns.findIndex((x) => x.role === 'due');
    const due = dueAt >= 0 ? dueOfCell(row.cells[dueAt] ?? '', row.ctx.reportDate) : null;
    if (due) {
      obs.due = due.date;
      finding.due = due.date;
      finding.dueText = `${row.header[dueAt] ?? ''}: ${due.text}`;
    }
  }
  finding.verdict = kind;
  finding.naming = c.metric ? 'row-key:cell-label' : row.key.rule;
  finding.project = project;
  finding.metric = metric;
  finding.percent = value;
  if (kind === 'kpi' && !finding.reason) finding.reason = 'a KPI column';
  res.observation = obs;
  return res;
}
