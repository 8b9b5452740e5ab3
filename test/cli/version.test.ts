// `--version`: the built binary answers it alone before the program loads; it must say what the program says.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bin, cliEnv, root, runArgs, tempDir } from './support/cli.js';

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const binary = (args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: cliEnv(env), cwd });

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

test('the top-level --help into a pipe: the binary prints what the program prints, in the language of the locale', async () => {
  assert.ok(existsSync(path.join(root, 'dist/cli/help.json')), 'npm run build wrote the text the binary prints');
  const seen = new Set<string>();
  for (const LANG of ['C.UTF-8', 'zh_CN.UTF-8', 'zh_TW.UTF-8', 'en_GB.UTF-8']) {
    for (const args of [['--help'], ['-h'], ['--db', 'x.json', '-q', '--no-color', '--help'], ['--team=研发一组', '-h']]) {
      const program = await runArgs(args, { env: { LANG } });
      const r = binary(args, { LANG });
      const what = `${LANG} ${args.join(' ')}`;
      assert.is(program.code, 0, what);
      assert.is(r.status, 0, what);
      assert.is(r.stdout, program.stdout, what);
      assert.is(r.stderr, program.stderr, what);
      seen.add(r.stdout);
    }
  }
  assert.is(seen.size, 2, 'one text in English, one in Chinese');
  assert.match(binary(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout, /^用法: milestones/);
});

test('--help with a milestones.config.json, --lang, --config or a command goes through the program (its language may come from them)', async () => {
  const { dir, cleanup } = tempDir('help');
  try {
    writeFileSync(path.join(dir, 'milestones.config.json'), '{ "lang": "zh" }\n');
    const program = await runArgs(['--help'], { cwd: dir, env: { LANG: 'C.UTF-8' } });
    const r = binary(['--help'], { LANG: 'C.UTF-8' }, dir);
    assert.match(r.stdout, /^用法: milestones/, 'the configuration file speaks Chinese');
    assert.is(r.stdout, program.stdout);
    for (const args of [['--lang', 'zh', '--help'], ['--config', 'none.json', '--help'], ['weeks', '--help'], ['help', 'diff']]) {
      const p = await runArgs(args, { env: { LANG: 'C.UTF-8' } });
      const b = binary(args, { LANG: 'C.UTF-8' });
      assert.is(b.status, p.code, args.join(' '));
      assert.is(b.stdout, p.stdout, args.join(' '));
      assert.is(b.stderr, p.stderr, args.join(' '));
    }
  } finally {
    cleanup();
  }
});

test.run();
