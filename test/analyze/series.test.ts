import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { seriesTable } from '../../src/analyze/series.js';
import { history, narrativeDiff } from '../../src/analyze/history.js';
import type { Observation, ReportMeasures } from '../../src/model/types.js';
import { rep } from './helpers.js';

const none = new Map<string, string>();

test('seriesTable: one column per stored week in range, null for absences, latest Δ and status per team', () => {
  const reports = [
    rep('2031-W01', [['甲', 10], ['可用性', 99.9, null, 'kpi']], 'a'),
    rep('2031-W02', [['甲', 20], ['乙', 5]], 'a'),
    rep('2031-W04', [['甲', 15]], 'a'),
    rep('2031-W02', [['丙', 50]], 'b'),
  ];
  const t = seriesTable(reports, { aliases: none });
  assert.equal(t.weeks, ['2031-W01', '2031-W02', '2031-W04']);
  assert.equal(
    t.rows.map((r) => [r.team, r.project, r.kind, r.values, r.delta, r.status]),
    [
      ['a', '乙', 'progress', [null, 5, null], null, 'dropped'],
      ['a', '甲', 'progress', [10, 20, 15], -5, 'regressed'],
      ['a', '可用性', 'kpi', [99.9, null, null], null, 'dropped'],
      ['b', '丙', 'progress', [null, 50, null], null, 'new'],
    ],
  );
  const ranged = seriesTable(reports, { aliases: none, from: '2031-W02', to: '2031-W02', team: 'a' });
  assert.equal(ranged.weeks, ['2031-W02']);
  // The status column says what `diff 2031-W02` says: against the report before it, even outside the range.
  assert.equal(ranged.rows.map((r) => [r.project, r.values, r.status]), [['乙', [5], 'new'], ['甲', [20], 'advanced']]);
});

function withText(week: string, obs: [string, number, string][]): ReportMeasures & { measures: Observation[] } {
  const r = rep(week, obs.map(([p, n]) => [p, n]));
  return { ...r, measures: r.measures.map((m, i) => ({ ...m, section: [], text: obs[i]![2] })) };
}

test('history: exact canonical match via aliases, Δ from the previous mention, narrative changes', () => {
  const aliases = new Map([['发票平台一期', '发票平台']]);
  const reports = [
    withText('2031-W01', [['发票平台一期', 30, '发票平台一期：联调中，进度30%'], ['发票平台监控', 10, '发票平台监控 10%']]),
    withText('2031-W02', [['发票平台', 30, '发票平台一期：联调中，进度30%']]),
    withText('2031-W03', [['发票平台', 55, '发票平台：灰度上线，进度55%']]),
  ];
  const h = history(reports, '发票平台一期', { aliases });
  assert.ok(h.exact);
  assert.is(h.items.length, 1);
  const pts = h.items[0]!.points;
  assert.equal(pts.map((p) => [p.week, p.written, p.percent, p.delta, p.status]), [
    ['2031-W01', '发票平台一期', 30, null, 'new'],
    ['2031-W02', '发票平台', 30, 0, 'stalled'],
    ['2031-W03', '发票平台', 55, 25, 'advanced'],
  ]);
  assert.is(pts[1]!.changes, undefined);
  const ch = pts[2]!.changes!;
  assert.is(ch.filter((c) => !c.added).map((c) => c.value).join(''), '发票平台一期：联调中，进度30%');
  assert.is(ch.filter((c) => !c.removed).map((c) => c.value).join(''), '发票平台：灰度上线，进度55%');

  const sub = history(reports, '发票', { aliases });
  assert.not.ok(sub.exact);
  assert.equal(sub.items.map((i) => i.project), ['发票平台', '发票平台监控']);
  assert.equal(history(reports, '不存在', { aliases }).items, []);
});

test('narrativeDiff folds stranded single characters into whole replacements', () => {
  const d = narrativeDiff('完成度50%', '完成度70%');
  assert.equal(d, [
    { value: '完成度', added: false, removed: false },
    { value: '5', added: false, removed: true },
    { value: '7', added: true, removed: false },
    { value: '0%', added: false, removed: false },
  ]);
  const e = narrativeDiff('联调中', '已上线');
  assert.equal(e.map((c) => [c.value, c.added, c.removed]), [['联调中', false, true], ['已上线', true, false]]);
  const f = narrativeDiff('前端开发中测试', '后端开发已测试');
  assert.is(f.filter((c) => !c.added).map((c) => c.value).join(''), '前端开发中测试');
  assert.is(f.filter((c) => !c.removed).map((c) => c.value).join(''), '后端开发已测试');
});

test.run();
