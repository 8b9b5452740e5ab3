// Rule issue-counts: a milestone export's issue counts after its figure (`63% complete · 41 open · 70 closed`,
// `完成 63%（开放 41 / 关闭 70）`) are kept as done (closed) of total (open + closed).

import { progress } from '../expect.js';
import type { ContextRule } from '../types.js';
import { count, NUM } from './fraction.js';

const SEP = String.raw`[\s·•|｜,，/、;；]*`;
/** `41 open · 70 closed`, `41 open issues, 70 closed`, `开放 41 / 关闭 70`, `未关闭 41，已关闭 70`. */
const OPEN_CLOSED = [
  new RegExp(String.raw`${NUM}\s+open(?:\s+issues?)?${SEP}${NUM}\s+closed`, 'iu'),
  new RegExp(String.raw`(?:开放|未关闭|打开)\s*[:：]?\s*${NUM}${SEP}(?:关闭|已关闭)\s*[:：]?\s*${NUM}`, 'u'),
];
/** The same, closed first: `70 closed · 41 open`, `关闭 70 / 开放 41`. */
const CLOSED_OPEN = [
  new RegExp(String.raw`${NUM}\s+closed(?:\s+issues?)?${SEP}${NUM}\s+open`, 'iu'),
  new RegExp(String.raw`(?:已关闭|关闭)\s*[:：]?\s*${NUM}${SEP}(?:开放|未关闭|打开)\s*[:：]?\s*${NUM}`, 'u'),
];

export const issueCounts: ContextRule = {
  stage: 'context',
  name: 'issue-counts',
  description: "a milestone export's issue counts after its figure (`63% complete · 41 open · 70 closed`, `完成 63%（开放 41 / 关闭 70）`) are kept as done (closed) of total (open + closed)",
  accepts: [
    { text: '- Milestone 3.2 · 63% complete · 41 open · 70 closed', expect: progress(63, 'Milestone 3.2', null, { done: 70, total: 111 }) },
    { text: '- [里程碑] 会员体系 2.1：完成 63%（开放 41 / 关闭 70）', expect: progress(63, '会员体系 2.1', null, { done: 70, total: 111 }) },
    { text: '- [里程碑] 2.1 版本：完成 63%（开放 41 / 关闭 70）', expect: progress(63, '[里程碑] 2.1 版本', null, { done: 70, total: 111 }) },
  ],
  rejects: [{ text: '- v2.4 — 63% complete', expect: progress(63, 'v2.4') }],
  read(f) {
    if (f.hasFraction) return false;
    const after = f.n.slice(f.m.end, f.m.end + 60);
    for (const re of OPEN_CLOSED) {
      const m = re.exec(after);
      if (m) return set(f, count(m[2]!), count(m[1]!));
    }
    for (const re of CLOSED_OPEN) {
      const m = re.exec(after);
      if (m) return set(f, count(m[1]!), count(m[2]!));
    }
    return false;
  },
};

function set(f: { done?: number; total?: number }, closed: number, open: number): boolean {
  if (closed + open === 0) return false;
  f.done = closed;
  f.total = closed + open;
  return true;
}
