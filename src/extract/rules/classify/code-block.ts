// Rule code-block: figures inside code are code, not report text — unless the block names no language and its lines read as report lines.

import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** A line that reads as code: braces, statement ends, assignments, calls, keywords, markup, comments, prompts. */
const CODE_LINE =
  /[{};]\s*$|^\s*[{}]|=>|[!=]==?|:=|^\s*(?:\/\/|\/\*|#!|#include|import\s|export\s|from\s+\S+\s+import|const\s|let\s|var\s|def\s|function\s|class\s|return\b|if\s*\(|for\s*\(|while\s*\(|select\s|insert\s|update\s+\w+\s+set|\$\s|>>>\s|<\/?[a-z][\w-]*[\s>])|\b[\w.]+\([^()]*\)\s*$|\w\s*=\s*\S|\b\d+(?:\.\d+)?%\s*;/iu;

/**
 * A fence that names no language holding report lines (`[main] 412 / 430 (95.81%)`, `支付网关：进度 60%`) rather
 * than code: no line reads as code, and some line holds a figure.
 */
export function readsAsReport(text: string): boolean {
  const lines = text.split('\n').filter((l) => l.trim());
  return lines.length > 0 && !lines.some((l) => CODE_LINE.test(l)) && lines.some((l) => /\d\s*[%％]/u.test(l));
}

export const codeBlock: ClassifyRule = {
  stage: 'classify',
  name: 'code-block',
  description: 'a figure inside a code block is code, not report text (a fence naming no language whose lines read as report lines is read as report text)',
  accepts: [
    { text: '```python\nprogress = 50%\n```', expect: ignored() },
    { text: '```\nwidth: 50%;\nheight: 20px;\n```', expect: ignored() },
  ],
  rejects: [{ text: '```\n[main] 412 / 430 (95.81%)\n[release-3.x] 188 / 251 (74.90%)\n```', figure: '95.81%', expect: progress(95.81, 'main', null, { done: 412, total: 430 }) }],
  decide(f) {
    return f.ctx.kind === 'code' ? { verdict: 'ignored', reason: 'in a code block' } : undefined;
  },
};
