// Rule url: `%20` in a link or bare URL is an encoded byte, not a percentage.

import { inRanges, isUrlEncoded, urlRanges } from '../../text.js';
import { ignored } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const url: ClassifyRule = {
  stage: 'classify',
  name: 'url',
  description: 'an encoded byte in a link or bare URL (`%20`, `%E7`) is no percentage',
  accepts: [
    { text: '- 目录 %E7%AC%AC03%E5%91%A8%202024', figure: '03%', expect: ignored() },
    { text: '见 https://x.example.com/a%20b%E7%AC 与 www.example.com/p?q=50%25', figure: '50%', expect: ignored() },
  ],
  rejects: [],
  decide(f) {
    const line = f.line;
    line.urls ??= urlRanges(line.n);
    if (inRanges(f.m.start, line.urls) || isUrlEncoded(line.n, f.m)) return { verdict: 'ignored', reason: 'URL-encoded byte or link, not a percentage' };
    return undefined;
  },
};
