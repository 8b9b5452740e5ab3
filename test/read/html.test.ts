import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guardHtml, MAX_HTML_NESTING, parseHtml } from '../../src/read/html.js';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/read/${name}`, import.meta.url)), 'utf8');

test('Confluence export: headings, nested items with parents, paragraphs in items, tables, code; script/style dropped', () => {
  const html = fixture('confluence.html');
  const doc = parseHtml(html, 'c.html');
  const lines = html.split('\n');
  const brief = doc.blocks.map((b) => [b.kind, b.text, b.depth, b.parents.join('>'), b.headings.join('>')]);
  assert.equal(brief, [
    ['heading', '仓储系统 2027年 第33周 周报', 1, '', ''],
    ['heading', '一、项目进展', 2, '', '仓储系统 2027年 第33周 周报'],
    ['paragraph', '本周整体：按计划推进。', 0, '', '仓储系统 2027年 第33周 周报>一、项目进展'],
    ['item', '库位优化：完成度 64%', 1, '', '仓储系统 2027年 第33周 周报>一、项目进展'],
    ['item', '算法侧 80%', 2, '库位优化：完成度 64%', '仓储系统 2027年 第33周 周报>一、项目进展'],
    ['item', '界面侧 35%', 2, '库位优化：完成度 64%', '仓储系统 2027年 第33周 周报>一、项目进展'],
    ['paragraph', '联调推迟一周', 2, '库位优化：完成度 64%>界面侧 35%', '仓储系统 2027年 第33周 周报>一、项目进展'],
    ['item', '盘点App 2.0，进度 100%', 1, '', '仓储系统 2027年 第33周 周报>一、项目进展'],
    ['heading', '二、指标', 2, '', '仓储系统 2027年 第33周 周报'],
    ['row', '拣货准确率 | 99.2% | 99.5%', 0, '', '仓储系统 2027年 第33周 周报>二、指标'],
    ['row', '出库及时率 | 97% | 98%', 0, '', '仓储系统 2027年 第33周 周报>二、指标'],
    ['code', 'progress = 42%\n  done', 0, '', '仓储系统 2027年 第33周 周报>二、指标'],
  ]);
  const row = doc.blocks.find((b) => b.kind === 'row')!;
  assert.equal(row.header, ['指标', '本周', '目标']);
  assert.equal(row.cells, ['拣货准确率', '99.2%', '99.5%']);
  // Every block's line holds (the start of) its text in the file.
  for (const b of doc.blocks) {
    const first = (b.cells?.[0] ?? b.text.split('\n')[0]!).slice(0, 4);
    assert.ok(lines[b.line - 1]!.includes(first), `line ${b.line} should contain "${first}": ${lines[b.line - 1]}`);
  }
  assert.not.ok(doc.blocks.some((b) => /secret|color/.test(b.text)));
  assert.is(doc.format, 'html');
  assert.is(doc.source, 'c.html');
});

test('Feishu-style export: title becomes the top heading when no h1 repeats it; divs and spans are paragraphs', () => {
  const html = fixture('feishu.html');
  const doc = parseHtml(html, 'f.html');
  assert.equal(doc.blocks[0], { kind: 'heading', text: '增长组周报 2030-03-15', line: 3, depth: 1, headings: [], parents: [] });
  const para = doc.blocks.find((b) => b.text.startsWith('会员体系'))!;
  assert.is(para.kind, 'paragraph');
  assert.is(para.text, '会员体系改版 进度：45%\n预计月底灰度');
  assert.equal(para.headings, ['增长组周报 2030-03-15', '本周进展']);
  const item = doc.blocks.find((b) => b.text.includes('拉新'))!;
  assert.equal([item.kind, item.depth, item.text], ['item', 1, '拉新活动 完成 9/12（75%）']);
  assert.is(html.split('\n')[item.line - 1]!.includes('拉新活动'), true);
});

test('a definition list is an outline: terms are items, each definition an item under its term (wrappers looked through)', () => {
  const html = [
    '<h2>Projects</h2>',
    '<dl>',
    '<dt><b>Ledger v2</b></dt><dd>About half done, 50%.</dd><dd>Owner: Ana</dd>',
    '<div><dt>Tax engine</dt><dd>Blocked, still 20%.<br/>Vendor call Friday.</dd></div>',
    '<dd>an orphan definition</dd>',
    '</dl>',
    '<p>after</p>',
  ].join('\n');
  const doc = parseHtml(html, 'd.html');
  const brief = doc.blocks.map((b) => [b.kind, b.text, b.depth, b.parents.join('>'), b.line]);
  assert.equal(brief, [
    ['heading', 'Projects', 2, '', 1],
    ['item', 'Ledger v2', 1, '', 3],
    ['item', 'About half done, 50%.', 2, 'Ledger v2', 3],
    ['item', 'Owner: Ana', 2, 'Ledger v2', 3],
    ['item', 'Tax engine', 1, '', 4],
    ['item', 'Blocked, still 20%.\nVendor call Friday.', 2, 'Tax engine', 4],
    ['item', 'an orphan definition', 2, 'Tax engine', 5],
    ['paragraph', 'after', 0, '', 7],
  ]);
});

test('a table without th takes its first row as header; a single-row table keeps its row', () => {
  const doc = parseHtml('<table><tr><td>项目</td><td>进度</td></tr><tr><td>A</td><td>10%</td></tr></table><table><tr><td>B</td><td>20%</td></tr></table>', 't.html');
  assert.equal(
    doc.blocks.map((b) => [b.text, b.header]),
    [
      ['A | 10%', ['项目', '进度']],
      ['B | 20%', []],
    ],
  );
});

test('10,000 nested lists: guarded before parse5, finishes fast, keeps the text', () => {
  const html = `<body>\n${'<ul><li>层级\n'.repeat(10_000)}最深 30%</body>`;
  const doc = parseHtml(html, 'deep.html');
  assert.is(doc.warnings.length, 1);
  assert.match(doc.warnings[0]!.message, /nested deeper than 128/);
  const last = doc.blocks[doc.blocks.length - 1]!;
  assert.ok(last.text.endsWith('最深 30%'));
  assert.is(last.text, '层级 最深 30%');
  assert.is(last.line, 10_001);
  assert.ok(Math.max(...doc.blocks.map((b) => b.depth)) <= MAX_HTML_NESTING);
});

test('guardHtml leaves ordinary pages alone and keeps newlines of dropped tags', () => {
  const page = '<div><ul><li>a</li></ul><p>b<br>c</p><script>"<div>"</script></div>';
  assert.equal(guardHtml(page), { text: page, warnings: [] });
  const deep = `${'<div\nclass="x">'.repeat(MAX_HTML_NESTING + 2)}t`;
  const g = guardHtml(deep);
  assert.is(g.text.split('\n').length, deep.split('\n').length);
  assert.is(g.text.match(/<div/g)!.length, MAX_HTML_NESTING);
});

test('a 1 MB line of text parses quickly', () => {
  const html = `<p>${'进度 50%，'.repeat(150_000)}</p>`;
  const doc = parseHtml(html, 'long.html');
  assert.is(doc.blocks.length, 1);
});

test.run();

test('ticked tasks: Confluence class="checked", a checked checkbox before the text, Notion checkbox-on; unticked and later boxes are not', () => {
  const html = [
    '<ul class="inline-task-list">',
    '<li data-inline-task-id="1" class="checked">日志平台升级</li>',
    '<li data-inline-task-id="2">配置中心改造：进度 55%</li>',
    '</ul>',
    '<ul class="contains-task-list">',
    '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" checked="" disabled=""> 对象存储迁移</li>',
    '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled=""> 堡垒机替换：挂起</li>',
    '<li>网关限流平台 <input type="checkbox" checked> 评审</li>',
    '<li aria-checked="true">Billing export API</li>',
    '</ul>',
    '<ul class="to-do-list"><li><div class="checkbox checkbox-on"></div> <span class="to-do-children-checked">会员中台上线</span></li>',
    '<li><div class="checkbox checkbox-off"></div> <span class="to-do-children-unchecked">电子签收</span></li></ul>',
  ].join('\n');
  const items = parseHtml(html, 't.html').blocks.filter((b) => b.kind === 'item').map((b) => [b.text, b.checked === true]);
  assert.equal(items, [
    ['日志平台升级', true],
    ['配置中心改造：进度 55%', false],
    ['对象存储迁移', true],
    ['堡垒机替换：挂起', false],
    ['网关限流平台 评审', false],
    ['Billing export API', true],
    ['会员中台上线', true],
    ['电子签收', false],
  ]);
});
