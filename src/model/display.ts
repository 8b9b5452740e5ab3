// One escaping function for everything shown to a person: control and invisible format characters become visible escapes.

/**
 * Characters that must never reach a terminal or a page raw: C0/C1 controls and DEL (ESC
 * sequences, a newline that would forge an output line), format characters (bidi overrides
 * and isolates, zero-width spaces and joiners, the BOM, soft hyphen, tags) and the Unicode
 * line and paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const ZWJ = '\u200d';
/** A zero-width joiner between two pictographs builds one emoji (👩‍💻): part of the text, not a trick. */
const PICTOGRAPH_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u;
const PICTOGRAPH_AFTER = /^\p{Extended_Pictographic}/u;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `\n`, `\r`, `\t`; `\x1b` below U+0100; `\u202e` in the BMP; `\u{e0041}` beyond. */
export function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16);
  if (cp < 0x100) return `\\x${hex.padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${hex.padStart(4, '0')}`;
  return `\\u{${hex}}`;
}

/**
 * Text as it may be shown: every unsafe character replaced by its visible escape, so a file
 * name holding `\x1b[2J` or a newline prints as that text instead of clearing the screen or
 * starting a line of its own, and a right-to-left override cannot reorder what follows.
 * Everything else (CJK, full-width forms, emoji) is left as written.
 */
export function escapeControls(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE_ALL, (ch: string, at: number) => {
    if (ch === ZWJ && PICTOGRAPH_BEFORE.test(s.slice(Math.max(0, at - 2), at)) && PICTOGRAPH_AFTER.test(s.slice(at + 1, at + 3))) {
      return ch;
    }
    return escapeChar(ch);
  });
}

/** True when `escapeControls` would change `s`. */
export function hasControls(s: string): boolean {
  return UNSAFE.test(s) && escapeControls(s) !== s;
}
