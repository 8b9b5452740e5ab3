// The compiled vocabulary (the lexicon) and the fast text paths must answer exactly like plain loops.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileLexicon, extract, resolveVocabulary } from '../../src/extract/index.js';
import { WordList } from '../../src/extract/lexicon.js';
import { nfkc, normalize, urlRanges } from '../../src/extract/text.js';
import { NOT_ALONE, PhraseSet, phraseUnit } from '../../src/extract/stated.js';
import { RENAME_WORD, RENAME_WORDS } from '../../src/extract/rules/statement/stated-rename.js';
import { foldHan } from '../../src/model/han.js';
import { parseMarkdown } from '../../src/read/markdown.js';

const findWord = (text: string, words: readonly string[]) => new WordList(words).find(text);

/** The word search as a plain loop: the oracle. */
function findWordPlain(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  const hasWord = (word: string): boolean => {
    if (!/^[a-z]/.test(word) && !/[a-z]$/.test(word)) return lower.includes(word);
    for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
      const before = lower[i - 1] ?? '';
      const after = lower.slice(i + word.length, i + word.length + 2);
      if (/^[a-z]/.test(word) && /[a-z]/.test(before)) continue;
      if (/[a-z]$/.test(word) && /^[a-z]/.test(after) && !/^s(?![a-z])/.test(after)) continue;
      return true;
    }
    return false;
  };
  for (const w of words) if (w && hasWord(w.toLowerCase())) return w;
  return undefined;
}

/** NFKC code point by code point with the map back, as it was before the fast paths: the oracle. */
function normalizePlain(original: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    let n = ch.normalize('NFKC');
    if (n === '～' || n === '〜') n = '~';
    // An ideographic space separates fields, except right after an identifier (`KR1.1　标题`), which it joins to its title.
    if (ch === '\u3000') n = /(?:^|[\s,(\[【*#\-])(?:[A-Z]{1,4}\d+(?:\.\d+)*|[A-Z][A-Z0-9]{1,9}-\d+)$/.test(norm) ? ' ' : ',';
    for (let k = 0; k < n.length; k++) map.push(i);
    norm += n;
    i += ch.length;
  }
  map.push(original.length);
  return { norm, map };
}

/** Characters that exercise Latin boundaries, case, plurals, regex metacharacters and CJK words. */
const unit = fc.constantFrom('a', 'b', 's', 'S', 'R', 'o', 'i', 'I', ' ', '-', '.', '*', '(', '|', '\\', '率', '成', '功', '进', '度', '%', '1');
const word = fc.string({ unit, minLength: 0, maxLength: 4 });
const text = fc.string({ unit, maxLength: 24 });

test('findWord answers like the plain ordered loop (first word in list order, Latin words standing alone)', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), fc.array(text, { minLength: 1, maxLength: 4 }), (words, texts) => {
      for (const t of texts) assert.is(findWord(t, words), findWordPlain(t, words), `${JSON.stringify(t)} in ${JSON.stringify(words)}`);
    }),
    { numRuns: 3000 },
  );
});

test('findWord: the cases the boundary rules exist for', () => {
  const kpi = ['ROI', 'and', '成功率'];
  assert.is(findWord('Android 进度', kpi), undefined);
  assert.is(findWord('ROIs 20%', kpi), 'ROI');
  assert.is(findWord('ROIst', kpi), undefined);
  assert.is(findWord('支付成功率', kpi), '成功率');
  // List order wins over position in the text.
  assert.is(findWord('and then ROI', kpi), 'ROI');
});

test('WordList.last finds the word ending last (the name is what precedes it)', () => {
  const list = new WordList(['进度', '完成', '完成度', 'done']);
  assert.equal(list.last('前端开发完成度'), { index: 4, word: '完成度' });
  assert.equal(list.last('迁移进度'), { index: 2, word: '进度' });
  assert.is(list.last('abandoned'), null);
  assert.equal(list.last('Export done'), { index: 7, word: 'done' });
});

/** WordList.last as a plain loop, word by word with lastIndexOf: the oracle of the indexed search. */
function lastPlain(text: string, words: readonly string[]): { index: number; word: string } | null {
  const lower = text.toLowerCase();
  let best: { index: number; word: string; end: number } | null = null;
  for (const w of words) {
    const i = lower.lastIndexOf(w.toLowerCase());
    if (i < 0) continue;
    if (/^[a-z]/.test(w.toLowerCase()) && (/[a-z]/i.test(text[i - 1] ?? '') || /[a-z]/i.test(text[i + w.length] ?? ''))) continue;
    const end = i + w.length;
    if (!best || end > best.end || (end === best.end && i < best.index)) best = { index: i, word: w, end };
  }
  return best ? { index: best.index, word: best.word } : null;
}

test('WordList.last answers like the plain loop (each word’s last occurrence, the one ending last, ties to the earlier start and list order)', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), fc.array(text, { minLength: 1, maxLength: 4 }), (words, texts) => {
      const list = new WordList(words);
      // Twice: the second call must not see the first call's marks.
      for (const t of [...texts, ...texts]) assert.equal(list.last(t), lastPlain(t, words), `${JSON.stringify(t)} in ${JSON.stringify(words)}`);
    }),
    { numRuns: 3000 },
  );
  // A word listed twice, a word inside another, a Latin word whose last occurrence is inside a longer word.
  const list = new WordList(['进度', '度', '进度', 'done', 'Done']);
  assert.equal(list.last('进度 done'), { index: 3, word: 'done' });
  assert.equal(list.last('总进度'), { index: 1, word: '进度' });
  assert.is(list.last('done undone'), null);
});

test('WordList.maybeWrittenIn answers like an alternation RegExp of the words as written (case-sensitive)', () => {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  fc.assert(
    fc.property(fc.array(word, { maxLength: 8 }), fc.array(text, { minLength: 1, maxLength: 4 }), (words, texts) => {
      const list = new WordList(words);
      const re = words.length ? new RegExp(words.map(escape).join('|')) : /(?!)/;
      for (const t of texts) assert.is(list.maybeWrittenIn(t), re.test(t), `${JSON.stringify(t)} in ${JSON.stringify(words)}`);
    }),
    { numRuns: 3000 },
  );
});

/** Text with full-width forms, compatibility characters, combining marks, surrogate pairs (paired and lone). */
const nfUnit = fc.constantFrom(
  'a', 'Z', '1', ' ', '进', '％', '６', '：', '（', '～', '〜', '\u3000', 'ﬁ', '㍿', 'e', '\u0301', 'Å', '\u212b', '😀', '\ud83d', '\ude00',
  '①', 'ｶ', '\uff9e', '가', '\u1100', '\u1161', '\u00a0', 'İ', '\u0344',
);

test('normalize: an ideographic space after an identifier joins it to its title on every path (a line of known characters too)', () => {
  // Found by the property test below: the unit-for-unit path made every ideographic space a field separator.
  for (const [line, want] of [
    ['Z1\u3000', 'Z1 '],
    ['KR1.1\u3000新手引导完成率', 'KR1.1 新手引导完成率'],
    ['PAY-112\u3000退款重构：６０％', 'PAY-112 退款重构:60%'],
    ['负责人：周凯\u3000进度：80%', '负责人:周凯,进度:80%'],
    ['第2期\u3000进度 40%', '第2期,进度 40%'],
  ] as const) {
    assert.is(normalize(line).norm, want, line);
    assert.is(normalize(line).norm, normalizePlain(line).norm, line);
  }
});

test('normalize gives the same text and map as NFKC code point by code point', () => {
  fc.assert(
    fc.property(fc.string({ unit: nfUnit, maxLength: 20 }), (s) => {
      const got = normalize(s);
      const want = normalizePlain(s);
      assert.is(got.norm, want.norm, JSON.stringify(s));
      assert.equal(got.map, want.map, JSON.stringify(s));
    }),
    { numRuns: 3000 },
  );
});

test('normalize: an already normal line keeps its text, a surrogate pair maps to its start', () => {
  const t = normalize('a😀b');
  assert.is(t.norm, 'a😀b');
  assert.equal(t.map, [0, 1, 1, 3, 4]);
  assert.is(normalize('进度：６０％').norm, '进度:60%');
});

/** URL ranges as they were found before the prefilter: the oracle. */
function urlRangesPlain(norm: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()（）]{1,2000}|[^\s<>()（）%]{0,200}%[0-9A-Fa-f]{2}[^\s<>()（）]{0,300}?\.(?:md|html?|pdf|png|jpe?g|docx?|xlsx?|csv)\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

test('urlRanges finds what the full scan finds', () => {
  const urlUnit = fc.constantFrom('http', 'HTTPS', '://', 'ftp://', 'www.', 'WWW.', '%', '%20', '%E7', '%2f', '.md', '.PDF', ' ', '(', 'a', '进度', '50%', '/');
  fc.assert(
    fc.property(fc.string({ unit: urlUnit, maxLength: 12 }), (s) => assert.equal(urlRanges(s), urlRangesPlain(s), JSON.stringify(s))),
    { numRuns: 3000 },
  );
});

test('a vocabulary passed in is never changed by compiling or extracting', () => {
  const vocabulary = resolveVocabulary();
  const before = JSON.stringify(vocabulary);
  const lexicon = compileLexicon(vocabulary);
  extract(parseMarkdown('# 第10周 2031-03-07\n\n- 清分系统进度40%\n', 'x.md'), { scheme: 'iso', lexicon });
  assert.not.ok(Object.isFrozen(vocabulary) || Object.isFrozen(vocabulary.kpiWords));
  assert.is(JSON.stringify(vocabulary), before);
});

test('each lexicon answers from its own lists (nothing is remembered across vocabularies)', () => {
  const doc = parseMarkdown('# 第10周 2031-03-07\n\n- 清分系统良率40%\n', 'x.md');
  const asKpi = extract(doc, { scheme: 'iso', lexicon: compileLexicon({ kpiWords: ['良率'] }) });
  const notKpi = extract(doc, { scheme: 'iso', lexicon: compileLexicon({ kpiWords: ['毛利率'], progressWords: ['良率'] }) });
  const again = extract(doc, { scheme: 'iso', vocabulary: { kpiWords: ['良率'] } });
  assert.is(asKpi.observations[0]?.kind, 'kpi');
  assert.is(notKpi.observations[0]?.kind, 'progress');
  assert.is(again.observations[0]?.kind, 'kpi');
});

test('configured words are marked: check can say a figure was decided by the user\'s own word', () => {
  const doc = parseMarkdown('# 第10周 2031-03-07\n\n- 清分系统已迁移占比40%\n', 'x.md');
  const plain = extract(doc, { scheme: 'iso', lexicon: compileLexicon() });
  assert.is(plain.observations.length, 0);
  const lexicon = compileLexicon({ progressWords: [...resolveVocabulary().progressWords, '已迁移占比'] }, ['已迁移占比']);
  const ex = extract(doc, { scheme: 'iso', lexicon });
  assert.equal(ex.observations.map((o) => [o.project, o.percent]), [['清分系统', 40]]);
  assert.equal([ex.findings[0]!.rule, ex.findings[0]!.word, ex.findings[0]!.configured], ['progress-word', '已迁移占比', true]);
});

test('nfkc answers like String.prototype.normalize on every BMP character and on mixed texts', () => {
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const s = String.fromCharCode(c);
    if (nfkc(s) !== s.normalize('NFKC')) assert.unreachable(`U+${c.toString(16)}: ${JSON.stringify(nfkc(s))}`);
  }
  // Characters of the fast path beside ones that compose, reorder or map (combining marks, jamo, ligatures, ①).
  const pool = ['a', 'Z', ' ', '，', '：', '％', '（', '中', '文', '—', '“', '…', '①', 'é', 'e', '\u0301', '\u0327', '\u3000', '～', '가', '\u1161', 'ﬁ', '·', 'ｶ', '\u3099', 'か', '\u302b', '\u302a', '😀'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 12 }), (parts) => {
      const s = parts.join('');
      assert.is(nfkc(s), s.normalize('NFKC'), JSON.stringify(s));
    }),
    { numRuns: 5000 },
  );
  assert.is(nfkc('进度：６０％（前端）'), '进度:60%(前端)');
});

test('PhraseSet finds a phrase wherever an alternation RegExp of the phrases does', () => {
  const phrases = ['已完成', '完成', '上线', 'done', 'went live', '✅', '✔️'];
  const set = new PhraseSet(phrases);
  const re = new RegExp(phrases.join('|'), 'u');
  const pool = ['已', '完', '成', '上', '线', 'd', 'o', 'n', 'e', ' ', 'went', 'live', '✅', '✔', '\uFE0F', '😀', 'x'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), (parts) => {
      const s = parts.join('');
      assert.is(set.test(s), re.test(s), JSON.stringify(s));
    }),
    { numRuns: 5000 },
  );
  assert.ok(new PhraseSet(['', 'x']).test('abc'), 'an empty phrase occurs everywhere');
  assert.not.ok(new PhraseSet([]).test('abc'), 'no phrase occurs nowhere');
});

test('PhraseSet.each lists every occurrence of every phrase, as indexOf from each position does', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: fc.constantFrom('已', '完', '成', '上', '线', 'd', 'o', 'n', 'e', '✅'), minLength: 1, maxLength: 3 }), { maxLength: 8 }), fc.string({ unit: fc.constantFrom('已', '完', '成', '上', '线', 'd', 'o', 'n', 'e', ' ', '✅'), maxLength: 16 }), (phrases, s) => {
      const got: string[] = [];
      new PhraseSet(phrases).each(s, (k, at) => got.push(`${k}@${at}`));
      const want: string[] = [];
      for (let at = 0; at < s.length; at++) phrases.forEach((p, k) => s.startsWith(p, at) && want.push(`${k}@${at}`));
      assert.equal(got.sort(), want.sort(), `${JSON.stringify(s)} for ${JSON.stringify(phrases)}`);
    }),
    { numRuns: 3000 },
  );
});

test('PhraseSet.testMapped answers like test() on the text the unit maps make (NFKC, folded, lowercased), or null', () => {
  const phrases = ['已完成', '上线', 'done', 'went live', '✅', '暂停'];
  const set = new PhraseSet(phrases);
  const pool = ['已', '完', '成', '上', '線', '线', 'D', 'd', 'o', 'n', 'e', ' ', 'Went', 'LIVE', '✅', '暫', '停', '，', 'Ｄ', 'ｏ', 'ﬁ', '\u3000', 'İ', '😀', 'x'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 10 }), (parts) => {
      const s = parts.join('');
      const got = set.testMapped(s, phraseUnit);
      const want = set.test(foldHan(nfkc(s)).toLowerCase());
      if (got === null) assert.ok([...s].some((ch) => ch.length > 1 || phraseUnit(ch.charCodeAt(0)) === NOT_ALONE), `null without a unit that maps otherwise: ${JSON.stringify(s)}`);
      else assert.is(got, want, JSON.stringify(s));
    }),
    { numRuns: 5000 },
  );
  assert.is(set.testMapped('項目已上線', phraseUnit), true, 'Traditional folds to Simplified');
  assert.is(set.testMapped('ＤＯＮＥ', phraseUnit), true, 'full-width and case');
  assert.is(set.testMapped('ﬁ', phraseUnit), null, 'a ligature only ICU normalises');
  // The rename words read folded never miss a block the rename rule's cue (its RegExp on NFKC text) would read;
  // they may take one more (`舊名` reads as `旧名`), which is then read in full.
  const cues = new PhraseSet(RENAME_WORDS.map((w) => w.toLowerCase()));
  const cuePool = ['原', '名', '舊', '旧', '更', '改', 'W', 'a', 's', 'ｓ', 'renamed', 'Formerly', ' ', '进度', 'ﬁ'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...cuePool), { maxLength: 8 }), (parts) => {
      const s = parts.join('');
      if (RENAME_WORD.test(nfkc(s))) assert.not.equal(cues.testMapped(s, phraseUnit), false, JSON.stringify(s));
    }),
    { numRuns: 3000 },
  );
  assert.is(cues.testMapped('It WAS renamed', phraseUnit), true);
  assert.is(cues.testMapped('进度 60%', phraseUnit), false);
});

test.run();
