// `--version`: the built binary answers it alone before the program loads; it must say what the program says.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bin, cliEnv, root, runArgs } from './support/cli.js';

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const binary = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: cliEnv() });

test('--version and -V print the version of package.json, the binary the same as the program (it answers them itself)', async () => {
  const program = await runArgs(['--version']);
  assert.is(program.code, 0);
  assert.is(program.stdout, `${version}\n`);
  for (const flag of ['--version', '-V']) {
    const r = binary([flag]);
    assert.is(r.status, 0, flag);
    assert.is(r.stdout, program.stdout, flag);
    assert.is(r.stderr, '', flag);
  }
});

test('--version with other arguments goes through the program as before: the binary says what the program says', async () => {
  for (const args of [
    ['--lang', 'zh', '--version'],
    ['--version', '--no-such-option'],
    ['-V', 'weeks'],
    ['--db', 'some/db.json', '--version'],
    ['--db=x.json', '--team', '团队1', '-q', '--no-color', '-V'],
    ['--db', '--version'],
    ['--team', 'a', '--config', 'missing.json', '--version'],
    ['weeks', '--version'],
  ]) {
    const program = await runArgs(args);
    const r = binary(args);
    assert.is(r.status, program.code, args.join(' '));
    assert.is(r.stdout, program.stdout, args.join(' '));
    assert.is(r.stderr, program.stderr, args.join(' '));
  }
  assert.is(binary(['--lang', 'zh', '--version']).stdout, `${version}\n`);
});

test.run();
