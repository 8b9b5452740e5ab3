// A hash of some of our own modules as built, for keys of caches kept beside the database (the fold
// states, the checked-manifest markers): a cache written by other code is then never used.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * sha256 over the texts of `modules` (paths without extension, relative to `base`, an
 * `import.meta.url`): the built `.js` when it exists, else the `.ts` source (tests run the sources).
 */
export function moduleCodeHash(base: string, modules: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of modules) {
    for (const ext of ['.js', '.ts']) {
      try {
        h.update(readFileSync(new URL(f + ext, base)));
        break;
      } catch {
        // the other extension
      }
    }
  }
  return h.digest('hex');
}
