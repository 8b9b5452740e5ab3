// Progress precision and recall over our own labelled fixture reports, plus the details gold.json cannot say.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract } from '../../src/extract/index.js';
import { scoreAgainstGold, type Gold } from '../support/gold.js';
import type { Extraction, Observation } from '../../src/model/types.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'extract');
const gold = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Gold;
const run = (file: string): Extraction =>
  extract(parseMarkdown(readFileSync(path.join(dir, file), 'utf8'), file), { scheme: 'reporter' });
const all: Record<string, Extraction> = Object.fromEntries(Object.keys(gold.reports).map((f) => [f, run(f)]));
const obs = (file: string, project: string, percent: number): Observation => {
  const o = all[file]!.observations.find((x) => `${x.project} ${x.metric ?? ''}`.includes(project) && x.percent === percent);
  assert.ok(o, `${file}: no observation ${project} ${percent}`);
  return o!;
};

test('the fixture set is wide: at least 15 reports and 80 labelled progress figures', () => {
  assert.ok(Object.keys(gold.reports).length >= 15);
  const n = Object.values(gold.reports).reduce((s, r) => s + r.progress.length, 0);
  assert.ok(n >= 80, `only ${n} labelled figures`);
});

test('progress precision and recall are at least 0.98', () => {
  const score = scoreAgainstGold(all, gold);
  assert.ok(score.precision >= 0.98, `precision ${score.precision}: ${score.mismatches.map((m) => m.message).join('\n')}`);
  assert.ok(score.recall >= 0.98, `recall ${score.recall}: ${score.mismatches.map((m) => m.message).join('\n')}`);
});

test('weeks, dates, KPI figures and lines agree with the labels exactly', () => {
  const score = scoreAgainstGold(all, gold);
  assert.equal(score.mismatches.map((m) => m.message), []);
});

test('a change keeps the earlier figure as prev; approximate figures keep their qualifier', () => {
  const f = '03-跨年第52周.md';
  assert.is(obs(f, '消息中心', 60).prev, 45);
  assert.is(obs(f, '特征工程', 50).prev, 30);
  assert.is(obs(f, '工单系统迁移', 60).qualifier, '约');
  assert.is(obs(f, '客服质检系统', 90).qualifier, '>');
  assert.is(obs(f, '门店收银改造', 85).qualifier, '≈');
  assert.is(obs(f, '理赔自动化', 90).qualifier, '+');
  assert.is(obs(f, '配置中心', 75).qualifier, '以上');
  assert.not.ok(all[f]!.observations.some((o) => o.percent === 45 || o.percent === 30), 'earlier figures are not items');
  // A figure in words (issue 9): 近八成 … 已完成 is 80 with the qualifier 近.
  assert.is(obs(f, '保单回溯', 80).qualifier, '近');
});

test('tables: last week becomes prev, planned becomes planned, never a second item', () => {
  assert.is(obs('05-仅日期-表格.md', '库存同步', 55).prev, 40);
  assert.is(obs('06-W区间-计划实际.md', '订单履约', 52).planned, 60);
  assert.is(obs('06-W区间-计划实际.md', '价格中心', 65).planned, 70);
  assert.is(obs('06-W区间-计划实际.md', '搜索推荐', 30).prev, 20);
  assert.is(obs('13-英文表格.md', 'Billing API', 45).prev, 30);
  assert.is(all['06-W区间-计划实际.md']!.observations.length, 4);
});

test('a disagreeing fraction is kept with a warning on its line', () => {
  const f = '09-分数.md';
  const o = obs(f, '告警收敛', 50);
  assert.equal([o.done, o.total], [30, 40]);
  const w = all[f]!.warnings.filter((x) => x.line === 8);
  assert.is(w.length, 1);
  assert.match(w[0]!.message, /30\/40/);
  assert.is(all[f]!.warnings.length, 1, 'consistent fractions raise no warning');
});

test('noise: growth, targets, out-of-range, URLs, code, headings and reflection are ignored, with reasons', () => {
  const ex = all['08-噪声.md']!;
  const reason = (line: number, match: string) => ex.findings.find((f) => f.line === line && f.match === match);
  assert.is(reason(12, '15%')?.verdict, 'ignored');
  assert.match(reason(12, '15%')!.reason!, /target/);
  assert.match(reason(12, '4%')!.reason!, /growth/);
  assert.match(reason(13, '12%')!.reason!, /growth/);
  assert.match(reason(14, '150%')!.reason!, /0–100/);
  assert.match(reason(15, '1e400%')!.reason!, /scientific/);
  assert.match(reason(16, '-5%')!.reason!, /0–100/);
  assert.is(reason(17, '30%')!.verdict, 'ignored');
  assert.ok(ex.findings.filter((f) => f.line === 18).every((f) => f.verdict === 'ignored' && /URL/.test(f.reason!)));
  assert.is(ex.findings.find((f) => f.match === '42%')?.reason, 'in a code block');
  assert.match(reason(27, '80%')!.reason!, /heading/);
  assert.ok(ex.findings.filter((f) => f.line === 33).every((f) => /本周收获与反思/.test(f.reason!)));
  assert.ok(ex.warnings.some((w) => w.line === 14), 'out-of-range progress warns');
  assert.ok(ex.warnings.some((w) => w.line === 19 && /decimals/.test(w.message)), 'absurd precision warns');
});

test('a report without label or date has no week', () => {
  assert.is(all['14-无周次.md']!.week, null);
  assert.is(all['14-无周次.md']!.title, '平台组周报');
});

test('every finding has a verdict, every observation a finding, every line is in its file', () => {
  for (const [file, ex] of Object.entries(all)) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').length;
    for (const o of ex.observations) {
      assert.ok(o.line >= 1 && o.line <= lines);
      assert.ok(ex.findings.some((f) => f.line === o.line && f.verdict === o.kind && f.percent === o.percent));
    }
  }
});

test.run();
