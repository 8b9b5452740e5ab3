// Name normalisation and item identity: how one project is recognised from week to week.

/** Leading list markers and numbering: `1.`, `2、`, `(3)`, `A.`, `-`, `•`, `①`. */
const LIST_MARKER = /^(?:[-*+•·●○◦▪■□]\s*|\(?\d{1,3}[.)、]\s*|[(（]\d{1,3}[)）]\s*|[A-Za-z][.、]\s+|[①-⑳]\s*)+/u;

/**
 * Markers of a new item (`（新）`, `【新增】`, `(NEW)`, `[新]`) at either end: never part of a name, so
 * `商户分账（新）` one week and `商户分账` the next are one item (after NFKC, `（）` are `()`).
 */
const NEW_MARKER = /^[(\[【]\s*(?:新|新增|新立项|新项目|new|NEW|New)\s*[)\]】]\s*|\s*[(\[【]\s*(?:新|新增|新立项|新项目|new|NEW|New)\s*[)\]】]$/u;

/** Punctuation trimmed from both ends (after NFKC, full-width forms are ASCII already). */
const EDGE_PUNCT = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;

/**
 * The comparison form of a project or metric name: NFKC (full-width ％ ： （ become ASCII),
 * list markers, new-item markers and edge punctuation removed, inner whitespace collapsed, Latin case-folded.
 * Display forms are kept elsewhere; this is only for identity.
 */
export function normalizeName(name: string | null | undefined): string {
  if (!name) return '';
  let s = normalized.get(name);
  if (s === undefined) {
    if (normalized.size >= MAX_CACHED) normalized.clear();
    s = computeNormalized(name);
    normalized.set(name, s);
  }
  return s;
}

/**
 * Analyses call normalizeName for each of 100,000+ observations, but a department has only a
 * few thousand distinct names; the cache makes each distinct name cost once. Bounded so a
 * long-running caller cannot grow it without limit.
 */
const normalized = new Map<string, string>();
const MAX_CACHED = 50_000;

/**
 * Invisible format characters (Unicode Cf: zero-width space and joiners, bidi embeddings and
 * overrides U+202A–202E and isolates U+2066–2069, the BOM, the soft hyphen): they change no visible
 * letter, so a name holding one is the same name (issue 8: a ZWSP made one project `dropped` + `new`).
 */
const INVISIBLE = /\p{Cf}/gu;

/** `name` without invisible format characters (see INVISIBLE); report text keeps them, escaped on display. */
export function stripInvisible(name: string): string {
  return name.replace(INVISIBLE, '');
}

function computeNormalized(name: string): string {
  let s = stripInvisible(name).normalize('NFKC').trim();
  s = s.replace(LIST_MARKER, '');
  s = s.replace(NEW_MARKER, '').replace(NEW_MARKER, '');
  s = s.replace(EDGE_PUNCT, '');
  s = s.replace(/\s+/g, ' ');
  return s.toLowerCase();
}

/** Code-point order (UTF-16 units agree with code points in the BMP, where CJK lives): deterministic whatever the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Aliases map a normalised name to the canonical display name it stands for. */
export type AliasMap = ReadonlyMap<string, string>;

/** The canonical display name of a project after aliases (follows chains, stops on cycles). */
export function canonicalProject(project: string, aliases: AliasMap): string {
  let current = project;
  const seen = new Set<string>();
  for (;;) {
    const key = normalizeName(current);
    const next = aliases.get(key);
    if (next === undefined || seen.has(key)) return current;
    seen.add(key);
    current = next;
  }
}

/**
 * An item's identity across weeks: `team` + normalised canonical project + normalised metric.
 * The team part is empty for the default team, so single-team keys read `项目/前端`.
 */
export function itemKey(team: string, project: string, metric: string | null, aliases: AliasMap = new Map()): string {
  const base = `${normalizeName(canonicalProject(project, aliases))}/${normalizeName(metric)}`;
  return team ? `${team}\u0000${base}` : base;
}
