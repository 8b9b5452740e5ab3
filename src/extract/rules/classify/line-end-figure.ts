// Rule line-end-figure: `充电桩自动对接：新触点到货，重新标定，30%。` — a line that opens with a name and a colon (or a
// dash), tells of the week's work, and ends the sentence with a bare figure: that is where the named item stands.

import { progress, ignored } from '../expect.js';
import type { FigureFacts } from '../../facts.js';
import type { ClassifyRule, NameRule } from '../types.js';
import { ownerName } from '../name/owner.js';

function isLineEndFigure(f: FigureFacts): boolean {
  if (f.ctx.kind === 'heading' || f.ctx.kind === 'code' || f.inParens || !f.bareLabel || f.pair || f.hasFraction) return false;
  const line = f.line;
  // The only figure of its segment, ending it (a bracketed remark may follow), with no progress figure before it.
  const segEnd = line.segmentEnd(f.segment);
  const rest = f.n.slice(f.m.end, segEnd).trim();
  if (rest !== '' && !/^[(\[【][^)\]】]*[)\]】]$/u.test(rest)) return false;
  if (line.lastProgress || (f.k > 0 && line.figures[f.k - 1]!.end > f.segFrom)) return false;
  const head = line.head;
  if (!head || head.end >= f.labelStart) return false;
  // The head is set off by a colon or a dash: `名称：…` / `Name — …`.
  return f.n[head.end] === ':' || line.dashBody() > 0;
}

export const lineEndFigure: ClassifyRule = {
  stage: 'classify',
  name: 'line-end-figure',
  description: 'a line that opens with a name and a colon or dash, tells of the work and ends its sentence with a bare figure (`充电桩对接：新触点到货，重新标定，30%。`) gives that name\'s progress',
  accepts: [
    { text: '- 自动泊车：新雷达到货，重新标定，30%。', expect: progress(30, '自动泊车') },
    { text: '调度接口（新）：接口文档评审过了，10%', expect: progress(10, '调度接口') },
  ],
  rejects: [
    { text: '- 灰度发布：首批门店，占比 10%', expect: ignored() },
    { text: '- 自动泊车：进度 40%，重新标定，30%', figure: '30%', expect: ignored() },
  ],
  decide(f) {
    return !f.ctx.kpiSection && isLineEndFigure(f) ? { verdict: 'progress' } : undefined;
  },
};

/** Such a figure's clauses before it tell the story: the line's opening name is the item. */
export const lineEndFigureName: NameRule = {
  stage: 'name',
  name: 'line-end-figure-name',
  description: 'a bare figure ending a named line is named by the line\'s opening name',
  accepts: [{ text: '- 自动泊车：新雷达到货，重新标定，30%。', expect: progress(30, '自动泊车', null) }],
  rejects: [],
  give(f, verdict, owners) {
    return verdict === 'progress' && isLineEndFigure(f) ? ownerName(owners) : undefined;
  },
};
