// The `show` report: one week's reports, then every observation grouped by its section (heading path).

import type { Kind, Observation } from '../model/types.js';
import { kindWord, table, type Column, type Doc, type ReportType } from './doc.js';
import { fmtPct } from './format.js';
import type { Words } from './words.js';

export interface ShowItem {
  project: string;
  metric: string | null;
  percent: number;
  kind: Kind;
  section: string[];
  text: string;
  source: { file: string; line: number };
  done?: number;
  total?: number;
  /** Extra fields: an approximate figure's qualifier, a table's last-week and planned figures. */
  qualifier?: string;
  prev?: number;
  planned?: number;
  /** A due date the report states for the item. */
  due?: string;
  /** Extra field: the report's team (several teams may report the same week). */
  team: string;
  /** Extra fields: a completion stated in words gave this 100 (for an item the history tracks), and the words. */
  inferred?: true;
  evidence?: string;
  /** Extra field with them: the statement rule that read the words (`completion-words`). */
  rule?: string;
}

/**
 * One observation in DESIGN.md's JSON item shape (`show --json` items, `export --format json`
 * rows); optional fields appear only when the observation has them.
 */
export function observationItem(o: Observation, file: string, team: string): ShowItem {
  return {
    project: o.project,
    metric: o.metric,
    percent: o.percent,
    kind: o.kind,
    section: o.section,
    text: o.text,
    source: { file, line: o.line },
    ...(o.done !== undefined ? { done: o.done } : {}),
    ...(o.total !== undefined ? { total: o.total } : {}),
    ...(o.qualifier !== undefined ? { qualifier: o.qualifier } : {}),
    ...(o.prev !== undefined ? { prev: o.prev } : {}),
    ...(o.planned !== undefined ? { planned: o.planned } : {}),
    ...(o.due !== undefined ? { due: o.due } : {}),
    team,
    ...(o.inferred ? { inferred: true as const, evidence: o.evidence ?? '', ...(o.rule ? { rule: o.rule } : {}) } : {}),
  };
}

/** DESIGN.md `show --json` shape (items carry `team` as an extra field). */
export interface ShowData {
  week: string;
  reports: { source: string; date: string | null; team: string }[];
  items: ShowItem[];
}

/** Builds ShowData from the week's reports and their observations (kept in report, then line order). */
export function toShowData(
  week: string,
  reports: readonly { source: string; date: string | null; team: string; observations: readonly Observation[] }[],
): ShowData {
  return {
    week,
    reports: reports.map(({ source, date, team }) => ({ source, date, team })),
    items: reports.flatMap((r) =>
      [...r.observations].sort((a, b) => a.line - b.line).map((o) => observationItem(o, r.source, r.team)),
    ),
  };
}

/** Items grouped by (team, source, section path), groups in first-appearance order. */
function groups(d: ShowData, w: Words): { title: string; items: ShowItem[] }[] {
  const out = new Map<string, { title: string; items: ShowItem[] }>();
  for (const it of d.items) {
    const path = it.section.length ? it.section.join(' › ') : w.noHeading;
    const title = it.team ? `[${it.team}] ${path}` : path;
    const k = `${it.team}\u0000${it.source.file}\u0000${path}`;
    const g = out.get(k) ?? { title, items: [] };
    g.items.push(it);
    out.set(k, g);
  }
  return [...out.values()];
}

const fraction = (it: ShowItem) => (it.done !== undefined && it.total !== undefined ? `${it.done}/${it.total}` : '');

const COLUMNS: readonly Column<ShowItem>[] = [
  { key: 'team', label: 'team', value: (i) => i.team, only: 'data' },
  { key: 'file', label: 'file', value: (i) => i.source.file, only: 'data' },
  { key: 'line', label: 'line', align: 'right', value: (i) => i.source.line },
  { key: 'section', label: 'section', value: (i) => i.section.join(' / '), only: 'data' },
  { key: 'project', label: 'project', value: (i) => i.project },
  { key: 'metric', label: 'metric', value: (i) => i.metric },
  { key: 'percent', label: 'percent', align: 'right', value: (i) => i.percent, show: (i) => fmtPct(i.percent) },
  {
    key: 'kind',
    label: 'kind',
    value: (i) => i.kind,
    // An inferred figure says so: `progress, in words: 已全量上线 (completion-words)`.
    show: (i, w) =>
      i.inferred ? `${[w.kinds[i.kind] ?? i.kind, w.inWords(i.evidence ?? '')].join(w.comma)}${i.rule ? ` (${i.rule})` : ''}` : (w.kinds[i.kind] ?? i.kind),
    worded: (i, w) => kindWord(i.kind, w),
  },
  { key: 'inferred', label: 'words', value: (i) => i.evidence, only: 'data' },
  { key: 'done', label: 'done', align: 'right', value: (i) => i.done, show: fraction },
  { key: 'total', label: 'total', value: (i) => i.total, only: 'data' },
  { key: 'due', label: 'due', value: (i) => i.due, shownIf: (rows) => rows.some((r) => r.due !== undefined) },
  { key: 'text', label: 'text', value: (i) => i.text, only: 'data' },
];

function showDoc(d: ShowData, w: Words): Doc {
  const blocks: Doc['blocks'] = [{ kind: 'lines', lines: d.reports.map((r) => [w.reportLine(r.source, r.date, r.team)]), list: true }];
  if (d.items.length === 0) blocks.push({ kind: 'lines', lines: [[w.noPercentages]] });
  for (const g of groups(d, w)) blocks.push({ kind: 'heading', text: g.title }, table(COLUMNS, g.items, { context: d.items }));
  return { title: d.week, titleInText: true, blocks, data: { columns: COLUMNS, rows: d.items } };
}

export const SHOW: ReportType<ShowData> = { name: 'show', doc: showDoc, json: (d) => d };
