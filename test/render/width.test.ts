// The table width fast path agrees with string-width on every kind of text.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { width } from '../../src/render/format.js';

const SAMPLES = [
  '',
  'plain ascii 123',
  '轻存管&定转佣能力建设',
  'Ｈｉｖｅ数仓：７２．２％',
  '进度（总数164个）：69.29%',
  '한국어 텍스트',
  '\u1100\u1161\u11a8 jamo',
  'café e\u0301',
  '👍 done ✅',
  '👨‍👩‍👧 family',
  '🇨🇳 flag',
  '1\u20e3 keycap',
  '\u001b[31mred\u001b[0m 红',
  'tab\there',
  'zero\u200bwidth',
  'ｶﾀｶﾅ ﾃｽﾄ',
  '—',
];

test('agrees with string-width on CJK, full-width, Hangul, emoji, combining marks and ANSI', () => {
  for (const s of SAMPLES) assert.is(width(s), stringWidth(s), JSON.stringify(s));
});

test('agrees with string-width on random Unicode (property)', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 24 }), (s) => width(s) === stringWidth(s)),
    { numRuns: 3000, seed: 20231116 },
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (s) => width(s) === stringWidth(s)),
    { numRuns: 3000, seed: 7 },
  );
});

/** Strings drawn from the ranges the fast path takes, so the property exercises it rather than the fallback. */
const RANGES: [number, number][] = [
  [0x20, 0x7e], [0xa0, 0x2ff], [0x370, 0x3ff], [0x2010, 0x205e], [0x2e80, 0x303f], [0x3041, 0x30ff], [0x3105, 0x31ff], [0x3164, 0x3164],
  [0x3200, 0x9fff], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff01, 0xffee],
];
const fastPathChar = fc.oneof(...RANGES.map(([lo, hi]) => fc.integer({ min: lo, max: hi }))).map((cp) => String.fromCodePoint(cp));

test('agrees with string-width on text from the fast path’s ranges (property)', () => {
  fc.assert(
    fc.property(fc.array(fastPathChar, { maxLength: 30 }), (chars) => {
      const s = chars.join('');
      return width(s) === stringWidth(s);
    }),
    { numRuns: 5000, seed: 42 },
  );
});

test.run();
