// milestones.config.json: optional project settings, validated with zod, every problem reported with its path.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type * as Zod from 'zod';
import { UsageError } from '../model/errors.js';

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
      /** Old name → canonical name, applied on top of the aliases stored in the database. */
      aliases: z.record(z.string().min(1), z.string().trim().min(1)).optional(),
      /** Default of `stalled --weeks`. */
      stalledWeeks: z.number().int().min(1).max(520).optional(),
      weekScheme: z.enum(['reporter', 'iso']).optional(),
      /** Default database file, relative to the configuration file. */
      db: z.string().min(1).optional(),
    })
    .strict();
  return ConfigSchema;
}

let schema: ReturnType<typeof buildSchema> | undefined;
const configSchema = () => (schema ??= buildSchema((createRequire(import.meta.url)('zod') as typeof Zod).z));

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

/** Pure: validates configuration text. */
export function parseConfig(text: string, shown: string): Config {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`not valid JSON (${(err as Error).message})`, { where: shown, hint: 'fix the JSON syntax' });
  }
  const result = configSchema().safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
  throw new UsageError(`invalid configuration: ${problems.join('; ')}`, {
    where: shown,
    hint: 'allowed keys: kpiWords, ignoreWords, aliases, stalledWeeks, weekScheme, db',
  });
}
