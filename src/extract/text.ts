// Text helpers for the grammar: NFKC with a map back to the written form, percentage scanning, URL masks.

export { chineseNumber } from '../model/label.js';

/** A line normalised with NFKC (full-width ％ ： （ ６ become ASCII) and a map back to the original. */
export interface NormalText {
  /** The original text, as written. */
  original: string;
  /** NFKC of `original`, code point by code point. */
  norm: string;
  /** `map[i]` is the index in `original` of the code point that produced `norm[i]`; `map[norm.length] = original.length`. */
  readonly map: number[];
  /** Set when NFKC left the text alone (`norm === original`): positions need no map. */
  readonly identity?: boolean;
}

/** An identifier ending the text so far: `KR1.1`, `O2`, `PAY-112` (at the start or after a space or marker). */
const ID_BEFORE = /(?:^|[\s,(\[【*#\-])(?:[A-Z]{1,4}\d+(?:\.\d+)*|[A-Z][A-Z0-9]{1,9}-\d+)$/;

/** Characters the loop below rewrites although NFKC keeps them. */
const REWRITTEN = /[～〜\u3000]/;

/**
 * Code units whose NFKC is known without ICU, for the text reports are made of: 1 = NFKC keeps it (ASCII, the
 * CJK ideographs, CJK and general punctuation, arrows, box drawing and shapes), 2 = full-width ASCII (`，：％（`),
 * which NFKC maps to ASCII. None of them is a combining mark or composes with another of them, so NFKC of a
 * text made only of them is the text with its full-width ASCII mapped, code unit by code unit. Checked against
 * ICU when the table is built: a code unit whose NFKC is not what the table says is left to ICU.
 */
const KNOWN = (() => {
  const t = new Uint8Array(0x10000);
  const keep = (from: number, to: number) => {
    for (let c = from; c <= to; c++) if (String.fromCharCode(c).normalize('NFKC') === String.fromCharCode(c)) t[c] = 1;
  };
  keep(0x09, 0x0d);
  keep(0x20, 0x7e);
  keep(0x2010, 0x2027);
  keep(0x2030, 0x205e);
  keep(0x2190, 0x21ff);
  keep(0x2500, 0x27bf);
  keep(0x3001, 0x3029);
  keep(0x4e00, 0x9fff);
  for (let c = 0xff01; c <= 0xff5e; c++) if (String.fromCharCode(c).normalize('NFKC') === String.fromCharCode(c - 0xfee0)) t[c] = 2;
  return t;
})();

/** The code unit `nfkc` maps code unit `c` to in a text made of KNOWN characters, or -1 when only ICU can tell. */
export function nfkcUnit(c: number): number {
  const k = KNOWN[c];
  return k === 1 ? c : k === 2 ? c - 0xfee0 : -1;
}

/**
 * `s.normalize('NFKC')`, without ICU for a text made of the characters of KNOWN (most lines of a report): the
 * same string when NFKC keeps every character, else the string with its full-width ASCII mapped.
 */
export function nfkc(s: string): string {
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    const k = KNOWN[s.charCodeAt(i)]!;
    if (k === 0) return s.normalize('NFKC');
    if (k === 2) wide = true;
  }
  if (!wide) return s;
  // The runs between full-width characters are sliced, not copied unit by unit.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (KNOWN[c] !== 2) continue;
    out += s.slice(from, i) + String.fromCharCode(c - 0xfee0);
    from = i + 1;
  }
  return out + s.slice(from);
}

/**
 * Is NFKC of `s` the same string, as far as KNOWN tells without ICU? `kept`: it is; `changed`: it is not (a
 * full-width ASCII character, which NFKC output never holds); `ask`: only ICU can tell.
 */
function nfkcKeeps(s: string): 'kept' | 'changed' | 'ask' {
  let unknown = false;
  for (let i = 0; i < s.length; i++) {
    const k = KNOWN[s.charCodeAt(i)];
    if (k === 2) return 'changed';
    if (k === 0) unknown = true;
  }
  return unknown ? 'ask' : 'kept';
}

export function normalize(original: string): NormalText {
  // Most lines are NFKC already: then every code point maps to itself (a string in NFKC holds no code point
  // that NFKC would change on its own), and only the map needs building. A line with full-width punctuation
  // (`，：％`, most Chinese lines) is not, and is not handed to ICU to find that out.
  if (!REWRITTEN.test(original)) {
    const keeps = nfkcKeeps(original);
    if (keeps === 'kept' || (keeps === 'ask' && original.normalize('NFKC') === original)) return identity(original);
  }
  // A line of KNOWN characters (and ideographic spaces) maps unit for unit, as the loop below would map it.
  const unitForUnit = mapUnitForUnit(original);
  if (unitForUnit !== null) return new UnitForUnitText(original, unitForUnit);
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of original) {
    const c = ch.charCodeAt(0);
    // ASCII and the common CJK ideographs are NFKC on their own: no need to ask ICU.
    // Full-width ASCII (`，：％（）`) is its ASCII letter under NFKC, and `、。「」【】` are NFKC already.
    let n =
      c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x3035)
        ? ch
        : c >= 0xff01 && c <= 0xff5e
          ? String.fromCharCode(c - 0xfee0)
          : ch.normalize('NFKC');
    // NFKC keeps these as they are; they are the same punctuation for our purposes.
    if (n === '～' || n === '〜') n = '~';
    // An ideographic space separates fields in Feishu/Notion exports (`负责人：周凯　进度：80%`).
    // After an identifier (`KR1.1　新手引导`, `O2　降本`, `PAY-112　退款重构`) it only separates the id from its title.
    if (ch === '\u3000') n = ID_BEFORE.test(norm) ? ' ' : ',';
    for (let k = 0; k < n.length; k++) map.push(i);
    norm += n;
    i += ch.length;
  }
  map.push(original.length);
  return { original, norm, map };
}

/**
 * What the loop of `normalize` makes of a text whose every code unit is KNOWN (or an ideographic space), one unit
 * for one: full-width ASCII as ASCII, `〜`/`～` as `~`, an ideographic space as `,` (not after a digit, where it may
 * follow an identifier); null for any other text.
 */
function mapUnitForUnit(s: string): string | null {
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = KNOWN[c]!;
    if (k === 1) units[i] = c === 0x301c ? 0x7e : c;
    else if (k === 2) units[i] = c - 0xfee0;
    // An ideographic space is `,` unless an identifier ends right before it (ID_BEFORE: it ends in a digit);
    // then the loop decides.
    else if (c === 0x3000 && !(i > 0 && units[i - 1]! >= 0x30 && units[i - 1]! <= 0x39)) units[i] = 0x2c;
    else return null;
  }
  return fromUnits(units);
}

/** The string of UTF-16 code units (in chunks: a huge line must not overflow the argument list). */
function fromUnits(units: Uint16Array): string {
  if (units.length <= 4096) return String.fromCharCode.apply(null, units as unknown as number[]);
  let out = '';
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
  return out;
}

/** `normalize` of a text mapped unit for unit: position j of the normal text is position j as written (map built if asked). */
class UnitForUnitText implements NormalText {
  private built: number[] | undefined;
  constructor(
    readonly original: string,
    readonly norm: string,
  ) {}

  get map(): number[] {
    if (!this.built) {
      const map = new Array<number>(this.original.length + 1);
      for (let j = 0; j <= this.original.length; j++) map[j] = j;
      this.built = map;
    }
    return this.built;
  }
}

/** The start of the code point holding UTF-16 unit `j`: the low half of a surrogate pair belongs one unit earlier. */
function codePointStart(s: string, j: number): number {
  const c = s.charCodeAt(j);
  const prev = j > 0 ? s.charCodeAt(j - 1) : 0;
  return c >= 0xdc00 && c <= 0xdfff && prev >= 0xd800 && prev <= 0xdbff ? j - 1 : j;
}

/** `normalize` of a string NFKC leaves alone: the same text; its map (each unit to its code point's start) built only if asked. */
class IdentityText implements NormalText {
  readonly identity = true;
  private built: number[] | undefined;
  constructor(readonly original: string) {}

  get norm(): string {
    return this.original;
  }

  get map(): number[] {
    if (!this.built) {
      const { original } = this;
      const map = new Array<number>(original.length + 1);
      for (let j = 0; j < original.length; j++) map[j] = codePointStart(original, j);
      map[original.length] = original.length;
      this.built = map;
    }
    return this.built;
  }
}

function identity(original: string): NormalText {
  return new IdentityText(original);
}

/** The written form of the normalised range [a, b). */
export function written(t: NormalText, a: number, b: number): string {
  const len = t.norm.length;
  const ca = Math.max(0, Math.min(a, len));
  const cb = Math.max(0, Math.min(b, len));
  if (t.identity) {
    const s = ca < len ? codePointStart(t.original, ca) : len;
    const e = cb < len ? codePointStart(t.original, cb) : len;
    return t.original.slice(s, Math.max(s, e));
  }
  const s = t.map[ca]!;
  const e = t.map[cb]!;
  return t.original.slice(s, Math.max(s, e));
}

/** One percentage sign with its number, in normalised coordinates. */
export interface PercentMatch {
  /** Start of the sign or number. */
  start: number;
  /** Just after the `%`. */
  end: number;
  /** Start of the digits (after any sign). */
  numStart: number;
  sign: '' | '-' | '+';
  digits: string;
  value: number;
  /** Written with an exponent (`1e400`). */
  exponent: boolean;
  /** The figure rule that found it. */
  form: string;
}

const NUMBER_BEFORE = /([-+]?)(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)[ \t\u00a0]*$/;

/**
 * Every `NN%` in a normalised line; a sign counts only when it is not a hyphen inside a word.
 * Works backwards from each `%` over a bounded window, so huge lines stay linear.
 */
export function scanPercents(norm: string, form = 'percent-sign'): PercentMatch[] {
  const out: PercentMatch[] = [];
  for (let p = norm.indexOf('%'); p >= 0; p = norm.indexOf('%', p + 1)) {
    const from = Math.max(0, p - 80);
    const m = NUMBER_BEFORE.exec(norm.slice(from, p));
    if (!m) continue;
    let start = from + m.index;
    const numStart = start + m[1]!.length;
    // A longer number than the window, or `.5%`: not a figure we can read.
    if (numStart > 0 && /[\d.]/.test(norm[numStart - 1]!) && m[1] === '') continue;
    let sign = m[1] as '' | '-' | '+';
    const before = start > 0 ? norm[start - 1]! : '';
    // A hyphen after a Latin letter or digit (`A-5%`, `2.0-5%`) is a dash; after `进度` it is a minus.
    if (sign && /[A-Za-z0-9]/.test(before)) {
      start += 1;
      sign = '';
    }
    const digits = m[2]!;
    out.push({
      start,
      end: p + 1,
      numStart,
      sign,
      digits,
      value: Number(digits) * (sign === '-' ? -1 : 1),
      exponent: /[eE]/.test(digits),
      form,
    });
  }
  return out;
}

/** True when the `%` ending at `end` starts a URL-encoded byte (`%20`, `%E7%AC`). */
export function isUrlEncoded(norm: string, m: PercentMatch): boolean {
  const after = norm.slice(m.end, m.end + 5);
  const hex = /^[0-9A-Fa-f]{2}/.exec(after);
  if (hex && (/\d/.test(hex[0]) || /^[0-9A-Fa-f]{2}%[0-9A-Fa-f]{2}/.test(after))) return true;
  // The digits themselves may be the tail of an encoded byte: `%AC03%…` (already covered above), or `%2F50%`.
  const before = norm.slice(Math.max(0, m.numStart - 3), m.numStart);
  return /%[0-9A-Fa-f]{2}$/.test(before) && /^[0-9A-Fa-f]{2}/.test(after);
}

const URL_HINT = /https?:\/\/|ftp:\/\/|www\.|%[0-9A-Fa-f]{2}/i;

/** Ranges of bare URLs and file links (`https://…`, `www.…`, `x%20y.md`) in a normalised line. */
export function urlRanges(norm: string): [number, number][] {
  const out: [number, number][] = [];
  // Every match holds a scheme, `www.` or an encoded byte: without one, skip the (costly) scan.
  if (!URL_HINT.test(norm)) return out;
  const re = /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()（）]{1,2000}|[^\s<>()（）%]{0,200}%[0-9A-Fa-f]{2}[^\s<>()（）]{0,300}?\.(?:md|html?|pdf|png|jpe?g|docx?|xlsx?|csv)\b/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(norm))) {
    out.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Is `pos` inside one of `ranges` (sorted by start and not overlapping, as urlRanges makes them)?
 * A binary search: one linear scan per figure was quadratic on a long line of links (issue 8).
 */
export function inRanges(pos: number, ranges: readonly [number, number][]): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && pos < ranges[lo - 1]![1];
}

/** Escapes a word for use inside a RegExp. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
