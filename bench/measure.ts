// Timing and peak-RSS measurement of one child process (wall clock via hrtime; RSS via GNU time or a preload hook).

import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HOOK = path.join(HERE, 'rss-hook.mjs');

export type RssMethod = 'gnu-time' | 'preload-hook';

export interface Sample {
  ms: number;
  /** Peak resident set size of the node process, MB (1e6 bytes); null when it could not be read. */
  rssMB: number | null;
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  stdoutBytes: number;
  stderr: string;
}

/** GNU time's `-f %M` when /usr/bin/time works here, else a `--import` hook reading VmHWM on exit. */
export function pickRssMethod(): RssMethod {
  if (!existsSync('/usr/bin/time')) return 'preload-hook';
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr.trim().split('\n').pop() ?? '') ? 'gnu-time' : 'preload-hook';
}

export interface RunSpec {
  /** Arguments after the node executable (node flags, then the script and its arguments). */
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** stdout goes to this file (its size is reported), so large outputs cost no pipe buffering in the harness. */
  stdoutFile: string;
  scratch: string;
}

/** Runs `node ...args` once and measures it. The child runs in its own process group so a timeout kills it all. */
export function measure(spec: RunSpec, method: RssMethod): Promise<Sample> {
  const rssFile = path.join(spec.scratch, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const [cmd, args, env] =
    method === 'gnu-time'
      ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...spec.args], spec.env]
      : [process.execPath, ['--import', HOOK, ...spec.args], { ...spec.env, MILESTONES_BENCH_RSS_FILE: rssFile }];
  const out = openSync(spec.stdoutFile, 'w');
  return new Promise((resolve) => {
    let stderr = '';
    let timedOut = false;
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: spec.cwd, env, stdio: ['ignore', out, 'pipe'], detached: true });
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      if (stderr.length < 1_000_000) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, spec.timeoutMs);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      closeSync(out);
      let rssMB: number | null = null;
      try {
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb) && kb > 0) rssMB = (kb * 1024) / 1e6;
      } catch {
        /* killed before it could be written */
      }
      rmSync(rssFile, { force: true });
      resolve({ ms, rssMB, code, signal, timedOut, stdoutBytes: statSync(spec.stdoutFile).size, stderr });
    });
  });
}

export interface Stats {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return { n: 0, median: NaN, min: NaN, max: NaN };
  const median = n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
  return { n, median, min: s[0]!, max: s[n - 1]! };
}
