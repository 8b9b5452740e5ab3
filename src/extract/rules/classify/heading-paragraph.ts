// Rule heading-paragraph: under a project's own heading in a progress section, a paragraph's first figure standing
// alone in its clause (`### 对账平台重构` / `本周无变化，45%。`) is that project's progress.

import { headingName, isGenericHeading } from '../../names.js';
import { ignored, progress } from '../expect.js';
import type { FigureFacts } from '../../facts.js';
import type { Lexicon } from '../../lexicon.js';
import type { ClassifyRule, NameRule } from '../types.js';

/** The figure opens a paragraph under a project's heading in a generic section, alone in its clause: that project's name. */
function headingOfParagraph(f: FigureFacts, lx: Lexicon): string {
  if (f.ctx.kind !== 'paragraph' || f.k !== 0 || !f.bareLabel || f.inParens || f.pair) return '';
  const after = f.after.trim();
  if (after !== '' && !/^[(（]/u.test(after)) return '';
  const { headings } = f.ctx;
  if (headings.length < 2 || !isGenericHeading(headings[headings.length - 2]!, lx)) return '';
  return headingName(headings[headings.length - 1]!, lx);
}

export const headingParagraph: ClassifyRule = {
  stage: 'classify',
  name: 'heading-paragraph',
  description:
    "a paragraph's first figure, alone in its clause, under a heading that names a project inside a generic section (`## 项目进展` → `### 对账平台重构` → `本周无变化，45%。`) is the project's progress",
  accepts: [
    { text: '## 二、项目进展\n\n### 对账平台重构\n\n本周无变化，45%。人员下月回归。', expect: progress(45, '对账平台重构') },
    { text: '## 项目进度\n\n### 对公代发\n\n100%，周三上线，首日代发 3,412 笔，成功率 99.7%。', figure: '100%', expect: progress(100, '对公代发') },
  ],
  rejects: [
    // Not under a project heading of a progress section, or not alone in its clause.
    { text: '## 本周小结\n\n本周无变化，45%。', expect: ignored() },
    { text: '## 项目进展\n\n### 对账平台重构\n\n差错数据中 45% 来自渠道侧。', expect: ignored() },
    { text: '## 项目进展\n\n### 对账平台重构\n\n- 本周无变化，45%。', expect: ignored() },
  ],
  decide(f, lx) {
    return headingOfParagraph(f, lx) ? { verdict: 'progress', reason: 'the first figure of a paragraph under its project heading' } : undefined;
  },
};

/** Such a figure is named by its heading, never by the clause before it (`人员已回归，52%` is 对账平台重构's). */
export const headingParagraphName: NameRule = {
  stage: 'name',
  name: 'heading-paragraph-name',
  description: "a paragraph's first figure, alone in its clause under a project's heading, is named by the heading, not by the clause before it",
  accepts: [{ text: '## 二、项目进展\n\n### 对账平台重构\n\n人员已回归，52%，差错工作台提测。', figure: '52%', expect: progress(52, '对账平台重构') }],
  rejects: [{ text: '## 二、项目进展\n\n### 对账平台重构\n\n差错工作台进度 52%。', expect: progress(52, '差错工作台') }],
  give(f, verdict, _owners, lx) {
    if (verdict !== 'progress') return undefined;
    const project = headingOfParagraph(f, lx);
    return project ? { project, metric: null, own: false, by: 'heading' } : undefined;
  },
};
