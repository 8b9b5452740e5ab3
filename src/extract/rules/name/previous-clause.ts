// Rule previous-clause: a bare `进度80%` clause is named by the clause before it (`开票系统二期，红冲功能开发，进度80%`).

import { cleanName, isFieldLabel, isNameLike, stripStatus } from '../../names.js';
import { isBoundaryAt } from '../../facts.js';
import { written } from '../../text.js';
import { progress } from '../expect.js';
import type { NameRule } from '../types.js';

export const previousClause: NameRule = {
  stage: 'name',
  name: 'previous-clause',
  description:
    'a bare `进度80%` clause is named by the clause before it, a metric of the line head when the line opens with one — unless that clause is a field value (`负责人：周凯`) or a status remark (`延期`)',
  accepts: [
    { text: '- 开票系统二期，红冲功能开发，进度80%；电子发票归档，进度30%', figure: '80%', expect: progress(80, '开票系统二期', '红冲功能开发') },
    { text: '- 支付成功率提升专项，进度40%', expect: progress(40, '支付成功率提升专项') },
    { text: '- 发票中台，当前进度55%', expect: progress(55, '发票中台') },
  ],
  rejects: [
    { text: '## WMS 新版切换\n\n**负责人：** 周凯　**进度：** 80%', expect: progress(80, 'WMS 新版切换') },
    { text: '关于信创适配。经与厂商沟通，纳入本期范围，整体进度 90%。', expect: progress(90, '信创适配') },
    { text: '3. 外呼平台：新启动，进度 5%', expect: progress(5, '外呼平台', null) },
    { text: '- **Invoice OCR** — vendor picked, kicked off Monday, 10% in.', expect: progress(10, 'Invoice OCR', null) },
  ],
  give(f, verdict, owners, lx) {
    // In a paragraph that opens with its topic, the clauses before a figure are its story, not its name.
    if (verdict !== 'progress' || owners.own() || owners.topic()) return undefined;
    const p = f.prevClause();
    if (!p) return undefined;
    // After a name set off by a dash (`Invoice OCR — vendor picked, kicked off Monday, 10% in`) the clauses tell the
    // week's story: the name before the dash is the figure's.
    const body = f.line.dashBody();
    if (body > 0 && p.start >= body) return undefined;
    const n = f.n;
    const { line } = f;
    // A field's value (`负责人：周凯，进度：80%`) names nothing.
    if (p.start > f.segFrom && n[p.start - 1] === ':') {
      let fs = p.start - 1;
      while (fs > f.segFrom && !isBoundaryAt(n, fs - 1)) fs--;
      if (isFieldLabel(n.slice(fs, p.start - 1), lx)) return undefined;
    }
    const raw = n.slice(p.start, p.end);
    if (!raw || !isNameLike(stripStatus(raw, lx))) return undefined;
    const prev = cleanName(written(line.t, p.start, p.end), lx);
    // A status remark stripped to a marker (`新启动` → `新`) names nothing.
    if (!prev || lx.lists.markerWords.is(prev)) return undefined;
    const prevIsHead = line.head !== null && p.start <= line.head.start;
    const head = owners.head();
    if (!prevIsHead && head) return { project: head, metric: prev, own: false };
    return { project: prev, metric: null, own: false };
  },
};
