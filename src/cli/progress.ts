// Progress on long runs (ingest, check): a bar on stderr when it is a terminal, nothing when piped, under CI or --quiet.

import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';
import { current } from './io.js';
import { isQuiet, say, setStderrSink } from './output.js';

export interface Progress {
  /** `n` more files done. */
  tick(n?: number): void;
  /** A result line for a terminal: printed above the bar when one is shown, else to `fallback`. */
  line(text: string, fallback: (text: string) => void): void;
  /** Removes the bar (if any); call before printing the final result. */
  stop(): void;
}

export interface ProgressOptions {
  /** Where the bar goes (default: stderr). */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
  /** The bar appears only once the run has lasted this long (default 1 s): short runs stay quiet. */
  delayMs?: number;
  /** `files` in `12/630 files`. */
  unit?: string;
  /**
   * The result lines go to the same terminal (stdout is a TTY): they are printed above the bar
   * instead of through it. Default: whether stdout is a TTY.
   */
  linesShareTerminal?: boolean;
}

/** A bar is for a person watching a terminal: not when stderr is piped or a file, not in CI, not with --quiet. */
export function wantsProgress(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, quiet: boolean): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return Boolean(stream.isTTY) && !ci && !quiet;
}

const SILENT: Progress = { tick() {}, line: (text, fallback) => fallback(text), stop() {} };

/**
 * Progress over `total` files: `[████░░░░] 120/630 files · 95 reports/s · ETA 5s`. Silent
 * (every call a no-op, lines go to their fallback) when wantsProgress says no.
 */
export function startProgress(total: number, opts: ProgressOptions = {}): Progress {
  const { io } = current();
  const stream = opts.stream ?? io.stderr;
  if (total < 2 || !wantsProgress(stream, opts.env ?? io.env, isQuiet())) return SILENT;
  const { MultiBar, Presets } = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  const started = Date.now();
  let done = 0;
  let multi: CliProgress.MultiBar | undefined;
  let bar: CliProgress.SingleBar | undefined;
  const rate = () => {
    const s = (Date.now() - started) / 1000;
    return s > 0 ? Math.round(done / s) : 0;
  };
  const show = () => {
    if (multi || stopped) return;
    multi = new MultiBar(
      {
        stream,
        format: say(`[{bar}] {value}/{total} ${opts.unit ?? 'files'} · {rate} reports/s · ETA {eta_formatted}`),
        barsize: 24,
        etaBuffer: 100,
        // A hidden cursor would stay hidden after Ctrl-C (a SIGINT handler to restore it would stop Ctrl-C).
        hideCursor: false,
        clearOnComplete: true,
        fps: 8,
      },
      Presets.shades_classic,
    );
    bar = multi.create(total, done, { rate: rate() });
    const m = multi;
    setStderrSink((line) => m.log(line));
  };
  let stopped = false;
  const shareTerminal = opts.linesShareTerminal ?? Boolean(io.stdout.isTTY);
  const timer = setTimeout(show, opts.delayMs ?? 1000);
  timer.unref();
  return {
    tick(n = 1) {
      done += n;
      bar?.update(done, { rate: rate() });
    },
    line(text, fallback) {
      if (multi && shareTerminal) multi.log(text.endsWith('\n') ? text : `${text}\n`);
      else fallback(text);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      if (multi) setStderrSink(undefined);
      multi?.update(); // prints the lines still buffered above the bar; stop() alone drops them
      multi?.stop();
    },
  };
}
