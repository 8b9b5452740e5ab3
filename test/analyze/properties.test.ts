import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { diffWeeks } from '../../src/analyze/diff.js';
import { stalledItems } from '../../src/analyze/stalled.js';
import { STATUS_ORDER } from '../../src/analyze/items.js';
import { rep, type M } from './helpers.js';

const none = new Map<string, string>();
const names = ['甲', '乙', '丙', '丁', '戊'];
const pct = fc.oneof(fc.constantFrom(0, 50, 100), fc.integer({ min: 0, max: 10000 }).map((n) => n / 100));
const week = fc.dictionary(fc.constantFrom(...names), pct).map((d) => Object.entries(d).map(([p, n]): M => [p, n]));

test('diff: every item of either week appears once; counts add up; status agrees with the numbers; order follows STATUS_ORDER', () => {
  fc.assert(
    fc.property(week, week, (a, b) => {
      const d = diffWeeks([rep('2031-W01', a), rep('2031-W03', b)], { from: '2031-W01', to: '2031-W03', aliases: none });
      const union = new Set([...a.map((m) => m[0]), ...b.map((m) => m[0])]);
      assert.equal(d.items.map((i) => i.project).sort(), [...union].sort());
      assert.is(Object.values(d.counts).reduce((x, y) => x + y, 0), d.items.length);
      for (const i of d.items) {
        if (i.status === 'regressed') assert.ok(i.delta! < 0);
        if (i.status === 'advanced') assert.ok(i.delta! > 0 && i.to! < 100);
        if (i.status === 'stalled') assert.ok(i.delta === 0 && i.to! < 100);
        if (i.status === 'dropped') assert.ok(i.to === null && i.from! < 100);
        if (i.status === 'completed') assert.ok(i.to === 100 && (i.from === null || i.from < 100));
      }
      const ranks = d.items.map((i) => STATUS_ORDER.indexOf(i.status));
      assert.equal(ranks, [...ranks].sort((x, y) => x - y));
    }),
  );
});

test('stalled: never lists an item that advanced in its last report, and reports ≤ the number of reports', () => {
  fc.assert(
    fc.property(fc.array(week, { minLength: 1, maxLength: 6 }), (weeks) => {
      const reports = weeks.map((w, i) => rep(`2031-W${String(i * 2 + 1).padStart(2, '0')}`, w));
      const asOf = reports[reports.length - 1]!.week;
      const s = stalledItems(reports, { asOf, minReports: 1, aliases: none });
      for (const it of s.items) {
        assert.ok(it.reports >= 1 && it.reports <= reports.length);
        assert.ok(it.percent < 100);
        assert.is(it.calendarWeeks, (it.reports - 1) * 2 + 1);
        if (it.reports >= 2) {
          const prev = weeks[weeks.length - 2]!.find((m) => m[0] === it.project)!;
          assert.ok(Math.round(prev[1] * 100) / 100 >= it.percent);
        }
      }
    }),
  );
});

test.run();
