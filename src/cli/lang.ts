// Which language the output speaks, decided before commander parses anything (its --help and its errors speak it too).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';
import { langOf, langOfEnv, type Lang } from '../render/lang.js';
import { CONFIG_FILE } from './config.js';

/** The value of `--lang X` or `--lang=X` on a command line (before a `--`), as written. */
export function langFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') value = argv[++i];
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
  }
  return value;
}

/** `--config FILE` (or `--config=FILE`) on a command line, before a `--`. */
function configFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--config') value = argv[++i];
    else if (a.startsWith('--config=')) value = a.slice('--config='.length);
  }
  return value;
}

/**
 * The `lang` of the configuration file, read leniently: this runs before anything is validated
 * (a broken file is reported later, by the command, in the language decided here without it).
 */
async function configLang(argv: readonly string[], cwd: string): Promise<Lang | undefined> {
  const file = path.resolve(cwd, configFlag(argv) ?? CONFIG_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const jsonc = createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc;
  const value = jsonc.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const lang = value && typeof value === 'object' ? (value as { lang?: unknown }).lang : undefined;
  return typeof lang === 'string' ? langOf(lang) : undefined;
}

/**
 * The language of this run (DESIGN.md): `--lang zh|en`, else `lang` in the configuration file,
 * else the locale (LC_ALL, LC_MESSAGES, LANG starting with `zh`), else English.
 */
export async function runLang(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<Lang> {
  return langOf(langFlag(argv)) ?? (await configLang(argv, cwd)) ?? langOfEnv(env);
}
