// forecast: when an item will reach 100%, from its own recent figures (Theil–Sen), and whether that misses its stated due date.
/*
 * The trend is Theil–Sen: the median of the slopes between every pair of the item's recent
 * reports. One odd report (a re-estimate, a typo, scope added once) moves a median little,
 * where a least-squares line would swing. The range comes from the same pairwise slopes: the
 * lower and upper quartile slope, each through its own median intercept, give the late and
 * the early date. With fewer than three reports, or a trend that does not rise, there is no
 * forecast, and the result says which.
 *
 * `slipping` (DESIGN.md): the whole forecast range lies after the stated due date; without a
 * forecast, the pace needed to reach 100 by the due date is more than twice the pace observed;
 * and an item not done whose due date has passed ("today" is a parameter) is slipping.
 */

import { itemKey, type AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId, WeekScheme } from '../model/types.js';
import { compareWeeks, dayDate, dayNumber, weekFriday } from '../model/week.js';
import type { ReportLike } from './items.js';

/** One report's figure for an item, at the report's date (`YYYY-MM-DD`). */
export interface ForecastPoint {
  date: string;
  percent: number;
}

/** Reports looked at: the trend of the last few, not of the item's whole life. */
export const RECENT_REPORTS = 6;
/** No forecast from fewer reports than this. */
export const MIN_POINTS = 3;
/** A median rise below this many points a week is a flat trend. */
export const FLAT_PACE = 0.05;
/** Without a forecast, slipping when the required pace is more than this many times the observed one. */
export const PACE_FACTOR = 2;

/**
 * - `forecast`: `eta` and a range were computed
 * - `done`: the latest figure is 100
 * - `too-few`: fewer than MIN_POINTS reports with a figure
 * - `flat`: the trend does not rise (stalled or going down)
 */
export type ForecastState = 'forecast' | 'done' | 'too-few' | 'flat';

export type SlipReason = 'after-due' | 'pace' | 'overdue';

export interface Forecast {
  state: ForecastState;
  /** Reports the trend was computed from. */
  points: number;
  /** The latest figure. */
  percent: number;
  /** Theil–Sen slope, percentage points per week; null with fewer than two reports. */
  pace: number | null;
  /** The median forecast date of 100%, and the range (`high` null: the slow end of the range never gets there). */
  eta: string | null;
  low: string | null;
  high: string | null;
  /** The stated due date (`YYYY-MM-DD`), when a report gave one. */
  due: string | null;
  slipping: boolean;
  /** Why it is slipping. */
  reason?: SlipReason;
  /** Points a week needed from today to reach 100 by the due date (when there is a due date and the item is not done). */
  requiredPace?: number;
}

export { dayDate, dayNumber };

function median(xs: readonly number[]): number {
  return quantile([...xs].sort((a, b) => a - b), 0.5);
}

/** Linear interpolation between order statistics (R type 7) of sorted numbers. */
function quantile(s: readonly number[], q: number): number {
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  return s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
}

/** The pairwise slopes (per day) between points of different dates. */
function pairwiseSlopes(xs: readonly number[], ys: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      if (xs[j] !== xs[i]) out.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
    }
  }
  return out;
}

/** Where the line of slope `s` (through the median intercept for that slope) reaches 100, not before `notBefore`. */
function reach100(xs: readonly number[], ys: readonly number[], s: number, notBefore: number): number | null {
  if (!(s > 0)) return null;
  const b = median(xs.map((x, i) => ys[i]! - s * x));
  return Math.max(notBefore, Math.ceil((100 - b) / s));
}

/**
 * The forecast of one item from its figures (any order; the last RECENT_REPORTS by date are
 * used), its stated due date and today's date.
 */
export function forecast(all: readonly ForecastPoint[], due: string | null, today: string): Forecast {
  const dated = all.map((p) => ({ x: dayNumber(p.date), percent: p.percent })).sort((a, b) => a.x - b.x);
  const pts = dated.slice(-RECENT_REPORTS);
  const last = pts[pts.length - 1];
  const percent = last?.percent ?? 0;
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.percent);
  const slopes = pairwiseSlopes(xs, ys).sort((a, b) => a - b);
  const pace = slopes.length ? round(quantile(slopes, 0.5) * 7) : null;
  const base: Forecast = { state: 'too-few', points: pts.length, percent, pace, eta: null, low: null, high: null, due, slipping: false };

  if (last && percent >= 100) return { ...base, state: 'done' };
  const todayN = dayNumber(today);
  const dueN = due === null ? null : dayNumber(due);
  const required = dueN === null ? undefined : dueN > todayN ? round(((100 - percent) / (dueN - todayN)) * 7) : undefined;
  const withDue: Forecast = required === undefined ? base : { ...base, requiredPace: required };

  let result: Forecast;
  if (pts.length < MIN_POINTS || slopes.length < 2) {
    result = withDue;
  } else if (pace === null || pace < FLAT_PACE) {
    result = { ...withDue, state: 'flat' };
  } else {
    const lastX = xs[xs.length - 1]!;
    const mid = reach100(xs, ys, quantile(slopes, 0.5), lastX)!;
    const fast = reach100(xs, ys, quantile(slopes, 0.75), lastX);
    const slow = reach100(xs, ys, quantile(slopes, 0.25), lastX);
    result = {
      ...withDue,
      state: 'forecast',
      eta: dayDate(mid),
      low: dayDate(Math.min(fast ?? mid, mid)),
      high: slow === null ? null : dayDate(Math.max(slow, mid)),
    };
  }
  return { ...result, ...slip(result, dueN, todayN) };
}

/** Whether the item is slipping, and why. */
function slip(f: Forecast, dueN: number | null, todayN: number): Pick<Forecast, 'slipping' | 'reason'> {
  if (dueN === null || f.state === 'done') return { slipping: false };
  if (todayN > dueN) return { slipping: true, reason: 'overdue' };
  if (f.state === 'forecast') {
    return dayNumber(f.low!) > dueN ? { slipping: true, reason: 'after-due' } : { slipping: false };
  }
  // No forecast: compare the pace needed with the pace seen (a flat or falling trend has none).
  if (f.requiredPace === undefined || f.pace === null) return { slipping: false };
  const observed = Math.max(0, f.pace);
  return f.requiredPace > PACE_FACTOR * observed ? { slipping: true, reason: 'pace' } : { slipping: false };
}

function round(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

// ------------------------------------------------------------------ forecasts of a series table

/** The day a week's report stands for when only its week is known: the Friday of that week. */
export const weekDay = (week: WeekId, scheme: WeekScheme = 'reporter'): string => weekFriday(week, scheme);

/** What forecastRows needs of a row: its kind and one figure per week column. */
export interface SeriesLike {
  weeks: readonly WeekId[];
  rows: readonly { team: string; project: string; metric: string | null; kind: Kind; values: readonly (number | null)[] }[];
}

export interface ForecastRowsOptions {
  today: string;
  /** The stated due date of a row's item, if any. */
  due?: (row: SeriesLike['rows'][number]) => string | null;
  /** The date of a week's report for a team (default: the week's Friday). */
  dateOf?: (team: string, week: WeekId) => string;
  scheme?: WeekScheme;
}

/**
 * A forecast per row of a series table; null for KPIs (they do not finish) and for items
 * absent from their team's latest report in the table (gone: nothing to forecast).
 */
export function forecastRows(t: SeriesLike, opts: ForecastRowsOptions): (Forecast | null)[] {
  const fridays = t.weeks.map((w) => weekDay(w, opts.scheme));
  const latest = new Map<string, number>();
  for (const row of t.rows) {
    for (let i = row.values.length - 1; i >= (latest.get(row.team) ?? 0); i--) {
      if (row.values[i] !== null) {
        latest.set(row.team, i);
        break;
      }
    }
  }
  return t.rows.map((row) => {
    if (row.kind !== 'progress' || row.values[latest.get(row.team) ?? -1] == null) return null;
    const points: ForecastPoint[] = [];
    row.values.forEach((v, i) => {
      if (v !== null) points.push({ date: opts.dateOf?.(row.team, t.weeks[i]!) ?? fridays[i]!, percent: v });
    });
    return forecast(points, opts.due?.(row) ?? null, opts.today);
  });
}

/**
 * Each item's stated due date: the one of the latest report (up to `to`) that states one, keyed
 * by itemKey (team, alias-resolved project, metric). A later report's date replaces an earlier
 * one (a re-plan); a report that does not repeat it leaves it standing.
 */
export function dueDates(reports: readonly ReportLike<Measure>[], aliases: AliasMap, to?: WeekId): Map<string, string> {
  const out = new Map<string, string>();
  const ordered = [...reports].filter((r) => to === undefined || compareWeeks(r.week, to) <= 0).sort((a, b) => compareWeeks(a.week, b.week));
  for (const r of ordered) {
    for (const m of r.measures) if (m.due !== undefined) out.set(itemKey(r.team, m.project, m.metric, aliases), m.due);
  }
  return out;
}

/** The due-date lookup forecastRows takes, from dueDates' map. */
export function dueOfRow(map: ReadonlyMap<string, string>, aliases: AliasMap): (row: { team: string; project: string; metric: string | null }) => string | null {
  return (row) => map.get(itemKey(row.team, row.project, row.metric, aliases)) ?? null;
}
