import { test } from 'uvu';
import * as assert from 'uvu/assert';
import iconv from 'iconv-lite';
import { InputError } from '../../src/model/errors.js';
import { decode, scanUtf8, sniffBinary } from '../../src/read/decode.js';
import { throwsKind } from './helpers.js';

const REPORT = '# 2031年 第7周 运维周报\r\n\r\n- 监控平台迁移：完成度 65％\r\n- 日志归档，进度约40%\r\n';
const EXPECTED = '# 2031年 第7周 运维周报\n\n- 监控平台迁移：完成度 65％\n- 日志归档，进度约40%\n';
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

test('UTF-8 without BOM: CRLF becomes LF', () => {
  const d = decode(utf8(REPORT), 'a.md');
  assert.is(d.text, EXPECTED);
  assert.is(d.encoding, 'utf-8');
  assert.equal(d.warnings, []);
});

test('UTF-8 with BOM: the BOM is removed', () => {
  const d = decode(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(REPORT)), 'a.md');
  assert.is(d.text, EXPECTED);
  assert.is(d.encoding, 'utf-8');
});

test('lone CR line ends become LF', () => {
  assert.is(decode(utf8('a 10%\rb 20%\r'), 'a.md').text, 'a 10%\nb 20%\n');
});

test('UTF-16 LE and BE with BOM', () => {
  const le = concat(Uint8Array.of(0xff, 0xfe), iconv.encode(REPORT, 'utf-16le'));
  const d = decode(le, 'le.md');
  assert.is(d.text, EXPECTED);
  assert.is(d.encoding, 'utf-16le');
  const be = concat(Uint8Array.of(0xfe, 0xff), iconv.encode(REPORT, 'utf-16be'));
  const e = decode(be, 'be.md');
  assert.is(e.text, EXPECTED);
  assert.is(e.encoding, 'utf-16be');
});

test('UTF-16 without BOM is recognised from its NUL bytes, with a warning', () => {
  const d = decode(iconv.encode(REPORT, 'utf-16le'), 'nobom.md');
  assert.is(d.text, EXPECTED);
  assert.is(d.encoding, 'utf-16le');
  assert.match(d.warnings[0]!.message, /byte-order mark/);
  const e = decode(iconv.encode(REPORT, 'utf-16be'), 'nobom.md');
  assert.is(e.text, EXPECTED);
  assert.is(e.encoding, 'utf-16be');
});

test('GBK and GB18030 bytes are read as Chinese with a warning', () => {
  for (const enc of ['gbk', 'gb18030']) {
    const d = decode(iconv.encode(REPORT, enc), `${enc}.txt`);
    assert.is(d.text, EXPECTED, enc);
    assert.is(d.encoding, 'gb18030');
    assert.is(d.warnings.length, 1);
    assert.match(d.warnings[0]!.message, /GBK/);
  }
});

test('invalid UTF-8 that is not GBK either: InputError naming file, line and offset', () => {
  // Latin-1 text: é followed by a space is not a GBK pair.
  const bytes = concat(utf8('line one 10%\nline two\n'), Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x30, 0x25, 0x0a));
  const e = throwsKind(() => decode(bytes, 'latin.md'), InputError, 'latin.md:3', /invalid UTF-8 \(byte 0xE9 at offset 25\)/);
  assert.is(e.where, 'latin.md:3');
  assert.match(e.format(), /save it as UTF-8/);
});

test('UTF-8 with one damaged byte is reported as damaged UTF-8, not misread as GBK', () => {
  const good = utf8('# 第9周\n\n- 支付网关重构 进度 55%\n- 风控模型上线 进度 80%\n');
  const bytes = concat(good, Uint8Array.of(0xe8, 0x0a), good);
  throwsKind(() => decode(bytes, 'damaged.md'), InputError, 'damaged.md:5', /invalid UTF-8/);
});

test('binary files are refused by their magic numbers', () => {
  const cases: [number[], RegExp][] = [
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /not a text report \(looks like PNG image data\)/],
    [[0xff, 0xd8, 0xff, 0xe0, 0, 16], /JPEG/],
    [[...utf8('%PDF-1.7\n%')], /PDF document/],
    [[0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], /ZIP archive data, e\.g\. a \.docx/],
  ];
  for (const [bytes, re] of cases) {
    const e = throwsKind(() => decode(Uint8Array.from(bytes), 'pic.md'), InputError, 'pic.md', re);
    assert.match(e.format(), /^pic\.md: not a text report/);
  }
  assert.is(sniffBinary(utf8('# heading')), null);
});

test('NUL bytes and control characters mean binary', () => {
  const nul = concat(utf8('abc 10%\n'), Uint8Array.of(0, 1, 2, 3, 0xff, 0, 0, 0, 7, 0, 9, 0));
  throwsKind(() => decode(nul, 'data.md'), InputError, 'data.md', /not a text report \(looks like binary data/);
  const ctl = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41));
  throwsKind(() => decode(ctl, 'ctl.md'), InputError, 'ctl.md', /too many control characters/);
});

test('empty and whitespace-only files', () => {
  throwsKind(() => decode(new Uint8Array(0), 'empty.md'), InputError, 'empty.md', /^empty\.md: empty file — /);
  throwsKind(() => decode(utf8(' \r\n\t\u3000\n'), 'blank.md'), InputError, 'blank.md', /empty file/);
  throwsKind(() => decode(Uint8Array.of(0xef, 0xbb, 0xbf), 'bom.md'), InputError, 'bom.md', /empty file/);
});

test('UTF-16 with an unpaired surrogate is an error naming the file', () => {
  const bytes = Uint8Array.of(0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00);
  throwsKind(() => decode(bytes, 'bad16.md'), InputError, 'bad16.md', /invalid UTF-16LE/);
});

test('scanUtf8 finds the first invalid byte and rejects overlongs and surrogates', () => {
  assert.equal(scanUtf8(utf8('aé中😀')), { firstInvalid: -1, multi: 3, invalid: 0 });
  assert.is(scanUtf8(Uint8Array.of(0x41, 0xc0, 0x80)).firstInvalid, 1); // overlong NUL
  assert.is(scanUtf8(Uint8Array.of(0xed, 0xa0, 0x80)).firstInvalid, 0); // UTF-16 surrogate
  assert.is(scanUtf8(Uint8Array.of(0x41, 0x42, 0xe4, 0xb8)).firstInvalid, 2); // truncated at the end
});

test('stray control characters (ESC, BEL, C1) become spaces with a warning; tab and newline stay', () => {
  const filler = '本周主要推进数据平台迁移、接口治理和稳定性保障，整体按计划进行。\n'.repeat(3);
  const d = decode(new TextEncoder().encode(`# 第3周 2024-01-19\n\n- 项目\u001b[31mA\u0007，进度\t40%\u0085\n${filler}`), 'r.md');
  assert.is(d.text, `# 第3周 2024-01-19\n\n- 项目 [31mA ，进度\t40% \n${filler}`);
  assert.equal(d.warnings, [{ line: 3, message: 'control characters (such as ESC) replaced by spaces' }]);
  assert.equal(decode(new TextEncoder().encode('plain\ttext\n'), 'p.md').warnings, []);
});

test.run();
