// Timelines folded from the teams' saved fold states (checkpoints) instead of from their first report: what diff, show and stalled read, and what ingest keeps up to date.
/*
 * A team's timeline is a fold over its reports (analyze/timeline.ts). After a commit, `ingest`
 * saves the fold's state as of each team's last three reports (`refreshCheckpoints`); a query
 * that needs the team's statuses from some week on loads the latest saved state before that week
 * and folds only the reports after it, with the same code, so the statuses are those of a fold
 * from the first report.
 *
 * A saved state is used only when its key matches: a hash of the fold's code (the built files of
 * timeline, items, names and the Han fold), of the alias map (stored aliases and the configuration
 * file's), and of the team's report ids and weeks up to the state's week. An alias added or
 * removed, another configuration, a report filed into the past, replaced or removed, or another
 * build changes the key, and the query folds that team from its first report instead (and the
 * next ingest saves the state again). A damaged or foreign file fails its seal or its key.
 */

import { byTeam, onePerTeamWeek, type ReportLike } from '../analyze/items.js';
import { buildTimeline, isFoldState, type FoldState, type Timeline } from '../analyze/timeline.js';
import type { AliasMap } from '../model/name.js';
import type { Measure, ReportMeasures, WeekId } from '../model/types.js';
import type { StoreReader, StoredHeader } from '../store/types.js';
import { aliasMap } from './options.js';
import { BASIS, basisOf, stateKey } from './fold-keys.js';

export { stateKey, checkpointsCurrent } from './fold-keys.js';

/** Saved states per team: after each of its last TAIL reports (a diff of the last two weeks starts from the third last). */
export const TAIL = 3;

/** One team's reports, one per week, oldest first (the order the fold reads them in). */
export function teamReports(headers: readonly StoredHeader[]): Map<string, StoredHeader[]> {
  // onePerTeamWeek and byTeam read the header fields only (no figures): the headers themselves, not copies.
  return byTeam(onePerTeamWeek(headers as unknown as (StoredHeader & ReportLike<Measure>)[]));
}

/** What a team's fold needs: its reports from `from` (index) to `to` (inclusive), the state before `from` when saved. */
export interface Want {
  from: number;
  to: number;
  /** Report indices whose state to capture (for saving). */
  snapshots?: ReadonlySet<number>;
}

/** The saved state after the team's report `at`, when its key matches. */
function savedState(store: StoreReader, aliases: AliasMap, team: string, reports: readonly StoredHeader[], at: number): FoldState | null {
  const st = store.checkpoint(team, reports[at]!.week, stateKey(aliases, reports, at));
  if (!isFoldState(st)) return null;
  return st.team === team && st.week === reports[at]!.week && st.reports === at + 1 ? st : null;
}

/**
 * The latest usable saved state before the team's report `from`, and the index of the first report
 * still to fold after it (0 and no state when none is usable). The saved states that can exist are
 * those after the team's last reports (TAIL of them, and the ones a week older, kept until the next
 * ingest), so only those are asked for.
 */
function latestSavedState(
  store: StoreReader,
  aliases: AliasMap,
  team: string,
  reports: readonly StoredHeader[],
  from: number,
): { state: FoldState | undefined; first: number } {
  for (let at = from - 1; at >= 0 && at >= reports.length - 2 * TAIL; at--) {
    const st = savedState(store, aliases, team, reports, at);
    if (st) return { state: st, first: at + 1 };
  }
  return { state: undefined, first: 0 };
}

/**
 * Timelines of the teams asked for (teams in code-point order), each folded from the latest usable
 * saved state before its `from` (else from its first report) to its `to`. The figures of the
 * reports folded are read at once.
 */
export function foldTeams(store: StoreReader, aliases: AliasMap, byTeamReports: ReadonlyMap<string, StoredHeader[]>, wants: ReadonlyMap<string, Want>): Timeline<Measure>[] {
  const plans: { team: string; start: FoldState | undefined; first: number; reports: StoredHeader[]; want: Want }[] = [];
  const weeks = new Set<WeekId>();
  for (const [team, want] of wants) {
    const reports = byTeamReports.get(team) ?? [];
    const { state: start, first } = latestSavedState(store, aliases, team, reports, want.from);
    for (let i = first; i <= want.to; i++) weeks.add(reports[i]!.week);
    plans.push({ team, start, first, reports, want });
  }
  const teams = new Set(plans.map((p) => p.team));
  const measures = weeks.size ? store.measures({ weeks: [...weeks], teams }) : [];
  const byId = new Map<string, ReportMeasures>();
  for (const m of measures) byId.set(`${m.id}\u0000${m.team}\u0000${m.week}`, m);
  plans.sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
  return plans.map((p) => {
    const list: ReportMeasures[] = [];
    for (let i = p.first; i <= p.want.to; i++) {
      const h = p.reports[i]!;
      list.push(byId.get(`${h.id}\u0000${h.team}\u0000${h.week}`)!);
    }
    const snaps = p.want.snapshots ? new Set([...p.want.snapshots].filter((i) => i >= p.first).map((i) => i - p.first)) : undefined;
    const tl = buildTimeline(p.team, list, aliases, p.start, snaps);
    if (tl.states) tl.states = new Map([...tl.states].map(([i, s]) => [i + p.first, s]));
    return tl;
  });
}

/**
 * At most this many reports' figures are held at once while states are saved: the first ingest into a new database
 * folds every report of every team, and reading all their figures at once (with the segments they came from) was
 * most of that ingest's peak memory (~150 MB of 5,000 reports' figures).
 */
const WINDOW_REPORTS = 1000;

/**
 * Folds the teams wanted, as foldTeams does, and gives the states asked for (`want.snapshots`) to `save`; the figures
 * are read a window of weeks at a time (WINDOW_REPORTS), each team's fold carried from one window to the next by its
 * state (the same resumption the queries make), and dropped with the window's segments.
 */
function foldForSaving(
  store: StoreReader,
  aliases: AliasMap,
  byTeamReports: ReadonlyMap<string, StoredHeader[]>,
  wants: ReadonlyMap<string, Want>,
  save: (team: string, index: number, state: FoldState) => void,
  windowReports: number,
): void {
  const plans: { team: string; reports: StoredHeader[]; state: FoldState | undefined; next: number; want: Want }[] = [];
  const perWeek = new Map<WeekId, number>();
  for (const [team, want] of wants) {
    const reports = byTeamReports.get(team) ?? [];
    const { state, first } = latestSavedState(store, aliases, team, reports, want.from);
    for (let i = first; i <= want.to; i++) perWeek.set(reports[i]!.week, (perWeek.get(reports[i]!.week) ?? 0) + 1);
    plans.push({ team, reports, state, next: first, want });
  }
  plans.sort((a, b) => (a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
  const weeks = [...perWeek.keys()].sort();
  const idOf = (h: { id: string; team: string; week: string }) => `${h.id}\u0000${h.team}\u0000${h.week}`;
  for (let w = 0; w < weeks.length; ) {
    // The next weeks, up to WINDOW_REPORTS reports (at least one week, however many it holds).
    const window: WeekId[] = [];
    for (let n = 0; w < weeks.length && (window.length === 0 || n + perWeek.get(weeks[w]!)! <= windowReports); w++) {
      n += perWeek.get(weeks[w]!)!;
      window.push(weeks[w]!);
    }
    const last = window[window.length - 1]!;
    const active = plans.filter((p) => p.next <= p.want.to && p.reports[p.next]!.week <= last);
    const byId = new Map<string, ReportMeasures>();
    for (const m of store.measures({ weeks: window, teams: new Set(active.map((p) => p.team)), keep: false })) byId.set(idOf(m), m);
    for (const p of active) {
      let end = p.next;
      while (end <= p.want.to && p.reports[end]!.week <= last) end++;
      const list: ReportMeasures[] = [];
      for (let i = p.next; i < end; i++) list.push(byId.get(idOf(p.reports[i]!))!);
      const snaps = new Set<number>();
      for (const i of p.want.snapshots ?? []) if (i >= p.next && i < end) snaps.add(i - p.next);
      const carry = end <= p.want.to; // the fold goes on in a later window
      if (carry) snaps.add(end - 1 - p.next);
      const tl = buildTimeline(p.team, list, aliases, p.state, snaps);
      for (const [rel, st] of tl.states ?? []) if (p.want.snapshots?.has(rel + p.next)) save(p.team, rel + p.next, st);
      if (carry) p.state = tl.states!.get(end - 1 - p.next)!;
      p.next = end;
    }
  }
}

/**
 * Saves the fold states of the teams changed (after a commit: `ingest`, `alias add`/`remove`) as of
 * their last TAIL reports, folding each team from its latest usable saved state; removes the states
 * a week older. Every team's when the aliases (stored or from the configuration) or the fold's code
 * differ from those the states were saved with. Returns false when the checkpoints cannot be written
 * (queries then fold in full).
 */
export function refreshCheckpoints(store: StoreReader, aliases: AliasMap, changed: Iterable<string>, windowReports = WINDOW_REPORTS): boolean {
  const basis = basisOf(aliases);
  const current = store.checkpoint(BASIS.team, BASIS.week, basis) === true;
  const asked = [...changed];
  // Nothing changed and the states were saved with these aliases and this code: they are all there already.
  if (current && asked.length === 0) return true;
  const all = teamReports(store.headers());
  const teams = current ? asked : all.keys();
  const wants = new Map<string, Want>();
  const drop: { team: string; week: string }[] = [];
  for (const team of teams) {
    const reports = all.get(team);
    if (!reports?.length) continue;
    const n = reports.length;
    const tail = new Set<number>();
    for (let i = Math.max(0, n - TAIL); i < n; i++) if (!savedState(store, aliases, team, reports, i)) tail.add(i);
    for (let i = Math.max(0, n - 2 * TAIL); i < n - TAIL; i++) drop.push({ team, week: reports[i]!.week });
    if (tail.size) wants.set(team, { from: Math.min(...tail), to: n - 1, snapshots: tail });
  }
  const put: { team: string; week: string; key: string; value: unknown }[] = [];
  foldForSaving(store, aliases, all, wants, (team, i, st) => {
    const reports = all.get(team)!;
    put.push({ team, week: reports[i]!.week, key: stateKey(aliases, reports, i), value: st });
  }, windowReports);
  // The basis last: states saved with it are all there once it says so.
  return store.saveCheckpoints(put, drop) && store.saveCheckpoints([{ ...BASIS, key: basis, value: true }], []);
}

/** After an alias changed: every team's states again (best effort, like ingest's). */
export function savedStates(store: StoreReader, g: { config: Parameters<typeof aliasMap>[1] }): void {
  try {
    refreshCheckpoints(store, aliasMap(store.aliases(), g.config), []);
  } catch {
    // the next query folds in full and names what it cannot read
  }
}
