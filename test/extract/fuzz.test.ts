// Property test: random and mutated reports never break parseMarkdown + extract, and what comes out stays sane.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract } from '../../src/extract/index.js';
import { scale } from '../support/limits.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'extract');
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'));

/** Pieces that stress the grammar: percent signs, digits, full-width forms, markers, brackets, indentation. */
const piece = fc.oneof(
  fc.constantFrom(
    '%', '％', '%20', '%E7%AC', '50%', '1e400%', '-5%', '+3%', '99.999999999%', '150%', '６０％', '：', ':', '，', '；', '。',
    '、', '（', '）', '(', ')', '【', '】', '[', ']', '进度', '完成度', '整体进度', '由', '提升至', '从', '到', '约', '≈', '>',
    '同比增长', '目标', '成功率', '\n', '\n\n', '\n- ', '\n1. ', '\n    ', '\n        - ', '\n# ', '\n### C. ', '|', '\n| a | 进度 |\n|---|---|\n| x | ',
    '```\n', '<!-- ', ' -->', '[x](y%20z.md)', 'https://a.b/c%20d', '第16周', '2023-04-14', '\r', '\t', '/', '58/84', '近八成',
  ),
  fc.string({ maxLength: 6 }),
  fc.string({ maxLength: 4, unit: 'grapheme' }),
  fc.integer({ min: -1000, max: 100000 }).map(String),
);

interface Mutation {
  at: number;
  op: 'insert' | 'delete' | 'duplicate' | 'indent';
  text: string;
  len: number;
}

const mutation = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<'insert' | 'delete' | 'duplicate' | 'indent'>('insert', 'delete', 'duplicate', 'indent'),
  text: piece,
  len: fc.integer({ min: 1, max: 40 }),
});

function mutate(src: string, ms: Mutation[]): string {
  let s = src;
  for (const m of ms) {
    const at = s.length ? m.at % (s.length + 1) : 0;
    if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + m.len);
    else if (m.op === 'duplicate') s = s.slice(0, at) + s.slice(at, at + m.len).repeat(2) + s.slice(at + m.len);
    else {
      const nl = s.lastIndexOf('\n', at);
      s = s.slice(0, nl + 1) + ' '.repeat(m.len * 2) + s.slice(nl + 1);
    }
  }
  return s;
}

function checkSane(text: string): void {
  const doc = parseMarkdown(text, 'fuzz.md');
  const lines = text.replace(/\r\n?/g, '\n').split('\n').length;
  for (const b of doc.blocks) assert.ok(b.line >= 1 && b.line <= lines, `block line ${b.line} of ${lines}`);
  for (const scheme of ['reporter', 'iso'] as const) {
    const ex = extract(doc, { scheme });
    for (const o of ex.observations) {
      assert.ok(Number.isFinite(o.percent) && o.percent >= 0 && o.percent <= 100, `percent ${o.percent}`);
      assert.ok(o.line >= 1 && o.line <= lines, `observation line ${o.line} of ${lines}`);
      assert.ok(o.project.length > 0, 'an observation always has a project');
      if (o.prev !== undefined) assert.ok(Number.isFinite(o.prev) && o.prev >= 0 && o.prev <= 100);
      if (o.planned !== undefined) assert.ok(Number.isFinite(o.planned) && o.planned >= 0 && o.planned <= 100);
    }
    for (const f of ex.findings) assert.ok(f.line >= 1 && f.line <= lines, `finding line ${f.line} of ${lines}`);
    for (const w of ex.warnings) assert.ok(w.line >= 1 && w.line <= lines, `warning line ${w.line} of ${lines}`);
    if (ex.week !== null) assert.match(ex.week, /^\d{4}-W\d{2}$/);
    if (ex.date !== null) assert.match(ex.date, /^\d{4}-\d{2}-\d{2}$/);
  }
}

test('mutated fixture reports: never a throw, percents in 0–100, lines inside the document', () => {
  fc.assert(
    fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 12 }), (i, ms) => {
      checkSane(mutate(fixtures[i]!, ms));
    }),
    { numRuns: scale(80, 250), seed: 20240517 },
  );
});

test('random report-like text built from grammar pieces', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
      checkSane(parts.join(''));
    }),
    { numRuns: scale(100, 300), seed: 7 },
  );
});

test('random unicode strings', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
      checkSane(s);
    }),
    { numRuns: scale(60, 200), seed: 11 },
  );
});

test('deep nesting and long lines stay bounded', () => {
  const deep = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}- 层${i}进度${i}%`).join('\n');
  checkSane(deep);
  const quotes = '>'.repeat(200) + ' 网关进度50%';
  checkSane(quotes);
  checkSane('- 甲进度1%，' + '乙进度2%，'.repeat(scale(4_000, 20_000)));
});

test.run();
