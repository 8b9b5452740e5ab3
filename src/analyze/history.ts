// history: every figure of the items matching a name, week by week, and how their source lines changed.

import { diffChars } from 'diff';
import { canonicalProject, normalizeName, type AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId } from '../model/types.js';
import { cmpItem, cmpKind, type ReportLike, type Status } from './items.js';
import { compare, splitFrom, timelines } from './timeline.js';

/** A measure that may carry its source line (an Observation does). */
export type MeasureWithText = Measure & { text?: string; section?: string[] };

/** A piece of a narrative diff: common text, or text removed from / added to the earlier line. */
export interface TextChange {
  value: string;
  added: boolean;
  removed: boolean;
}

export interface HistoryPoint {
  week: WeekId;
  date: string | null;
  source: string;
  /** The project as written that week (before aliases); for a statement in words, the item's name. */
  written: string;
  /** The figure; 100 for a completion stated in words; null for a stated pause or cancellation without a figure. */
  percent: number | null;
  /** As `diff` of this week against the team's report before it. */
  delta: number | null;
  /** As `diff` of this week against the team's report before it (`new`/`completed` for the first). */
  status: Status;
  line: number;
  text?: string;
  /** How the source line changed since the previous mention; absent when there is no text or nothing changed. */
  changes?: TextChange[];
  /** The figure is a completion stated in words. */
  inferred?: boolean;
  /** The words behind an inferred completion or a stated pause or cancellation. */
  evidence?: string;
}

export interface HistoryItem {
  team: string;
  project: string;
  metric: string | null;
  kind: Kind;
  /** The item it was split from (`积分账户` ← `会员权益重构`), as `diff --json` says in the week it is new. */
  splitFrom?: string;
  points: HistoryPoint[];
}

export interface HistoryReport {
  query: string;
  /** True when some item's canonical name equals the query (then only those are listed); false for substring matches. */
  exact: boolean;
  items: HistoryItem[];
}

export interface HistoryOptions {
  aliases: AliasMap;
  team?: string;
}

/**
 * Items whose canonical name equals the query (after aliases and normalisation); when none
 * does, items whose canonical name or any spelling contains it. Each report that says
 * something about the item is a point, with the status `diff` gives that week (through the
 * team's timeline), so history and diff never disagree. Pass every report of the teams: a
 * status needs the reports before it.
 */
export function history(reports: readonly ReportLike<MeasureWithText>[], query: string, opts: HistoryOptions): HistoryReport {
  const q = normalizeName(canonicalProject(query, opts.aliases));
  const all: { item: HistoryItem; names: Set<string>; canonical: string }[] = [];
  if (q === '') return { query, exact: false, items: [] };

  // A team's timeline is its own: only teams with a figure whose name (as written, or its canonical
  // name) contains the query can hold a hit, so only theirs are built.
  const teams = new Set<string>();
  for (const r of reports) {
    if (teams.has(r.team)) continue;
    if (r.measures.some((m) => normalizeName(m.project).includes(q) || normalizeName(canonicalProject(m.project, opts.aliases)).includes(q))) teams.add(r.team);
  }
  for (const tl of timelines(reports.filter((r) => teams.has(r.team)), opts.aliases, opts.team)) {
    for (const [key, info] of tl.items) {
      // Points (and their narrative diffs) only for items the query can select: every spelling of
      // every figure, which is what the points below collect, is looked at first.
      if (!mayMatch(tl.entries, key, normalizeName(info.project), q)) continue;
      const item: HistoryItem = { team: tl.team, project: info.project, metric: info.metric, kind: info.kind, points: [] };
      const parent = splitFrom(tl, key);
      if (parent) item.splitFrom = parent;
      const names = new Set<string>();
      let prevText: string | undefined;
      tl.entries.forEach((entries, j) => {
        const e = entries.get(key);
        if (!e) return;
        const c = compare(tl, j - 1, j, key);
        if (!c) return;
        const r = tl.reports[j]!;
        const m = e.measure as MeasureWithText | null;
        const said = e.stated?.statement ?? e.inferred;
        const point: HistoryPoint = {
          week: r.week,
          date: r.date,
          source: r.source,
          written: m ? m.project : info.project,
          percent: e.percent,
          delta: c.delta,
          status: c.status,
          line: m ? m.line : said!.line,
        };
        const text = m ? m.text : said?.text;
        if (text !== undefined) point.text = text;
        if (prevText !== undefined && text !== undefined && prevText !== text) point.changes = narrativeDiff(prevText, text);
        if (e.inferred) point.inferred = true;
        if (said) point.evidence = said.phrase;
        if (text !== undefined) prevText = text;
        item.points.push(point);
        if (m) names.add(normalizeName(m.project));
      });
      if (item.points.length) all.push({ item, names, canonical: normalizeName(info.project) });
    }
  }

  const exact = q !== '' && all.some((e) => e.canonical === q);
  const hits = all.filter((e) =>
    exact ? e.canonical === q : q !== '' && (e.canonical.includes(q) || [...e.names].some((n) => n.includes(q))),
  );
  const items = hits.map((e) => e.item).sort((a, b) => cmpItem(a, b) || cmpKind(a.kind, b.kind));
  return { query, exact, items };
}

/**
 * Whether the item can be among the hits for the normalised query `q`: its canonical name equals
 * or contains it, or a spelling of one of its figures contains it (a figure's report is always a
 * point of the item, so these are the names the selection below looks at).
 */
function mayMatch(entries: readonly ReadonlyMap<string, { measure: Measure | null }>[], key: string, canonical: string, q: string): boolean {
  if (q === '') return false;
  if (canonical.includes(q)) return true;
  for (const m of entries) {
    const e = m.get(key);
    if (e?.measure && normalizeName(e.measure.project).includes(q)) return true;
  }
  return false;
}

/**
 * How a line changed between two weeks, character by character: Chinese has no spaces, so
 * word diffs would treat a whole clause as one token. Single common characters stranded
 * between changes are folded into them so the result reads as whole replacements
 * (`进度[-50%-]{+70%+}` rather than a confetti of one-character edits).
 */
export function narrativeDiff(prevText: string, nextText: string): TextChange[] {
  const raw = diffChars(prevText, nextText);
  const out: TextChange[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed) out.push({ value: removed, added: false, removed: true });
    if (added) out.push({ value: added, added: true, removed: false });
    removed = added = '';
  };
  raw.forEach((c, i) => {
    const changedAround = i > 0 && i < raw.length - 1 && isChange(raw[i - 1]!) && isChange(raw[i + 1]!);
    if (c.removed) removed += c.value;
    else if (c.added) added += c.value;
    else if (changedAround && [...c.value].length === 1) {
      removed += c.value;
      added += c.value;
    } else {
      flush();
      out.push({ value: c.value, added: false, removed: false });
    }
  });
  flush();
  return out;
}

function isChange(c: { added: boolean; removed: boolean }): boolean {
  return c.added || c.removed;
}
