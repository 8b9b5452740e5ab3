// Where one run of the command line writes and what it sees: its stdout, stderr and environment, its language, --quiet and progress-bar state.
//
// bin/milestones.js runs main(argv) with the process's own streams and environment. The state of a run lives in an
// AsyncLocalStorage rather than in module variables, so two runs in one process (a program embedding the CLI) never
// share a language, --quiet, a progress bar's stderr sink or an exit code.

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Lang } from '../render/lang.js';

/** A stream the CLI writes to: process.stdout / process.stderr, or any Writable (a terminal's size when it is one). */
export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: NodeJS.ProcessEnv;
}

/** The streams and environment of this process. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

interface RunState {
  io: Io;
  /** The language of notes, warnings and errors. */
  lang: Lang;
  /** --quiet: notes are not printed. */
  quiet: boolean;
  /** While a progress bar is drawn on stderr, stderr lines go through it. */
  stderrSink: ((line: string) => void) | undefined;
}

const runs = new AsyncLocalStorage<RunState>();

/** Outside main() (a library call, a unit test of one module): the process's own streams. */
let outside: RunState | undefined;

/** The state of the run this code belongs to. */
export function current(): RunState {
  return runs.getStore() ?? (outside ??= { io: processIo(), lang: 'en', quiet: false, stderrSink: undefined });
}

/** Runs `fn` as one run of the command line writing to `io`. */
export function withIo<T>(io: Io, fn: () => Promise<T>): Promise<T> {
  return runs.run({ io, lang: 'en', quiet: false, stderrSink: undefined }, fn);
}
