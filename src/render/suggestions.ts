// The `alias suggest` report: candidate renames with their evidence and score, then how to accept them (or what was recorded).

import type { AliasSuggestion } from '../analyze/aliases.js';
import { someTeam, table, type Column, type Doc, type ReportType } from './doc.js';
import type { Words } from './words.js';

export interface SuggestionsData {
  suggestions: readonly AliasSuggestion[];
  /** `--apply`: the suggestions were recorded as aliases. */
  applied: boolean;
}

/** Quotes a name for a POSIX shell command line. */
function shellQuote(s: string): string {
  return /^[\p{L}\p{N}_./-]+$/u.test(s) && !s.startsWith('-') ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const evidence = (s: AliasSuggestion, w: Words) =>
  w.suggestionEvidence(
    s.evidence.lastSeen,
    s.evidence.fromPercent,
    s.evidence.firstSeen,
    s.evidence.toPercent,
    s.evidence.nameSimilarity,
    s.evidence.continuity,
    s.evidence.position,
  );

const COLUMNS: readonly Column<AliasSuggestion>[] = [
  { key: 'team', label: 'team', value: (s) => s.team, shownIf: someTeam },
  { key: 'from', label: 'oldName', value: (s) => s.from },
  { key: 'arrow', label: 'arrow', value: () => '→', only: 'display' },
  { key: 'to', label: 'newName', value: (s) => s.to },
  { key: 'score', label: 'score', align: 'right', value: (s) => s.score, show: (s) => s.score.toFixed(2) },
  { key: 'evidence', label: 'evidence', value: () => null, show: evidence, only: 'display' },
  { key: 'last_seen', label: 'lastSeen', value: (s) => s.evidence.lastSeen, only: 'data' },
  { key: 'first_seen', label: 'firstSeen', value: (s) => s.evidence.firstSeen, only: 'data' },
  { key: 'from_percent', label: 'fromPercent', value: (s) => s.evidence.fromPercent, only: 'data' },
  { key: 'to_percent', label: 'toPercent', value: (s) => s.evidence.toPercent, only: 'data' },
  { key: 'name_similarity', label: 'nameSimilarity', value: (s) => s.evidence.nameSimilarity, only: 'data' },
  { key: 'continuity', label: 'continuity', value: (s) => s.evidence.continuity, only: 'data' },
  { key: 'position', label: 'position', value: (s) => s.evidence.position, only: 'data' },
];

function suggestionsDoc(d: SuggestionsData, w: Words): Doc {
  const list = d.suggestions;
  const blocks: Doc['blocks'] = [table(COLUMNS, list, { empty: w.noRenameCandidates })];
  if (list.length && d.applied) {
    blocks.push({ kind: 'heading', text: w.recorded(list.length) }, { kind: 'lines', list: true, lines: list.map((s) => [`${s.from} → ${s.to}`]) });
  } else if (list.length) {
    const command = (s: AliasSuggestion) => `milestones alias add ${shellQuote(s.from)} ${shellQuote(s.to)}`;
    blocks.push({ kind: 'heading', text: w.toAcceptOne }, { kind: 'lines', list: true, lines: list.map((s) => [{ text: command(s), mark: 'code' }]) });
  }
  return { title: w.renameCandidates, titleInText: false, blocks, data: { columns: COLUMNS, rows: list } };
}

export const SUGGESTIONS: ReportType<SuggestionsData> = {
  name: 'alias suggest',
  doc: suggestionsDoc,
  json: (d) => ({ suggestions: d.suggestions, ...(d.applied ? { applied: d.suggestions.length } : {}) }),
};
