// Helpers for the CLI-level tests: run the CLI (in this process, or the built binary where the process boundary is
// what is tested), make temp folders, generate reports in the Notion export format.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { main as Main } from '../../../src/cli/main.js';
import { formatDate, formatWeekId, weekStart } from '../../../src/model/week.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const bin = path.join(root, 'bin', 'milestones.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The environment every CLI test runs with: no colour, no inherited database, UTC, and an
 * English locale (the output's language follows LC_ALL, LC_MESSAGES and LANG: a developer's
 * zh_CN.UTF-8 must not change what the English goldens see; tests of Chinese say so).
 */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', MILESTONES_DB: '', TZ: 'UTC', LC_ALL: undefined, LC_MESSAGES: undefined, LANG: 'C.UTF-8', ...extra };
}

/** Runs `milestones --db DB ARGS…` synchronously in `cwd`; a hang is killed after `timeoutMs`. */
export function cli(db: string, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: cliEnv(opts.env),
    timeout: opts.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: performance.now() - t };
}

/** The built CLI's entry (what bin/milestones.js runs), loaded once per test process. */
let entry: Promise<typeof Main> | undefined;
/** In-process runs one at a time: each changes the working folder for its duration. */
let queue: Promise<unknown> = Promise.resolve();

/** A Writable that keeps what is written, as text. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * `milestones --db DB ARGS…` through the same main() the binary runs, in this process (no
 * start-up of its own): stdout and stderr captured (not a terminal), the environment of cliEnv,
 * `cwd` as the working folder. For what a process boundary is not part of; kills, locks held by
 * another process, hangs and the binary itself use `cli`/`cliAsync`, and so do ingests of 48 files
 * or more: their worker threads start with this process's `--import tsx`, which does not resolve
 * from a temp folder.
 */
export function run(db: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return runArgs(['--db', db, ...args], opts);
}

/** `milestones ARGS…` in this process, as `run` (without a --db of its own). */
export function runArgs(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  entry ??= import(pathToFileURL(path.join(root, 'dist/cli/main.js')).href).then((m: { main: typeof Main }) => m.main);
  const go = async (): Promise<CliResult> => {
    const main = await entry!;
    const out = capture();
    const err = capture();
    const env = cliEnv(opts.env);
    // The clock zone is the process's: in-process runs keep the test process in cliEnv's (UTC).
    process.env.TZ = env.TZ;
    const before = process.cwd();
    const t = performance.now();
    if (opts.cwd) process.chdir(opts.cwd);
    try {
      const code = await main([process.execPath, bin, ...args], { stdout: out.stream, stderr: err.stream, env });
      return { code, signal: null, stdout: out.text(), stderr: err.text(), ms: performance.now() - t };
    } finally {
      process.chdir(before);
    }
  };
  const result = queue.then(go, go);
  queue = result.catch(() => undefined);
  return result;
}

/** Several command lines in this process, one after another; results in the order given. */
export async function runMany(db: string, argsList: string[][], opts: { cwd?: string } = {}): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (const args of argsList) results.push(await run(db, args, opts));
  return results;
}

/** Starts `milestones --db DB ARGS…` without waiting; `done` settles when it exits. */
export function cliAsync(db: string, args: string[], opts: { cwd?: string } = {}) {
  const t = performance.now();
  const child = spawn(process.execPath, [bin, '--db', db, ...args], { cwd: opts.cwd, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - t })),
  );
  return { child, done };
}

/** Runs several command lines at once (`limit` at a time); results in the order given. */
export async function cliMany(db: string, argsList: string[][], opts: { cwd?: string; limit?: number } = {}): Promise<CliResult[]> {
  const results: CliResult[] = new Array(argsList.length);
  let next = 0;
  const worker = async () => {
    while (next < argsList.length) {
      const i = next++;
      results[i] = await cliAsync(db, argsList[i]!, { cwd: opts.cwd }).done;
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.limit ?? 4, argsList.length) }, worker));
  return results;
}

/** A fresh folder under the system temp dir, removed by `cleanup`. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `milestones-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** True when stderr holds something that looks like a JavaScript stack trace or an internal error. */
export function hasStack(stderr: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(stderr) || /internal error/.test(stderr);
}

/** The stderr lines, without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

const PROJECTS = ['仓储调度平台', '会员中台', '发票自动化', '门店巡检App', '数据血缘工具', '客服知识库', '风控特征平台', '物流轨迹服务', '报表引擎迁移', '财务共享中心'];

/**
 * A weekly report in the shape of a Notion export (title with 第N周 and a date, Created line,
 * sections, list items with percentages, one operating figure). `seed` varies names and figures.
 */
export function reportText(year: number, week: number, seed = 0, extraLines: string[] = []): string {
  const id = formatWeekId(year, week);
  const friday = new Date(weekStart(id).getTime() + 4 * 86_400_000);
  const date = formatDate(friday);
  const items: string[] = [];
  for (let i = 0; i < 4; i++) {
    const p = PROJECTS[(seed * 3 + i) % PROJECTS.length]!;
    const pct = (week * 3 + seed * 7 + i * 11) % 100;
    items.push(`- ${p}，整体进度${pct}%`);
  }
  return [
    `# ${year}年第${week}周 周报（${date}）`,
    '',
    `Created: ${year}年${friday.getUTCMonth() + 1}月${friday.getUTCDate()}日 10:00`,
    '',
    '## 【运行指标】',
    '',
    `- 下单接口成功率：99.9${seed % 10}%`,
    '',
    '## 【重点项目】',
    '',
    ...items,
    ...extraLines,
    '',
  ].join('\n');
}

/** Writes `count` reports (consecutive weeks from `year`-W01) into `dir`; returns their week ids. */
export function writeReports(dir: string, year: number, count: number, seed = 0): string[] {
  mkdirSync(dir, { recursive: true });
  const weeks: string[] = [];
  for (let n = 0; n < count; n++) {
    const y = year + Math.floor(n / 52);
    const w = (n % 52) + 1;
    writeFileSync(path.join(dir, `第${w}周 ${y}.md`), reportText(y, w, seed + n));
    weeks.push(formatWeekId(y, w));
  }
  return weeks;
}
