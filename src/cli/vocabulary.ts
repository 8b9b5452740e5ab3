// The extractor's word lists: the built-in defaults extended by a configuration file, compiled once per process.

import { compileLexicon, type Lexicon } from '../extract/lexicon.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../extract/vocabulary.js';
import type { Config } from './config.js';

/** Word lists for one report, and the words that came from the user's configuration (so `check` can say so). */
export interface Words {
  vocabulary: Vocabulary;
  configured: string[];
}

export function wordsFrom(config: Config): Words {
  return {
    vocabulary: {
      ...DEFAULT_VOCABULARY,
      kpiWords: [...DEFAULT_VOCABULARY.kpiWords, ...(config.kpiWords ?? [])],
      ignoreWords: [...DEFAULT_VOCABULARY.ignoreWords, ...(config.ignoreWords ?? [])],
      progressWords: [...DEFAULT_VOCABULARY.progressWords, ...(config.progressWords ?? [])],
      lowerIsBetterWords: [...DEFAULT_VOCABULARY.lowerIsBetterWords, ...(config.lowerIsBetterWords ?? [])],
    },
    configured: [...(config.kpiWords ?? []), ...(config.ignoreWords ?? []), ...(config.progressWords ?? []), ...(config.lowerIsBetterWords ?? [])],
  };
}

/** One compiled lexicon per distinct word lists in this process (or worker thread): compiled on first use. */
const compiled = new Map<string, Lexicon>();
/** The same, by object: a run passes the same Words object for every file under one configuration (no key to build per file). */
const byObject = new WeakMap<Words, Lexicon>();

export function lexiconOf(words: Words): Lexicon {
  let lx = byObject.get(words);
  if (lx) return lx;
  const key = JSON.stringify(words);
  lx = compiled.get(key);
  if (!lx) {
    lx = compileLexicon(words.vocabulary, words.configured);
    compiled.set(key, lx);
  }
  byObject.set(words, lx);
  return lx;
}
