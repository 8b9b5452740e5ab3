// Renderers of `check`: per file, every percentage seen and what the extractor made of it.

import type { Finding, Warning } from '../model/types.js';
import { csv, escapeHtml, escapeMd, fmtPct, htmlPage, htmlTable, json, mdTable, textTable, type Align, type RendererMap } from './format.js';

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

const HEAD = ['Line', 'Match', 'Verdict', 'Project / metric or reason'];
const ALIGN: Align[] = ['right', 'left', 'left', 'left'];
const rowOf = (f: Finding) => [String(f.line), f.match, f.verdict, what(f)];

function fileTitle(f: CheckFile): string {
  const when = [f.week ?? 'week unknown', f.date].filter(Boolean).join(', ');
  return `${f.file} (${when})`;
}

export function checkAsText(d: CheckData): string {
  const blocks = d.files.map((f) => {
    const out = [fileTitle(f)];
    if (f.findings.length) out.push(...textTable(HEAD, f.findings.map(rowOf), ALIGN));
    else out.push('no percentages found');
    out.push(...f.warnings.map((w) => `warning: ${f.file}:${w.line}: ${w.message}`));
    return out.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

export function checkAsJson(d: CheckData): string {
  return json(d);
}

export function checkAsCsv(d: CheckData): string {
  return csv(
    ['file', 'line', 'match', 'verdict', 'project', 'metric', 'percent', 'reason'],
    d.files.flatMap((f) => f.findings.map((x) => [f.file, x.line, x.match, x.verdict, x.project, x.metric, x.percent, x.reason])),
  );
}

export function checkAsMarkdown(d: CheckData): string {
  const blocks = d.files.map((f) =>
    [
      `### ${escapeMd(fileTitle(f))}`,
      '',
      ...mdTable(HEAD, f.findings.map((x) => rowOf(x).map(escapeMd)), ALIGN),
      ...f.warnings.map((w) => `\n- warning (line ${w.line}): ${escapeMd(w.message)}`),
    ].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}

export function checkAsHtml(d: CheckData): string {
  const body = d.files
    .map(
      (f) =>
        `<h2>${escapeHtml(fileTitle(f))}</h2>\n${htmlTable(HEAD, f.findings.map((x) => rowOf(x).map(escapeHtml)), ALIGN, (i) => f.findings[i]!.verdict)}` +
        f.warnings.map((w) => `\n<p>warning (line ${w.line}): ${escapeHtml(w.message)}</p>`).join(''),
    )
    .join('\n');
  return htmlPage('Check', body);
}

export const CHECK_RENDERERS: RendererMap<CheckData> = {
  text: checkAsText,
  json: checkAsJson,
  csv: checkAsCsv,
  md: checkAsMarkdown,
  html: checkAsHtml,
};
