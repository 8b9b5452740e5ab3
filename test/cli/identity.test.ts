// Names and invisible characters: a ZWSP or a bidi override inside a project name is the same project; report text and control characters in file and team names are stored as given.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeName, stripInvisible } from '../../src/model/name.js';
import { run as inProcess, tempDir } from './support/cli.js';

const ZWSP = '\u200b';
const RLO = '\u202e';
const PDF = '\u202c';

test('normalizeName: zero-width characters, joiners, bidi controls, the BOM and soft hyphens are not part of a name', async () => {
  for (const hidden of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202a', '\u202b', '\u202d', '\u202e', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f']) {
    assert.is(normalizeName(`支付${hidden}网关重构`), normalizeName('支付网关重构'), `U+${hidden.codePointAt(0)!.toString(16)}`);
  }
  assert.is(stripInvisible(`a${ZWSP}b${RLO}c${PDF}`), 'abc');
  // Visible differences still count.
  assert.not.equal(normalizeName('支付网关重构'), normalizeName('支付网关重构二期'));
});

const week = (w: number, date: string, name: string, pct: number) =>
  `# 2024年第${w}周 周报（${date}）\n\n## 【重点项目】\n\n- ${name}，整体进度${pct}%\n- 清结算迁移，整体进度${pct - 10}%\n`;

test('a ZWSP or a bidi override inside a project name: one project advanced, not dropped + new; the evidence keeps the text as written', async () => {
  const { dir, cleanup } = tempDir('identity');
  try {
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(path.join(dir, 'in', 'w10.md'), week(10, '2024-03-08', '支付网关重构', 40));
    writeFileSync(path.join(dir, 'in', 'w11.md'), week(11, '2024-03-15', `支付${ZWSP}网关${RLO}重构${PDF}`, 50));
    assert.is((await inProcess('db.json', ['ingest', 'in'], { cwd: dir })).code, 0);
    const diff = JSON.parse((await inProcess('db.json', ['diff', '--json'], { cwd: dir })).stdout) as { items: { project: string; status: string; from: number | null; to: number | null }[] };
    const gateway = diff.items.filter((i) => i.project.includes('网关'));
    assert.equal(gateway.map((i) => [i.project, i.status, i.from, i.to]), [['支付网关重构', 'advanced', 40, 50]]);
    const show = JSON.parse((await inProcess('db.json', ['show', '2024-W11', '--json'], { cwd: dir })).stdout) as { items: { project: string; text: string }[] };
    const item = show.items.find((i) => i.project === '支付网关重构')!;
    assert.ok(item, 'the stored name has no invisible characters');
    assert.ok(item.text.includes(ZWSP) && item.text.includes(RLO), 'the evidence text is kept as written (escaped only on display)');
  } finally {
    cleanup();
  }
});

test('control characters in file names and team names are stored as given (display escaping is the renderers\')', async () => {
  const { dir, cleanup } = tempDir('controls-stored');
  try {
    const name = 'w10\u001b[31m\nfake.md';
    writeFileSync(path.join(dir, name), week(10, '2024-03-08', '结算中心迁移', 40));
    const team = 'ops\u001b[2J\tteam';
    const r = await inProcess('db.json', ['--team', team, 'ingest', name], { cwd: dir });
    assert.is(r.code, 0, r.stderr);
    const weeks = JSON.parse((await inProcess('db.json', ['weeks', '--json'], { cwd: dir })).stdout) as { weeks: { source: string; team: string }[] };
    assert.equal(weeks.weeks.map((w) => [w.source, w.team]), [[name, team]]);
  } finally {
    cleanup();
  }
});

test.run();
