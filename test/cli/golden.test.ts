// Golden tests: run the built CLI (NO_COLOR=1) on our fixture reports and compare stdout, stderr and exit code exactly.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, root } from './support/cli.js';

const goldenDir = path.join(root, 'test', 'golden');

/**
 * A golden file is `$ milestones ARGS` on its first line, then the expected stdout,
 * then optionally `--- stderr` and the expected stderr, and `--- exit N`.
 * Files are named NN-what.txt and run in order against one database per run, so later
 * files see what earlier ones ingested. Paths in ARGS are relative to a scratch copy of
 * test/fixtures, which is the working directory.
 */
interface Golden { file: string; args: string[]; stdout: string; stderr: string; exit: number }

function parseGolden(file: string): Golden {
  const text = readFileSync(file, 'utf8');
  const [first, ...rest] = text.split('\n');
  assert.ok(first!.startsWith('$ milestones '), `${file}: first line is the command`);
  const args = splitArgs(first!.slice('$ milestones '.length));
  const body = rest.join('\n');
  const exitMatch = /\n?--- exit (\d+)\n$/.exec(body);
  const withoutExit = exitMatch ? body.slice(0, exitMatch.index) + '\n' : body;
  const [stdout, stderr = ''] = withoutExit.split(/^--- stderr\n/m);
  return { file, args, stdout: stdout!, stderr, exit: exitMatch ? Number(exitMatch[1]) : 0 };
}

/** Splits on spaces, honouring "double quotes". */
function splitArgs(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'milestones-golden-'));
cpSync(path.join(root, 'test', 'fixtures'), work, { recursive: true });
const db = path.join(work, 'golden.json');

function run(args: string[]) {
  const r = cli(db, args, { cwd: work });
  return { stdout: r.stdout, stderr: r.stderr, exit: r.code ?? -1 };
}

const files = readdirSync(goldenDir).filter((f) => f.endsWith('.txt')).sort();

test('there are golden files', () => {
  assert.ok(files.length >= 10, `found ${files.length}`);
});

for (const name of files) {
  test(`golden ${name}`, () => {
    const g = parseGolden(path.join(goldenDir, name));
    const got = run(g.args);
    if (process.env.MILESTONES_UPDATE_GOLDEN === '1') {
      // A developer's tool for writing new golden files; the result must be read before committing.
      const out = [`$ milestones ${g.args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')}`];
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

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
