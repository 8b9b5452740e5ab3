// Rule org-cookie: an Org heading's statistics cookie (`** WIP Bootloader cleanup [50%]`) is the heading's progress.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const orgCookie: ClassifyRule = {
  stage: 'classify',
  name: 'org-cookie',
  description: "a figure in square brackets ending a heading (Org's statistics cookie, `** Bootloader cleanup [50%]`) is the progress of what the heading names",
  accepts: [{ text: '## WIP Bootloader cleanup [50%]', expect: progress(50, 'Bootloader cleanup') }],
  rejects: [{ text: '## 灰度发布（10%）', expect: { verdict: 'ignored' } }],
  decide(f) {
    if (f.ctx.kind !== 'heading' || f.n[f.m.start - 1] !== '[' || f.n[f.m.end] !== ']') return undefined;
    return f.n.slice(f.m.end + 1).trim() === '' ? { verdict: 'progress', word: '[%]' } : undefined;
  },
};
