// openStore: the database — a manifest (lowdb, the commit point) read at open, measure segments and evidence read when asked, locked transactions.

import { existsSync, promises as fsp, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { InputError } from '../model/errors.js';
import type { Observation, ReportMeasures } from '../model/types.js';
import { invalid, ioError } from './errors.js';
import { checkpointDir, readCheckpoint, writeCheckpoints } from './checkpoints.js';
import { readEvidence, removeOrphans, serializeEvidence } from './evidence.js';
import { DurableJsonAdapter, fsyncDir, isCode, writeSynced } from './files.js';
import { acquireLock } from './lock.js';
import { emptyState, parseManifest, reportKey, serializeBase, serializeJournal, serializeManifest, type Layout, type State } from './manifest.js';
import { assertEvidenceDir, evidenceDir, exists, listDir, resolveDbPath } from './paths.js';
import { CURRENT_VERSION, decodeMeasure, evidenceName, type Manifest, type ReportRecord } from './schema.js';
import { indexSegment, readSegment, recordOf, type LoadedSegment } from './segments.js';
import { buildIndex, toHeader, Tx, type ManifestIndex } from './transaction.js';
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
  const cpDir = checkpointDir(abs);
  const lockTimeoutMs = options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const adapter = new DurableJsonAdapter<State>(abs, (text) => parseManifest(text, shown, evDir), serializeManifest);
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

  /** The lookups of the generation this process committed last, carried to its next transaction. */
  let carried: { of: Manifest; ix: ManifestIndex } | undefined;
  let orphansCleared = false;

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
      /** The segments of this call when they are not to be kept. */
      const local = filter.keep === false ? new Map<string, LoadedSegment>() : undefined;
      const segmentOf = (name: string): LoadedSegment => {
        if (!local) return loadSegment(name, state);
        let seg = segmentCache.get(name) ?? local.get(name);
        if (!seg) local.set(name, (seg = readSegmentOf(name, state)));
        return seg;
      };
      for (const r of state.manifest.reports) {
        if (filter.team !== undefined && r.team !== filter.team) continue;
        if (weeks && !weeks.has(r.week)) continue;
        if (filter.teams && !filter.teams.has(r.team)) continue;
        const seg = segmentOf(r.seg);
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

    checkpoint: (team, week, key) => readCheckpoint(cpDir, team, week, key),

    saveCheckpoints: (put, drop) => writeCheckpoints(cpDir, put, drop),

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
        if (!orphansCleared) {
          // What crashed runs left (a listing of the whole folder): once per process is enough.
          await removeOrphans(abs, evDir, new Set([...referenced(loaded), ...loaded.manifest.retired]));
          orphansCleared = true;
        }
        const ix = carried?.of === loaded.manifest ? carried.ix : buildIndex(loaded.manifest);
        carried = undefined;
        const tx = new Tx(loaded.manifest, ix, (r) => ({
          evidence: loaded.evidence.has(evidenceName(r)) || evidenceOk(r),
          segment: loaded.segments.has(r.seg) || existsSync(path.join(evDir, r.seg)),
        }));
        let result: T;
        try {
          result = await fn(tx);
        } catch (err) {
          carried = { of: loaded.manifest, ix }; // untouched: the transaction changes only its own overlays
          throw err;
        }
        if (!tx.changed && loaded.migratedFrom === undefined) {
          snap = loaded;
          carried = { of: loaded.manifest, ix };
          return result;
        }
        const built = tx.build((name) => {
          try {
            return segmentCache.get(name) ?? readSegmentOf(name, loaded);
          } catch {
            return null;
          }
        });
        const next = built.manifest;
        const was = loaded.layout;
        // A first save, or one in this layout after an older one, writes a base; any other appends a record.
        const compact = was.base === null || loaded.migratedFrom !== undefined;
        const putEvidence = new Set(built.delta.put.map(evidenceName));
        const nextSegments = new Set(next.segments.map((e) => e[0]));
        // Files the new .bak (= the loaded generation) references but the new manifest does not.
        const retired = built.delta.segmentsDropped.filter((n) => !loaded.segments.has(n));
        const putKeys = new Set(built.delta.put.map(reportKey));
        for (const r of built.removed) if (!putKeys.has(reportKey(r))) retired.push(evidenceName(r));

        const toWrite: [string, string][] = [];
        for (const [name, ev] of [...loaded.evidence, ...tx.evidence]) if (tx.holds(ev)) toWrite.push([name, serializeEvidence(ev)]);
        for (const seg of [...loaded.segments.values(), ...built.written]) {
          // Content-addressed: a file already there under this name holds exactly this text.
          if (nextSegments.has(seg.name) && !existsSync(path.join(evDir, seg.name))) toWrite.push([seg.name, seg.text]);
        }
        let layout: Layout;
        let appended: string | undefined;
        if (compact) {
          const b = serializeBase(next);
          if (!existsSync(path.join(evDir, b.name))) toWrite.push([b.name, b.text]);
          layout = { base: b.name, journal: [], baseBytes: Buffer.byteLength(b.text), journalBytes: 0 };
          if (was.base !== null) retired.push(was.base, ...was.journal);
        } else {
          const j = serializeJournal(was.journal[was.journal.length - 1] ?? was.base!, built.delta);
          if (!existsSync(path.join(evDir, j.name))) toWrite.push([j.name, j.text]);
          layout = { ...was, journal: [...was.journal, j.name], journalBytes: was.journalBytes + Buffer.byteLength(j.text) };
          appended = j.name;
        }
        next.retired = retired;
        // Files this transaction creates: removed again if the save fails (nothing left behind).
        const created: string[] = [];
        const madeDir = !(await exists(evDir));
        try {
          if (toWrite.length > 0 || madeDir) {
            await fsp.mkdir(evDir, { recursive: true });
            await inParallel(toWrite, WRITE_PARALLELISM, async ([name, text]) => {
              if (!existsSync(path.join(evDir, name))) created.push(name);
              await writeSynced(path.join(evDir, name), text);
            });
            await fsyncDir(evDir);
          }
          adapter.backup = `${abs}.bak`;
          adapter.beforeCommit = () => lock.assertHeld();
          low.data = { manifest: next, layout, segments: new Map(), evidence: new Map(), notes: [] };
          await low.write(); // the commit point
        } catch (err) {
          await Promise.all(created.map((n) => fsp.rm(path.join(evDir, n), { force: true }).catch(() => {})));
          if (madeDir) await fsp.rmdir(evDir).catch(() => {});
          if (err instanceof InputError) throw err;
          throw ioError(err, shown, 'cannot save the database', '; nothing was saved');
        }
        segmentCache.clear();
        carried = { of: next, ix: tx.advanceIndex(built) };

        // Only now may files go: what neither the new manifest nor its .bak references.
        const keep = new Set([...nextSegments, ...putEvidence, ...retired, ...(layout.base ? [layout.base] : []), ...layout.journal]);
        await Promise.all(loaded.manifest.retired.filter((n) => !keep.has(n)).map((n) => fsp.rm(path.join(evDir, n), { force: true })));
        if (appended !== undefined && needsCompaction(layout)) await compactAfter(next, layout, appended, lock);
        const st = await fsp.stat(abs);
        written = { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, state: low.data };
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

  /**
   * Folds the base and its journal into a new base, once the journal has grown past its bound: a
   * second save of the same generation (the content does not change). The `.bak` stays the generation
   * before the commit that just appended, so it still goes back one commit; its base and records are
   * retired with it. A failure here loses nothing (the appended generation stands; a later commit
   * compacts), so it is not the user's error.
   */
  async function compactAfter(m: Manifest, layout: Layout, appended: string, lock: { assertHeld(): void }): Promise<void> {
    const b = serializeBase(m);
    const file = path.join(evDir, b.name);
    const made = !existsSync(file);
    try {
      if (made) await writeSynced(file, b.text);
      await fsyncDir(evDir);
      const before = layout.journal.filter((j) => j !== appended);
      const retired = [...m.retired, ...(layout.base && layout.base !== b.name ? [layout.base] : []), ...before];
      adapter.backup = undefined;
      adapter.beforeCommit = () => lock.assertHeld();
      low.data = { manifest: { ...m, retired }, layout: { base: b.name, journal: [], baseBytes: Buffer.byteLength(b.text), journalBytes: 0 }, segments: new Map(), evidence: new Map(), notes: [] };
      await low.write();
    } catch {
      low.data = { manifest: m, layout, segments: new Map(), evidence: new Map(), notes: [] };
      if (made) await fsp.rm(file, { force: true }).catch(() => {});
      return;
    } finally {
      adapter.backup = `${abs}.bak`;
    }
    // The appended record belongs to neither the new base's generation file list nor the .bak's.
    await fsp.rm(path.join(evDir, appended), { force: true }).catch(() => {});
    carried = carried && { of: low.data.manifest, ix: carried.ix };
  }

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

/** Every file of `<db>.d` a generation refers to: its base and journal records, segments and evidence files. */
function referenced(state: State): Set<string> {
  const names = new Set<string>(state.layout.journal);
  if (state.layout.base) names.add(state.layout.base);
  for (const e of state.manifest.segments) names.add(e[0]);
  for (const r of state.manifest.reports) names.add(evidenceName(r));
  return names;
}

/**
 * Whether the journal has grown past its bound: 32 records, or a third of the base's size (once past
 * 64 KB). A reader replays at most that much beyond the base, and a commit's own write stays the size
 * of its batch; the bases written grow geometrically, so what compaction rewrites adds up to a small
 * multiple of the database however long the history.
 */
export function needsCompaction(layout: Layout): boolean {
  return layout.journal.length >= 32 || (layout.journalBytes >= 64 * 1024 && layout.journalBytes * 3 >= layout.baseBytes);
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
