// Reliability through the real CLI: concurrent ingests into one database, and ingests SIGKILLed at random moments.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { scale } from '../support/limits.js';
import { cliAsync, hasStack, run as inProcess, runMany, tempDir, writeReports, type CliResult } from './support/cli.js';

interface WeeksJson { weeks: { week: string; team: string; source: string; progress: number; kpi: number }[] }
interface ExportRow { week: string; team: string; source: { file: string; line: number } | string; file?: string; percent: number }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `weeks --json` and `export --format json` (readers only, run in this process: the writers under test
 * are the child processes): what is stored, and that every report's evidence loads.
 */
async function snapshot(db: string, cwd: string): Promise<{ weeks: WeeksJson['weeks']; rows: ExportRow[] }> {
  const [w, e] = (await runMany(db, [['weeks', '--json'], ['export', '--format', 'json']], { cwd })) as [CliResult, CliResult];
  assert.is(w.code, 0, `weeks --json: ${w.stderr}`);
  assert.is(e.code, 0, `export --format json: ${e.stderr}`);
  return { weeks: (JSON.parse(w.stdout) as WeeksJson).weeks, rows: JSON.parse(e.stdout) as ExportRow[] };
}

/**
 * `export --format json` alone: it opens and validates the database like every command and loads the
 * evidence of every stored report, so its rows say which reports are stored and that each is whole.
 */
async function exported(db: string, cwd: string): Promise<ExportRow[]> {
  const e = await inProcess(db, ['export', '--format', 'json'], { cwd });
  assert.is(e.code, 0, `export --format json: ${e.stderr}`);
  return JSON.parse(e.stdout) as ExportRow[];
}

const PROCESSES = scale(4, 8);
/** The store's own test runs many rounds through a driver; through the CLI a round costs 8 node start-ups. */
const ROUNDS = scale(1, 5);
const REPORTS_PER_PROCESS = 3;

test(`concurrency: ${PROCESSES} CLI ingests at once into one database, ${ROUNDS} round(s)`, async () => {
  const { dir, cleanup } = tempDir('conc');
  try {
    // Each process has its own folder and team; the weeks overlap on purpose (one report per team and week).
    for (let p = 0; p < PROCESSES; p++) writeReports(path.join(dir, `set${p}`), 2024, REPORTS_PER_PROCESS, p * 10);
    let failures = 0;
    let maxMs = 0;
    const t0 = performance.now();
    let round = 0;
    for (; round < ROUNDS; round++) {
      const db = `round${round}/milestones.json`;
      const runs = Array.from({ length: PROCESSES }, (_, p) => cliAsync(db, ['--team', `团队${p}`, 'ingest', `set${p}`], { cwd: dir }));
      const results = await Promise.all(runs.map((r) => r.done));
      for (const r of results) {
        maxMs = Math.max(maxMs, r.ms);
        if (r.code !== 0) failures++;
        assert.is(r.code, 0, r.stderr);
        assert.match(r.stdout, new RegExp(`${REPORTS_PER_PROCESS} added`));
      }
      const { weeks, rows } = await snapshot(db, dir);
      const got = weeks.map((w) => `${w.team}|${w.week}`).sort();
      const want: string[] = [];
      for (let p = 0; p < PROCESSES; p++) for (let n = 1; n <= REPORTS_PER_PROCESS; n++) want.push(`团队${p}|2024-W0${n}`);
      assert.equal(got, want.sort(), `round ${round}: every report present`);
      assert.is(rows.length, weeks.reduce((s, w) => s + w.progress + w.kpi, 0), `round ${round}: every report's evidence`);
      assert.not.ok(existsSync(path.join(dir, `${db}.lock`)), 'no lock left behind');
    }
    console.log(
      `\n[cli reliability] concurrency: ${round} rounds x ${PROCESSES} CLI processes (${round * PROCESSES} ingests, ` +
        `${round * PROCESSES * REPORTS_PER_PROCESS} reports), ${failures} failures, all reports present, slowest ingest ${Math.round(maxMs)} ms, ` +
        `${Math.round(performance.now() - t0)} ms`,
    );
  } finally {
    cleanup();
  }
});

const KILLS = scale(3, 50);
/** Runs that finish before their kill do not count; this many runs at most (the kill window adapts, see below). */
const MAX_RUNS = KILLS * 4;
const BATCH = scale(30, 60);

test(`crash: SIGKILL a ${BATCH}-report CLI ingest up to ${KILLS} times; whole generations only, the next run gets in`, async () => {
  const { dir, cleanup } = tempDir('crash');
  try {
    // Two versions of the same weeks: each ingest replaces all of the other's reports in one transaction.
    writeReports(path.join(dir, 'A'), 2026, BATCH, 0);
    writeReports(path.join(dir, 'B'), 2026, BATCH, 5);
    const db = 'data/milestones.json';
    const lockDir = path.join(dir, `${db}.lock`);
    const ingest = (folder: string) => cliAsync(db, ['--team', '研发部', 'ingest', folder], { cwd: dir });

    let weeksChecks = 0;
    /**
     * The folder every stored report comes from, checking the state is one whole generation with all
     * its evidence. `weeks --json` joins in every few checks.
     */
    const state = async (full = false): Promise<string | null> => {
      if (!existsSync(path.join(dir, db))) return null;
      let rows: ExportRow[];
      if (full) {
        const snap = await snapshot(db, dir);
        weeksChecks++;
        rows = snap.rows;
        assert.is(rows.length, snap.weeks.reduce((s, w) => s + w.progress + w.kpi, 0), 'weeks --json agrees with the evidence');
        assert.equal([...new Set(snap.weeks.map((w) => w.source.split('/')[0]))].length <= 1, true, 'weeks --json: one generation');
      } else {
        rows = await exported(db, dir);
      }
      if (rows.length === 0) return null;
      const files = new Set(rows.map((r) => (typeof r.source === 'string' ? r.source : r.source.file)));
      const folders = new Set([...files].map((f) => f.split('/')[0]));
      assert.is(folders.size, 1, `a mix of generations: ${[...folders].join(', ')}`);
      assert.is(files.size, BATCH, `a partial generation: ${files.size} reports`);
      assert.is(new Set(rows.map((r) => r.week)).size, BATCH, 'one report per week');
      return [...folders][0]!;
    };

    // A first, uninterrupted run calibrates the kill window.
    const first = await ingest('A').done;
    assert.is(first.code, 0, first.stderr);
    const fullMs = first.ms;
    let current: string | null = await state(true);
    assert.is(current, 'A');

    let kills = 0;
    let finishedBeforeKill = 0;
    let locksLeft = 0;
    let recoveries = 0;
    /** The kill window: shrinks to a run's duration whenever a run finishes before its kill (a count, not a clock, decides). */
    let windowMs = fullMs * 1.1;
    let maxRecoveryMs = 0;
    let failures = 0;
    let iteration = 0; // runs started after the calibration run
    const t0 = performance.now();
    while (kills < KILLS && iteration < MAX_RUNS) {
      // Always the generation not stored now, so that every run has a transaction to interrupt.
      const folder = current === 'B' ? 'A' : 'B';
      iteration++;
      const run = ingest(folder);
      const killAt = 20 + Math.random() * windowMs;
      const outcome = await Promise.race([run.done, sleep(killAt).then(() => null)]);
      if (outcome === null) {
        run.child.kill('SIGKILL');
        const r = await run.done;
        if (r.signal === 'SIGKILL') kills++;
        else finishedBeforeKill++;
      } else {
        finishedBeforeKill++;
        windowMs = Math.min(windowMs, outcome.ms * 0.8);
        if (outcome.code !== 0) failures++;
        assert.is(outcome.code, 0, outcome.stderr);
      }
      const after = await state(kills % 10 === 0);
      assert.ok(after === current || after === folder, `state ${after}: neither before (${current}) nor after (${folder})`);
      current = after;

      if (existsSync(lockDir)) {
        // The killed run held the lock: the next run takes it over at once, its holder being gone.
        locksLeft++;
        const next = current === 'B' ? 'A' : 'B';
        const r = await ingest(next).done;
        iteration++;
        recoveries++;
        if (r.code !== 0) failures++;
        assert.is(r.code, 0, `the run after a kill: ${r.stderr}`);
        assert.not.ok(hasStack(r.stderr), r.stderr);
        maxRecoveryMs = Math.max(maxRecoveryMs, r.ms);
        current = await state(true);
        assert.is(current, next);
        assert.not.ok(existsSync(lockDir), 'the recovered run released the lock');
      }
    }
    assert.is(kills, KILLS, `only ${kills} kills in ${iteration} runs`);
    console.log(
      `\n[cli reliability] crash: ${kills} SIGKILLs of a ${BATCH}-report ingest (one transaction; full run ${Math.round(fullMs)} ms), ` +
        `${finishedBeforeKill} runs finished before their kill, ${locksLeft} locks left behind, ${recoveries} next runs all succeeded ` +
        `(a dead holder's lock taken over at once; slowest of those runs ${Math.round(maxRecoveryMs)} ms), ` +
        `${iteration} runs in all, ${weeksChecks} with weeks --json too, ${failures} failures, database always one whole generation, ${Math.round(performance.now() - t0)} ms`,
    );
  } finally {
    cleanup();
  }
});

test.run();
