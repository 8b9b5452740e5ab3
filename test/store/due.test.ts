// A stated due date survives the compact measure codec and is validated like the rest of a measure tuple.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeMeasure, encodeMeasure, ItemTable, measureOf, measureTupleProblem } from '../../src/store/schema.js';

test('a due date round-trips, with and without a qualifier or fraction', () => {
  const table = new ItemTable();
  for (const m of [
    { project: '资金清分平台', metric: null, percent: 45, kind: 'progress' as const, line: 5, due: '2026-01-31' },
    { project: '资金清分平台', metric: '后端', percent: 45, kind: 'progress' as const, line: 6, qualifier: '约', due: '2026-02-28' },
    { project: '对账', metric: null, percent: 50, kind: 'progress' as const, line: 7, done: 5, total: 10, due: '2026-03-31' },
    { project: '对账', metric: null, percent: 50, kind: 'progress' as const, line: 8 },
  ]) {
    const t = encodeMeasure(m, table);
    assert.equal(decodeMeasure(t, table.items), m);
    assert.equal(measureOf(m), m);
  }
});

test('a tuple with a malformed due date is refused with its place', () => {
  assert.is(measureTupleProblem([[0, 45, 5, null, null, null, '2026-01-31']], 1), null);
  assert.equal(measureTupleProblem([[0, 45, 5, null, null, null, '1月底']], 1), { index: [0, 6], message: 'due must be a date like 2024-05-31' });
  assert.equal(measureTupleProblem([[0, 45, 5, null, null, 7, '2026-01-31']], 1), { index: [0, 5], message: 'qualifier must be a string or null' });
});

test.run();
