// `milestones ingest`: files and folders → reports in the database; one bad file never stops the batch.

import { collectFiles, skippedLine, teamBelow, type FoundFile } from '../../read/files.js';
import { parseByteSize } from '../../read/size.js';
import { openStore } from '../../store/index.js';
import type { FileStamp, PutResult, StoredHeader, Transaction } from '../../store/types.js';
import path from 'node:path';
import { MilestonesError, UsageError } from '../../model/errors.js';
import type { Report, WeekId, WeekScheme } from '../../model/types.js';
import { dateWeekOf, isValidWeek, yearWeekOf } from '../../model/week.js';
import { aliasMap, positiveInt, type GlobalOptions } from '../options.js';
import { canonicalProject, normalizeName } from '../../model/name.js';
import { keeps, whyKept, type Claim } from '../../model/claim.js';
import { escapeControls } from '../../model/display.js';
import { json, pad, width as columns } from '../../render/format.js';
import { wordsFor as saidIn, type Words as Said } from '../../render/words.js';
import { note, warn, warnAt, warnError, writeStdout } from '../output.js';
import { folderConfig, type LoadedConfig } from '../config.js';
import { wordsFrom, type Words } from '../vocabulary.js';
import { startProgress } from '../progress.js';
import type { ReadJob } from '../read-one.js';
import v8 from 'node:v8';

/** How far the heap may grow past what survived the last full collection before the next one (see run). */
const HEAP_GROWING_PERCENT = 20;

interface IngestOptions {
  teamFromFolder?: boolean;
  week?: string;
  maxSize: string;
  json?: boolean;
  jobs?: string;
}

type Outcome =
  | {
      file: string;
      action: PutResult['action'];
      week: WeekId;
      team: string;
      progress: number;
      kpi: number;
      replaced?: string;
      /** For a conflict: the report kept for this team and week, and why (model/claim.ts). */
      kept?: string;
      why?: string;
      warnings: number;
      of?: string;
    }
  | { file: string; action: 'failed'; error: string; of?: string };

export async function run(g: GlobalOptions, o: IngestOptions, args: unknown[]): Promise<number> {
  const paths = args[0] as string[];
  // The main thread holds each chunk's reports until their commit: they outlive young collections and are promoted,
  // and V8 let that old garbage grow to ~4× the live heap (40 MB live, 175–220 MB between full collections: most of
  // a 5,000-report ingest's 360–430 MB peak RSS). A fixed growing factor collects when the old heap is 1.2× what
  // survived the last full collection. Process-wide and set at run time (a V8 flag Node lets a program set).
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (o.teamFromFolder && g.team !== undefined) {
    throw new UsageError('--team and --team-from-folder exclude each other', { hint: 'give one of them' });
  }
  const maxBytes = parseByteSize(o.maxSize);
  const forcedWeek = o.week === undefined ? undefined : parseForcedWeek(o.week, g.scheme);
  const words = wordsFrom(g.config);
  const threads = positiveInt(o.jobs, '--jobs');
  const store = await openStore(g.dbShown, { create: true });
  /** Teams whose reports a commit changed: their saved fold states are brought up to date at the end. */
  const touched = new Set<string>();

  const outcomes: Outcome[] = [];
  const fail = (file: string, err: unknown) => {
    if (!(err instanceof MilestonesError)) throw err;
    warnError(err);
    outcomes.push({ file, action: 'failed', error: err.format() });
  };

  const said = saidIn(g.lang);
  const { files, problems, skipped } = await collectFiles(paths);
  for (const p of problems) fail(p.where ?? '', p);
  if (skipped.size) warn(skippedLine(skipped));

  // A line per file as soon as it is decided (unchanged) or committed, in the same order as
  // ever; on a terminal a progress bar below them. JSON is printed whole at the end.
  const progress = startProgress(files.length);
  const say = (x: Outcome) => {
    const line = o.json ? undefined : outcomeLine(x, said);
    if (line !== undefined) progress.line(line, (text) => void writeStdout(`${text}\n`));
  };
  /** Many lines at once (the unchanged files, decided before anything is read): one write instead of one per file. */
  const sayAll = (xs: readonly Outcome[]) => {
    if (o.json || xs.length === 0) return;
    const lines: string[] = [];
    for (const x of xs) {
      const line = outcomeLine(x, said);
      if (line !== undefined) lines.push(line);
    }
    if (lines.length) progress.line(lines.join('\n'), (text) => void writeStdout(`${text}\n`));
  };

  // Unchanged files (same path, size and mtime as when stored) are skipped without being read.
  // A file holding several reports has one stamp per report (`path#entry`, `archive.zip/member`).
  const stamped = store
    .headers()
    .filter((h) => h.file)
    .sort((a, b) => (a.file!.path < b.file!.path ? -1 : a.file!.path > b.file!.path ? 1 : 0));
  const stampPaths = stamped.map((h) => h.file!.path);

  // A milestones.config.json next to the reports (or in a folder above them, up to the one named) applies to
  // them, unless --config was given.
  const folders = new Map<string, Promise<LoadedConfig | null>>();
  const wordsByFile = new Map<string, Words>();
  const wordsFor = async (f: FoundFile): Promise<Words> => {
    if (g.configExplicit) return words;
    const found = await folderConfig(f.absolute, f.root, folders);
    if (!found || found.file === g.configFile) return words;
    let w = wordsByFile.get(found.file!);
    if (!w) wordsByFile.set(found.file!, (w = wordsFrom(found.config)));
    return w;
  };

  // Two files of this run claiming one team and week: the documented rule keeps one, whatever the
  // order they are read in (model/claim.ts); a report of a file not in this run is replaced, as ever.
  const inRun = new Set(files.map((f) => f.absolute));
  const keepsHeld = (held: StoredHeader, report: Report, stamp: FileStamp): boolean =>
    !!held.file && inRun.has(fileOfStamp(held.file.path, inRun)) && keeps(claimOf(held), { date: report.date, path: stamp.path });

  const today = new Date().toISOString().slice(0, 10);
  const jobs: ReadJob[] = [];
  const unchanged: Outcome[] = [];
  /** Each path argument, resolved once (not once per file below it). */
  const roots = new Map<string, string>();
  const stampAt = new Map<string, number>();
  for (let i = 0; i < stampPaths.length; i++) if (!stampAt.has(stampPaths[i]!)) stampAt.set(stampPaths[i]!, i);
  for (const f of files) {
    let rootAbs = roots.get(f.root);
    if (rootAbs === undefined) roots.set(f.root, (rootAbs = path.resolve(f.root)));
    const team = o.teamFromFolder ? teamBelow(rootAbs, f.absolute) : (g.team ?? '');
    const known = storedOf(stamped, stampPaths, f.absolute, stampAt.get(f.absolute));
    // A stored report whose evidence file is missing is read again, which rebuilds it.
    if (known.length && known.every((k) => unchangedOnDisk(k, f, team, forcedWeek) && store.hasEvidence(k))) {
      const of = known.length > 1 || known[0]!.file!.path !== f.absolute ? f.path : undefined;
      for (const k of known) {
        const x: Outcome = { file: k.source, action: 'unchanged', week: k.week, team, progress: k.progress, kpi: k.kpi, warnings: 0, ...(of ? { of } : {}) };
        outcomes.push(x);
        unchanged.push(x);
      }
      progress.tick();
      continue;
    }
    jobs.push({ path: f.path, absolute: f.absolute, team, forcedWeek, maxBytes, scheme: g.scheme, words: await wordsFor(f), today });
  }
  sayAll(unchanged);
  // Commit every CHUNK reports: memory stays flat however large the batch, and each commit is
  // a complete state (an interrupted run keeps what it committed; running it again goes on).
  // A commit runs while the next chunk is being read (one commit in flight at a time): its
  // evidence files are fsynced one by one, and reading need not wait for the disk.
  const CHUNK = 500;
  /** Outcomes of the files read, by job index (several for a many-report file), so output order never depends on timing. */
  const read: (Outcome[] | undefined)[] = new Array(jobs.length);
  /** Reports of each job still waiting for their commit. */
  const pending: number[] = new Array<number>(jobs.length).fill(0);
  /** Lines are printed in job order: up to the first file not yet failed or fully committed. */
  let printed = 0;
  const flush = () => {
    while (printed < read.length && read[printed] !== undefined && pending[printed] === 0) for (const x of read[printed++]!) say(x);
  };
  let batch: { index: number; slot: number; of?: string; report: Report; stamp: FileStamp; warnings: number }[] = [];
  const commit = async (chunk: typeof batch) => {
    if (!chunk.length) return;
    const results = await store.transact((tx) =>
      chunk.map((p) => {
        const res = tx.putReport(p.report, p.stamp, { keepHeld: (held) => keepsHeld(held, p.report, p.stamp) });
        if (res.action === 'added' || res.action === 'replaced') recordStatedRenames(tx, p.report);
        return res;
      }),
    );
    results.forEach((res, i) => {
      const { index, slot, of, report, warnings } = chunk[i]!;
      if (res.action === 'added' || res.action === 'replaced' || res.action === 'rebuilt') touched.add(report.team);
      if (res.replaced) touched.add(res.replaced.team);
      pending[index]!--;
      read[index]![slot] = {
        file: report.source,
        action: res.action,
        week: report.week,
        team: report.team,
        progress: res.header.progress,
        kpi: res.header.kpi,
        replaced: res.replaced?.source,
        ...(res.action === 'conflict' ? { kept: res.header.source, why: whyKept(claimOf(res.header), { date: report.date, path: chunk[i]!.stamp.path }) } : {}),
        warnings,
        ...(of ? { of } : {}),
      };
    });
    flush();
  };
  let committing: Promise<void> = Promise.resolve();
  /** Reads and commits every job; the readers and the extractor are loaded only when there is something to read (a re-ingest of unchanged files reads nothing). */
  const readAll = async () => {
    if (!jobs.length) return;
    const [{ ReaderPool, readInOrder }, { errorFromData }] = await Promise.all([import('../pool.js'), import('../read-one.js')]);
    const pool = new ReaderPool(jobs.length, threads);
    try {
      await readInOrder(pool, jobs, async (i, r) => {
        progress.tick();
        if (!r.ok) {
          const err = errorFromData(r.error);
          warnError(err);
          read[i] = [{ file: jobs[i]!.path, action: 'failed', error: err.format() }];
          return;
        }
        const of = r.count > 1 || r.reports.some((x) => x.report.source !== jobs[i]!.path) ? jobs[i]!.path : undefined;
        const mine: Outcome[] = [];
        for (const x of r.reports) {
          for (const w of x.warnings) warnAt(`${x.report.source}:${w.line}`, w.message);
          batch.push({ index: i, slot: mine.length, of, report: x.report, stamp: x.stamp, warnings: x.warnings.length });
          mine.push(undefined as unknown as Outcome); // filled in by the commit
          pending[i]!++;
        }
        for (const e of r.errors) {
          const err = errorFromData(e);
          warnError(err);
          mine.push({ file: jobs[i]!.path, action: 'failed', error: err.format(), ...(of ? { of } : {}) });
        }
        read[i] = mine;
        if (batch.length >= CHUNK) {
          await committing;
          committing = commit(batch);
          committing.catch(() => {}); // surfaced by the next await; never an unhandled rejection
          batch = [];
        }
      });
      await committing;
      await commit(batch);
    } finally {
      await committing.catch(() => {});
      await pool.close();
    }
  };
  try {
    await readAll();
  } finally {
    flush();
    progress.stop();
  }
  for (const x of read) if (x) for (const o of x) outcomes.push(o); // no spread: a batch may hold 100,000+ files
  for (const n of store.notes()) note(n);
  // The queries' saved fold states (cli/folds.ts): of the teams changed (of every team when the aliases
  // changed since they were saved). Not part of the commit: what fails here costs queries time, never data.
  try {
    const aliases = aliasMap(store.aliases(), g.config);
    // Nothing changed and the states are current (a re-ingest of the same files): the analysis is not even loaded.
    const { checkpointsCurrent } = await import('../fold-keys.js');
    if (touched.size > 0 || !checkpointsCurrent(store, aliases)) {
      const { refreshCheckpoints } = await import('../folds.js'); // the analysis loads here, not with the command
      refreshCheckpoints(store, aliases, touched);
    }
  } catch {
    // a damaged segment is named by the query that reads it
  }

  const failed = outcomes.filter((x) => x.action === 'failed').length;
  await writeStdout(o.json ? json({ files: outcomes }) : [...manyLines(outcomes, said), summaryLine(outcomes, said)].map((l) => `${l}\n`).join(''));
  return failed ? 1 : 0;
}

/** The file a stamp path belongs to, when it is one of `files`: itself, or the file of an entry or member (`path#…`, `path/…`). */
function fileOfStamp(stamp: string, files: ReadonlySet<string>): string {
  if (files.has(stamp)) return stamp;
  const hash = stamp.indexOf('#');
  if (hash > 0 && files.has(stamp.slice(0, hash))) return stamp.slice(0, hash);
  for (let i = stamp.lastIndexOf('/'); i > 0; i = stamp.lastIndexOf('/', i - 1)) if (files.has(stamp.slice(0, i))) return stamp.slice(0, i);
  return stamp;
}

const claimOf = (h: StoredHeader): Claim => ({ date: h.date, path: h.file?.path ?? h.source });

/**
 * The stored reports of a file: its own stamp, or those of its entries and members (`path#…`, `path/…`).
 * `at`: where `absolute` itself is in `paths`, when it is there (else it is searched for).
 */
function storedOf(sorted: readonly StoredHeader[], paths: readonly string[], absolute: string, at?: number): StoredHeader[] {
  let lo = at ?? 0;
  let hi = at ?? paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paths[mid]! < absolute) lo = mid + 1;
    else hi = mid;
  }
  const out: StoredHeader[] = [];
  for (let i = lo; i < paths.length && paths[i]!.startsWith(absolute); i++) {
    const rest = paths[i]!.slice(absolute.length);
    if (rest === '' || rest.startsWith('#') || rest.startsWith('/')) out.push(sorted[i]!);
  }
  return out;
}

/** `周报.md: 30 reports (2022-W40 … 2023-W22)` for each file that holds several reports. */
function manyLines(outcomes: readonly Outcome[], w: Said): string[] {
  const byFile = new Map<string, Outcome[]>();
  for (const x of outcomes) if (x.of) byFile.set(x.of, [...(byFile.get(x.of) ?? []), x]);
  const lines: string[] = [];
  for (const [file, xs] of byFile) {
    const weeks = xs.flatMap((x) => (x.action === 'failed' ? [] : [x.week])).sort();
    const failed = xs.filter((x) => x.action === 'failed').length;
    lines.push(`${escapeControls(file)}: ${w.ingest.reportsOfFile(weeks.length, weeks[0], weeks.length > 1 ? weeks[weeks.length - 1] : undefined, failed)}`);
  }
  return lines;
}

function unchangedOnDisk(known: StoredHeader, f: FoundFile, team: string, forcedWeek: WeekId | undefined): boolean {
  return (
    known.file!.size === f.size &&
    known.file!.mtimeMs === f.mtimeMs &&
    known.team === team &&
    (forcedWeek === undefined || forcedWeek === known.week)
  );
}

/** `--week` takes an explicit week (`2023-W16`, `2023W16`) or a date inside it; a bare `W16` has no year. */
export function parseForcedWeek(value: string, scheme: WeekScheme): WeekId {
  const raw = value.trim().normalize('NFKC');
  const id = yearWeekOf(raw);
  if (id) {
    if (isValidWeek(id, scheme)) return id;
    throw new UsageError(`--week ${value}: ${id} does not exist`, { hint: 'weeks run from W01 to W52 or W53' });
  }
  const fromDate = dateWeekOf(raw, scheme);
  if (fromDate) return fromDate;
  throw new UsageError(`--week ${value} is not a week`, { hint: 'give the year too: --week 2023-W16, or a date such as 2023-04-14' });
}

/** `added     2025-W46  data/samples/….md  (12 progress, 3 kpi)`; failed files have their error on stderr instead. */
function outcomeLine(x: Outcome, w: Said): string | undefined {
  if (x.action === 'failed') return undefined;
  const team = x.team ? ` [${escapeControls(x.team)}]` : '';
  const width = actionWidth(w);
  const action = pad(w.ingest.actions[x.action], width);
  if (x.action === 'conflict') return `${action} ${x.week}${team}  ${escapeControls(x.file)}  ${w.ingest.conflict(escapeControls(x.kept ?? ''), w.message(x.why ?? ''))}`;
  const replaced = x.action === 'replaced' && x.replaced ? escapeControls(x.replaced) : undefined;
  return `${action} ${x.week}${team}  ${escapeControls(x.file)}  ${w.ingest.counts(x.progress, x.kpi, x.warnings, replaced, x.action === 'rebuilt')}`;
}

/** The widest action word's columns, per language (asked once per line before). */
const actionWidths = new WeakMap<Said, number>();
function actionWidth(w: Said): number {
  let n = actionWidths.get(w);
  if (n === undefined) actionWidths.set(w, (n = Math.max(...Object.values(w.ingest.actions).map(columns))));
  return n;
}

/** `9 added, 1 failed`. */
function summaryLine(outcomes: readonly Outcome[], w: Said): string {
  const counts = new Map<Outcome['action'], number>();
  for (const x of outcomes) counts.set(x.action, (counts.get(x.action) ?? 0) + 1);
  const order = ['added', 'replaced', 'rebuilt', 'unchanged', 'conflict', 'failed'] as const;
  if (!outcomes.length) return w.ingest.nothing;
  return w.ingest.summary(order.filter((k) => counts.has(k)).map((k) => [w.ingest.actions[k], counts.get(k)!]));
}

/**
 * A rename the report states (`清结算中心（原“资金清分平台”）`) becomes an alias old → new with the
 * line as evidence, unless the old name already has one (or had one the user removed), or the new
 * name already leads back to the old (a loop).
 */
function recordStatedRenames(tx: Transaction, report: Report): void {
  for (const s of report.statements ?? []) {
    if (s.kind !== 'renamed' || !s.formerly || !s.subjects[0]) continue;
    const current = aliasMap(tx.aliases(), {});
    if (normalizeName(canonicalProject(s.subjects[0], current)) === normalizeName(s.formerly)) continue;
    tx.setStatedAlias(s.formerly, s.subjects[0], { source: report.source, week: report.week, line: s.line, text: s.text });
  }
}
