// Test support: compares extractions with hand-labelled truth (gold.json); the fixture tests and scripts/check-seeds.ts use it.

import type { Extraction, Observation } from '../../src/model/types.js';

export interface GoldEntry {
  /** Must occur in `project + ' ' + metric`. */
  key: string;
  /** When given, the observation's metric must contain it. */
  metric?: string;
  percent: number;
  line?: number;
  done?: number;
  total?: number;
  why?: string;
}

export interface GoldReport {
  week?: string | null;
  date?: string | null;
  progress: GoldEntry[];
  kpi: GoldEntry[];
  /** May be extracted (as anything) or not. */
  optional?: GoldEntry[];
}

export interface Gold {
  about?: string;
  reports: Record<string, GoldReport>;
}

export interface Mismatch {
  file: string;
  what: 'missing-report' | 'week' | 'date' | 'missing' | 'unexpected' | 'line' | 'fraction';
  message: string;
}

export interface Score {
  /** Gold progress entries found. */
  truePositives: number;
  /** Progress observations that are neither gold progress nor optional. */
  falsePositives: number;
  /** Gold progress entries not found. */
  falseNegatives: number;
  precision: number;
  recall: number;
  mismatches: Mismatch[];
}

/** What a gold entry is matched against: an observation, or an item of `show --json`. */
export interface Figure {
  project: string;
  metric: string | null;
  percent: number;
}

export const label = (o: Figure) => `${o.project} ${o.metric ?? ''}`;

/** Does a figure fit a gold entry? Its percent, its key inside `project metric`, its metric inside the metric. */
export function fits(o: Figure, g: Pick<GoldEntry, 'key' | 'metric' | 'percent'>): boolean {
  return (
    o.percent === g.percent && label(o).includes(g.key) && (g.metric === undefined || (o.metric ?? '').includes(g.metric))
  );
}

/**
 * Matches extractions (keyed by the same file names as `gold.reports`) against the gold labels.
 * Progress and KPI entries must be found (with the gold line when it gives one); anything else
 * extracted as progress or KPI that is not optional is unexpected.
 */
export function scoreAgainstGold(extractions: Readonly<Record<string, Extraction>>, gold: Gold): Score {
  const mismatches: Mismatch[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [file, expected] of Object.entries(gold.reports)) {
    const ex = extractions[file];
    if (!ex) {
      mismatches.push({ file, what: 'missing-report', message: `${file}: no extraction given` });
      fn += expected.progress.length;
      continue;
    }
    const fail = (what: Mismatch['what'], message: string) => mismatches.push({ file, what, message: `${file}: ${message}` });
    if (expected.week !== undefined && ex.week !== expected.week) fail('week', `week ${ex.week}, expected ${expected.week}`);
    if (expected.date !== undefined && ex.date !== expected.date) fail('date', `date ${ex.date}, expected ${expected.date}`);
    const optional = expected.optional ?? [];
    for (const kind of ['progress', 'kpi'] as const) {
      const found = ex.observations.filter((o) => o.kind === kind);
      const used = new Set<Observation>();
      for (const g of expected[kind]) {
        const hit = found.find((o) => !used.has(o) && fits(o, g));
        if (!hit) {
          fail('missing', `missing ${kind} ${g.key}${g.metric ? '/' + g.metric : ''} ${g.percent}%${g.line ? ` (line ${g.line})` : ''}`);
          if (kind === 'progress') fn++;
          continue;
        }
        used.add(hit);
        if (kind === 'progress') tp++;
        if (g.line !== undefined && hit.line !== g.line) fail('line', `${g.key} ${g.percent}%: line ${hit.line}, expected ${g.line}`);
        if (g.done !== undefined && (hit.done !== g.done || hit.total !== g.total)) {
          fail('fraction', `${g.key}: done/total ${hit.done}/${hit.total}, expected ${g.done}/${g.total}`);
        }
      }
      for (const o of found) {
        if (used.has(o) || optional.some((g) => fits(o, g))) continue;
        fail('unexpected', `unexpected ${kind} "${label(o).trim()}" ${o.percent}% (line ${o.line})`);
        if (kind === 'progress') fp++;
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, mismatches };
}

/** The mismatches only: empty means the extractions agree with the gold labels. */
export function compareWithGold(extractions: Readonly<Record<string, Extraction>>, gold: Gold): Mismatch[] {
  return scoreAgainstGold(extractions, gold).mismatches;
}
