// Progress precision and recall on reports in other teams' styles (OKR, SRE, PMO, tables, mixed English), labelled by hand.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract, scoreAgainstGold, type Gold } from '../../src/extract/index.js';
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

test.run();
