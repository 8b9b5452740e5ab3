// Golden tests: run the built CLI (NO_COLOR=1) on our fixture reports and compare stdout, stderr and exit code exactly.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, run as inProcess, sha256 } from './support/cli.js';

const goldenDir = path.join(root, 'test', 'golden');

/**
 * A golden file is `$ milestones ARGS` on its first line, then the expected stdout,
 * then optionally `--- stderr` and the expected stderr, and `--- exit N`.
 * Each file runs alone, on a database of its own: a copy of the standard one (the reports of
 * test/fixtures/cli/reports ingested), or none at all when the file starts with the line
 * `# given: no database`. So any golden can be run, added or removed without the others.
 * Paths in ARGS are relative to a scratch copy of test/fixtures, which is the working directory.
 * One golden alone: `MILESTONES_GOLDEN=05-show npm run test:one test/cli '^golden'` (a part of the
 * file name; several separated by commas).
 */
interface Golden { file: string; given: 'standard' | 'none'; args: string[]; stdout: string; stderr: string; exit: number }

const NO_DATABASE = '# given: no database';

function parseGolden(file: string): Golden {
  const all = readFileSync(file, 'utf8').split('\n');
  const given = all[0] === NO_DATABASE ? 'none' : 'standard';
  const [first, ...rest] = given === 'none' ? all.slice(1) : all;
  assert.ok(first!.startsWith('$ milestones '), `${file}: first line is the command`);
  const args = splitArgs(first!.slice('$ milestones '.length));
  const body = rest.join('\n');
  const exitMatch = /\n?--- exit (\d+)\n$/.exec(body);
  const withoutExit = exitMatch ? body.slice(0, exitMatch.index) + '\n' : body;
  const [stdout, stderr = ''] = withoutExit.split(/^--- stderr\n/m);
  return { file, given, args, stdout: stdout!, stderr, exit: exitMatch ? Number(exitMatch[1]) : 0 };
}

/** Splits on spaces, honouring "double quotes". */
function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'milestones-golden-'));
cpSync(path.join(root, 'test', 'fixtures'), work, { recursive: true });

/** The standard database, built once; each golden gets a copy (same folder, so stored paths stay valid). */
const standard = path.join(work, 'standard.json');
const built = await inProcess(standard, ['ingest', 'cli/reports'], { cwd: work });
if (built.code !== 0) throw new Error(`building the standard golden database failed:\n${built.stderr}`);
const standardHash = sha256(standard);

/** A fresh database for one golden: every file of the standard one (main, .bak, .d/ …) copied under a new name. */
function databaseFor(name: string, given: Golden['given']): string {
  const db = path.join(work, `${name.replace(/\.txt$/, '')}.json`);
  if (given === 'standard') {
    for (const f of readdirSync(work)) {
      if (f !== path.basename(standard) && !f.startsWith(`${path.basename(standard)}.`)) continue;
      const to = path.join(work, path.basename(db) + f.slice(path.basename(standard).length));
      cpSync(path.join(work, f), to, { recursive: statSync(path.join(work, f)).isDirectory() });
    }
  }
  return db;
}

async function run(db: string, args: string[]) {
  const r = await inProcess(db, args, { cwd: work });
  return { stdout: r.stdout, stderr: r.stderr, exit: r.code ?? -1 };
}

const all = readdirSync(goldenDir).filter((f) => f.endsWith('.txt')).sort();
const only = process.env.MILESTONES_GOLDEN?.split(',').filter((s) => s !== '');
const files = only ? all.filter((f) => only.some((s) => f.includes(s))) : all;

test('there are golden files', async () => {
  assert.ok(all.length >= 10, `found ${all.length}`);
  if (only) assert.ok(files.length > 0, `MILESTONES_GOLDEN=${only.join(',')} names none of ${all.join(', ')}`);
});

for (const name of files) {
  test(`golden ${name}`, async () => {
    const g = parseGolden(path.join(goldenDir, name));
    const got = await run(databaseFor(name, g.given), g.args);
    if (process.env.MILESTONES_UPDATE_GOLDEN === '1') {
      // A developer's tool for writing new golden files; the result must be read before committing.
      const out = [...(g.given === 'none' ? [NO_DATABASE] : []), `$ milestones ${g.args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`];
      if (got.stdout) out.push(got.stdout.replace(/\n$/, ''));
      if (got.stderr) out.push('--- stderr', got.stderr.replace(/\n$/, ''));
      if (got.exit !== 0) out.push(`--- exit ${got.exit}`);
      writeFileSync(g.file, out.join('\n') + '\n');
      return;
    }
    assert.fixture(got.stdout, g.stdout, `${name}: stdout`);
    assert.fixture(got.stderr, g.stderr, `${name}: stderr`);
    assert.is(got.exit, g.exit, `${name}: exit code`);
  });
}

test('no golden changed the standard database the others start from', async () => {
  assert.is(sha256(standard), standardHash);
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
