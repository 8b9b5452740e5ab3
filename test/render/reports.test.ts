import { test } from 'uvu';
import * as assert from 'uvu/assert';
import stringWidth from 'string-width';
import { history, seriesTable, stalledItems, suggestAliases } from '../../src/analyze/index.js';
import type { Observation, ReportMeasures } from '../../src/model/types.js';
import * as R from '../../src/render/index.js';
import { rep } from '../analyze/helpers.js';

const none = new Map<string, string>();
const reports = [
  rep('2031-W10', [['审批流', 20], ['报表中心', 5, '前端']], 'a'),
  rep('2031-W11', [['审批流', 35], ['报表中心', 5, '前端']], 'a'),
  rep('2031-W13', [['审批流', 35], ['报表中心', 5, '前端']], 'a'),
];

test('stalled text: exact table and one line per item; every table line has the same display width', () => {
  const s = stalledItems(reports, { asOf: '2031-W13', minReports: 2, aliases: none });
  const text = R.stalledAsText(s);
  assert.is(
    text,
    [
      'Stalled as of 2031-W13: no increase in 2 or more reports',
      '',
      'Team  Project   Metric   %  Reports  Weeks  Since',
      '----  --------  ------  --  -------  -----  --------',
      'a     报表中心  前端     5        3      4  2031-W10',
      'a     审批流            35        2      3  2031-W11',
      '',
      'stalled [a] 报表中心 / 前端: 5% since 2031-W10, 3 reports over 4 calendar weeks',
      'stalled [a] 审批流: 35% since 2031-W11, 2 reports over 3 calendar weeks',
      '',
    ].join('\n'),
  );
  // The last column is left-aligned and trimmed: rows and separator share one width, the header is shorter.
  const table = text.split('\n').slice(3, 6);
  assert.equal(table.map((l) => stringWidth(l)), [52, 52, 52]);
  const v = JSON.parse(R.stalledAsJson(s));
  assert.equal(Object.keys(v), ['asOf', 'weeks', 'items']);
  assert.equal(v.items[0], {
    project: '报表中心', metric: '前端', percent: 5, reports: 3, since: '2031-W10', team: 'a', lastChanged: '2031-W10', calendarWeeks: 4,
  });
  assert.is(R.stalledAsText({ asOf: '2031-W13', weeks: 2, items: [] }).split('\n')[2], 'nothing stalled');
});

test('series CSV: wide, one column per week, numbers unquoted, BOM and CRLF', () => {
  const t = seriesTable(
    [...reports, rep('2031-W13', [['=cmd|calc', 10], ['回退', 40]], 'b'), rep('2031-W11', [['回退', 50]], 'b')],
    { aliases: none },
  );
  assert.is(
    R.seriesAsCsv(t),
    '\uFEFF' +
      [
        'team,project,metric,kind,2031-W10,2031-W11,2031-W13,delta,status',
        'a,审批流,,progress,20,35,35,0,stalled',
        'a,报表中心,前端,progress,5,5,5,0,stalled',
        "b,'=cmd|calc,,progress,,,10,,new",
        'b,回退,,progress,,50,40,-10,regressed',
        '',
      ].join('\r\n'),
  );
  const md = R.seriesAsMarkdown(t);
  assert.match(md, /^\| Team \| Project \| Metric \| Kind \| 2031-W10 \| 2031-W11 \| 2031-W13 \| Δ \| Status \|$/m);
  assert.match(md, /\| b \| =cmd\\\|calc \|/);
  assert.equal(JSON.parse(R.seriesAsJson(t)).weeks, ['2031-W10', '2031-W11', '2031-W13']);
});

const observation = (o: Partial<Observation>): Observation => ({
  project: '审批流', metric: null, percent: 35, kind: 'progress', line: 7, section: ['本周进展', '流程'], text: '审批流 35%', ...o,
});

test('observations CSV and JSON: long rows with evidence; text cells neutralised, fractions kept', () => {
  const rows = R.toExportObservations([
    { week: '2031-W11', date: '2031-03-14', team: 'a', source: 'a/w11.md', observations: [observation({ done: 7, total: 20 })] },
    { week: '2031-W11', date: null, team: '', source: 'w11.md', observations: [observation({ project: '@SUM(A1)', text: '+1 "引号", 逗号' })] },
  ]);
  const s = R.observationsAsCsv(rows);
  const lines = s.slice(1).split('\r\n');
  assert.is(lines[0], 'week,date,team,project,metric,kind,percent,done,total,section,file,line,text');
  assert.is(lines[1], '2031-W11,2031-03-14,a,审批流,,progress,35,7,20,本周进展 / 流程,a/w11.md,7,审批流 35%');
  assert.is(lines[2], `2031-W11,,,'@SUM(A1),,progress,35,,,本周进展 / 流程,w11.md,7,"'+1 ""引号"", 逗号"`);
  const j = JSON.parse(R.observationsAsJson(rows));
  assert.equal(j[0], {
    week: '2031-W11', date: '2031-03-14', team: 'a', project: '审批流', metric: null, percent: 35, kind: 'progress',
    section: ['本周进展', '流程'], text: '审批流 35%', source: { file: 'a/w11.md', line: 7 }, done: 7, total: 20,
  });
  assert.not.ok('done' in j[1]);
  assert.ok(Array.isArray(j));
});

test('history text: rows per week and wdiff-style narrative lines; colour replaces the brackets', () => {
  const withText = (r: ReportMeasures, f: (p: string, n: number) => string) => ({
    ...r,
    measures: r.measures.map((m) => ({ ...m, section: [], text: f(m.project, m.percent) })),
  });
  const h = history(
    [withText(reports[0]!, (p, n) => `${p} 进度${n}%`), withText(reports[1]!, (p, n) => `${p}：联调 进度${n}%`)],
    '审批流',
    { aliases: none },
  );
  const text = R.historyAsText(h);
  assert.is(
    text,
    [
      '[a] 审批流',
      'Week       %    Δ  Status    As written',
      '--------  --  ---  --------  ----------',
      '2031-W10  20    —  new       审批流',
      '2031-W11  35  +15  advanced  审批流',
      '',
      'Changes:',
      '  2031-W11: 审批流{+：联调+} 进度[-20-]{+35+}%',
      '',
    ].join('\n'),
  );
  assert.match(R.historyAsText(h, { color: true }), '进度\u001b[31m20\u001b[0m\u001b[32m35\u001b[0m%');
  assert.match(R.historyAsHtml(h), '进度<del>20</del><ins>35</ins>%');
  assert.is(R.historyAsText({ query: '无', exact: false, items: [] }), 'no item matches "无"\n');
});

test('suggestions: table, evidence and the command to accept, shell-quoted', () => {
  const s = suggestAliases([rep('2031-W20', [["云盘同步 'β'", 40]]), rep('2031-W21', [['云盘同步', 45]])], { aliases: none });
  assert.is(s.length, 1);
  const text = R.suggestionsAsText(s);
  assert.match(text, `  milestones alias add '云盘同步 '\\''β'\\''' 云盘同步\n`);
  assert.match(text, '2031-W20 40% → 2031-W21 45%');
  assert.is(R.suggestionsAsText([]), 'no rename candidates\n');
  assert.equal(Object.keys(JSON.parse(R.suggestionsAsJson(s)).suggestions[0]), ['from', 'to', 'team', 'score', 'evidence']);
});

test('weeks, show and check: aligned text tables and the JSON shapes of DESIGN.md', () => {
  const w = R.toWeeksData([
    { week: '2031-W11', date: null, team: '支付组', source: 'b.md', progress: 12, kpi: 0 },
    { week: '2031-W10', date: '2031-03-07', team: '', source: 'a.md', progress: 3, kpi: 1 },
  ]);
  assert.equal(JSON.parse(R.weeksAsJson(w)).weeks[0], { week: '2031-W10', date: '2031-03-07', team: '', source: 'a.md', progress: 3, kpi: 1 });
  const wl = R.weeksAsText(w).trimEnd().split('\n');
  assert.equal(new Set(wl.map((l) => stringWidth(l))).size, 1);

  const show = R.toShowData('2031-W11', [
    { source: 'w11.md', date: '2031-03-14', team: '', observations: [observation({ line: 9 }), observation({ project: '小程序改版', metric: '设计', percent: 60, line: 3, section: ['本周进展'] })] },
  ]);
  const sj = JSON.parse(R.showAsJson(show));
  assert.equal(Object.keys(sj), ['week', 'reports', 'items']);
  assert.equal(sj.items[0].source, { file: 'w11.md', line: 3 });
  const st = R.showAsText(show);
  assert.match(st, /^本周进展\nLine  Project     Metric   %  Kind      Done\n/m);
  assert.match(st, /^本周进展 › 流程$/m);

  const check: R.CheckData = {
    files: [{
      file: 'w11.md', week: '2031-W11', date: null,
      findings: [
        { line: 3, match: '６０％', verdict: 'progress', project: '小程序改版', metric: '设计', percent: 60 },
        { line: 5, match: '99.9%', verdict: 'kpi', project: '成功率', percent: 99.9, reason: '成功率 is an operating metric' },
        { line: 8, match: '%20', verdict: 'ignored', reason: 'URL escape' },
      ],
      warnings: [{ line: 4, message: 'fraction 3/4 disagrees with 60%' }],
    }],
  };
  const ct = R.checkAsText(check).split('\n');
  assert.is(ct[0], 'w11.md (2031-W11)');
  // The verdict column starts at the same display column on every row, whatever the width of the match.
  const verdictAt = ct.slice(3, 6).map((l) => stringWidth(l.slice(0, l.search(/progress|kpi|ignored/))));
  assert.equal(verdictAt, [14, 14, 14]);
  assert.is(ct[3], '   3  ６０％  progress  小程序改版 / 设计 = 60');
  assert.is(ct[5], '   8  %20     ignored   URL escape');
  assert.is(ct[6], 'warning: w11.md:4: fraction 3/4 disagrees with 60%');
});

test('every HTML renderer escapes report text', () => {
  const evil = '<script>alert("x")</script>';
  const bad = [rep('2031-W10', [[evil, 10, evil]], evil), rep('2031-W11', [[evil, 10, evil]], evil)];
  const obs = (week: string) => ({ week, date: null, team: evil, source: evil, observations: [observation({ project: evil, text: evil, section: [evil] })] });
  const pages = [
    R.stalledAsHtml(stalledItems(bad, { asOf: '2031-W11', minReports: 1, aliases: none })),
    R.seriesAsHtml(seriesTable(bad, { aliases: none })),
    R.historyAsHtml(history(bad, evil, { aliases: none })),
    R.weeksAsHtml(R.toWeeksData([{ week: '2031-W10', date: null, team: evil, source: evil, progress: 1, kpi: 0 }])),
    R.showAsHtml(R.toShowData('2031-W10', [obs('2031-W10')])),
    R.checkAsHtml({ files: [{ file: evil, week: null, date: null, findings: [{ line: 1, match: evil, verdict: 'ignored', reason: evil }], warnings: [] }] }),
    R.EXPORT_RENDERERS.html!({ series: seriesTable(bad, { aliases: none }), observations: R.toExportObservations([obs('2031-W10')]) }),
  ];
  for (const page of pages) {
    assert.not.match(page, '<script>');
    assert.match(page, '&lt;script&gt;');
  }
  assert.match(pages[0]!, 'alert(&quot;x&quot;)');
});

test('formats: percent and delta forms', () => {
  assert.equal([72.2, 69.29, 50, 0.1 + 0.2, 33.333].map(R.fmtPct), ['72.2', '69.29', '50', '0.3', '33.33']);
  assert.equal([10, -5, 0, -0.001, null].map(R.fmtDelta), ['+10', '-5', '0', '0', '—']);
  assert.is(R.neutralize('-5'), "'-5");
  assert.is(R.neutralize('\tx'), "'\tx");
  assert.is(R.neutralize('正常'), '正常');
});

test('CSV: a cell holding a lone CR is quoted (RFC 4180), so no spreadsheet splits the row', () => {
  const out = R.csv(['team', 'project'], [['\rCR', 'a\rb']]);
  assert.is(out, '\uFEFFteam,project\r\n"\'\rCR","a\rb"\r\n');
});

test.run();
