// Progress precision and recall on reports in other teams' styles (OKR, SRE, PMO, tables, mixed English), labelled by hand.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract } from '../../src/extract/index.js';
import { scoreAgainstGold, type Gold } from '../support/gold.js';
import type { Extraction } from '../../src/model/types.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'extract', 'other-teams');
const gold = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Gold;
const all: Record<string, Extraction> = Object.fromEntries(
  Object.keys(gold.reports).map((f) => [f, extract(parseMarkdown(readFileSync(path.join(dir, f), 'utf8'), f), { scheme: 'reporter' })]),
);
const score = scoreAgainstGold(all, gold);

test('the other-teams set is wide: at least 20 reports and 90 labelled progress figures', () => {
  assert.ok(Object.keys(gold.reports).length >= 20);
  const n = Object.values(gold.reports).reduce((s, r) => s + r.progress.length, 0);
  assert.ok(n >= 90, `only ${n} labelled figures`);
});

test('progress precision and recall on the other-teams set are at least 0.98', () => {
  const fmt = (x: number) => x.toFixed(3);
  // Printed so the figures can be quoted.
  console.log(
    `other-teams: ${Object.keys(gold.reports).length} reports, TP ${score.truePositives}, FP ${score.falsePositives}, FN ${score.falseNegatives}, precision ${fmt(score.precision)}, recall ${fmt(score.recall)}`,
  );
  const detail = score.mismatches.map((m) => m.message).join('\n');
  assert.ok(score.precision >= 0.98, `precision ${score.precision}:\n${detail}`);
  assert.ok(score.recall >= 0.98, `recall ${score.recall}:\n${detail}`);
});

test('weeks, dates, KPI figures, lines and fractions agree with the labels', () => {
  assert.equal(score.mismatches.map((m) => m.message), []);
});

const find = (file: string, line: number, match: string) => all[file]!.findings.find((f) => f.line === line && f.match === match);

test('decisions: total rows skipped, struck figures gone, plan intros and confidence columns ignored, lag never an item', () => {
  assert.match(find('03-数据平台-表格.md', 11, '62%')!.reason!, /total row/);
  assert.match(find('07-PMO汇总.md', 29, '58%')!.reason!, /total row/);
  assert.not.ok(find('05-硬件IoT.md', 12, '50%'), 'a struck-out figure is not read at all');
  assert.not.ok(find('14-变化箭头.md', 11, '40%'));
  assert.match(find('18-个人周报.md', 13, '100%')!.reason!, /下周/);
  assert.match(find('19-OKR表格.md', 5, '70%')!.reason!, /信心/);
  assert.is(find('07-PMO汇总.md', 12, '10%')!.verdict, 'ignored');
  assert.is(find('20-版本火车.md', 7, '20%')!.verdict, 'ignored');
});

test('context figures: last week and plan are kept on the progress figure', () => {
  const o = (file: string, key: string) => all[file]!.observations.find((x) => x.kind === 'progress' && `${x.project} ${x.metric ?? ''}`.includes(key))!;
  assert.is(o('01-移动端-OKR.md', 'KR3').prev, 70);
  assert.is(o('07-PMO汇总.md', '供应商门户').planned, 70);
  assert.is(o('14-变化箭头.md', '订单拆单重构').prev, 60);
  assert.is(o('12-表格多形态.md', '配置下发').prev, 30);
  assert.is(o('20-版本火车.md', '深色模式适配').planned, 50);
});

test.run();
