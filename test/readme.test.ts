// The README's generated parts match the code, and its two commands are the ones package.json runs.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withPatterns } from '../scripts/docs.js';
import { PATTERNS } from '../src/extract/patterns.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

test('the patterns table is generated from src/extract/patterns.ts (run `npm run docs` after changing it)', () => {
  assert.ok(PATTERNS.length >= 15);
  assert.is(withPatterns(readme), readme);
});

test('the README shows the install-and-run command and the test command, and both exist', () => {
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /npm test/);
  assert.ok(pkg.scripts.start && pkg.scripts.test && pkg.scripts.prepare);
});

test.run();
