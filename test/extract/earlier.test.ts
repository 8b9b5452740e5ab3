// The earlier figure a line states as a change since last week, or as last week's level in words (src/extract/earlier.ts).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { statedEarlier } from '../../src/extract/earlier.js';
import { compileLexicon, extract } from '../../src/extract/index.js';
import { parseMarkdown } from '../../src/read/markdown.js';

const lexicon = compileLexicon();
const read = (line: string) => extract(parseMarkdown(`# 周报 2031-03-07\n\n## 项目进展\n\n${line}\n`, 'example.md'), { scheme: 'reporter', lexicon });

test('a change since the report before gives the earlier figure: points, both languages, both signs', () => {
  const cases: [string, number, number][] = [
    ['1. 网关改造：进度 55%（较上周+15pp），签名模块已联调', 55, 40],
    ['7. 画像服务：进度 30%，环比提升 10 个百分点', 30, 20],
    ['8. 用户分群：进度 40%（较上周 +5pp）', 40, 35],
    ['| 园区安防改造 | 50% | 较上周+20pp，摄像头安装过半 |', 50, 30],
    ['- 结算对账：62%，比上周下降 3 个百分点（数据回滚）', 62, 65],
    ['- 结算对账：62%（+4.5pp）', 62, 57.5],
    ['- Mobile deep links — 30% (was 20% last week)', 30, 20],
    ['- Checkout v3: 45%, up 10 pts from last week', 45, 35],
    ['- Checkout v3: 45% (+10pp WoW)', 45, 35],
  ];
  for (const [text, percent, prev] of cases) assert.is(statedEarlier(text, percent), prev, text);
});

test('no earlier figure: a relative change, a KPI change, a plan, or a result outside 0–100', () => {
  const cases: [string, number][] = [
    ['- 结算对账：进度 62%', 62],
    ['- 结算对账：进度 62%，DAU +12%', 62],
    ['- 结算对账：进度 62%，目标下周 +10pp', 62],
    ['- 结算对账：进度 5%（较上周+15pp）', 5],
    ['- Checkout v3: 45%, conversion up 3% this month', 45],
  ];
  for (const [text, percent] of cases) assert.is(statedEarlier(text, percent), undefined, text);
});

test('the extractor keeps it as prev of the line\'s one progress figure, never of two', () => {
  const one = read('- 网关改造：进度 55%（较上周+15pp）');
  assert.equal(one.observations.map((o) => [o.project, o.percent, o.prev]), [['网关改造', 55, 40]]);
  const two = read('- 网关改造 55%，签名服务 30%（较上周+15pp）');
  assert.ok(two.observations.length === 2 && two.observations.every((o) => o.prev === undefined), JSON.stringify(two.observations));
});

test.run();
