// The on-disk format of the database (manifest + measure segments + evidence files), its hand validation and the compact measure codec.
/*
 * FORMAT, version 4 (CURRENT_VERSION)
 * ===================================
 *
 * What is read together is stored together, and nothing is rewritten that did not change:
 *
 *   data/milestones.json            the manifest: names the base and the journal records (the commit point)
 *   data/milestones.json.d/
 *     m-<16 hex>.json               a base: report headers, aliases, the list of segments, as of some commit
 *     j-<16 hex>.json               a journal record: what one later commit changed
 *     w-2024-W10-<16 hex>.json      a measure segment: the figures and statements of some reports of one week
 *     <id>-<8 hex>.json             an evidence file: one report's observations with their text (as in version 2)
 *   data/milestones.json.bak        the previous manifest
 *
 * Manifest — small; rewritten (atomically, through lowdb and the store's adapter) by every commit:
 *
 *   {
 *     "version": 4,
 *     "base": "m-3f0c….json",
 *     "journal": [ "j-91aa….json", "j-07b2….json" ],        oldest first
 *     "retired": [ "…files the .bak references and this generation does not…" ],
 *     "seal": "…"
 *   }
 *
 * Base `m-<first 16 hex of its seal>.json` — everything `weeks` needs and what locates the rest; no figures:
 *
 *   {
 *     "version": 4,
 *     "aliases": [ { "name": "店东看懂账一期", "canonical": "店东看懂账" } ],
 *     "segments": [ ["w-2024-W10-1f0c…", "2024-W10", 120], … ],      name, week, reports it holds
 *     "reports": [
 *       { "id": "…content hash…", "source": "reports/2024-W10.md", "team": "", "week": "2024-W10",
 *         "date": "2024-03-08", "title": "…", "progress": 2, "kpi": 1, "warnings": [],
 *         "file": { "path": "/abs/reports/2024-W10.md", "size": 1234, "mtimeMs": 1709880000000 },
 *         "seg": "w-2024-W10-1f0c….json" }
 *     ],
 *     "seal": "…"
 *   }
 *
 * Journal record `j-<first 16 hex of its seal>.json` — one commit's change, after the base or record it follows:
 *
 *   {
 *     "version": 4,
 *     "after": "m-3f0c….json",                 the base or the previous record (a record out of order is refused)
 *     "aliases": [ … ],                         the whole list, only when the commit changed it
 *     "drop": [ ["…id…", "team", "2024-W10"] ], reports removed (replaced by another file or week)
 *     "segmentsDropped": [ "w-…" ],             segments merged into a new one or left with no live report
 *     "segmentsAdded": [ ["w-2024-W11-…", "2024-W11", 500] ],
 *     "put": [ { …a report line as in the base… } ],   new reports, and stored ones whose header or segment changed
 *     "seal": "…"
 *   }
 *
 * - The logical manifest is the base with each record applied in order: drops, then puts (by id,
 *   team and week), then segment changes (a week's new segment after its older ones).
 * - A commit writes its segments, evidence files and one journal record (the size of its batch),
 *   then the manifest. Once the journal holds 32 records or a third of the base's size (past 64 KB),
 *   the same commit folds it into a new base and writes the manifest again (without moving the
 *   `.bak`, so the `.bak` still goes back exactly one commit); killed in between, the appended
 *   generation stands and the unnamed base is removed by the next writer.
 * - `reports` is sorted by week, team, source, id, one line each. `seg` names the segment that
 *   holds the report's figures. `file.path` is left out when it equals `source` (the usual case:
 *   a file given by its absolute path), and read back as `source`.
 * - `retired` lists files that the previous generation (`<db>.bak`) still references but this one
 *   does not (segments, evidence, a base and journal records); they are kept one more save so that
 *   restoring the `.bak` is complete.
 * - `seal` (last field) is the sha256 of the file's text before it: it says the text is byte for
 *   byte what milestones wrote. A base or journal record whose name is not its own seal's prefix is
 *   refused (a file of another database); a journal record's seal is verified; the base gets the
 *   full hand check of every field when it is loaded (so a valid seal over bad content is refused
 *   too), as does the replayed whole. A person may edit the base by hand.
 *
 * Measure segment `<db>.d/w-<week>-<first 16 hex of its seal>.json` — written once, never modified
 * (format unchanged since version 3, its own `"version": 3`):
 *
 *   {
 *     "version": 3,
 *     "week": "2024-W10",
 *     "items": [ ["支付网关重构", null, "progress"], ["支付差错率", null, "kpi", "lower"] ],
 *     "reports": [
 *       { "id": "…", "team": "", "m": [ [0, 45, 12], [1, 0.3, 20, null, null, "约"] ],
 *         "s": [ { "kind": "completed", "phrase": "已全量上线", "rule": "completion-words", "line": 14,
 *                  "subjects": ["历史账单回迁"], "text": "✅ 历史账单回迁完毕，已全量上线" } ] }
 *     ],
 *     "seal": "…"
 *   }
 *
 * - The name is content-addressed (its hash is the seal's prefix), so a crash between writing
 *   segments and writing the manifest leaves only files no manifest names (removed by the next
 *   writer), a referenced segment is never overwritten, and a foreign, edited or damaged segment
 *   is detected by its seal and named in the error.
 * - `items` interns every distinct (project, metric, kind[, "lower"]) of the segment once; the
 *   Chinese names are the bulk of the text, so they are not repeated for each measure.
 * - `m` holds one tuple per Measure, in the report's order:
 *     [itemIndex, percent, line]                                   the common case
 *     [itemIndex, percent, line, done|null, total|null]            the line gave a fraction
 *     [itemIndex, percent, line, done|null, total|null, qualifier] an approximate figure (`约`, `>`, …)
 *     [itemIndex, percent, line, done|null, total|null, qualifier|null, due]  a stated due date (`YYYY-MM-DD`)
 *     [itemIndex, percent, line, done|null, total|null, qualifier|null, due|null, prev]  the earlier figure the report
 *                                                                  states (`70%（上周 60%）`, a last-week column)
 * - `s` (absent when empty): the report's statements in words (model/types.ts Statement) as the
 *   extractor recorded them; analyze/ decides which tracked item each names.
 * - A segment may hold records of reports the manifest no longer names (replaced by a later
 *   ingest); they are never read, and go when the week's segments are merged.
 * - A commit writes one new segment per week it adds reports to, then merges the week's newest
 *   segments while the newest is at least half the size of the one before it (so a week has about
 *   log2(reports ÷ batch) segments and each figure is rewritten as often), and rewrites the week
 *   whole when more of its records are dead than live.
 *
 * Evidence file `<db>.d/<evidenceName(report)>` (format unchanged since version 2, its own
 * `"version": 2`), written once and never modified, sealed like the manifest:
 *
 *   { "version": 2, "id": "…", "team": "", "week": "2024-W10", "source": "…",
 *     "observations": [ { …every Observation field: project, metric, percent, kind, line, section,
 *                         text, done?, total?, qualifier?, due?, prev?, planned? } ] }
 *
 * The name is `<id>-<hash(team, week)>.json`: one stored report = one (id, team, week), and a
 * stored (id, team, week) is never rewritten (re-putting it is a no-op).
 *
 * The manifest is the single commit point: segments and evidence are written and fsynced first,
 * then the manifest is atomically renamed into place.
 *
 * Version 3 (the whole manifest — headers, aliases, segments — in the main file, rewritten by every
 * commit) is read as it is; version 2 (one main file holding every figure: `items` and, per report,
 * `m` and `s`; evidence files as today) and version 1 (observations inline) are migrated forward
 * automatically: read in memory at once. The next command that saves writes a base in this layout
 * (see manifest.ts, migrate.ts); the old file becomes the `.bak` and still works if copied back.
 */

import { hash } from 'node:crypto';
import type { Measure, Statement } from '../model/types.js';
import type { AliasEntry, StoredHeader } from './types.js';

export const CURRENT_VERSION = 4;
/** Evidence files kept their version 2 format. */
export const EVIDENCE_VERSION = 2;
/** Measure segments kept their version 3 format. */
export const SEGMENT_VERSION = 3;

export type ItemTuple =
  | [project: string, metric: string | null, kind: 'progress' | 'kpi']
  | [project: string, metric: string | null, kind: 'progress' | 'kpi', direction: 'lower'];

/** See the format comment above: `[item, percent, line, done?, total?, qualifier?]`. */
export type MeasureTuple =
  | [number, number, number]
  | [number, number, number, number | null, number | null]
  | [number, number, number, number | null, number | null, string]
  | [number, number, number, number | null, number | null, string | null, string]
  | [number, number, number, number | null, number | null, string | null, string | null, number];

/** A report as the manifest lists it: its header and the segment holding its figures. */
export interface ReportRecord extends StoredHeader {
  seg: string;
}

/** `[name, week, records]`: a segment file, its week, how many report records it holds (live or not). */
export type SegmentEntry = [name: string, week: string, records: number];

/** The logical content of a generation: what the base and the journal records add up to (reports sorted). */
export interface Manifest {
  version: typeof CURRENT_VERSION;
  aliases: AliasEntry[];
  segments: SegmentEntry[];
  reports: ReportRecord[];
  retired: string[];
}

/** One report's figures in a segment. */
export interface SegmentRecord {
  id: string;
  team: string;
  m: MeasureTuple[];
  s?: Statement[];
}

export interface SegmentFile {
  version: typeof SEGMENT_VERSION;
  week: string;
  items: ItemTuple[];
  reports: SegmentRecord[];
}

export interface EvidenceFile {
  version: typeof EVIDENCE_VERSION;
  id: string;
  team: string;
  week: string;
  source: string;
  observations: import('../model/types.js').Observation[];
}

// ---------------------------------------------------------------- version 2 (migrated from)

export interface StoredReportV2 extends StoredHeader {
  m: MeasureTuple[];
  s?: Statement[];
}

export interface DbFileV2 {
  version: 2;
  aliases: AliasEntry[];
  items: ItemTuple[];
  reports: StoredReportV2[];
  retired: string[];
}

// ---------------------------------------------------------------- hand validation

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (where: string, message: string) => `at ${where}: ${message}`;
const WEEK = /^\d{4}-W\d{2}$/;

/**
 * The first problem in a list of measure tuples, or null. A hand loop rather than a zod tuple per
 * measure: validating 100,000+ tuples through zod's generic machinery costs more than parsing them.
 */
export function measureTupleProblem(value: unknown, itemCount: number): { index: number[]; message: string } | null {
  if (!Array.isArray(value)) return { index: [], message: 'expected an array of measure tuples' };
  for (let i = 0; i < value.length; i++) {
    const t: unknown = value[i];
    if (!Array.isArray(t) || (t.length !== 3 && t.length !== 5 && t.length !== 6 && t.length !== 7 && t.length !== 8)) {
      return { index: [i], message: 'expected [item, percent, line] or [item, percent, line, done, total, qualifier?, due?, prev?]' };
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
    if (t.length >= 7) {
      if (t[5] !== null && typeof t[5] !== 'string') return { index: [i, 5], message: 'qualifier must be a string or null' };
      if (!(t.length === 8 && t[6] === null) && (typeof t[6] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(t[6]))) return { index: [i, 6], message: 'due must be a date like 2024-05-31' };
    }
    if (t.length === 8 && !isNum(t[7])) return { index: [i, 7], message: 'prev must be a number' };
  }
  return null;
}

export function aliasesProblem(aliases: unknown): string | null {
  if (!Array.isArray(aliases)) return at('aliases', 'expected an array');
  for (let i = 0; i < aliases.length; i++) {
    const a: unknown = aliases[i];
    if (!isObj(a) || !isStr(a.name) || !isStr(a.canonical)) return at(`aliases[${i}]`, 'expected { name, canonical } strings');
    if (a.off !== undefined && a.off !== true) return at(`aliases[${i}].off`, 'expected true or nothing');
    if (a.auto !== undefined && !(isObj(a.auto) && isStr(a.auto.source) && isStr(a.auto.week) && isNum(a.auto.line) && isStr(a.auto.text))) {
      return at(`aliases[${i}].auto`, 'expected { source, week, line, text }');
    }
  }
  return null;
}

function itemsProblem(items: unknown): string | null {
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
  return null;
}

export function headerProblem(h: unknown, w: string): string | null {
  const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  if (!isObj(h)) return at(w, 'expected an object');
  if (!isStr(h.id) || h.id === '') return at(`${w}.id`, 'expected a non-empty string');
  for (const k of ['source', 'team', 'title'] as const) if (!isStr(h[k])) return at(`${w}.${k}`, 'expected a string');
  if (!isStr(h.week) || !WEEK.test(h.week)) return at(`${w}.week`, 'expected a week like 2024-W10');
  if (!(h.date === null || isStr(h.date))) return at(`${w}.date`, 'expected a string or null');
  if (!isCount(h.progress) || !isCount(h.kpi)) return at(`${w}.progress`, 'expected counts');
  if (!Array.isArray(h.warnings) || !h.warnings.every((x) => isObj(x) && isNum(x.line) && isStr(x.message))) return at(`${w}.warnings`, 'expected [{ line, message }]');
  if (h.file !== undefined && !(isObj(h.file) && isStr(h.file.path) && isNum(h.file.size) && isNum(h.file.mtimeMs))) return at(`${w}.file`, 'expected { path, size, mtimeMs }');
  return null;
}

/** Figures and statements of one report (`m`, `s`), as a version 2 report and a segment record hold them. */
function figuresProblem(h: Record<string, unknown>, w: string, itemCount: number): string | null {
  const problem = measureTupleProblem(h.m, itemCount);
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
  return null;
}

/**
 * The first problem in a manifest's content, checked by hand (no zod): what a sealed manifest gets.
 * The seal proves the text is unchanged since it was written, not that whoever wrote it (another
 * tool, a hand-made seal) wrote a valid database, and a bad value would surface as a TypeError deep
 * in a command. This pass costs a few milliseconds at 5,000 reports; zod's costs ~190 ms.
 */
export function manifestProblem(raw: unknown, version: number = CURRENT_VERSION): string | null {
  if (!isObj(raw)) return 'expected a JSON object';
  if (raw.version !== version) return at('version', `expected ${version}`);
  const { aliases, segments, reports, retired } = raw;
  const a = aliasesProblem(aliases);
  if (a) return a;
  if (!Array.isArray(segments)) return at('segments', 'expected an array');
  const names = new Set<string>();
  for (let i = 0; i < segments.length; i++) {
    const e: unknown = segments[i];
    if (!Array.isArray(e) || e.length !== 3 || !isStr(e[0]) || !isStr(e[1]) || !WEEK.test(e[1]) || !Number.isInteger(e[2]) || e[2] < 0) {
      return at(`segments[${i}]`, 'expected [file name, week, record count]');
    }
    if (!isSegmentName(e[0]) || segmentWeek(e[0]) !== e[1]) return at(`segments[${i}]`, `${JSON.stringify(e[0])} is not the name of a segment of ${e[1]}`);
    names.add(e[0]);
  }
  if (!Array.isArray(reports)) return at('reports', 'expected an array');
  for (let r = 0; r < reports.length; r++) {
    const h: unknown = reports[r];
    const w = `reports[${r}]`;
    const p = headerProblem(h, w);
    if (p) return p;
    const seg = (h as Record<string, unknown>).seg;
    if (!isStr(seg) || !names.has(seg)) return at(`${w}.seg`, 'expected the name of a listed segment');
    if (segmentWeek(seg) !== (h as Record<string, unknown>).week) return at(`${w}.seg`, 'the segment is of another week');
  }
  if (!Array.isArray(retired) || !retired.every(isStr)) return at('retired', 'expected an array of file names');
  return null;
}

/** The same for a segment's content (see manifestProblem). */
export function segmentProblem(raw: unknown): string | null {
  if (!isObj(raw)) return 'expected a JSON object';
  if (raw.version !== SEGMENT_VERSION) return at('version', `expected ${SEGMENT_VERSION}`);
  if (!isStr(raw.week) || !WEEK.test(raw.week)) return at('week', 'expected a week like 2024-W10');
  const i = itemsProblem(raw.items);
  if (i) return i;
  const n = (raw.items as unknown[]).length;
  if (!Array.isArray(raw.reports)) return at('reports', 'expected an array');
  for (let r = 0; r < raw.reports.length; r++) {
    const rec: unknown = raw.reports[r];
    const w = `reports[${r}]`;
    if (!isObj(rec)) return at(w, 'expected an object');
    if (!isStr(rec.id) || rec.id === '') return at(`${w}.id`, 'expected a non-empty string');
    if (!isStr(rec.team)) return at(`${w}.team`, 'expected a string');
    const p = figuresProblem(rec, w, n);
    if (p) return p;
  }
  return null;
}

/** The same for a version 2 main file (migrated from). */
export function v2Problem(raw: unknown): string | null {
  if (!isObj(raw)) return 'expected a JSON object';
  if (raw.version !== 2) return at('version', 'expected 2');
  const { aliases, items, reports, retired } = raw;
  const a = aliasesProblem(aliases) ?? itemsProblem(items);
  if (a) return a;
  if (!Array.isArray(reports)) return at('reports', 'expected an array');
  const n = (items as unknown[]).length;
  for (let r = 0; r < reports.length; r++) {
    const w = `reports[${r}]`;
    const p = headerProblem(reports[r], w) ?? figuresProblem(reports[r] as Record<string, unknown>, w, n);
    if (p) return p;
  }
  if (!Array.isArray(retired) || !retired.every(isStr)) return at('retired', 'expected an array of file names');
  return null;
}

/** The same for an evidence file's content. */
export function evidenceProblem(raw: unknown): string | null {
  if (!isObj(raw)) return 'expected a JSON object';
  const ev = raw;
  if (ev.version !== EVIDENCE_VERSION) return `at version: expected ${EVIDENCE_VERSION}`;
  for (const k of ['id', 'team', 'week', 'source'] as const) if (!isStr(ev[k])) return `at ${k}: expected a string`;
  if (!Array.isArray(ev.observations)) return 'at observations: expected an array';
  for (let i = 0; i < ev.observations.length; i++) {
    const o: unknown = ev.observations[i];
    const ok =
      isObj(o) && isStr(o.project) && (o.metric === null || isStr(o.metric)) && isNum(o.percent) && (o.kind === 'progress' || o.kind === 'kpi') &&
      isNum(o.line) && Array.isArray(o.section) && o.section.every(isStr) && isStr(o.text);
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

  /** A tuple of another table (`from`) re-pointed at this one. */
  adopt(t: MeasureTuple, from: readonly ItemTuple[]): MeasureTuple {
    const [project, metric, kind, direction] = from[t[0]]!;
    const copy = [...t] as MeasureTuple;
    copy[0] = this.index(project, metric, kind, direction);
    return copy;
  }
}

export function encodeMeasure(m: Measure, table: ItemTable): MeasureTuple {
  const item = table.index(m.project, m.metric, m.kind, m.kind === 'kpi' ? m.direction : undefined);
  if (m.prev !== undefined) return [item, m.percent, m.line, m.done ?? null, m.total ?? null, m.qualifier ?? null, m.due ?? null, m.prev];
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
  if (t.length >= 7 && t[6] !== null && t[6] !== undefined) m.due = t[6];
  if (t.length === 8) m.prev = t[7];
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
  if (o.prev !== undefined) m.prev = o.prev;
  return m;
}

// ---------------------------------------------------------------- file names

const SAFE_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** `<id>-<8 hex of team+week>.json`; an id that is not file-name safe is replaced by its hash. */
export function evidenceName(r: { id: string; team: string; week: string }): string {
  const id = SAFE_ID.test(r.id) ? r.id : hash('sha256', r.id, 'hex').slice(0, 40);
  const tw = hash('sha256', `${r.team}\u0000${r.week}`, 'hex').slice(0, 8);
  return `${id}-${tw}.json`;
}

const SEGMENT_NAME = /^w-(\d{4}-W\d{2})-([0-9a-f]{16})\.json$/;

/** `w-<week>-<first 16 hex of the seal>.json`: the name says which week and which content. */
export function segmentName(week: string, seal: string): string {
  return `w-${week}-${seal.slice(0, 16)}.json`;
}

const BASE_NAME = /^m-([0-9a-f]{16})\.json$/;
const JOURNAL_NAME = /^j-([0-9a-f]{16})\.json$/;

/** `m-<16 hex>.json` (a manifest base) or `j-<16 hex>.json` (a journal record): content-addressed like segments. */
export function manifestFileName(kind: 'm' | 'j', seal: string): string {
  return `${kind}-${seal.slice(0, 16)}.json`;
}

/** The hash part of a base's or journal record's name, or undefined when the name is not one. */
export function manifestFileHash(kind: 'm' | 'j', name: string): string | undefined {
  return (kind === 'm' ? BASE_NAME : JOURNAL_NAME).exec(name)?.[1];
}

export function isSegmentName(name: string): boolean {
  return SEGMENT_NAME.test(name);
}

export function segmentWeek(name: string): string | undefined {
  return SEGMENT_NAME.exec(name)?.[1];
}

/** The hash part of a segment's name (what its seal must begin with). */
export function segmentHash(name: string): string | undefined {
  return SEGMENT_NAME.exec(name)?.[2];
}

export function emptyManifest(): Manifest {
  return { version: CURRENT_VERSION, aliases: [], segments: [], reports: [], retired: [] };
}

/** The identity of a report inside its week's segments. */
export function recordKey(r: { id: string; team: string }): string {
  return `${r.id}\u0000${r.team}`;
}
