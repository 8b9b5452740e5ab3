// milestones.config.json: optional project settings, validated with zod, every problem reported with its path.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import type * as Zod from 'zod';
import { UsageError } from '../model/errors.js';
import { LANGS } from '../render/lang.js';
import { currentLang, say } from './output.js';

/** Built on first use: zod costs ~60 ms to load, and most runs have no configuration file. */
function buildSchema(z: typeof Zod.z) {
  const wordList = z.array(z.string().trim().min(1, 'must not be empty'));

  const ConfigSchema = z
    .object({
      $schema: z.string().optional(),
      /** Extra words that mark a percentage as an operating figure (kpi), not progress. */
      kpiWords: wordList.optional(),
      /** Lines or clauses containing one of these are ignored entirely. */
      ignoreWords: wordList.optional(),
      /** Extra words and column headers that mark a figure as progress (`已迁移占比`, `Migrated`). */
      progressWords: wordList.optional(),
      /** Extra words that make a KPI lower-is-better (added to 差错率, 耗时, P99 …). */
      lowerIsBetterWords: wordList.optional(),
      /** Old name → canonical name, applied on top of the aliases stored in the database. */
      aliases: z.record(z.string().min(1), z.string().trim().min(1)).optional(),
      /** Default of `stalled --weeks`. */
      stalledWeeks: z.number().int().min(1).max(520).optional(),
      weekScheme: z.enum(['reporter', 'iso']).optional(),
      /** Default database file, relative to the configuration file. */
      db: z.string().min(1).optional(),
      /** Language of the output (`--lang` wins; without either, the locale decides). */
      lang: z.enum(LANGS).optional(),
    })
    .strict();
  return ConfigSchema;
}

let schema: ReturnType<typeof buildSchema> | undefined;
/** The schema, built once; zod's messages in the language of the run that uses it (zod's locale is process-wide). */
const configSchema = () => {
  const z = zod();
  return (schema ??= buildSchema(z));
};

/** zod, speaking the reader's language in its own messages (`expected string, received number`). */
function zod(): typeof Zod.z {
  const { z } = createRequire(import.meta.url)('zod') as typeof Zod;
  z.config(currentLang() === 'zh' ? z.locales.zhCN() : z.locales.en());
  return z;
}

export type Config = Zod.infer<ReturnType<typeof buildSchema>>;

export const CONFIG_FILE = 'milestones.config.json';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or null when defaults serve. */
  file: string | null;
}

/**
 * Loads `--config FILE` (must exist) or `./milestones.config.json` (optional).
 * Throws UsageError listing every problem, each with its JSON path.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = explicit ?? path.join(cwd, CONFIG_FILE);
  const shown = explicit ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && explicit === undefined) return { config: {}, file: null };
    throw new UsageError(`cannot read the configuration: ${(err as Error).message}`, {
      where: shown,
      hint: 'check the --config path',
    });
  }
  return { config: parseConfig(text, shown), file };
}

/** jsonc-parser (positions of syntax errors and of keys), loaded only when there is a configuration file. */
const jsoncParser = () => createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;

/** `line 3, column 7` of a character offset (both counted from 1). */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split('\n').length}, column ${offset - before.lastIndexOf('\n')}`;
}

const SYNTAX: Readonly<Record<string, string>> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes expected',
  ValueExpected: 'a value expected',
  ColonExpected: 'a colon expected',
  CommaExpected: 'a comma expected',
  CloseBraceExpected: 'a closing } expected',
  CloseBracketExpected: 'a closing ] expected',
  EndOfFileExpected: 'nothing more expected',
  InvalidCommentToken: 'comments are not JSON',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished string',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'a bad \\u escape',
  InvalidEscapeCharacter: 'a bad escape',
  InvalidCharacter: 'a control character inside a string',
};

/**
 * Pure: validates configuration text. A syntax error names its line and column; every schema
 * problem is listed at once, each with its key path and the line and column of that key.
 */
export function parseConfig(text: string, shown: string): Config {
  const clean = text.replace(/^\uFEFF/, '');
  const jsonc = jsoncParser();
  const errors: Jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(clean, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const e = errors[0];
    const at = e ? e.offset : clean.length;
    const what = e ? (SYNTAX[jsonc.printParseErrorCode(e.error)] ?? jsonc.printParseErrorCode(e.error)) : 'the file is empty';
    throw new UsageError(`not valid JSON at ${lineColumn(clean, at)}: ${what}`, { where: shown, hint: 'fix the JSON syntax' });
  }
  const result = configSchema().safeParse(jsonc.getNodeValue(tree));
  if (result.success) return result.data;
  /** The line and column of the key at `keyPath` (of its value when it has no key), or '' when not found. */
  const place = (keyPath: (string | number)[]): string => {
    const node = jsonc.findNodeAtLocation(tree, keyPath);
    if (!node) return '';
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return ` (${say(lineColumn(clean, (key ?? node).offset))})`;
  };
  const problems = result.error.issues.flatMap((i) => {
    const at = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => say(`${[...at, k].join('.')}: unknown key${place([...at, k])}`));
    return [`${at.length ? at.join('.') : say('(top level)')}: ${i.message}${place(at)}`];
  });
  throw new UsageError(`invalid configuration: ${problems.join('; ')}`, {
    where: shown,
    hint: 'allowed keys: kpiWords, ignoreWords, progressWords, lowerIsBetterWords, aliases, stalledWeeks, weekScheme, db, lang',
  });
}

/**
 * The `milestones.config.json` nearest to a report: in its folder or a folder above it, up to the folder the
 * user named (`root`). Its word lists apply to the reports below it; `--config` wins over every such file.
 * `cache` keeps one answer per folder for a batch.
 */
export async function folderConfig(file: string, root: string, cache: Map<string, Promise<LoadedConfig | null>>): Promise<LoadedConfig | null> {
  const top = path.resolve(root);
  let dir = path.dirname(path.resolve(file));
  const tried: string[] = [];
  for (;;) {
    let hit = cache.get(dir);
    if (!hit) {
      const candidate = path.join(dir, CONFIG_FILE);
      hit = readFile(candidate, 'utf8').then(
        (text) => ({ config: parseConfig(text, path.relative(process.cwd(), candidate) || candidate), file: candidate }),
        (err: NodeJS.ErrnoException) => {
          if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null;
          throw new UsageError(`cannot read the configuration: ${err.message}`, { where: candidate, hint: 'fix its permissions or remove it' });
        },
      );
      cache.set(dir, hit);
    }
    const found = await hit;
    if (found) {
      for (const d of tried) cache.set(d, Promise.resolve(found));
      return found;
    }
    tried.push(dir);
    const rel = path.relative(top, dir);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    dir = path.dirname(dir);
  }
}
