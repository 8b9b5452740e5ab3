// Rule code-block: figures inside a code block (a fence naming a language, or indented code) are code, not report text.

import { ignored } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const codeBlock: ClassifyRule = {
  stage: 'classify',
  name: 'code-block',
  description: 'a figure inside a code block is code, not report text',
  accepts: [{ text: '```python\nprogress = 50%\n```', expect: ignored() }],
  rejects: [],
  decide(f) {
    return f.ctx.kind === 'code' ? { verdict: 'ignored', reason: 'in a code block' } : undefined;
  },
};
