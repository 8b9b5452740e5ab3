// Text tables on a terminal fit its width: names shortened with …, never wrapped; numbers, weeks and dates whole; piped output unchanged.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { textTable, width } from '../../src/render/format.js';
import { render } from '../../src/render/formats.js';
import { DIFF } from '../../src/render/diff.js';

const headers = ['Team', 'Project', 'Due', 'Δ', 'Status'];
const rows = [
  ['履约技术部', '跨境电商清关与保税仓对接项目（二期）', '2026-01-31', '+5', 'advanced'],
  ['清结算组', 'Ledger sync for the merchant settlement statements', '2026-06-15', '-12.5', 'regressed'],
];

test('a table wider than the terminal is cut in its name columns, each line within the width', () => {
  const whole = textTable(headers, rows, ['left', 'left', 'left', 'right', 'left']);
  const wide = Math.max(...whole.map(width));
  for (const cols of [80, 60, 50]) {
    const fitted = textTable(headers, rows, ['left', 'left', 'left', 'right', 'left'], cols);
    assert.ok(fitted.every((l) => width(l) <= cols), `${cols}: ${fitted.map(width)}`);
    assert.is(fitted.length, whole.length, 'never wrapped: as many lines');
    const body = fitted.slice(2).join('\n');
    for (const keep of ['2026-01-31', '2026-06-15', '+5', '-12.5', 'advanced', 'regressed']) assert.ok(body.includes(keep), `${cols}: ${keep} whole`);
    assert.ok(body.includes('…'), `${cols}: a name shortened`);
  }
  // Wide enough: unchanged.
  assert.equal(textTable(headers, rows, ['left', 'left', 'left', 'right', 'left'], wide), whole);
});

test('names are cut by display width (CJK is 2 columns) and end with …', () => {
  const [, , row] = textTable(['Project', 'Owner'], [['跨境电商清关对接', 'Ledger sync team']], ['left', 'left'], 20);
  assert.is(row, '跨境电商…  Ledger s…');
  assert.ok(width(row!) <= 20);
});

test('render: columns only when asked (a terminal); without it the text is the whole table', () => {
  const d = {
    from: '2031-W10',
    to: '2031-W11',
    items: [{ team: '', project: '一个名字非常非常非常非常非常非常长的项目', metric: null, kind: 'progress' as const, from: 10, to: 20, delta: 10, status: 'advanced' as const }],
    counts: { advanced: 1 } as never,
    kpiCounts: {} as never,
    missing: [],
  };
  const piped = render(DIFF, d as never, 'text').text;
  assert.ok(piped.includes('一个名字非常非常非常非常非常非常长的项目'));
  const tty = render(DIFF, d as never, 'text', { columns: 50 }).text;
  assert.not.ok(tty.includes('一个名字非常非常非常非常非常非常长的项目'));
  // The table's lines (the summary sentence is not a table).
  assert.ok(tty.split('\n').filter((l) => !l.includes('·')).every((l) => width(l) <= 50), tty);
});

test.run();
