import { test } from 'uvu';
import * as assert from 'uvu/assert';
import stringWidth from 'string-width';
import { diffWeeks } from '../../src/analyze/diff.js';
import { DIFF_RENDERERS, diffAsCsv, diffAsHtml, diffAsJson, diffAsMarkdown, diffAsText } from '../../src/render/diff.js';
import { pickRenderer } from '../../src/render/format.js';
import { UsageError } from '../../src/model/errors.js';
import { rep } from '../analyze/helpers.js';

const none = new Map<string, string>();
const d = diffWeeks(
  [
    rep('2031-W10', [['支付网关重构', 30, '前端'], ['对账', 100], ['票据', 45.5], ['成功率', 99.9, null, 'kpi']]),
    rep('2031-W11', [['支付网关重构', 45, '前端'], ['对账', 90], ['API', 72.2], ['成功率', 99.95, null, 'kpi']]),
  ],
  { from: '2031-W10', to: '2031-W11', aliases: none },
);

test('text: exact table, aligned for double-width characters, with a status summary and a KPI table', () => {
  const text = diffAsText(d);
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
      '成功率           99.9  99.95  +0.05  advanced',
      '',
    ].join('\n'),
  );
  // Every row of a table ends its numeric columns at the same display column.
  const rows = text.split('\n').slice(2, 8);
  const ends = rows.map((l) => stringWidth(l.slice(0, l.lastIndexOf('  ') )));
  assert.is(new Set(ends).size, 1);
});

test('text: colour only when asked, and alignment ignores ANSI codes', () => {
  assert.not.match(diffAsText(d), /\u001b\[/);
  const coloured = diffAsText(d, { color: true });
  assert.match(coloured, /\u001b\[31mregressed\u001b\[0m/);
  assert.match(coloured, /\u001b\[35mdropped\u001b\[0m/);
  const plainLines = diffAsText(d).split('\n');
  const colourLines = coloured.split('\n');
  assert.equal(colourLines.map((l) => stringWidth(l)), plainLines.map((l) => stringWidth(l)));
});

test('json: the DESIGN.md shape, pretty-printed with a trailing newline', () => {
  const s = diffAsJson(d);
  assert.ok(s.endsWith('}\n'));
  assert.ok(s.startsWith('{\n  "from": "2031-W10",\n  "to": "2031-W11",\n  "items": [\n    {\n      "project": '));
  const v = JSON.parse(s);
  assert.equal(v.items[1], { project: '票据', metric: null, kind: 'progress', from: 45.5, to: null, delta: null, status: 'dropped', team: '' });
  assert.equal(Object.keys(v.items[0]).slice(0, 7), ['project', 'metric', 'kind', 'from', 'to', 'delta', 'status']);
});

test('csv: BOM, CRLF, numbers stay numbers, formula-looking text is neutralised', () => {
  const evil = diffWeeks(
    [rep('2031-W10', [['=HYPERLINK("http://x","y")', 50], ['-宣传', 20]]), rep('2031-W11', [['=HYPERLINK("http://x","y")', 45], ['-宣传', 20]])],
    { from: '2031-W10', to: '2031-W11', aliases: none },
  );
  const s = diffAsCsv(evil);
  assert.ok(s.startsWith('\uFEFFteam,project,metric,kind,from,to,delta,status\r\n'));
  assert.ok(s.endsWith('\r\n'));
  const lines = s.slice(1).split('\r\n');
  assert.is(lines[1], `,"'=HYPERLINK(""http://x"",""y"")",,progress,50,45,-5,regressed`);
  assert.is(lines[2], `,'-宣传,,progress,20,20,0,stalled`);
});

test('markdown and html escape report text', () => {
  const bad = diffWeeks(
    [rep('2031-W10', [['<script>alert(1)</script>', 10]]), rep('2031-W11', [['<script>alert(1)</script>', 20, 'a|b']])],
    { from: '2031-W10', to: '2031-W11', aliases: none },
  );
  const html = diffAsHtml(bad);
  assert.not.match(html, /<script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.ok(html.startsWith('<!doctype html>'));
  const md = diffAsMarkdown(bad);
  assert.not.match(md, /<script>/);
  assert.match(md, /a\\\|b/);
  assert.match(diffAsMarkdown(d), /^\| Project \| Metric \| Kind \| From \| To \| Δ \| Status \|$/m);
});

test('renderer map: known names, and an unknown format lists them', () => {
  assert.equal(Object.keys(DIFF_RENDERERS), ['text', 'json', 'csv', 'md', 'html']);
  assert.is(pickRenderer(DIFF_RENDERERS, 'json', 'diff'), diffAsJson);
  try {
    pickRenderer(DIFF_RENDERERS, 'xml', 'diff');
    assert.unreachable();
  } catch (e) {
    assert.instance(e, UsageError);
    assert.match((e as UsageError).format(), 'known formats: text, json, csv, md, html');
  }
});

test.run();
