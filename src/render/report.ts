// The planning-meeting page: one self-contained HTML file (inline CSS and SVG, no script, no request) from a PlanningReport.

import type { Forecast } from '../analyze/forecast.js';
import { dayDate, dayNumber } from '../model/week.js';
import type { TextChange } from '../analyze/history.js';
import type { PlanItem, PlanningReport, PlanTeam } from '../analyze/report.js';
import { status as statusSpan, table, type Column, type Doc, type Inline, type ReportType } from './doc.js';
import { escapeHtml, fmtDelta, fmtPct, sparkText } from './format.js';
import { statusNote } from './diff.js';
import { STATUS_STYLES } from './statuses.js';
import type { Words } from './words.js';

const e = escapeHtml;

// ------------------------------------------------------------------ style

const LIGHT: Record<string, string> = { bg: '#ffffff', fg: '#1a1a1a', muted: '#555555', rule: '#cccccc', line: '#1f5fa8', due: '#b00020', band: '#1f5fa833', grid: '#e4e4e4' };
const DARK: Record<string, string> = { bg: '#16181c', fg: '#e8e8e8', muted: '#b4b4b4', rule: '#444444', line: '#7fb2ff', due: '#ff8a8a', band: '#7fb2ff33', grid: '#2c2f36' };

function vars(c: Record<string, string>): string {
  return Object.entries(c).map(([k, v]) => `--${k}:${v}`).join(';');
}

/** Status badges: a light fill with dark text (dark mode: the reverse); the word is always written. */
function statusRules(): string[] {
  const out: string[] = [];
  for (const [name, s] of Object.entries(STATUS_STYLES)) {
    if (!s.fill) continue;
    out.push(`.st-${name}{background:${s.fill};color:#1a1a1a}`);
  }
  return out;
}

const CSS = [
  `:root{${vars(LIGHT)};color-scheme:light dark}`,
  `@media (prefers-color-scheme:dark){:root{${vars(DARK)}}.st{filter:brightness(.8)}}`,
  'body{background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:1.5em 2em}',
  'h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;margin:1.4em 0 .4em;border-bottom:1px solid var(--rule)}h3{font-size:1.05em;margin:1em 0 .3em}',
  '.headline{color:var(--muted);margin:.2em 0}',
  '.counts{list-style:none;padding:0;margin:.5em 0;display:flex;flex-wrap:wrap;gap:.4em}',
  'table{border-collapse:collapse;margin:.3em 0 1em}th,td{border:1px solid var(--rule);padding:.2em .5em;text-align:left;vertical-align:middle}',
  'th{background:var(--grid)}.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}',
  '.st{display:inline-block;padding:0 .45em;border-radius:.6em;white-space:nowrap;font-size:.92em}',
  '.src{color:var(--muted);font-size:.9em}.src code{font-size:.95em}',
  '.spark{vertical-align:middle}.spark path.l{fill:none;stroke:var(--line);stroke-width:1.5}.spark path.p{stroke:var(--line);stroke-width:3.5;stroke-linecap:round}',
  '.charts{display:flex;flex-wrap:wrap;gap:.8em}.charts figure{margin:0;border:1px solid var(--rule);padding:.3em}.charts figcaption{font-size:.9em;max-width:260px}',
  '.bu path{fill:none}.bu text{fill:var(--muted);font-size:9px}.bu .ax{stroke:var(--rule)}.bu .gr{stroke:var(--grid)}',
  '.bu .l{fill:none;stroke:var(--line);stroke-width:2}.bu .gap{fill:none;stroke:var(--line);stroke-width:1.5;stroke-dasharray:2 3}',
  '.bu .p{stroke:var(--line);stroke-width:5;stroke-linecap:round}.bu .fc{fill:none;stroke:var(--line);stroke-width:1.5;stroke-dasharray:5 3}',
  '.bu .band{fill:var(--band)}.bu .due{stroke:var(--due);stroke-width:1.5;stroke-dasharray:4 2}.bu text.dl{fill:var(--due)}',
  'del{background:#f8d0d0;color:#1a1a1a;text-decoration:line-through}ins{background:#d4f0d4;color:#1a1a1a;text-decoration:none}',
  '.words dt{font-weight:600;margin-top:.5em}.words dd{margin:.1em 0 .3em 1.2em}',
  '.note{color:var(--muted)}',
  ...statusRules(),
  '@page{size:A4 landscape;margin:10mm}',
  '@media print{body{margin:0;font-size:11px}section.team{break-before:page}tr,figure{break-inside:avoid}h2,h3{break-after:avoid}}',
];

// ------------------------------------------------------------------ pieces

function badge(status: string, w: Words): string {
  const s = statusSpan(status, w);
  return `<span class="st st-${e(status)}">${e(s.text)}</span>`;
}

function statusCell(i: PlanItem, w: Words): string {
  const parts: string[] = [];
  if (i.status) parts.push(badge(i.status, w));
  if (i.forecast?.slipping) parts.push(badge('slipping', w));
  const note = i.change ? statusNote(i.change, w) : '';
  if (note) parts.push(`<span class="note">${e(w.aside(note).trim())}</span>`);
  return parts.join(' ');
}

function itemName(i: PlanItem): string {
  return i.metric ? `${e(i.project)} <span class="note">/ ${e(i.metric)}</span>` : e(i.project);
}

function forecastText(f: Forecast | null, w: Words): string {
  if (!f) return '';
  if (f.state !== 'forecast') return `<span class="note">${e(w.forecastState[f.state] ?? f.state)}</span>`;
  const range = f.low === f.high ? '' : ` <span class="note">${e(w.aside(`${f.low!} – ${f.high ?? '…'}`).trim())}</span>`;
  return `${e(f.eta!)}${range}`;
}

function slipNote(f: Forecast | null, w: Words): string {
  if (!f?.slipping || !f.reason) return '';
  if (f.reason === 'pace') return w.slipReason.pace(f.requiredPace ?? 0, f.pace);
  return w.slipReason[f.reason](f.due ?? '');
}

/** A sparkline of every report's figure: one dot per report with a figure; a report without one breaks the line. */
function sparkline(values: readonly (number | null)[], label: string): string {
  const W = 110;
  const H = 22;
  const n = values.length;
  const x = (i: number) => (n <= 1 ? W / 2 : 2 + (i * (W - 4)) / (n - 1));
  const y = (v: number) => H - 2 - (Math.max(0, Math.min(100, v)) * (H - 4)) / 100;
  let line = '';
  let dots = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const px = Math.round(x(i));
    const py = Math.round(y(v));
    line += `${pen ? 'L' : 'M'}${px} ${py}`;
    dots += `M${px} ${py}h0`;
    pen = true;
  });
  const count = values.filter((v) => v !== null).length;
  return `<svg class="spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)}" data-points="${count}"><path class="l" d="${line}"/><path class="p" d="${dots}"/></svg>`;
}

/** Burn-up geometry: every chart has the same frame, drawn once (BURN_UP_FRAME) and used by reference. */
const BU = { W: 260, H: 120, L: 26, R: 8, T: 8, B: 18 } as const;
const buY = (v: number) => Math.round(BU.T + ((100 - Math.max(0, Math.min(100, v))) * (BU.H - BU.T - BU.B)) / 100);

/** The grid, its labels and the axes, defined once per page (a page of 3,000 charts repeats nothing). */
function burnUpFrame(): string {
  const grid = [0, 50, 100]
    .map((g) => `<path class="gr" d="M${BU.L} ${buY(g)}H${BU.W - BU.R}"/><text x="${BU.L - 3}" y="${buY(g) + 3}" text-anchor="end">${g}</text>`)
    .join('');
  return `<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs><g id="bu-frame" class="bu">${grid}<path class="ax" d="M${BU.L} ${BU.T}V${BU.H - BU.B}H${BU.W - BU.R}"/></g></defs></svg>`;
}

/** A burn-up chart: the figure over time (report gaps as gaps), the due date and the forecast drawn in. */
function burnUp(team: PlanTeam, i: PlanItem, w: Words): string {
  const { W, H, L, R, T, B } = BU;
  const days = team.days.map(dayNumber);
  if (!days.length) return '';
  const f = i.forecast;
  const ends = [days[days.length - 1]!];
  const cap = days[days.length - 1]! + 182;
  for (const d of [f?.eta, f?.high ?? f?.low, f?.due]) if (d) ends.push(Math.min(cap, dayNumber(d)));
  const x0 = days[0]!;
  const x1 = Math.max(x0 + 7, ...ends);
  const X = (d: number) => Math.round(L + ((d - x0) * (W - L - R)) / (x1 - x0));
  const Y = buY;
  const out: string[] = ['<use href="#bu-frame"/>'];
  // The axis ends at the last report, or at the due date or forecast when they lie later (then a date).
  const end = x1 > days[days.length - 1]! ? dayDate(x1) : team.weeks[team.weeks.length - 1]!;
  out.push(`<text x="${L}" y="${H - 5}">${e(team.weeks[0]!)}</text><text x="${W - R}" y="${H - 5}" text-anchor="end">${e(end)}</text>`);
  if (f?.due) {
    const dx = X(Math.min(cap, dayNumber(f.due)));
    out.push(`<path class="due" d="M${dx} ${T}V${H - B}"/><text class="dl" x="${dx - 2}" y="${T + 8}" text-anchor="end">${e(w.columns.due)}</text>`);
  }
  // Consecutive reports with figures are joined; a report without the figure breaks the line; a skipped week (no report) is dashed.
  let solid = '';
  let dashed = '';
  let dots = '';
  let last: { d: number; v: number } | null = null;
  let joined = false;
  i.values.forEach((v, k) => {
    if (v === null) {
      last = null;
      joined = false;
      return;
    }
    const d = days[k]!;
    const here = `${X(d)} ${Y(v)}`;
    if (last) {
      if (d - last.d > 10) {
        dashed += `M${X(last.d)} ${Y(last.v)}L${here}`;
        joined = false;
      } else {
        solid += joined ? `L${here}` : `M${X(last.d)} ${Y(last.v)}L${here}`;
        joined = true;
      }
    }
    dots += `M${here}h0`;
    last = { d, v };
  });
  if (f?.state === 'forecast' && f.eta) {
    const lastK = i.values.map((v, k) => (v === null ? -1 : k)).filter((k) => k >= 0).pop();
    if (lastK !== undefined) {
      out.push(`<path class="fc" d="M${X(days[lastK]!)} ${Y(i.values[lastK]!)}L${X(Math.min(cap, dayNumber(f.eta)))} ${Y(100)}"/>`);
      const lo = X(Math.min(cap, dayNumber(f.low ?? f.eta)));
      const hi = X(f.high ? Math.min(cap, dayNumber(f.high)) : x1);
      out.push(`<rect class="band" x="${lo}" y="${Y(100) - 3}" width="${Math.max(2, hi - lo)}" height="6"/>`);
    }
  }
  if (solid) out.push(`<path class="l" d="${solid}"/>`);
  if (dashed) out.push(`<path class="gap" d="${dashed}"/>`);
  out.push(`<path class="p" d="${dots}"/>`);
  const label = w.report.chartLabel(i.project, i.metric, i.values, team.weeks, f?.eta ?? null, f?.due ?? null);
  return `<figure><svg class="bu" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(label)}">${out.join('')}</svg><figcaption>${itemName(i)}</figcaption></figure>`;
}

function changesHtml(cs: readonly TextChange[]): string {
  return cs.map((c) => (c.removed ? `<del>${e(c.value)}</del>` : c.added ? `<ins>${e(c.value)}</ins>` : e(c.value))).join('');
}

function th(labels: readonly string[], numeric: ReadonlySet<number> = new Set()): string {
  return `<thead><tr>${labels.map((l, c) => `<th scope="col"${numeric.has(c) ? ' class="num"' : ''}>${e(l)}</th>`).join('')}</tr></thead>`;
}

function source(i: PlanItem): string {
  return i.source ? `<span class="src"><code>${e(`${i.source.file}:${i.source.line}`)}</code><br>${e(i.source.text)}</span>` : '';
}

function howLong(i: PlanItem, w: Words): string {
  const parts: string[] = [];
  if (i.stalled) parts.push(w.report.stalledFor(i.stalled.reports, i.stalled.weeks, i.stalled.since));
  const slip = slipNote(i.forecast, w);
  if (slip) parts.push(slip);
  return e(parts.join(w.semicolon));
}

/** `2025-W46–2026-W03: 35%, 45%, —, 60%` (the figures of the item in each report of the team). */
function sparkLabel(i: PlanItem, t: PlanTeam): string {
  const span = t.weeks.length > 1 ? `${t.weeks[0]}–${t.weeks[t.weeks.length - 1]}` : (t.weeks[0] ?? '');
  return `${span}: ${i.values.map((v) => (v === null ? '—' : `${fmtPct(v)}%`)).join(', ')}`;
}

// ------------------------------------------------------------------ sections

function headline(r: PlanningReport, w: Words): string {
  const c = r.counts;
  const order = ['regressed', 'dropped', 'stalled', 'slipping', 'paused', 'cancelled', 'new', 'resumed', 'advanced', 'completed', 'done'];
  const present = [...order.filter((s) => c[s]), ...Object.keys(c).filter((s) => !order.includes(s) && c[s])];
  // `3 stalled` in English, `停滞 3` in Chinese: the word order of the summary lines.
  const counts = present.map((s) => `<li><span class="st st-${e(s)}">${e(w.countOf(c[s]!, statusSpan(s, w).text).join(''))}</span></li>`).join('');
  return [
    `<h1>${e(w.report.title(r.from, r.to))}</h1>`,
    `<p class="headline">${e(w.report.headline(r.teams.length, r.reports, r.prev, r.to, r.today))}</p>`,
    `<ul class="counts" aria-label="${e(w.report.countsLabel)}">${counts}</ul>`,
  ].join('\n');
}

function attention(r: PlanningReport, w: Words): string {
  const c = w.columns;
  const out = [`<section id="attention"><h2>${e(w.report.attention)}</h2>`];
  if (!r.attention.length) {
    out.push(`<p>${e(w.report.nothingNeedsAttention)}</p></section>`);
    return out.join('\n');
  }
  const teams = r.attention.some((i) => i.team !== '');
  const rows = r.attention.map(
    (i) =>
      `<tr>${teams ? `<td>${e(i.team || w.defaultTeam)}</td>` : ''}<td>${itemName(i)}</td><td class="num">${e(fmtPct(i.from))}</td><td class="num">${e(fmtPct(i.to))}</td>` +
      `<td class="num">${e(fmtDelta(i.delta))}</td><td>${statusCell(i, w)}</td><td>${howLong(i, w)}</td><td>${source(i)}</td></tr>`,
  );
  const head = teams ? [c.team, c.project, c.from, c.to, c.delta, c.status, w.report.howLong, c.source] : [c.project, c.from, c.to, c.delta, c.status, w.report.howLong, c.source];
  out.push(`<table class="attention">${th(head, new Set(teams ? [2, 3, 4] : [1, 2, 3]))}<tbody>\n${rows.join('\n')}\n</tbody></table></section>`);
  return out.join('\n');
}

function teamSection(t: PlanTeam, r: PlanningReport, w: Words): string {
  const c = w.columns;
  const out = [`<section class="team" data-team="${e(t.team)}"><h2>${e(w.report.teamTitle(t.team))}</h2>`];
  out.push(`<p>${summaryLine(t, r, w)}</p>`);
  if (t.items.length) {
    const rows = t.items.map(
      (i) =>
        `<tr><td>${itemName(i)}</td><td>${sparkline(i.values, sparkLabel(i, t))}</td><td class="num">${e(fmtPct(lastValue(i)))}</td>` +
        `<td class="num">${e(fmtDelta(i.delta))}</td><td>${statusCell(i, w)}</td><td>${forecastText(i.forecast, w)}</td><td>${e(i.forecast?.due ?? '')}</td></tr>`,
    );
    out.push(`<table class="items">${th([c.project, c.trend, c.percent, c.delta, c.status, c.forecast, c.due], new Set([2, 3]))}<tbody>\n${rows.join('\n')}\n</tbody></table>`);
  } else out.push(`<p>${e(w.noProgressItems)}</p>`);
  if (t.kpis.length) {
    const rows = t.kpis.map(
      (i) =>
        `<tr><td>${itemName(i)}</td><td>${sparkline(i.values, sparkLabel(i, t))}</td><td class="num">${e(fmtPct(lastValue(i)))}</td>` +
        `<td class="num">${e(fmtDelta(i.delta))}</td><td>${statusCell(i, w)}</td></tr>`,
    );
    out.push(`<h3>${e(w.kpiSection)}</h3><table class="kpis">${th([c.project, c.trend, c.percent, c.delta, c.status], new Set([2, 3]))}<tbody>\n${rows.join('\n')}\n</tbody></table>`);
  }
  // A chart for every item the two compared reports speak of, unless it was finished before them:
  // an item gone earlier in the period keeps its table row and sparkline, not a chart.
  const charts = t.items.filter((i) => i.status !== null && i.status !== 'done' && i.values.some((v) => v !== null)).map((i) => burnUp(t, i, w));
  if (charts.length) out.push(`<h3>${e(w.report.burnUp)}</h3><div class="charts">${charts.join('\n')}</div>`);
  const changed = [...t.items, ...t.kpis].filter((i) => i.changes?.some((x) => x.added || x.removed));
  if (changed.length) {
    const list = changed.map((i) => `<dt>${itemName(i)}</dt><dd>${changesHtml(i.changes!)}</dd>`).join('\n');
    out.push(`<h3>${e(w.report.changedInWords(r.prev ?? '', r.to))}</h3><dl class="words">\n${list}\n</dl>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function lastValue(i: PlanItem): number | null {
  for (let k = i.values.length - 1; k >= 0; k--) if (i.values[k] !== null) return i.values[k]!;
  return null;
}

function summaryLine(t: PlanTeam, r: PlanningReport, w: Words): string {
  if (t.missing) return e(w.report.noReportIn(t.missing));
  const order = ['regressed', 'dropped', 'stalled', 'slipping', 'paused', 'cancelled', 'new', 'resumed', 'advanced', 'completed', 'done'];
  const present = [...order.filter((s) => t.counts[s]), ...Object.keys(t.counts).filter((s) => !order.includes(s) && t.counts[s])];
  const counts = present.map((s) => w.countOf(t.counts[s]!, badge(s, w)).join('')).join(' · ');
  return `${e(w.report.teamReports(t.weeks.length, r.prev, r.to))}${counts ? ` ${counts}` : ''}`;
}

function planningReportAsHtml(r: PlanningReport, w: Words): string {
  const body = [`<header>\n${headline(r, w)}\n</header>`, '<main>', burnUpFrame(), attention(r, w), ...r.teams.map((t) => teamSection(t, r, w)), '</main>'].join('\n');
  return (
    `<!doctype html>\n<html lang="${w.htmlLang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${e(w.report.title(r.from, r.to))}</title>\n<style>\n${CSS.join('\n')}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  );
}

// ------------------------------------------------------------------ text, Markdown, CSV: the same content as tables

const ITEM_COLUMNS: readonly Column<PlanItem>[] = [
  { key: 'team', label: 'team', value: (i) => i.team, shownIf: (rows) => rows.some((r) => r.team !== '') },
  { key: 'project', label: 'project', value: (i) => i.project },
  { key: 'metric', label: 'metric', value: (i) => i.metric },
  { key: 'kind', label: 'kind', value: (i) => i.kind, worded: (i, w) => w.kinds[i.kind] ?? i.kind, only: 'data' },
  { key: 'trend', label: 'trend', value: (i) => sparkText(i.values), only: 'display' },
  { key: 'from', label: 'from', align: 'right', value: (i) => i.from, show: (i) => fmtPct(i.from) },
  { key: 'to', label: 'to', align: 'right', value: (i) => i.to, show: (i) => fmtPct(i.to) },
  { key: 'delta', label: 'delta', align: 'right', value: (i) => i.delta, show: (i) => fmtDelta(i.delta) },
  { key: 'status', label: 'status', value: (i) => i.status, show: (i, w) => statusInline(i, w), worded: (i, w) => (i.status ? (w.status[i.status] ?? i.status) : null) },
  { key: 'slipping', label: 'slipping', value: (i) => (i.forecast?.slipping ? 'slipping' : null), worded: (i, w) => (i.forecast?.slipping ? (w.status.slipping ?? 'slipping') : null), only: 'data' },
  { key: 'forecast', label: 'forecast', value: (i) => i.forecast?.eta ?? null, show: (i, w) => forecastPlain(i.forecast, w) },
  { key: 'due', label: 'due', value: (i) => i.forecast?.due ?? null },
  { key: 'source', label: 'source', value: (i) => (i.source ? `${i.source.file}:${i.source.line}` : null) },
];

function statusInline(i: PlanItem, w: Words): Inline {
  if (!i.status) return i.forecast?.slipping ? statusSpan('slipping', w) : '';
  const s = statusSpan(i.status, w);
  return i.forecast?.slipping ? { ...s, text: `${s.text}${w.comma}${statusSpan('slipping', w).text}` } : s;
}

function forecastPlain(f: Forecast | null, w: Words): string {
  if (!f) return '';
  if (f.state !== 'forecast') return w.forecastState[f.state] ?? f.state;
  return f.low === f.high ? f.eta! : `${f.eta}${w.aside(`${f.low} – ${f.high ?? '…'}`)}`;
}

function reportDoc(r: PlanningReport, w: Words): Doc {
  const blocks: Doc['blocks'] = [
    { kind: 'lines', lines: [[w.report.headline(r.teams.length, r.reports, r.prev, r.to, r.today)]] },
    { kind: 'heading', text: w.report.attention },
    table(ITEM_COLUMNS, r.attention, { empty: w.report.nothingNeedsAttention, rowStatus: (i: PlanItem) => i.status ?? undefined }),
  ];
  for (const t of r.teams) {
    blocks.push({ kind: 'heading', text: w.report.teamTitle(t.team) });
    const opts = { context: [...t.items, ...t.kpis], rowStatus: (i: PlanItem) => i.status ?? undefined };
    blocks.push(table(ITEM_COLUMNS, t.items, { ...opts, empty: w.noProgressItems }));
    if (t.kpis.length) blocks.push({ kind: 'heading', text: w.kpiSection, level: 3 }, table(ITEM_COLUMNS, t.kpis, opts));
  }
  const rows = r.teams.flatMap((t) => [...t.items, ...t.kpis]);
  return { title: w.report.title(r.from, r.to), titleInText: true, blocks, data: { columns: ITEM_COLUMNS, rows } };
}

export const REPORT: ReportType<PlanningReport> = { name: 'report', doc: reportDoc, json: (r) => r, page: planningReportAsHtml };
