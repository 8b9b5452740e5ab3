// What the reading commands share: the opened store, the alias map, the stored weeks, week references resolved.

import { existsSync } from 'node:fs';
import { weekDay } from '../analyze/forecast.js';
import { InputError, UsageError } from '../model/errors.js';
import { compareText, type AliasMap } from '../model/name.js';
import type { WeekId } from '../model/types.js';
import { compareWeeks, formatDate, parseDate, resolveWeekRef } from '../model/week.js';
import { openStore, resolveDbPath } from '../store/index.js';
import type { Store, StoredHeader } from '../store/types.js';
import { aliasMap, type GlobalOptions } from './options.js';
import { note } from './output.js';

export interface Context {
  g: GlobalOptions;
  store: Store;
  aliases: AliasMap;
  /** Headers of the selected team (or all teams), sorted by week, team, source. */
  headers: StoredHeader[];
  /** Distinct stored weeks of the selection, oldest first. */
  weeks: WeekId[];
  /** Resolves `W16`, `latest`, a date… against the stored weeks; an ambiguous reference is noted on stderr. */
  week(ref: string): WeekId;
  /**
   * Two resolved weeks in order. Every command that takes two weeks accepts them either way
   * round: reversed ones are swapped with a note.
   */
  ordered(a: WeekId, b: WeekId): [WeekId, WeekId];
}

export async function openContext(g: GlobalOptions): Promise<Context> {
  // A dangling link or a --db that is not a file is said as such, not as "no database here yet".
  if (!existsSync(await resolveDbPath(g.dbShown, g.dbShown))) {
    throw new InputError('no database here yet', {
      where: g.dbShown,
      hint: 'run `milestones ingest <folder>` first, or point --db (or MILESTONES_DB) at your database',
    });
  }
  const store = await openStore(g.dbShown);
  for (const n of store.notes()) note(n);
  const all = store.headers();
  if (g.team !== undefined && !all.some((h) => h.team === g.team)) {
    const teams = [...new Set(all.map((h) => h.team))].sort(compareText).map((t) => (t === '' ? '(default, no --team)' : t));
    throw new UsageError(`unknown team ${JSON.stringify(g.team)}`, {
      hint: teams.length ? `stored teams: ${teams.join(', ')}` : 'the database holds no reports yet; run `milestones ingest <path>` first',
    });
  }
  const headers = all
    .filter((h) => g.team === undefined || h.team === g.team)
    .sort((a, b) => compareWeeks(a.week, b.week) || compareText(a.team, b.team) || compareText(a.source, b.source));
  const weeks = [...new Set(headers.map((h) => h.week))];
  return {
    g,
    store,
    aliases: aliasMap(store.aliases(), g.config),
    headers,
    weeks,
    week(ref: string) {
      const r = resolveWeekRef(ref, weeks, g.scheme);
      if (r.note) note(r.note);
      return r.week;
    },
    ordered(a: WeekId, b: WeekId) {
      return orderWeeks(a, b);
    },
  };
}

/**
 * The date forecasts are made on: `--today`, else the latest date of a report up to `to` (a
 * report without a date stands for its week's Friday). The database, not the clock, decides by
 * default, so the same reports give the same forecasts on any day.
 */
export function forecastDay(ctx: Context, today: string | undefined, to?: WeekId): string {
  if (today !== undefined) {
    const d = parseDate(today.trim());
    if (!d) throw new UsageError(`--today ${today} is not a date`, { hint: 'write it as 2026-01-16' });
    return formatDate(d);
  }
  let best = '';
  for (const h of ctx.headers) {
    if (to !== undefined && compareWeeks(h.week, to) > 0) continue;
    const d = h.date ?? weekDay(h.week, ctx.g.scheme);
    if (d > best) best = d;
  }
  return best || formatDate(new Date(0));
}

/** `[earlier, later]`; reversed weeks are swapped with a note (the same for diff, export and every later command). */
export function orderWeeks(a: WeekId, b: WeekId): [WeekId, WeekId] {
  if (compareWeeks(a, b) <= 0) return [a, b];
  note(`${a} is later than ${b}; using ${b} → ${a}`);
  return [b, a];
}
