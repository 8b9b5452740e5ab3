// openStore: the JSON database (lowdb) — validated loads, locked read-modify-write transactions, lazy evidence.

import { createHash } from 'node:crypto';
import { promises as fsp, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { InputError } from '../model/errors.js';
import { normalizeName } from '../model/name.js';
import type { Observation, Report, ReportMeasures } from '../model/types.js';
import { DurableJsonAdapter, fsyncDir, isCode, isTempOf, writeSynced } from './files.js';
import { acquireLock } from './lock.js';
import { schemas } from './validate.js';
import { migrationFor, MigrationShapeError } from './migrate.js';
import {
  CURRENT_VERSION,
  dbProblem,
  decodeMeasure,
  emptyDb,
  evidenceProblem,
  encodeMeasure,
  evidenceName,
  ItemTable,
  type DbFile,
  type EvidenceFile,
  type ItemTuple,
  type MeasureTuple,
  type StoredReport,
} from './schema.js';
import type { AliasEntry, FileStamp, MeasureFilter, OpenOptions, PutOptions, PutResult, Store, StoredHeader, Transaction } from './types.js';

export type * from './types.js';
export { CURRENT_VERSION } from './schema.js';

const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
/** Evidence files written at once (fsync is the cost; the thread pool overlaps them). */
const WRITE_PARALLELISM = 16;

/** One loaded generation of the database, plus what a migration still has to write. */
interface State {
  db: DbFile;
  /** Evidence that exists only in memory (from a migrated older layout) until the next write. */
  pending: Map<string, EvidenceFile>;
  /** The file needs saving even if the transaction changes nothing (it was migrated). */
  migratedFrom?: number;
  notes: string[];
}

/** The folder of evidence files beside the main file. */
export function evidenceDir(dbPath: string): string {
  return `${dbPath}.d`;
}

export async function openStore(dbPath: string, options: OpenOptions = {}): Promise<Store> {
  const shown = dbPath;
  // Every file of the database (main, .bak, lock, evidence folder, temp files) sits beside the real
  // file: a symlinked --db is written through to its target, never replaced by a file of its own.
  const abs = await resolveDbPath(dbPath, shown);
  const evDir = evidenceDir(abs);
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const adapter = new DurableJsonAdapter<State>(abs, (text) => parseMain(text, shown), serializeDb);
  const low = new Low<State>(adapter, emptyState());

  const opened = await fsp.stat(abs).catch(() => null);
  await readMain(low, shown);
  let snap: State = low.data;
  const extraNotes: string[] = [];
  /**
   * The state this process holds (as opened, or as it last committed), with the identity of
   * that file. Every commit renames a new file in, so a file with the same inode, size and
   * mtime is still the one we hold and need not be parsed again (a one-file ingest at 20,000
   * reports parsed the 14 MB file twice; chunked ingest re-parsed it at every commit). Any
   * other writer's commit changes the inode and forces a reload. A migrated state is never
   * reused: it must be written.
   */
  let written: { ino: number; size: number; mtimeMs: number; state: State } | undefined =
    opened && snap.migratedFrom === undefined ? { ino: opened.ino, size: opened.size, mtimeMs: opened.mtimeMs, state: snap } : undefined;

  /** The evidence folder's names, listed once for hasEvidence (cleared by every commit). */
  let evidenceListing: Set<string> | undefined;
  /** Is a stored report's evidence file there and whole? Read only for reports a transaction puts again. */
  const evidenceOk = (r: StoredReport, pending: Map<string, EvidenceFile>): boolean => {
    if (pending.has(evidenceName(r))) return true;
    try {
      readEvidence(path.join(evDir, evidenceName(r)), r, shown);
      return true;
    } catch {
      return false;
    }
  };

  const findReport = (id: string): StoredReport => {
    const r = snap.db.reports.find((x) => x.id === id);
    if (!r) throw new InputError(`no report with id ${id} is stored`, { where: shown, hint: 'run milestones weeks to see what is stored' });
    return r;
  };

  const store: Store = {
    path: shown,

    headers: () => snap.db.reports.map(toHeader),

    measures(filter: MeasureFilter = {}): ReportMeasures[] {
      const weeks = filter.weeks ? new Set(filter.weeks) : null;
      const items = snap.db.items;
      const out: ReportMeasures[] = [];
      for (const r of snap.db.reports) {
        if (filter.team !== undefined && r.team !== filter.team) continue;
        if (weeks && !weeks.has(r.week)) continue;
        const rm: ReportMeasures = { id: r.id, team: r.team, week: r.week, date: r.date, source: r.source, measures: r.m.map((t) => decodeMeasure(t, items)) };
        if (r.s?.length) rm.statements = r.s;
        out.push(rm);
      }
      return out;
    },

    observations(reportId: string): Observation[] {
      const r = findReport(reportId);
      const name = evidenceName(r);
      const pending = snap.pending.get(name);
      if (pending) return pending.observations;
      return readEvidence(path.join(evDir, name), r, shown);
    },

    aliases: () => snap.db.aliases.map((a) => ({ ...a, ...(a.auto ? { auto: { ...a.auto } } : {}) })),

    hasEvidence(r: { id: string; team: string; week: string }): boolean {
      const name = evidenceName(r);
      if (snap.pending.has(name)) return true;
      evidenceListing ??= new Set(readdirOrEmpty(evDir));
      return evidenceListing.has(name);
    },

    notes: () => [...snap.notes, ...extraNotes],

    async transact<T>(fn: (tx: Transaction) => T | Promise<T>): Promise<T> {
      const dir = path.dirname(abs);
      if (options.create) await fsp.mkdir(dir, { recursive: true }).catch((err: unknown) => {
        throw ioError(err, shown, 'cannot create the folder of the database');
      });
      else if (!(await exists(abs))) {
        throw new InputError('no database here yet', { where: shown, hint: 'ingest some reports first, or give the right --db' });
      }
      await assertEvidenceDir(evDir, shown);
      const lock = await acquireLock(abs, shown, { timeoutMs: lockTimeoutMs, staleMs: options.lockStaleMs });
      try {
        // Reload inside the lock: another process may have committed since we opened.
        const onDisk = await fsp.stat(abs).catch(() => null);
        if (written && onDisk && onDisk.ino === written.ino && onDisk.size === written.size && onDisk.mtimeMs === written.mtimeMs) {
          low.data = written.state;
        } else {
          low.data = emptyState(); // lowdb keeps the old data when the file is missing
          await readMain(low, shown);
        }
        written = undefined;
        const loaded = low.data;
        await removeOrphans(abs, evDir, loaded.db);
        const tx = new Tx(loaded.db, (r) => evidenceOk(r, loaded.pending));
        const result = await fn(tx);
        if (!tx.changed && loaded.migratedFrom === undefined) {
          snap = loaded;
          return result;
        }
        const next = tx.build();
        const nextNames = new Set(next.reports.map(evidenceName));
        // Files the new .bak (= the loaded generation) references but the new main file does not.
        next.retired =
          loaded.migratedFrom === undefined ? [...new Set(loaded.db.reports.map(evidenceName))].filter((n) => !nextNames.has(n)) : [];

        const toWrite: [string, EvidenceFile][] = [];
        for (const [name, ev] of [...loaded.pending, ...tx.evidence]) if (nextNames.has(name)) toWrite.push([name, ev]);
        // Evidence files this transaction creates: removed again if the save fails (nothing left behind).
        const created: string[] = [];
        const madeDir = !(await exists(evDir));
        try {
          if (toWrite.length > 0 || madeDir) {
            await fsp.mkdir(evDir, { recursive: true });
            const existing = new Set(await listDir(evDir));
            await inParallel(toWrite, WRITE_PARALLELISM, async ([name, ev]) => {
              if (!existing.has(name)) created.push(name);
              await writeSynced(path.join(evDir, name), serializeEvidence(ev));
            });
            await fsyncDir(evDir);
          }
          adapter.backup = `${abs}.bak`;
          adapter.beforeCommit = () => lock.assertHeld();
          low.data = { db: next, pending: new Map(), notes: [] };
          await low.write(); // the commit point
        } catch (err) {
          await Promise.all(created.map((n) => fsp.rm(path.join(evDir, n), { force: true }).catch(() => {})));
          if (madeDir) await fsp.rmdir(evDir).catch(() => {});
          if (err instanceof InputError) throw err;
          throw ioError(err, shown, 'cannot save the database', '; nothing was saved');
        }
        const st = await fsp.stat(abs);
        written = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, state: low.data };

        // Only now may evidence go: what neither the new main file nor its .bak references.
        const keep = new Set([...nextNames, ...next.retired]);
        await Promise.all(
          loaded.db.retired.filter((n) => !keep.has(n)).map((n) => fsp.rm(path.join(evDir, n), { force: true })),
        );
        if (loaded.migratedFrom !== undefined) {
          extraNotes.push(`upgraded the database from version ${loaded.migratedFrom} to ${CURRENT_VERSION}; the old file is kept as ${shown}.bak`);
        }
        snap = low.data;
        evidenceListing = undefined;
        return result;
      } catch (err) {
        low.data = snap;
        throw err;
      } finally {
        await lock.release();
      }
    },
  };
  return store;
}

// ---------------------------------------------------------------- transaction

class Tx implements Transaction {
  changed = false;
  readonly evidence = new Map<string, EvidenceFile>();
  /** Insertion-ordered so that removal is O(1) for large batches. */
  private readonly reports: Set<StoredReport>;
  private readonly byTeamWeek = new Map<string, StoredReport>();
  private readonly byTeamPath = new Map<string, StoredReport>();
  private readonly table: ItemTable;
  private readonly aliasList: AliasEntry[];

  constructor(
    private readonly db: DbFile,
    private readonly evidenceOk: (r: StoredReport) => boolean = () => true,
  ) {
    this.reports = new Set(db.reports);
    for (const r of db.reports) this.index(r);
    this.table = new ItemTable(db.items.map((it) => [...it] as ItemTuple));
    this.aliasList = db.aliases.map((a) => ({ ...a }));
  }

  private index(r: StoredReport): void {
    this.byTeamWeek.set(`${r.team}\u0000${r.week}`, r);
    if (r.file) this.byTeamPath.set(`${r.team}\u0000${r.file.path}`, r);
  }

  private unindex(r: StoredReport): void {
    this.reports.delete(r);
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
      if (file && otherFile && options.keepHeld) {
        // The same content from the file the rule prefers: it becomes the report's source (the evidence is the same).
        replaced = toHeader(same);
        this.byTeamPath.delete(`${same.team}\u0000${same.file!.path}`);
        same.source = report.source;
        same.file = { ...file };
        this.byTeamPath.set(`${same.team}\u0000${file.path}`, same);
        this.changed = true;
        action = 'replaced';
      } else if (file && !sameStamp(same.file, file)) {
        // Same content, touched file: remember the new stamp so the next ingest can skip it unread.
        if (same.file) this.byTeamPath.delete(`${same.team}\u0000${same.file.path}`);
        same.file = { ...file };
        this.byTeamPath.set(`${same.team}\u0000${file.path}`, same);
        this.changed = true;
      }
      if (!this.evidenceOk(same)) {
        // Its evidence file is missing or damaged: re-ingesting the file rebuilds it (issue 8, item 7).
        this.evidence.set(evidenceName(same), evidenceOf(report));
        this.changed = true;
        if (action === 'unchanged') action = 'rebuilt';
      }
      return replaced ? { action, header: toHeader(same), replaced } : { action, header: toHeader(same) };
    }
    const replaced: StoredReport[] = [];
    if (same) replaced.push(same);
    const samePath = file ? this.byTeamPath.get(`${report.team}\u0000${file.path}`) : undefined;
    if (samePath && samePath !== same) replaced.push(samePath);
    for (const r of replaced) this.unindex(r);

    const stored: StoredReport = {
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
      m: report.observations.map((o) => encodeMeasure(o, this.table)),
      ...(report.statements?.length ? { s: report.statements.map((x) => ({ ...x, subjects: [...x.subjects] })) } : {}),
    };
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

  /** The next generation: reports sorted, the item table rebuilt when replaced reports left unused entries. */
  build(): DbFile {
    const reports = sortReports([...this.reports]);
    let items = this.table.items;
    const used = new Uint8Array(items.length);
    for (const r of reports) for (const t of r.m) used[t[0]] = 1;
    if (used.includes(0)) {
      const fresh = new ItemTable();
      for (const r of reports) {
        r.m = r.m.map((t) => {
          const copy = [...t] as MeasureTuple;
          const [project, metric, kind, direction] = items[t[0]]!;
          copy[0] = fresh.index(project, metric, kind, direction);
          return copy;
        });
      }
      items = fresh.items;
    }
    return { version: CURRENT_VERSION, aliases: this.aliasList, items, reports, retired: [] };
  }
}

function evidenceOf(report: Report): EvidenceFile {
  return {
    version: CURRENT_VERSION,
    id: report.id,
    team: report.team,
    week: report.week,
    source: report.source,
    observations: report.observations.map((o) => ({ ...o, section: [...o.section] })),
  };
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- loading and validation

function emptyState(): State {
  return { db: emptyDb(), pending: new Map(), notes: [] };
}

function invalid(shown: string, detail: string): InputError {
  return new InputError(`not a valid milestones database (${detail})`, {
    where: shown,
    hint: `restore ${shown}.bak or start a new one with --db`,
  });
}

/** Loads the main file; a folder or an unreadable file is the user's to fix, not an internal error. */
async function readMain(low: Low<State>, shown: string): Promise<void> {
  try {
    await low.read();
  } catch (err) {
    if (isCode(err, 'EISDIR')) throw invalid(shown, 'it is a folder, not a file');
    if (isCode(err, 'EACCES', 'EPERM', 'EIO', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG')) {
      throw new InputError(`cannot read the database (${(err as NodeJS.ErrnoException).code})`, {
        where: shown,
        hint: 'check the --db path and its permissions',
        cause: err,
      });
    }
    throw err;
  }
}

/** Parses and validates the main file's text; anything unexpected is an InputError and the file is left alone. */
export function parseMain(text: string, shown: string): State {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw invalid(shown, describeJsonError(text, err as Error));
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(shown, 'expected a JSON object with a "version" field');
  const version = (raw as { version?: unknown }).version;
  if (version === undefined) throw invalid(shown, 'no "version" field');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw invalid(shown, `at version: expected a positive integer`);
  if (version > CURRENT_VERSION) {
    throw invalid(shown, `version ${version} is newer than this build of milestones understands (${CURRENT_VERSION}); upgrade milestones`);
  }
  if (version < CURRENT_VERSION) {
    const migrate = migrationFor(version);
    if (!migrate) throw invalid(shown, `version ${version} is no longer supported`);
    try {
      const m = migrate(raw);
      return { db: m.db, pending: m.evidence, migratedFrom: version, notes: m.notes };
    } catch (err) {
      if (err instanceof MigrationShapeError) throw invalid(shown, err.message);
      throw err;
    }
  }
  if (isSealed(text)) {
    const problem = dbProblem(raw);
    if (problem) throw invalid(shown, problem);
    const { seal: _seal, ...db } = raw as DbFile & { seal: string };
    return { db: db as DbFile, pending: new Map(), notes: [] };
  }
  const { dbSchema, describeIssue } = schemas();
  const parsed = dbSchema.safeParse(raw);
  if (!parsed.success) throw invalid(shown, describeIssue(parsed.error));
  const { seal: _seal, ...db } = parsed.data as DbFile & { seal?: string };
  return { db: db as DbFile, pending: new Map(), notes: [] };
}

/** The last field of a main file as serializeDb writes it: the sha256 of all text before it. */
const SEAL = /,\n "seal": "([0-9a-f]{64})"\n\}\n$/;

function sealOf(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** An evidence file: pretty JSON (one space), sealed like the main file. */
function serializeEvidence(ev: EvidenceFile): string {
  const body = JSON.stringify(ev, null, 1).slice(0, -2); // without the closing "\n}"
  return `${body},\n "seal": "${sealOf(body)}"\n}\n`;
}

/** True when the text ends with a seal that matches the text before it (see the format comment in schema.ts). */
export function isSealed(text: string): boolean {
  const m = SEAL.exec(text);
  return m !== null && sealOf(text.slice(0, m.index)) === m[1];
}

/** `JSON error at line 3, column 7: Expected ',' …` from V8's "at position N"; truncation said plainly. */
export function describeJsonError(text: string, err: Error): string {
  if (text.trim() === '') return 'the file is empty';
  const lineCol = (at: number) => {
    const before = text.slice(0, at);
    return `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
  };
  const msg = err.message;
  const end = text.trimEnd().length;
  const pos = /at position (\d+)/.exec(msg);
  if (/Unexpected end of JSON input/i.test(msg) || (pos && Number(pos[1]) >= end)) {
    return `JSON ends early at ${lineCol(end)}: the file is truncated`;
  }
  const plain = msg.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return pos ? `JSON error at ${lineCol(Number(pos[1]))}: ${plain}` : `JSON error: ${plain}`;
}

/**
 * The real path of the database file: symbolic links (of the file and of its folders) resolved, so
 * that writes go through a link to its target; a dangling link or anything but a regular file
 * (a FIFO would block the read, /dev/zero never ends) is refused before it is opened.
 */
export async function resolveDbPath(dbPath: string, shown: string): Promise<string> {
  const abs = path.resolve(dbPath);
  let real: string;
  try {
    real = await fsp.realpath(abs);
  } catch (err) {
    if (!isCode(err, 'ENOENT')) throw ioError(err, shown, 'cannot read the database');
    const link = await fsp.lstat(abs).catch(() => null);
    if (link?.isSymbolicLink()) {
      const target = await fsp.readlink(abs).catch(() => '?');
      throw new InputError(`--db is a symbolic link to ${target}, which does not exist`, {
        where: shown,
        hint: 'point the link at an existing database, or give --db the path where the database should be',
      });
    }
    // Not there yet: its folder may exist (and be reached through links) or be created on the first save.
    const parent = await fsp.realpath(path.dirname(abs)).catch(() => path.dirname(abs));
    return path.join(parent, path.basename(abs));
  }
  const st = await fsp.stat(real);
  if (!st.isFile() && !st.isDirectory()) {
    throw new InputError(`not a regular file (${fileKind(st)})`, { where: shown, hint: '--db must name a JSON database file' });
  }
  return real;
}

function fileKind(st: import('node:fs').Stats): string {
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

/** The evidence folder must be a folder (or absent): a file there is the user's to move. */
async function assertEvidenceDir(evDir: string, shown: string): Promise<void> {
  const st = await fsp.stat(evDir).catch(() => null);
  if (st && !st.isDirectory()) {
    throw new InputError(`${shown}.d exists but is not a folder`, {
      where: shown,
      hint: `${shown}.d is where the database keeps its evidence files; move that file away and run it again`,
    });
  }
}

const IO_REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'an I/O error',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'a folder is in the way',
  EEXIST: 'a file is in the way',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EFBIG: 'the file is too large for this file system',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links',
};

/** A file-system failure as the user's message (exit 1), never a stack trace; anything else is rethrown as is. */
function ioError(err: unknown, shown: string, what: string, tail = ''): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const why = IO_REASONS[code];
  if (!why) return err;
  const space = code === 'ENOSPC' || code === 'EDQUOT';
  return new InputError(`${what}: ${why} (${code})${tail}`, {
    where: shown,
    hint: space ? 'free some space and run it again' : 'check the --db path and its permissions, then run it again',
    cause: err,
  });
}

/** Quotes a shell word when it needs it (`'…'`, a `'` inside as `'\''`). */
function shellWord(s: string): string {
  return /^[^\s'"\\`$&|;<>(){}[\]*?!#~\x00-\x1f\x7f]+$/u.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that rebuilds a report's evidence: ingest its file again under the same team and week
 * (a missing evidence file makes ingest read the file even when it is unchanged). The file is the
 * stamped absolute path (an entry `x.md#…` or archive member `x.zip/…` is re-read through its file),
 * so it works from any folder. Exported for tests.
 */
export function rebuildCommand(r: StoredHeader, shown: string): string {
  let file = r.file?.path ?? r.source;
  if (r.file) {
    const hash = file.indexOf('#');
    if (hash > 0) file = file.slice(0, hash);
    while (!isFileSync(file) && path.dirname(file) !== file) file = path.dirname(file);
    if (!isFileSync(file)) file = r.file.path;
  }
  const team = r.team ? ` --team ${shellWord(r.team)}` : '';
  // --week keeps a week forced at ingest; a file of several reports (entries, members) gives each its own.
  const week = !r.file || file === r.file.path ? ` --week ${r.week}` : '';
  return `milestones --db ${shellWord(shown)}${team} ingest${week} ${shellWord(file)}`;
}

function isFileSync(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function readEvidence(file: string, r: StoredReport, shown: string): Observation[] {
  // Missing: ingesting the report's file again rebuilds it. Damaged: remove it first (ingest skips an
  // unchanged file whose evidence file is present), then the same.
  const rebuild = () => rebuildCommand(r, shown);
  let hint = `remove it and rebuild it: rm ${shellWord(file)} && ${rebuild()}`;
  let text: string;
  try {
    text = readFileSyncUtf8(file);
  } catch (err) {
    if (isCode(err, 'ENOENT')) {
      throw new InputError(`the evidence file of report ${r.source} (${r.week}) is missing from ${shown}`, { where: file, hint: `rebuild it: ${rebuild()}` });
    }
    if (isCode(err, 'ENOTDIR')) {
      throw new InputError(`${shown}.d is not a folder, so the evidence of report ${r.source} cannot be read`, {
        where: shown,
        hint: `${shown}.d is where the database keeps its evidence files; move that file away, then rebuild: ${rebuild()}`,
      });
    }
    hint = `check its permissions, or rebuild it: rm ${shellWord(file)} && ${rebuild()}`;
    throw new InputError(`cannot read the evidence file of report ${r.source}: ${(err as Error).message}`, { where: file, hint });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not a valid evidence file (${describeJsonError(text, err as Error)})`, { where: file, hint });
  }
  let ev: EvidenceFile;
  if (isSealed(text)) {
    // Unchanged since it was written (see SEAL); the hand check still catches a seal over bad content.
    const problem = evidenceProblem(raw);
    if (problem) throw new InputError(`not a valid evidence file (${problem})`, { where: file, hint });
    ev = raw as EvidenceFile;
  } else {
    const { evidenceSchema, describeIssue } = schemas();
    const parsed = evidenceSchema.safeParse(raw);
    if (!parsed.success) throw new InputError(`not a valid evidence file (${describeIssue(parsed.error)})`, { where: file, hint });
    ev = parsed.data as EvidenceFile;
  }
  if (ev.id !== r.id || ev.team !== r.team || ev.week !== r.week) {
    throw new InputError(`the evidence file belongs to another report (${ev.source}, ${ev.week}), not ${r.source} (${r.week})`, { where: file, hint });
  }
  return ev.observations as Observation[];
}

// Synchronous on purpose: observations() is a synchronous part of the StoreReader contract.
function readFileSyncUtf8(file: string): string {
  return readFileSync(file, 'utf8');
}

/**
 * Clears what crashed runs left behind, under the lock: temp files beside the main file and in the
 * evidence folder, and evidence files that neither the main file nor its .bak references.
 */
async function removeOrphans(abs: string, evDir: string, db: DbFile): Promise<void> {
  const base = path.basename(abs);
  const dir = path.dirname(abs);
  const removals: Promise<void>[] = [];
  for (const name of await listDir(dir)) {
    if (isTempOf(name, base)) removals.push(fsp.rm(path.join(dir, name), { force: true }));
  }
  const live = new Set([...db.reports.map(evidenceName), ...db.retired]);
  for (const name of await listDir(evDir)) {
    if (name.endsWith('.tmp') || (name.endsWith('.json') && !live.has(name))) removals.push(fsp.rm(path.join(evDir, name), { force: true }));
  }
  await Promise.all(removals);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (err) {
    if (isCode(err, 'ENOENT', 'ENOTDIR')) return [];
    throw err;
  }
}

// ---------------------------------------------------------------- helpers

function toHeader(r: StoredReport): StoredHeader {
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

function sortReports(reports: StoredReport[]): StoredReport[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return reports.sort((a, b) => cmp(a.week, b.week) || cmp(a.team, b.team) || cmp(a.source, b.source) || cmp(a.id, b.id));
}

function sameStamp(a: FileStamp | undefined, b: FileStamp): boolean {
  return !!a && a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.access(p);
    return true;
  } catch {
    return false;
  }
}

async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One line per alias, item and report: readable in an editor, diffable, and still plain JSON. */
function serializeDb(state: State): string {
  const db = state.db;
  const list = (xs: readonly unknown[]) => (xs.length === 0 ? '[]' : `[\n${xs.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]`);
  const body = `{\n "version": ${db.version},\n "aliases": ${list(db.aliases)},\n "items": ${list(db.items)},\n "reports": ${list(db.reports)},\n "retired": ${JSON.stringify(db.retired)}`;
  return `${body},\n "seal": "${sealOf(body)}"\n}\n`;
}
