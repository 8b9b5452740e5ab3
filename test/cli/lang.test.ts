// Issue 14 at the command line: which language a run speaks, and that Chinese output holds no English a person must translate.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cli, root, run as runIn, runArgs, tempDir } from './support/cli.js';
import { englishLeft, latinWords } from '../support/english.js';

const fixtures = path.join(root, 'test', 'fixtures');
const { dir, cleanup } = tempDir('lang');
const db = path.join(dir, 'none.json');

/** `milestones ARGS` in `cwd` with exactly this locale (nothing inherited). */
async function run(args: string[], locale: NodeJS.ProcessEnv, cwd = dir) {
  const r = await runArgs(args, { cwd, env: { LANG: undefined, ...locale } });
  return { out: r.stdout, err: r.stderr, code: r.code };
}

/** The same error, English or Chinese: there is no database in a fresh folder. */
const noDb = (r: { err: string }) =>
  r.err.startsWith('milestones: 错误: none.json: 这里还没有数据库 — ') ? 'zh' : r.err.startsWith('milestones: error: none.json: no database here yet — ') ? 'en' : r.err;

test('the locale decides when nothing else does: LANG=zh_CN.UTF-8 is Chinese, LC_ALL and LC_MESSAGES win over LANG', async () => {
  assert.is(noDb(await run(['--db', 'none.json', 'weeks'], { LANG: 'zh_CN.UTF-8' })), 'zh');
  assert.is(noDb(await run(['--db', 'none.json', 'weeks'], { LANG: 'C.UTF-8' })), 'en');
  assert.is(noDb(await run(['--db', 'none.json', 'weeks'], {})), 'en');
  assert.is(noDb(await run(['--db', 'none.json', 'weeks'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })), 'en');
  assert.is(noDb(await run(['--db', 'none.json', 'weeks'], { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })), 'zh');
});

test('--lang wins over the configuration file, which wins over the locale; --lang=zh and after the command work too', async () => {
  const conf = tempDir('lang-config');
  try {
    writeFileSync(path.join(conf.dir, 'milestones.config.json'), '{ "lang": "en" }\n');
    assert.is(noDb(await run(['--db', 'none.json', 'weeks'], { LANG: 'zh_CN.UTF-8' }, conf.dir)), 'en');
    assert.is(noDb(await run(['--db', 'none.json', '--lang', 'zh', 'weeks'], { LANG: 'C.UTF-8' }, conf.dir)), 'zh');
    writeFileSync(path.join(conf.dir, 'milestones.config.json'), '{ "lang": "zh" }\n');
    assert.is(noDb(await run(['--db', 'none.json', 'weeks'], { LANG: 'C.UTF-8' }, conf.dir)), 'zh');
    assert.is(noDb(await run(['--db', 'none.json', 'weeks', '--lang=en'], { LANG: 'zh_CN.UTF-8' }, conf.dir)), 'en');
    // --config FILE is where the language is read from, as for every other setting.
    writeFileSync(path.join(conf.dir, 'other.json'), '{ "lang": "en" }\n');
    assert.is(noDb(await run(['--config', 'other.json', '--db', 'none.json', 'weeks'], { LANG: 'zh_CN.UTF-8' }, conf.dir)), 'en');
    // A language the configuration cannot name is its error, with the key and the allowed values.
    writeFileSync(path.join(conf.dir, 'milestones.config.json'), '{ "lang": "fr" }\n');
    const bad = await run(['--db', 'none.json', 'weeks'], { LANG: 'C.UTF-8' }, conf.dir);
    assert.is(bad.code, 2);
    assert.match(bad.err, /^milestones: error: milestones\.config\.json: invalid configuration: lang: .*"en".*"zh"/);
  } finally {
    conf.cleanup();
  }
});

test('--lang with a language it does not know is a usage error (exit 2) that lists the languages', async () => {
  const r = await run(['--db', 'none.json', '--lang', 'fr', 'weeks'], { LANG: 'zh_CN.UTF-8' });
  assert.is(r.code, 2);
  assert.is(r.err, "milestones: 错误: 选项 '--lang <lang>' 的取值 'fr' 无效。可选语言：zh、en。\n");
  const en = await run(['--db', 'none.json', '--lang', 'fr', 'weeks'], {});
  assert.is(en.err, "milestones: error: option '--lang <lang>' argument 'fr' is invalid. Languages: zh, en.\n");
});

test("commander's own errors speak Chinese too, in our error format", async () => {
  const zh = { LANG: 'zh_CN.UTF-8' };
  assert.is((await run(['diff', '--bogus'], zh)).err, "milestones: 错误: 未知选项 '--bogus'\n");
  assert.is((await run(['dif'], zh)).err, "milestones: 错误: 未知命令 'dif'\n（是否想用 diff？）\n");
  assert.is((await run(['history'], zh)).err, "milestones: 错误: 缺少必需的参数 'project'\n");
  assert.is((await run(['diff', 'a', 'b', 'c'], zh)).err, "milestones: 错误: 'diff' 的参数过多：应为 2 个，实际为 3 个。\n");
  assert.is((await run(['--week-scheme', 'x', 'weeks'], zh)).err, "milestones: 错误: 选项 '--week-scheme <scheme>' 的取值 'x' 无效，可选：reporter, iso。\n");
  assert.is((await run(['--db'], zh)).err, "milestones: 错误: 选项 '--db <file>' 缺少取值\n");
  for (const args of [['diff', '--bogus'], ['dif'], ['history'], ['--db']]) assert.is((await run(args, zh)).code, 2, args.join(' '));
});

/** The commands `--help` lists (and the subcommands of those that have some): a command that lands later is checked too. */
async function commandsOf(prefix: string[]): Promise<string[][]> {
  const help = (await run([...prefix, '--help'], {})).out;
  const listed = help.split(/^Commands:\n/m)[1] ?? '';
  const names = [...listed.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((n) => n !== 'help');
  const out: string[][] = [];
  for (const n of names) out.push([...prefix, n], ...(prefix.length ? [] : await commandsOf([n])));
  return out;
}
let COMMANDS: string[][] = [];

test('the --help test sees every command, the later ones included', async () => {
  COMMANDS = [[], ...(await commandsOf([]))];
  const names = COMMANDS.map((c) => c.join(' '));
  for (const c of ['ingest', 'diff', 'stalled', 'forecast', 'report', 'export', 'alias add']) assert.ok(names.includes(c), `${c} in ${names.join(', ')}`);
});

test('--help of every command in Chinese: the headings, every description and commander\'s own words', async () => {
  if (COMMANDS.length === 0) COMMANDS = [[], ...(await commandsOf([]))];
  for (const cmd of COMMANDS) {
    const zh = await run([...cmd, '--help'], { LANG: 'zh_CN.UTF-8' });
    const en = await run([...cmd, '--help'], {});
    assert.is(zh.code, 0);
    assert.match(zh.out, /^用法: milestones/);
    for (const english of ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'display help', 'default:', 'choices:', '[options]', 'output the version']) {
      assert.not.ok(zh.out.includes(english), `${cmd.join(' ')} --help: "${english}"`);
    }
    // Every description line speaks Chinese: an option's text after its flags, a wrapped line, a paragraph.
    const described = zh.out.split('\n').filter((l) => l.trim() && !/^(用法|选项|命令|参数)/.test(l));
    for (const line of described) {
      const text = line.replace(/^\s+\S+(?:, \S+)?(?: <[^>]+>| \[[^\]]+\]|\.\.\.)*(?:\s{2,}|$)/, '');
      if (latinWords(text.replace(/--?[\w-]+|<[^>]+>|\[[^\]]+\]|\$\w+|[\w./-]+\.(?:json|md|csv)\b/g, '')).size > 1) {
        assert.match(text, /[\u3400-\u9fff]/, `${cmd.join(' ')} --help: ${line}`);
      }
    }
    // The same lines as the English help: the same options and commands, only translated.
    assert.is(zh.out.match(/^\s+-/gm)?.length, en.out.match(/^\s+-/gm)?.length, `${cmd.join(' ')}: options listed`);
  }
  // Chinese help wraps between characters, within the width commander uses (80 columns when piped).
  const help = (await run(['ingest', '--help'], { LANG: 'zh_CN.UTF-8' })).out;
  const columns = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  for (const line of help.split('\n')) assert.ok(columns(line) <= 80, `${columns(line)} columns: ${line}`);
  assert.not.match(help, /^\s*[）。，；：]/m);
});

/** The golden files that run in Chinese (`--lang zh`): their output is compared exactly by golden.test.ts. */
const GOLDEN = path.join(root, 'test', 'golden');
const chinese = readdirSync(GOLDEN).filter((f) => readFileSync(path.join(GOLDEN, f), 'utf8').includes('$ milestones --lang zh '));

test('the Chinese goldens cover diff, stalled, history, check, export --format csv and errors, each with its English twin', async () => {
  const commands = chinese.map((f) => /^\$ milestones --lang zh (.*)$/m.exec(readFileSync(path.join(GOLDEN, f), 'utf8'))![1]!);
  const english = readdirSync(GOLDEN).map((f) => /^\$ milestones (.*)$/m.exec(readFileSync(path.join(GOLDEN, f), 'utf8'))![1]!);
  for (const c of ['diff', 'stalled', 'history 发票中心', 'export --format csv', 'check "cli/reports/第51周 2021-12-17.md"', 'diff W20', 'ingest errors cli/reports', 'forecast', 'report --format md', 'diff --by-team']) {
    assert.ok(commands.includes(c), `a Chinese golden of ${c}`);
    assert.ok(english.includes(c), `an English golden of ${c}`);
  }
});

test('no user-facing English under --lang zh in the golden commands: every Latin word comes from the reports', async () => {
  // What the data may bring: the words of the fixture reports and their file names.
  const data = new Set<string>();
  for (const sub of ['cli/reports', 'errors']) {
    for (const f of readdirSync(path.join(fixtures, sub))) {
      for (const w of latinWords(`${sub}/${f} ${readFileSync(path.join(fixtures, sub, f), 'latin1')}`)) data.add(w);
    }
  }
  // Rule names and the words they fired on (check's last column) are identifiers, as the README's rules table names them.
  const checked = cli(db, ['check', '--json', path.join(fixtures, 'cli', 'reports')], { cwd: fixtures });
  const rules = (JSON.parse(checked.stdout) as { files: { findings: { rule?: string; naming?: string }[] }[] }).files
    .flatMap((f) => f.findings)
    .flatMap((x) => [x.rule, x.naming])
    .filter((x): x is string => Boolean(x));
  assert.ok(chinese.length >= 7, `${chinese.length} Chinese goldens`);
  for (const f of chinese) {
    const golden = readFileSync(path.join(GOLDEN, f), 'utf8');
    // What the user typed comes back in messages (`--weeks`, `"two"`): it is theirs.
    const typed = latinWords(/^\$ milestones (.*)$/m.exec(golden)![1]!);
    const text = golden
      .split('\n')
      .filter((l) => !l.startsWith('$ milestones ') && !l.startsWith('# given') && !/^--- (stderr|exit \d+)$/.test(l))
      .join('\n');
    assert.ok(/[\u3400-\u9fff]/.test(text), f);
    assert.equal(englishLeft(text, [...data, ...typed], rules), [], f);
  }
});

/** Every text a person reads on an HTML page: the text between tags, and the labels a screen reader says (aria-label, title, alt). */
function pageText(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/g, ' ');
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const texts = [...body.matchAll(/>([^<]+)</g)].map((m) => m[1]!);
  const labels = [...body.matchAll(/\s(?:aria-label|title|alt)="([^"]*)"/g)].map((m) => m[1]!);
  return [...texts, ...labels].map(unescape).join('\n');
}

test('the planning report, forecast and the workbook in Chinese: no English beyond the reports own words (the samples, with due dates and slipping items)', async () => {
  const { default: ExcelJS } = await import('exceljs');
  const samples = path.join(root, 'data', 'samples');
  const demo = path.join(dir, 'samples.json');
  assert.is((await runIn(demo, ['ingest', samples])).code, 0);
  const data = latinWords(readdirSync(samples).map((f) => `${samples} ${f} ${readFileSync(path.join(samples, f), 'utf8')}`).join(' '));
  const zh = (args: string[]) => runIn(demo, ['--lang', 'zh', ...args], { cwd: dir });

  // The page: headings, status words, captions, the charts' and lists' labels.
  const page = await zh(['report', '--out', 'report.html']);
  assert.is(page.code, 0, page.stderr);
  const text = pageText(readFileSync(path.join(dir, 'report.html'), 'utf8'));
  for (const words of ['需要关注', '延期风险', '停滞', '倒退', '燃起图', '各状态项目数', '原文变化']) assert.ok(text.includes(words), words);
  assert.equal(englishLeft(text, data), []);
  // The same page in English says it in English (the extraction sees what a reader sees).
  await runIn(demo, ['report', '--out', 'report-en.html'], { cwd: dir });
  assert.match(pageText(readFileSync(path.join(dir, 'report-en.html'), 'utf8')), 'Needs attention');

  // forecast and report as tables and as CSV, stalled and diff as CSV: the words, slipping and the reasons included.
  for (const args of [['forecast'], ['forecast', '--format', 'csv'], ['report', '--format', 'text'], ['report', '--format', 'md'], ['stalled', '--format', 'csv'], ['diff', '--format', 'csv'], ['diff', '--by-team']]) {
    const r = await zh(args);
    assert.is(r.code, 0, r.stderr);
    assert.equal(englishLeft(r.stdout + r.stderr, data), [], args.join(' '));
  }
  assert.match((await zh(['forecast', '--format', 'csv'])).stdout, /,延期风险,预计完成晚于截止日期 \d{4}-\d{2}-\d{2}\r?\n/);

  // The workbook: sheet names, header rows and every text cell.
  const wrote = await zh(['export', '--out', 'book.xlsx']);
  assert.is(wrote.code, 0, wrote.stderr);
  assert.match(wrote.stderr, /^milestones: 已写入 book\.xlsx（\d+ 个工作表，\d+ 行）$/m);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, 'book.xlsx'));
  const cells: string[] = [];
  wb.eachSheet((ws) => {
    cells.push(ws.name);
    ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && cells.push(c.value))));
  });
  assert.ok(cells.includes('汇总') && cells.includes('延期风险') && cells.includes('状态'), cells.slice(0, 20).join(' '));
  assert.equal(englishLeft(cells.join('\n'), data), []);
});

test.after(cleanup);
test.run();
