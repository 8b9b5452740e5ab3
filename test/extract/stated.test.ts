// Every example of the stated-state, rename and KPI-direction recognisers, run through the real extractor.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { extract, STATE_RULES } from '../../src/extract/index.js';
import { DIRECTION_RULE, kpiDirection } from '../../src/extract/direction.js';
import { findRenames, RENAME_RULE, stripRenameRemark } from '../../src/extract/rename.js';
import { parseMarkdown } from '../../src/read/markdown.js';
import type { Statement } from '../../src/model/types.js';

/** One example as a document: a table row gets a header row, anything else stands under a report heading. */
function docOf(text: string, header?: string[]) {
  const md = header
    ? `# 周报 2031-03-07\n\n## 项目进展\n\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n${text}\n`
    : `# 周报 2031-03-07\n\n## 项目进展\n\n${text}\n`;
  return parseMarkdown(md, 'example.md');
}

const nfkc = (s: string) => s.normalize('NFKC');

function statementsOf(text: string, header?: string[]): Statement[] {
  return extract(docOf(text, header), { scheme: 'reporter' }).statements;
}

for (const rule of STATE_RULES) {
  for (const ex of rule.examples.accept) {
    test(`${rule.name} accepts: ${ex.text}`, () => {
      const found = statementsOf(ex.text, ex.header).filter((s) => s.rule === rule.name);
      assert.ok(
        found.some((s) => s.kind === rule.state && s.subjects.map(nfkc).includes(nfkc(ex.subject))),
        `expected ${rule.state} of ${ex.subject}, got ${JSON.stringify(found.map((s) => [s.kind, s.phrase, s.subjects]))}`,
      );
    });
  }
  for (const ex of rule.examples.reject) {
    test(`${rule.name} rejects (${ex.why}): ${ex.text}`, () => {
      const found = statementsOf(ex.text, ex.header).filter((s) => s.kind === rule.state && s.subjects.map(nfkc).includes(nfkc(ex.name)));
      assert.equal(found.map((s) => [s.phrase, s.subjects]), []);
    });
  }
}

for (const ex of RENAME_RULE.examples.accept) {
  test(`stated-rename accepts: ${ex.text}`, () => {
    const header: readonly string[] | undefined = 'header' in ex ? ex.header : undefined;
    const found = statementsOf(ex.text, header ? [...header] : undefined).filter((s) => s.kind === 'renamed');
    assert.ok(
      found.some((s) => s.formerly === ex.formerly && s.subjects[0] === ex.to),
      `expected ${ex.formerly} → ${ex.to}, got ${JSON.stringify(found.map((s) => [s.formerly, s.subjects]))}`,
    );
  });
}
for (const ex of RENAME_RULE.examples.reject) {
  test(`stated-rename rejects (${ex.why}): ${ex.text}`, () => {
    assert.equal(findRenames(ex.text), []);
  });
}

test('a rename remark is no part of an observation\'s name', () => {
  assert.is(stripRenameRemark('清结算中心（原“资金清分平台”）'), '清结算中心');
  assert.is(stripRenameRemark('Incremental OTA (renamed from OTA delta updates)'), 'Incremental OTA');
  assert.is(stripRenameRemark('原生App重构'), '原生App重构');
  const r = extract(docOf('### 清结算中心（原“资金清分平台”）\n\n本周进度 60%，第一批规则完成 UAT。'), { scheme: 'reporter' });
  assert.equal(r.observations.map((o) => o.project), ['清结算中心']);
  assert.equal(r.statements.map((s) => [s.kind, s.formerly, s.subjects[0], s.line]), [['renamed', '资金清分平台', '清结算中心', 5]]);
});

for (const name of DIRECTION_RULE.examples.lower) {
  test(`kpi-direction: lower is better for ${name}`, () => assert.is(kpiDirection(name), 'lower'));
}
for (const name of DIRECTION_RULE.examples.higher) {
  test(`kpi-direction: higher is better for ${name}`, () => assert.is(kpiDirection(name), undefined));
}

test('kpi-direction reaches the observation, and lowerIsBetterWords extends it', () => {
  const doc = docOf('## 运行指标\n\n- 支付差错率：0.05%\n- 代扣成功率：99.95%\n- 商户退单率：1.2%');
  const plain = extract(doc, { scheme: 'reporter' }).observations;
  assert.equal(plain.map((o) => [o.project, o.kind, o.direction ?? 'higher']), [
    ['支付差错率', 'kpi', 'lower'],
    ['代扣成功率', 'kpi', 'higher'],
    ['商户退单率', 'kpi', 'higher'],
  ]);
  const configured = extract(doc, { scheme: 'reporter', vocabulary: { lowerIsBetterWords: ['退单率'] } }).observations;
  assert.is(configured.find((o) => o.project === '商户退单率')!.direction, 'lower');
});

test('plans and reflections are no statements', () => {
  const doc = parseMarkdown('# 周报 2031-03-07\n\n## 项目进展\n\n- 历史账单回迁：90%\n\n## 下周计划\n\n- 历史账单回迁全量上线\n', 'x.md');
  assert.equal(extract(doc, { scheme: 'reporter' }).statements, []);
});

test.run();
