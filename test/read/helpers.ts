// Test helpers for the readers: temp folders outside the repo and exact error-kind assertions.

import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MilestonesError } from '../../src/model/errors.js';

/** A fresh temp folder and its cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'milestones-read-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

type Ctor = abstract new (...args: never[]) => MilestonesError;

/** Asserts `fn` throws exactly `Kind` whose formatted message names `where` and matches `pattern`. */
export function throwsKind(fn: () => unknown, Kind: Ctor, where: string, pattern: RegExp): MilestonesError {
  try {
    fn();
  } catch (err) {
    return check(err, Kind, where, pattern);
  }
  assert.unreachable('expected an error');
  throw new Error('unreachable');
}

/** Async version of throwsKind. */
export async function rejectsKind(p: Promise<unknown>, Kind: Ctor, where: string, pattern: RegExp): Promise<MilestonesError> {
  try {
    await p;
  } catch (err) {
    return check(err, Kind, where, pattern);
  }
  assert.unreachable('expected a rejection');
  throw new Error('unreachable');
}

function check(err: unknown, Kind: Ctor, where: string, pattern: RegExp): MilestonesError {
  assert.instance(err, Kind, `expected ${Kind.name}, got ${String(err)}`);
  const e = err as MilestonesError;
  assert.equal(e.constructor, Kind, `exactly ${Kind.name}`);
  assert.ok(e.where?.startsWith(where), `where "${e.where}" names ${where}`);
  assert.ok(e.format().startsWith(`${where}`), e.format());
  assert.match(e.format(), pattern);
  assert.ok(e.hint && e.hint.length > 0, 'has a hint');
  return e;
}
