// Traditional Chinese read as Simplified, character by character: `暫停`, `已上線`, `錯誤率`, `進度`, `本週` are the words the rules know.
/*
 * Teams in Taiwan and Hong Kong write the same reports in Traditional characters. The phrase and
 * word lists are Simplified; rather than doubling every list, the text a rule matches is folded to
 * Simplified with OpenCC's Traditional→Simplified character table (opencc-js, the data OpenCC itself
 * ships), regional forms (台灣 `為`, 香港 `裏`) through OpenCC's variant tables first. The fold is one
 * character for one character and keeps the string's length in UTF-16 units (a mapping that would
 * change it is skipped), so an offset found in the folded text is the same offset in the original.
 * Phrase-level conversions (軟體 → 软件) are not wanted here: they change words, not script.
 */

import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS_REV from 'opencc-js/dict/TWVariantsRev';
import HK_VARIANTS_REV from 'opencc-js/dict/HKVariantsRev';

let table: Tables | undefined;

/**
 * The fold and two tables of code points for the fast tests (what a RegExp class of the keys answered, without
 * trying a class of ~4,000 characters at each position): `keyUnit` marks each BMP code point that is a whole key
 * (1) or a part of a longer one (2), `keyAstral` holds the others.
 */
interface Tables {
  map: Map<string, string>;
  keyUnit: Uint8Array;
  keyAstral: Set<number>;
}

/** OpenCC's `from to|from to` dictionary into `m` (a first entry wins; `then` maps the result further). */
function add(m: Map<string, string>, dict: string, then?: ReadonlyMap<string, string>): void {
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || from === to || from.length !== to.length || m.has(from)) continue;
    const end = then?.get(to) ?? to;
    if (end.length === from.length) m.set(from, end);
  }
}

function build(): Map<string, string> {
  const ts = new Map<string, string>();
  add(ts, TS_CHARACTERS);
  const m = new Map(ts);
  add(m, TW_VARIANTS_REV, ts);
  add(m, HK_VARIANTS_REV, ts);
  // A regional variant that folds back to itself (`台`, `核`: 台灣's 臺 → 台 read in reverse) changes nothing, and
  // is no sign of a Traditional text: `中台`, `后台` are everyday Simplified. Dropped once the table is built, so
  // that no entry a later dictionary would have given is let in instead.
  for (const [from, to] of m) if (from === to) m.delete(from);
  return m;
}

function tables(): Tables {
  if (!table) {
    const map = build();
    const keyUnit = new Uint8Array(0x10000);
    const keyAstral = new Set<number>();
    for (const key of map.keys()) {
      const whole = [...key].length === 1;
      for (const ch of key) {
        const cp = ch.codePointAt(0)!;
        if (cp > 0xffff) keyAstral.add(cp);
        else if (whole) keyUnit[cp] = 1;
        else keyUnit[cp] ||= 2;
      }
    }
    table = { map, keyUnit, keyAstral };
  }
  return table;
}

/**
 * Does `text` hold a code point of a key: any (`whole` false), or one that is a key by itself (`whole` true,
 * the only ones foldHan maps, code point by code point)? Astral code points are left to the map.
 */
function holdsKey(text: string, whole: boolean): boolean {
  const { keyUnit, keyAstral } = tables();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (keyAstral.has((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000)) return true;
        i++;
        continue;
      }
    }
    const k = keyUnit[c]!;
    if (k === 1 || (k === 2 && !whole)) return true;
  }
  return false;
}

/** Does the text hold a Traditional character that folds to another one? */
export function hasTraditional(text: string): boolean {
  return holdsKey(text, false);
}

/** `text` with Traditional characters replaced by their Simplified forms (same length); other text unchanged. */
export function foldHan(text: string): string {
  // Most text holds no character to fold: then it is returned without being copied.
  if (!holdsKey(text, true)) return text;
  const t = tables().map;
  let out = '';
  let changed = false;
  for (const ch of text) {
    const s = t.get(ch);
    if (s !== undefined) {
      out += s;
      changed = true;
    } else out += ch;
  }
  return changed ? out : text;
}
