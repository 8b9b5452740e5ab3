// Worker thread for ingest: reads and extracts the files it is sent, one message per result.

import { parentPort } from 'node:worker_threads';
import { readOne, type ReadJob } from './read-one.js';

/** The word lists the main thread sent, by number (each is sent once; see ReaderPool). */
const wordsById = new Map<number, ReadJob['words']>();

parentPort!.on('message', (msg: { seq: number; job: Omit<ReadJob, 'words'>; wordsId: number; words?: ReadJob['words'] }) => {
  if (msg.words) wordsById.set(msg.wordsId, msg.words);
  readOne({ ...msg.job, words: wordsById.get(msg.wordsId)! }).then(
    (result) => parentPort!.postMessage({ seq: msg.seq, result }),
    (err: unknown) => parentPort!.postMessage({ seq: msg.seq, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
