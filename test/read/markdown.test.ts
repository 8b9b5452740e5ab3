// parseMarkdown: structure from marked's lexer, exact source lines, inline markup reduced to visible text.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import type { Block } from '../../src/model/types.js';

const md = (lines: string[]) => lines.join('\n');
const find = (blocks: Block[], text: string) => {
  const b = blocks.find((x) => x.text.includes(text));
  assert.ok(b, `no block with ${text}`);
  return b!;
};

const REPORT = md([
  '# 第09周 2024-03-01', // 1
  '', // 2
  'Created: 2024年5月2日 09:10', // 3
  '', // 4
  '## 【交易平台】', // 5
  '', // 6
  '- 清算中心重构，**前端**进展60%、后端进展45%', // 7
  '- 风险控制：', // 8
  '    1. 规则引擎迁移进度30%', // 9
  '    2. 名单库切换 [设计文档](https://wiki.example.com/a%20b) 完成', // 10
  '', // 11
  '### B. 数据平台', // 12
  '', // 13
  '- 数据湖建设总进度：55.5%', // 14
  '    ', // 15
  '    明细表迁移，迁移进度（共120张）：50%。本周新增10张；', // 16
  '    ', // 17
  '', // 18
  '| 项目 | 上周 | 本周 |', // 19
  '|---|---|---|', // 20
  '| 库存同步 | 40% | **55%** |', // 21
  '| `对账` &amp; 结算 | 10% | 20% |', // 22
  '', // 23
  '```', // 24
  'progress = 50%', // 25
  '```', // 26
  '', // 27
  '- [x]  评审排期', // 28
  '1. ', // 29
  '<!-- 注释 99% -->', // 30
  '', // 31
  '![图](img%20a.png) [2024/03/03 周日](2024-03-03%20周日_x.md)', // 32
]);

test('headings carry their level and ancestors; paragraphs their heading path', () => {
  const doc = parseMarkdown(REPORT, 'r.md');
  const h = find(doc.blocks, 'B. 数据平台');
  assert.is(h.kind, 'heading');
  assert.is(h.depth, 3);
  assert.is(h.line, 12);
  assert.equal(h.headings, ['第09周 2024-03-01', '【交易平台】']);
  const created = find(doc.blocks, 'Created');
  assert.is(created.line, 3);
  assert.is(created.kind, 'paragraph');
});

test('list items: exact lines, depth, parents; inline markup removed', () => {
  const doc = parseMarkdown(REPORT, 'r.md');
  const a = find(doc.blocks, '清算中心重构');
  assert.is(a.kind, 'item');
  assert.is(a.line, 7);
  assert.is(a.depth, 1);
  assert.is(a.text, '清算中心重构，前端进展60%、后端进展45%');
  const nested = find(doc.blocks, '规则引擎迁移');
  assert.is(nested.line, 9);
  assert.is(nested.depth, 2);
  assert.equal(nested.parents, ['风险控制：']);
  assert.equal(nested.headings, ['第09周 2024-03-01', '【交易平台】']);
});

test('links keep their label only: no href, so no %20', () => {
  const doc = parseMarkdown(REPORT, 'r.md');
  const l = find(doc.blocks, '名单库切换');
  assert.is(l.text, '名单库切换 设计文档 完成');
  const last = find(doc.blocks, '2024/03/03');
  assert.is(last.text, '2024/03/03 周日');
  assert.is(last.line, 32);
  assert.not.ok(doc.blocks.some((b) => b.text.includes('%20')));
});

test('a continuation paragraph under an item is a paragraph with that item as parent', () => {
  const doc = parseMarkdown(REPORT, 'r.md');
  const p = find(doc.blocks, '明细表迁移');
  assert.is(p.kind, 'paragraph');
  assert.is(p.line, 16);
  assert.equal(p.parents, ['数据湖建设总进度：55.5%']);
  assert.is(p.depth, 1);
});

test('table rows: header, cells without markup, one line each', () => {
  const doc = parseMarkdown(REPORT, 'r.md');
  const rows = doc.blocks.filter((b) => b.kind === 'row');
  assert.is(rows.length, 2);
  assert.equal(rows[0]!.header, ['项目', '上周', '本周']);
  assert.equal(rows[0]!.cells, ['库存同步', '40%', '55%']);
  assert.is(rows[0]!.line, 21);
  assert.equal(rows[1]!.cells, ['对账 & 结算', '10%', '20%']);
  assert.is(rows[1]!.line, 22);
});

test('code blocks, task items, empty items, HTML comments', () => {
  const doc = parseMarkdown(REPORT, 'r.md');
  const code = doc.blocks.find((b) => b.kind === 'code')!;
  assert.is(code.text, 'progress = 50%');
  assert.is(code.line, 25);
  const task = find(doc.blocks, '评审排期');
  assert.is(task.kind, 'item');
  assert.is(task.text, '评审排期');
  assert.is(task.line, 28);
  assert.ok(doc.blocks.some((b) => b.kind === 'item' && b.text === '' && b.line === 29));
  assert.not.ok(doc.blocks.some((b) => b.text.includes('注释')));
});

test('CRLF and lone CR count as line breaks; a BOM is dropped', () => {
  const doc = parseMarkdown('\uFEFF# 标题\r\n\r\n- 甲进度10%\r- 乙进度20%\r\n', 'x.md');
  assert.is(doc.blocks[0]!.text, '标题');
  assert.is(find(doc.blocks, '甲').line, 3);
  assert.is(find(doc.blocks, '乙').line, 4);
});

test('lazy continuation lines stay in their item with their newline', () => {
  const doc = parseMarkdown(md(['- 9:10 告警', '原因：磁盘满', '', '段落']), 'x.md');
  const item = find(doc.blocks, '告警');
  assert.is(item.text, '9:10 告警\n原因：磁盘满');
  assert.is(item.line, 1);
  assert.is(find(doc.blocks, '段落').line, 4);
});

test('entities are decoded once; images vanish', () => {
  const doc = parseMarkdown('A &amp;lt; B &#37; ![x](y.png) &unknown;', 'x.md');
  assert.is(doc.blocks[0]!.text, 'A &lt; B % &unknown;');
});

test('never throws, and every line is inside the document', () => {
  const inputs = ['', '\n\n', '1. ', '- - - -', '|a|\n|-|', '>'.repeat(500) + ' x', '  '.repeat(300) + '- deep', '-'.repeat(10000), '<div>\n50%\n</div>', '# \n#\n##'];
  for (const s of inputs) {
    const doc = parseMarkdown(s, 'x.md');
    const lines = s.split('\n').length;
    for (const b of doc.blocks) assert.ok(b.line >= 1 && b.line <= lines, `${JSON.stringify(s.slice(0, 20))}: line ${b.line}`);
  }
});

test('a <details> block is an outline: its summary an item, the lines up to </details> under it', () => {
  const md = ['# Weekly', '', '<details>', '<summary><b>Ledger v2</b> — 🟢 60%</summary>', '', '- API: 70%', '- UI: 40%', '', '</details>', '', '- after'].join('\n');
  const doc = parseMarkdown(md, 'd.md');
  const brief = doc.blocks.map((b) => [b.kind, b.text, b.depth, b.parents.join('>'), b.line]);
  assert.equal(brief, [
    ['heading', 'Weekly', 1, '', 1],
    ['item', 'Ledger v2 — 🟢 60%', 1, '', 4],
    ['item', 'API: 70%', 2, 'Ledger v2 — 🟢 60%', 6],
    ['item', 'UI: 40%', 2, 'Ledger v2 — 🟢 60%', 7],
    ['item', 'after', 1, '', 11],
  ]);
});

test.run();
