// Rule fraction-figure: a figure beside a count (`[core] 237 / 248 (95.56%)`) says how much is done.

import { progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

export const fractionFigure: ClassifyRule = {
  stage: 'classify',
  name: 'fraction-figure',
  description: 'a figure beside a done/total count (`237 / 248 (95.56%)`) is progress (not in a heading)',
  accepts: [
    { text: '[core] 237 / 248 (95.56%)', expect: progress(95.56, 'core', null, { done: 237, total: 248 }) },
    { text: '1. K8s 升级：生产集群 6/10 完成（60%）', expect: progress(60, 'K8s 升级', null, { done: 6, total: 10 }) },
  ],
  rejects: [],
  decide(f) {
    return f.ctx.kind !== 'heading' && f.hasFraction ? { verdict: 'progress' } : undefined;
  },
};
