import { test } from 'uvu';
import * as assert from 'uvu/assert';
import stringWidth from 'string-width';
import { diffWeeks, history, seriesTable, stalledItems, suggestAliases } from '../../src/analyze/index.js';
import type { Observation, ReportMeasures } from '../../src/model/types.js';
import * as R from '../../src/render/index.js';
import { rep } from '../analyze/helpers.js';

const none = new Map<string, string>();
const reports = [
  rep('2031-W10', [['审批流', 20], ['报表中心', 5, '前端']], 'a'),
  rep('2031-W11', [['审批流', 35], ['报表中心', 5, '前端']], 'a'),
  rep('2031-W13', [['审批流', 35], ['报表中心', 5, '前端']], 'a'),
];
const text = <T>(type: R.ReportType<T>, data: T, opts?: R.RenderOptions) => R.render(type, data, 'text', opts).text;
const as = <T>(format: R.FormatName, type: R.ReportType<T>, data: T, opts?: R.RenderOptions) => R.render(type, data, format, opts).text;

test('stalled text: one table, no sentence repeating it; the week of the last increase and of the last change', () => {
  const s = stalledItems(
    [...reports, rep('2031-W10', [['回退', 80]], 'b'), rep('2031-W11', [['回退', 80]], 'b'), rep('2031-W13', [['回退', 72]], 'b')],
    { asOf: '2031-W13', minReports: 2, aliases: none },
  );
  const out = text(R.STALLED, s);
  assert.is(
    out,
    [
      'Stalled as of 2031-W13: no increase in 2 or more reports',
      '',
      'Team  Project   Metric  Trend   %  Reports  Weeks  No increase since  Last changed',
      '----  --------  ------  -----  --  -------  -----  -----------------  ------------',
      'a     报表中心  前端    ▁▁▁     5        3      4  2031-W10           2031-W10',
      'b     回退              ▇▇▆    72        3      4  2031-W10           2031-W13',
      'a     审批流            ▂▃▃    35        2      3  2031-W11           2031-W11',
      '',
    ].join('\n'),
  );
  // Nothing is said twice: each item appears on exactly one line.
  for (const name of ['报表中心', '回退', '审批流']) assert.is(out.split(name).length - 1, 1, name);
  const table = out.split('\n').slice(4, 7);
  assert.equal(new Set(table.map((l) => stringWidth(l))).size, 1);
  const v = JSON.parse(as('json', R.STALLED, s));
  assert.equal(Object.keys(v), ['asOf', 'weeks', 'items']);
  assert.equal(v.items[0], {
    project: '报表中心', metric: '前端', percent: 5, reports: 3, since: '2031-W10', team: 'a', lastChanged: '2031-W10', calendarWeeks: 4,
    trend: [{ week: '2031-W10', percent: 5 }, { week: '2031-W11', percent: 5 }, { week: '2031-W13', percent: 5 }],
  });
  assert.is(text(R.STALLED, { asOf: '2031-W13', weeks: 2, items: [] }).split('\n')[2], 'nothing stalled');
});

test('export CSV: wide, one column per week, numbers unquoted, BOM and CRLF', () => {
  const t = seriesTable(
    [...reports, rep('2031-W13', [['=cmd|calc', 10], ['回退', 40]], 'b'), rep('2031-W11', [['回退', 50]], 'b')],
    { aliases: none },
  );
  assert.is(
    as('csv', R.EXPORT, { long: false, series: t }),
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
  const md = as('md', R.EXPORT, { long: false, series: t });
  // Team is shown when some row names one.
  assert.match(md, /^\| Team \| Project \| Metric \| 2031-W10 \| 2031-W11 \| 2031-W13 \| Δ \| Status \|$/m);
  assert.match(md, /\| b \| =cmd\\\|calc \|/);
  const r = R.render(R.EXPORT, { long: false, series: t }, 'csv');
  assert.equal([r.rows, r.columns], [4, 9]);
});

test('export: KPIs are a section of their own in the display formats', () => {
  const t = seriesTable([rep('2031-W10', [['审批流', 20], ['成功率', 99, null, 'kpi']]), rep('2031-W11', [['审批流', 30], ['成功率', 98, null, 'kpi']])], {
    aliases: none,
  });
  const out = text(R.EXPORT, { long: false, series: t });
  assert.match(out, /审批流[^\n]*\n\nKPI\n[^\n]*\n[^\n]*\n成功率/);
  assert.not.match(out.split('KPI')[0]!, '成功率');
});

const observation = (o: Partial<Observation>): Observation => ({
  project: '审批流', metric: null, percent: 35, kind: 'progress', line: 7, section: ['本周进展', '流程'], text: '审批流 35%', ...o,
});

test('export --long CSV and export JSON: long rows with evidence; text cells neutralised, fractions kept', () => {
  const rows = R.toExportObservations([
    { week: '2031-W11', date: '2031-03-14', team: 'a', source: 'a/w11.md', observations: [observation({ done: 7, total: 20 })] },
    { week: '2031-W11', date: null, team: '', source: 'w11.md', observations: [observation({ project: '@SUM(A1)', text: '+1 "引号", 逗号' })] },
  ]);
  const s = as('csv', R.EXPORT, { long: true, observations: rows });
  const lines = s.slice(1).split('\r\n');
  assert.is(lines[0], 'week,date,team,project,metric,kind,percent,done,total,section,file,line,text');
  assert.is(lines[1], '2031-W11,2031-03-14,a,审批流,,progress,35,7,20,本周进展 / 流程,a/w11.md,7,审批流 35%');
  assert.is(lines[2], `2031-W11,,,'@SUM(A1),,progress,35,,,本周进展 / 流程,w11.md,7,"'+1 ""引号"", 逗号"`);
  const j = JSON.parse(as('json', R.EXPORT, { long: false, observations: rows }));
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
  assert.is(
    text(R.HISTORY, h),
    [
      '[a] 审批流  ▂▃',
      'Week       %    Δ  Status    As written',
      '--------  --  ---  --------  ----------',
      '2031-W10  20    —  new       审批流',
      '2031-W11  35  +15  advanced  审批流',
      '',
      'Changes',
      '  2031-W11: 审批流{+：联调+} 进度[-20-]{+35+}%',
      '',
    ].join('\n'),
  );
  assert.match(text(R.HISTORY, h, { color: true }), '进度\u001b[31m20\u001b[0m\u001b[32m35\u001b[0m%');
  assert.match(as('html', R.HISTORY, h), '进度<del>20</del><ins>35</ins>%');
  assert.match(as('md', R.HISTORY, h), '进度~~20~~**35**%');
  assert.is(text(R.HISTORY, { query: '无', exact: false, items: [] }), 'no item matches "无"\n');
  const csv = as('csv', R.HISTORY, h).slice(1).split('\r\n');
  assert.is(csv[0], 'team,project,metric,kind,week,percent,delta,status,written,file,line,text');
  assert.is(csv[2], 'a,审批流,,progress,2031-W11,35,15,advanced,审批流,a/2031-W11.md,1,审批流：联调 进度35%');
});

test('suggestions: table, evidence and the command to accept, shell-quoted; after --apply, what was recorded instead', () => {
  // (`云盘同步 'β'` → `云盘同步` would be one item already: a part added to a name does not split it.)
  const s = suggestAliases([rep('2031-W20', [["云盘同步 'β'", 40]]), rep('2031-W21', [['云盘同步服务', 45]])], { aliases: none });
  assert.is(s.length, 1);
  const out = text(R.SUGGESTIONS, { suggestions: s, applied: false });
  assert.match(out, `To accept one:\n  milestones alias add '云盘同步 '\\''β'\\''' 云盘同步服务\n`);
  assert.match(out, '2031-W20 40% → 2031-W21 45%');
  const applied = text(R.SUGGESTIONS, { suggestions: s, applied: true });
  assert.not.match(applied, 'To accept');
  assert.not.match(applied, 'alias add');
  assert.match(applied, "Recorded 1 alias:\n  云盘同步 'β' → 云盘同步服务\n");
  assert.is(text(R.SUGGESTIONS, { suggestions: [], applied: false }), 'no rename candidates\n');
  assert.equal(Object.keys(JSON.parse(as('json', R.SUGGESTIONS, { suggestions: s, applied: false })).suggestions[0]), ['from', 'to', 'team', 'score', 'evidence']);
  assert.match(as('md', R.SUGGESTIONS, { suggestions: s, applied: false }), "- `milestones alias add '云盘同步 '\\''β'\\''' 云盘同步服务`");
});

test('weeks, show and check: aligned text tables and the JSON shapes of DESIGN.md', () => {
  const w = R.toWeeksData([
    { week: '2031-W11', date: null, team: '支付组', source: 'b.md', progress: 12, kpi: 0 },
    { week: '2031-W10', date: '2031-03-07', team: '', source: 'a.md', progress: 3, kpi: 1 },
  ]);
  assert.equal(JSON.parse(as('json', R.WEEKS, w)).weeks[0], { week: '2031-W10', date: '2031-03-07', team: '', source: 'a.md', progress: 3, kpi: 1 });
  const wl = text(R.WEEKS, w).trimEnd().split('\n');
  assert.equal(new Set(wl.map((l) => stringWidth(l))).size, 1);
  assert.is(as('csv', R.WEEKS, w).slice(1).split('\r\n')[0], 'week,date,team,source,progress,kpi');

  const show = R.toShowData('2031-W11', [
    { source: 'w11.md', date: '2031-03-14', team: '', observations: [observation({ line: 9 }), observation({ project: '小程序改版', metric: '设计', percent: 60, line: 3, section: ['本周进展'] })] },
  ]);
  const sj = JSON.parse(as('json', R.SHOW, show));
  assert.equal(Object.keys(sj), ['week', 'reports', 'items']);
  assert.equal(sj.items[0].source, { file: 'w11.md', line: 3 });
  const st = text(R.SHOW, show);
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
  const ct = text(R.CHECK, check).split('\n');
  assert.is(ct[0], 'w11.md (2031-W11)');
  // The verdict column starts at the same display column on every row, whatever the width of the match.
  const verdictAt = ct.slice(3, 6).map((l) => stringWidth(l.slice(0, l.search(/progress|kpi|ignored/))));
  assert.equal(verdictAt, [14, 14, 14]);
  assert.is(ct[3], '   3  ６０％  progress  小程序改版 / 设计 = 60');
  assert.is(ct[5], '   8  %20     ignored   URL escape');
  assert.is(ct[7], 'warning: w11.md:4: fraction 3/4 disagrees with 60%');
});

// ------------------------------------------------------------------ every report, every format

const evil = '<script>alert("x")</script>';
const bad = [rep('2031-W10', [[evil, 10, evil]], evil), rep('2031-W11', [[evil, 10, evil]], evil)];
const obs = (week: string, o: Partial<Observation> = {}) => ({
  week, date: null, team: evil, source: evil, observations: [observation({ project: evil, text: evil, section: [evil], ...o })],
});

/** One sample of every report type, built from the given reports. */
function samples(rs: ReportMeasures[], name: string, observations: ReturnType<typeof obs>[]): [R.ReportType<never>, unknown][] {
  const [a, b] = [rs[0]!.week, rs[rs.length - 1]!.week];
  return [
    [R.DIFF, diffWeeks(rs, { from: a, to: b, aliases: none })],
    [R.STALLED, stalledItems(rs, { asOf: b, minReports: 1, aliases: none })],
    [R.EXPORT, { long: false, series: seriesTable(rs, { aliases: none }), observations: R.toExportObservations(observations) }],
    [R.EXPORT, { long: true, observations: R.toExportObservations(observations) }],
    [R.HISTORY, history(rs, name, { aliases: none })],
    [R.WEEKS, R.toWeeksData(rs.map((r) => ({ week: r.week, date: null, team: r.team, source: r.source ?? name, progress: 1, kpi: 0 })))],
    [R.SHOW, R.toShowData(a, observations)],
    [R.CHECK, { files: [{ file: name, week: null, date: null, findings: [{ line: 1, match: name, verdict: 'ignored', reason: name }], warnings: [] }] }],
    [R.ALIASES, { aliases: [{ name, canonical: name, from: 'database' }] }],
    [R.SUGGESTIONS, { suggestions: [{ from: name, to: name, team: name, score: 0.7, evidence: { lastSeen: a, firstSeen: b, fromPercent: 1, toPercent: 2, nameSimilarity: 0.5, continuity: 0.9, position: 1 } }], applied: false }],
  ] as [R.ReportType<never>, unknown][];
}

test('every report type renders in every format', () => {
  const all = samples(reports, '审批流', [obs('2031-W10')]);
  assert.is(new Set(all.map(([t]) => t)).size, 9);
  for (const [type, data] of all) {
    for (const f of R.FORMAT_NAMES) {
      const out = R.render(type, data as never, f).text;
      assert.ok(out.endsWith('\n') && out.length > 10, `${type.name} as ${f}`);
      if (f === 'json') JSON.parse(out);
    }
  }
});

test('one column specification: text, Markdown and HTML show the same headers in the same order', () => {
  for (const [type, data] of samples(reports, '审批流', [obs('2031-W10')])) {
    const textHeader = R.render(type, data as never, 'text').text.split('\n').find((l, i, all) => /^-+(  -+)*$/.test(all[i + 1] ?? ''));
    const mdHeader = R.render(type, data as never, 'md').text.split('\n').find((l, i, all) => /^\| (-|---:)/.test(all[i + 1] ?? ''));
    const htmlHeader = /<thead><tr>(.*?)<\/tr><\/thead>/.exec(R.render(type, data as never, 'html').text)?.[1];
    assert.ok(textHeader && mdHeader && htmlHeader, type.name);
    const fromText = textHeader!.trim().split(/\s{2,}/);
    const fromMd = mdHeader!.slice(2, -2).split(' | ').filter((h) => h !== '');
    const fromHtml = [...htmlHeader!.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!).filter((h) => h !== '');
    assert.equal(fromMd, fromText, `${type.name}: md`);
    assert.equal(fromHtml, fromText, `${type.name}: html`);
  }
});

test('every HTML and Markdown rendering escapes report text', () => {
  for (const [type, data] of samples(bad, evil, [obs('2031-W10')])) {
    const page = as('html', type, data as never);
    assert.not.match(page, '<script>', type.name);
    assert.match(page, '&lt;script&gt;', type.name);
    // Inside a code span (a command to copy) Markdown shows text literally.
    assert.not.match(as('md', type, data as never).replace(/`[^`\n]*`/g, ''), '<script>', type.name);
  }
});

const CONTROL = 'fake\u001b[2J\nadded 2099-W01 \u202eevil\u200b.md\u0007';

test('control characters in names and evidence: escaped in every display format; data formats keep the value, JSON inertly', () => {
  const rs = [rep('2031-W10', [[CONTROL, 10]], CONTROL), rep('2031-W11', [[CONTROL, 10]], CONTROL)];
  for (const [type, data] of samples(rs, CONTROL, [obs('2031-W10', { project: CONTROL, text: CONTROL, section: [CONTROL] })])) {
    for (const f of ['text', 'md', 'html'] as const) {
      const out = as(f, type, data as never, { color: true });
      assert.not.match(out, /[\u0007\u200b\u202e]|\u001b\[2J/, `${type.name} as ${f}`);
      assert.not.match(out, /^added 2099/m, `${type.name} as ${f}: a newline in a name forged a line`);
      if (f === 'text') assert.match(out, 'fake\\x1b[2J\\nadded 2099-W01 \\u202eevil\\u200b.md\\x07', `${type.name} as text`);
    }
    const json = as('json', type, data as never);
    assert.not.match(json, /[\u0000-\u0009\u000b-\u001f\u007f\u200b\u202e]/, `${type.name} as json`);
    assert.match(JSON.stringify(JSON.parse(json)), JSON.stringify(CONTROL).slice(1, -1), `${type.name}: JSON keeps the value`);
    // CSV keeps text as written for a file, escapes it for a terminal.
    assert.match(as('csv', type, data as never), CONTROL, `${type.name} as csv`);
    assert.not.match(as('csv', type, data as never, { terminal: true }), /[\u0007\u001b\u200b\u202e]/, `${type.name} as csv on a terminal`);
  }
});

test('escapeControls: visible escapes for controls and invisible format characters; CJK and emoji untouched', () => {
  assert.is(R.escapeControls('a\tb\r\nc\u001b\u0085\u00ad'), 'a\\tb\\r\\nc\\x1b\\x85\\xad');
  assert.is(R.escapeControls('x\u202ey\u2066z\u200bw\ufeff\u2028'), 'x\\u202ey\\u2066z\\u200bw\\ufeff\\u2028');
  assert.is(R.escapeControls('\u{e0041}'), '\\u{e0041}');
  assert.is(R.escapeControls('支付网关重构 ６０％ 👩‍💻 ✅'), '支付网关重构 ６０％ 👩‍💻 ✅');
  assert.is(R.escapeControls('a\u200db'), 'a\\u200db');
});

test('formats: percent and delta forms', () => {
  assert.equal([72.2, 69.29, 50, 0.1 + 0.2, 33.333].map(R.fmtPct), ['72.2', '69.29', '50', '0.3', '33.33']);
  assert.equal([10, -5, 0, -0.001, null].map(R.fmtDelta), ['+10', '-5', '0', '0', '—']);
});

test('CSV neutralises formula starts, ASCII and full-width or small forms alike', () => {
  const cellOf = (text: string) => {
    const records = R.csv(['x'], [[text]]).slice(1).split('\r\n');
    return records[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"');
  };
  for (const cell of ['-5', '\tx', '=1+1', '+1', '@SUM(A1)', '＝cmd|\' /C calc\'!A0', '＋1', '－1', '＠SUM(A1)', '﹦1', '﹢1', '﹣1', '﹫x', ' =1', '\u3000＝1', '−1']) {
    assert.is(cellOf(cell), `'${cell}`, JSON.stringify(cell));
  }
  for (const cell of ['正常', '进度 50%', 'a=b', '（=）', '—']) assert.is(cellOf(cell), cell, JSON.stringify(cell));
  // Numbers are numbers, never text to neutralise.
  assert.is(R.csv(['x'], [[-5]]), '\uFEFFx\r\n-5\r\n');
});

test('CSV: a cell holding a lone CR is quoted (RFC 4180), so no spreadsheet splits the row', () => {
  const out = R.csv(['team', 'project'], [['\rCR', 'a\rb']]);
  assert.is(out, '\uFEFFteam,project\r\n"\'\rCR","a\rb"\r\n');
});

test.run();
