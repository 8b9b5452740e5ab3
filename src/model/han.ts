// Traditional Chinese read as Simplified, character by character: `暫停`, `已上線`, `錯誤率` are the words the rules know.
/*
 * Teams in Taiwan and Hong Kong write the same reports in Traditional characters. The phrase and
 * word lists are Simplified; rather than doubling every list, the text a rule matches is folded to
 * Simplified with OpenCC's Traditional→Simplified character table (opencc-js, the data OpenCC itself
 * ships). The fold is one character for one character and keeps the string's length in UTF-16
 * units (a mapping that would change it is skipped), so an offset found in the folded text is the
 * same offset in the original. Phrase-level conversions (軟體 → 软件) are not wanted here: they change
 * words, not script.
 */

import TS_CHARACTERS from 'opencc-js/dict/TSCharacters';

let table: Map<string, string> | undefined;

function build(): Map<string, string> {
  const m = new Map<string, string>();
  for (const entry of TS_CHARACTERS.split('|')) {
    const [from, to] = entry.split(' ');
    if (!from || !to || from === to || from.length !== to.length) continue;
    m.set(from, to);
  }
  return m;
}

/** Fast test: is there any character outside ASCII, so folding could change something? */
const NON_ASCII = /[^\x00-\x7f]/u;

/** `text` with Traditional characters replaced by their Simplified forms (same length); other text unchanged. */
export function foldHan(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  const t = (table ??= build());
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
