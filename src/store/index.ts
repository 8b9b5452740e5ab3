// openStore: the database — a manifest (lowdb, the commit point) read at open, measure segments and evidence read when asked, locked transactions.

import { promises as fsp, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { InputError } from '../model/errors.js';
import type { Observation, ReportMeasures } from '../model/types.js';
import { invalid, ioError } from './errors.js';
import { readEvidence, removeOrphans, serializeEvidence } from './evidence.js';
import { DurableJsonAdapter, fsyncDir, isCode, writeSynced } from './files.js';
import { acquireLock } from './lock.js';
import { emptyState, parseManifest, serializeManifest, type State } from './manifest.js';
import { assertEvidenceDir, evidenceDir, exists, listDir, resolveDbPath } from './paths.js';
import { CURRENT_VERSION, decodeMeasure, evidenceName, type Manifest, type ReportRecord } from './schema.js';
import { indexSegment, readSegment, recordOf, type LoadedSegment } from './segments.js';
import { toHeader, Tx } from './transaction.js';
import type { MeasureFilter, OpenOptions, Store, Transaction } from './types.js';

export type * from './types.js';
export { CURRENT_VERSION } from './schema.js';
export { evidenceDir, resolveDbPath } from './paths.js';
export { isSealed } from './seal.js';
export { rebuildCommand } from './evidence.js';

const DEFAULT_LOCK_TIMEOUT_MS = 30_000;
/** Segment and evidence files written at once (fsync is the cost; the thread pool overlaps them). */
const WRITE_PARALLELISM = 16;

export async function openStore(dbPath: string, options: OpenOptions = {}): Promise<Store> {
  const shown = dbPath;
  // Every file of the database (manifest, .bak, lock, segment and evidence folder, temp files) sits
  // beside the real file: a symlinked --db is written through to its target, never replaced.
  const abs = await resolveDbPath(dbPath, shown);
  const evDir = evidenceDir(abs);
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const adapter = new DurableJsonAdapter<State>(abs, (text) => parseManifest(text, shown), serializeManifest);
  const low = new Low<State>(adapter, emptyState());

  const opened = await fsp.stat(abs).catch(() => null);
  await readManifest(low, shown);
  let snap: State = low.data;
  const extraNotes: string[] = [];
  /**
   * The state this process holds (as opened, or as it last committed), with the identity of that
   * file. Every commit renames a new file in, so a file with the same inode, size and mtime is still
   * the one we hold and need not be parsed again. Any other writer's commit changes the inode and
   * forces a reload. A migrated state is never reused: it must be written.
   */
  let written: { ino: number; size: number; mtimeMs: number; state: State } | undefined =
    opened && snap.migratedFrom === undefined ? { ino: opened.ino, size: opened.size, mtimeMs: opened.mtimeMs, state: snap } : undefined;

  /**
   * Segments are immutable: once read by this process for a reader, never read again. A commit's
   * merges read without keeping them, and a commit empties the cache: a long ingest holds its
   * current batch, not every figure it ever wrote.
   */
  const segmentCache = new Map<string, LoadedSegment>();
  const readSegmentOf = (name: string, state: State): LoadedSegment => {
    const pending = state.segments.get(name);
    return pending ? indexSegment(pending.file) : readSegment(evDir, name, shown, () => state.manifest.reports.filter((r) => r.seg === name));
  };
  const loadSegment = (name: string, state: State): LoadedSegment => {
    let seg = segmentCache.get(name);
    if (!seg) segmentCache.set(name, (seg = readSegmentOf(name, state)));
    return seg;
  };

  /** The folder's names, listed once for hasEvidence (cleared by every commit). */
  let listing: Set<string> | undefined;
  let byIdentity: Map<string, ReportRecord> | undefined;

  const findReport = (id: string): ReportRecord => {
    const r = snap.manifest.reports.find((x) => x.id === id);
    if (!r) throw new InputError(`no report with id ${id} is stored`, { where: shown, hint: 'run milestones weeks to see what is stored' });
    return r;
  };

  const store: Store = {
    path: shown,

    headers: () => snap.manifest.reports.map(toHeader),

    measures(filter: MeasureFilter = {}): ReportMeasures[] {
      const weeks = filter.weeks ? new Set(filter.weeks) : null;
      const state = snap;
      const out: ReportMeasures[] = [];
      for (const r of state.manifest.reports) {
        if (filter.team !== undefined && r.team !== filter.team) continue;
        if (weeks && !weeks.has(r.week)) continue;
        const seg = loadSegment(r.seg, state);
        const rec = recordOf(seg, r, evDir, shown);
        const items = seg.file.items;
        const rm: ReportMeasures = { id: r.id, team: r.team, week: r.week, date: r.date, source: r.source, measures: rec.m.map((t) => decodeMeasure(t, items)) };
        if (rec.s?.length) rm.statements = rec.s;
        out.push(rm);
      }
      return out;
    },

    observations(reportId: string): Observation[] {
      const r = findReport(reportId);
      const name = evidenceName(r);
      const pending = snap.evidence.get(name);
      if (pending) return pending.observations;
      return readEvidence(path.join(evDir, name), r, shown);
    },

    aliases: () => snap.manifest.aliases.map((a) => ({ ...a, ...(a.auto ? { auto: { ...a.auto } } : {}) })),

    hasEvidence(r: { id: string; team: string; week: string }): boolean {
      const name = evidenceName(r);
      listing ??= new Set(readdirOrEmpty(evDir));
      byIdentity ??= new Map(snap.manifest.reports.map((x) => [`${x.id}\u0000${x.team}\u0000${x.week}`, x]));
      const stored = byIdentity.get(`${r.id}\u0000${r.team}\u0000${r.week}`);
      const segmentOk = !stored || snap.segments.has(stored.seg) || listing.has(stored.seg);
      return segmentOk && (snap.evidence.has(name) || listing.has(name));
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
          await readManifest(low, shown);
        }
        written = undefined;
        const loaded = low.data;
        await removeOrphans(abs, evDir, new Set([...referenced(loaded.manifest), ...loaded.manifest.retired]));
        const present = new Set(await listDir(evDir));
        const tx = new Tx(loaded.manifest, (r) => ({
          evidence: loaded.evidence.has(evidenceName(r)) || evidenceOk(r),
          segment: loaded.segments.has(r.seg) || present.has(r.seg),
        }));
        const result = await fn(tx);
        if (!tx.changed && loaded.migratedFrom === undefined) {
          snap = loaded;
          return result;
        }
        const { manifest: next, written: newSegments } = tx.build((name) => {
          try {
            return segmentCache.get(name) ?? readSegmentOf(name, loaded);
          } catch {
            return null;
          }
        });
        const nextNames = referenced(next);
        // Files the new .bak (= the loaded generation) references but the new manifest does not.
        next.retired = [...referenced(loaded.manifest)].filter((n) => !nextNames.has(n) && !loaded.segments.has(n));

        const toWrite: [string, string][] = [];
        for (const [name, ev] of [...loaded.evidence, ...tx.evidence]) if (nextNames.has(name)) toWrite.push([name, serializeEvidence(ev)]);
        for (const seg of [...loaded.segments.values(), ...newSegments]) {
          // Content-addressed: a segment already there under this name holds exactly this text.
          if (nextNames.has(seg.name) && !present.has(seg.name)) toWrite.push([seg.name, seg.text]);
        }
        // Files this transaction creates: removed again if the save fails (nothing left behind).
        const created: string[] = [];
        const madeDir = !(await exists(evDir));
        try {
          if (toWrite.length > 0 || madeDir) {
            await fsp.mkdir(evDir, { recursive: true });
            await inParallel(toWrite, WRITE_PARALLELISM, async ([name, text]) => {
              if (!present.has(name)) created.push(name);
              await writeSynced(path.join(evDir, name), text);
            });
            await fsyncDir(evDir);
          }
          adapter.backup = `${abs}.bak`;
          adapter.beforeCommit = () => lock.assertHeld();
          low.data = { manifest: next, segments: new Map(), evidence: new Map(), notes: [] };
          await low.write(); // the commit point
        } catch (err) {
          await Promise.all(created.map((n) => fsp.rm(path.join(evDir, n), { force: true }).catch(() => {})));
          if (madeDir) await fsp.rmdir(evDir).catch(() => {});
          if (err instanceof InputError) throw err;
          throw ioError(err, shown, 'cannot save the database', '; nothing was saved');
        }
        segmentCache.clear();
        const st = await fsp.stat(abs);
        written = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, state: low.data };

        // Only now may files go: what neither the new manifest nor its .bak references.
        const keep = new Set([...nextNames, ...next.retired]);
        await Promise.all(loaded.manifest.retired.filter((n) => !keep.has(n)).map((n) => fsp.rm(path.join(evDir, n), { force: true })));
        if (loaded.migratedFrom !== undefined) {
          extraNotes.push(`upgraded the database from version ${loaded.migratedFrom} to ${CURRENT_VERSION}; the old file is kept as ${shown}.bak`);
        }
        snap = low.data;
        listing = undefined;
        byIdentity = undefined;
        return result;
      } catch (err) {
        low.data = snap;
        throw err;
      } finally {
        await lock.release();
      }
    },
  };

  /** Is a stored report's evidence file there and whole? Read only for reports a transaction puts again. */
  function evidenceOk(r: ReportRecord): boolean {
    try {
      readEvidence(path.join(evDir, evidenceName(r)), r, shown);
      return true;
    } catch {
      return false;
    }
  }

  return store;
}

/** Every segment and evidence file a manifest refers to. */
function referenced(m: Manifest): Set<string> {
  const names = new Set<string>();
  for (const e of m.segments) names.add(e[0]);
  for (const r of m.reports) names.add(evidenceName(r));
  return names;
}

function readdirOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Loads the manifest; a folder or an unreadable file is the user's to fix, not an internal error. */
async function readManifest(low: Low<State>, shown: string): Promise<void> {
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

/** Runs `fn` over `items`, `limit` at a time; on a failure no new item starts, and it rejects only once every running one has settled (so a clean-up after it sees every file made). */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await fn(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
