// Worker thread for ingest: reads and extracts the files it is sent, one message per result.

import { parentPort } from 'node:worker_threads';
import { readOne, type ReadJob } from './read-one.js';

parentPort!.on('message', (msg: { seq: number; job: ReadJob }) => {
  readOne(msg.job).then(
    (result) => parentPort!.postMessage({ seq: msg.seq, result }),
    (err: unknown) => parentPort!.postMessage({ seq: msg.seq, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
