import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { openSync, closeSync, ftruncateSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { InputError, UsageError } from '../../src/model/errors.js';
import { collectFiles } from '../../src/read/files.js';
import { fileSystemError } from '../../src/read/fserror.js';
import {
  DEFAULT_MAX_BYTES,
  formatBytes,
  loadDocument,
  parseByteSize,
  parseText,
  readDocument,
  sniffHash,
  SUPPORTED_EXTENSIONS,
} from '../../src/read/index.js';
import { rejectsKind, tempDir, throwsKind } from './helpers.js';

const REPORT = '# 2032年 第5周 客服平台周报\n\n## 进展\n\n- 工单系统重构，进度 35%\n    - 后端 50%\n- 智能质检上线 100%\n';

test('SUPPORTED_EXTENSIONS lists the registry', () => {
  assert.equal([...SUPPORTED_EXTENSIONS], ['.md', '.markdown', '.txt', '.html', '.htm', '.org', '.eml', '.docx', '.zip']);
});

test('readDocument: a GBK .txt report end to end, with encoding, source and blocks', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'w05.txt');
    writeFileSync(path, iconv.encode(REPORT.replace(/\n/g, '\r\n'), 'gbk'));
    const doc = await readDocument(path);
    assert.is(doc.source, path);
    assert.is(doc.encoding, 'gb18030');
    assert.is(doc.format, 'text');
    assert.match(doc.warnings[0]!.message, /GBK/);
    const items = doc.blocks.filter((b) => b.kind === 'item').map((b) => [b.text, b.line, b.depth, b.parents]);
    assert.equal(items, [
      ['工单系统重构，进度 35%', 5, 1, []],
      ['后端 50%', 6, 2, ['工单系统重构，进度 35%']],
      ['智能质检上线 100%', 7, 1, []],
    ]);
  } finally {
    cleanup();
  }
});

test('loadDocument: hash of the bytes, size, mtime; displayPath names the source', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'w.md');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(REPORT, 'utf-16le')]);
    writeFileSync(path, bytes);
    const loaded = await loadDocument(path, { displayPath: 'team/w.md' });
    assert.is(loaded.hash, createHash('sha256').update(bytes).digest('hex').slice(0, 16));
    assert.is(loaded.hash, sniffHash(bytes));
    assert.is(loaded.size, bytes.length);
    assert.ok(loaded.mtimeMs > 0);
    assert.is(loaded.document.source, 'team/w.md');
    assert.is(loaded.document.encoding, 'utf-16le');
    assert.is(loaded.document.format, 'markdown');
    assert.is(loaded.document.blocks[0]!.text, '2032年 第5周 客服平台周报');
  } finally {
    cleanup();
  }
});

test('sniffHash depends on every byte', () => {
  assert.is(sniffHash(Buffer.from('a')).length, 16);
  assert.is.not(sniffHash(Buffer.from('进度 10%')), sniffHash(Buffer.from('进度 11%')));
});

test('an HTML report is read through the lazily loaded HTML reader', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'c.HTML');
    writeFileSync(path, readFileSync(fileURLToPath(new URL('../fixtures/read/confluence.html', import.meta.url))));
    const doc = await readDocument(path);
    assert.is(doc.format, 'html');
    assert.ok(doc.blocks.some((b) => b.kind === 'row' && b.cells?.[1] === '97%'));
  } finally {
    cleanup();
  }
});

test('parseText: a .txt holding an HTML page is read as HTML with a warning', async () => {
  const doc = await parseText('<!DOCTYPE html>\n<html><body><h2>进展</h2><ul><li>迁移 20%</li></ul></body></html>', 'x.txt', 'text');
  assert.is(doc.format, 'html');
  assert.match(doc.warnings[0]!.message, /HTML page/);
  assert.equal(doc.blocks.map((b) => b.kind), ['heading', 'item']);
});

test('unknown extension asked for explicitly: UsageError listing the known ones', async () => {
  const e = await rejectsKind(readDocument('notes.xlsx'), UsageError, 'notes.xlsx', /unsupported file type "\.xlsx" — reports must end in \.md, \.markdown, \.txt, \.html, \.htm, \.org, \.eml, \.docx, \.zip/);
  assert.is(e.exitCode, 2);
});

test('binary and empty files through readDocument name the file', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const png = join(dir, 'shot.md');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    await rejectsKind(readDocument(png), InputError, png, /: not a text report \(looks like PNG image data\) — export/);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    await rejectsKind(readDocument(empty), InputError, empty, /: empty file — /);
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, Buffer.concat([Buffer.from('ok\n'), Buffer.from([0xc3, 0x28, 0x41, 0x80, 0x20])]));
    const e = await rejectsKind(readDocument(bad), InputError, `${bad}:2`, /invalid UTF-8 .* — save it as UTF-8/);
    assert.is(e.where, `${bad}:2`);
  } finally {
    cleanup();
  }
});

test('a 100 MB file is refused from its size alone, before reading it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'huge.md');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 104_857_600); // sparse: nothing is written
    closeSync(fd);
    const e = await rejectsKind(readDocument(path), InputError, path, /./);
    assert.is(e.format(), `${path}: 104857600 bytes is above the 20 MiB limit — raise it with --max-size 200MB`);
    // A raised limit lets it through to decoding (all NULs: binary).
    await rejectsKind(readDocument(path, { maxBytes: parseByteSize('200MB') }), InputError, path, /not a text report/);
    const small = join(dir, 'small.md');
    writeFileSync(small, REPORT);
    await rejectsKind(readDocument(small, { maxBytes: 10 }), InputError, small, /above the 10 bytes limit/);
  } finally {
    cleanup();
  }
});

test('a file that vanishes between listing and reading: InputError naming it', async () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'w'));
    writeFileSync(join(dir, 'w', 'r.md'), REPORT);
    const { files } = await collectFiles([join(dir, 'w')]);
    rmSync(files[0]!.path);
    const e = await rejectsKind(readDocument(files[0]!.path), InputError, files[0]!.path, /: no such file or directory — check the path/);
    assert.is(e.exitCode, 1);
  } finally {
    cleanup();
  }
});

test('a directory, a path through a file, a FIFO: InputError naming it, never blocking', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const folder = join(dir, 'looks.md');
    mkdirSync(folder);
    await rejectsKind(readDocument(folder), InputError, folder, /is a directory/);
    writeFileSync(join(dir, 'f.md'), REPORT);
    const through = join(dir, 'f.md', 'x.md');
    await rejectsKind(readDocument(through), InputError, through, /a part of this path is a file/);
    const fifo = join(dir, 'pipe.md');
    assert.is(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo works here');
    await rejectsKind(readDocument(fifo), InputError, fifo, /not a regular file/);
  } finally {
    cleanup();
  }
});

test('file-system error mapping (EACCES cannot be provoked as root): every code names the file with a hint', () => {
  const eacces = fileSystemError(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }), 'r.md');
  assert.instance(eacces, InputError);
  assert.is(eacces.format(), 'r.md: permission denied — check the permissions of the file and its folders');
  const odd = fileSystemError(Object.assign(new Error('weird'), { code: 'EWEIRD' }), 'r.md');
  assert.is(odd.format(), 'r.md: cannot read (EWEIRD) — check the file and retry');
  const ours = new UsageError('x');
  assert.is(fileSystemError(ours, 'r.md'), ours);
  throwsKind(() => {
    throw fileSystemError(new Error('no code'), 'q.md');
  }, InputError, 'q.md', /cannot read \(no code\)/);
});

test('10,000 nested list levels through the full Markdown path: no crash, a warning, fast', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'deep.md');
    writeFileSync(path, `# 第1周\n\n${'- '.repeat(10_000)}最深处 30%\n${'> '.repeat(10_000)}引用 40%\n`);
    const doc = await readDocument(path);
    assert.match(doc.warnings.map((w) => w.message).join('\n'), /nested deeper than 64/);
    const deepest = doc.blocks.find((b) => b.text.includes('最深处 30%'))!;
    assert.is(deepest.line, 3);
    assert.ok(deepest.depth <= 64);
    assert.is(doc.blocks.find((b) => b.text.includes('引用 40%'))!.line, 4);
  } finally {
    cleanup();
  }
});

test('a single 1 MB line (plain, and full of emphasis markers) reads whole', async () => {
  for (const line of ['项目甲进度 50%，'.repeat(110_000), `x 10% ${'_a*'.repeat(350_000)}`]) {
    const doc = await parseText(`# 第2周\n\n${line}\n\n- 尾项 90%\n`, 'long.md', 'markdown');
    assert.is(doc.blocks[doc.blocks.length - 1]!.text, '尾项 90%');
    assert.is(doc.blocks[doc.blocks.length - 1]!.line, 5);
  }
});

test('parseByteSize and formatBytes', () => {
  assert.is(parseByteSize('200MB'), 200 * 1024 * 1024);
  assert.is(parseByteSize('1.5g'), 1.5 * 1024 ** 3);
  assert.is(parseByteSize('512KiB'), 512 * 1024);
  assert.is(parseByteSize('1000'), 1000);
  assert.throws(() => parseByteSize('lots'), (e: unknown) => e instanceof UsageError);
  assert.throws(() => parseByteSize('0'), (e: unknown) => e instanceof UsageError);
  assert.is(formatBytes(DEFAULT_MAX_BYTES), '20 MiB');
  assert.is(formatBytes(10), '10 bytes');
});

test('Markdown input never loads cheerio; HTML input does (start-up speed)', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { dir, cleanup } = tempDir();
  try {
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(hooks, "export async function resolve(s, c, next) { if (/(^|\\/)cheerio(\\/|$)/.test(s)) process.stderr.write('LOADED cheerio\\n'); return next(s, c); }\n");
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(new URL(`file://${hooks}`).href)});\n`);
    writeFileSync(join(dir, 'r.md'), REPORT);
    writeFileSync(join(dir, 'r.html'), '<h1>第3周</h1><p>进度 10%</p>');
    const run = (file: string): string => {
      const script = `const m = await import(${JSON.stringify(join(root, 'src/read/index.ts'))}); const d = await m.readDocument(${JSON.stringify(join(dir, file))}); process.stderr.write('BLOCKS ' + d.blocks.length + '\\n');`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', register, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
      assert.is(r.status, 0, r.stderr);
      return r.stderr;
    };
    const md = run('r.md');
    assert.match(md, /BLOCKS [1-9]/);
    assert.not.match(md, /LOADED cheerio/);
    const html = run('r.html');
    assert.match(html, /BLOCKS 2/);
    assert.match(html, /LOADED cheerio/);
  } finally {
    cleanup();
  }
});

test.run();
