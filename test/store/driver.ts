// Child-process driver for the store's concurrency and crash tests: puts synthetic reports in transactions.
// Usage: node --import tsx test/store/driver.ts <db> <set> <count> <batch> [lockTimeoutMs] [die-at-commit]
// With `die-at-commit` the process SIGKILLs itself at the moment the manifest would be renamed into place:
// after its segment and evidence files are written and fsynced, before the commit point. With `die-at-compaction`
// it does so when a commit has appended its journal record and the journal, past its bound, is being folded into
// a new base: the new base is written, the manifest naming it not yet renamed into place.

import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import * as path from 'node:path';
import { openStore } from '../../src/store/index.js';
import { synthReport } from './synth.js';

async function main(): Promise<void> {
  const [db, set, count, batch, timeout, mode] = process.argv.slice(2);
  if (!db || set === undefined || count === undefined || batch === undefined) throw new Error('usage: driver.ts <db> <set> <count> <batch> [lockTimeoutMs] [die-at-commit]');
  if (mode === 'die-at-commit') {
    const rename = fs.renameSync;
    const target = path.resolve(db);
    fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (path.resolve(String(to)) === target) process.kill(process.pid, 'SIGKILL');
      rename(from, to);
    };
    syncBuiltinESMExports(); // the store's `import { renameSync }` sees the patched one
  }
  if (mode === 'die-at-compaction') {
    const rename = fs.renameSync;
    const target = path.resolve(db);
    const journalOf = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { journal?: string[] }).journal ?? [];
    fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (path.resolve(String(to)) === target && fs.existsSync(target) && journalOf(String(from)).length === 0 && journalOf(target).length > 0) {
        process.kill(process.pid, 'SIGKILL');
      }
      rename(from, to);
    };
    syncBuiltinESMExports();
  }
  const store = await openStore(db, { create: true, lockTimeoutMs: timeout ? Number(timeout) : 30_000 });
  const n = Number(count);
  const b = Number(batch);
  const actions: Record<string, number> = {};
  for (let start = 0; start < n; start += b) {
    await store.transact((tx) => {
      for (let i = start; i < Math.min(n, start + b); i++) {
        const { action } = tx.putReport(synthReport(Number(set), i));
        actions[action] = (actions[action] ?? 0) + 1;
      }
    });
  }
  process.stdout.write(`${JSON.stringify(actions)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error && 'format' in err ? (err as { format(): string }).format() : String(err)}\n`);
  process.exit(1);
});
