// bin/milestones.js loads the command's module before main() starts (a head start only): every module it can name exists, and each command it knows is one main() runs.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cli, root } from './support/cli.js';

const binText = readFileSync(path.join(root, 'bin', 'milestones.js'), 'utf8');
const mainText = readFileSync(path.join(root, 'src', 'cli', 'main.ts'), 'utf8');

test('every command the binary preloads is a module of dist/cli/commands and a command of main.ts', () => {
  const simple = JSON.parse(/const simple = (\[[^\]]*\]);/.exec(binText)![1]!.replace(/'/g, '"')) as string[];
  const subs = JSON.parse(/a === 'alias' && (\[[^\]]*\])\.includes/.exec(binText)![1]!.replace(/'/g, '"')) as string[];
  const modules = [...simple, ...subs.map((s) => `alias-${s}`)];
  assert.ok(modules.length >= 14, modules.join(' '));
  for (const m of modules) {
    assert.ok(existsSync(path.join(root, 'dist', 'cli', 'commands', `${m}.js`)), `dist/cli/commands/${m}.js`);
    assert.ok(mainText.includes(`import('./commands/${m}.js')`), `main.ts runs ${m}`);
  }
});

test('options with values before the command, a command that does not exist, and a command\'s help answer as without the head start', () => {
  const none = cli('missing.json', ['--team', 'weeks', 'weeks']);
  assert.is(none.code, 1);
  assert.match(none.stderr, 'no database here yet');
  const unknown = cli('missing.json', ['--lang', 'en', 'nosuch']);
  assert.is(unknown.code, 2, unknown.stderr);
  assert.match(unknown.stderr, "unknown command 'nosuch'");
  const help = cli('missing.json', ['diff', '--help']);
  assert.is(help.code, 0, help.stderr);
  assert.match(help.stdout, 'Usage: milestones diff [options] [from] [to]');
});

test.run();
