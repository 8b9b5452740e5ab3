// suggestAliases: rename detection — an item vanishes while a similarly named one carries on its percentage.

import { canonicalProject, normalizeName, type AliasMap } from '../model/name.js';
import type { Measure, WeekId } from '../model/types.js';
import { byTeam, cmpStr, itemsOf, onePerTeamWeek, round2, type ReportLike } from './items.js';

export interface AliasSuggestion {
  /** The older name (becomes the alias). */
  from: string;
  /** The newer name (becomes the canonical). */
  to: string;
  team: string;
  /** 0..1; only suggestions at or above SUGGEST_THRESHOLD are returned. */
  score: number;
  evidence: {
    lastSeen: WeekId;
    firstSeen: WeekId;
    fromPercent: number;
    toPercent: number;
    nameSimilarity: number;
  };
}

export interface SuggestOptions {
  aliases: AliasMap;
  team?: string;
}

/** A renamed item may report a little less than before (re-estimation); more than this is a restart. */
export const PERCENT_TOLERANCE = 5;
export const SUGGEST_THRESHOLD = 0.6;
/** Below this the names are unrelated, whatever the numbers say. */
export const MIN_NAME_SIMILARITY = 0.45;

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
 * For each team, each progress item last seen in report i (absent from report i+1) is paired
 * with items of the same metric first seen in report i+1 or i+2 whose figure continues
 * (new ≥ old − PERCENT_TOLERANCE; a restart such as 60% → 5% is a new piece of work).
 * score = 0.75·name similarity + 0.25·closeness (1 when it appears in the very next report,
 * 0.5 one report later). Each old name keeps its best candidate; pairs already aliased to
 * one another never come out (they share an identity, so they never vanish and appear).
 */
export function suggestAliases(reports: readonly ReportLike<Measure>[], opts: SuggestOptions): AliasSuggestion[] {
  const best = new Map<string, AliasSuggestion>();

  for (const [team, list] of byTeam(onePerTeamWeek(reports, opts.team))) {
    const maps = list.map((r) => itemsOf(r, opts.aliases));
    const firstSeen = new Map<string, number>();
    maps.forEach((m, i) => {
      for (const k of m.keys()) if (!firstSeen.has(k)) firstSeen.set(k, i);
    });

    for (let i = 0; i + 1 < maps.length; i++) {
      for (const [key, { measure: old }] of maps[i]!) {
        if (old.kind !== 'progress' || maps[i + 1]!.has(key)) continue;
        for (let j = i + 1; j <= i + 2 && j < maps.length; j++) {
          for (const [nkey, { measure: neu }] of maps[j]!) {
            if (neu.kind !== 'progress' || firstSeen.get(nkey) !== j) continue;
            if (normalizeName(old.metric) !== normalizeName(neu.metric)) continue;
            const fromName = canonicalProject(old.project, opts.aliases);
            const toName = canonicalProject(neu.project, opts.aliases);
            if (normalizeName(fromName) === normalizeName(toName)) continue;
            const fromPercent = round2(old.percent);
            const toPercent = round2(neu.percent);
            if (toPercent < fromPercent - PERCENT_TOLERANCE) continue;
            const sim = nameSimilarity(fromName, toName);
            if (sim < MIN_NAME_SIMILARITY) continue;
            const score = round2(0.75 * sim + 0.25 * (j === i + 1 ? 1 : 0.5));
            if (score < SUGGEST_THRESHOLD) continue;
            const s: AliasSuggestion = {
              from: fromName,
              to: toName,
              team,
              score,
              evidence: { lastSeen: list[i]!.week, firstSeen: list[j]!.week, fromPercent, toPercent, nameSimilarity: sim },
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
