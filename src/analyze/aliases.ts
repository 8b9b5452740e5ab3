// suggestAliases: rename detection — an item vanishes while another carries on its percentage, in its place, under a similar name.

import { canonicalProject, normalizeName, type AliasMap } from '../model/name.js';
import type { Measure, WeekId } from '../model/types.js';
import { cmpStr, round2, type ReportLike } from './items.js';
import { timelines } from './timeline.js';

export interface AliasSuggestion {
  /** The older name (becomes the alias). */
  from: string;
  /** The newer name (becomes the canonical). */
  to: string;
  team: string;
  /** 0..1: 0.45 name similarity + 0.25 continuity of figures + 0.15 position in the report + 0.15 closeness in time. */
  score: number;
  evidence: {
    lastSeen: WeekId;
    firstSeen: WeekId;
    fromPercent: number;
    toPercent: number;
    nameSimilarity: number;
    /** 1 when the new figure continues the old one as a week's progress would; lower for big jumps or falls. */
    continuity: number;
    /** 1 when both stand at the same place in their reports' lists of items. */
    position: number;
  };
}

export interface SuggestOptions {
  aliases: AliasMap;
  team?: string;
  /** Only suggestions scoring at least this (default SUGGEST_THRESHOLD). */
  minScore?: number;
}

/** A renamed item may report a little less than before (re-estimation); more than this is a restart. */
export const PERCENT_TOLERANCE = 5;
export const SUGGEST_THRESHOLD = 0.6;

/**
 * Name similarity for Chinese project names: Dice over character bigrams (single characters
 * for one-character names), raised for containment (`店东看懂账` ⊂ `店东看懂账一期`), since a
 * rename usually adds or drops a suffix such as `一期`, `项目`, `二期`.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  const dice = diceBigrams(x, y);
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  const shortLen = [...short].length;
  const longLen = [...long].length;
  const contained = shortLen >= 2 && long.includes(short) ? 0.7 + 0.3 * (shortLen / longLen) : 0;
  return round2(Math.max(dice, contained));
}

function grams(s: string): string[] {
  const cps = [...s];
  if (cps.length < 2) return cps;
  const out: string[] = [];
  for (let i = 0; i < cps.length - 1; i++) out.push(cps[i]! + cps[i + 1]!);
  return out;
}

function diceBigrams(a: string, b: string): number {
  const ga = grams(a);
  const gb = grams(b);
  const pool = new Map<string, number>();
  for (const g of gb) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of ga) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return ga.length + gb.length === 0 ? 0 : (2 * common) / (ga.length + gb.length);
}

/**
 * For each team's timeline (analyze/timeline.ts: aliases, stated renames and wording drift already
 * applied, so nothing already merged comes out), each progress item below 100 with a figure in
 * report i and nothing at all in report i+1 (not even a stated pause or cancellation) is paired
 * with the items first seen in report i+1 or i+2, same metric, whose figure continues (new ≥ old −
 * PERCENT_TOLERANCE; a restart such as 60% → 5% is a new piece of work). Score: 0.45·name
 * similarity + 0.25·continuity + 0.15·position + 0.15·closeness (1 in the very next report, 0.5
 * one later). Each old name keeps its best candidate.
 */
export function suggestAliases(reports: readonly ReportLike<Measure>[], opts: SuggestOptions): AliasSuggestion[] {
  const best = new Map<string, AliasSuggestion>();
  const min = opts.minScore ?? SUGGEST_THRESHOLD;

  for (const tl of timelines(reports, opts.aliases, opts.team)) {
    const team = tl.team;
    const ranks = tl.entries.map(progressRanks);
    for (let i = 0; i + 1 < tl.entries.length; i++) {
      for (const [key, e] of tl.entries[i]!) {
        const info = tl.items.get(key)!;
        if (info.kind !== 'progress' || !e.measure || e.stated || e.percent === null || e.percent >= 100) continue;
        if (tl.entries[i + 1]!.has(key)) continue;
        const old = e.measure;
        for (let j = i + 1; j <= i + 2 && j < tl.entries.length; j++) {
          for (const [nkey, ne] of tl.entries[j]!) {
            const ninfo = tl.items.get(nkey)!;
            if (ninfo.kind !== 'progress' || ninfo.first !== j || !ne.measure || ne.percent === null) continue;
            const neu = ne.measure;
            if (normalizeName(old.metric) !== normalizeName(neu.metric)) continue;
            const fromName = canonicalProject(old.project, opts.aliases);
            const toName = canonicalProject(neu.project, opts.aliases);
            if (normalizeName(fromName) === normalizeName(toName)) continue;
            const fromPercent = e.percent;
            const toPercent = ne.percent;
            if (toPercent < fromPercent - PERCENT_TOLERANCE) continue;
            const sim = nameSimilarity(fromName, toName);
            const continuity = round2(toPercent >= fromPercent ? Math.max(0, 1 - (toPercent - fromPercent) / 50) : 1 - (fromPercent - toPercent) / (2 * PERCENT_TOLERANCE));
            const position = round2(1 - Math.abs(ranks[i]!.get(key)! - ranks[j]!.get(nkey)!));
            const closeness = j === i + 1 ? 1 : 0.5;
            const score = round2(0.45 * sim + 0.25 * continuity + 0.15 * position + 0.15 * closeness);
            if (score < min) continue;
            const s: AliasSuggestion = {
              from: fromName,
              to: toName,
              team,
              score,
              evidence: { lastSeen: tl.reports[i]!.week, firstSeen: tl.reports[j]!.week, fromPercent, toPercent, nameSimilarity: sim, continuity, position },
            };
            const k = `${team}\u0000${normalizeName(fromName)}`;
            const cur = best.get(k);
            if (!cur || s.score > cur.score || (s.score === cur.score && cmpStr(s.to, cur.to) < 0)) best.set(k, s);
          }
        }
      }
    }
  }
  return [...best.values()].sort(
    (a, b) => b.score - a.score || cmpStr(a.team, b.team) || cmpStr(a.from, b.from) || cmpStr(a.to, b.to),
  );
}

/** Each progress item's place in its report's list, 0 (first) … 1 (last), by line. */
function progressRanks(entries: ReadonlyMap<string, { measure: Measure | null }>): Map<string, number> {
  const list = [...entries].filter(([, e]) => e.measure && e.measure.kind === 'progress').sort((a, b) => a[1].measure!.line - b[1].measure!.line);
  const out = new Map<string, number>();
  list.forEach(([k], i) => out.set(k, list.length > 1 ? i / (list.length - 1) : 0));
  return out;
}
