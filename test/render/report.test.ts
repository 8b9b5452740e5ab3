// The planning page as a string: self-contained, every piece of report text escaped, status words written, print and dark-mode rules.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { forecast } from '../../src/analyze/forecast.js';
import { planningReport, wordChanges, type PlanItem } from '../../src/analyze/report.js';
import { render } from '../../src/render/formats.js';
import { REPORT } from '../../src/render/report.js';
import { sparkText } from '../../src/render/format.js';

const evil = '<script>alert(1)</script>&"\'';

function sample() {
  const weeks = ['2031-W10', '2031-W11', '2031-W12'];
  return planningReport({
    from: weeks[0]!,
    to: weeks[2]!,
    prev: weeks[1]!,
    today: '2031-03-21',
    aliases: new Map(),
    reports: weeks.map((week, i) => ({ team: evil, week, day: `2031-03-0${7 + 0 * i}`.replace('07', String(7 + 7 * i).padStart(2, '0')) })),
    series: {
      weeks,
      rows: [
        { team: evil, project: evil, metric: null, kind: 'progress', values: [10, 20, 30], delta: 10, status: 'advanced' },
        { team: evil, project: '网关', metric: null, kind: 'progress', values: [50, null, 40], delta: null, status: 'regressed' },
        { team: evil, project: '成功率', metric: null, kind: 'kpi', values: [99.9, 99.8, 99.9], delta: 0.1, status: 'advanced' },
      ],
    },
    forecasts: [forecast([{ date: '2031-03-07', percent: 10 }, { date: '2031-03-14', percent: 20 }, { date: '2031-03-21', percent: 30 }], '2031-04-01', '2031-03-21'), null, null],
    diff: {
      from: weeks[1]!,
      to: weeks[2]!,
      items: [
        { team: evil, project: '网关', metric: null, kind: 'progress', from: 50, to: 40, delta: -10, status: 'regressed' },
        { team: evil, project: evil, metric: null, kind: 'progress', from: 20, to: 30, delta: 10, status: 'advanced' },
        { team: evil, project: '成功率', metric: null, kind: 'kpi', from: 99.8, to: 99.9, delta: 0.1, status: 'advanced' },
      ],
      counts: { regressed: 1, advanced: 1 } as never,
      kpiCounts: { advanced: 1 } as never,
      missing: [],
    },
    stalled: { asOf: weeks[2]!, weeks: 2, items: [] },
    evidence: (_team, week) => ({
      source: `${evil}.md`,
      observations: [{ project: evil, metric: null, percent: week === weeks[2] ? 30 : 20, kind: 'progress', line: 3, section: [], text: week === weeks[2] ? `${evil}，进度30%，风险已解除` : `${evil}，进度20%，存在风险` }],
    }),
  });
}

test('every piece of report text is escaped; nothing can run or load', () => {
  const html = render(REPORT, sample(), 'html').text as string;
  assert.not.ok(html.includes('<script>'), 'no raw script tag');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;'));
  assert.not.match(html, /<link|<img|@import|url\(|https?:/i);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('status words are written, slipping beside the status; KPIs apart; print and colour-scheme rules', () => {
  const html = render(REPORT, sample(), 'html').text as string;
  assert.match(html, />regressed<\/span>/);
  assert.match(html, />advanced<\/span> <span class="st st-slipping">slipping<\/span>/);
  assert.match(html, /<h3>KPI<\/h3><table class="kpis">/);
  assert.not.match(html.split('<table class="kpis">')[0]!.split('<table class="items">')[1]!, /成功率/);
  assert.match(html, /@page\{size:A4 landscape/);
  assert.match(html, /section\.team\{break-before:page\}/);
  assert.match(html, /prefers-color-scheme:dark/);
});

test('needs attention: the regressed and the slipping item, with file:line', () => {
  const r = sample();
  assert.equal(r.attention.map((i: PlanItem) => i.project), ['网关', evil]);
  const html = render(REPORT, r, 'html').text as string;
  const attention = html.split('<section id="attention">')[1]!.split('</section>')[0]!;
  assert.match(attention, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;&quot;&#39;\.md:3/);
});

test('the word diff cuts Chinese into words, not characters', () => {
  const cs = wordChanges('支付网关，进度20%，存在风险', '支付网关，进度30%，风险已解除');
  const removed = cs.filter((c) => c.removed).map((c) => c.value);
  const added = cs.filter((c) => c.added).map((c) => c.value);
  assert.ok(removed.includes('存在') || removed.join('').includes('存在'), JSON.stringify(cs));
  assert.ok(added.join('').includes('解除'));
  // Whole words: no change is a lone character of a two-character word.
  assert.not.ok(cs.some((c) => (c.added || c.removed) && c.value === '存'));
  assert.ok(cs.some((c) => !c.added && !c.removed && c.value.includes('支付')));
});

test('sparklines: one dot per figure, a gap breaks the line; text bars on the 0–100 scale', () => {
  const html = render(REPORT, sample(), 'html').text;
  // 网关 has figures in W10 and W12, none in W11.
  const row = html.split('\n').find((l) => l.startsWith('<tr><td>网关</td>'))!;
  const svg = /<svg class="spark"[^]*?<\/svg>/.exec(row)![0];
  assert.is((svg.match(/h0/g) ?? []).length, 2);
  assert.match(svg, /data-points="2"/);
  // The line restarts after the gap: two M commands in the line path.
  assert.is((/class="l" d="([^"]*)"/.exec(svg)![1]!.match(/M/g) ?? []).length, 2);
  assert.is(sparkText([0, 50, 100, null, 60]), '▁▅█ ▅');
});

test('text, Markdown and JSON carry the same items', () => {
  const r = sample();
  const text = render(REPORT, r, 'text').text as string;
  assert.match(text, /Needs attention/);
  assert.match(text, /regressed/);
  assert.match(text, /advanced, slipping/);
  const md = render(REPORT, r, 'md').text as string;
  assert.match(md, /\| 网关 \|/);
  const json = JSON.parse(render(REPORT, r, 'json').text as string);
  assert.is(json.teams[0].items.length, 2);
  assert.is(json.teams[0].kpis.length, 1);
});

test.run();
