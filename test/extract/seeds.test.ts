// The two real seed reports (kept outside the repo) must match their hand-labelled gold.json exactly.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract } from '../../src/extract/index.js';
import { compareWithGold, type Gold } from '../support/gold.js';
import type { Extraction } from '../../src/model/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seeds = path.join(root, '..', 'shared', 'seeds');

test('the seed reports are present beside the repository', () => {
  assert.ok(existsSync(path.join(seeds, 'gold.json')), `${seeds}/gold.json is missing: the seed check cannot run`);
});

test('both seeds match gold.json: week, date, every progress and KPI figure, lines, no extras', () => {
  const gold = JSON.parse(readFileSync(path.join(seeds, 'gold.json'), 'utf8')) as Gold;
  const extractions: Record<string, Extraction> = {};
  for (const file of Object.keys(gold.reports)) {
    const text = readFileSync(path.join(seeds, file), 'utf8').replace(/\r\n?/g, '\n');
    extractions[file] = extract(parseMarkdown(text, file), { scheme: 'reporter' });
  }
  assert.ok(Object.keys(extractions).length >= 2);
  assert.equal(compareWithGold(extractions, gold), []);
});

test('compareWithGold reports a wrong figure, a missing one and an extra one', () => {
  const gold: Gold = {
    reports: {
      'a.md': {
        week: '2024-W10',
        date: '2024-03-08',
        progress: [{ key: '结算', percent: 40, line: 3 }],
        kpi: [{ key: '成功率', percent: 99.9, line: 2 }],
        optional: [],
      },
    },
  };
  const base: Extraction = { week: '2024-W10', date: '2024-03-08', title: 't', findings: [], warnings: [], observations: [], statements: [] };
  const ok: Extraction = {
    ...base,
    observations: [
      { project: '结算中心', metric: null, percent: 40, kind: 'progress', line: 3, section: [], text: '' },
      { project: '代扣成功率', metric: null, percent: 99.9, kind: 'kpi', line: 2, section: [], text: '' },
    ],
  };
  assert.equal(compareWithGold({ 'a.md': ok }, gold), []);
  const wrong: Extraction = {
    ...base,
    week: '2024-W11',
    observations: [
      { project: '结算中心', metric: null, percent: 41, kind: 'progress', line: 3, section: [], text: '' },
      { project: '代扣成功率', metric: null, percent: 99.9, kind: 'progress', line: 2, section: [], text: '' },
    ],
  };
  const what = compareWithGold({ 'a.md': wrong }, gold).map((m) => m.what).sort();
  assert.equal(what, ['missing', 'missing', 'unexpected', 'unexpected', 'week']);
  assert.equal(compareWithGold({}, gold)[0]?.what, 'missing-report');
});

test.run();
