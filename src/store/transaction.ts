// The transaction: the reports, aliases and new figures of one locked read-modify-write, and the next generation it builds.

import { InputError } from '../model/errors.js';
import { normalizeName } from '../model/name.js';
import type { Measure, Report, Statement } from '../model/types.js';
import { evidenceOf } from './evidence.js';
import {
  CURRENT_VERSION,
  evidenceName,
  recordKey,
  type EvidenceFile,
  type Manifest,
  type ReportRecord,
  type SegmentEntry,
} from './schema.js';
import { sortReports, type Delta } from './manifest.js';
import { buildSegment, type LoadedSegment, type SegmentInput, type WrittenSegment } from './segments.js';
import type { AliasEntry, FileStamp, PutOptions, PutResult, StoredHeader, Transaction } from './types.js';
import { schemas } from './validate.js';

/** The figures of a report that go into a new segment at commit. */
interface Fresh {
  measures: readonly Measure[];
  statements?: readonly Statement[];
}

/** A generation's lookups (team+week, team+path), built once and carried from commit to commit. */
export interface ManifestIndex {
  byTeamWeek: Map<string, ReportRecord>;
  byTeamPath: Map<string, ReportRecord>;
}

const twKey = (r: { team: string; week: string }) => `${r.team}\u0000${r.week}`;
const tpKey = (team: string, p: string) => `${team}\u0000${p}`;

export function buildIndex(m: Manifest): ManifestIndex {
  const ix: ManifestIndex = { byTeamWeek: new Map(), byTeamPath: new Map() };
  for (const r of m.reports) {
    ix.byTeamWeek.set(twKey(r), r);
    if (r.file) ix.byTeamPath.set(tpKey(r.team, r.file.path), r);
  }
  return ix;
}

/** What build() returns: the next generation, its new segments, and what changed (the journal record). */
export interface Built {
  manifest: Manifest;
  written: WrittenSegment[];
  delta: Delta;
  /** Loaded records this transaction removed (for the files they leave behind). */
  removed: ReportRecord[];
}

export class Tx implements Transaction {
  changed = false;
  readonly evidence = new Map<string, EvidenceFile>();
  /** Reports (new, or whose segment is lost) whose figures go into a new segment of their week. */
  private readonly fresh = new Map<ReportRecord, Fresh>();
  /**
   * The loaded generation is never changed: this transaction's records are kept beside it (`added`,
   * insertion-ordered so that removal is O(1)), the loaded records it removes in `removed`, and its
   * lookups in overlays over the loaded index (null: removed). A commit costs the batch, not the database.
   */
  private readonly added = new Set<ReportRecord>();
  private readonly removed = new Set<ReportRecord>();
  private readonly twOverlay = new Map<string, ReportRecord | null>();
  private readonly tpOverlay = new Map<string, ReportRecord | null>();
  private readonly aliasList: AliasEntry[];
  private aliasesChanged = false;

  /**
   * `filesOk` says whether a stored report's evidence and segment files are there and whole; it is
   * asked only for reports a transaction puts again.
   */
  constructor(
    private readonly manifest: Manifest,
    private readonly base: ManifestIndex = buildIndex(manifest),
    private readonly filesOk: (r: ReportRecord) => { evidence: boolean; segment: boolean } = () => ({ evidence: true, segment: true }),
  ) {
    this.aliasList = manifest.aliases.map((a) => ({ ...a }));
  }

  private byTeamWeek(k: string): ReportRecord | undefined {
    const o = this.twOverlay.get(k);
    return o === undefined ? this.base.byTeamWeek.get(k) : (o ?? undefined);
  }

  private byTeamPath(k: string): ReportRecord | undefined {
    const o = this.tpOverlay.get(k);
    return o === undefined ? this.base.byTeamPath.get(k) : (o ?? undefined);
  }

  /** Replaces a stored record by an updated copy (the loaded generation is never changed in place). */
  private update(r: ReportRecord, change: Partial<ReportRecord>): ReportRecord {
    const copy: ReportRecord = { ...r, ...change };
    const f = this.fresh.get(r);
    this.unindex(r);
    this.added.add(copy);
    this.index(copy);
    if (f) this.fresh.set(copy, f);
    return copy;
  }

  private index(r: ReportRecord): void {
    this.twOverlay.set(twKey(r), r);
    if (r.file) this.tpOverlay.set(tpKey(r.team, r.file.path), r);
  }

  private unindex(r: ReportRecord): void {
    if (this.added.has(r)) this.added.delete(r);
    else this.removed.add(r);
    this.fresh.delete(r);
    const tw = twKey(r);
    if (this.byTeamWeek(tw) === r) this.twOverlay.set(tw, null);
    if (r.file && this.byTeamPath(tpKey(r.team, r.file.path)) === r) this.tpOverlay.set(tpKey(r.team, r.file.path), null);
  }

  /** The loaded index brought to the generation build() made (call once that generation is committed). */
  advanceIndex(built: Built): ManifestIndex {
    const ix = this.base;
    for (const [k, r] of this.twOverlay) if (r === null) ix.byTeamWeek.delete(k);
    for (const [k, r] of this.tpOverlay) if (r === null) ix.byTeamPath.delete(k);
    for (const r of built.delta.put) {
      ix.byTeamWeek.set(twKey(r), r);
      if (r.file) ix.byTeamPath.set(tpKey(r.team, r.file.path), r);
    }
    return ix;
  }

  /** Whether the generation this transaction builds holds the report (id, team, week). */
  holds(k: { id: string; team: string; week: string }): boolean {
    const r = this.byTeamWeek(twKey(k));
    return !!r && r.id === k.id;
  }

  private live(): ReportRecord[] {
    const out: ReportRecord[] = [];
    for (const r of this.manifest.reports) if (!this.removed.has(r)) out.push(r);
    for (const r of this.added) out.push(r);
    return out;
  }

  headers(): StoredHeader[] {
    return sortReports(this.live()).map(toHeader);
  }

  aliases(): AliasEntry[] {
    return this.aliasList.map((a) => ({ ...a }));
  }

  putReport(report: Report, file?: FileStamp, options: PutOptions = {}): PutResult {
    const { reportSchema, describeIssue } = schemas();
    const checked = reportSchema.safeParse(report);
    if (!checked.success) {
      throw new InputError(`cannot store this report: ${describeIssue(checked.error)}`, { where: report.source });
    }
    const same = this.byTeamWeek(twKey(report));
    // Another file holds this team and week: the caller's rule decides which one stays (issue 8: two
    // files of one week flipped the stored report on every run).
    const otherFile = !!same && !!file && !!same.file && same.file.path !== file.path;
    if (same && otherFile && options.keepHeld?.(toHeader(same))) return { action: 'conflict', header: toHeader(same) };
    if (same && same.id === report.id) {
      let action: PutResult['action'] = 'unchanged';
      let replaced: StoredHeader | undefined;
      let held = same;
      if (file && otherFile && options.keepHeld) {
        // The same content from the file the rule prefers: it becomes the report's source (the evidence is the same).
        replaced = toHeader(held);
        held = this.update(held, { source: report.source, file: { ...file } });
        this.changed = true;
        action = 'replaced';
      } else if (file && !sameStamp(held.file, file)) {
        // Same content, touched file: remember the new stamp so the next ingest can skip it unread.
        held = this.update(held, { file: { ...file } });
        this.changed = true;
      }
      const ok = this.filesOk(held);
      if (!ok.evidence || !ok.segment) {
        // Its evidence file or segment is missing or damaged: re-ingesting the file rebuilds it (issue 8, item 7).
        if (!ok.evidence) this.evidence.set(evidenceName(held), evidenceOf(report));
        if (!ok.segment) this.fresh.set(held, { measures: report.observations, ...(report.statements?.length ? { statements: report.statements } : {}) });
        this.changed = true;
        if (action === 'unchanged') action = 'rebuilt';
      }
      return replaced ? { action, header: toHeader(held), replaced } : { action, header: toHeader(held) };
    }
    const replaced: ReportRecord[] = [];
    if (same) replaced.push(same);
    const samePath = file ? this.byTeamPath(tpKey(report.team, file.path)) : undefined;
    if (samePath && samePath !== same) replaced.push(samePath);
    for (const r of replaced) this.unindex(r);

    const stored: ReportRecord = {
      id: report.id,
      source: report.source,
      team: report.team,
      week: report.week,
      date: report.date,
      title: report.title,
      progress: report.observations.filter((o) => o.kind === 'progress').length,
      kpi: report.observations.filter((o) => o.kind === 'kpi').length,
      warnings: report.warnings.map((w) => ({ line: w.line, message: w.message })),
      ...(file ? { file: { path: file.path, size: file.size, mtimeMs: file.mtimeMs } } : {}),
      seg: '', // set when the commit writes its segment
    };
    this.fresh.set(stored, { measures: report.observations, ...(report.statements?.length ? { statements: report.statements } : {}) });
    this.added.add(stored);
    this.index(stored);
    this.evidence.set(evidenceName(stored), evidenceOf(report));
    this.changed = true;
    const header = toHeader(stored);
    return replaced.length > 0 ? { action: 'replaced', header, replaced: toHeader(replaced[0]!) } : { action: 'added', header };
  }

  setAlias(name: string, canonical: string): void {
    const key = normalizeName(name);
    const at = this.aliasList.findIndex((a) => normalizeName(a.name) === key);
    if (at >= 0) {
      const cur = this.aliasList[at]!;
      if (cur.name === name && cur.canonical === canonical && !cur.auto && !cur.off) return;
      this.aliasList[at] = { name, canonical };
    } else {
      this.aliasList.push({ name, canonical });
    }
    this.changed = true;
    this.aliasesChanged = true;
  }

  setStatedAlias(name: string, canonical: string, evidence: NonNullable<AliasEntry['auto']>): boolean {
    const key = normalizeName(name);
    if (!key || key === normalizeName(canonical) || this.aliasList.some((a) => normalizeName(a.name) === key)) return false;
    this.aliasList.push({ name, canonical, auto: { ...evidence } });
    this.changed = true;
    this.aliasesChanged = true;
    return true;
  }

  removeAlias(name: string): boolean {
    const key = normalizeName(name);
    const at = this.aliasList.findIndex((a) => normalizeName(a.name) === key && !a.off);
    if (at < 0) return false;
    const cur = this.aliasList[at]!;
    // A stated rename stays on record, switched off, so that re-ingesting its report does not restore it.
    if (cur.auto) this.aliasList[at] = { ...cur, off: true };
    else this.aliasList.splice(at, 1);
    this.changed = true;
    this.aliasesChanged = true;
    return true;
  }

  /**
   * The next generation: reports sorted, and for each week that gained figures one new segment. The
   * new segment takes in the week's newest segments while they are no more than twice its size (so a
   * week keeps about log2(reports ÷ batch) segments and a figure is rewritten that often), and the
   * whole week when more of its records are dead (replaced reports) than live. `load` reads a segment
   * (null when it cannot be read: it is then left as it is).
   */
  build(load: (name: string) => LoadedSegment | null): Built {
    // The loaded reports minus those removed (still sorted), merged with this transaction's (sorted).
    const addedSorted = sortReports([...this.added]);
    const kept: ReportRecord[] = [];
    for (const r of this.manifest.reports) if (!this.removed.has(r)) kept.push(r);
    const reports = mergeSorted(kept, addedSorted);
    // Only the weeks that gain or lose records are looked at: the others keep their segments as they are.
    const touched = new Set<string>();
    for (const r of this.removed) touched.add(r.week);
    for (const r of this.added) touched.add(r.week);
    for (const r of this.fresh.keys()) touched.add(r.week);
    // Live records of each segment of a touched week, by (id, team).
    const holders = new Map<string, Map<string, ReportRecord>>();
    for (const week of touched) {
      for (let i = firstOfWeek(reports, week); i < reports.length && reports[i]!.week === week; i++) {
        const r = reports[i]!;
        if (this.fresh.has(r)) continue;
        let m = holders.get(r.seg);
        if (!m) holders.set(r.seg, (m = new Map()));
        m.set(recordKey(r), r);
      }
    }
    const liveOf = (name: string) => holders.get(name)?.size ?? 0;
    const byWeek = new Map<string, SegmentEntry[]>();
    const untouched: SegmentEntry[] = [];
    for (const e of this.manifest.segments) {
      if (!touched.has(e[1])) {
        untouched.push(e);
        continue;
      }
      if (liveOf(e[0]) === 0) continue; // nothing refers to it any more: retired
      const list = byWeek.get(e[1]);
      if (list) list.push(e);
      else byWeek.set(e[1], [e]);
    }
    const freshByWeek = new Map<string, ReportRecord[]>();
    for (const r of sortReports([...this.fresh.keys()])) {
      const list = freshByWeek.get(r.week);
      if (list) list.push(r);
      else freshByWeek.set(r.week, [r]);
    }
    const moved = new Map<ReportRecord, string>();
    const written: WrittenSegment[] = [];
    for (const [week, rs] of freshByWeek) {
      const entries = byWeek.get(week) ?? [];
      const inputs: SegmentInput[] = rs.map((r) => ({ id: r.id, team: r.team, ...this.fresh.get(r)! }));
      const members: ReportRecord[] = [...rs];
      let live = 0;
      let dead = 0;
      for (const e of entries) {
        live += liveOf(e[0]);
        dead += e[2] - liveOf(e[0]);
      }
      const whole = dead > live;
      while (entries.length > 0) {
        const last = entries[entries.length - 1]!;
        if (!whole && inputs.length * 2 < liveOf(last[0])) break;
        const seg = load(last[0]);
        if (!seg) break; // unreadable: kept as it is, for its reports' rebuild
        entries.pop();
        const held = holders.get(last[0])!;
        for (const rec of seg.file.reports) {
          const r = held.get(recordKey(rec));
          if (!r) continue; // dead
          inputs.push({ id: rec.id, team: rec.team, record: rec, items: seg.file.items });
          members.push(r);
        }
      }
      const seg = buildSegment(week, inputs);
      written.push(seg);
      entries.push([seg.name, week, inputs.length]);
      byWeek.set(week, entries);
      for (const r of members) moved.set(r, seg.name);
    }
    const segments = [...untouched, ...[...byWeek.values()].flat()].sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    const copies = new Map<ReportRecord, ReportRecord>();
    for (const [r, seg] of moved) if (seg !== r.seg) copies.set(r, { ...r, seg });
    const next = copies.size === 0 ? reports : reports.map((r) => copies.get(r) ?? r);

    const put: ReportRecord[] = [];
    for (const r of addedSorted) put.push(copies.get(r) ?? r);
    for (const [r, copy] of copies) if (!this.added.has(r)) put.push(copy);
    const drop: Delta['drop'] = [...this.removed].map((r) => [r.id, r.team, r.week]);
    const nextNames = new Set(segments.map((e) => e[0]));
    const segmentsDropped = this.manifest.segments.filter((e) => !nextNames.has(e[0])).map((e) => e[0]);
    const delta: Delta = { put, drop, segmentsAdded: written.map((w) => segments.find((e) => e[0] === w.name)!), segmentsDropped };
    if (this.aliasesChanged) delta.aliases = this.aliasList;
    return {
      manifest: { version: CURRENT_VERSION, aliases: this.aliasList, segments, reports: next, retired: [] },
      written,
      delta,
      removed: [...this.removed],
    };
  }
}

/** Two lists sorted by sortReports' order, merged. */
function mergeSorted(a: ReportRecord[], b: ReportRecord[]): ReportRecord[] {
  if (b.length === 0) return a;
  const out: ReportRecord[] = new Array<ReportRecord>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareReports(b[j]!, a[i]!) < 0 ? b[j++]! : a[i++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** The index of the first report of `week` in a sorted list (its length when there is none). */
function firstOfWeek(reports: readonly ReportRecord[], week: string): number {
  let lo = 0;
  let hi = reports.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reports[mid]!.week < week) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------- helpers

export function toHeader(r: ReportRecord): StoredHeader {
  const h: StoredHeader = {
    id: r.id,
    source: r.source,
    team: r.team,
    week: r.week,
    date: r.date,
    title: r.title,
    progress: r.progress,
    kpi: r.kpi,
    warnings: r.warnings.map((w) => ({ ...w })),
  };
  if (r.file) h.file = { ...r.file };
  return h;
}

function compareReports(a: ReportRecord, b: ReportRecord): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return cmp(a.week, b.week) || cmp(a.team, b.team) || cmp(a.source, b.source) || cmp(a.id, b.id);
}

function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return !!a && a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
