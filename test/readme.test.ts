// The README's generated parts match the code, and its two commands are the ones package.json runs.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { patternsTable, withPatterns } from '../scripts/docs.js';
import { PATTERNS } from '../src/extract/patterns.js';
import { cli, root } from './cli/support/cli.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

test('the patterns table is generated from src/extract/patterns.ts (run `npm run docs` after changing it)', () => {
  assert.ok(PATTERNS.length >= 15);
  assert.is(withPatterns(readme), readme);
  // One line per row: a multi-line example would split the table (and could inject headings).
  assert.is(patternsTable().split('\n').length, PATTERNS.length + 2);
});

test('the README shows the install-and-run command and the test command, and both exist', () => {
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /npm test/);
  assert.ok(pkg.scripts.start && pkg.scripts.test && pkg.scripts.prepare);
});

test('the worked example shows the real output of diff and stalled on data/samples', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-readme-'));
  try {
    const run = (...args: string[]) => cli(path.join(dir, 'db.json'), args, { cwd: root }).stdout;
    run('ingest', 'data/samples');
    for (const command of ['diff', 'stalled']) {
      const shown = `$ milestones ${command}\n${run(command).split('\n\nstalled ')[0]!.trimEnd()}\n`;
      assert.ok(readme.includes(shown), `README shows the current output of \`milestones ${command}\`:\n${shown}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
