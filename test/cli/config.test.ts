// milestones.config.json: validation reports every problem with its path; each setting changes what the CLI does.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, parseConfig } from '../../src/cli/config.js';
import { UsageError } from '../../src/model/errors.js';
import { runArgs } from './support/cli.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-config-'));

async function cli(cwd: string, ...args: string[]) {
  const r = await runArgs(args, { cwd });
  return { out: r.stdout, err: r.stderr, code: r.code };
}

test('a valid configuration parses', () => {
  const c = parseConfig('\uFEFF{"kpiWords":["交付率"],"aliases":{"旧名":"新名"},"stalledWeeks":3,"weekScheme":"iso"}', 'x.json');
  assert.equal(c.kpiWords, ['交付率']);
  assert.is(c.stalledWeeks, 3);
});

test('every problem is reported with its path, in one message', () => {
  try {
    parseConfig('{"kpiWords":["ok", 5],"stalledWeeks":0,"weekScheme":"fiscal","colour":true}', 'milestones.config.json');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, UsageError);
    const msg = (e as UsageError).format();
    assert.match(msg, /^milestones\.config\.json: invalid configuration: /);
    for (const p of ['kpiWords.1', 'stalledWeeks', 'weekScheme', 'colour']) assert.ok(msg.includes(p), `${p} in ${msg}`);
  }
  assert.throws(() => parseConfig('{"kpiWords": [', 'c.json'), (e: unknown) => e instanceof UsageError && /not valid JSON/.test((e as Error).message));
});

test('a syntax error names its line and column; a schema problem names its key path, line and column', () => {
  const message = (text: string): string => {
    try {
      parseConfig(text, 'milestones.config.json');
    } catch (e) {
      assert.instance(e, UsageError);
      return (e as UsageError).format();
    }
    throw new Error(`accepted: ${text}`);
  };
  assert.is(
    message('{\n  "stalledWeeks": 3\n  "db": "x"\n}'),
    'milestones.config.json: not valid JSON at line 3, column 3: a comma expected — fix the JSON syntax',
  );
  assert.not.match(message('{"kpiWords": ["a",]}'), /position/);
  assert.match(message('{"kpiWords": ["a",]}'), /line 1, column 19: a value expected/);
  const schema = message('{\n  "aliases": {"旧": "新"},\n  "kpiWords": ["交付率", 5],\n  "colour": true\n}');
  assert.match(schema, /kpiWords\.1: [^;]* \(line 3, column 23\)/);
  assert.match(schema, /colour: unknown key \(line 4, column 3\)/);
});

test('no configuration file means defaults; an explicit missing one is an error', async () => {
  const empty = path.join(tmp, 'empty');
  mkdirSync(empty);
  assert.equal(await loadConfig(undefined, empty), { config: {}, file: null });
  try {
    await loadConfig('nope.json', empty);
    assert.unreachable();
  } catch (e) {
    assert.instance(e, UsageError);
    assert.match((e as UsageError).format(), /^nope\.json: cannot read the configuration/);
  }
});

test('through the CLI: kpiWords, ignoreWords, aliases, stalledWeeks and db take effect', async () => {
  const dir = path.join(tmp, 'team');
  mkdirSync(path.join(dir, 'reports'), { recursive: true });
  const report = (week: number, date: string, a: number, b: number, c: number) =>
    `# 第${week}周 ${date}\n\n## 【进展】\n\n- 首屏秒开：${a}%\n- 新结算系统，进度${b}%\n- 营销素材投放进度${c}%\n- 老结算系统下线，进度30%\n`;
  writeFileSync(path.join(dir, 'reports', 'w10.md'), report(10, '2024-03-08', 91, 40, 50));
  writeFileSync(path.join(dir, 'reports', 'w11.md'), report(11, '2024-03-15', 92, 40, 60));
  writeFileSync(path.join(dir, 'reports', 'w12.md'), report(12, '2024-03-22', 93, 40, 70));

  // Without configuration: 首屏秒开 and 投放进度 are read as progress.
  const plain = await cli(dir, 'check', 'reports/w10.md', '--json');
  assert.is(plain.code, 0, plain.err);
  const verdicts = (out: string) =>
    Object.fromEntries((JSON.parse(out) as { files: { findings: { line: number; verdict: string }[] }[] }).files[0]!.findings.map((f) => [f.line, f.verdict]));
  const before = verdicts(plain.out);

  writeFileSync(
    path.join(dir, 'milestones.config.json'),
    JSON.stringify({ kpiWords: ["首屏秒开"], ignoreWords: ["素材投放"], aliases: { 新结算系统一期: '新结算系统' }, stalledWeeks: 3, db: 'team.json' }),
  );
  const configured = verdicts((await cli(dir, 'check', 'reports/w10.md', '--json')).out);
  assert.is(configured[5], 'kpi', '首屏秒开 is an operating figure once configured');
  assert.is(configured[7], 'ignored', '素材投放 is ignored once configured');
  assert.is.not(before[5], 'kpi');
  assert.is.not(before[7], 'ignored');

  const ing = await cli(dir, 'ingest', 'reports');
  assert.is(ing.code, 0, ing.err);
  const stalled = JSON.parse((await cli(dir, 'stalled', '--json')).out) as { weeks: number; items: { project: string; reports: number }[] };
  assert.is(stalled.weeks, 3, 'stalledWeeks from the configuration');
  assert.ok(stalled.items.some((i) => i.project === '新结算系统' && i.reports === 3));
  const weeks = await cli(dir, 'weeks', '--json');
  assert.is(weeks.code, 0, 'the db named in the configuration is used');
  const aliases = JSON.parse((await cli(dir, 'alias', 'list', '--json')).out) as { aliases: { name: string; from: string }[] };
  assert.equal(aliases.aliases.map((a) => [a.name, a.from]), [['新结算系统一期', 'config']]);

  writeFileSync(path.join(dir, 'milestones.config.json'), '{"stalledWeeks": "two"}');
  const bad = await cli(dir, 'weeks');
  assert.is(bad.code, 2);
  assert.match(bad.err, /^milestones: error: milestones\.config\.json: invalid configuration: stalledWeeks: /);
});

test('progressWords: a configuration next to the reports applies to them, check names the configured word, --config wins', async () => {
  const dir = path.join(tmp, 'folders');
  mkdirSync(path.join(dir, 'dba'), { recursive: true });
  mkdirSync(path.join(dir, 'web'), { recursive: true });
  // Our own report: a migration tracked by a domain word the built-in lists do not know.
  const report = '# 核心库迁移双周报 2025-06-13\n\n## 分库进展\n\n- 账户库：已搬迁比重 64%\n- 清算库：已搬迁比重 30%\n';
  writeFileSync(path.join(dir, 'dba', 'w24.md'), report);
  writeFileSync(path.join(dir, 'web', 'w24.md'), report.replace('核心库', '前台库'));
  writeFileSync(path.join(dir, 'dba', 'milestones.config.json'), JSON.stringify({ progressWords: ['已搬迁比重'] }));

  type Check = { files: { file: string; findings: { line: number; verdict: string; rule?: string; word?: string; configured?: boolean; project?: string }[] }[] };
  const checked = JSON.parse((await cli(dir, 'check', 'dba', 'web', '--json')).out) as Check;
  const dba = checked.files.find((f) => f.file.startsWith('dba'))!;
  const web = checked.files.find((f) => f.file.startsWith('web'))!;
  assert.equal(dba.findings.map((f) => [f.verdict, f.project, f.rule, f.word, f.configured]), [
    ['progress', '账户库', 'progress-word', '已搬迁比重', true],
    ['progress', '清算库', 'progress-word', '已搬迁比重', true],
  ]);
  assert.ok(web.findings.every((f) => f.verdict === 'ignored'), 'the folder beside has no such configuration');
  const text = (await cli(dir, 'check', 'dba')).out;
  assert.match(text, /progress-word "已搬迁比重" \(configured\)/);

  const ing = await cli(dir, 'ingest', '.', '--team-from-folder', '--db', path.join(dir, 'db.json'));
  assert.is(ing.code, 0, ing.err);
  const shown = JSON.parse((await cli(dir, 'export', '--format', 'json', '--db', path.join(dir, 'db.json'))).out) as { team: string; project: string }[];
  assert.equal(shown.map((o) => `${o.team}:${o.project}`).sort(), ['dba:清算库', 'dba:账户库']);

  // --config names the configuration for every file: the folder's own file is not read.
  writeFileSync(path.join(dir, 'plain.json'), '{}');
  const forced = JSON.parse((await cli(dir, 'check', 'dba', '--json', '--config', 'plain.json')).out) as Check;
  assert.ok(forced.files[0]!.findings.every((f) => f.verdict === 'ignored'));
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
