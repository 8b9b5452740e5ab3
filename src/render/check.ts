// The `check` report: per file, every percentage seen and what the extractor made of it.

import type { Finding, Warning } from '../model/types.js';
import { table, type Column, type Doc, type ReportType } from './doc.js';
import { fmtPct } from './format.js';
import type { Words } from './words.js';

export interface CheckFile {
  file: string;
  week: string | null;
  date: string | null;
  findings: Finding[];
  warnings: Warning[];
}

export interface CheckData {
  files: CheckFile[];
}

/** `项目 / 前端 = 50` for progress and kpi, the reason for ignored ones. */
function what(f: Finding): string {
  if (f.verdict === 'ignored') return f.reason ?? '';
  const name = f.metric ? `${f.project ?? ''} / ${f.metric}` : (f.project ?? '');
  const why = f.reason ? ` (${f.reason})` : '';
  return `${name}${f.percent !== undefined ? ` = ${fmtPct(f.percent)}` : ''}${why}`;
}

type Row = Finding & { file: string };

const COLUMNS: readonly Column<Row>[] = [
  { key: 'file', label: 'source', value: (r) => r.file, only: 'data' },
  { key: 'line', label: 'line', align: 'right', value: (r) => r.line },
  { key: 'match', label: 'match', value: (r) => r.match },
  { key: 'verdict', label: 'verdict', value: (r) => r.verdict },
  { key: 'explanation', label: 'explanation', value: what, only: 'display' },
  { key: 'project', label: 'project', value: (r) => r.project, only: 'data' },
  { key: 'metric', label: 'metric', value: (r) => r.metric, only: 'data' },
  { key: 'percent', label: 'percent', value: (r) => r.percent, only: 'data' },
  { key: 'reason', label: 'explanation', value: (r) => r.reason, only: 'data' },
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
    if (f.warnings.length) blocks.push({ kind: 'lines', lines: f.warnings.map((x) => [w.warningLine(f.file, x.line, x.message)]) });
  }
  const rows = d.files.flatMap((f) => f.findings.map((x) => ({ ...x, file: f.file })));
  return { title: w.check, titleInText: false, blocks, data: { columns: COLUMNS, rows } };
}

export const CHECK: ReportType<CheckData> = { name: 'check', doc: checkDoc, json: (d) => d };
