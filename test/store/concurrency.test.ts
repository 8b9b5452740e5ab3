// Eight processes write one database at once, twenty times: every report must land and the file stay valid.

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

const PROCESSES = 8;
const ROUNDS = scale(1, 20);
const REPORTS_PER_PROCESS = 6;
const BATCH = 2; // so each process commits 3 transactions

let driver: CompiledDriver;
let root: string;
test.before(() => {
  driver = compileDriver();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'milestones-conc-'));
});
test.after(() => {
  driver.cleanup();
  fs.rmSync(root, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [driver.script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test(`${PROCESSES} processes x ${ROUNDS} rounds: every report present, file valid`, async () => {
  const t0 = Date.now();
  let failures = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const db = path.join(root, `round${round}`, 'milestones.json');
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, (_, set) => run([db, String(set), String(REPORTS_PER_PROCESS), String(BATCH)])),
    );
    for (const r of results) {
      if (r.code !== 0) failures++;
      assert.is(r.code, 0, r.stderr);
    }
    const headers = await verifyDb(db);
    const expected = [];
    for (let set = 0; set < PROCESSES; set++) for (let n = 0; n < REPORTS_PER_PROCESS; n++) expected.push(synthReport(set, n).id);
    assert.equal(headers.map((h) => h.id).sort(), expected.sort(), `round ${round}`);
    assert.not.ok(fs.existsSync(`${db}.lock`), 'no lock left behind');
  }
  const ms = Date.now() - t0;
  console.log(
    `\n[store reliability] concurrency: ${ROUNDS} rounds x ${PROCESSES} processes (${ROUNDS * PROCESSES} runs, ` +
      `${(ROUNDS * PROCESSES * REPORTS_PER_PROCESS) / BATCH} transactions), ${failures} failures, ` +
      `${ROUNDS * PROCESSES * REPORTS_PER_PROCESS} reports all present, ${ms} ms`,
  );
});

test.run();
