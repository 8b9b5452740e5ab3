// One line of prose through the rules (figure → context → classify → name → guard): every figure becomes a Finding.

import type { Finding, Observation, Warning } from '../model/types.js';
import { FigureFacts, LineFacts, Owners, type LineContext } from './facts.js';
import type { Lexicon } from './lexicon.js';
import { CLASSIFY_RULES, CONTEXT_RULES, FIGURE_RULES, GUARD_RULES, NAME_RULES } from './rules/index.js';
import type { Decision, Naming } from './rules/types.js';
import { written } from './text.js';
import { WORDED_HINT } from './rules/figure/chinese-figure.js';

/** What the rules make of one figure. */
export interface Outcome {
  finding: Finding;
  observation?: Observation;
  warnings: Warning[];
  /** Index of the `；`-segment the figure is in (for planned/prev pairing). */
  segment: number;
  /** For figures kept as context of a sibling: `prev` (last week) or `planned`. */
  role?: 'prev' | 'planned';
}

/** Most decimals we keep; more is noise (`99.999999999%`). */
export const MAX_DECIMALS = 4;

/** Rounds absurd precision; never rounds a figure below 100 up to 100. */
export function roundPercent(v: number): { value: number; rounded: boolean } {
  const f = 10 ** MAX_DECIMALS;
  let r = Math.round(v * f) / f;
  if (r >= 100 && v < 100) r = Math.floor(v * f) / f;
  return { value: Object.is(r, -0) ? 0 : r, rounded: r !== v };
}

/** What any figure form needs: a percent sign, or a Chinese figure word (`七成`, `百分之`, `过半`). */
const PERCENT_SIGN = /[%％﹪]/u;
const WORD_CHARS = /[百成半]/u;

/** Does the line hold anything a figure rule could find? (Most lines of a report hold no figure at all.) */
export function mayHoldFigure(text: string): boolean {
  return PERCENT_SIGN.test(text) || (WORD_CHARS.test(text) && WORDED_HINT.test(text));
}

function decisionOf(f: FigureFacts, lx: Lexicon): { decision: Decision; rule: string } {
  for (const rule of CLASSIFY_RULES) {
    const d = rule.decide(f, lx);
    if (d) return { decision: d, rule: rule.name };
  }
  // The last classify rule always decides; this is for a list someone shortened.
  return { decision: { verdict: 'ignored', reason: 'no rule recognised it' }, rule: 'none' };
}

function namingOf(f: FigureFacts, verdict: 'progress' | 'kpi', lx: Lexicon): { naming: Naming; rule: string } | undefined {
  const owners = new Owners(f, lx);
  for (const rule of NAME_RULES) {
    const n = rule.give(f, verdict, owners, lx);
    if (n) return { naming: n, rule: n.by ? `${rule.name}:${n.by}` : rule.name };
  }
  return undefined;
}

/**
 * Reads one line. `text` is the line as written (a paragraph line, an item, a heading, a prose cell); every
 * figure in it yields an Outcome with a Finding, progress and KPI figures an Observation.
 */
export function readLine(text: string, line: number, ctx: LineContext, lx: Lexicon): Outcome[] {
  if (!mayHoldFigure(text)) return [];
  const facts = new LineFacts(text, line, ctx, lx);
  // One push per figure, not push(...all): a spread of 100,000+ figures overflows the call stack.
  for (const rule of FIGURE_RULES) for (const m of rule.scan(facts, lx)) facts.figures.push(m);
  if (!facts.figures.length) return [];
  if (FIGURE_RULES.length > 1) facts.figures.sort((a, b) => a.start - b.start);
  const trimmed = text.trim();
  const out: Outcome[] = [];
  for (let k = 0, count = facts.figures.length; k < count; k++) {
    const m = facts.figures[k]!;
    const f = new FigureFacts(facts, m, k);
    for (const rule of CONTEXT_RULES) if (rule.read(f, lx)) f.context.push(rule.name);
    const res: Outcome = { finding: { line, match: f.match, verdict: 'ignored' }, warnings: [], segment: f.segment };
    out.push(res);
    const { decision, rule } = decisionOf(f, lx);
    let final: Decision = decision;
    let decidedBy = rule;
    let naming: { naming: Naming; rule: string } | undefined;
    if (decision.verdict !== 'ignored') {
      const verdict = decision.verdict;
      naming = namingOf(f, verdict, lx);
      for (const guard of GUARD_RULES) {
        const refusal = guard.check(f, verdict, naming?.naming, lx);
        if (refusal) {
          final = refusal;
          decidedBy = guard.name;
          break;
        }
      }
    }
    const finding = res.finding;
    finding.rule = decidedBy;
    if (final.word) finding.word = final.word;
    if (final.word && lx.configured.has(final.word.toLowerCase())) finding.configured = true;
    if (f.context.length) finding.context = [...f.context];
    if (f.notes.length) finding.notes = [...f.notes];
    if (final.reason) finding.reason = final.reason;
    if (final.warning) res.warnings.push({ line, message: final.warning });
    if (final.verdict === 'ignored') {
      if (final.role) res.role = final.role;
      continue;
    }

    const verdict = final.verdict;
    const { value, rounded } = roundPercent(m.value);
    if (rounded) res.warnings.push({ line, message: `${f.match} has more than ${MAX_DECIMALS} decimals; kept as ${value}%` });
    const { project } = naming!.naming;
    let { metric } = naming!.naming;
    if (metric && project.includes(metric)) metric = null;
    finding.verdict = verdict;
    finding.naming = naming!.rule;
    finding.project = project;
    finding.metric = metric;
    finding.percent = value;
    const obs: Observation = { project, metric, percent: value, kind: verdict, line, section: [...ctx.headings], text: trimmed };
    if (f.qualifier) obs.qualifier = f.qualifier;
    if (f.due && verdict === 'progress') {
      obs.due = f.due.date;
      finding.due = f.due.date;
      finding.dueText = f.due.text;
    }
    if (f.pair) {
      const earlier = facts.figures[f.pair.earlier]!;
      const prev = earlier.value;
      if (Number.isFinite(prev) && prev >= 0 && prev <= 100) obs.prev = roundPercent(prev).value;
      else res.warnings.push({ line, message: `the earlier figure ${written(facts.t, earlier.start, earlier.end)} is outside 0–100; no prev kept` });
    }
    if (f.done !== undefined && f.total !== undefined) {
      obs.done = f.done;
      obs.total = f.total;
      const decimals = (m.digits.split('.')[1] ?? '').length;
      const tolerance = 10 ** -decimals + 1e-9;
      const exact = f.total > 0 ? (f.done / f.total) * 100 : NaN;
      if (!(Math.abs(exact - value) <= tolerance)) {
        const said = Number.isFinite(exact) ? `${Math.round(exact * 100) / 100}%` : 'no percentage (total 0)';
        if (f.fractionAfter || Number.isFinite(exact)) {
          res.warnings.push({ line, message: `${f.match} disagrees with ${f.done}/${f.total} (= ${said}); kept ${value}% as written, check the report` });
        }
      }
    }
    res.observation = obs;
    if (verdict === 'progress') facts.lastProgress = f;
  }
  return out;
}
