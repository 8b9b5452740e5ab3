// Statement rules and the KPI direction rule beyond their examples (those run in rules.test.ts): remarks trimmed
// from names, configured words, sections that report nothing, one statement per line and subject.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileLexicon, extract } from '../../src/extract/index.js';
import { findRenames, stripRenameRemark } from '../../src/extract/rules/statement/stated-rename.js';
import { kpiDirection } from '../../src/extract/rules/direction/kpi-direction.js';
import { parseMarkdown } from '../../src/read/markdown.js';
import { readBytesAs } from '../../src/read/index.js';

const doc = (body: string) => parseMarkdown(`# 周报 2031-03-07\n\n## 项目进展\n\n${body}\n`, 'example.md');
const lexicon = compileLexicon();

test('a rename remark is no part of an observation\'s name; the rename is a statement with its line', () => {
  assert.is(stripRenameRemark('清结算中心（原“资金清分平台”）'), '清结算中心');
  assert.is(stripRenameRemark('Incremental OTA (renamed from OTA delta updates)'), 'Incremental OTA');
  assert.is(stripRenameRemark('原生App重构'), '原生App重构');
  const r = extract(doc('### 清结算中心（原“资金清分平台”）\n\n本周进度 60%，第一批规则完成 UAT。'), { scheme: 'reporter', lexicon });
  assert.equal(r.observations.map((o) => o.project), ['清结算中心']);
  assert.equal(r.statements.map((s) => [s.kind, s.formerly, s.subjects[0], s.line, s.rule]), [['renamed', '资金清分平台', '清结算中心', 5, 'stated-rename']]);
});

test('a ticked task box, in Markdown or Org, says the item is done; an open box or a partial launch says nothing', async () => {
  const md = extract(doc('- [x] 门店排班上线\n- [ ] 电子发票\n- [x] 会员中台灰度上线'), { scheme: 'reporter', lexicon });
  assert.equal(md.statements.map((s) => [s.kind, s.subjects, s.line]), [['completed', ['门店排班上线', '门店排班'], 5]]);
  const [part] = await readBytesAs(Buffer.from('#+TITLE: 周报\n#+DATE: 2031-03-07\n* 本周\n- [X] Billing export API\n- [-] Partner SSO\n- [ ] 电子发票\n'), 'w10.org');
  const org = extract(part!.document, { scheme: 'reporter', lexicon });
  assert.equal(org.statements.map((s) => [s.kind, s.subjects, s.line]), [['completed', ['Billing export API'], 4]]);
});

test('plans and conditions are no renames', () => {
  for (const line of ['- 清结算中心下月拟更名为资金中台', '- 原计划 10 月上线，推迟到 11 月', '- Ledger v3 will be renamed to Atlas next quarter']) assert.equal(findRenames(line), [], line);
});

test('the direction reaches observation and finding, and lowerIsBetterWords extends it', () => {
  const d = doc('## 运行指标\n\n- 支付差错率：0.05%\n- 代扣成功率：99.95%\n- 配送超区率：1.2%');
  const plain = extract(d, { scheme: 'reporter', lexicon });
  assert.equal(plain.observations.map((o) => [o.project, o.kind, o.direction ?? 'higher']), [
    ['支付差错率', 'kpi', 'lower'],
    ['代扣成功率', 'kpi', 'higher'],
    ['配送超区率', 'kpi', 'higher'],
  ]);
  assert.equal(plain.findings[0]!.direction, { rule: 'kpi-direction', word: '差错率' });
  const configured = extract(d, { scheme: 'reporter', lexicon: compileLexicon({ lowerIsBetterWords: ['超区率'] }) }).observations;
  assert.is(configured.find((o) => o.project === '配送超区率')!.direction, 'lower');
  assert.equal(kpiDirection('P99耗时'), { direction: 'lower', word: '耗时' });
  assert.is(kpiDirection('crash-free sessions'), undefined);
});

test('sections that report nothing (next week\'s plan) state nothing', () => {
  const r = extract(parseMarkdown('# 周报 2031-03-07\n\n## 项目进展\n\n- 历史账单回迁：90%\n\n## 下周计划\n\n- 历史账单回迁全量上线\n', 'x.md'), { scheme: 'reporter', lexicon });
  assert.equal(r.statements, []);
});

test('one statement per line and subject; words are better evidence than a mark', () => {
  const r = extract(doc('- 老版本接口迁移：✅ 已完成，50 个老接口全部切到新网关'), { scheme: 'reporter', lexicon });
  assert.equal(r.statements.map((s) => [s.kind, s.phrase, s.subjects]), [['completed', '已完成', ['老版本接口迁移']]]);
});

test.run();
