// Markdown table rows: one observation per row, named by its first text column, current figure from the progress column.

import type { Block, Observation } from '../model/types.js';
import { cleanName } from './names.js';
import { readLine, roundPercent, type LineContext, type Outcome } from './line.js';
import { findWord, normalize, scanPercents, written } from './text.js';
import type { Vocabulary } from './vocabulary.js';

type Role = 'prev' | 'planned' | 'actual' | 'progress' | 'kpi' | 'other';

/** Headers that name progress outright (not merely a state column). */
const EXPLICIT_PROGRESS = /进度|完成|progress|complete|done/i;

function roleOf(header: string, vocab: Vocabulary): Role {
  const h = header.normalize('NFKC');
  if (findWord(h, vocab.prevColumns)) return 'prev';
  if (findWord(h, vocab.plannedColumns)) return 'planned';
  if (findWord(h, vocab.actualColumns)) return 'actual';
  if (findWord(h, vocab.progressColumns) || /^\s*%\s*$/.test(h)) return 'progress';
  if (findWord(h, vocab.kpiWords)) return 'kpi';
  return 'other';
}

/** A cell's figure: `60%`, `**60%**` (markup already gone), or a bare number in a figure column. */
function cellFigure(cell: string, figureColumn: boolean): { value: number; match: string; digits: string; end: number; norm: string } | null {
  const t = normalize(cell);
  const ms = scanPercents(t.norm);
  if (ms.length) {
    const m = ms[0]!;
    return { value: m.value, match: written(t, m.start, m.end), digits: m.digits, end: m.end, norm: t.norm };
  }
  const bare = /^\s*[~≈约>]?\s*(\d+(?:\.\d+)?)\s*$/u.exec(t.norm);
  if (figureColumn && bare) return { value: Number(bare[1]), match: cell.trim(), digits: bare[1]!, end: t.norm.length, norm: t.norm };
  return null;
}

function isNumeric(s: string): boolean {
  return /^[\s\d.,%/+\-~≈约()]*$/u.test(s.normalize('NFKC'));
}

/** Reads one table row (a `row` block). */
export function readRow(block: Block, ctx: LineContext, vocab: Vocabulary): Outcome[] {
  const header = block.header ?? [];
  const cells = block.cells ?? [];
  const line = block.line;
  const roles = cells.map((_, i) => roleOf(header[i] ?? '', vocab));
  const out: Outcome[] = [];
  const text = block.text.trim();

  let nameCol = header.findIndex((h, i) => roles[i] === 'other' && findWord(h.normalize('NFKC'), vocab.nameColumns) !== undefined);
  if (nameCol < 0) nameCol = cells.findIndex((c, i) => roles[i] === 'other' && c.trim() !== '' && !isNumeric(c));
  const name = nameCol >= 0 ? cleanName(cells[nameCol] ?? '', vocab) : '';
  // The current figure: the actual column, else the first progress column with a figure in this row,
  // a header that says progress (`进度`) before one that only says state (`状态`, `Status`).
  const explicit = (i: number) => EXPLICIT_PROGRESS.test(header[i] ?? '');
  const candidates = roles
    .map((r, i) => i)
    .filter((i) => roles[i] === 'progress' && cellFigure(cells[i] ?? '', true) !== null)
    .sort((a, b) => Number(explicit(b)) - Number(explicit(a)) || a - b);
  const current = roles.indexOf('actual') >= 0 ? roles.indexOf('actual') : (candidates[0] ?? roles.indexOf('progress'));
  // `| 合计 | | 62% |`: a total is derived from the rows above, not an item of its own.
  const totalRow = cells.some((c, i) => i !== current && vocab.totalRows.some((w) => c.normalize('NFKC').trim().toLowerCase() === w.toLowerCase()));
  const figureAt = (role: Role): number | undefined => {
    const i = roles.indexOf(role);
    if (i < 0) return undefined;
    const f = cellFigure(cells[i] ?? '', true);
    return f && Number.isFinite(f.value) && f.value >= 0 && f.value <= 100 ? roundPercent(f.value).value : undefined;
  };

  cells.forEach((cell, i) => {
    const role = roles[i]!;
    const figureColumn = role !== 'other' && role !== 'kpi' && /%|进度|完成|progress|complete|week|周/i.test(header[i] ?? '');
    if (role === 'other') {
      if (i === nameCol || !cell.includes('%') && !cell.includes('％')) return;
      // A column of confidence, probability or the like (`信心指数`): its figures are no measure.
      const ignoredBy = findWord((header[i] ?? '').normalize('NFKC'), vocab.ignoreWords);
      if (ignoredBy) {
        const f = cellFigure(cell, false);
        if (f) out.push({ finding: { line, match: f.match, verdict: 'ignored', reason: `"${ignoredBy}" column is on the ignore list` }, warnings: [], segment: 0 });
        return;
      }
      // Prose in a cell (`前端进度60%`): the line grammar, with the row's name as its parent.
      const inner = readLine(cell, line, { ...ctx, kind: 'paragraph', parents: name ? [...ctx.parents, name] : ctx.parents }, vocab);
      for (const o of inner) if (o.observation) o.observation.text = text;
      out.push(...inner);
      return;
    }
    const f = cellFigure(cell, figureColumn);
    if (!f) return;
    const res: Outcome = { finding: { line, match: f.match, verdict: 'ignored' }, warnings: [], segment: 0 };
    out.push(res);
    if (ctx.ignoredSection) return void (res.finding.reason = `in section "${ctx.ignoredSection}"`);
    if (role === 'prev' || role === 'planned') {
      res.finding.reason = `${role === 'prev' ? "last week's" : 'the planned'} column (kept as ${role})`;
      return;
    }
    if ((role === 'progress' || role === 'actual') && i !== current) {
      res.finding.reason = 'a second progress column (the first one is taken)';
      return;
    }
    if (!Number.isFinite(f.value) || f.value < 0 || f.value > 100) {
      res.finding.reason = 'outside 0–100';
      res.warnings.push({ line, message: `${f.match} is outside 0–100; not taken` });
      return;
    }
    if (totalRow) {
      res.finding.reason = 'a total row (derived from the rows above)';
      return;
    }
    if (!name) {
      res.finding.reason = 'the row has no name column';
      res.warnings.push({ line, message: `${f.match}: table row without a name; ignored` });
      return;
    }
    // A row naming a rate (支付成功率), or a table under a metrics heading without a progress header, holds KPIs.
    // A column headed `完成度`/`进度` says progress whatever the row is called (`KR2 机器利用率提升至60%`).
    const kpiRow =
      !explicit(i) &&
      (findWord(name.normalize('NFKC'), vocab.kpiWords) !== undefined ||
        ctx.headings.some((h) => findWord(h.normalize('NFKC'), vocab.kpiSections) !== undefined));
    const kind = role === 'kpi' || kpiRow ? 'kpi' : 'progress';
    const { value, rounded } = roundPercent(f.value);
    if (rounded) res.warnings.push({ line, message: `${f.match} has more than 4 decimals; kept as ${value}%` });
    const metric = role === 'kpi' ? cleanName(header[i] ?? '', vocab) || null : null;
    const obs: Observation = { project: name, metric, percent: value, kind, line, section: [...ctx.headings], text };
    const fr = /^\s*\(?\s*(\d+)\s*\/\s*(\d+)\s*\)?/u.exec(f.norm.slice(f.end));
    if (fr) {
      obs.done = Number(fr[1]);
      obs.total = Number(fr[2]);
      const exact = obs.total > 0 ? (obs.done / obs.total) * 100 : NaN;
      const decimals = (f.digits.split('.')[1] ?? '').length;
      if (!(Math.abs(exact - value) <= 10 ** -decimals + 1e-9)) {
        res.warnings.push({ line, message: `${f.match} disagrees with ${obs.done}/${obs.total}; kept ${value}% as written, check the report` });
      }
    }
    if (kind === 'progress') {
      const prev = figureAt('prev');
      const planned = figureAt('planned');
      if (prev !== undefined) obs.prev = prev;
      if (planned !== undefined) obs.planned = planned;
    }
    res.finding = { line, match: f.match, verdict: kind, project: name, metric, percent: value, ...(kind === 'kpi' ? { reason: role === 'kpi' ? 'a KPI column' : 'an operating figure (row or section names a rate)' } : {}) };
    res.observation = obs;
  });
  return out;
}
