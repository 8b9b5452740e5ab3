// `alias add` refuses a canonical name that is itself an alias and warns about names no report holds; `alias suggest --apply` says what it recorded; `alias remove` forgets one.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run as inProcess } from './support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-alias-'));
const run = (...args: string[]) => inProcess(path.join(dir, 'db.json'), args, { cwd: dir });

mkdirSync(path.join(dir, 'in'));
const report = (week: number, date: string, lines: string[]) => `# 2024年第${week}周 周报（${date}）\n\n## 重点项目\n\n${lines.join('\n')}\n`;
writeFileSync(path.join(dir, 'in', 'w10.md'), report(10, '2024-03-08', ['- 结算一期，进度30%', '- 清结算对账平台建设，进度40%']));
writeFileSync(path.join(dir, 'in', 'w11.md'), report(11, '2024-03-15', ['- 结算一期，进度35%', '- 清结算对账中心建设，进度45%']));
assert.is((await run('ingest', 'in')).code, 0);

test('a name found in the reports is added quietly; a name in no report is added with a warning on stderr', async () => {
  const known = await run('alias', 'add', '结算一期', '结算二期');
  assert.is(known.code, 0, known.stderr);
  assert.is(known.stdout, 'alias added: 结算一期 → 结算二期\n');
  assert.is(known.stderr, '');
  const unknown = await run('alias', 'add', '不存在的项目', '结算中心');
  assert.is(unknown.code, 0, unknown.stderr);
  assert.is(unknown.stdout, 'alias added: 不存在的项目 → 结算中心\n');
  assert.match(unknown.stderr, /^milestones: warning: 不存在的项目 occurs in no stored report; the alias is recorded all the same/);
});

test('a canonical name that is itself an alias is refused, naming what it stands for; nothing stored', async () => {
  const r = await run('alias', 'add', '结算中心', '结算一期');
  assert.is(r.code, 2);
  assert.match(r.stderr, 'milestones: error: 结算一期 is itself an alias of 结算二期 — give the name it stands for: milestones alias add 结算中心 结算二期');
  const list = JSON.parse((await run('alias', 'list', '--json')).stdout) as { aliases: { name: string }[] };
  assert.equal(list.aliases.map((a) => a.name).sort(), ['不存在的项目', '结算一期'].sort());
});

test('alias suggest --apply prints what it recorded, not how to record it', async () => {
  const r = await run('alias', 'suggest', '--apply');
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /清结算对账平台建设\s+→\s+清结算对账中心建设/);
  assert.match(r.stdout, '\nRecorded 1 alias:\n  清结算对账平台建设 → 清结算对账中心建设\n');
  assert.not.match(r.stdout + r.stderr, /To accept|alias add/);
  const list = JSON.parse((await run('alias', 'list', '--json')).stdout) as { aliases: { name: string; canonical: string }[] };
  assert.ok(list.aliases.some((a) => a.name === '清结算对账平台建设' && a.canonical === '清结算对账中心建设'));
  assert.is((await run('alias', 'suggest')).stdout, 'no rename candidates\n');
});

test('alias remove forgets an alias and says when there is none', async () => {
  assert.is((await run('alias', 'remove', '结算一期')).code, 0);
  const again = await run('alias', 'remove', '结算一期');
  assert.is(again.code, 2);
  assert.match(again.stderr, /no stored alias "结算一期"/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
