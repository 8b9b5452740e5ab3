// Every word a person reads in the output (column headers, titles, fixed phrases), in one table per language.

import { fmtPct } from './format.js';
import type { Lang } from './lang.js';
import { ZH } from './words-zh.js';

/**
 * The English table. Another language is one more object of the same type (`Words`, so a
 * missing key does not compile), chosen by `RenderOptions.lang`. JSON never changes with the
 * language; CSV keeps its machine headers and identifiers in English (`csvHeaders: 'keys'`)
 * and is written in the reader's words in another language.
 */
const EN = {
  /** The page's language (`<html lang>`): the language of its own words, so a screen reader reads them right. */
  htmlLang: 'en',
  /** CSV headers: the columns' machine names (`keys`, what scripts read) or their header words (`words`, for a spreadsheet). */
  csvHeaders: 'keys' as 'keys' | 'words',
  columns: {
    team: 'Team',
    project: 'Project',
    metric: 'Metric',
    kind: 'Kind',
    from: 'From',
    to: 'To',
    delta: 'Δ',
    status: 'Status',
    percent: '%',
    reports: 'Reports',
    calendarWeeks: 'Weeks',
    noIncreaseSince: 'No increase since',
    lastChanged: 'Last changed',
    week: 'Week',
    date: 'Date',
    source: 'Source',
    progress: 'Progress',
    kpi: 'KPI',
    line: 'Line',
    done: 'Done',
    match: 'Match',
    verdict: 'Verdict',
    explanation: 'Project / metric or reason',
    rule: 'Rule',
    word: 'Word',
    configured: 'Configured',
    naming: 'Named by',
    notes: 'Notes',
    asWritten: 'As written',
    oldName: 'Old name',
    arrow: '',
    newName: 'New name',
    score: 'Score',
    evidence: 'Evidence',
    name: 'Name',
    canonical: 'Canonical',
    origin: 'From',
    section: 'Section',
    text: 'Text',
    stated: 'Stated',
    words: 'Words',
    about: 'About',
    forecast: 'Forecast',
    earliest: 'Earliest',
    latest: 'Latest',
    due: 'Due',
    slipping: 'Slipping',
    pace: 'Pts/week',
    firstWeek: 'First week',
    lastWeek: 'Last week',
    items: 'Items',
    trend: 'Trend',
    // Columns of data formats only (each CSV column has a header of its own).
    total: 'Total',
    file: 'File',
    reason: 'Reason',
    lastSeen: 'Last seen',
    firstSeen: 'First seen',
    fromPercent: 'Old %',
    toPercent: 'New %',
    nameSimilarity: 'Name similarity',
    continuity: 'Figures',
    position: 'Place',
    note: 'Note',
    currentName: 'Name now',
    splitFrom: 'Split from',
  },
  /** A status word as shown (the JSON and CSV value stays the English identifier). */
  status: {} as Partial<Record<string, string>>,
  /** An observation's kind as shown (`progress`, `kpi`). */
  kinds: {} as Partial<Record<string, string>>,
  /** A `check` verdict as shown (`progress`, `kpi`, `ignored`). */
  verdicts: {} as Partial<Record<string, string>>,
  /** A count and its status word in a summary line (`2 stalled`); the word arrives as a span. */
  countOf: <T>(n: number, word: T): (string | T)[] => [`${n} `, word],
  /** What a report stated in words, as `check` lists it (`paused`, `renamed`). */
  statements: {} as Partial<Record<string, string>>,
  /** A yes in a data column (`configured`). */
  yes: 'yes',
  /** Between the parts of a list in running text. */
  comma: ', ',
  semicolon: '; ',
  kpiSection: 'KPI',
  stoppedSection: 'Paused or cancelled (the report says so)',
  statedSection: 'Stated in words (a completion, pause or cancellation counts for an item the database already tracks; a rename becomes an alias when ingested)',
  /** What a status needs said beside it (diff, history). */
  lastSeen: (week: string, pct: number | null) => `last seen ${week}${pct === null ? '' : `, ${fmtPct(pct)}%`}`,
  reached100: (week: string) => `at 100 in ${week}`,
  /** A renamed item's name now; the item a new one was split from. */
  nowNamed: (name: string) => `now ${name}`,
  splitFromNote: (name: string) => `split from ${name}`,
  inWords: (phrase: string) => `in words: ${phrase}`,
  statedWords: (phrase: string) => `stated: ${phrase}`,
  lowerIsBetter: 'lower is better',
  /** A due date `check` found beside a figure, and the words it was read from. */
  checkDue: (due: string, text: string) => `, due ${due} ("${text}")`,
  originReport: 'report',
  changes: 'Changes',
  diffTitle: (from: string, to: string) => `${from} → ${to}`,
  noProgressItems: 'no progress items',
  noKpiItems: 'no KPI items',
  notCompared: 'Not compared (a missing report is not a dropped project)',
  noReportIn: (team: string, week: string) => `team ${team || '(default)'}: no report in ${week}`,
  stalledTitle: (asOf: string, n: number) => `Stalled as of ${asOf}: no increase in ${n} or more reports`,
  nothingStalled: 'nothing stalled',
  noReportsStored: 'no reports stored',
  storedReports: 'Stored reports',
  noPercentages: 'no percentages found',
  noHeading: '(no heading)',
  reportLine: (source: string, date: string | null, team: string) => `${source}${date ? ` (${date})` : ''}${team ? ` team ${team}` : ''}`,
  kpiMark: ' (KPI)',
  /** A remark after a text: ` (an operating figure ("可用性"))`. */
  aside: (s: string) => ` (${s})`,
  /** After a rule's word that came from the user's configuration. */
  configuredMark: ' (configured)',
  noItemMatches: (query: string) => `no item matches ${JSON.stringify(query)}`,
  historyTitle: (query: string) => `History: ${query}`,
  weekUnknown: 'week unknown',
  check: 'Check',
  warningLine: (file: string, line: number, message: string) => `warning: ${file}:${line}: ${message}`,
  noRenameCandidates: 'no rename candidates',
  renameCandidates: 'Rename candidates',
  toAcceptOne: 'To accept one:',
  recorded: (n: number) => `Recorded ${n} alias${n === 1 ? '' : 'es'}:`,
  aliases: 'Aliases',
  noAliases: 'no aliases; `milestones alias suggest` finds likely renames',
  originDatabase: 'database',
  originConfig: 'config',
  progressByWeek: 'Progress by week',
  summary: 'Summary',
  defaultTeam: '(no team)',
  /** Why an item has no forecast. */
  forecastState: { forecast: '', done: 'done', 'too-few': 'too few reports', flat: 'no upward trend' } as Record<string, string>,
  forecastTitle: (asOf: string, today: string) => `Forecasts as of ${asOf} (today: ${today})`,
  noForecasts: 'no items to forecast',
  /** The slow end of a forecast range that never reaches 100. */
  never: 'never',
  /** The planning-meeting page (milestones report). */
  report: {
    title: (from: string, to: string) => `Planning report ${from} – ${to}`,
    headline: (teams: number, reports: number, prev: string | null, to: string, today: string) =>
      `${teams} team${teams === 1 ? '' : 's'} · ${reports} report${reports === 1 ? '' : 's'} · ` +
      `${prev ? `statuses ${prev} → ${to}` : `statuses of ${to}`} · forecasts as of ${today}`,
    countsLabel: 'Items by status',
    attention: 'Needs attention',
    nothingNeedsAttention: 'Nothing needs attention: no item regressed, was dropped, stalled, stopped or is slipping.',
    howLong: 'How long / why',
    stalledFor: (reports: number, weeks: number, since: string) => `no increase in ${reports} reports (${weeks} weeks) since ${since}`,
    teamTitle: (team: string) => (team ? `Team ${team}` : 'All items'),
    teamReports: (n: number, prev: string | null, to: string) => `${n} report${n === 1 ? '' : 's'} in the period${prev ? `; ${prev} → ${to}:` : ':'}`,
    noReportIn: (week: string) => `No report in ${week}: not compared.`,
    burnUp: 'Burn-up',
    changedInWords: (prev: string, to: string) => `What changed in words${prev ? ` (${prev} → ${to})` : ''}`,
    chartLabel: (project: string, metric: string | null, values: readonly (number | null)[], weeks: readonly string[], eta: string | null, due: string | null) => {
      const at = values.map((v, i) => (v === null ? null : ([weeks[i]!, v] as const))).filter((x) => x !== null);
      const first = at[0];
      const last = at[at.length - 1];
      const path = first && last ? `${fmtPct(first[1])}% in ${first[0]} to ${fmtPct(last[1])}% in ${last[0]} (${at.length} reports)` : 'no figures';
      return `${project}${metric ? ` / ${metric}` : ''}: burn-up, ${path}${eta ? `; forecast 100% on ${eta}` : ''}${due ? `; due ${due}` : ''}`;
    },
  },
  /** Why an item is slipping. */
  slipReason: {
    'after-due': (due: string) => `forecast after the due date ${due}`,
    pace: (needed: number, seen: number | null) => `needs ${fmtPct(needed)} points a week, has shown ${seen === null ? 'no pace' : fmtPct(seen)}`,
    overdue: (due: string) => `due ${due}, not done`,
  },
  observations: 'Observations',
  /** What `ingest` prints on stdout: a line per report, a line per file holding several, a summary. */
  ingest: {
    actions: { added: 'added', replaced: 'replaced', rebuilt: 'rebuilt', unchanged: 'unchanged', conflict: 'conflict', failed: 'failed' } as Record<
      'added' | 'replaced' | 'rebuilt' | 'unchanged' | 'conflict' | 'failed',
      string
    >,
    counts: (progress: number, kpi: number, warnings: number, replaced: string | undefined, rebuilt: boolean) =>
      `(${progress} progress, ${kpi} kpi${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}${replaced ? `; replaces ${replaced}` : rebuilt ? '; its evidence file was missing or damaged' : ''})`,
    /** Another file of the same team and week is kept (`why`: a message of model/claim.ts). */
    conflict: (kept: string, why: string) => `(not stored: ${kept} holds the same team and week and is kept, ${why})`,
    reportsOfFile: (n: number, first: string | undefined, last: string | undefined, failed: number) =>
      `${n} report${n === 1 ? '' : 's'}${first ? ` (${first}${last ? ` … ${last}` : ''})` : ''}${failed ? `, ${failed} not stored` : ''}`,
    summary: (parts: readonly [action: string, n: number][]) => parts.map(([a, n]) => `${n} ${a}`).join(', '),
    nothing: 'nothing to ingest',
  },
  /** A message of the pipeline (a reason, a warning, a note of `check`) in this language; English is the message itself. */
  message: (english: string): string => english,
  suggestionEvidence: (lastSeen: string, fromPct: number, firstSeen: string, toPct: number, similarity: number, continuity: number, position: number) =>
    `${lastSeen} ${fmtPct(fromPct)}% → ${firstSeen} ${fmtPct(toPct)}%, name ${similarity.toFixed(2)}, figures ${continuity.toFixed(2)}, place ${position.toFixed(2)}`,
};

export type Words = typeof EN;
export type ColumnLabel = keyof Words['columns'];

const LANGUAGES: Readonly<Record<Lang, Words>> = { en: EN, zh: ZH };

export function wordsFor(lang: string | undefined): Words {
  return LANGUAGES[lang as Lang] ?? EN;
}
