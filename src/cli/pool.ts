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
 * Reads every job and calls `onResult` in job order (so output and storage order stay
 * deterministic whatever finishes first). A bug in a worker rejects, like it would inline.
 */
export async function readAll(
  jobs: readonly ReadJob[],
  onResult: (index: number, result: ReadResult) => void,
  maxThreads: number = defaultThreads(),
): Promise<void> {
  const threads = Math.min(maxThreads, Math.ceil(jobs.length / 16));
  if (jobs.length < MIN_FILES_FOR_WORKERS || threads < 2) {
    for (let i = 0; i < jobs.length; i++) onResult(i, await readOne(jobs[i]!));
    return;
  }

  const results = new Map<number, ReadResult>();
  let next = 0; // next job to hand out
  let emitted = 0; // next result to pass on, in order
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const give = (w: Worker) => {
        if (next < jobs.length) {
          const seq = next++;
          w.postMessage({ seq, job: jobs[seq] });
        }
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(new URL('./ingest-worker.js', import.meta.url));
        workers.push(w);
        w.on('message', (msg: { seq: number; result?: ReadResult; crash?: string }) => {
          if (msg.crash !== undefined) return reject(new Error(`worker failed on ${jobs[msg.seq]!.path}: ${msg.crash}`));
          results.set(msg.seq, msg.result!);
          finished++;
          try {
            while (results.has(emitted)) {
              const r = results.get(emitted)!;
              results.delete(emitted);
              onResult(emitted++, r);
            }
          } catch (err) {
            return reject(err);
          }
          if (finished === jobs.length) resolve();
          else give(w);
        });
        w.on('error', reject);
        // Two jobs in flight per worker keep it busy while the main thread handles a result.
        give(w);
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
