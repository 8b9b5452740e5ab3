// The earlier figure a report states (`70%（上周 60%）`) survives the compact measure codec and is validated with it.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Measure, Observation } from '../../src/model/types.js';
import { decodeMeasure, encodeMeasure, ItemTable, measureOf, measureTupleProblem } from '../../src/store/schema.js';

test('a stated earlier figure round-trips, alone and with a due date, qualifier or fraction', () => {
  const table = new ItemTable();
  const cases: Measure[] = [
    { project: '数据血缘平台', metric: null, percent: 35, kind: 'progress', line: 9, prev: 30 },
    { project: '数据血缘平台', metric: '采集', percent: 35, kind: 'progress', line: 10, due: '2024-12-31', prev: 0 },
    { project: '对账', metric: null, percent: 50, kind: 'progress', line: 11, qualifier: '约', done: 5, total: 10, prev: 42.5 },
  ];
  for (const m of cases) {
    const t = encodeMeasure(m, table);
    assert.is(t.length, 8);
    assert.equal(decodeMeasure(t, table.items), m);
    // An observation's evidence fields are dropped, its prev kept.
    const o: Observation = { ...m, section: [], text: 'x' };
    assert.equal(measureOf(o), m);
  }
});

test('a tuple with a malformed earlier figure or due date is refused with its place', () => {
  assert.is(measureTupleProblem([[0, 35, 9, null, null, null, null, 30]], 1), null);
  assert.is(measureTupleProblem([[0, 35, 9, null, null, null, '2024-12-31', 30]], 1), null);
  assert.equal(measureTupleProblem([[0, 35, 9, null, null, null, null, '30%']], 1), { index: [0, 7], message: 'prev must be a number' });
  assert.equal(measureTupleProblem([[0, 35, 9, null, null, null, '年底', 30]], 1), { index: [0, 6], message: 'due must be a date like 2024-05-31' });
  // Seven slots still need a due date.
  assert.equal(measureTupleProblem([[0, 35, 9, null, null, null, null]], 1), { index: [0, 6], message: 'due must be a date like 2024-05-31' });
});

test.run();
