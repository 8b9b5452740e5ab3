// history: every figure of the items matching a name, week by week, and how their source lines changed.

import { diffChars } from 'diff';
import { canonicalProject, normalizeName, type AliasMap } from '../model/name.js';
import type { Kind, Measure, WeekId } from '../model/types.js';
import {
  byTeam,
  classify,
  cmpItem,
  cmpKind,
  delta,
  displayProject,
  itemsOf,
  onePerTeamWeek,
  round2,
  type ReportLike,
  type Status,
} from './items.js';

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
  /** The project as written that week (before aliases). */
  written: string;
  percent: number;
  /** From the previous report that mentioned the item; null for the first. */
  delta: number | null;
  /** Against the previous mention (`new`/`completed` for the first). */
  status: Status;
  line: number;
  text?: string;
  /** How the source line changed since the previous mention; absent when there is no text or nothing changed. */
  changes?: TextChange[];
}

export interface HistoryItem {
  team: string;
  project: string;
  metric: string | null;
  kind: Kind;
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
 * does, items whose canonical name or any spelling contains it.
 */
export function history(reports: readonly ReportLike<MeasureWithText>[], query: string, opts: HistoryOptions): HistoryReport {
  const q = normalizeName(canonicalProject(query, opts.aliases));
  const all: { item: HistoryItem; names: Set<string>; canonical: string }[] = [];

  for (const [team, list] of byTeam(onePerTeamWeek(reports, opts.team))) {
    const found = new Map<string, { item: HistoryItem; names: Set<string>; canonical: string }>();
    for (const r of list) {
      for (const [key, { measure: m }] of itemsOf(r, opts.aliases)) {
        let e = found.get(key);
        if (!e) {
          e = { item: { team, project: '', metric: null, kind: m.kind, points: [] }, names: new Set(), canonical: '' };
          found.set(key, e);
        }
        const prev = e.item.points[e.item.points.length - 1];
        const percent = round2(m.percent);
        const point: HistoryPoint = {
          week: r.week,
          date: r.date,
          source: r.source,
          written: m.project,
          percent,
          delta: prev ? delta(prev.percent, percent) : null,
          status: classify(prev ? prev.percent : null, percent),
          line: m.line,
        };
        if (m.text !== undefined) point.text = m.text;
        if (prev?.text !== undefined && m.text !== undefined && prev.text !== m.text) {
          point.changes = narrativeDiff(prev.text, m.text);
        }
        e.item.points.push(point);
        e.item.project = displayProject(m.project, opts.aliases);
        e.item.metric = m.metric;
        e.item.kind = m.kind;
        e.names.add(normalizeName(m.project));
        e.canonical = normalizeName(e.item.project);
      }
    }
    all.push(...found.values());
  }

  const exact = q !== '' && all.some((e) => e.canonical === q);
  const hits = all.filter((e) =>
    exact ? e.canonical === q : q !== '' && (e.canonical.includes(q) || [...e.names].some((n) => n.includes(q))),
  );
  const items = hits.map((e) => e.item).sort((a, b) => cmpItem(a, b) || cmpKind(a.kind, b.kind));
  return { query, exact, items };
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
