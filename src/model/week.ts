// Week arithmetic: the reporters' convention (Monday start, the week holding 1 January is W01) and ISO weeks.

// One module per function: the date-fns barrel costs ~110 ms of start-up.
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getWeek } from 'date-fns/getWeek';
import { getWeekYear } from 'date-fns/getWeekYear';
import { isValid } from 'date-fns/isValid';
import { startOfISOWeekYear } from 'date-fns/startOfISOWeekYear';
import { startOfWeekYear } from 'date-fns/startOfWeekYear';
import { UsageError } from './errors.js';
import type { WeekId, WeekScheme } from './types.js';

/** The reporters' convention expressed in date-fns terms. */
const REPORTER = { weekStartsOn: 1, firstWeekContainsDate: 1 } as const;

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

export interface WeekParts {
  year: number;
  week: number;
}

/** A local calendar date from `YYYY-MM-DD`; null when it is not a real date. */
export function parseDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (!isValid(date) || date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date;
}

/** `YYYY-MM-DD` of a local date. */
export function formatDate(date: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function formatWeekId(year: number, week: number): WeekId {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

export function parseWeekId(id: WeekId): WeekParts {
  const m = WEEK_ID.exec(id);
  if (!m) throw new UsageError(`not a week id: ${id}`, { hint: 'write it as 2023-W16' });
  return { year: Number(m[1]), week: Number(m[2]) };
}

export function isWeekId(s: string): boolean {
  return WEEK_ID.test(s);
}

/** The week a date belongs to; late-December dates may belong to W01 of the next week-year. */
export function weekOfDate(date: Date, scheme: WeekScheme = 'reporter'): WeekId {
  if (scheme === 'iso') return formatWeekId(getISOWeekYear(date), getISOWeek(date));
  return formatWeekId(getWeekYear(date, REPORTER), getWeek(date, REPORTER));
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC, so no daylight-saving hour shifts a day). */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function dayDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The day a week's report stands for when only its week is known: the Friday of that week (`YYYY-MM-DD`). */
export function weekFriday(id: WeekId, scheme: WeekScheme = 'reporter'): string {
  return formatDate(addDays(weekStart(id, scheme), 4));
}

/** The Monday that starts a week. */
export function weekStart(id: WeekId, scheme: WeekScheme = 'reporter'): Date {
  const key = `${scheme}:${id}`;
  let time = starts.get(key);
  if (time === undefined) {
    time = computeWeekStart(id, scheme).getTime();
    starts.set(key, time);
  }
  return new Date(time);
}

/** Week starts are asked for again and again (stalled, series); there are only ~52 a year. */
const starts = new Map<string, number>();

function computeWeekStart(id: WeekId, scheme: WeekScheme): Date {
  const { year, week } = parseWeekId(id);
  const first =
    scheme === 'iso' ? startOfISOWeekYear(new Date(year, 0, 4)) : startOfWeekYear(new Date(year, 0, 1), REPORTER);
  return addWeeks(first, week - 1);
}

/** How many weeks the week-year has (52 or 53). */
export function weeksInYear(year: number, scheme: WeekScheme = 'reporter'): number {
  const next = formatWeekId(year + 1, 1);
  const last = addDays(weekStart(next, scheme), -1);
  return parseWeekId(weekOfDate(last, scheme)).week;
}

/** True when `id` names a week that exists (W53 only in long years). */
export function isValidWeek(id: WeekId, scheme: WeekScheme = 'reporter'): boolean {
  if (!isWeekId(id)) return false;
  const { year, week } = parseWeekId(id);
  return week >= 1 && week <= weeksInYear(year, scheme);
}

/** Calendar weeks from `a` to `b` (positive when b is later). */
export function weeksBetween(a: WeekId, b: WeekId, scheme: WeekScheme = 'reporter'): number {
  return Math.round(differenceInCalendarDays(weekStart(b, scheme), weekStart(a, scheme)) / 7);
}

/** Week ids sort chronologically as strings; this says so in one place. */
export function compareWeeks(a: WeekId, b: WeekId): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2023-W16`, `2023w16` (NFKC-normalised text): the week written with its year, not checked to exist; else null. */
export function yearWeekOf(text: string): WeekId | null {
  const m = /^(\d{4})-?w(\d{1,2})$/i.exec(text);
  return m ? formatWeekId(Number(m[1]), Number(m[2])) : null;
}

/** The week of a date written as `2023-04-14`, `2023/04/14` or `2023.04.14`; else null. */
export function dateWeekOf(text: string, scheme: WeekScheme = 'reporter'): WeekId | null {
  const date = parseDate(text.replace(/[/.]/g, '-'));
  return date ? weekOfDate(date, scheme) : null;
}

export interface ResolvedWeek {
  week: WeekId;
  /** Set when the reference was ambiguous and a choice was made (print on stderr). */
  note?: string;
}

/**
 * Resolves a user's week reference against the stored weeks: `W16`, `w16`, `16`,
 * `2023-W16`, a date inside the week, `latest`, `previous`. Throws UsageError listing
 * the stored weeks when nothing matches.
 */
export function resolveWeekRef(ref: string, stored: readonly WeekId[], scheme: WeekScheme = 'reporter'): ResolvedWeek {
  const weeks = [...new Set(stored)].sort(compareWeeks);
  const raw = ref.trim().normalize('NFKC');
  const unknown = (what: string) =>
    new UsageError(`unknown week ${what}`, {
      hint: weeks.length
        ? `stored weeks: ${weeks.join(', ')}`
        : 'the database holds no reports yet; run `milestones ingest <path>` first',
    });

  if (weeks.length === 0) throw unknown(JSON.stringify(ref));
  const lower = raw.toLowerCase();
  if (lower === 'latest') return { week: weeks[weeks.length - 1]! };
  if (lower === 'previous') {
    if (weeks.length < 2) throw new UsageError('there is no previous week', { hint: `only ${weeks[0]} is stored` });
    return { week: weeks[weeks.length - 2]! };
  }

  const explicit = yearWeekOf(raw);
  if (explicit) {
    if (weeks.includes(explicit)) return { week: explicit };
    throw unknown(explicit);
  }
  const m = /^w?(\d{1,2})$/i.exec(raw);
  if (m) {
    const n = Number(m[1]);
    const hits = weeks.filter((w) => parseWeekId(w).week === n);
    if (hits.length === 0) throw unknown(JSON.stringify(ref));
    const week = hits[hits.length - 1]!;
    return hits.length > 1
      ? { week, note: `${ref} is stored for several years (${hits.join(', ')}); using ${week}` }
      : { week };
  }
  const fromDate = dateWeekOf(raw, scheme);
  if (fromDate) {
    if (weeks.includes(fromDate)) return { week: fromDate };
    throw unknown(`${ref} (${fromDate})`);
  }
  throw new UsageError(`not a week reference: ${JSON.stringify(ref)}`, {
    hint: 'use W16, 16, 2023-W16, a date such as 2023-04-14, latest or previous',
  });
}
