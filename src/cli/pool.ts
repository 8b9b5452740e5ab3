// Runs ingest's read-and-extract jobs on worker threads (one per core) when a batch is big enough to repay their start-up.

import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { readOne, type ReadJob, type ReadResult } from './read-one.js';

/** Below this many files a worker's start-up (~60 ms of module loading) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 48;

/** One worker per core, at most 8 (beyond that the single-threaded store is the bottleneck). */
export function defaultThreads(): number {
  return Math.min(os.availableParallelism(), 8);
}

/**
 * The V8 heap of each worker thread, capped: extracting one report keeps ~15 MB alive, but an
 * uncapped worker lets its heap grow to ~150 MB before collecting (`--trace-gc`), which made a
 * 5,000-report ingest peak at 420 MB. A file that needs more than the cap is read again on the
 * main thread (below), so the cap never fails a file.
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 } as const;

type Pending = { resolve: (r: ReadResult) => void; reject: (e: unknown) => void; job: ReadJob; worker: Worker };

export interface PoolOptions {
  /** Each worker's heap limits (WORKER_LIMITS unless given). */
  limits?: { maxYoungGenerationSizeMb?: number; maxOldGenerationSizeMb?: number };
}

/**
 * Readers for one ingest run: worker threads when the run is big enough, else the main
 * thread. `read` resolves in any order; callers keep their own order.
 */
export class ReaderPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly load = new Map<Worker, number>();
  /** Results each worker has sent back (a worker that runs out of memory before its first is not replaced). */
  private readonly done = new Map<Worker, number>();
  private seq = 0;
  private failure: unknown;
  private closed = false;
  private readonly limits: NonNullable<PoolOptions['limits']>;
  /** Jobs a worker ran out of heap on, read again on the main thread (for tests and the curious). */
  recovered = 0;
  /**
   * Word lists are sent to each worker once, then named by a number: cloning the whole vocabulary
   * with every file, and keying the worker's lexicon cache by its JSON, cost ~6% of a worker's time.
   */
  private readonly wordsIds = new Map<ReadJob['words'], number>();
  private readonly wordsSent = new Map<Worker, Set<number>>();

  constructor(totalJobs: number, maxThreads: number = defaultThreads(), options: PoolOptions = {}) {
    this.limits = options.limits ?? WORKER_LIMITS;
    const threads = Math.min(maxThreads, Math.ceil(totalJobs / 16));
    if (totalJobs < MIN_FILES_FOR_WORKERS || threads < 2) return;
    for (let t = 0; t < threads; t++) this.workers.push(this.spawn());
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./ingest-worker.js', import.meta.url), { resourceLimits: this.limits });
    this.load.set(w, 0);
    w.on('message', (msg: { seq: number; result?: ReadResult; crash?: string }) => {
      const p = this.pending.get(msg.seq);
      if (!p) return; // a job of a worker that ran out of memory, already handed to the main thread
      this.pending.delete(msg.seq);
      this.load.set(w, this.load.get(w)! - 1);
      this.done.set(w, (this.done.get(w) ?? 0) + 1);
      if (msg.crash !== undefined) p.reject(new Error(`worker failed on ${p.job.path}: ${msg.crash}`));
      else p.resolve(msg.result!);
    });
    w.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && this.failure === undefined && !this.closed) this.replace(w);
      else this.fail(err);
    });
    return w;
  }

  /**
   * A worker ran out of its capped heap (a file far larger than a weekly report): the jobs it held are
   * read on the main thread, whose heap is not capped (as with --jobs 1), and a fresh worker takes its
   * place. Which job was too big is not known, so all of its jobs are read again; the results are the
   * same wherever a job runs.
   */
  private replace(dead: Worker): void {
    const at = this.workers.indexOf(dead);
    this.load.delete(dead);
    this.wordsSent.delete(dead);
    const fresh = this.spawn();
    if (at >= 0) this.workers[at] = fresh;
    for (const [seq, p] of this.pending) {
      if (p.worker !== dead) continue;
      this.pending.delete(seq);
      this.recovered++;
      readOne(p.job).then(p.resolve, p.reject);
    }
  }

  read(job: ReadJob): Promise<ReadResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.workers.length === 0) return readOne(job);
    // The least-loaded worker takes the job; postMessage queues it there.
    let w = this.workers[0]!;
    for (const x of this.workers) if (this.load.get(x)! < this.load.get(w)!) w = x;
    this.load.set(w, this.load.get(w)! + 1);
    const seq = this.seq++;
    let wordsId = this.wordsIds.get(job.words);
    if (wordsId === undefined) this.wordsIds.set(job.words, (wordsId = this.wordsIds.size));
    let sent = this.wordsSent.get(w);
    if (!sent) this.wordsSent.set(w, (sent = new Set()));
    const words = sent.has(wordsId) ? undefined : job.words;
    sent.add(wordsId);
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject, job, worker: w });
      w.postMessage({ seq, job: { ...job, words: undefined }, wordsId, words });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(err: unknown): void {
    this.failure = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/**
 * Reads `jobs` through the pool, at most `window` at a time, and calls `onResult` in job
 * order (so output and storage order stay deterministic whatever finishes first). The
 * callback may be async: the next results wait for it, which is how ingest commits in
 * chunks without holding every report in memory.
 */
export async function readInOrder(
  pool: ReaderPool,
  jobs: readonly ReadJob[],
  onResult: (index: number, result: ReadResult) => void | Promise<void>,
  window = 64,
): Promise<void> {
  const inFlight: Promise<ReadResult>[] = [];
  let next = 0;
  const fill = () => {
    while (next < jobs.length && inFlight.length < window) inFlight.push(pool.read(jobs[next++]!));
  };
  fill();
  for (let i = 0; i < jobs.length; i++) {
    const result = await inFlight.shift()!;
    fill();
    await onResult(i, result);
  }
}
