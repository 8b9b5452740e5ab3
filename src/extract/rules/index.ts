// The extractor's rules, in the order they run. Each rule is a small module under this folder.
//
// How the extractor reads a line of prose (a paragraph line, a list item, a heading, a table cell of prose):
//   1. figure   rules find the figures of the line (`60%`, `七成` …);                        every rule runs
//   2. context  rules read each figure's surroundings into its facts (change pair, label,
//               fraction …);                                                                 every rule runs
//   3. classify rules decide progress / kpi / ignored;                                      the first decision wins
//   4. name     rules name a progress or KPI figure (project, metric);                      the first name wins
//   5. guard    rules may still turn it down (outside 0–100, no name);                      the first refusal wins
//   6. direction rules say which way a KPI should move (lower is better for 差错率, 耗时 …);     the first direction wins
// A table row: column rules give each column a role from its header (first role wins), then cell rules decide
// each cell's figure (first decision wins); prose in a cell goes through the line rules above.
// Statement rules read every line (figure or not) for what it states in words — a completion, a pause, a
// cancellation, a rename — as candidates (Extraction.statements) that analyze/ applies to tracked items only.
//
// A rule is `{ stage, name, description, accepts, rejects, <one function> }` (shapes in ./types.ts):
//   - `name` is stable and kebab-case: `milestones check` prints the rule that decided each figure (Finding.rule),
//     the word that made it fire (Finding.word, `configured` when it came from milestones.config.json), the rule
//     that named it (Finding.naming) and the context rules that read it (Finding.context).
//   - `accepts` are report snippets on which the rule decides (names, reads) the figure as expected; `rejects`
//     look alike but must be decided by another rule, as expected. test/extract/rules.test.ts runs every example,
//     and `npm run docs` prints the README's table of forms from them.
// To add a rule: write the module (copy a neighbour), give it examples, put it in its list below at the place
// where it must win over the rules after it, run `npm run docs`, and `npm run test:one test/extract rules`.

import type { CellRule, ClassifyRule, ColumnRule, ContextRule, DirectionRule, FigureRule, GuardRule, NameRule, Rule, StatementRule } from './types.js';
import { percentSign } from './figure/percent-sign.js';
import { chineseFigure } from './figure/chinese-figure.js';
import { changePair } from './context/change-pair.js';
import { label } from './context/label.js';
import { fraction } from './context/fraction.js';
import { dueDate } from './context/due-date.js';
import { labelledList } from './context/labelled-list.js';
import { labelledListFigure } from './classify/labelled-list.js';
import { labelledListName } from './name/labelled-list.js';
import { respectively } from './context/respectively.js';
import { respectivelyFigure } from './classify/respectively.js';
import { respectivelyName } from './name/respectively.js';
import { codeBlock } from './classify/code-block.js';
import { url } from './classify/url.js';
import { ignoredSection } from './classify/ignored-section.js';
import { changeEarlier } from './classify/change-earlier.js';
import { ignoreWord } from './classify/ignore-word.js';
import { scientificNotation } from './classify/scientific-notation.js';
import { target } from './classify/target.js';
import { signedChange } from './classify/signed-change.js';
import { growth } from './classify/growth.js';
import { lastWeek } from './classify/last-week.js';
import { kpiWord } from './classify/kpi-word.js';
import { rate } from './classify/rate.js';
import { coverage } from './classify/coverage.js';
import { doneVerb, doneVerbName } from './classify/done-verb.js';
import { workVerb } from './classify/work-verb.js';
import { progressWord } from './classify/progress-word.js';
import { change } from './classify/change.js';
import { metricsSection } from './classify/metrics-section.js';
import { fractionFigure } from './classify/fraction.js';
import { nameColon } from './classify/name-colon.js';
import { bracketAfterProgress } from './classify/bracket-after-progress.js';
import { nameFigure } from './classify/name-figure.js';
import { ongoing } from './classify/ongoing.js';
import { stillAt, stillAtName } from './classify/still-at.js';
import { headingParagraph, headingParagraphName } from './classify/heading-paragraph.js';
import { overall } from './classify/overall.js';
import { stateVerb } from './classify/state-verb.js';
import { orgCookie } from './classify/org-cookie.js';
import { orgProperty } from './classify/org-property.js';
import { issueCounts } from './context/issue-counts.js';
import { progressBar } from './classify/progress-bar.js';
import { headBracket } from './classify/head-bracket.js';
import { nameBracket } from './classify/name-bracket.js';
import { arrowResult, arrowResultName } from './classify/arrow-result.js';
import { lineEndFigure, lineEndFigureName } from './classify/line-end-figure.js';
import { thatIs, thatIsName } from './classify/that-is.js';
import { kpiHead } from './name/kpi-head.js';
import { overallOwner } from './name/overall-owner.js';
import { projectHeading } from './name/project-heading.js';
import { headingPart } from './name/heading-part.js';
import { itemChild, itemChildName } from './classify/item-child.js';
import { noProgressWord } from './classify/no-progress-word.js';
import { kpiLabel } from './name/kpi-label.js';
import { kpiOwner } from './name/kpi-owner.js';
import { metricOfOwner } from './name/metric-of-owner.js';
import { ownName } from './name/own-name.js';
import { parentAndMetric } from './name/parent-and-metric.js';
import { headAndMetric } from './name/head-and-metric.js';
import { bracketName } from './name/bracket-name.js';
import { previousClause } from './name/previous-clause.js';
import { owner } from './name/owner.js';
import { range } from './guard/range.js';
import { headingOwnName } from './guard/heading-own-name.js';
import { noName } from './guard/no-name.js';
import { COLUMN_RULES, CELL_RULES } from './table/index.js';
import { kpiDirectionRule } from './direction/kpi-direction.js';
import { completionWords } from './statement/completion-words.js';
import { statedCancel, statedPause } from './statement/stops.js';
import { statedRename } from './statement/stated-rename.js';

export const FIGURE_RULES: readonly FigureRule[] = [percentSign, chineseFigure];

export const CONTEXT_RULES: readonly ContextRule[] = [changePair, label, fraction, issueCounts, dueDate, labelledList, respectively];

export const CLASSIFY_RULES: readonly ClassifyRule[] = [
  codeBlock,
  url,
  ignoredSection,
  orgProperty,
  changeEarlier,
  ignoreWord,
  scientificNotation,
  target,
  signedChange,
  growth,
  lastWeek,
  progressBar,
  respectivelyFigure,
  kpiWord,
  rate,
  doneVerb,
  workVerb,
  coverage,
  progressWord,
  change,
  metricsSection,
  labelledListFigure,
  fractionFigure,
  nameColon,
  orgCookie,
  bracketAfterProgress,
  headBracket,
  nameBracket,
  nameFigure,
  ongoing,
  stillAt,
  headingParagraph,
  overall,
  arrowResult,
  stateVerb,
  thatIs,
  lineEndFigure,
  itemChild,
  noProgressWord,
];

export const NAME_RULES: readonly NameRule[] = [respectivelyName, labelledListName, kpiHead, kpiLabel, kpiOwner, projectHeading, headingPart, headingParagraphName, stillAtName, doneVerbName, arrowResultName, lineEndFigureName, thatIsName, metricOfOwner, itemChildName, parentAndMetric, ownName, headAndMetric, bracketName, overallOwner, previousClause, owner];

export const GUARD_RULES: readonly GuardRule[] = [range, headingOwnName, noName];

/** After a KPI is named (prose or table): which way it should move; none found is higher-is-better. */
export const DIRECTION_RULES: readonly DirectionRule[] = [kpiDirectionRule];

/** Over every line of a document, with or without a figure: what it states in words (candidates for analyze/). */
export const STATEMENT_RULES: readonly StatementRule[] = [completionWords, statedPause, statedCancel, statedRename];

export { COLUMN_RULES, CELL_RULES };

/** Every rule, stage by stage, in running order (for the README table and the example tests). */
export const RULES: readonly Rule[] = [
  ...FIGURE_RULES,
  ...CONTEXT_RULES,
  ...CLASSIFY_RULES,
  ...NAME_RULES,
  ...GUARD_RULES,
  ...DIRECTION_RULES,
  ...(COLUMN_RULES as readonly ColumnRule[]),
  ...(CELL_RULES as readonly CellRule[]),
  ...STATEMENT_RULES,
];
