import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { marked } from 'marked';
import { guardMarkdown, MAX_EMPHASIS, MAX_INDENT, MAX_NESTING } from '../../src/read/guard.js';

const ORDINARY = [
  '# 2029年第41周 数据平台周报',
  '',
  '## 一、重点项目',
  '',
  '- **实时数仓**：整体进度 *70%*',
  '    - 指标口径_统一_，完成度 50%',
  '        1. 子任务 a 30%',
  '> 备注：> 不是引用',
  '',
  '```',
  '    ' + '- '.repeat(100) + 'code stays',
  '```',
  '| 项目 | 进度 |',
  '|---|---|',
  '| 标签 | 20% |',
].join('\n');

test('ordinary Markdown comes back unchanged, without warnings', () => {
  const g = guardMarkdown(ORDINARY);
  assert.is(g.text, ORDINARY);
  assert.equal(g.warnings, []);
});

test('10,000 list markers on one line: flattened to MAX_NESTING, same line count, lexes fast', () => {
  const src = `# t\n\n${'- '.repeat(10_000)}深层 30%\n`;
  assert.throws(() => marked.lexer(src), /call stack/i); // what the guard prevents
  const g = guardMarkdown(src);
  assert.is(g.text.split('\n').length, src.split('\n').length);
  assert.is(g.text.split('\n')[2], `${'- '.repeat(MAX_NESTING)}深层 30%`);
  assert.is(g.warnings.length, 1);
  assert.is(g.warnings[0]!.line, 3);
  marked.lexer(g.text);
});

test('10,000 nested quote levels and mixed chains are clamped too', () => {
  for (const chain of ['>'.repeat(10_000), '> '.repeat(10_000), '1. '.repeat(10_000), '> - 2) '.repeat(4000)]) {
    const g = guardMarkdown(`${chain}x 10%`);
    assert.is(g.warnings.length, 1, chain.slice(0, 8));
    assert.ok(g.text.length < 64 * 8, chain.slice(0, 8));
    assert.ok(g.text.endsWith('x 10%'));
    marked.lexer(g.text);
  }
});

test('10,000 levels of indentation: indentation clamped, every line kept in order', () => {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) lines.push(`${' '.repeat(i)}- level ${i} ${i % 100}%`);
  const g = guardMarkdown(lines.join('\n'));
  const out = g.text.split('\n');
  assert.is(out.length, 10_000);
  assert.ok(out.every((l, i) => l.trimStart() === `- level ${i} ${i % 100}%`));
  assert.ok(out.every((l) => l.length - l.trimStart().length <= MAX_INDENT));
  assert.is(g.warnings[0]!.line, MAX_INDENT + 2);
  marked.lexer(g.text);
});

test('a 1 MB paragraph of emphasis markers is escaped and lexes', () => {
  const src = `# t\n\n进度 50% ${'*a'.repeat(500_000)}\n\n- **ok** 10%\n`;
  const g = guardMarkdown(src);
  const tokens = marked.lexer(g.text);
  assert.is(g.warnings.length, 1);
  assert.is(g.warnings[0]!.line, 3);
  assert.match(g.warnings[0]!.message, /500000 emphasis markers/);
  // The list after the blank line keeps its bold.
  assert.ok(g.text.endsWith('- **ok** 10%\n'));
  assert.ok(tokens.some((tk) => tk.type === 'list'));
});

test('emphasis below the limit is untouched; existing escapes are not doubled', () => {
  const few = `${'*x* '.repeat(MAX_EMPHASIS / 2)}`;
  assert.is(guardMarkdown(few).text, few);
  const many = `a\\*b ${'_y'.repeat(MAX_EMPHASIS + 1)}`;
  const g = guardMarkdown(many);
  assert.ok(g.text.startsWith('a\\*b \\_y\\_y'));
  assert.not.match(g.text, /\\\\\*/);
});

test('each list item and table row is its own run', () => {
  const items = Array.from({ length: 200 }, (_, i) => `- **项目${i}** ${i % 100}%`).join('\n');
  const g = guardMarkdown(items);
  assert.is(g.text, items);
  assert.equal(g.warnings, []);
});

test.run();
