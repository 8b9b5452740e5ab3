// The on-disk format of the database (main file + evidence files), its zod validation and the compact measure codec.
/*
 * FORMAT, version 2 (CURRENT_VERSION)
 * ===================================
 *
 * The database is a main file (the `--db` path, e.g. data/milestones.json) plus a folder of
 * evidence files beside it (`<db>.d/`). Both are plain, pretty-enough JSON a person can open.
 *
 * Main file — everything `weeks`, `diff`, `stalled`, `history` need, and nothing else:
 *
 *   {
 *     "version": 2,
 *     "aliases": [ { "name": "店东看懂账一期", "canonical": "店东看懂账" } ],
 *     "items":   [ ["支付网关重构", null, "progress"], ["支付网关重构", "前端", "progress"],
 *                  ["收单成功率", null, "kpi"], ["支付差错率", null, "kpi", "lower"] ],
 *     "reports": [
 *       { "id": "…content hash…", "source": "reports/2024-W10.md", "team": "", "week": "2024-W10",
 *         "date": "2024-03-08", "title": "…", "progress": 2, "kpi": 1, "warnings": [],
 *         "file": { "path": "/abs/reports/2024-W10.md", "size": 1234, "mtimeMs": 1709880000000 },
 *         "m": [ [0, 45, 12], [1, 60, 13, 6, 10], [2, 99.9, 20, null, null, "约"] ],
 *         "s": [ { "kind": "completed", "phrase": "已全量上线", "rule": "completion-words", "line": 14,
 *                  "subjects": ["历史账单回迁"], "text": "✅ 历史账单回迁完毕，已全量上线" } ] }
 *     ],
 *     "retired": [ "…evidence file names…" ]
 *   }
 *
 * - `items` interns every distinct (project, metric, kind) triple once; the Chinese names are
 *   the bulk of the text, so they are not repeated for each of the 100,000+ measures.
 * - `m` holds one tuple per Measure, in the report's order:
 *     [itemIndex, percent, line]                                   the common case
 *     [itemIndex, percent, line, done|null, total|null]            the line gave a fraction
 *     [itemIndex, percent, line, done|null, total|null, qualifier] an approximate figure (`约`, `>`, …)
 *     [itemIndex, percent, line, done|null, total|null, qualifier|null, due]  a stated due date (`YYYY-MM-DD`)
 * - `items` may carry a 4th element, `"lower"`, for a KPI that improves when it falls (差错率, 耗时).
 * - `s` (optional, absent when empty) holds the report's statements in words: completions, pauses,
 *   cancellations and renames as candidates (model/types.ts Statement); analyze/ decides which
 *   tracked item each names. Small, so they live in the main file beside the measures.
 * - `aliases` entries may carry `auto` (a rename the reports stated, recorded at ingest, with the
 *   line as evidence) and `off: true` (such an alias the user removed: kept so that re-ingesting
 *   the report does not bring it back; never applied, never listed).
 * - `retired` lists evidence files that the previous generation (`<db>.bak`) still references but
 *   this one does not; they are kept one more save so that restoring the `.bak` is complete.
 *
 * - `seal` (last field) is the sha256 of the file's text before it. A file whose seal matches
 *   is byte for byte what milestones wrote after validating it, so loading it skips the zod
 *   pass (which grows with the reports: ~190 ms at 5,000); an edited, truncated or foreign
 *   file fails the seal and is validated in full. The seal is a cache key, not a lock: a
 *   person may edit the file by hand.
 *
 * Evidence file `<db>.d/<evidenceName(report)>`, written once and never modified (immutable), sealed
 * like the main file:
 *
 *   { "version": 2, "id": "…", "team": "", "week": "2024-W10", "source": "…",
 *     "observations": [ { …every Observation field: project, metric, percent, kind, line, section,
 *                         text, done?, total?, qualifier?, due?, prev?, planned? } ] }
 *
 * The name is `<id>-<hash(team, week)>.json`: one stored report = one (id, team, week), and a
 * stored (id, team, week) is never rewritten (re-putting it is a no-op), so a referenced evidence
 * file is never overwritten. The main file is the single commit point: evidence is written and
 * fsynced first, then the main file is atomically renamed into place.
 *
 * Version 1 (the naive first layout, migrated forward on the next write; see migrate.ts):
 *   { "version": 1, "aliases": [...], "reports": [ { …ReportHeader fields, file?, observations: [...] } ] }
 */

import { createHash } from 'node:crypto';
import type { Measure, Observation, Statement } from '../model/types.js';
import type { AliasEntry, StoredHeader } from './types.js';

export const CURRENT_VERSION = 2;

export type ItemTuple =
  | [project: string, metric: string | null, kind: 'progress' | 'kpi']
  | [project: string, metric: string | null, kind: 'progress' | 'kpi', direction: 'lower'];

/** See the format comment above: `[item, percent, line, done?, total?, qualifier?, due?]`. */
export type MeasureTuple =
  | [number, number, number]
  | [number, number, number, number | null, number | null]
  | [number, number, number, number | null, number | null, string]
  | [number, number, number, number | null, number | null, string | null, string];

export interface StoredReport extends StoredHeader {
  m: MeasureTuple[];
  s?: Statement[];
}

export interface DbFile {
  version: typeof CURRENT_VERSION;
  aliases: AliasEntry[];
  items: ItemTuple[];
  reports: StoredReport[];
  retired: string[];
}

export interface EvidenceFile {
  version: typeof CURRENT_VERSION;
  id: string;
  team: string;
  week: string;
  source: string;
  observations: Observation[];
}

// ---------------------------------------------------------------- hand validation of measure tuples

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The first problem in a list of measure tuples, or null. A hand loop rather than a zod tuple per
 * measure: validating 100,000+ tuples through zod's generic machinery costs more than parsing them.
 */
export function measureTupleProblem(value: unknown, itemCount: number): { index: number[]; message: string } | null {
  if (!Array.isArray(value)) return { index: [], message: 'expected an array of measure tuples' };
  for (let i = 0; i < value.length; i++) {
    const t: unknown = value[i];
    if (!Array.isArray(t) || (t.length !== 3 && t.length !== 5 && t.length !== 6 && t.length !== 7)) {
      return { index: [i], message: 'expected [item, percent, line] or [item, percent, line, done, total, qualifier?, due?]' };
    }
    const item = t[0];
    if (!Number.isInteger(item) || item < 0 || item >= itemCount) return { index: [i, 0], message: `item index out of range (0..${itemCount - 1})` };
    if (!isNum(t[1])) return { index: [i, 1], message: 'percent must be a number' };
    if (!Number.isInteger(t[2])) return { index: [i, 2], message: 'line must be an integer' };
    if (t.length >= 5) {
      if (t[3] !== null && !isNum(t[3])) return { index: [i, 3], message: 'done must be a number or null' };
      if (t[4] !== null && !isNum(t[4])) return { index: [i, 4], message: 'total must be a number or null' };
    }
    if (t.length === 6 && typeof t[5] !== 'string') return { index: [i, 5], message: 'qualifier must be a string' };
    if (t.length === 7) {
      if (t[5] !== null && typeof t[5] !== 'string') return { index: [i, 5], message: 'qualifier must be a string or null' };
      if (typeof t[6] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(t[6])) return { index: [i, 6], message: 'due must be a date like 2024-05-31' };
    }
  }
  return null;
}

/**
 * The first problem in a main file's content, checked by hand (no zod): what a sealed file gets. The
 * seal proves the text is unchanged since it was written, not that whoever wrote it (another tool, a
 * hand-made seal) wrote a valid database, and a bad value would surface as a TypeError deep in a
 * command. This pass costs a few milliseconds at 5,000 reports; zod's costs ~190 ms.
 */
export function dbProblem(raw: unknown): string | null {
  const at = (where: string, message: string) => `at ${where}: ${message}`;
  const isStr = (v: unknown): v is string => typeof v === 'string';
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(raw)) return 'expected a JSON object';
  if (raw.version !== CURRENT_VERSION) return at('version', `expected ${CURRENT_VERSION}`);
  const { aliases, items, reports, retired } = raw;
  if (!Array.isArray(aliases)) return at('aliases', 'expected an array');
  for (let i = 0; i < aliases.length; i++) {
    const a: unknown = aliases[i];
    if (!isObj(a) || !isStr(a.name) || !isStr(a.canonical)) return at(`aliases[${i}]`, 'expected { name, canonical } strings');
    if (a.off !== undefined && a.off !== true) return at(`aliases[${i}].off`, 'expected true or nothing');
    if (a.auto !== undefined && !(isObj(a.auto) && isStr(a.auto.source) && isStr(a.auto.week) && isNum(a.auto.line) && isStr(a.auto.text))) {
      return at(`aliases[${i}].auto`, 'expected { source, week, line, text }');
    }
  }
  if (!Array.isArray(items)) return at('items', 'expected an array');
  for (let i = 0; i < items.length; i++) {
    const t: unknown = items[i];
    if (
      !Array.isArray(t) || (t.length !== 3 && !(t.length === 4 && t[3] === 'lower')) ||
      !isStr(t[0]) || !(t[1] === null || isStr(t[1])) || (t[2] !== 'progress' && t[2] !== 'kpi')
    ) {
      return at(`items[${i}]`, 'expected [project, metric or null, "progress" or "kpi", optionally "lower"]');
    }
  }
  if (!Array.isArray(reports)) return at('reports', 'expected an array');
  const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  for (let r = 0; r < reports.length; r++) {
    const h: unknown = reports[r];
    const w = `reports[${r}]`;
    if (!isObj(h)) return at(w, 'expected an object');
    if (!isStr(h.id) || h.id === '') return at(`${w}.id`, 'expected a non-empty string');
    for (const k of ['source', 'team', 'title'] as const) if (!isStr(h[k])) return at(`${w}.${k}`, 'expected a string');
    if (!isStr(h.week) || !/^\d{4}-W\d{2}$/.test(h.week)) return at(`${w}.week`, 'expected a week like 2024-W10');
    if (!(h.date === null || isStr(h.date))) return at(`${w}.date`, 'expected a string or null');
    if (!isCount(h.progress) || !isCount(h.kpi)) return at(`${w}.progress`, 'expected counts');
    if (!Array.isArray(h.warnings) || !h.warnings.every((x) => isObj(x) && isNum(x.line) && isStr(x.message))) return at(`${w}.warnings`, 'expected [{ line, message }]');
    if (h.file !== undefined && !(isObj(h.file) && isStr(h.file.path) && isNum(h.file.size) && isNum(h.file.mtimeMs))) return at(`${w}.file`, 'expected { path, size, mtimeMs }');
    const problem = measureTupleProblem(h.m, items.length);
    if (problem) return at(`${w}.m${problem.index.map((i) => `[${i}]`).join('')}`, problem.message);
    if (h.s !== undefined) {
      if (!Array.isArray(h.s)) return at(`${w}.s`, 'expected an array of statements');
      for (let k = 0; k < h.s.length; k++) {
        const st: unknown = h.s[k];
        const ok =
          isObj(st) && ['completed', 'paused', 'cancelled', 'renamed'].includes(st.kind as string) && isStr(st.phrase) && isStr(st.rule) &&
          isNum(st.line) && Array.isArray(st.subjects) && st.subjects.every(isStr) && isStr(st.text) && (st.formerly === undefined || isStr(st.formerly));
        if (!ok) return at(`${w}.s[${k}]`, 'expected a statement { kind, phrase, rule, line, subjects, text, formerly? }');
      }
    }
  }
  if (!Array.isArray(retired) || !retired.every(isStr)) return at('retired', 'expected an array of file names');
  return null;
}

/** The same for an evidence file's content (see dbProblem). */
export function evidenceProblem(raw: unknown): string | null {
  const isStr = (v: unknown): v is string => typeof v === 'string';
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected a JSON object';
  const ev = raw as Record<string, unknown>;
  if (ev.version !== CURRENT_VERSION) return `at version: expected ${CURRENT_VERSION}`;
  for (const k of ['id', 'team', 'week', 'source'] as const) if (!isStr(ev[k])) return `at ${k}: expected a string`;
  if (!Array.isArray(ev.observations)) return 'at observations: expected an array';
  for (let i = 0; i < ev.observations.length; i++) {
    const o: unknown = ev.observations[i];
    const ok =
      typeof o === 'object' && o !== null &&
      isStr((o as Observation).project) && ((o as Observation).metric === null || isStr((o as Observation).metric)) &&
      isNum((o as Observation).percent) && ((o as Observation).kind === 'progress' || (o as Observation).kind === 'kpi') &&
      isNum((o as Observation).line) && Array.isArray((o as Observation).section) && (o as Observation).section.every(isStr) &&
      isStr((o as Observation).text);
    if (!ok) return `at observations[${i}]: expected an observation (project, metric, percent, kind, line, section, text)`;
  }
  return null;
}

// ---------------------------------------------------------------- compact codec

/** Interns (project, metric, kind) triples; `index` returns a stable slot for a triple. */
export class ItemTable {
  readonly items: ItemTuple[];
  private readonly slots = new Map<string, number>();

  constructor(items: ItemTuple[] = []) {
    this.items = items;
    items.forEach((it, i) => this.slots.set(ItemTable.key(it[0], it[1], it[2], it[3]), i));
  }

  private static key(project: string, metric: string | null, kind: string, direction?: string): string {
    // \u0001 marks a null metric so that "" and null stay distinct.
    return `${kind}\u0000${project}\u0000${metric === null ? '\u0001' : metric}\u0000${direction ?? ''}`;
  }

  index(project: string, metric: string | null, kind: 'progress' | 'kpi', direction?: 'lower'): number {
    const key = ItemTable.key(project, metric, kind, direction);
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.items.length;
      this.items.push(direction ? [project, metric, kind, direction] : [project, metric, kind]);
      this.slots.set(key, slot);
    }
    return slot;
  }
}

export function encodeMeasure(m: Measure, table: ItemTable): MeasureTuple {
  const item = table.index(m.project, m.metric, m.kind, m.kind === 'kpi' ? m.direction : undefined);
  if (m.due !== undefined) return [item, m.percent, m.line, m.done ?? null, m.total ?? null, m.qualifier ?? null, m.due];
  if (m.qualifier !== undefined) return [item, m.percent, m.line, m.done ?? null, m.total ?? null, m.qualifier];
  if (m.done !== undefined || m.total !== undefined) return [item, m.percent, m.line, m.done ?? null, m.total ?? null];
  return [item, m.percent, m.line];
}

export function decodeMeasure(t: MeasureTuple, items: readonly ItemTuple[]): Measure {
  const [project, metric, kind, direction] = items[t[0]]!;
  const m: Measure = { project, metric, percent: t[1], kind, line: t[2] };
  if (direction) m.direction = direction;
  if (t.length >= 5) {
    if (t[3] !== null) m.done = t[3];
    if (t[4] !== null) m.total = t[4];
  }
  if (t.length >= 6 && t[5] !== null && t[5] !== undefined) m.qualifier = t[5];
  if (t.length === 7) m.due = t[6];
  return m;
}

/** Just the numeric part of an observation, with no evidence fields. */
export function measureOf(o: Measure): Measure {
  const m: Measure = { project: o.project, metric: o.metric, percent: o.percent, kind: o.kind, line: o.line };
  if (o.done !== undefined) m.done = o.done;
  if (o.total !== undefined) m.total = o.total;
  if (o.qualifier !== undefined) m.qualifier = o.qualifier;
  if (o.direction !== undefined) m.direction = o.direction;
  if (o.due !== undefined) m.due = o.due;
  return m;
}

// ---------------------------------------------------------------- evidence file names

const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** `<id>-<8 hex of team+week>.json`; an id that is not file-name safe is replaced by its hash. */
export function evidenceName(r: { id: string; team: string; week: string }): string {
  const id = SAFE_ID.test(r.id) ? r.id : createHash('sha256').update(r.id).digest('hex').slice(0, 40);
  const tw = createHash('sha256').update(`${r.team}\u0000${r.week}`).digest('hex').slice(0, 8);
  return `${id}-${tw}.json`;
}

export function emptyDb(): DbFile {
  return { version: CURRENT_VERSION, aliases: [], items: [], reports: [], retired: [] };
}
