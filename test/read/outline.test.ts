// Outlines are structure: numbered, lettered, circled and indented children nest under their parent line.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../src/model/types.js';
import { readBytesAs } from '../../src/read/index.js';
import { markerOf } from '../../src/read/outline.js';
import { root } from '../cli/support/cli.js';

const dir = join(root, 'test', 'fixtures', 'read', 'outline');

async function blocks(file: string): Promise<Block[]> {
  const [part] = await readBytesAs(readFileSync(join(dir, file)), file);
  return part!.document.blocks;
}
const shape = (b: Block) => [b.kind, b.line, b.depth, b.text, b.parents, b.marker];

test('an e-mail outline: 一、 sections are headings, （1） under 1., ① under （1）, quoted mail cut', async () => {
  const bs = await blocks('email-numbered.txt');
  assert.equal(bs.map(shape), [
    ['heading', 4, 1, '周报 2026-03-06 基础架构部', [], undefined],
    ['heading', 6, 7, '一、本周工作', [], undefined],
    ['item', 7, 1, 'Project Orion（统一消息总线）', [], '1.'],
    ['item', 8, 2, '消息路由模块开发完成，进度：55%->65%；', ['Project Orion（统一消息总线）'], '（1）'],
    ['item', 9, 2, '管理后台联调中，进度：30%->40%；', ['Project Orion（统一消息总线）'], '（2）'],
    ['item', 10, 1, 'Project Lyra（配置中心）', [], '2.'],
    ['item', 11, 2, '灰度发布能力：进度 20%', ['Project Lyra（配置中心）'], '（1）'],
    ['item', 12, 3, '客户端 SDK 适配 50%', ['Project Lyra（配置中心）', '灰度发布能力：进度 20%'], '①'],
    ['item', 13, 3, '服务端推送 10%', ['Project Lyra（配置中心）', '灰度发布能力：进度 20%'], '②'],
    ['heading', 14, 7, '二、下周计划', [], undefined],
    ['item', 15, 1, 'Orion 压测', [], '1.'],
  ]);
  assert.equal(bs[3]!.headings, ['周报 2026-03-06 基础架构部', '一、本周工作']);
});

test('indented plain text nests by indentation; a line back at the margin starts a new parent', async () => {
  const bs = await blocks('indented.txt');
  assert.equal(bs.map(shape), [
    ['paragraph', 1, 0, '周报 2026-03-06 数据组', [], undefined],
    ['paragraph', 3, 0, '离线数仓迁移', [], undefined],
    ['item', 4, 1, 'ODS 层 100%', ['离线数仓迁移'], ''],
    ['item', 5, 1, 'DWD 层 70%', ['离线数仓迁移'], ''],
    ['item', 6, 2, '订单主题 80%', ['离线数仓迁移', 'DWD 层 70%'], ''],
    ['item', 7, 2, '用户主题 55%', ['离线数仓迁移', 'DWD 层 70%'], ''],
    ['paragraph', 8, 0, '实时链路', [], undefined],
    ['item', 9, 1, 'Flink 作业改造 30%', ['实时链路'], ''],
  ]);
});

test('Markdown lists keep their markers; a. b. lines under a bullet are its children', async () => {
  const bs = await blocks('lettered.md');
  assert.equal(bs.filter((b) => b.kind === 'item').map(shape), [
    ['item', 5, 1, '接口自动化', [], '-'],
    ['item', 6, 2, '支付链路 覆盖 60%', ['接口自动化'], 'a.'],
    ['item', 7, 2, '账户链路 覆盖 45%', ['接口自动化'], 'b.'],
    ['item', 8, 1, 'UI 自动化 进度 20%', [], '-'],
    ['item', 10, 1, '回归平台', [], '1)'],
    ['item', 11, 1, '性能基线 进度 35%', [], '2)'],
  ]);
});

test('code blocks keep their language, empty when the fence names none', async () => {
  const code = (await blocks('fenced.md')).filter((b) => b.kind === 'code');
  assert.equal(code.map((b) => [b.line, b.lang, b.text.split('\n')[0]]), [
    [4, '', '[main] 412 / 430 (95.81%)'],
    [9, 'ts', 'const ratio = 0.5; // 50%'],
  ]);
});

test('markers: what counts as one and what does not', () => {
  const m = (s: string) => markerOf(s)?.marker ?? null;
  assert.equal(['1. 甲', '（1）甲', '(2) 甲', '1) 甲', '3、甲', 'a. x', 'B. x', '① 甲', '一、甲', '（三）甲', '- x', '• 甲'].map(m), ['1.', '（1）', '(2)', '1)', '3、', 'a.', 'B.', '①', '一、', '（三）', '-', '•']);
  assert.equal(['1.5 版本', '12.5%', '2023.3.17 周报', 'e.g. this', '5.6-5.10', '100% 完成'].map(m), [null, null, null, null, null, null]);
});

test.run();
