// Renderers of rename suggestions (`alias suggest`): candidate pair, evidence, score, and the command to accept it.

import type { AliasSuggestion } from '../analyze/aliases.js';
import { csv, escapeMd, fmtPct, json, mdTable, textTable, type RendererMap } from './format.js';

function evidence(s: AliasSuggestion): string {
  const e = s.evidence;
  return `${e.lastSeen} ${fmtPct(e.fromPercent)}% → ${e.firstSeen} ${fmtPct(e.toPercent)}%, name ${e.nameSimilarity.toFixed(2)}`;
}

/** Quotes a name for a POSIX shell command line. */
function shq(s: string): string {
  return /^[\p{L}\p{N}_./-]+$/u.test(s) && !s.startsWith('-') ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function suggestionsAsText(list: readonly AliasSuggestion[]): string {
  if (list.length === 0) return 'no rename candidates\n';
  const team = list.some((s) => s.team !== '');
  const rows = list.map((s) => [...(team ? [s.team] : []), s.from, '→', s.to, s.score.toFixed(2), evidence(s)]);
  const out = textTable([...(team ? ['Team'] : []), 'Old name', '', 'New name', 'Score', 'Evidence'], rows, [
    ...(team ? (['left'] as const) : []),
    'left',
    'left',
    'left',
    'right',
    'left',
  ]);
  out.push('', 'To accept one:', ...list.map((s) => `  milestones alias add ${shq(s.from)} ${shq(s.to)}`));
  return `${out.join('\n')}\n`;
}

export function suggestionsAsJson(list: readonly AliasSuggestion[]): string {
  return json({ suggestions: list });
}

export function suggestionsAsCsv(list: readonly AliasSuggestion[]): string {
  return csv(
    ['team', 'from', 'to', 'score', 'last_seen', 'first_seen', 'from_percent', 'to_percent', 'name_similarity'],
    list.map((s) => [
      s.team,
      s.from,
      s.to,
      s.score,
      s.evidence.lastSeen,
      s.evidence.firstSeen,
      s.evidence.fromPercent,
      s.evidence.toPercent,
      s.evidence.nameSimilarity,
    ]),
  );
}

export function suggestionsAsMarkdown(list: readonly AliasSuggestion[]): string {
  const rows = list.map((s) => [escapeMd(s.team), escapeMd(s.from), escapeMd(s.to), s.score.toFixed(2), escapeMd(evidence(s))]);
  return `${mdTable(['Team', 'Old name', 'New name', 'Score', 'Evidence'], rows, ['left', 'left', 'left', 'right', 'left']).join('\n')}\n`;
}

export const SUGGESTIONS_RENDERERS: RendererMap<readonly AliasSuggestion[]> = {
  text: suggestionsAsText,
  json: suggestionsAsJson,
  csv: suggestionsAsCsv,
  md: suggestionsAsMarkdown,
};
