// The vocabulary compiled for look-ups: built once per process (or worker) by the caller and passed down to every rule.
//
// Each word list is lowercased, classified (does it start or end with a Latin letter?) and given one alternation
// RegExp as a prefilter. The lexicon also carries the extractor's only memory across reports: a few bounded memos
// of answers that depend on a text and the vocabulary alone (a name as cleaned, a line head, whether a heading
// is ignored or names operating figures), because reports repeat their names and headings week after week.

import { resolveVocabulary, type Vocabulary } from './vocabulary.js';

const LATIN_START = 1;
const LATIN_END = 2;

function isLatinLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One RegExp matching any of `words` (literally, longest first), `suffix` appended; null when a word is empty. */
function alternation(words: readonly string[], suffix: string): RegExp | null {
  if (words.length === 0) return /(?!)/;
  if (words.some((w) => w === '')) return null;
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?:${sorted.map(escapeRegExp).join('|')})${suffix}`);
}

/** One word list, ready for look-ups. */
export class WordList {
  /** The list as given. */
  readonly words: readonly string[];
  /** `words[i].toLowerCase()`. */
  readonly lower: readonly string[];
  /** Every word lowercased, for exact (case-insensitive) membership. */
  readonly lowerSet: ReadonlySet<string>;
  /** Every word as written, for exact (case-sensitive) membership. */
  readonly exactSet: ReadonlySet<string>;
  /** The words, longest first (a stable sort: equal lengths keep list order). */
  readonly byLength: readonly string[];
  /** `byLength`, each lowercased. */
  readonly byLengthLower: readonly string[];
  private readonly flags: Uint8Array;
  /**
   * The lowercased words by their first code unit (indexes in list order): a text is searched once, position by
   * position, instead of once per word. Null when a word is empty (it occurs everywhere; the plain loops answer).
   */
  private readonly byFirst: Map<number, number[]> | null;
  /** Bit sets of first code units (8 KiB each: a lexicon holds ~30 lists). */
  private readonly firsts = new Uint8Array(0x2000);
  /** The words as written by their first code unit (null when a word is empty), for `maybeWrittenIn`. */
  private readonly byFirstWritten: Map<number, number[]> | null;
  private readonly firstsWritten = new Uint8Array(0x2000);
  /** Per word, the call of `last` that last saw it (a stamp instead of a fresh array per call). */
  private readonly seen: Uint32Array;
  private stamp = 0;
  private readonly anyLower: RegExp | null;
  private readonly anyLowerAtEnd: RegExp | null;
  private readonly anyWritten: RegExp | null;

  constructor(words: readonly string[]) {
    this.words = words;
    this.lower = words.map((w) => w.toLowerCase());
    this.flags = Uint8Array.from(this.lower, (lw) => (/^[a-z]/.test(lw) ? LATIN_START : 0) | (/[a-z]$/.test(lw) ? LATIN_END : 0));
    this.lowerSet = new Set(this.lower);
    this.exactSet = new Set(words);
    this.byLength = [...words].sort((a, b) => b.length - a.length);
    this.byLengthLower = this.byLength.map((w) => w.toLowerCase());
    this.anyLower = alternation(this.lower, '');
    this.anyLowerAtEnd = alternation(this.lower, '$');
    this.anyWritten = alternation(words, '');
    this.seen = new Uint32Array(words.length);
    if (words.some((w) => w === '')) this.byFirstWritten = null;
    else {
      const byFirst = new Map<number, number[]>();
      words.forEach((w, k) => {
        const c = w.charCodeAt(0);
        this.firstsWritten[c >> 3] |= 1 << (c & 7);
        const list = byFirst.get(c);
        if (list) list.push(k);
        else byFirst.set(c, [k]);
      });
      this.byFirstWritten = byFirst;
    }
    if (this.lower.some((w) => w === '')) this.byFirst = null;
    else {
      this.byFirst = new Map();
      this.lower.forEach((w, k) => {
        const c = w.charCodeAt(0);
        this.firsts[c >> 3] |= 1 << (c & 7);
        const list = this.byFirst!.get(c);
        if (list) list.push(k);
        else this.byFirst!.set(c, [k]);
      });
    }
  }

  /** Could any word occur in `lower` (already lowercased)? A necessary condition only (Latin boundaries unchecked). */
  maybeIn(lower: string): boolean {
    return this.anyLower === null || this.anyLower.test(lower);
  }

  /** Could `lower` end with any (lowercased) word? */
  maybeAtEnd(lower: string): boolean {
    return this.anyLowerAtEnd === null || this.anyLowerAtEnd.test(lower);
  }

  /** Does any word, as written (case-sensitive), occur in `text`? (Found position by position, as `find` does.) */
  maybeWrittenIn(text: string): boolean {
    const { byFirstWritten, firstsWritten } = this;
    if (byFirstWritten === null) return this.anyWritten === null || this.anyWritten.test(text);
    for (let at = 0; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if ((firstsWritten[c >> 3]! & (1 << (c & 7))) === 0) continue;
      for (const k of byFirstWritten.get(c)!) if (text.startsWith(this.words[k]!, at)) return true;
    }
    return false;
  }

  /** Does `words[i]` start with a Latin letter? */
  latinStart(i: number): boolean {
    return (this.flags[i]! & LATIN_START) !== 0;
  }

  /** The first word (in list order) that `text` contains, case-insensitively; Latin words must stand alone. */
  find(text: string): string | undefined {
    const lower = text.toLowerCase();
    const { byFirst, firsts } = this;
    if (byFirst === null) {
      if (!this.maybeIn(lower)) return undefined;
      for (let i = 0; i < this.words.length; i++) {
        if (this.words[i] && this.occurs(lower, i)) return this.words[i];
      }
      return undefined;
    }
    // Every occurrence of every word, position by position: the word first in list order that occurs standing
    // alone is the one the ordered loop would return.
    let best = this.words.length;
    for (let at = 0; at < lower.length && best > 0; at++) {
      const c = lower.charCodeAt(at);
      if ((firsts[c >> 3]! & (1 << (c & 7))) === 0) continue;
      for (const k of byFirst.get(c)!) {
        if (k >= best) break;
        if (lower.startsWith(this.lower[k]!, at) && this.standsAt(lower, k, at)) best = k;
      }
    }
    return best < this.words.length ? this.words[best] : undefined;
  }

  /** Is `text` (trimmed, case-insensitive) exactly one of the words? */
  is(text: string): boolean {
    return this.lowerSet.has(text.trim().toLowerCase());
  }

  /**
   * The word ending last in `text` (a tie goes to the one starting first): `前端进度` → `进度`. Latin words
   * must stand alone (`done`, not inside `abandoned`).
   */
  last(text: string): { index: number; word: string } | null {
    const lower = text.toLowerCase();
    const { byFirst, firsts } = this;
    let hits: number[] | undefined;
    if (byFirst === null) {
      if (!this.maybeIn(lower)) return null;
    } else {
      // Each word's last occurrence (what lastIndexOf gives), found in one pass from the end of the text.
      const stamp = ++this.stamp >>> 0 || (this.seen.fill(0), (this.stamp = 1));
      for (let at = lower.length - 1; at >= 0; at--) {
        const c = lower.charCodeAt(at);
        if ((firsts[c >> 3]! & (1 << (c & 7))) === 0) continue;
        for (const k of byFirst.get(c)!) {
          if (this.seen[k] !== stamp && lower.startsWith(this.lower[k]!, at)) {
            this.seen[k] = stamp;
            (hits ??= []).push(k * 0x100000000 + at);
          }
        }
      }
      if (hits === undefined) return null;
      // Not sorted into list order: the choice below depends on the order only between words found at one
      // position (same start, same end), and those are found in list order.
    }
    let best: { index: number; word: string; end: number } | null = null;
    const count = hits ? hits.length : this.words.length;
    for (let h = 0; h < count; h++) {
      const k = hits ? Math.floor(hits[h]! / 0x100000000) : h;
      const w = this.words[k]!;
      const i = hits ? hits[h]! % 0x100000000 : lower.lastIndexOf(this.lower[k]!);
      if (i < 0) continue;
      if (this.latinStart(k) && (/[a-z]/i.test(text[i - 1] ?? '') || /[a-z]/i.test(text[i + w.length] ?? ''))) continue;
      const end = i + w.length;
      if (!best || end > best.end || (end === best.end && i < best.index)) best = { index: i, word: w, end };
    }
    return best ? { index: best.index, word: best.word } : null;
  }

  /** `lower[i]` in `text`; a Latin word must not touch other letters (a plural `s` may follow). */
  private occurs(text: string, i: number): boolean {
    const word = this.lower[i]!;
    if (this.flags[i]! === 0) return text.includes(word);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) if (this.standsAt(text, i, at)) return true;
    return false;
  }

  /** Does `lower[i]`, found at `at` of `text`, stand alone there (a Latin word not touching other letters; a plural `s` may follow)? */
  private standsAt(text: string, i: number, at: number): boolean {
    const flag = this.flags[i]!;
    if (flag === 0) return true;
    if (flag & LATIN_START && at > 0 && isLatinLower(text.charCodeAt(at - 1))) return false;
    if (flag & LATIN_END) {
      const end = at + this.lower[i]!.length;
      const a0 = end < text.length ? text.charCodeAt(end) : -1;
      if (isLatinLower(a0)) {
        const a1 = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
        // `ROIs` counts as `ROI`, `Android` does not count as `and`.
        if (!(a0 === 115 && !isLatinLower(a1))) return false;
      }
    }
    return true;
  }
}

/** A vocabulary with every list compiled: what rules receive. */
export interface Lexicon {
  readonly vocab: Readonly<Vocabulary>;
  readonly lists: { readonly [K in keyof Vocabulary]: WordList };
  /** Words the user configured (`progressWords` of milestones.config.json), so `check` can say so. */
  readonly configured: ReadonlySet<string>;
  /**
   * Names as cleaned (raw text → name) and headings as named: reports repeat their names and headings week after
   * week, and cleaning one is the extractor's costliest step. The only memory the extractor keeps; bounded (emptied
   * at 20,000 names).
   */
  readonly names: Map<string, string>;
  /** A line's first clause → how much of it names the line's item (-1: none): see `lineHead` in facts.ts. Bounded alike. */
  readonly heads: Map<string, number>;
  /**
   * Yes/no answers about a heading, parent or intro text (`isKpiText`, `isIgnoredHeading` in index.ts,
   * `isGenericHeading` in names.ts), one memo per question keyed by the text itself (a key built per question made
   * every look-up hash a new string). Bounded alike.
   */
  readonly flags: { readonly kpi: Map<string, boolean>; readonly ignored: Map<string, boolean>; readonly generic: Map<string, boolean> };
}

/** Entries a memo of the lexicon holds before it is emptied. */
export const MEMO_LIMIT = 20_000;

/** `compute(key)`, remembered in `memo` (one of the lexicon's memos; emptied when it holds MEMO_LIMIT answers). */
export function remember<V>(memo: Map<string, V>, key: string, compute: (key: string) => V): V {
  let v = memo.get(key);
  if (v === undefined) {
    v = compute(key);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, v);
  }
  return v;
}

/**
 * Compiles a vocabulary (missing lists take the defaults). Call it once per process or worker and pass the
 * result down; `configured` names the words that came from the user's configuration.
 */
export function compileLexicon(vocabulary?: Partial<Vocabulary>, configured: Iterable<string> = []): Lexicon {
  const vocab = resolveVocabulary(vocabulary);
  const lists = {} as { [K in keyof Vocabulary]: WordList };
  for (const key of Object.keys(vocab) as (keyof Vocabulary)[]) lists[key] = new WordList(vocab[key]);
  return { vocab, lists, configured: new Set([...configured].map((w) => w.toLowerCase())), names: new Map(), heads: new Map(), flags: { kpi: new Map(), ignored: new Map(), generic: new Map() } };
}
