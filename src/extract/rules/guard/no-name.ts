// Rule no-name: a figure nothing names (no words before it, no heading, no report title) is not taken.

import { ignored } from '../expect.js';
import type { GuardRule } from '../types.js';

export const noName: GuardRule = {
  stage: 'guard',
  name: 'no-name',
  description: 'a figure that nothing names (no words of its own, no line head, parent, heading or report project) is not taken, with a warning',
  accepts: [{ text: '进度50%', expect: ignored() }],
  rejects: [],
  check(f, _verdict, naming) {
    if (naming?.project) return undefined;
    return { verdict: 'ignored', reason: 'no name for this figure (no words before it, no heading)', warning: `${f.match} has no project name; ignored` };
  },
};
