import { test } from 'uvu';
import * as assert from 'uvu/assert';
import stringWidth from 'string-width';
import { diffWeeks } from '../../src/analyze/diff.js';
import { DIFF } from '../../src/render/diff.js';
import { render } from '../../src/render/formats.js';
import type { RenderOptions } from '../../src/render/format.js';
import type { FormatName } from '../../src/render/format-names.js';
import { rep } from '../analyze/helpers.js';

const none = new Map<string, string>();
const d = diffWeeks(
  [
    rep('2031-W10', [['支付网关重构', 30, '前端'], ['对账', 100], ['票据', 45.5], ['成功率', 99.9, null, 'kpi']]),
    rep('2031-W11', [['支付网关重构', 45, '前端'], ['对账', 90], ['API', 72.2], ['成功率', 99.95, null, 'kpi']]),
  ],
  { from: '2031-W10', to: '2031-W11', aliases: none },
);
const as = (format: FormatName, data = d, opts?: RenderOptions) => render(DIFF, data, format, opts).text;

test('text: exact table, aligned for double-width characters, with a status summary and a KPI table', () => {
  const text = as('text');
  assert.is(
    text,
    [
      '2031-W10 → 2031-W11',
      '',
      'Project       Metric  From    To    Δ  Status',
      '------------  ------  ----  ----  ---  ---------',
      '对账                   100    90  -10  regressed',
      '票据                  45.5     —    —  dropped',
      'API                      —  72.2    —  new',
      '支付网关重构  前端      30    45  +15  advanced',
      '',
      '1 regressed · 1 dropped · 0 stalled · 1 new · 1 advanced · 0 completed',
      '',
      'KPI',
      'Project  Metric  From     To      Δ  Status',
      '-------  ------  ----  -----  -----  --------',
      '成功率           99.9  99.95  +0.05  improved',
      '',
    ].join('\n'),
  );
  // Every row of a table ends its numeric columns at the same display column.
  const rows = text.split('\n').slice(2, 8);
  const ends = rows.map((l) => stringWidth(l.slice(0, l.lastIndexOf('  '))));
  assert.is(new Set(ends).size, 1);
});

test('text: colour only when asked, and alignment ignores ANSI codes', () => {
  assert.not.match(as('text'), /\u001b\[/);
  const coloured = as('text', d, { color: true });
  assert.match(coloured, /\u001b\[31mregressed\u001b\[0m/);
  assert.match(coloured, /\u001b\[35mdropped\u001b\[0m/);
  const plainLines = as('text').split('\n');
  const colourLines = coloured.split('\n');
  assert.equal(colourLines.map((l) => stringWidth(l)), plainLines.map((l) => stringWidth(l)));
});

test('json: the DESIGN.md shape, pretty-printed with a trailing newline', () => {
  const s = as('json');
  assert.ok(s.endsWith('}\n'));
  assert.ok(s.startsWith('{\n  "from": "2031-W10",\n  "to": "2031-W11",\n  "items": [\n    {\n      "project": '));
  const v = JSON.parse(s);
  assert.equal(v.items[1], { project: '票据', metric: null, kind: 'progress', from: 45.5, to: null, delta: null, status: 'dropped', team: '' });
  assert.equal(Object.keys(v.items[0]).slice(0, 7), ['project', 'metric', 'kind', 'from', 'to', 'delta', 'status']);
  assert.equal(Object.keys(v), ['from', 'to', 'items', 'counts', 'kpiCounts', 'missing']);
});

test('csv: BOM, CRLF, numbers stay numbers, formula-looking text is neutralised', () => {
  const evil = diffWeeks(
    [rep('2031-W10', [['=HYPERLINK("http://x","y")', 50], ['-宣传', 20]]), rep('2031-W11', [['=HYPERLINK("http://x","y")', 45], ['-宣传', 20]])],
    { from: '2031-W10', to: '2031-W11', aliases: none },
  );
  const s = as('csv', evil);
  assert.ok(s.startsWith('\uFEFFteam,project,metric,kind,from,to,delta,status,note,due,slipping\r\n'));
  assert.ok(s.endsWith('\r\n'));
  const lines = s.slice(1).split('\r\n');
  assert.is(lines[1], `,"'=HYPERLINK(""http://x"",""y"")",,progress,50,45,-5,regressed,,,`);
  assert.is(lines[2], `,'-宣传,,progress,20,20,0,stalled,,,`);
});

test('csv: one table, progress rows then KPI rows, told apart by the kind column', () => {
  const lines = as('csv').slice(1).trimEnd().split('\r\n');
  assert.equal(lines.slice(1).map((l) => l.split(',')[3]), ['progress', 'progress', 'progress', 'progress', 'kpi']);
});

test('markdown and html escape report text', () => {
  const bad = diffWeeks(
    [rep('2031-W10', [['<script>alert(1)</script>', 10]]), rep('2031-W11', [['<script>alert(1)</script>', 20, 'a|b']])],
    { from: '2031-W10', to: '2031-W11', aliases: none },
  );
  const html = as('html', bad);
  assert.not.match(html, /<script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.ok(html.startsWith('<!doctype html>'));
  const md = as('md', bad);
  assert.not.match(md, /<script>/);
  assert.match(md, /a\\\|b/);
  assert.match(as('md'), /^\| Project \| Metric \| From \| To \| Δ \| Status \|$/m);
  // A signed change is not list markup inside a cell: it reads as written.
  assert.match(as('md'), /\| 30 \| 45 \| \+15 \| advanced \|/);
});

test('KPIs are a section of their own in every display format, never rows of the progress table', () => {
  const text = as('text');
  assert.ok(text.indexOf('\nKPI\n') > text.indexOf('支付网关重构'), text);
  const md = as('md');
  const mdKpi = md.indexOf('### KPI');
  assert.ok(mdKpi > md.indexOf('支付网关重构') && md.indexOf('成功率') > mdKpi, md);
  const html = as('html');
  const tables = html.split('<table>');
  assert.is(tables.length, 3, 'two tables');
  assert.not.match(tables[1]!, '成功率');
  assert.match(tables[2]!, '成功率');
  assert.match(html, /<h2>KPI<\/h2>\n<table>/);
});

test('teams without a report in one of the weeks: a section of the result, never dropped projects', () => {
  const teams = diffWeeks(
    [rep('2031-W10', [['审批流', 20]], 'a'), rep('2031-W11', [['审批流', 30]], 'a'), rep('2031-W10', [['报表中心', 50]], 'b')],
    { from: '2031-W10', to: '2031-W11', aliases: none },
  );
  const text = as('text', teams);
  assert.match(text, '\nNot compared (a missing report is not a dropped project)\n  team b: no report in 2031-W11\n');
  assert.not.match(text, /报表中心/);
  assert.not.match(text, /^note:/m);
  assert.match(as('md', teams), /### Not compared [^\n]*\n\n- team b: no report in 2031-W11\n/);
  assert.equal(JSON.parse(as('json', teams)).missing, [{ team: 'b', week: '2031-W11' }]);
});

test.run();
