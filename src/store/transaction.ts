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
import { buildSegment, type LoadedSegment, type SegmentInput, type WrittenSegment } from './segments.js';
import type { AliasEntry, FileStamp, PutOptions, PutResult, StoredHeader, Transaction } from './types.js';
import { schemas } from './validate.js';

/** The figures of a report that go into a new segment at commit. */
interface Fresh {
  measures: readonly Measure[];
  statements?: readonly Statement[];
}

export class Tx implements Transaction {
  changed = false;
  readonly evidence = new Map<string, EvidenceFile>();
  /** Reports (new, or whose segment is lost) whose figures go into a new segment of their week. */
  private readonly fresh = new Map<ReportRecord, Fresh>();
  /** Insertion-ordered so that removal is O(1) for large batches. */
  private readonly reports: Set<ReportRecord>;
  private readonly byTeamWeek = new Map<string, ReportRecord>();
  private readonly byTeamPath = new Map<string, ReportRecord>();
  private readonly aliasList: AliasEntry[];

  /**
   * `filesOk` says whether a stored report's evidence and segment files are there and whole; it is
   * asked only for reports a transaction puts again.
   */
  constructor(
    private readonly manifest: Manifest,
    private readonly filesOk: (r: ReportRecord) => { evidence: boolean; segment: boolean } = () => ({ evidence: true, segment: true }),
  ) {
    this.reports = new Set(manifest.reports);
    for (const r of manifest.reports) this.index(r);
    this.aliasList = manifest.aliases.map((a) => ({ ...a }));
  }

  /** Replaces a stored record by an updated copy (the loaded generation is never changed in place). */
  private update(r: ReportRecord, change: Partial<ReportRecord>): ReportRecord {
    const copy: ReportRecord = { ...r, ...change };
    const f = this.fresh.get(r);
    this.unindex(r);
    this.reports.add(copy);
    this.index(copy);
    if (f) this.fresh.set(copy, f);
    return copy;
  }

  private index(r: ReportRecord): void {
    this.byTeamWeek.set(`${r.team}\u0000${r.week}`, r);
    if (r.file) this.byTeamPath.set(`${r.team}\u0000${r.file.path}`, r);
  }

  private unindex(r: ReportRecord): void {
    this.reports.delete(r);
    this.fresh.delete(r);
    const tw = `${r.team}\u0000${r.week}`;
    if (this.byTeamWeek.get(tw) === r) this.byTeamWeek.delete(tw);
    if (r.file && this.byTeamPath.get(`${r.team}\u0000${r.file.path}`) === r) this.byTeamPath.delete(`${r.team}\u0000${r.file.path}`);
  }

  headers(): StoredHeader[] {
    return sortReports([...this.reports]).map(toHeader);
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
    const same = this.byTeamWeek.get(`${report.team}\u0000${report.week}`);
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
    const samePath = file ? this.byTeamPath.get(`${report.team}\u0000${file.path}`) : undefined;
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
    this.reports.add(stored);
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
  }

  setStatedAlias(name: string, canonical: string, evidence: NonNullable<AliasEntry['auto']>): boolean {
    const key = normalizeName(name);
    if (!key || key === normalizeName(canonical) || this.aliasList.some((a) => normalizeName(a.name) === key)) return false;
    this.aliasList.push({ name, canonical, auto: { ...evidence } });
    this.changed = true;
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
    return true;
  }

  /**
   * The next generation: reports sorted, and for each week that gained figures one new segment. The
   * new segment takes in the week's newest segments while they are no more than twice its size (so a
   * week keeps about log2(reports ÷ batch) segments and a figure is rewritten that often), and the
   * whole week when more of its records are dead (replaced reports) than live. `load` reads a segment
   * (null when it cannot be read: it is then left as it is).
   */
  build(load: (name: string) => LoadedSegment | null): { manifest: Manifest; written: WrittenSegment[] } {
    const reports = sortReports([...this.reports]);
    // Live records of each segment, by (id, team).
    const holders = new Map<string, Map<string, ReportRecord>>();
    for (const r of reports) {
      if (this.fresh.has(r)) continue;
      let m = holders.get(r.seg);
      if (!m) holders.set(r.seg, (m = new Map()));
      m.set(recordKey(r), r);
    }
    const liveOf = (name: string) => holders.get(name)?.size ?? 0;
    const byWeek = new Map<string, SegmentEntry[]>();
    for (const e of this.manifest.segments) {
      if (liveOf(e[0]) === 0) continue; // nothing refers to it any more: retired
      const list = byWeek.get(e[1]);
      if (list) list.push(e);
      else byWeek.set(e[1], [e]);
    }
    const freshByWeek = new Map<string, ReportRecord[]>();
    for (const r of reports) {
      if (!this.fresh.has(r)) continue;
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
    const segments = [...byWeek.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([, es]) => es);
    const next = reports.map((r) => {
      const seg = moved.get(r);
      return seg === undefined || seg === r.seg ? r : { ...r, seg };
    });
    return { manifest: { version: CURRENT_VERSION, aliases: this.aliasList, segments, reports: next, retired: [] }, written };
  }
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

function sortReports(reports: ReportRecord[]): ReportRecord[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return reports.sort((a, b) => cmp(a.week, b.week) || cmp(a.team, b.team) || cmp(a.source, b.source) || cmp(a.id, b.id));
}

function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return !!a && a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
