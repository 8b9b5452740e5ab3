// timeline: one team's reports as a sequence of item states (identity across wording drift, stated states applied), and the one status rule every command reads.
/*
 * Every command that says what happened to an item — diff, stalled, history, export, the JSON
 * outputs — reads it from here, so they cannot disagree:
 *
 * 1. Identity. Items are keyed by itemKey (team + alias-resolved project + metric). Then, report
 *    by report, an item that looks new is linked to an item of the previous report that vanished
 *    when the two are one piece of work written differently (`linkDrift`): the same project with
 *    a single figure in both reports whose metric wording changed (`结算2.0 / 灰度切换 70%` →
 *    `结算2.0 / 切流 85%`), or the metric folded into the name on one side with a continuing
 *    figure (`结算2.0灰度切换 70%` → `结算2.0 / 切流 85%`). Renames (`智能客服一期` → `智能客服`)
 *    are not guessed here: aliases and `alias suggest` handle those. Stated renames arrive as aliases (the store records
 *    them at ingest), so they are already one key here.
 *
 * 2. Statements. The extractor is pure per report: it records candidates (Statement) for
 *    completions, pauses and cancellations stated in words, each with the names it may be about.
 *    THIS module decides which tracked item a statement names (`statementKeys`): a subject must
 *    equal (after normalisation, aliases, and with bracketed remarks dropped) the project name of
 *    an item the team's history already tracks — a completion only for items seen in an earlier
 *    report, a pause or cancellation also for an item with a figure in the same report. A
 *    completion never overrides a figure stated for the item in the same report.
 *
 * 3. Status (`compare`): between any two reports of the team, adjacent or not, looking at the
 *    reports in between for completions, stated stops and last figures.
 *
 * 4. Resuming. The fold's state after any report can be saved (`FoldState`, plain JSON) and a
 *    later fold resumed from it (`buildTimeline(team, laterReports, aliases, state)`): the
 *    timeline then keeps only the later reports and a summary of the earlier ones (`prior`), which
 *    lastFigure, nameAt, the runs and the recent figures consult. Whatever the fold carries from
 *    one report to the next must be in FoldState: test/cli/checkpoints.test.ts resumes every
 *    series of the evaluation sets after every report and compares diff, stalled and the
 *    completions in words with the fold from the first report.
 */

import { canonicalProject, normalizeName, type AliasMap } from '../model/name.js';
import { foldHan } from '../model/han.js';
import { isSplitPhrase } from '../model/split.js';
import type { Kind, Measure, Observation, Statement, WeekId } from '../model/types.js';
import { byTeam, classify, classifyKpi, delta, itemsOf, onePerTeamWeek, roundFig, type Direction, type ReportLike, type Status } from './items.js';

/** What one report says about one item. */
export interface Entry<M extends Measure = Measure> {
  key: string;
  /** The figure stated (rounded), 100 for a completion stated in words, null for a stated stop without a figure. */
  percent: number | null;
  /** The measure as extracted; null when the report names the item only in words. */
  measure: M | null;
  /** A completion in words gave the 100. */
  inferred?: Statement;
  /** The report says the item is paused or cancelled. */
  stated?: { state: 'paused' | 'cancelled'; statement: Statement };
}

/** An item across a team's reports. */
export interface ItemInfo {
  key: string;
  team: string;
  /** Latest spelling (alias-resolved). */
  project: string;
  metric: string | null;
  kind: Kind;
  direction: Direction;
  /** Index of the first report that has the item. */
  first: number;
  /** Each spelling as written (normalised, before aliases) and the first report that wrote it. */
  written: Map<string, number>;
}

export interface Timeline<M extends Measure = Measure> {
  team: string;
  /** One report per week, oldest first (after `prior`, when the fold resumed from a saved state). */
  reports: ReportLike<M>[];
  /** Per report: what it says about each item. */
  entries: Map<string, Entry<M>>[];
  items: Map<string, ItemInfo>;
  /**
   * The team's reports before `reports[0]`, summarised (the fold resumed from a FoldState): what
   * the status rule looks up beyond the reports kept. Items first written there have `first` and
   * `written` indices of -1.
   */
  prior?: Prior;
  /** Each item's latest figure (non-null percent) as of the last report, with its week. */
  lastFig: Map<string, { week: WeekId; percent: number }>;
  /** Per item with a figure in the last report: the run of reports ending there whose figure shows no increase (see `stalled`). */
  runs: Map<string, Run>;
  /** The figures of the team's last RECENT reports (up to the last one), oldest first. */
  recent: { week: WeekId; fig: Map<string, number> }[];
  /** Some report folded so far states a due date. */
  due: boolean;
  /** The fold's state after the reports asked for (buildTimeline's `snapshots`), by report index. */
  states?: Map<number, FoldState>;
}

/** A run of reports whose figure shows no increase (equal, or higher before), ending at a report with a figure. */
export interface Run {
  /** The figure at the run's last report. */
  percent: number;
  /** The week of the run's first report. */
  since: WeekId;
  reports: number;
  /** The week the figure last changed within the run (null: it never did). */
  lastChanged: WeekId | null;
}

/** Reports whose figures a timeline keeps in `recent` (a stalled item's trend shows this many). */
export const RECENT = 8;

/** What the reports before a resumed fold leave behind (restored from a FoldState). */
export interface Prior {
  week: WeekId;
  reports: number;
  /** Each item's first week, and each spelling's. */
  firstWeek: Map<string, WeekId>;
  writtenWeek: Map<string, Map<string, WeekId>>;
  /** Each item's latest figure before the fold resumed. */
  fig: Map<string, { week: WeekId; percent: number }>;
  /** Each item's latest measure before the fold resumed (its name then). */
  measure: Map<string, { project: string; metric: string | null }>;
}

/** A renamed item may report a little less than before (re-estimation); more than this is a restart. */
export const DRIFT_TOLERANCE = 5;

/** Timelines of every team in the reports (one report per team and week), teams in code-point order. */
export function timelines<M extends Measure>(reports: readonly ReportLike<M>[], aliases: AliasMap, team?: string): Timeline<M>[] {
  // `report` asks for the same timelines three times (series, diff, stalled), each over the same
  // report objects: the last result is reused when every report is the same object. Timelines are
  // never modified by their readers.
  if (lastBuilt && lastBuilt.aliases === aliases && lastBuilt.team === team && sameReports(lastBuilt.reports, reports)) return lastBuilt.result as Timeline<M>[];
  const result = [...byTeam(onePerTeamWeek(reports, team))].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([t, list]) => buildTimeline(t, list, aliases));
  lastBuilt = { reports: [...reports], aliases, team, result };
  return result;
}

let lastBuilt: { reports: readonly ReportLike<Measure>[]; aliases: AliasMap; team: string | undefined; result: readonly Timeline<Measure>[] } | undefined;

function sameReports(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Builds one team's timeline from its reports in week order (after `start`, the fold's state before them, when given). */
export function buildTimeline<M extends Measure>(
  team: string,
  reports: readonly ReportLike<M>[],
  aliases: AliasMap,
  start?: FoldState,
  snapshots?: ReadonlySet<number>,
): Timeline<M> {
  const items = new Map<string, ItemInfo>();
  const entries: Map<string, Entry<M>>[] = [];
  /** Raw item keys linked to an earlier item's key (once linked, always). */
  const links = new Map<string, string>();
  /** Every spelling's identity form per key, for statements to find the item by. */
  const names = new Map<string, Set<string>>();
  /** Each item's latest entry with a measure so far, and the report's entries it is in (what linkDrift compares a new item with). */
  const lastMeasured = new Map<string, LastMeasured<M>>();
  /** Items by the first and last four characters of each Han part they were written with (see linkDrift). */
  const edges: Edges = new Map();
  let lastFig = new Map<string, { week: WeekId; percent: number }>();
  let runs = new Map<string, Run>();
  let recent: { week: WeekId; fig: Map<string, number> }[] = [];
  let due = false;
  let prior: Prior | undefined;
  if (start) {
    prior = restore(start, team, aliases, items, links, names, lastMeasured as Map<string, LastMeasured<Measure>>);
    for (const info of items.values()) for (const spelled of info.written.keys()) indexEdges(edges, info.key, spelled, aliases);
    lastFig = new Map(prior.fig);
    const keyOf = (i: number) => start.items[i]![0];
    runs = new Map(start.runs.map(([i, percent, since, n, lastChanged]) => [keyOf(i), { percent, since, reports: n, lastChanged }]));
    recent = start.recent.map(([week, fig]) => ({ week, fig: new Map(fig.map(([i, p]) => [keyOf(i), p])) }));
    due = start.due;
  }
  const states = snapshots?.size ? new Map<number, FoldState>() : undefined;

  reports.forEach((report, j) => {
    const cur = new Map<string, Entry<M>>();
    const raw = itemsOf(report, aliases);
    const fresh: { rawKey: string; m: M }[] = [];
    for (const [rawKey, { measure: m }] of raw) {
      const key = links.get(rawKey) ?? rawKey;
      if (items.has(key)) {
        if (!cur.has(key)) cur.set(key, { key, percent: roundFig(m.percent), measure: m });
        note(key, m, j);
      } else fresh.push({ rawKey, m });
    }
    const linked = linkDrift(fresh, lastMeasured, cur, items, aliases, edges);
    for (const { rawKey, m } of fresh) {
      const key = linked.get(rawKey) ?? rawKey;
      if (key !== rawKey) links.set(rawKey, key);
      if (cur.has(key)) continue;
      cur.set(key, { key, percent: roundFig(m.percent), measure: m });
      if (!items.has(key)) {
        items.set(key, { key, team, project: '', metric: null, kind: m.kind, direction: 'higher', first: j, written: new Map() });
      }
      note(key, m, j);
    }
    applyStatements(report.statements ?? [], j, cur, items, names, lastFig, aliases);
    entries.push(cur);
    // An entry with a measure is never replaced or changed later (statements only add entries
    // without one, or mark a stop on it), so the latest one per item is known from here on.
    const week = report.week;
    const fig = new Map<string, number>();
    const nextRuns = new Map<string, Run>();
    for (const e of cur.values()) {
      if (e.measure) {
        lastMeasured.set(e.key, { m: e.measure, entries: cur });
        if (e.measure.due !== undefined) due = true;
      }
      if (e.percent === null) continue;
      const p = e.percent;
      fig.set(e.key, p);
      lastFig.set(e.key, { week, percent: p });
      // The run continues when the report before gave a figure at least as high (no increase).
      const before = runs.get(e.key);
      nextRuns.set(
        e.key,
        before && before.percent >= p
          ? { percent: p, since: before.since, reports: before.reports + 1, lastChanged: before.percent !== p ? week : before.lastChanged }
          : { percent: p, since: week, reports: 1, lastChanged: null },
      );
    }
    runs = nextRuns;
    recent.push({ week, fig });
    if (recent.length > RECENT) recent.shift();
    if (states && snapshots!.has(j)) states.set(j, capture(j));
  });
  const tl: Timeline<M> = { team, reports: [...reports], entries, items, lastFig, runs, recent, due };
  if (prior) tl.prior = prior;
  if (states) tl.states = states;
  return tl;

  function note(key: string, m: M, j: number): void {
    const info = items.get(key)!;
    const spelled = normalizeName(m.project);
    info.project = canonicalProject(m.project, aliases);
    info.metric = m.metric;
    info.kind = m.kind;
    if (m.kind === 'kpi') info.direction = m.direction === 'lower' ? 'lower' : 'higher';
    // A spelling's name forms depend on its normalised form only: added once, when the key first has it.
    if (info.written.has(spelled)) return;
    info.written.set(spelled, j);
    indexEdges(edges, key, spelled, aliases);
    let set = names.get(key);
    if (!set) names.set(key, (set = new Set()));
    for (const n of nameForms(m.project, aliases)) set.add(n);
  }

  /** The fold's state after report `j` (the last one folded so far). */
  function capture(j: number): FoldState {
    const weekOf = (i: number, before: WeekId | undefined) => (i >= 0 ? reports[i]!.week : before!);
    const out: FoldState = {
      version: FOLD_STATE_VERSION,
      team,
      week: reports[j]!.week,
      reports: (prior?.reports ?? 0) + j + 1,
      due,
      items: [],
      links: [...links],
      last: [],
      runs: [],
      recent: [],
    };
    // Items are named by their index in `items` everywhere else (a key is long and repeated).
    const index = new Map<string, number>();
    for (const info of items.values()) {
      index.set(info.key, index.size);
      const written = [...info.written].map(([s, i]): [string, WeekId] => [s, weekOf(i, prior?.writtenWeek.get(info.key)?.get(s))]);
      const f = lastFig.get(info.key);
      out.items.push([info.key, info.project, info.metric, info.kind, info.direction, weekOf(info.first, prior?.firstWeek.get(info.key)), written, [...(names.get(info.key) ?? [])], f ? [f.week, f.percent] : null]);
    }
    for (const [k, r] of runs) out.runs.push([index.get(k)!, r.percent, r.since, r.reports, r.lastChanged]);
    for (const r of recent) out.recent.push([r.week, [...r.fig].map(([k, p]): [number, number] => [index.get(k)!, p])]);
    for (const [k, v] of lastMeasured) {
      const m = v.m;
      const single = v.single ?? stemsOf(v.entries!, aliases).get(`${m.kind}\u0000${stem(m.project, aliases)}`) === 1;
      out.last.push([index.get(k)!, m.project, m.metric, m.percent, m.kind, m.direction === 'lower' ? 1 : 0, single ? 1 : 0, stem(m.project, aliases), nameParts(m.project, aliases)]);
    }
    return out;
  }
}

/** An item's latest measure, with the entries of its report (or, restored from a FoldState, whether its stem was single there). */
interface LastMeasured<M extends Measure> {
  m: M;
  entries?: ReadonlyMap<string, Entry<M>>;
  single?: boolean;
}

// ------------------------------------------------------------------ the fold's state, saved and resumed

/** Bumped whenever what a FoldState holds or means changes. */
export const FOLD_STATE_VERSION = 2;

/**
 * A team's timeline fold as of one of its reports, as plain JSON: everything the fold carries from
 * one report to the next (items with their spellings and first weeks, drift links, the names
 * statements find items by, each item's last measure and whether its stem was single in that
 * report), and what the status rule looks up in earlier reports (each item's last figure, the
 * runs without increase, the last RECENT reports' figures). `buildTimeline(team, later, aliases,
 * state)` then folds the later reports exactly as a fold from the first report would.
 */
export interface FoldState {
  version: number;
  team: string;
  /** The last report folded. */
  week: WeekId;
  /** How many reports were folded. */
  reports: number;
  due: boolean;
  /** key, project, metric, kind, direction, first week, spellings with their first week, name forms, last figure [week, percent]. */
  items: [string, string, string | null, Kind, Direction, WeekId, [string, WeekId][], string[], [WeekId, number] | null][];
  links: [string, string][];
  /**
   * item (its index in `items`), project, metric, percent, kind, direction lower (1), stem single in its report (1), and the
   * project's stem and name parts (what drift linking compares; kept so a resumed fold need not derive them again).
   */
  last: [number, string, string | null, number, Kind, 0 | 1, 0 | 1, string, string[]][];
  /** item, percent, since, reports, lastChanged. */
  runs: [number, number, WeekId, number, WeekId | null][];
  /** The last RECENT reports: week, [item, figure][]. */
  recent: [WeekId, [number, number][]][];
}

function restore(
  st: FoldState,
  team: string,
  aliases: AliasMap,
  items: Map<string, ItemInfo>,
  links: Map<string, string>,
  names: Map<string, Set<string>>,
  lastMeasured: Map<string, LastMeasured<Measure>>,
): Prior {
  const prior: Prior = { week: st.week, reports: st.reports, firstWeek: new Map(), writtenWeek: new Map(), fig: new Map(), measure: new Map() };
  for (const [key, project, metric, kind, direction, first, written, forms, fig] of st.items) {
    items.set(key, { key, team, project, metric, kind, direction, first: -1, written: new Map(written.map(([s]) => [s, -1])) });
    prior.firstWeek.set(key, first);
    prior.writtenWeek.set(key, new Map(written));
    names.set(key, new Set(forms));
    if (fig) prior.fig.set(key, { week: fig[0], percent: fig[1] });
  }
  for (const [a, b] of st.links) links.set(a, b);
  let stemMemo = stems.get(aliases);
  if (!stemMemo) stems.set(aliases, (stemMemo = new Map()));
  let partMemo = partsMemo.get(aliases);
  if (!partMemo) partsMemo.set(aliases, (partMemo = new Map()));
  for (const [i, project, metric, percent, kind, lower, single, stemmed, parts] of st.last) {
    const key = st.items[i]![0];
    if (!stemMemo.has(project)) stemMemo.set(project, stemmed);
    if (!partMemo.has(project)) partMemo.set(project, parts);
    const m: Measure = { project, metric, percent, kind, line: 0, ...(lower ? { direction: 'lower' as const } : {}) };
    lastMeasured.set(key, { m, single: single === 1 });
    prior.measure.set(key, { project, metric });
  }
  return prior;
}

/** A FoldState read back from a file: its shape checked (a wrong one is refused, never half used). */
export function isFoldState(x: unknown): x is FoldState {
  if (!x || typeof x !== 'object') return false;
  const s = x as Record<string, unknown>;
  const arr = (v: unknown) => Array.isArray(v);
  return (
    s.version === FOLD_STATE_VERSION &&
    typeof s.team === 'string' &&
    typeof s.week === 'string' &&
    typeof s.reports === 'number' &&
    typeof s.due === 'boolean' &&
    arr(s.items) &&
    (s.items as unknown[]).every((i) => arr(i) && (i as unknown[]).length === 9 && arr((i as unknown[])[6]) && arr((i as unknown[])[7])) &&
    arr(s.links) &&
    arr(s.last) &&
    (s.last as unknown[]).every((i) => arr(i) && (i as unknown[]).length === 9 && arr((i as unknown[])[8])) &&
    arr(s.runs) &&
    arr(s.recent)
  );
}

// ------------------------------------------------------------------ identity across wording drift

interface Fresh<M> {
  rawKey: string;
  m: M;
}

function stem(project: string, aliases: AliasMap): string {
  // Asked for every absent item of every report: the names repeat week after week.
  let memo = stems.get(aliases);
  if (!memo) stems.set(aliases, (memo = new Map()));
  let s = memo.get(project);
  if (s === undefined) memo.set(project, (s = bare(normalizeName(canonicalProject(project, aliases)))));
  return s;
}

const stems = new WeakMap<AliasMap, Map<string, string>>();

/** An item absent from the report being linked: its latest measure and that report's entries. */
interface Absent<M extends Measure> {
  key: string;
  m: M;
  entries?: ReadonlyMap<string, Entry<M>>;
  single?: boolean;
}

/** The stem counts of one report's entries (see linkDrift), per entries map. */
const stemCounts = new WeakMap<ReadonlyMap<string, Entry<Measure>>, Map<string, number>>();

function countStems(ms: Iterable<Measure>, aliases: AliasMap): Map<string, number> {
  const c = new Map<string, number>();
  for (const m of ms) {
    const k = `${m.kind}\u0000${stem(m.project, aliases)}`;
    c.set(k, (c.get(k) ?? 0) + 1);
  }
  return c;
}

function measuresOf<M extends Measure>(m: ReadonlyMap<string, Entry<M>>): M[] {
  return [...m.values()].flatMap((e) => (e.measure ? [e.measure] : []));
}

/** The stem counts of the report an item was last measured in (a finished report's entries never change: kept for later reports). */
function stemsOf(entries: ReadonlyMap<string, Entry<Measure>>, aliases: AliasMap): Map<string, number> {
  let stems = stemCounts.get(entries);
  if (!stems) stemCounts.set(entries, (stems = countStems(measuresOf(entries), aliases)));
  return stems;
}

/**
 * Links items that look new in this report to items the team tracked before but that are absent
 * from it (usually from the previous report; an item may also come back after a gap under a new
 * wording), when they are one piece of work written differently. Both directions must be unique:
 * one candidate for the new item and one for the old, so two look-alikes never merge by chance.
 * "A single figure" is counted in this report and in the old item's last report with a figure.
 *
 * Two items can only be related when their stems are equal or one begins with the other, or when
 * their names share a part (sameCore): a new item is compared only with those absent items
 * (comparing it with every item the team ever tracked made a long history quadratic).
 */
function linkDrift<M extends Measure>(
  fresh: readonly Fresh<M>[],
  lastMeasured: ReadonlyMap<string, LastMeasured<M>>,
  cur: ReadonlyMap<string, Entry<M>>,
  items: ReadonlyMap<string, ItemInfo>,
  aliases: AliasMap,
  edges: Edges,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!fresh.length) return out;
  // Each absent item's latest measure, by the stem of its name and by each part of it (sameCore).
  const absent = new Map<string, Absent<M>[]>();
  const byPart = new Map<string, Absent<M>[]>();
  const absentByKey = new Map<string, Absent<M>>();
  const add = (index: Map<string, Absent<M>[]>, k: string, v: Absent<M>) => {
    const list = index.get(k);
    if (list) list.push(v);
    else index.set(k, [v]);
  };
  for (const key of items.keys()) {
    if (cur.has(key)) continue;
    const last = lastMeasured.get(key);
    if (!last) continue;
    const s = stem(last.m.project, aliases);
    if (!s) continue; // an empty stem relates to nothing
    const v = { key, ...last };
    add(absent, s, v);
    for (const t of new Set(nameParts(last.m.project, aliases))) add(byPart, t, v);
    absentByKey.set(key, v);
  }
  if (!absent.size) return out;
  const sorted = [...absent.keys()].sort();
  /**
   * The absent items `f` can be related to: those whose stem is a beginning of `b` (f's stem) or
   * begins with it (`b` itself included), and those sharing a part of the name with it (two names
   * with the same core share every part of the one with fewer parts).
   */
  const near = (f: Fresh<M>, b: string): Absent<M>[] => {
    const found = new Set<Absent<M>>();
    const take = (list: readonly Absent<M>[] | undefined) => {
      if (list) for (const v of list) found.add(v);
    };
    for (let k = 1; k < b.length; k++) take(absent.get(b.slice(0, k)));
    // Stems beginning with `b` are contiguous in code-unit order, from the first one not below `b`.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.startsWith(b); i++) take(absent.get(sorted[i]!));
    for (const t of nameParts(f.m.project, aliases)) take(byPart.get(t));
    // A Han name inside another (`网关改造` in `支付网关改造`) shares its first or its last four characters with it.
    for (const h of f.m.kind === 'progress' ? hanParts(f.m.project, aliases) : []) {
      for (const e of edgeKeys(h)) {
        for (const key of edges.get(e) ?? []) {
          const v = absentByKey.get(key);
          if (v) found.add(v);
        }
      }
    }
    return [...found];
  };
  let curStems: Map<string, number> | undefined;

  const related = (f: Fresh<M>, b: string, v: Absent<M>): boolean => {
    const old = v.m;
    if (old.kind !== f.m.kind || items.get(v.key)?.kind !== f.m.kind) return false;
    const a = stem(old.project, aliases);
    curStems ??= countStems([...fresh.map((x) => x.m), ...measuresOf(cur)], aliases);
    const single = (v.single ?? stemsOf(v.entries!, aliases).get(`${old.kind}\u0000${a}`) === 1) && curStems.get(`${f.m.kind}\u0000${b}`) === 1;
    // Same project, metric wording changed: when the project has one figure in each report — or when the project's
    // own figure (no metric) is gone and the new one carries a metric the project never had (`智能定价引擎 66%` beside
    // `联调 70%` → `智能定价引擎：…，范围不变，进度 72%`), the figure continuing.
    if (a === b) return single || (freshMetric(v.key, old, f.m) && roundFig(f.m.percent) >= roundFig(old.percent) - DRIFT_TOLERANCE);
    const continues = f.m.kind === 'kpi' || roundFig(f.m.percent) >= roundFig(old.percent) - DRIFT_TOLERANCE;
    // The same name dressed differently (`P1-会员中台项目` ↔ `会员中台`, `Atlas（统一日志平台）` ↔ `Atlas`,
    // `Atlas 统一日志平台` ↔ `统一日志平台`): one item when the metric is the same (or each side has one figure)
    // and the figure continues.
    if ((sameMetric(old, f.m) || single) && continues && sameCore(old.project, f.m.project, aliases)) return true;
    // The metric folded into the name on one side (`结算2.0灰度切换` ↔ `结算2.0` / `切流`): the
    // shorter name carries a metric, the longer none, and the figure continues.
    const [short, shortM, long, longM] = a.length <= b.length ? [a, old, b, f.m] : [b, f.m, a, old];
    if ([...short].length >= 2 && long.startsWith(short) && shortM.metric && !longM.metric && single) return roundFig(f.m.percent) >= roundFig(old.percent) - DRIFT_TOLERANCE;
    // A Han name written with a word more or less (`支付网关改造` ↔ `网关改造` ↔ `支付网关`, `订单履约看板` ↔ `履约看板`):
    // one item when one spelling holds the other whole, the figure continues and the metric is the same.
    if (f.m.kind !== 'progress' || !sameMetric(old, f.m) || !continues) return false;
    const fp = nameParts(f.m.project, aliases);
    for (const spelled of [old.project, ...(items.get(v.key)?.written.keys() ?? [])]) {
      if (nearlySameParts(nameParts(spelled, aliases), fp)) return true;
    }
    return false;
  };

  /** The old item is the project's own figure (no metric) and the fresh one's metric is new to the project. */
  const freshMetric = (oldKey: string, old: M, fresh: M): boolean => {
    if (old.metric || !fresh.metric) return false;
    const project = stem(old.project, aliases);
    const metric = normalizeName(fresh.metric);
    for (const [key, info] of items) {
      if (key !== oldKey && info.kind === fresh.kind && stem(info.project, aliases) === project && normalizeName(info.metric) === metric) return false;
    }
    return true;
  };

  const candidates = new Map<Fresh<M>, string[]>();
  const backward = new Map<string, number>();
  for (const f of fresh) {
    const b = stem(f.m.project, aliases);
    const cs = b ? near(f, b).filter((v) => related(f, b, v)).map((v) => v.key) : [];
    candidates.set(f, cs);
    for (const k of cs) backward.set(k, (backward.get(k) ?? 0) + 1);
  }
  for (const [f, cs] of candidates) {
    if (cs.length === 1 && backward.get(cs[0]!) === 1) out.set(f.rawKey, cs[0]!);
  }
  return out;
}

/** The Han parts of a name of four characters or more: what a name inside another is looked for by (`holdsName`). */
function hanParts(project: string, aliases: AliasMap): string[] {
  return nameParts(project, aliases).filter((p) => /^\p{Script=Han}{4,}$/u.test(p));
}

/**
 * Two names whose parts are the same but for one Han part that holds the other (`支付网关改造` ↔ `网关改造`,
 * `支付网关 v2` ↔ `支付网关改造 v2`): see holdsName.
 */
function nearlySameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || !a.length) return false;
  let differs = -1;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (differs >= 0) return false;
    differs = k;
  }
  return differs >= 0 && holdsName(a[differs]!, b[differs]!) && /^\p{Script=Han}{4,}$/u.test(a[differs]!.length <= b[differs]!.length ? a[differs]! : b[differs]!);
}

/**
 * The keys a Han part is indexed by (see Edges): its first and its last four characters — a part of four or more that
 * begins or ends another shares them with it.
 */
function edgeKeys(h: string): [string, string] {
  return [`F${h.slice(0, 4)}`, `L${h.slice(-4)}`];
}

/** Items by the edge keys of every Han part they were written with: what a name inside another is looked up by. */
type Edges = Map<string, Set<string>>;

function indexEdges(edges: Edges, key: string, spelled: string, aliases: AliasMap): void {
  for (const h of hanParts(spelled, aliases)) {
    for (const e of edgeKeys(h)) {
      let set = edges.get(e);
      if (!set) edges.set(e, (set = new Set()));
      set.add(key);
    }
  }
}

/**
 * Does one Han name hold the other whole, at its start or its end, with at most three characters more and the
 * shorter at least two thirds of the longer (`网关改造` in `支付网关改造`; not `数据` in `数据治理平台`)?
 */
function holdsName(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 3 || short.length * 3 < long.length * 2) return false;
  const extra = long.startsWith(short) ? long.slice(short.length) : long.endsWith(short) ? long.slice(0, long.length - short.length) : null;
  // A phase or generation is another item (`智能客服一期` → `智能客服`, `数据迁移二期`): suggested by `alias suggest`, never linked.
  return extra !== null && !PHASE_WORD.test(extra);
}

/** Words of a phase, generation or trial (see holdsName). */
const PHASE_WORD = /期|阶段|代|版本|新|旧|试点|灰度|试运行|首批|[一二三四五六七八九十]$/u;

/** Numbering and priority tags before a name: `P1-`, `[P0]`, `#3`, `一、`, `1）`, `KR1.2`, `O2:`, `Epic-12`. */
const NAME_TAG = /^(?:p[0-3]\s*[-:.、]?\s*|#\d+\s*|[一二三四五六七八九十]+\s*[、.．]\s*|\d{1,3}\s*[)）]\s*|(?:kr|o)\s*\d+(?:\.\d+)*\s*[-:.、]?\s*|[a-z]{2,10}-\d+\s*[-:：]?\s*)+/iu;
/** Words that name the kind of work, not the work: `会员中台项目` is `会员中台`. */
const KIND_SUFFIX = /(?:项目|专项|专案|工程|建设|工作|事项|project|initiative|workstream|program|programme|epic)$/iu;

/**
 * The parts of a name that identify it: Latin words and Han runs, after numbering, priority tags, markers and a
 * kind-of-work suffix are dropped, folded to Simplified. Bracketed glosses count as parts (`Atlas（统一日志平台）`).
 */
function nameParts(project: string, aliases: AliasMap): string[] {
  let memo = partsMemo.get(aliases);
  if (!memo) partsMemo.set(aliases, (memo = new Map()));
  let p = memo.get(project);
  if (p === undefined) {
    const n = foldHan(normalizeName(canonicalProject(project, aliases))).replace(NAME_TAG, '');
    p = (n.match(/[\p{Script=Han}]+|[\p{L}\p{N}][\p{L}\p{N}.+&'-]*/gu) ?? []).map((t) => t.replace(KIND_SUFFIX, '')).filter((t) => t.length > 0);
    memo.set(project, p);
  }
  return p;
}
const partsMemo = new WeakMap<AliasMap, Map<string, string[]>>();

/**
 * Are two names one name written differently: the same parts, or the parts of one all among the other's (an
 * English name beside its Chinese one, a gloss added)? The shorter side must still say something: a Han part of
 * two characters or more, or a Latin part of three letters or more.
 */
function sameCore(a: string, b: string, aliases: AliasMap): boolean {
  if (coreOf(nameParts(a, aliases), nameParts(b, aliases))) return true;
  // A bracketed scope on one side (`POS 收银换新（门店侧）` ↔ `门店 POS 收银换新`): the names without their brackets.
  const [ba, bb] = [bare(normalizeName(a)), bare(normalizeName(b))];
  return (ba !== normalizeName(a) || bb !== normalizeName(b)) && coreOf(nameParts(ba, aliases), nameParts(bb, aliases));
}

function coreOf(pa: readonly string[], pb: readonly string[]): boolean {
  if (!pa.length || !pb.length) return false;
  const [few, many] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  if (!few.some((t) => (/\p{Script=Han}/u.test(t) ? [...t].length >= 2 : t.length >= 3))) return false;
  return few.every((t) => many.includes(t));
}

function sameMetric(a: Measure, b: Measure): boolean {
  return normalizeName(a.metric) === normalizeName(b.metric);
}

// ------------------------------------------------------------------ statements

/** Bracketed remarks (`（鲜丰水果）`, `(NEW)`) dropped: a statement may name an item with or without them. */
function bare(normalized: string): string {
  // normalizeName trims edge punctuation, so a trailing remark may have lost its closing bracket.
  const s = normalized
    .replace(/\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|「[^「」]*」/gu, '')
    .replace(/[([【「][^()[\]【】「」]*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s || normalized;
}

/** The identity forms a name is recognised by: normalised, and without bracketed remarks. */
function nameForms(name: string, aliases: AliasMap): string[] {
  // Asked for every measure and statement subject of every report: names repeat week after week.
  let memo = forms.get(aliases);
  if (!memo) forms.set(aliases, (memo = new Map()));
  let f = memo.get(name);
  if (!f) memo.set(name, (f = computeNameForms(name, aliases)));
  return f;
}

const forms = new WeakMap<AliasMap, Map<string, string[]>>();

function computeNameForms(name: string, aliases: AliasMap): string[] {
  const forms = new Set<string>();
  for (const n of [name, canonicalProject(name, aliases)]) {
    const norm = normalizeName(n);
    if (!norm) continue;
    forms.add(norm);
    forms.add(bare(norm));
    // Statements are read in Simplified (model/han.ts): a Traditional name is also known by its folded form.
    const folded = foldHan(norm);
    if (folded !== norm) {
      forms.add(folded);
      forms.add(bare(folded));
    }
  }
  // Without numbering, priority tags and a kind-of-work suffix (`P1-会员中台项目` is named `会员中台` too).
  const core = nameParts(name, aliases).join(' ');
  if ([...core].length >= 2) forms.add(core);
  return [...forms];
}

/**
 * The progress items a statement names: the first of its subjects (most specific first) that
 * equals a name the team's history has used for an item. A subject naming a project names every
 * metric of it.
 */
export function statementKeys(
  statement: Statement,
  candidates: Iterable<string>,
  names: ReadonlyMap<string, ReadonlySet<string>>,
  aliases: AliasMap,
): string[] {
  const keys = [...candidates];
  for (const subject of statement.subjects) {
    const forms = nameForms(subject, aliases);
    if (!forms.length) continue;
    const hit = keys.filter((k) => forms.some((f) => names.get(k)?.has(f)));
    if (hit.length) return hit;
  }
  return [];
}

const STOP_RANK = { cancelled: 2, paused: 1 } as const;

function applyStatements<M extends Measure>(
  statements: readonly Statement[],
  j: number,
  cur: Map<string, Entry<M>>,
  items: ReadonlyMap<string, ItemInfo>,
  names: ReadonlyMap<string, ReadonlySet<string>>,
  /** Each item's latest figure in the reports before this one. */
  figured: ReadonlyMap<string, unknown>,
  aliases: AliasMap,
): void {
  if (!statements.length) return;
  // Only items the history already tracks: seen in an earlier report, or (for a stop) with a figure now.
  const tracked = [...items.values()].filter((i) => i.kind === 'progress' && (i.first < j || cur.has(i.key))).map((i) => i.key);
  const ordered = [...statements].sort((a, b) => a.line - b.line);
  for (const s of ordered) {
    if (s.kind === 'renamed') continue;
    for (const key of statementKeys(s, tracked, names, aliases)) {
      const e = cur.get(key);
      if (s.kind === 'completed') {
        // A figure stated in the same report wins over words; only items seen before can be completed in words.
        if (e || items.get(key)!.first >= j || !figured.has(key)) continue;
        cur.set(key, { key, percent: 100, measure: null, inferred: s });
        continue;
      }
      const stop = { state: s.kind, statement: s };
      if (!e) {
        if (figured.has(key)) cur.set(key, { key, percent: null, measure: null, stated: stop });
      } else if (e.inferred) {
        // "done" and "paused" about one item in one report: the stop is the stronger statement.
        cur.set(key, { key, percent: null, measure: null, stated: stop });
      } else if (!e.stated || STOP_RANK[s.kind] > STOP_RANK[e.stated.state]) {
        e.stated = stop;
      }
    }
  }
}

// ------------------------------------------------------------------ the status rule

export interface Change {
  from: number | null;
  to: number | null;
  delta: number | null;
  status: Status;
  /**
   * Where the story continues outside the two reports: for `resumed`, the last figure before
   * the earlier report (which `from` shows); for an item gone from the later report, the last
   * figure or event seen between the two (`completed` in between, last seen, paused …).
   */
  last?: { week: WeekId; percent: number | null };
  /** The later figure is a completion stated in words (`to` is 100). */
  inferred?: Statement;
  /** The statement behind `paused` / `cancelled`. */
  stated?: Statement;
}

/** The latest report at or before `upTo` (index; -1 for one before the reports kept) with a figure for `key`. */
export function lastFigure(tl: Timeline<Measure>, key: string, upTo: number): { index: number; week: WeekId; percent: number } | null {
  for (let r = Math.min(upTo, tl.entries.length - 1); r >= 0; r--) {
    const p = tl.entries[r]!.get(key)?.percent;
    if (p !== undefined && p !== null) return { index: r, week: tl.reports[r]!.week, percent: p };
  }
  const f = tl.prior?.fig.get(key);
  return f ? { index: -1, ...f } : null;
}

/**
 * What happened to `key` between report `i` and report `j` (i < j; i = -1: nothing before)
 * of one team; null when the pair has nothing to say about it (absent from both reports, or
 * gone after a stop the earlier report already stated).
 */
export function compare(tl: Timeline<Measure>, i: number, j: number, key: string): Change | null {
  const info = tl.items.get(key);
  if (!info) return null;
  const x = i >= 0 ? tl.entries[i]!.get(key) : undefined;
  const y = tl.entries[j]!.get(key);
  const xf = x?.percent ?? null;
  const yf = y?.percent ?? null;
  const week = (r: number) => tl.reports[r]!.week;

  if (info.kind === 'kpi') {
    if (yf !== null) {
      if (xf !== null) return { from: xf, to: yf, delta: delta(xf, yf), status: classifyKpi(xf, yf, info.direction) };
      const l = lastFigure(tl, key, i);
      const said = statedBefore(tl, i, j, y);
      if (!l && said !== null) return { from: said, to: yf, delta: delta(said, yf), status: classifyKpi(said, yf, info.direction) };
      if (!l) return { from: null, to: yf, delta: null, status: 'new' };
      return { from: l.percent, to: yf, delta: delta(l.percent, yf), status: classifyKpi(l.percent, yf, info.direction), last: { week: l.week, percent: l.percent } };
    }
    if (xf === null) return null;
    const l = lastFigure(tl, key, j - 1);
    const change: Change = { from: xf, to: null, delta: null, status: 'dropped' };
    if (l && l.index > i) change.last = { week: l.week, percent: l.percent };
    return change;
  }

  if (y?.stated) {
    const before = xf !== null ? null : lastFigure(tl, key, j - 1);
    const from = xf ?? before?.percent ?? null;
    const change: Change = { from, to: yf, delta: delta(from, yf), status: y.stated.state, stated: y.stated.statement };
    if (before) change.last = { week: before.week, percent: before.percent };
    return change;
  }

  if (yf !== null) {
    const inferred = y?.inferred ? { inferred: y.inferred } : {};
    if (xf !== null) return { from: xf, to: yf, delta: delta(xf, yf), status: classify(xf, yf), ...inferred };
    const l = lastFigure(tl, key, i);
    const said = l ? null : statedBefore(tl, i, j, y);
    if (said !== null) return { from: said, to: yf, delta: delta(said, yf), status: classify(said, yf), ...inferred };
    if (!l) return { from: null, to: yf, delta: null, status: classify(null, yf), ...inferred };
    const status: Status = yf >= 100 ? (l.percent >= 100 ? 'done' : 'completed') : 'resumed';
    return { from: l.percent, to: yf, delta: delta(l.percent, yf), status, last: { week: l.week, percent: l.percent }, ...inferred };
  }

  // Gone from the later report: the latest event in between tells how.
  if (xf === null) return null;
  for (let r = j - 1; r > i; r--) {
    const e = tl.entries[r]!.get(key);
    if (!e) continue;
    if (e.stated) {
      const l = lastFigure(tl, key, r);
      return { from: xf, to: null, delta: null, status: e.stated.state, stated: e.stated.statement, last: { week: week(r), percent: l?.percent ?? null } };
    }
    const p = e.percent!;
    const status: Status = p >= 100 ? (xf >= 100 ? 'done' : 'completed') : 'dropped';
    return { from: xf, to: null, delta: null, status, last: { week: week(r), percent: p }, ...(e.inferred ? { inferred: e.inferred } : {}) };
  }
  if (x?.stated) return null;
  return { from: xf, to: null, delta: null, status: xf >= 100 ? 'done' : 'dropped' };
}

/**
 * The earlier figure report `j` states for an item the previous report `i` (its neighbour) did not list — `70%（上周
 * 60%）`, `60%→70%`, a last-week column: a reader compares with it (advanced from 60), not calls the item new. Only
 * between neighbours: the stated figure is the previous report's time, not an older one's.
 */
function statedBefore(tl: Timeline<Measure>, i: number, j: number, y: Entry | undefined): number | null {
  if (i < 0 || j !== i + 1 || y?.measure?.prev === undefined) return null;
  return roundFig(y.measure.prev);
}

/** How an item ended when it is absent from both of the last two reports: its last event. */
export function endOf(tl: Timeline<Measure>, key: string): Change | null {
  for (let r = tl.entries.length - 1; r >= 0; r--) {
    const e = tl.entries[r]!.get(key);
    if (!e) continue;
    if (e.stated) return { from: lastFigure(tl, key, r)?.percent ?? null, to: null, delta: null, status: e.stated.state, stated: e.stated.statement };
    const kind = tl.items.get(key)!.kind;
    const status: Status = kind === 'kpi' ? 'dropped' : e.percent! >= 100 ? 'done' : 'dropped';
    return { from: e.percent, to: null, delta: null, status, ...(e.inferred ? { inferred: e.inferred } : {}) };
  }
  // The events before a resumed fold are not kept: such a timeline cannot answer.
  if (tl.prior) throw new Error(`endOf: the timeline of ${tl.team} starts after ${tl.prior.week}; fold the whole history`);
  return null;
}

/** The index of the team's report in `week`, or -1. */
export function indexOfWeek(tl: Timeline<Measure>, week: WeekId): number {
  return tl.reports.findIndex((r) => r.week === week);
}

/**
 * The completions in words that apply (to items the team's history tracks), as observations of
 * 100 marked `inferred`, keyed by `team + \u0000 + week`: what `show` and `export` list beside the
 * figures the reports state.
 */
export function inferredObservations(reports: readonly ReportLike<Measure>[], aliases: AliasMap, team?: string): Map<string, Observation[]> {
  return inferredOf(timelines(reports, aliases, team));
}

/** inferredObservations of timelines already folded (of the reports they keep). */
export function inferredOf(tls: readonly Timeline<Measure>[]): Map<string, Observation[]> {
  const out = new Map<string, Observation[]>();
  for (const tl of tls) {
    tl.entries.forEach((entries, j) => {
      for (const e of entries.values()) {
        if (!e.inferred) continue;
        const info = tl.items.get(e.key)!;
        const k = `${tl.team}\u0000${tl.reports[j]!.week}`;
        const list = out.get(k) ?? [];
        list.push({
          project: info.project,
          metric: info.metric,
          percent: 100,
          kind: 'progress',
          line: e.inferred.line,
          section: [],
          text: e.inferred.text,
          inferred: true,
          evidence: e.inferred.phrase,
          rule: e.inferred.rule,
        });
        out.set(k, list);
      }
    });
  }
  for (const list of out.values()) list.sort((a, b) => a.line - b.line);
  return out;
}

/**
 * The item's name as of report `j` (for a diff whose later week is `j`): its canonical name once the
 * team has written it, else the spelling it had then — a diff of the weeks before a rename speaks
 * of `资金清分平台`, one after it of `清结算中心`. A canonical name no report ever wrote (one the user
 * chose) is always used. The metric is the one written then.
 */
export function nameAt(tl: Timeline<Measure>, key: string, j: number): { project: string; metric: string | null } {
  const info = tl.items.get(key)!;
  let then: { project: string; metric: string | null } | null = null;
  for (let r = Math.min(j, tl.entries.length - 1); r >= 0 && !then; r--) then = tl.entries[r]!.get(key)?.measure ?? null;
  then ??= tl.prior?.measure.get(key) ?? null;
  if (!then) return { project: info.project, metric: info.metric };
  const firstWritten = info.written.get(normalizeName(info.project));
  const project = firstWritten !== undefined && firstWritten > j ? then.project : info.project;
  return { project, metric: then.metric };
}

/**
 * The item `key` was split from: in the report that first has it, an item stated split (`拆分为“积分中心”和“等级权益”两个项目`)
 * on a line that names it (any spelling of it, normalised). Null when there is none, or more than one.
 */
export function splitFrom(tl: Timeline<Measure>, key: string): string | null {
  const info = tl.items.get(key);
  if (!info || info.first < 0 || !tl.entries[info.first]) return null;
  const spellings = [...info.written.keys()].filter((s) => [...s].length >= 2);
  const found = new Set<string>();
  for (const e of tl.entries[info.first]!.values()) {
    const st = e.stated?.statement;
    if (!st || e.stated!.state !== 'cancelled' || e.key === key || !isSplitPhrase(st.phrase)) continue;
    const text = normalizeName(st.text);
    if (spellings.some((s) => text.includes(s))) found.add(nameAt(tl, e.key, info.first).project);
  }
  return found.size === 1 ? [...found][0]! : null;
}
