// A stalled lock holder (SIGSTOP past the stale limit, writers queued, then SIGCONT): nobody takes a live holder's lock, every report lands.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { STALE_MS } from '../../src/store/lock.js';
import { scale } from '../support/limits.js';
import { cliAsync, hasStack, run as inProcess, tempDir, writeReports, type CliResult } from './support/cli.js';

const ROUNDS = scale(1, 8);
const WRITERS = scale(3, 10);
const HOLDER_REPORTS = 300;
const WRITER_REPORTS = 3;
/** The holder stays stopped past the stale limit (the old lock took it over after STALE_MS). */
const STOP_MS = STALE_MS + scale(1_500, 3_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface WeeksJson { weeks: { week: string; team: string; source: string }[] }

test(`stalled holder: SIGSTOP for ${STOP_MS} ms (stale limit ${STALE_MS} ms) with ${WRITERS} ingests queued, ${ROUNDS} round(s); every report lands`, async () => {
  const { dir, cleanup } = tempDir('stalled');
  try {
    writeReports(path.join(dir, 'holder'), 2020, HOLDER_REPORTS, 1);
    for (let w = 0; w < WRITERS; w++) writeReports(path.join(dir, `w${w}`), 2030, WRITER_REPORTS, 20 + w);
    let stoppedWithLock = 0;
    let finishedWhileStopped = 0;
    let failures = 0;
    let reportsExpected = 0;
    let reportsStored = 0;
    let lockPolls = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const db = `round${round}/milestones.json`;
      const lock = path.join(dir, `${db}.lock`);
      const holder = cliAsync(db, ['--team', 'holder', 'ingest', 'holder'], { cwd: dir });
      let holderDone: CliResult | null = null;
      void holder.done.then((r) => (holderDone = r));
      // Stop it while it holds the lock (it takes the lock to commit, after reading its files).
      for (let i = 0; i < 20_000 && !existsSync(lock) && !holderDone; i++, lockPolls++) await sleep(2);
      assert.ok(existsSync(lock) && !holderDone, `round ${round}: the holder took the lock`);
      holder.child.kill('SIGSTOP');
      stoppedWithLock++;
      const writers = Array.from({ length: WRITERS }, (_, w) => cliAsync(db, ['--team', `w${w}`, 'ingest', `w${w}`], { cwd: dir }));
      let finished = 0;
      for (const w of writers) void w.done.then(() => finished++);
      await sleep(STOP_MS);
      const whileStopped = finished;
      finishedWhileStopped += whileStopped;
      holder.child.kill('SIGCONT');
      const results = [await holder.done, ...(await Promise.all(writers.map((w) => w.done)))];
      assert.is(whileStopped, 0, `round ${round}: ${whileStopped} writer(s) finished while the holder was stopped: its lock was taken`);
      for (const r of results) {
        if (r.code !== 0) failures++;
        assert.is(r.code, 0, r.stderr);
        assert.not.ok(hasStack(r.stderr), r.stderr);
      }
      // Every report each process said it added is stored.
      const w = await inProcess(db, ['weeks', '--json'], { cwd: dir });
      assert.is(w.code, 0, w.stderr);
      const stored = new Set((JSON.parse(w.stdout) as WeeksJson).weeks.map((x) => `${x.team}|${x.week}`));
      const expected = [`holder`, ...Array.from({ length: WRITERS }, (_, i) => `w${i}`)];
      for (const [i, team] of expected.entries()) {
        const added = Number(/(\d+) added/.exec(results[i]!.stdout)?.[1] ?? 0);
        const mine = [...stored].filter((k) => k.startsWith(`${team}|`)).length;
        reportsExpected += added;
        reportsStored += mine;
        assert.is(mine, added, `round ${round}: ${team} said ${added} added, ${mine} stored`);
      }
      assert.is(stored.size, HOLDER_REPORTS + WRITERS * WRITER_REPORTS, `round ${round}: every report of every run`);
      assert.not.ok(existsSync(lock), 'no lock left behind');
    }
    console.log(
      `\n[cli reliability] stalled holder: ${ROUNDS} round(s), holder (${HOLDER_REPORTS} reports) stopped with the lock ${stoppedWithLock} time(s) ` +
        `for ${STOP_MS} ms (stale limit ${STALE_MS} ms) with ${WRITERS} ingests queued; ${finishedWhileStopped} writers got in while it was stopped, ` +
        `${failures} failures, ${reportsStored} of ${reportsExpected} reports reported added are stored (${lockPolls} polls for the lock)`,
    );
  } finally {
    cleanup();
  }
});

test.run();
