// Raw commander flags, environment and config become one typed, validated options object.

import path from 'node:path';
import type { AliasMap } from '../model/name.js';
import { normalizeName } from '../model/name.js';
import type { WeekScheme } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { langOf, langOfEnv, type Lang } from '../render/lang.js';
import { loadConfig, type Config } from './config.js';
import { current } from './io.js';
import { setLang, setQuiet } from './output.js';

export interface GlobalOptions {
  /** Database path to open. */
  db: string;
  /** How to name the database in messages (as the user gave it). */
  dbShown: string;
  team: string | undefined;
  scheme: WeekScheme;
  /** Colour the output: a TTY, no NO_COLOR, no --no-color. Commands writing to --out never colour. */
  color: boolean;
  /** --quiet: no notes on stderr. */
  quiet: boolean;
  /** The language a person reads the output in: `--lang`, else the configuration's `lang`, else the locale. */
  lang: Lang;
  config: Config;
  configFile: string | null;
  /** `--config FILE` was given: it wins over the configuration files next to the reports. */
  configExplicit: boolean;
  cwd: string;
}

export const DEFAULT_DB = path.join('data', 'milestones.json');

export async function globalOptions(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, cwd: string): Promise<GlobalOptions> {
  const quiet = raw.quiet === true;
  setQuiet(quiet);
  const { config, file } = await loadConfig(raw.config as string | undefined, cwd);
  const lang = langOf(raw.lang as string | undefined) ?? config.lang ?? langOfEnv(env);
  setLang(lang);
  let dbShown = (raw.db as string | undefined) ?? (env.MILESTONES_DB || undefined);
  if (!dbShown && config.db && file) dbShown = path.relative(cwd, path.resolve(path.dirname(file), config.db)) || config.db;
  dbShown ??= DEFAULT_DB;
  const scheme = (raw.weekScheme as WeekScheme | undefined) ?? config.weekScheme ?? 'reporter';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const team = raw.team as string | undefined;
  if (team !== undefined && team.trim() === '') throw new UsageError('--team needs a name', { hint: 'give --team NAME' });
  return {
    db: path.resolve(cwd, dbShown),
    dbShown,
    team,
    scheme,
    color: raw.color !== false && !noColor && Boolean(current().io.stdout.isTTY),
    quiet,
    lang,
    config,
    configFile: file,
    configExplicit: raw.config !== undefined,
    cwd,
  };
}

/** Parses a positive whole number option such as `--weeks 3`. */
export function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number ≥ 1, not ${JSON.stringify(value)}`);
  return n;
}

/** Config aliases (name → canonical) merged over the stored ones, keyed by normalised name. */
export function aliasMap(stored: readonly { name: string; canonical: string; off?: true }[], config: Config): AliasMap {
  const map = new Map<string, string>();
  // An automatic alias the user removed is kept, switched off, so re-ingesting does not restore it.
  for (const a of stored) if (!a.off) map.set(normalizeName(a.name), a.canonical);
  for (const [name, canonical] of Object.entries(config.aliases ?? {})) map.set(normalizeName(name), canonical);
  return map;
}
