// Tables in every syntax become the same row blocks: header + one cell per column.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CELL_BREAK, type Block } from '../../src/model/types.js';
import { readBytesAs } from '../../src/read/index.js';
import { parseGridTable, parsePipeTable } from '../../src/read/table.js';
import { root } from '../cli/support/cli.js';

const dir = join(root, 'test', 'fixtures', 'read', 'tables');

async function rows(file: string): Promise<Block[]> {
  const [part] = await readBytesAs(readFileSync(join(dir, file)), file);
  return part!.document.blocks.filter((b) => b.kind === 'row');
}

test('Org tables: rule lines with + are separators, the rows above the first are the header, markup goes', async () => {
  const r = await rows('org-weekly.org');
  assert.equal(r.map((b) => [b.line, b.cells]), [
    [7, ['Ingest pipeline', '40%', '55%', '+15%', 'Mara']],
    [8, ['Billing export', '70%', '70%', '0%', 'Teo']],
    [10, ['Search rewrite', '10%', '25%', '+15%', 'Ines']],
  ]);
  assert.equal(r[0]!.header, ['Milestone', 'Last Week', 'This Week', 'Delta', 'Owner']);
  assert.equal(r[0]!.headings, ['Platform Engineering Weekly', 'Milestones']);
});

test('grid tables: +===+ ends the header, a row spans several lines, no +===+ means the first row is the header', async () => {
  const r = await rows('grid.md');
  assert.equal(r.map((b) => [b.line, b.header, b.cells]), [
    [6, ['项目', '进度', '说明'], ['对象存储扩容', '65%', '新机房上架完成， 等待压测']],
    [9, ['项目', '进度', '说明'], ['冷数据归档', '30%', '方案评审中']],
    [15, ['无表头行', '12%'], ['第二行', '40%']],
  ]);
});

test('HTML tables: rowspan and colspan fill every cell, header rows join per column, <br> stays visible', async () => {
  const r = await rows('spans.html');
  assert.equal(r[0]!.header, ['项目', '仓库', '进度 上周', '进度 本周']);
  assert.equal(r.map((b) => b.cells), [
    ['会员中心', 'member-web', '40%', '50%'],
    ['会员中心', 'member-api', '60%', '65%'],
    ['营销工具', '暂停', '暂停', '暂停'],
    ['小程序', 'mp', '—', `Web 70%${CELL_BREAK}小程序 40%`],
  ]);
  assert.equal(r.map((b) => b.line), [9, 10, 11, 12]);
});

test('Markdown pipe tables: <br> in a cell is CELL_BREAK, emphasis removed, empty cells kept', async () => {
  const r = await rows('pipes.md');
  assert.equal(r.map((b) => b.cells), [
    ['设计系统', '80%', `组件${CELL_BREAK}文档`],
    ['埋点 SDK', '35%', ''],
  ]);
});

test('text tables on their own: escaped pipes, short rows padded, Org links and code cleaned', () => {
  const t = parsePipeTable([
    { text: '| 名称 | 进度 | 链接 |', line: 1 },
    { text: '|---+---+---|', line: 2 },
    { text: '| a \\| b | =60%= | [[https://x][看板]] |', line: 3 },
    { text: '| c |', line: 4 },
  ]);
  assert.equal(t.header, ['名称', '进度', '链接']);
  assert.equal(t.rows, [
    { cells: ['a | b', '60%', '看板'], line: 3 },
    { cells: ['c', '', ''], line: 4 },
  ]);
  const g = parseGridTable([
    { text: '+---+---+', line: 1 },
    { text: '| x | y |', line: 2 },
    { text: '+---+---+', line: 3 },
  ]);
  assert.equal([g.header, g.rows], [['x', 'y'], []]);
});

test('plain-text tables: tab-separated lines (a tab run that only aligns is one gap, single tabs keep an empty cell) and columns aligned under a ruler (CJK two columns wide)', async () => {
  const text = [
    '周报 2023-11-17',
    '',
    '项目\t阶段\t进度\t负责人',
    '堆垛机调度\t联调\t72%\t许诺',
    '电子标签\t\t8%\t许诺',
    '',
    '指标\t\t本周\t目标',
    '出库准时率\t97.2%\t98%',
    '',
    '  编号  专项                    完成率    较上周',
    '  ----  ----------------------  --------  --------',
    '  S-01  冷链仓温控接入          64%       +9pp',
    '  S-02                          31%',
    '',
    '一段文字\t只有两列',
  ].join('\n');
  const [part] = await readBytesAs(new TextEncoder().encode(text), 'w.txt');
  const r = part!.document.blocks.filter((b) => b.kind === 'row');
  assert.equal(r.map((b) => [b.line, b.cells]), [
    [4, ['堆垛机调度', '联调', '72%', '许诺']],
    [5, ['电子标签', '', '8%', '许诺']],
    [8, ['出库准时率', '97.2%', '98%']],
    [12, ['S-01', '冷链仓温控接入', '64%', '+9pp']],
    [13, ['S-02', '', '31%', '']],
  ]);
  assert.equal(r[2]!.header, ['指标', '本周', '目标']);
  assert.equal(r[3]!.header, ['编号', '专项', '完成率', '较上周']);
});

test.run();
