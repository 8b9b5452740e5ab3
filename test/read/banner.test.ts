// Drawn rules in plain text (`=====`, `━━━`, `#####`): a framed or underlined line is a heading, a lone rule a separator.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { unframeBanners } from '../../src/read/banner.js';
import { parseMarkdown } from '../../src/read/markdown.js';

const kinds = (text: string) => parseMarkdown(text, 't.txt').blocks.map((b) => [b.line, b.kind, b.text]);

test('a line framed by the same rule above and below is a heading on its own line', () => {
  assert.equal(kinds('intro\n\n=======\n2024-05-10 周报\n=======\n甲：进度 10%\n'), [
    [1, 'paragraph', 'intro'],
    [4, 'heading', '2024-05-10 周报'],
    [6, 'paragraph', '甲：进度 10%'],
  ]);
  for (const rule of ['＝＝＝＝＝＝', '══════', '━━━━━━', '──────', '——————', '##########']) {
    assert.equal(kinds(`${rule}\nWeek 19\n${rule}\nA: 10%\n`), [[2, 'heading', 'Week 19'], [4, 'paragraph', 'A: 10%']], rule);
  }
});

test('a rule under a lone line underlines it; a lone rule separates paragraphs; lines keep their numbers', () => {
  assert.equal(kinds('Week 19\n──────\nA: 10%\n'), [[1, 'heading', 'Week 19'], [3, 'paragraph', 'A: 10%']]);
  assert.equal(kinds('A: 10%\nB: 20%\n══════\nC: 30%\n'), [[1, 'paragraph', 'A: 10%\nB: 20%'], [4, 'paragraph', 'C: 30%']]);
  const lines = ['x', '', '=====', '# 2024-W19', '=====', 'y'];
  assert.equal(unframeBanners(lines), ['x', '', '', '# 2024-W19', '', 'y']);
  assert.is(unframeBanners(lines).length, lines.length);
});

test("Markdown's own rules and code are left as they are", () => {
  const md = ['Title', '=====', '', '---', 'a', '---', '', '```', '=====', 'b', '=====', '```'];
  assert.equal(unframeBanners(md), md);
  assert.equal(kinds('```\n=====\nb\n=====\n```\n').map((b) => b[1]), ['code']);
});

test.run();
