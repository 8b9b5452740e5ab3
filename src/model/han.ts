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

let table: Map<string, string> | undefined;
let anyTraditional: RegExp | undefined;

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
  return m;
}

function tables(): { map: Map<string, string>; any: RegExp } {
  if (!table) {
    table = build();
    const chars = [...table.keys()].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
    anyTraditional = new RegExp(`[${chars}]`, 'u');
  }
  return { map: table, any: anyTraditional! };
}

/** Fast test: is there any character outside ASCII, so folding could change something? */
const NON_ASCII = /[^\x00-\x7f]/u;

/** Does the text hold a Traditional character that folds to another one? */
export function hasTraditional(text: string): boolean {
  return NON_ASCII.test(text) && tables().any.test(text);
}

/** `text` with Traditional characters replaced by their Simplified forms (same length); other text unchanged. */
export function foldHan(text: string): string {
  if (!NON_ASCII.test(text)) return text;
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

/** The same fold, under the name the readers use. */
export const foldTraditional = foldHan;
