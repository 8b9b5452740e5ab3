// The README cannot drift: its generated parts match the code, every example runs as written with the output shown, and npm start sets them up.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { commandsReference, examples, rulesTable, runExamples, shellWords, withCommands, withRules } from '../scripts/docs.js';
import { buildProgram } from '../src/cli/main.js';
import { RULES } from '../src/extract/index.js';
import { cliEnv, root, sha256, tempDir } from './cli/support/cli.js';
import { englishLeft, latinWords } from './support/english.js';

const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

test('the rules table is generated from src/extract/rules (run `npm run docs` after changing a rule)', () => {
  assert.ok(RULES.length >= 30);
  assert.is(withRules(readme), readme);
  // One line per row: a multi-line example would split the table (and could inject headings).
  assert.is(rulesTable().split('\n').length, RULES.length + 2);
});

test('the command reference is generated from the command definitions: --help and the README cannot disagree', () => {
  assert.fixture(withCommands(readme), readme);
  // Every option and argument --help shows for every command is in the reference.
  const reference = commandsReference();
  const leaves = (c: Command): Command[] => c.commands.filter((s) => s.name() !== 'help').flatMap((s) => (s.commands.length ? leaves(s) : [s]));
  const all = leaves(buildProgram());
  assert.ok(all.length >= 12, `${all.length} commands`);
  for (const cmd of all) {
    const help = cmd.createHelp();
    assert.match(reference, `#### \`${help.commandUsage(cmd)}\``);
    for (const o of help.visibleOptions(cmd)) if (o.long !== '--help') assert.match(reference, `| \`${help.optionTerm(o)}\` |`, `${cmd.name()} ${o.long}`);
  }
  // What issue 12 found missing: --db names the configuration file, ingest lists .htm, stalled has --format and --out.
  assert.match(reference, /`--db <file>` \| [^\n]*configuration file/);
  assert.match(reference, /#### `milestones ingest[^\n]*\n\n[^\n]*\.htm\b/);
  assert.match(reference.slice(reference.indexOf('#### `milestones stalled')), /^\| `--format <format>` \|[\s\S]*?^\| `--out <file>` \|/m);
});

test('shell words: quotes and a trailing comment', () => {
  assert.equal(shellWords(`milestones check "data/samples/第02周 2026-01-09.md"   # why`), ['milestones', 'check', 'data/samples/第02周 2026-01-09.md']);
  assert.equal(shellWords(`milestones alias add 'a b' c`), ['milestones', 'alias', 'add', 'a b', 'c']);
});

test('every README example runs as written, in order, on the samples, and prints exactly what is shown', async () => {
  const list = examples(readme);
  assert.ok(list.length >= 8, `${list.length} examples`);
  for (const e of list) assert.not.match(e.shown, /^\s*…\s*$/m, `${e.line}: an elided output cannot be compared`);
  const real = await runExamples(list);
  list.forEach((e, i) => assert.fixture(real[i]!, e.shown, `$ ${e.line}`));
});

test('the README shows the install-and-run command and the test command, and both exist', () => {
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /npm test/);
  assert.ok(pkg.scripts.start && pkg.scripts.test && pkg.scripts.prepare);
});

/** A copy of the project folder as a newcomer has it after `npm install` (node_modules linked, not copied). */
function projectCopy(): { dir: string; cleanup: () => void } {
  const t = tempDir('start');
  for (const p of ['bin', 'dist', 'scripts', 'package.json', path.join('data', 'samples')]) cpSync(path.join(root, p), path.join(t.dir, p), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(t.dir, 'node_modules'));
  return t;
}

const node = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: cliEnv({ MILESTONES_DB: undefined }) });
const nodeIn = (locale: NodeJS.ProcessEnv, dir: string, ...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: cliEnv({ MILESTONES_DB: undefined, LANG: undefined, ...locale }) });

test('after npm start, the README commands work unchanged: the demo is the default database', () => {
  const { dir, cleanup } = projectCopy();
  try {
    const start = node(dir, 'scripts/start.js');
    assert.is(start.status, 0, start.stderr);
    assert.ok(existsSync(path.join(dir, 'data', 'milestones.json')));
    const diff = node(dir, 'bin/milestones.js', 'diff');
    assert.is(diff.status, 0, diff.stderr);
    assert.is(diff.stdout.trimEnd(), examples(readme).find((e) => e.line === 'milestones diff')!.shown);
    // Run again: the demo database is rebuilt, not doubled.
    assert.is(node(dir, 'scripts/start.js').status, 0);
    const rows = node(dir, 'bin/milestones.js', 'weeks', '--format', 'csv').stdout.split('\r\n').filter((l) => l !== '');
    assert.is(rows.length, 10, 'a header and the nine samples');
  } finally {
    cleanup();
  }
});

test('npm start never touches a data/milestones.json that holds other reports: the demo goes to data/demo.json', () => {
  const { dir, cleanup } = projectCopy();
  try {
    mkdirSync(path.join(dir, 'mine'));
    writeFileSync(path.join(dir, 'mine', 'w10.md'), '# 2024年第10周 周报（2024-03-08）\n\n## 进展\n\n- 自己的项目，进度40%\n');
    assert.is(node(dir, 'bin/milestones.js', 'ingest', 'mine').status, 0);
    const mine = sha256(path.join(dir, 'data', 'milestones.json'));
    const start = node(dir, 'scripts/start.js');
    assert.is(start.status, 0, start.stderr);
    assert.is(sha256(path.join(dir, 'data', 'milestones.json')), mine);
    assert.ok(existsSync(path.join(dir, 'data', 'demo.json')));
    assert.match(start.stdout, 'data/milestones.json holds other reports and was left alone; the demo database is data/demo.json');
    assert.match(start.stdout, 'export MILESTONES_DB=data/demo.json');
  } finally {
    cleanup();
  }
});

test('LANG=zh_CN.UTF-8 npm start prints the demo in Chinese, and the README shows the Chinese example it prints', () => {
  const { dir, cleanup } = projectCopy();
  try {
    const start = nodeIn({ LANG: 'zh_CN.UTF-8' }, dir, 'scripts/start.js');
    assert.is(start.status, 0, start.stderr);
    assert.match(start.stdout, /^已入库 9$/m);
    assert.match(start.stdout, /^项目\s+分项\s+上期\s+本期\s+变化\s+状态$/m);
    assert.match(start.stdout, /^倒退 1 · 未再汇报 1 · 停滞 2 · 延期风险 2 · 新增 1 · 推进 \d+ · 完成 \d+/m);
    assert.match(start.stdout, /^截至 2026-W03 的停滞项：/m);
    assert.match(start.stdout, '演示数据库是 data/milestones.json');
    // No English beyond the samples' own words, the commands shown and the paths.
    const samples = path.join(root, 'data', 'samples');
    const data = [...latinWords(readdirSync(samples).map((f) => `${f} ${readFileSync(path.join(samples, f), 'utf8')}`).join(' '))];
    const commands = ['data', 'samples', 'node', 'bin', 'js', 'json', 'ingest', 'diff', 'stalled', 'forecast', 'report', 'out', 'html', 'history', 'README'];
    assert.equal(englishLeft(start.stdout, [...data, ...commands]), []);
    // The README's Chinese example is what a Chinese locale prints (the README runs it with --lang zh).
    const shown = examples(readme).find((e) => e.line === 'milestones --lang zh stalled')!.shown;
    assert.is(nodeIn({ LANG: 'zh_CN.UTF-8' }, dir, 'bin/milestones.js', 'stalled').stdout.trimEnd(), shown);
  } finally {
    cleanup();
  }
});

test.run();
