// Zip archives (bounds, nesting, GBK names), e-mails (headers, quoted mails) and Org details.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { InputError } from '../../src/model/errors.js';
import { readBytesAs } from '../../src/read/index.js';
import { rejectsKind } from './helpers.js';

const REPORT = strToU8('# 2026-03-06 周报\n\n- 网关改造 进度 30%\n');

test('zip: a member that unpacks far beyond its packed size is not inflated; alone, the archive is refused', async () => {
  const bomb = zipSync({ 'big.md': new Uint8Array(3 * 1024 * 1024) });
  await rejectsKind(readBytesAs(bomb, 'bomb.zip'), InputError, 'bomb.zip', /no report files inside \(big\.md: unpacks \d+× its packed size; not read \(a zip bomb\?\)\)/);
  const mixed = zipSync({ 'big.md': new Uint8Array(3 * 1024 * 1024), 'ok.md': REPORT });
  const parts = await readBytesAs(mixed, 'mixed.zip');
  assert.equal(parts.map((p) => p.document.source), ['mixed.zip/ok.md']);
  assert.match(parts[0]!.document.warnings[0]!.message, /big\.md: unpacks/);
});

test('zip: members together may not unpack to more than 5× the size limit; one above the limit is skipped', async () => {
  const members: Record<string, Uint8Array> = {};
  for (let i = 0; i < 6; i++) members[`w${i}.md`] = strToU8(`# 2026-03-06\n${'- 甲 进度 10%\n'.repeat(50)}`);
  const each = members['w0.md']!.length;
  await rejectsKind(readBytesAs(zipSync(members), 'many.zip', { maxBytes: each + 10 }), InputError, 'many.zip', /refused: its members unpack to more than 5× the size limit/);
  const parts = await readBytesAs(zipSync({ 'a.md': REPORT, 'b.md': members['w0.md']! }), 'two.zip', { maxBytes: REPORT.length + 1 });
  assert.equal(parts.map((p) => p.key), ['a.md']);
  assert.match(parts[0]!.document.warnings[0]!.message, /^b\.md: \d+ bytes unpacked is above the size limit/);
});

test('zip: a zip inside a zip is read, one level deeper is not; names show the whole path', async () => {
  const inner = zipSync({ 'w.md': REPORT });
  const middle = zipSync({ 'inner.zip': inner, 'deeper.zip': zipSync({ 'x.zip': zipSync({ 'w.md': REPORT }) }) });
  const parts = await readBytesAs(middle, 'export.zip');
  assert.equal(parts.map((p) => [p.document.source, p.key]), [['export.zip/inner.zip/w.md', 'inner.zip/w.md']]);
  assert.ok(parts[0]!.document.warnings.some((w) => /export\.zip\/deeper\.zip\/x\.zip: a zip nested 2 levels deep is not read/.test(w.message)));
});

test('zip: names stored in GBK without the UTF-8 flag (Windows zips) are read as GBK', async () => {
  const gbk = iconv.encode('周报.md', 'gbk');
  const placeholder = 'abcdefg'.slice(0, gbk.length - 3) + '.md';
  const zip = zipSync({ [placeholder]: REPORT });
  const bytes = Buffer.from(zip);
  const ph = Buffer.from(placeholder);
  for (let at = bytes.indexOf(ph); at >= 0; at = bytes.indexOf(ph, at + 1)) gbk.copy(bytes, at);
  const parts = await readBytesAs(bytes, 'win.zip');
  assert.is(parts[0]!.document.source, 'win.zip/周报.md');
});

test('zip: not a zip at all is a clear error', async () => {
  await rejectsKind(readBytesAs(strToU8('PK\u0003\u0004 broken'), 'bad.zip'), InputError, 'bad.zip', /not a readable zip archive/);
});

test('e-mail: Date header as the hint, Subject as the title, quoted lines and "On … wrote:" cut', async () => {
  const eml = [
    'From: Ada <ada@example.com>',
    'Subject: Re: Weekly status',
    'Date: Thu, 5 Mar 2026 23:40:00 -0800',
    'Content-Type: text/plain; charset=utf-8',
    '',
    '- Checkout revamp progress 45%',
    '> - Checkout revamp progress 40%',
    '',
    'On Thu, Feb 26, 2026 at 9:00 PM Ada <ada@example.com> wrote:',
    '- Search rewrite progress 20%',
  ].join('\r\n');
  const [part] = await readBytesAs(strToU8(eml), 'status.eml');
  const doc = part!.document;
  assert.equal(doc.hint, { from: 'mail', text: 'Thu, 5 Mar 2026 23:40:00 -0800', line: 3, date: '2026-03-05' });
  assert.equal(doc.blocks.map((b) => [b.kind, b.line, b.text]), [
    ['heading', 2, 'Weekly status'],
    ['item', 6, 'Checkout revamp progress 45%'],
  ]);
});

test('mail text: Chinese headers, an Outlook-style embedded header block starts the quoted mail', async () => {
  const txt = ['发件人: 李工', '发送时间: 2026年3月6日 星期五 17:02', '主题: 周报', '', '1、订单拆分 进度 35%', '', '发件人: 李工', '发送时间: 2026年2月27日', '1、订单拆分 进度 20%'].join('\n');
  const [part] = await readBytesAs(strToU8(txt), 'mail.txt');
  assert.is(part!.document.format, 'email');
  assert.is(part!.document.hint?.date, '2026-03-06');
  assert.equal(part!.document.blocks.map((b) => [b.kind, b.line, b.text, b.marker]), [
    ['heading', 3, '周报', undefined],
    ['item', 5, '订单拆分 进度 35%', '1、'],
  ]);
});

test('Org: TODO keywords and [40%] cookies stay, tags and drawers go, src blocks keep their language', async () => {
  const org = ['* TODO 数据迁移 [40%] :infra:', ':PROPERTIES:', ':ID: 1', ':END:', '#+BEGIN_SRC python', 'ratio = 0.5  # 50%', '#+END_SRC', '  - [X] 冷备切换 进度 100%', '  - +旧方案 10%+ 新方案 进度 20%'].join('\n');
  const [part] = await readBytesAs(strToU8(org), 'x.org');
  assert.equal(part!.document.blocks.map((b) => [b.kind, b.line, b.depth, b.text, b.lang]), [
    ['heading', 1, 1, 'TODO 数据迁移 [40%]', undefined],
    ['code', 6, 0, 'ratio = 0.5  # 50%', 'python'],
    ['item', 8, 1, '冷备切换 进度 100%', undefined],
    ['item', 9, 1, '新方案 进度 20%', undefined],
  ]);
});

test.run();
