// Compiled vocabulary: every word list lowercased, classified and sorted once, plus memoised verdicts on repeated texts.
//
// The grammar asks the same questions many times per report (is this heading a KPI section? does this label hold a
// status word?). Asking them against raw `string[]` lists meant lowercasing, sorting and testing every word again on
// every call. Here each list is prepared once per list object (a WeakMap keyed by the array) and each vocabulary once
// per vocabulary object; the answers keep exactly the semantics of the plain loops they replace (first word in list
// order, Latin words standing alone). Word lists are treated as immutable once they reach the extractor.

import type { Vocabulary } from './vocabulary.js';

const LATIN_START = 1;
const LATIN_END = 2;

function isLatinLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** One word list, ready for look-ups. */
export class WordList {
  /** The list as given (empty words included, so positions match). */
  readonly words: readonly string[];
  /** `words[i].toLowerCase()`. */
  readonly lower: readonly string[];
  /** Per word: LATIN_START when its lowercase starts with a-z, LATIN_END when it ends with one. */
  private readonly flags: Uint8Array;
  /** Every word lowercased, for exact (case-insensitive) membership. */
  readonly lowerSet: ReadonlySet<string>;
  /** Every word as written, for exact (case-sensitive) membership. */
  readonly exactSet: ReadonlySet<string>;
  private ascii?: Uint8Array;
  private anyLower?: RegExp | null;
  private anyLowerAtEnd?: RegExp | null;
  private anyWritten?: RegExp | null;
  /** How many words the list had when compiled (a guard against a list grown in place). */
  readonly size: number;
  private sorted?: readonly string[];
  private sortedLower?: readonly string[];

  constructor(words: readonly string[]) {
    this.words = words;
    this.size = words.length;
    this.lower = words.map((w) => w.toLowerCase());
    this.flags = new Uint8Array(words.length);
    this.lower.forEach((lw, i) => {
      this.flags[i] = (/^[a-z]/.test(lw) ? LATIN_START : 0) | (/[a-z]$/.test(lw) ? LATIN_END : 0);
    });
    this.lowerSet = new Set(this.lower);
    this.exactSet = new Set(words);
  }

  /** The words, longest first (a stable sort: equal lengths keep list order). */
  get byLength(): readonly string[] {
    return (this.sorted ??= [...this.words].sort((a, b) => b.length - a.length));
  }

  /** `byLength`, each lowercased. */
  get byLengthLower(): readonly string[] {
    return (this.sortedLower ??= this.byLength.map((w) => w.toLowerCase()));
  }

  /**
   * Could any word occur in `lower` (already lowercased)? One alternation instead of a loop of searches; a
   * necessary condition only (Latin boundaries are not checked). Always true when the list holds an empty word.
   */
  maybeIn(lower: string): boolean {
    if (this.anyLower === undefined) this.anyLower = alternation(this.lower, '');
    return this.anyLower === null || this.anyLower.test(lower);
  }

  /** Could `lower` end with any (lowercased) word? Always true when the list holds an empty word. */
  maybeAtEnd(lower: string): boolean {
    if (this.anyLowerAtEnd === undefined) this.anyLowerAtEnd = alternation(this.lower, '$');
    return this.anyLowerAtEnd === null || this.anyLowerAtEnd.test(lower);
  }

  /** Could any word, as written (case-sensitive), occur in `text`? */
  maybeWrittenIn(text: string): boolean {
    if (this.anyWritten === undefined) this.anyWritten = alternation(this.words, '');
    return this.anyWritten === null || this.anyWritten.test(text);
  }

  /** Does `words[i]` start with a Latin letter (either case)? */
  asciiStart(i: number): boolean {
    this.ascii ??= Uint8Array.from(this.words, (w) => (/^[a-z]/i.test(w) ? 1 : 0));
    return this.ascii[i] === 1;
  }

  /** The first word (in list order) that `text` contains, case-insensitively; Latin words must stand alone. */
  find(text: string): string | undefined {
    const lower = text.toLowerCase();
    if (!this.maybeIn(lower)) return undefined;
    const { words, flags } = this;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w && this.occurs(lower, i, flags[i]!)) return w;
    }
    return undefined;
  }

  /** `lower[i]` in `text`; a Latin word must not touch other letters (a plural `s` may follow). */
  private occurs(text: string, i: number, flag: number): boolean {
    const word = this.lower[i]!;
    if (flag === 0) return text.includes(word);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      if (flag & LATIN_START && at > 0 && isLatinLower(text.charCodeAt(at - 1))) continue;
      if (flag & LATIN_END) {
        const end = at + word.length;
        const a0 = end < text.length ? text.charCodeAt(end) : -1;
        if (isLatinLower(a0)) {
          const a1 = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
          // `ROIs` counts as `ROI`, `Android` does not count as `and`.
          if (!(a0 === 115 && !isLatinLower(a1))) continue;
        }
      }
      return true;
    }
    return false;
  }
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

const lists = new WeakMap<readonly string[], WordList>();

/** The compiled form of a word list (built once per array). */
export function wordList(words: readonly string[]): WordList {
  let c = lists.get(words);
  if (!c || c.size !== words.length) {
    c = new WordList(words);
    lists.set(words, c);
  }
  return c;
}

/** A string-keyed memo that forgets everything when it grows past its bound (reports repeat their headings). */
export class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit = 20_000) {}

  get(key: string, compute: (key: string) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = compute(key);
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

/** A vocabulary with its lists compiled and memos for the verdicts that depend only on it and a text. */
export interface CompiledVocabulary {
  readonly vocab: Vocabulary;
  readonly lists: { readonly [K in keyof Vocabulary]: WordList };
  /** The vocabulary object was frozen when compiled (so its lists can never be replaced). */
  readonly frozen: boolean;
  /** Free-form memos, one per question, created on first use. */
  memo<V>(name: string): Memo<V>;
}

const compiledByVocab = new WeakMap<Vocabulary, CompiledVocabulary>();

function sameLists(c: CompiledVocabulary, vocab: Vocabulary): boolean {
  // A frozen vocabulary (the extractor's canonical ones) cannot have had a list replaced.
  if (c.frozen) return true;
  for (const key of Object.keys(c.lists) as (keyof Vocabulary)[]) {
    if (c.lists[key].words !== vocab[key]) return false;
  }
  return true;
}

/** The compiled form of a vocabulary (built once per vocabulary object, rebuilt if one of its lists is replaced). */
export function compileVocabulary(vocab: Vocabulary): CompiledVocabulary {
  const hit = compiledByVocab.get(vocab);
  if (hit && sameLists(hit, vocab)) return hit;
  const built = {} as { [K in keyof Vocabulary]: WordList };
  for (const key of Object.keys(vocab) as (keyof Vocabulary)[]) built[key] = wordList(vocab[key]);
  const memos = new Map<string, Memo<unknown>>();
  const c: CompiledVocabulary = {
    vocab,
    lists: built,
    frozen: Object.isFrozen(vocab),
    memo<V>(name: string): Memo<V> {
      let m = memos.get(name);
      if (!m) memos.set(name, (m = new Memo<unknown>()));
      return m as Memo<V>;
    },
  };
  compiledByVocab.set(vocab, c);
  return c;
}

const canonical: Vocabulary[] = [];

/** Same keys and the same words in the same order. */
function sameContent(a: Vocabulary, b: Vocabulary, keys: readonly (keyof Vocabulary)[]): boolean {
  if (Object.keys(b).length !== keys.length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (!y || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}

/**
 * One shared, frozen vocabulary object per distinct content: ingest hands every report a fresh copy of the same
 * lists (worker messages are cloned), and this lets the compiled lists and memos carry over from report to report.
 */
export function canonicalVocabulary(vocab: Vocabulary): Vocabulary {
  const keys = Object.keys(vocab) as (keyof Vocabulary)[];
  const hit = canonical.find((c) => sameContent(vocab, c, keys));
  if (hit) return hit;
  const frozen = {} as Vocabulary;
  for (const k of keys) frozen[k] = Object.freeze([...vocab[k]]) as string[];
  Object.freeze(frozen);
  if (canonical.length >= 8) canonical.pop();
  canonical.unshift(frozen);
  return frozen;
}
