// Document → Extraction (pure): the week and date, and every percentage as a finding, observation or nothing.

import type { Block, Document, Extraction, Finding, Observation, Warning, WeekScheme } from '../model/types.js';
import { normalizeName } from '../model/name.js';
import { readLine, type LineContext, type Outcome } from './line.js';
import { cleanName } from './names.js';
import { readRow } from './table.js';
import { canonicalVocabulary, compileVocabulary } from './compiled.js';
import { findWord } from './text.js';
import { resolveVocabulary, type Vocabulary } from './vocabulary.js';
import { findWeek } from './week.js';

export { DEFAULT_VOCABULARY, resolveVocabulary, type Vocabulary } from './vocabulary.js';
export { compareWithGold, scoreAgainstGold, type Gold, type GoldEntry, type GoldReport, type Mismatch, type Score } from './gold.js';
export { PATTERNS, type Pattern } from './patterns.js';
export { findWeek, combineLabelAndDate } from './week.js';

export interface ExtractOptions {
  scheme: WeekScheme;
  vocabulary?: Partial<Vocabulary>;
}

/** An intro line such as `成功率：` that labels the list below it. */
function introOf(block: Block): string {
  const t = block.text.trim();
  if (block.kind !== 'paragraph' || block.depth !== 0 || t.includes('\n') || t.length > 24) return '';
  return /[:：]$/u.test(t) ? t : '';
}

function ignoredSection(headings: readonly string[], vocab: Vocabulary): string | undefined {
  const memo = compileVocabulary(vocab).memo<boolean>('ignoredSection');
  const ignored = (h: string) => findWord(h.normalize('NFKC'), vocab.ignoreSections) !== undefined;
  for (const h of headings) if (memo.get(h, ignored)) return h;
  return undefined;
}

/** An intro line that opens a plan rather than a report (`下周：`, `Next week:`). */
function ignoredIntro(intro: string, vocab: Vocabulary): string | undefined {
  if (!intro) return undefined;
  const t = intro.normalize('NFKC');
  return /^\s*(?:下周|下阶段|next week)/iu.test(t) || findWord(t, vocab.ignoreSections) ? intro : undefined;
}

/** The percent signs readLine looks for: `%`, full-width `％`, small `﹪`. */
const PERCENT = /[%％﹪]/u;

/** Every character whose NFKC holds a `:` (`：`, `︓`, `﹕`, `⩴`): lines without one hold no `label：value`. */
const COLON = /[:：︓﹕⩴]/u;

/**
 * The report's own project, for figures nothing else names: a `项目名称：…` line, else the title
 * without its dates, week labels and report words (`华东工厂数字化项目周报` → `华东工厂数字化项目`).
 */
export function documentName(blocks: readonly Block[], title: string, vocab: Vocabulary): string {
  const labels = compileVocabulary(vocab).lists.projectLabels.lowerSet;
  for (const b of blocks) {
    if (b.kind !== 'item' && b.kind !== 'paragraph') continue;
    if (!COLON.test(b.text)) continue;
    for (const l of b.text.split('\n')) {
      const m = /^\s*(?:[-*+]\s*)?([^:：]{1,16})[:：]\s*(.{1,40})$/u.exec(l.normalize('NFKC'));
      if (m && labels.has(m[1]!.trim().toLowerCase()) && !/%/.test(m[2]!)) {
        const name = cleanName(m[2]!, vocab);
        if (name) return name;
      }
    }
  }
  const bare = title
    .normalize('NFKC')
    .replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/gu, ' ')
    .replace(/\d{4}\s*-?\s*W\d{1,2}|\bW(?:eek)?\s*\d{1,2}\b|week of|第\s*[\d零〇一二两三四五六七八九十]+\s*周/giu, ' ')
    .replace(/\d{1,2}\/\d{1,2}\s*[-–~]\s*\d{1,2}\/\d{1,2}/gu, ' ')
    .replace(/周报|周会纪要|双周进展|周会|weekly|status|update|report|汇报/giu, ' ')
    .replace(/\s*[|｜·,，]\s*/gu, ' ')
    .replace(/\(\s*\)|（\s*）/gu, ' ');
  return cleanName(bare, vocab);
}

/**
 * Reads every percentage of a document. Pure: the week scheme and word lists come in as
 * options; the result carries findings (for `milestones check`), observations and warnings.
 */
export function extract(doc: Document, options: ExtractOptions): Extraction {
  // One shared object per distinct vocabulary, so its compiled lists and memos serve every report.
  const vocab = canonicalVocabulary(resolveVocabulary(options.vocabulary));
  const info = findWeek(doc.blocks, options.scheme, vocab.metadataLabels, doc.hint);
  const outcomes: Outcome[][] = [];
  const docName = documentName(doc.blocks, info.title, vocab);
  let intro = '';

  for (const block of doc.blocks) {
    if (block.kind === 'heading') intro = '';
    // A block without a percent sign yields nothing (readLine needs one; rows may hold bare figures).
    if (block.kind !== 'row' && !PERCENT.test(block.text)) {
      if (block.kind === 'paragraph' && block.depth === 0) intro = introOf(block);
      continue;
    }
    const sectionPath = block.kind === 'heading' ? [...block.headings, block.text] : block.headings;
    const ctx: LineContext = {
      headings: block.headings,
      parents: block.parents,
      intro: block.depth > 0 || block.kind === 'item' ? intro : '',
      kind: block.kind === 'row' ? 'paragraph' : block.kind,
      ignoredSection: ignoredSection(sectionPath, vocab) ?? (block.depth > 0 || block.kind === 'item' ? ignoredIntro(intro, vocab) : undefined),
      documentName: docName,
    };
    if (block.kind === 'row') {
      outcomes.push(readRow(block, ctx, vocab));
    } else {
      block.text.split('\n').forEach((text, i) => {
        if (text.trim()) outcomes.push(readLine(text, block.line + i, ctx, vocab));
      });
    }
    if (block.kind === 'paragraph' && block.depth === 0) intro = introOf(block);
  }

  const findings: Finding[] = [];
  const observations: Observation[] = [];
  const warnings: Warning[] = [...info.warnings];
  const seen = new Map<string, Observation>();
  for (const group of outcomes) {
    // prev/planned figures give context to the progress figure of the same segment, never a second item.
    for (const o of group) {
      if (!o.role) continue;
      const sibling = group.find((s) => s.observation?.kind === 'progress' && s.segment === o.segment);
      const value = Number(o.finding.match.normalize('NFKC').replace(/[^\d.]/g, ''));
      if (sibling?.observation && Number.isFinite(value) && value >= 0 && value <= 100) {
        if (o.role === 'prev') sibling.observation.prev ??= value;
        else sibling.observation.planned ??= value;
      }
    }
    for (const o of group) {
      warnings.push(...o.warnings);
      const obs = o.observation;
      if (obs) {
        const key = `${obs.kind}\u0000${normalizeName(obs.project)}\u0000${normalizeName(obs.metric)}`;
        const first = seen.get(key);
        if (first && first.line !== obs.line) {
          o.finding.verdict = 'ignored';
          o.finding.reason = `repeats ${obs.project}${obs.metric ? '/' + obs.metric : ''} of line ${first.line} (the first is kept)`;
          warnings.push({ line: obs.line, message: `${obs.project}${obs.metric ? '/' + obs.metric : ''} is stated again (line ${first.line} has ${first.percent}%, this line ${obs.percent}%); keeping line ${first.line}` });
        } else if (first) {
          // Same name twice on one line: keep both figures apart by their written order.
          o.finding.verdict = 'ignored';
          o.finding.reason = `a second figure for ${obs.project} on the same line (the first is kept)`;
          warnings.push({ line: obs.line, message: `two figures for ${obs.project}${obs.metric ? '/' + obs.metric : ''} on one line (${first.percent}%, ${obs.percent}%); keeping the first` });
        } else {
          seen.set(key, obs);
          observations.push(obs);
        }
      }
      findings.push(o.finding);
    }
  }
  warnings.sort((a, b) => a.line - b.line);
  return { week: info.week, date: info.date, title: info.title, observations, findings, warnings };
}
