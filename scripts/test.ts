// npm test: the uvu test files in a few parallel processes (and the type check beside them), one combined total.
// Usage: node --import tsx scripts/test.ts [pattern] [--typecheck] [--jobs N]
//
// uvu runs files one after another in one process; most of the suite waits on the CLI processes it
// spawns, one at a time. A few runners side by side use the cores (and a fair share of a loaded
// machine) instead. Heavy files run alone, first; light ones in batches, so start-up is paid rarely.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, 'test');

/**
 * Rough cost of the heavy files (CPU seconds of a quiet run, children included), so that they start
 * first and each alone; every other file counts 1. Only the order depends on these numbers.
 */
const WEIGHTS: Record<string, number> = {
  'cli/reliability.test.ts': 10,
  'architecture/layers.test.ts': 7,
  'cli/stalled.test.ts': 7,
  'extract/fuzz.test.ts': 7,
  'cli/pool.test.ts': 6,
  'cli/report-browser.test.ts': 6,
  'extract/linear.test.ts': 6,
  'store/concurrency.test.ts': 6,
  'readme.test.ts': 6,
  'cli/determinism.test.ts': 5,
  'cli/hostile.test.ts': 5,
  'read/index.test.ts': 5,
  'store/crash.test.ts': 4,
  'read/guard.test.ts': 4,
};
const BATCH_WEIGHT = 10;

interface Unit {
  label: string;
  weight: number;
  command: string[];
}

interface Totals {
  total: number;
  passed: number;
  skipped: number;
}

function parseArgs(argv: string[]): { pattern: RegExp; typecheck: boolean; jobs: number } {
  let pattern = /\.test\.ts$/;
  let typecheck = false;
  let jobs = Number(process.env.MILESTONES_TEST_JOBS) || Math.max(2, os.availableParallelism() + 1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--typecheck') typecheck = true;
    else if (a === '--jobs') jobs = Math.max(1, Number(argv[++i]) || 1);
    else pattern = new RegExp(a, 'i');
  }
  return { pattern, typecheck, jobs };
}

function listTests(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== 'fixtures' && e.name !== 'node_modules') out.push(...listTests(path.join(dir, e.name), rel));
    } else out.push(rel);
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const uvu = (files: string[]) => [process.execPath, '--import', 'tsx', path.join(root, 'node_modules/uvu/bin.js'), 'test', `^(?:${files.map(escape).join('|')})$`];

function units(files: string[], typecheck: boolean): Unit[] {
  const list: Unit[] = [];
  if (typecheck) list.push({ label: 'typecheck (tsc -p tsconfig.test.json)', weight: 9, command: [process.execPath, path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json'] });
  const light: string[] = [];
  for (const f of files) {
    const w = WEIGHTS[f];
    if (w !== undefined && w >= 3) list.push({ label: f, weight: w, command: uvu([f]) });
    else light.push(f);
  }
  for (let i = 0; i < light.length; i += BATCH_WEIGHT) {
    const batch = light.slice(i, i + BATCH_WEIGHT);
    list.push({ label: batch.join(', '), weight: batch.reduce((s, f) => s + (WEIGHTS[f] ?? 1), 0), command: uvu(batch) });
  }
  return list.sort((a, b) => b.weight - a.weight);
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** uvu's closing block (Total/Passed/Skipped/Duration) is summed here and printed once. */
function splitTotals(output: string): { body: string; totals: Totals | null } {
  const plain = output.replace(ANSI, '');
  const num = (name: string) => {
    const m = new RegExp(`^\\s*${name}:\\s+(\\d+)`, 'm').exec(plain);
    return m ? Number(m[1]) : null;
  };
  const total = num('Total');
  const passed = num('Passed');
  const body = output.replace(/\n\s*(?:\x1b\[[0-9;]*m)*\s*Total:[\s\S]*$/, '\n');
  return { body, totals: total === null || passed === null ? null : { total, passed, skipped: num('Skipped') ?? 0 } };
}

function run(unit: Unit): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // MILESTONES_TEST_PROFILE=1: each unit's CPU time (children included) and wall time, via GNU time.
    const [cmd, ...args] = process.env.MILESTONES_TEST_PROFILE === '1' ? ['/usr/bin/time', '-f', `[profile] %U+%S s CPU, %e s wall: ${unit.label}`, ...unit.command] : unit.command;
    const child = spawn(cmd!, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function main(): Promise<number> {
  const { pattern, typecheck, jobs } = parseArgs(process.argv.slice(2));
  const files = listTests(testDir).filter((f) => pattern.test(f)).sort();
  const queue = units(files, typecheck);
  const sum: Totals = { total: 0, passed: 0, skipped: 0 };
  const failed: string[] = [];
  const t0 = performance.now();
  const worker = async () => {
    for (let unit = queue.shift(); unit; unit = queue.shift()) {
      const { code, output } = await run(unit);
      const profile = /^\[profile\].*$/m.exec(output)?.[0];
      const { body, totals } = splitTotals(output.replace(/^\[profile\].*\n?/m, ''));
      if (profile) process.stdout.write(`${profile}\n`);
      process.stdout.write(body.trim() ? `${body.trimEnd()}\n` : '');
      if (totals) {
        sum.total += totals.total;
        sum.passed += totals.passed;
        sum.skipped += totals.skipped;
      }
      if (code !== 0 || (unit.command.includes('test') && !totals)) failed.push(`${unit.label} (exit ${code})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, worker));
  if (failed.length) process.stdout.write(`\nFailed: ${failed.join('; ')}\n`);
  process.stdout.write(
    `\n  Total:     ${sum.total}\n  Passed:    ${sum.passed}\n  Skipped:   ${sum.skipped}\n  Duration:  ${Math.round(performance.now() - t0)}ms (${files.length} files, ${jobs} at once)\n\n`,
  );
  return failed.length || sum.total === 0 || sum.passed !== sum.total ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
