// SIGKILL a writer at random moments, 50 times: the database must always be a whole generation, never a mix.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scale } from '../support/limits.js';
import { compileDriver, type CompiledDriver } from './compile-driver.js';
import { synthReport } from './synth.js';
import { verifyDb } from './verify.js';
import { parseManifest } from '../../src/store/manifest.js';

const RUNS = scale(6, 50);
const COUNT = 240; // reports per set
const BATCH = 3; // reports per transaction: a committed state holds whole batches only

let driver: CompiledDriver;
let root: string;
test.before(() => {
  driver = compileDriver();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'milestones-crash-'));
});
test.after(() => {
  driver.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One writer run of `count` reports of `set` into `db` (a `mode` makes it die at a chosen moment); resolves with how it ended. */
function runWriter(db: string, set: number, count: number, mode?: string) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [driver.script, db, String(set), String(count), String(BATCH), '30000', ...(mode ? [mode] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

test(`SIGKILL a writer ${RUNS} times: always a valid, whole generation`, async () => {
  const db = path.join(root, 'data', 'milestones.json');
  let set = 0;
  let kills = 0;
  let completed = 0;
  let staleLocks = 0;
  let maxStaleWait = 0;
  let failures = 0;
  let lockWaitFrom = 0;
  const t0 = Date.now();
  for (let run = 0; run < RUNS; run++) {
    const child = spawn(process.execPath, [driver.script, db, String(set), String(COUNT), String(BATCH), '30000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const killAt = lockWaitFrom ? 0 : 80 + Math.random() * 500;
    if (lockWaitFrom) {
      // The previous writer died holding the lock: this one takes it over at once (its holder is gone).
      const code = await exited;
      assert.is(code, 0, stderr);
      maxStaleWait = Math.max(maxStaleWait, Date.now() - lockWaitFrom);
      lockWaitFrom = 0;
    } else {
      const code = await Promise.race([exited, sleep(killAt).then(() => 'kill' as const)]);
      if (code === 'kill') {
        child.kill('SIGKILL');
        await exited;
        kills++;
      } else if (code !== 0) {
        failures++;
        assert.is(code, 0, stderr);
      }
    }
    if (stdout.includes('{')) completed++;

    // The state on disk: valid, evidence complete, and per set a prefix of whole batches.
    if (fs.existsSync(db)) {
      const headers = await verifyDb(db);
      for (let s = 0; s <= set; s++) {
        const mine = new Set(headers.filter((h) => h.team === synthReport(s, 0).team).map((h) => h.id));
        const k = mine.size;
        assert.ok(k % BATCH === 0 || k === COUNT, `set ${s} holds ${k} reports: a partial transaction`);
        for (let n = 0; n < k; n++) assert.ok(mine.has(synthReport(s, n).id), `set ${s} holds ${k} reports but not report ${n}`);
      }
      if (headers.filter((h) => h.team === synthReport(set, 0).team).length === COUNT) set++;
    }

    // A killed writer's lock stays until the next run finds its holder gone (printed, never asserted on time).
    if (fs.existsSync(`${db}.lock`)) {
      staleLocks++;
      lockWaitFrom = Date.now();
    }
  }
  // On a loaded machine every kill may land before a writer's first commit: then one writer runs to the end, so
  // that the last state checked is one a writer made (the runs above still checked every state they left).
  if (!fs.existsSync(db)) {
    const last = spawn(process.execPath, [driver.script, db, String(set), String(COUNT), String(BATCH), '30000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lastErr = '';
    last.stderr.on('data', (d: Buffer) => (lastErr += d.toString()));
    const code = await new Promise<number | null>((resolve) => last.on('close', resolve));
    assert.is(code, 0, lastErr);
  }
  const ms = Date.now() - t0;
  const headers = await verifyDb(db);
  const leftovers = fs.readdirSync(path.dirname(db)).filter((n) => n.endsWith('.tmp'));
  console.log(
    `\n[store reliability] crash: ${RUNS} writer runs, ${kills} SIGKILLs at random moments, ${completed} runs completed, ` +
      `${failures} failures; ${headers.length} reports stored, every state valid and whole; ` +
      `${staleLocks} locks left by killed writers, each taken over by the next run (slowest of those runs ${maxStaleWait} ms); ` +
      `${leftovers.length} temp files left; ${ms} ms`,
  );
});

test('SIGKILL between the segment writes and the manifest write: the previous generation stays, the next writer clears the files', async () => {
  const db = path.join(root, 'between', 'milestones.json');
  const run = (set: number, count: number, mode?: string) => runWriter(db, set, count, mode);
  const first = await run(1, 2 * BATCH);
  assert.is(first.code, 0, first.stderr);
  const before = fs.readFileSync(db, 'utf8');
  const bakBefore = fs.readFileSync(`${db}.bak`, 'utf8');
  const filesBefore = new Set(fs.readdirSync(`${db}.d`));

  // A second set: its first commit dies at the rename of the manifest.
  const killed = await run(2, 2 * BATCH, 'die-at-commit');
  assert.is(killed.signal, 'SIGKILL', killed.stderr);
  assert.is(fs.readFileSync(db, 'utf8'), before, 'the manifest is the previous generation, byte for byte');
  // The .bak had already moved on to the current generation (it is made just before the rename).
  assert.ok([bakBefore, before].includes(fs.readFileSync(`${db}.bak`, 'utf8')), 'the .bak is a whole generation');
  const orphans = fs.readdirSync(`${db}.d`).filter((n) => !filesBefore.has(n));
  assert.ok(orphans.some((n) => n.startsWith('w-')), `the killed writer had written its segments: ${orphans.join(' ')}`);
  assert.ok(orphans.some((n) => !n.startsWith('w-')), 'and its evidence');
  const headers = await verifyDb(db);
  assert.is(headers.length, 2 * BATCH, 'only the first set is stored');

  // The next writer removes what no manifest references, then commits as usual.
  const next = await run(2, 2 * BATCH);
  assert.is(next.code, 0, next.stderr);
  const after = await verifyDb(db);
  assert.is(after.length, 4 * BATCH);
  const referenced = referencedFiles(db);
  for (const n of fs.readdirSync(`${db}.d`)) {
    if (n.startsWith('w-')) assert.ok(referenced.has(n), `segment ${n} is referenced by the manifest or kept for its .bak`);
  }
  console.log(`\n[store reliability] kill at the commit point: ${orphans.length} unreferenced files left by the killed writer, cleared by the next one`);
});

test('SIGKILL between an appended journal record and the compaction it set off: the appended generation stands, the next writer compacts and clears', async () => {
  const db = path.join(root, 'compaction', 'milestones.json');
  const run = (set: number, count: number, mode?: string) => runWriter(db, set, count, mode);
  const journal = () => (JSON.parse(fs.readFileSync(db, 'utf8')) as { journal: string[] }).journal;
  // One base and two journal records.
  const first = await run(1, 3 * BATCH);
  assert.is(first.code, 0, first.stderr);
  assert.is(journal().length, 2);
  const filesBefore = new Set(fs.readdirSync(`${db}.d`));

  // Enough commits to reach the journal's bound: the commit that appends its 32nd record then compacts, and dies there.
  const killed = await run(2, 40 * BATCH, 'die-at-compaction');
  assert.is(killed.signal, 'SIGKILL', killed.stderr);
  assert.is(journal().length, 32, 'the appended record is committed; the compaction is not');
  const headers = await verifyDb(db);
  assert.is(headers.length, 3 * BATCH + 30 * BATCH, 'every committed batch is there, the one that appended last too');
  const referenced = referencedFiles(db);
  const orphans = fs.readdirSync(`${db}.d`).filter((n) => !filesBefore.has(n) && !referenced.has(n));
  assert.ok(orphans.some((n) => n.startsWith('m-')), `the killed writer had written its new base: ${orphans.join(' ')}`);

  // The next writer clears the new base nobody names, goes on, and compacts when the journal is past its bound.
  const next = await run(2, 40 * BATCH);
  assert.is(next.code, 0, next.stderr);
  const after = await verifyDb(db);
  assert.is(after.length, 3 * BATCH + 40 * BATCH);
  assert.ok(journal().length < 32, `compacted: ${journal().length} journal records`);
  const live = referencedFiles(db);
  for (const n of fs.readdirSync(`${db}.d`)) if (/^[wmj]-/.test(n)) assert.ok(live.has(n), `${n} is referenced by the manifest or kept for its .bak`);
  console.log(`\n[store reliability] kill between an appended record and its compaction: ${headers.length} reports stood, ${orphans.filter((n) => n.startsWith('m-')).length} unnamed base cleared by the next writer`);
});

/** The base, journal records and segments the manifest names, with the files it keeps for its .bak. */
function referencedFiles(db: string): Set<string> {
  const text = fs.readFileSync(db, 'utf8');
  const pointer = JSON.parse(text) as { base: string; journal: string[]; retired: string[] };
  const m = parseManifest(text, db, `${db}.d`).manifest;
  return new Set([pointer.base, ...pointer.journal, ...m.segments.map((s) => s[0]), ...pointer.retired]);
}

test.run();
