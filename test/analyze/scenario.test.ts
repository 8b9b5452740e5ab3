import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { diffWeeks, seriesTable, stalledItems, suggestAliases } from '../../src/analyze/index.js';
import { DIFF } from '../../src/render/diff.js';
import { render } from '../../src/render/formats.js';
import type { ReportMeasures } from '../../src/model/types.js';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/analyze/two-teams-new-year.json', import.meta.url), 'utf8'),
) as { reports: ReportMeasures[] };
const reports = fixture.reports;

test('two teams across the new year: suggest the rename, then diff, stall and export with it', () => {
  const suggestions = suggestAliases(reports, { aliases: new Map() });
  assert.equal(suggestions.map((s) => [s.team, s.from, s.to]), [['平台组', '会员积分一期', '会员积分']]);
  const aliases = new Map([['会员积分一期', '会员积分']]);
  assert.equal(suggestAliases(reports, { aliases }), []);

  const d = diffWeeks(reports, { from: '2030-W52', to: '2031-W02', aliases });
  assert.equal(
    d.items.map((i) => [i.team, i.project, i.status]),
    [
      ['平台组', '日志平台', 'regressed'],
      ['数据组', '指标口径统一', 'dropped'],
      ['数据组', '日志平台', 'advanced'],
      ['平台组', '会员积分', 'completed'],
    ],
  );
  assert.match(render(DIFF, d, 'text').text, '1 regressed · 1 dropped · 0 stalled · 0 new · 1 advanced · 1 completed');

  const s = stalledItems(reports, { asOf: '2031-W02', minReports: 2, aliases });
  assert.equal(s.items.map((i) => [i.team, i.project, i.reports, i.since, i.calendarWeeks]), [['平台组', '日志平台', 4, '2030-W50', 5]]);

  const t = seriesTable(reports, { aliases, team: '平台组' });
  assert.equal(t.weeks, ['2030-W50', '2030-W51', '2030-W52', '2031-W02']);
  assert.equal(t.rows.map((r) => [r.project, r.metric, r.values]), [
    ['会员积分', '后端', [40, 55, 70, 100]],
    ['日志平台', null, [60, 60, 60, 58]],
    ['接口成功率', null, [99.95, 99.9, null, null]],
  ]);
});

test.run();
