// Property tests of the compact measure codec and the tuple validator.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Measure } from '../../src/model/types.js';
import { decodeMeasure, encodeMeasure, ItemTable, measureTupleProblem } from '../../src/store/schema.js';

const measure: fc.Arbitrary<Measure> = fc
  .record(
    {
      project: fc.string({ unit: 'grapheme' }),
      metric: fc.option(fc.string({ unit: 'grapheme' }), { nil: null }),
      percent: fc.double({ min: 0, max: 200, noNaN: true }),
      kind: fc.constantFrom('progress' as const, 'kpi' as const),
      line: fc.nat(100_000),
      done: fc.nat(1000),
      total: fc.nat(1000),
      qualifier: fc.constantFrom('约', '>', '≈', '+', ''),
    },
    { requiredKeys: ['project', 'metric', 'percent', 'kind', 'line'] },
  )
  .map((m) => ({ ...m })); // plain objects, as the extractor makes them

test('every measure survives encode → JSON → decode, and the encoded form validates', () => {
  fc.assert(
    fc.property(fc.array(measure, { maxLength: 30 }), (ms) => {
      const table = new ItemTable();
      const tuples = ms.map((m) => encodeMeasure(m, table));
      const back = JSON.parse(JSON.stringify({ items: table.items, tuples })) as { items: typeof table.items; tuples: typeof tuples };
      assert.is(measureTupleProblem(back.tuples, back.items.length), null);
      assert.equal(back.tuples.map((t) => decodeMeasure(t, back.items)), ms);
    }),
  );
});

test('identical (project, metric, kind) triples share one item; null and "" metrics do not', () => {
  const table = new ItemTable();
  const base = { project: '对账平台', percent: 1, kind: 'progress' as const, line: 1 };
  const a = encodeMeasure({ ...base, metric: null }, table);
  const b = encodeMeasure({ ...base, metric: null, percent: 50 }, table);
  const c = encodeMeasure({ ...base, metric: '' }, table);
  const d = encodeMeasure({ ...base, metric: null, kind: 'kpi' }, table);
  assert.is(a[0], b[0]);
  assert.is.not(a[0], c[0]);
  assert.is.not(a[0], d[0]);
  assert.is(table.items.length, 3);
});

test('the tuple validator names the first bad slot', () => {
  assert.equal(measureTupleProblem([[0, 1, 2], [0, 'x', 2]], 1), { index: [1, 1], message: 'percent must be a number' });
  assert.equal(measureTupleProblem([[0, 1, 2, 3]], 1)?.index, [0]);
  assert.equal(measureTupleProblem([[0, 1, 2, null, 4, 5]], 1)?.index, [0, 5]);
  assert.equal(measureTupleProblem([[0, 1, 1.5]], 1)?.index, [0, 2]);
  assert.equal(measureTupleProblem({}, 1)?.index, []);
});

test.run();
