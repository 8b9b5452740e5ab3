// The `check` report: per file, every percentage seen and what the extractor made of it.

import type { Finding, Statement, Warning } from '../model/types.js';
import { table, type Column, type Doc, type ReportType } from './doc.js';
import { fmtPct } from './format.js';
import type { Words } from './words.js';

export interface CheckFile {
  file: string;
  week: string | null;
  date: string | null;
  findings: Finding[];
  /** Completions, pauses, cancellations and renames stated in words (candidates: they count where the history tracks the item). */
  statements?: Statement[];
  warnings: Warning[];
}

export interface CheckData {
  files: CheckFile[];
}

/** `项目 / 前端 = 50` for progress and kpi, the reason for ignored ones; notes (a fraction read as a percentage) after; in the reader's language. */
function what(f: Finding, w: Words): string {
  const notes = f.notes?.length ? ` [${f.notes.map(w.message).join('; ')}]` : '';
  const reason = f.reason === undefined ? undefined : w.message(f.reason);
  if (f.verdict === 'ignored') return `${reason ?? ''}${notes}`;
  const name = f.metric ? `${f.project ?? ''} / ${f.metric}` : (f.project ?? '');
  const why = reason ? w.aside(reason) : '';
  const due = f.due ? w.checkDue(f.due, f.dueText ?? f.due) : '';
  return `${name}${f.percent !== undefined ? ` = ${fmtPct(f.percent)}` : ''}${due}${why}${notes}`;
}

type Row = Finding & { file: string };

/**
 * The rule that decided, with its word (`progress-word "进度"`, `(configured)` when the word came from the user's
 * configuration), then the rule that named the figure: `progress-word "进度" · own-name`.
 */
function ruleOf(f: Finding, w: Words): string {
  const word = f.word ? ` "${f.word}"${f.configured ? w.configuredMark : ''}` : '';
  const direction = f.direction ? `${f.direction.rule} "${f.direction.word}"` : '';
  return [`${f.rule ?? ''}${word}`, f.naming ?? '', direction].filter(Boolean).join(' · ');
}

const verdictWord = (r: Row, w: Words) => w.verdicts[r.verdict] ?? r.verdict;

const COLUMNS: readonly Column<Row>[] = [
  { key: 'file', label: 'file', value: (r) => r.file, only: 'data' },
  { key: 'line', label: 'line', align: 'right', value: (r) => r.line },
  { key: 'match', label: 'match', value: (r) => r.match },
  { key: 'verdict', label: 'verdict', value: (r) => r.verdict, show: (r, w) => verdictWord(r, w), worded: verdictWord },
  { key: 'explanation', label: 'explanation', value: () => null, show: what, only: 'display' },
  { key: 'project', label: 'project', value: (r) => r.project, only: 'data' },
  { key: 'metric', label: 'metric', value: (r) => r.metric, only: 'data' },
  { key: 'percent', label: 'percent', value: (r) => r.percent, only: 'data' },
  { key: 'reason', label: 'reason', value: (r) => r.reason, worded: (r, w) => (r.reason === undefined ? r.reason : w.message(r.reason)), only: 'data' },
  { key: 'due', label: 'due', value: (r) => r.due, only: 'data' },
  { key: 'decided', label: 'rule', value: () => null, show: ruleOf, only: 'display' },
  { key: 'rule', label: 'rule', value: (r) => r.rule, only: 'data' },
  { key: 'word', label: 'word', value: (r) => r.word, only: 'data' },
  { key: 'configured', label: 'configured', value: (r) => (r.configured ? 'yes' : ''), worded: (r, w) => (r.configured ? w.yes : ''), only: 'data' },
  { key: 'naming', label: 'naming', value: (r) => r.naming, only: 'data' },
  { key: 'notes', label: 'notes', value: (r) => r.notes?.join('; '), worded: (r, w) => r.notes?.map(w.message).join('; '), only: 'data' },
];

/** `renamed` reads `资金清分平台 → 清结算中心`; the others list the names they may be about. */
const STATED: readonly Column<Statement>[] = [
  { key: 'line', label: 'line', align: 'right', value: (s) => s.line },
  { key: 'stated', label: 'stated', value: (s) => s.kind, show: (s, w) => w.statements[s.kind] ?? s.kind, worded: (s, w) => w.statements[s.kind] ?? s.kind },
  { key: 'words', label: 'words', value: (s) => s.phrase },
  { key: 'about', label: 'about', value: (s) => (s.kind === 'renamed' ? `${s.formerly ?? ''} → ${s.subjects[0] ?? ''}` : s.subjects.join(' / ')) },
  { key: 'rule', label: 'rule', value: (s) => s.rule },
];

function fileTitle(f: CheckFile, w: Words): string {
  const when = [f.week ?? w.weekUnknown, f.date].filter(Boolean).join(', ');
  return `${f.file} (${when})`;
}

function checkDoc(d: CheckData, w: Words): Doc {
  const blocks: Doc['blocks'] = [];
  for (const f of d.files) {
    const rows = f.findings.map((x) => ({ ...x, file: f.file }));
    blocks.push({ kind: 'heading', text: fileTitle(f, w) }, table(COLUMNS, rows, { empty: w.noPercentages, rowStatus: (r: Row) => r.verdict }));
    if (f.statements?.length) blocks.push({ kind: 'heading', text: w.statedSection, level: 3 }, table(STATED, f.statements));
    if (f.warnings.length) blocks.push({ kind: 'lines', lines: f.warnings.map((x) => [w.warningLine(f.file, x.line, w.message(x.message))]) });
  }
  const rows = d.files.flatMap((f) => f.findings.map((x) => ({ ...x, file: f.file })));
  return { title: w.check, titleInText: false, blocks, data: { columns: COLUMNS, rows } };
}

export const CHECK: ReportType<CheckData> = { name: 'check', doc: checkDoc, json: (d) => d };
