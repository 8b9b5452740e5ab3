// The store's contract with the CLI: what can be read cheaply, what loads evidence, how writes happen.

import type { Observation, Report, ReportHeader, ReportMeasures, WeekId } from '../model/types.js';

/** Where a stored report came from on disk, so unchanged files can be skipped without reading them. */
export interface FileStamp {
  /** Absolute path of the file at ingest time. */
  path: string;
  size: number;
  mtimeMs: number;
}

export interface StoredHeader extends ReportHeader {
  file?: FileStamp;
}

export interface PutResult {
  /**
   * 'conflict': another report of the same team and week is kept (PutOptions.keepHeld said so);
   * 'rebuilt': the same report was stored but its evidence file was missing or damaged, and is written again.
   */
  action: 'added' | 'unchanged' | 'replaced' | 'conflict' | 'rebuilt';
  /** The report as stored now (for 'unchanged' and 'conflict': the one already there). */
  header: StoredHeader;
  /** The report that was replaced (same team and week, or same source), when action is 'replaced'. */
  replaced?: StoredHeader;
}

export interface PutOptions {
  /**
   * Asked when a report of another file holds the same team and week: true keeps it (the new one is
   * a 'conflict' and changes nothing), false replaces it. Without it, the new report replaces.
   */
  keepHeld?(held: StoredHeader): boolean;
}

export interface AliasEntry {
  /** The name as the user gave it (or as a report wrote the former name). */
  name: string;
  canonical: string;
  /** A rename a report stated (`清结算中心（原“资金清分平台”）`), recorded at ingest: where it was said. */
  auto?: { source: string; week: string; line: number; text: string };
  /** An automatic alias the user removed: kept so that re-ingesting does not restore it; never applied. */
  off?: true;
}

export interface MeasureFilter {
  team?: string;
  /** Only these weeks. */
  weeks?: readonly WeekId[];
  /** Only these teams (the figures of other teams are not decoded). */
  teams?: ReadonlySet<string>;
  /**
   * false: the segments read for this call are not kept for later calls (a caller that reads the database a window
   * of weeks at a time holds one window, not every segment it has read). Default true.
   */
  keep?: boolean;
}

/** Read access; everything returned is a snapshot taken when the store was opened or the last transaction ended. */
export interface StoreReader {
  readonly path: string;
  headers(): StoredHeader[];
  measures(filter?: MeasureFilter): ReportMeasures[];
  /** Full observations (with text and section) of one report; may read more from disk. */
  observations(reportId: string): Observation[];
  aliases(): AliasEntry[];
  /** False when the evidence file of a stored report is missing (one listing of the folder, cached). */
  hasEvidence(report: { id: string; team: string; week: string }): boolean;
  /** A note for the user produced while opening (e.g. "migrated from version 1"). */
  notes(): string[];
  /** The fold-state checkpoint of a team as of a week (store/checkpoints.ts) saved under `key`; null when there is none, it is damaged or its key differs. */
  checkpoint(team: string, week: string, key: string): unknown;
  /** Writes checkpoints (and removes outdated ones); false when they cannot be written. Not part of any commit. */
  saveCheckpoints(put: readonly { team: string; week: string; key: string; value: unknown }[], drop: readonly { team: string; week: string }[]): boolean;
}

/** Write access inside one locked read-modify-write. */
export interface Transaction {
  headers(): StoredHeader[];
  /** The aliases as they stand inside this transaction. */
  aliases(): AliasEntry[];
  /** Adds a report; unchanged (same id, team, week) is a no-op; same (team, week) or same source replaces. */
  putReport(report: Report, file?: FileStamp, options?: PutOptions): PutResult;
  setAlias(name: string, canonical: string): void;
  /** Records a rename stated in a report, unless the name already has an alias (or had one the user removed). */
  setStatedAlias(name: string, canonical: string, evidence: NonNullable<AliasEntry['auto']>): boolean;
  /** Returns false when there was no such alias. An automatic alias is kept switched off (see AliasEntry.off). */
  removeAlias(name: string): boolean;
}

export interface Store extends StoreReader {
  /**
   * Takes the inter-process lock, reloads the latest state from disk, runs `fn`, saves
   * atomically (only when something changed), releases the lock. A throw inside `fn`
   * leaves the database file untouched.
   */
  transact<T>(fn: (tx: Transaction) => T | Promise<T>): Promise<T>;
}

export interface OpenOptions {
  /** Create the file (and its folder) on the first save when it does not exist; reading a missing DB yields an empty store. */
  create?: boolean;
  /** How long to wait for another process's lock before failing with a clear message. */
  lockTimeoutMs?: number;
  /** How long a lock held on another host may go without a heartbeat before it is taken over (default 5 s). */
  lockStaleMs?: number;
}
