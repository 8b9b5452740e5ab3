// The extractor's word lists: the built-in defaults extended by the configuration file.

import { DEFAULT_VOCABULARY, type Vocabulary } from '../extract/index.js';
import type { Config } from './config.js';

export function vocabularyFrom(config: Config): Vocabulary {
  return {
    ...DEFAULT_VOCABULARY,
    kpiWords: [...DEFAULT_VOCABULARY.kpiWords, ...(config.kpiWords ?? [])],
    ignoreWords: [...DEFAULT_VOCABULARY.ignoreWords, ...(config.ignoreWords ?? [])],
  };
}
