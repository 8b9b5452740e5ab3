// Messages of the pipeline and the command line (errors, hints, notes, warnings, check's reasons, --help) in the reader's language.
//
// gettext's way: the English text in the code is the message id, and each other language has a
// catalogue from id to translation (src/render/messages-zh.ts). The code keeps saying what it
// says in English — JSON, the database and the tests read that — and the one place that shows
// a message to a person (a renderer, the CLI's stderr, --help) asks for it in the reader's
// language. A message the code interpolated (`unknown week "W20"`) is matched against its id
// (`unknown week {0}`) and the pieces put into the translation; a piece that is itself a
// message (a hint, a nested clause) is translated too. `scripts/messages.ts` lists the ids of
// the code, and a test fails on any without a translation.

import type { Lang } from './lang.js';
import { MESSAGES_ZH } from './messages-zh.js';

/** `{0}`, `{1}` … in a message id and its translation. */
const PLACEHOLDER = /\{(\d+)\}/g;

interface Template {
  /** The literal text before the first placeholder: only messages starting with it are tried. */
  prefix: string;
  pattern: RegExp;
  translation: string;
}

interface Catalogue {
  exact: Map<string, string>;
  /** Most literal text first: `{0} is outside 0–100; not taken as {1}` before `{0}; not read`. */
  templates: Template[];
  memo: Map<string, string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(entries: Readonly<Record<string, string>>): Catalogue {
  const exact = new Map<string, string>();
  const templates: (Template & { literal: number })[] = [];
  for (const [id, translation] of Object.entries(entries)) {
    if (!/\{\d+\}/.test(id)) {
      exact.set(id, translation);
      continue;
    }
    const parts = id.split(/\{\d+\}/);
    const order = [...id.matchAll(PLACEHOLDER)].map((m) => Number(m[1]));
    // Groups are named by placeholder number, so a translation may use them in any order.
    const source = parts.map((p, i) => escapeRe(p) + (i < order.length ? `(?<p${order[i]}>[\\s\\S]*?)` : '')).join('');
    templates.push({ prefix: parts[0]!, pattern: new RegExp(`^${source}$`), translation, literal: parts.join('').length });
  }
  templates.sort((a, b) => b.literal - a.literal);
  return { exact, templates, memo: new Map() };
}

const CATALOGUES: Partial<Record<Lang, Readonly<Record<string, string>>>> = { zh: MESSAGES_ZH };
const compiled = new Map<Lang, Catalogue>();

function catalogueOf(lang: Lang): Catalogue | undefined {
  let c = compiled.get(lang);
  if (!c && CATALOGUES[lang]) compiled.set(lang, (c = compile(CATALOGUES[lang]!)));
  return c;
}

/**
 * `english` in `lang`: its translation when the catalogue has its id, else as written (a name,
 * a path, a message nobody translated yet). English and text without Latin letters pass
 * through untouched.
 */
export function translate(english: string, lang: Lang | string | undefined): string {
  if (lang === undefined || lang === 'en' || !/[A-Za-z]/.test(english)) return english;
  const c = catalogueOf(lang as Lang);
  if (!c) return english;
  const known = c.exact.get(english) ?? c.memo.get(english);
  if (known !== undefined) return known;
  let out = english;
  for (const t of c.templates) {
    if (!english.startsWith(t.prefix)) continue;
    const m = t.pattern.exec(english);
    if (!m) continue;
    out = t.translation.replace(PLACEHOLDER, (_, i: string) => translate(m.groups![`p${i}`] ?? '', lang));
    break;
  }
  if (c.memo.size > 10_000) c.memo.clear();
  c.memo.set(english, out);
  return out;
}
