// Rule ignore-word: rates that are neither progress nor KPI (费率, 汇率, 折扣, 信心 …; configurable `ignoreWords`).

import type { Lexicon } from '../../lexicon.js';
import { ignored, kpi } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** `text` with every KPI word replaced by a space: `付费率` holds `费率`, `毛利率` holds `利率`. */
function maskKpiWords(text: string, lx: Lexicon): string {
  const list = lx.lists.kpiWords;
  if (!list.maybeWrittenIn(text)) return text;
  let c = text;
  for (const w of list.words) if (w && c.includes(w)) c = c.split(w).join(' ');
  return c;
}

export const ignoreWord: ClassifyRule = {
  stage: 'classify',
  name: 'ignore-word',
  description: 'a figure whose words hold an ignore word (费率, 汇率, 折扣, 概率, 信心, confidence …) is no measure',
  accepts: [
    { text: '- 延期概率 50%，信心指数 70%', figure: '50%', expect: ignored() },
    { text: '- 30% chance that the review slips', expect: ignored() },
  ],
  rejects: [{ text: '- 付费率 3.1%', expect: kpi(3.1, '付费率') }],
  decide(f, lx) {
    // The figure's reach: back to the previous figure of its segment (or the segment start), on to its clause end.
    // A rate word names the figure it labels (`毛利率 38%，折扣力度 85%` ignores only the 85); a figure
    // without words of its own takes its segment's.
    const ms = f.line.figures;
    const reachFrom = Math.max(f.segFrom, f.k > 0 ? ms[f.k - 1]!.end : 0);
    const reach = maskKpiWords(f.n.slice(reachFrom, Math.max(f.clauseEnd, f.m.end)), lx);
    const word = lx.lists.ignoreWords.find(reach) ?? (f.label ? undefined : f.line.segmentIgnoreWord(f.segment, lx));
    return word ? { verdict: 'ignored', reason: `"${word}" is on the ignore list`, word } : undefined;
  },
};
