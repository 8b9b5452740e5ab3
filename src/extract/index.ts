// Document → Extraction (pure): the week and date, and every figure as a finding, observation or nothing.

import type { Block, Document, Extraction, Finding, Observation, Warning, WeekScheme } from '../model/types.js';
import { normalizeName } from '../model/name.js';
import { isBoundaryAt, type LineContext } from './facts.js';
import { compileLexicon, remember, type Lexicon } from './lexicon.js';
import { cleanName, headingName, isNameLike, stripMarkers, stripStatus, tidyName } from './names.js';
import { mayHoldFigure, readLine, type Outcome } from './prose.js';
import { readsAsReport } from './rules/classify/code-block.js';
import { fractionColumns, percentColumns, readRow } from './table.js';
import { nfkc, normalize, written } from './text.js';
import type { Vocabulary } from './vocabulary.js';
import { findWeek } from './week.js';
import { DIRECTION_RULES, STATEMENT_RULES } from './rules/index.js';
import { stripRenameRemark } from './rules/statement/stated-rename.js';
import { weekFriday } from '../model/week.js';
import { foldHan, hasTraditional } from '../model/han.js';
import { findStatements } from './stated.js';
import { statedEarlier } from './earlier.js';

export { DEFAULT_VOCABULARY, resolveVocabulary, type Vocabulary } from './vocabulary.js';
export { compileLexicon, type Lexicon } from './lexicon.js';
export { RULES, STATEMENT_RULES, DIRECTION_RULES } from './rules/index.js';
export type { Rule, Example, Expect } from './rules/types.js';
export { describeExpect } from './rules/expect.js';
export { findWeek, combineLabelAndDate } from './week.js';

export interface ExtractOptions {
  scheme: WeekScheme;
  /** The compiled vocabulary: compile it once per process with `compileLexicon` and pass it to every call. */
  lexicon?: Lexicon;
  /** Word lists for a one-off call (compiled on every call; ignored when `lexicon` is given). */
  vocabulary?: Partial<Vocabulary>;
  /** Today (`YYYY-MM-DD`), from the caller (extract does no I/O): a report date more than a year after it is not believed. */
  today?: string;
}

/** An intro line such as `成功率：` that labels the list below it. */
function introOf(block: Block): string {
  const t = block.text.trim();
  if (block.kind !== 'paragraph' || block.depth !== 0 || t.includes('\n') || t.length > 24) return '';
  return isLabelLine(t) ? t : '';
}

/** A label standing alone on its line: `成功率：`, `下周计划：`, `【下周计划】`, `[Next week]`. */
function isLabelLine(t: string): boolean {
  return /[:：]$/u.test(t) || /^[【\[][^】\]]{1,20}[】\]]$/u.test(t);
}

/** A paragraph that opens with a plan label on a line of its own (`【下周计划】` / `实时数仓迁移推进到 70%`): all of it is plan. */
function planParagraph(block: Block, lx: Lexicon): string | undefined {
  if (block.kind !== 'paragraph' || !block.text.includes('\n')) return undefined;
  const first = block.text.slice(0, block.text.indexOf('\n')).trim();
  return first.length <= 24 && isLabelLine(first) ? ignoredIntro(first, lx) : undefined;
}

/** An intro line that opens a plan rather than a report (`下周：`, `Next week:`). */
function ignoredIntro(intro: string, lx: Lexicon): string | undefined {
  if (!intro) return undefined;
  const t = nfkc(intro).replace(/^[\s【\[]+/u, '');
  return /^\s*(?:下周|下阶段|next week)/iu.test(t) || lx.lists.ignoreSections.find(t) ? intro : undefined;
}

/** A numbered outline marker (`1.`, `（2）`, `a)`, `①`), as the reader gives it on an item. */
const NUMBERED = /^(?:\d{1,3}[.)、]?|[（(]\d{1,3}[)）]|[A-Za-z][.)]|[①-⑳]|[一二三四五六七八九十]{1,3}[、.])$/u;

/**
 * A short line standing alone above a list: a paragraph (`**预售尾款链路改造** [进行中]`), or a numbered item that
 * bullets follow (`**1. 预售尾款链路改造**` read as item 1.). Its name owns the bullets below. '' when not one.
 */
function leadOf(block: Block, lx: Lexicon): string {
  const t = block.text.trim();
  const standalone = (block.kind === 'paragraph' && block.depth === 0) || (block.kind === 'item' && NUMBERED.test(block.marker ?? ''));
  if (!standalone || t.includes('\n') || t.length > 48 || /[:：]$/u.test(t) || /^@/u.test(t)) return '';
  const name = cleanName(t, lx);
  return name && isNameLike(stripStatus(tidyName(t), lx)) && !/^@/u.test(name) ? name : '';
}

/**
 * A paragraph that opens with its topic as a sentence of its own: `关于账户体系重构。…`, `Checkout v2. …`. Its
 * name, and where the sentence ends in the normalised first line.
 */
function topicOf(block: Block, lx: Lexicon): LineContext['topic'] {
  if (block.kind !== 'paragraph' || !/^\s*(?:关于|[A-Z])/u.test(block.text)) return undefined;
  const nl = block.text.indexOf('\n');
  const first = normalize(nl < 0 ? block.text : block.text.slice(0, nl)).norm;
  const m = /^\s*关于([^。,;:]{2,24})。/u.exec(first) ?? /^\s*([A-Z][^.!?,;:]{1,60}?)\.(?=\s+\S)/u.exec(first);
  if (!m || m[1]!.trim().split(/\s+/).length > 8) return undefined;
  const name = cleanName(m[1]!, lx);
  // The topic's sentence ends just after its full stop.
  return name ? { name, line: block.line, end: m.index + m[0].length } : undefined;
}

/** Every character whose NFKC holds a `:` (`：`, `︓`, `﹕`, `⩴`): lines without one hold no `label：value`. */
const COLON = /[:：︓﹕⩴]/u;

/**
 * The report's own project, for figures nothing else names: a `项目名称：…` line, else the title
 * without its dates, week labels and report words (`华东工厂数字化项目周报` → `华东工厂数字化项目`).
 */
export function documentName(blocks: readonly Block[], title: string, lx: Lexicon): string {
  const labels = lx.lists.projectLabels.lowerSet;
  for (const b of blocks) {
    if (b.kind !== 'item' && b.kind !== 'paragraph') continue;
    if (!COLON.test(b.text)) continue;
    for (const l of b.text.split('\n')) {
      const m = /^\s*(?:[-*+]\s*)?([^:：]{1,16})[:：]\s*(.{1,40})$/u.exec(nfkc(l));
      if (m && labels.has(m[1]!.trim().toLowerCase()) && !/%/.test(m[2]!)) {
        const name = cleanName(m[2]!, lx);
        if (name) return name;
      }
    }
  }
  const bare = title
    .normalize('NFKC')
    .replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/gu, ' ')
    .replace(/\d{4}\s*-?\s*W\d{1,2}|\bW(?:eek)?\s*\d{1,2}\b|week of|第\s*[\d零〇一二两三四五六七八九十]+\s*周/giu, ' ')
    .replace(/\d{1,2}[/.]\d{1,2}\s*[-–~～至]\s*\d{1,2}[/.]\d{1,2}/gu, ' ')
    .replace(/周报|周会纪要|双周进展|周会|weekly|status|update|report|汇报/giu, ' ')
    .replace(/\s*[|｜·,，]\s*/gu, ' ')
    .replace(/\(\s*\)|（\s*）/gu, ' ');
  return cleanName(bare, lx);
}

/** The name one parent item gives its children: its head clause, or the words before its progress word ('' when none). */
export function parentItemName(parent: string, lx: Lexicon): string {
  const n = normalize(parent);
  const s = n.norm;
  const from = s.length - stripMarkers(s).length;
  let end = from;
  while (end < s.length && !isBoundaryAt(s, end)) end++;
  let raw = s.slice(from, end);
  const pw = lx.lists.progressWords.last(raw);
  if (raw.includes('%') || pw) raw = pw ? raw.slice(0, pw.index) : raw.replace(/[\d.\s]*%.*$/u, '');
  return cleanName(written(n, from, from + raw.length), lx);
}

/** Does a heading, parent item or intro name a block of operating figures (`运行数据`, `成功率：`)? */
function isKpiText(c: string, lx: Lexicon): boolean {
  return remember(lx.flags.kpi, c, () => computeIsKpiText(c, lx));
}

function computeIsKpiText(c: string, lx: Lexicon): boolean {
  const t = nfkc(c);
  return lx.lists.kpiSections.find(t) !== undefined || lx.lists.kpiWords.find(t) !== undefined;
}

/**
 * Does a heading or parent item head a list of operating figures? Only when it is a label for them (`成功率：`,
 * `核心指标（本周）`, `1. 核心 SLA（周均）`, `Metrics`), not a work item whose name holds such a word (`Metrics layer /
 * semantic model`, `2.4 指标中台`, `监控平台迁移`).
 */
/** Words of a system or a piece of work: beside a metrics word they make a work item's name (`指标中台`, `Metrics layer`). */
const WORK_ITEM = /中台|平台|系统|工程|项目|模块|引擎|工具|迁移|改造|升级|建设|重构|开发|上线|治理|对接|\b(?:layer|platform|system|engine|pipeline|migration|rewrite|project|tool|tooling|module|revamp|rebuild)s?\b/iu;

function isKpiParent(c: string, lx: Lexicon): boolean {
  if (!isKpiText(c, lx)) return false;
  const t = nfkc(c).trim();
  if (/[:：]$/u.test(t)) return true;
  // Without bracketed remarks, markers and punctuation.
  const bare = t.replace(/[(（【\[][^)）】\]]*[)）】\]]/gu, '');
  const core = (/[\p{L}]/u.test(bare) ? bare : t).replace(/[\s\p{P}\p{S}\d]+/gu, ' ').trim().toLowerCase();
  const at = lx.lists.kpiSections.last(core) ?? lx.lists.kpiWords.last(core);
  if (!at) return false;
  const word = at.word.toLowerCase();
  const rest = (core.slice(0, at.index) + ' ' + core.slice(at.index + word.length)).trim();
  // The rest names a system or a piece of work (`中台`, `平台迁移`, `layer`, `pipeline`): a work item, not a label.
  return !WORK_ITEM.test(rest);
}

/** What a heading path says about the lines under it: asked once per section, not once per line. */
interface Section {
  headings: string[];
  ignored: string | undefined;
  kpi: boolean;
  name: () => string;
}

/** A heading naming a plan for a later period (`五、下期计划`, `5. 2 月计划`, `Q3 目标`): nothing in it is this week's. */
const PLAN_HEADING = /(?:下|次|\d{1,2}\s*月|Q[1-4]|下季度|明年)\s*(?:工作)?(?:计划|安排|目标|重点)\s*(?:[(（][^()（）]*[)）])?\s*$/u;

/** A heading that opens with next week or the next stage (`## 下周`, `### 4. 下周`, `## Next week`, `📅 下阶段安排`). */
const NEXT_HEADING = /^[^\p{L}]*(?:下周|下阶段|下期|next\s+week|next\s+sprint)/iu;

/** Does a heading put its lines in an ignored section (reflection, a plan for later)? */
function isIgnoredHeading(h: string, lx: Lexicon): boolean {
  return remember(lx.flags.ignored, h, () => computeIsIgnoredHeading(h, lx));
}

function computeIsIgnoredHeading(h: string, lx: Lexicon): boolean {
  const t = nfkc(h);
  return lx.lists.ignoreSections.find(t) !== undefined || PLAN_HEADING.test(t.trim()) || NEXT_HEADING.test(t);
}

/** The first heading of a path that puts its lines in an ignored section; `known` answers each heading once per report. */
function ignoredHeading(headings: readonly string[], lx: Lexicon, known?: Map<string, boolean>): string | undefined {
  return headings.find((h) => {
    let v = known?.get(h);
    if (v === undefined) {
      v = isIgnoredHeading(h, lx);
      known?.set(h, v);
    }
    return v;
  });
}

/** What a heading path says, each answer found on first use (a class: an object literal with a getter per block was costly). */
class SectionFacts implements Section {
  readonly ignored: string | undefined;
  private kpiFound: boolean | undefined;
  private nameFound: string | undefined;

  constructor(
    readonly headings: string[],
    private readonly lx: Lexicon,
    known: Map<string, boolean>,
  ) {
    this.ignored = ignoredHeading(headings, lx, known);
  }

  get kpi(): boolean {
    return (this.kpiFound ??= this.headings.some((h) => isKpiParent(h, this.lx)));
  }

  name(): string {
    if (this.nameFound === undefined) {
      let name = '';
      for (let i = this.headings.length - 1; i >= 0 && !name; i--) name = headingName(this.headings[i]!, this.lx);
      this.nameFound = name;
    }
    return this.nameFound;
  }
}

function sectionOf(headings: string[], lx: Lexicon, known: Map<string, boolean>): Section {
  return new SectionFacts(headings, lx, known);
}

/** Where a block sits: what its lines may borrow a name or a context from, each found on first use. */
class BlockContext implements LineContext {
  readonly headings: string[];
  readonly parents: string[];
  readonly kind: LineContext['kind'];
  private kpi: boolean | undefined;
  headingHasFigure = false;
  private parent: string | undefined;

  constructor(
    block: Block,
    readonly intro: string,
    readonly ignoredSection: string | undefined,
    private readonly section: Section,
    private readonly docName: () => string,
    private readonly lx: Lexicon,
    private readonly leadName: () => string,
    readonly topic: LineContext['topic'],
    readonly reportDate: string | null = null,
    readonly reportWeek: string | null = null,
  ) {
    this.headings = block.headings;
    this.parents = block.parents;
    this.kind = block.kind === 'row' ? 'paragraph' : block.kind;
  }

  /** Asked by few figures (those without a progress word): found then, once per block. */
  get kpiSection(): boolean {
    return (this.kpi ??= this.section.kpi || (!!this.intro && isKpiText(this.intro, this.lx)) || this.parents.some((p) => isKpiParent(p, this.lx)));
  }

  get documentName(): string {
    return this.docName();
  }

  parentName(): string {
    if (this.parent === undefined) {
      this.parent = '';
      for (let i = this.parents.length - 1; i >= 0 && !this.parent; i--) this.parent = parentItemName(this.parents[i]!, this.lx);
    }
    return this.parent;
  }

  headingName(): string {
    return this.section.name();
  }

  lead(): string {
    return this.leadName();
  }

  withParent(name: string): LineContext {
    const copy = Object.create(this) as BlockContext;
    Object.defineProperty(copy, 'kind', { value: 'paragraph' });
    copy.parent = name || this.parentName();
    return copy;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Reads every figure of a document. Pure: the week scheme and the compiled vocabulary come in as options;
 * the result carries findings (for `milestones check`), observations and warnings.
 */
/**
 * Document → Extraction. A report written in Traditional Chinese (進度、本週、暫停) is read folded to Simplified,
 * character for character, so one vocabulary serves both; every name, line and message it gives back is
 * written as the report wrote it.
 */
export function extract(doc: Document, options: ExtractOptions): Extraction {
  if (!doc.blocks.some((b) => hasTraditional(b.text) || (b.header !== undefined && hasTraditional(b.header.join(' '))))) return extractWritten(doc, options);
  const fold = foldHan;
  const folded: Document = {
    ...doc,
    blocks: doc.blocks.map((b) => ({
      ...b,
      text: fold(b.text),
      headings: b.headings.map(fold),
      parents: b.parents.map(fold),
      ...(b.header ? { header: b.header.map(fold) } : {}),
      ...(b.cells ? { cells: b.cells.map(fold) } : {}),
    })),
  };
  return restoreWritten(extractWritten(folded, options), unfolder(doc.blocks));
}

/**
 * Simplified → the Traditional character this report wrote for it, for giving names back as written. A
 * Simplified character the report also writes as itself (a mixed text), or that two written characters fold
 * to, stays as it is.
 */
function unfolder(blocks: readonly Block[]): (s: string) => string {
  const back = new Map<string, string>();
  const native = new Set<string>();
  for (const b of blocks) {
    for (const ch of b.text) {
      const f = foldHan(ch);
      if (f === ch) native.add(ch);
      else if (back.has(f) && back.get(f) !== ch) back.set(f, f);
      else back.set(f, ch);
    }
  }
  for (const ch of native) back.delete(ch);
  return (s: string) => {
    if (!s) return s;
    let out = '';
    for (const ch of s) out += back.get(ch) ?? ch;
    return out;
  };
}

function restoreWritten(ex: Extraction, back: (s: string) => string): Extraction {
  const opt = <T extends string | null | undefined>(s: T): T => (typeof s === 'string' ? (back(s) as T) : s);
  for (const o of ex.observations) {
    o.project = back(o.project);
    o.metric = opt(o.metric);
    o.section = o.section.map(back);
    o.text = back(o.text);
    if (o.evidence !== undefined) o.evidence = back(o.evidence);
  }
  for (const f of ex.findings) {
    if (f.project !== undefined) f.project = back(f.project);
    f.metric = opt(f.metric);
    if (f.reason !== undefined) f.reason = back(f.reason);
    if (f.word !== undefined) f.word = back(f.word);
    if (f.dueText !== undefined) f.dueText = back(f.dueText);
    if (f.notes) f.notes = f.notes.map(back);
  }
  for (const st of ex.statements) {
    st.phrase = back(st.phrase);
    st.subjects = st.subjects.map(back);
    if (st.formerly !== undefined) st.formerly = back(st.formerly);
    st.text = back(st.text);
  }
  for (const w of ex.warnings) w.message = back(w.message);
  return { ...ex, title: back(ex.title), ...(ex.weekProblem ? { weekProblem: back(ex.weekProblem) } : {}) };
}

function extractWritten(doc: Document, options: ExtractOptions): Extraction {
  const lx = options.lexicon ?? compileLexicon(options.vocabulary);
  const info = findWeek(doc.blocks, options.scheme, lx.vocab.metadataLabels, doc.hint, options.today);
  const outcomes: Outcome[][] = [];
  let docName: string | undefined;
  const docNameOf = () => (docName ??= documentName(doc.blocks, info.title, lx));
  const reportDate = info.date ?? (info.week ? weekFriday(info.week, options.scheme) : null);
  let intro = '';
  /** The short paragraph (or numbered item) standing above the current bullets, if any, and its depth. */
  let leadBlock: Block | undefined;
  let leadName: string | undefined;
  let leadDepth = 0;
  // Its name is found when a figure first asks (most reports never do).
  const lead = () => (leadName ??= leadBlock ? leadOf(leadBlock, lx) : '');
  const noLead = () => '';
  const setLead = (b: Block) => {
    leadBlock = b;
    leadName = undefined;
    leadDepth = b.kind === 'item' ? b.depth : 0;
  };
  let section: Section | undefined;
  let headingFigure = false;
  const ignoredHeadings = new Map<string, boolean>();
  // The rows of the table being read (consecutive rows with one header) and which of its columns say percent.
  let tableEnd = -1;
  let tablePercent: boolean[] = [];
  let tableFractions: boolean[] = [];

  for (let index = 0; index < doc.blocks.length; index++) {
    let block = doc.blocks[index]!;
    // A numbered item (`1.`, `（2）`) may lead the bullets after it; a bullet (`-`) never does.
    const marker = block.kind === 'item' ? block.marker : undefined;
    const numbered = marker !== undefined && marker !== '-' && marker !== '*' && marker !== '+' && NUMBERED.test(marker);
    if (block.kind === 'heading') {
      intro = '';
      leadBlock = undefined;
      leadName = '';
      // `### B. 数据服务` / `项目整体进度30%`: the heading's item states a figure of its own right below it.
      const next = doc.blocks[index + 1];
      headingFigure = next?.kind === 'paragraph' && /[%％]/u.test(next.text);
    }
    // A block without a figure yields nothing (rows may hold bare figures).
    if (block.kind !== 'row' && !mayHoldFigure(block.text)) {
      if (block.kind === 'paragraph' && block.depth === 0) intro = introOf(block);
      if ((block.kind === 'paragraph' && block.depth === 0) || numbered) setLead(block);
      continue;
    }
    if (!section || !sameList(section.headings, block.headings)) section = sectionOf(block.headings, lx, ignoredHeadings);
    // A heading's own text puts its own figures in an ignored section too (`## 下周计划 … 80%`).
    const ignored = block.kind === 'heading' ? section.ignored ?? ignoredHeading([block.text], lx) : section.ignored;
    const nested = block.depth > 0 || block.kind === 'item';
    const blockIntro = nested ? intro : '';
    const topic = block.kind === 'paragraph' ? topicOf(block, lx) : undefined;
    // A paragraph whose topic is next week's plan (`Next week. …`) says nothing of this week.
    const planTopic = topic && ignoredIntro(topic.name, lx);
    // Bullets below a lead: under a lead paragraph, or after a numbered lead item (beside it, not nested elsewhere).
    const led = block.kind === 'item' && !numbered && (leadDepth === 0 || block.depth <= leadDepth) ? lead : noLead;
    // A fence without a language whose lines read as report lines is report text.
    if (block.kind === 'code' && block.lang === '' && readsAsReport(block.text)) block = { ...block, kind: 'paragraph' };
    const plan = ignored ?? planTopic ?? (nested ? ignoredIntro(intro, lx) : undefined) ?? planParagraph(block, lx);
    const ctx = new BlockContext(block, blockIntro, plan, section, docNameOf, lx, led, topic, reportDate, info.week ?? null);
    if (headingFigure) ctx.headingHasFigure = true;
    if (block.kind === 'row') {
      if (index > tableEnd) {
        const header = block.header ?? [];
        tableEnd = index;
        while (doc.blocks[tableEnd + 1]?.kind === 'row' && sameList(doc.blocks[tableEnd + 1]!.header ?? [], header)) tableEnd++;
        tablePercent = percentColumns(doc.blocks.slice(index, tableEnd + 1));
        tableFractions = fractionColumns(doc.blocks.slice(index, tableEnd + 1));
      }
      outcomes.push(readRow(block, ctx, lx, tablePercent, tableFractions));
    } else {
      // The later lines of a list item (`1) Channel manager connector` / `   Status: Green. ~70% complete.`) are its
      // children: a figure there without a name of its own is the item's.
      let itemCtx: LineContext | undefined;
      const lines = block.text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const text = lines[i]!;
        if (!text.trim()) continue;
        if (i > 0 && block.kind === 'item') itemCtx ??= ctx.withParent(parentItemName(block.text.slice(0, block.text.indexOf('\n')), lx));
        outcomes.push(readLine(text, block.line + i, i > 0 && itemCtx ? itemCtx : ctx, lx));
      }
    }
    if (block.kind === 'paragraph' && block.depth === 0) intro = introOf(block);
    if ((block.kind === 'paragraph' && block.depth === 0) || numbered) setLead(block);
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
      const value = Number(nfkc(o.finding.match).replace(/[^\d.]/g, ''));
      if (sibling?.observation && Number.isFinite(value) && value >= 0 && value <= 100) {
        if (o.role === 'prev') sibling.observation.prev ??= value;
        else sibling.observation.planned ??= value;
      }
    }
    for (const o of group) {
      for (const w of o.warnings) warnings.push(w); // not push(...): a line may hold 100,000 of them
      const obs = o.observation;
      if (obs) {
        const key = `${obs.kind}\u0000${normalizeName(obs.project)}\u0000${normalizeName(obs.metric)}`;
        const first = seen.get(key);
        if (first && first.line !== obs.line) {
          o.finding.verdict = 'ignored';
          o.finding.rule = 'repeat';
          o.finding.reason = `repeats ${obs.project}${obs.metric ? '/' + obs.metric : ''} of line ${first.line} (the first is kept)`;
          warnings.push({ line: obs.line, message: `${obs.project}${obs.metric ? '/' + obs.metric : ''} is stated again (line ${first.line} has ${first.percent}%, this line ${obs.percent}%); keeping line ${first.line}` });
        } else if (first) {
          // Same name twice on one line: keep both figures apart by their written order.
          o.finding.verdict = 'ignored';
          o.finding.rule = 'repeat';
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
  // The earlier figure a line states as a change since last week (`55%（较上周+15pp）`, `环比提升 10 个百分点`, `was 20% last
  // week`): kept as prev of the line's one progress figure (two on a line: whose change it is is not said).
  const progressOn = new Map<number, Observation[]>();
  for (const o of observations) if (o.kind === 'progress') progressOn.set(o.line, [...(progressOn.get(o.line) ?? []), o]);
  for (const [, list] of progressOn) {
    const o = list[0]!;
    if (list.length !== 1 || o.prev !== undefined) continue;
    const prev = statedEarlier(o.text, o.percent);
    if (prev !== undefined) o.prev = prev;
  }
  // A rename remark is no part of a name (`清结算中心（原“资金清分平台”）` → `清结算中心`); the rename is a statement.
  for (const o of observations) o.project = stripRenameRemark(o.project);
  // The direction rules, once per KPI (prose and table figures alike), after naming.
  for (const f of findings) {
    if (f.project) f.project = stripRenameRemark(f.project);
    if (f.verdict !== 'kpi') continue;
    const name = `${f.project ?? ''} ${f.metric ?? ''}`;
    for (const rule of DIRECTION_RULES) {
      const d = rule.direction(name, lx);
      if (!d) continue;
      f.direction = { rule: rule.name, word: d.word };
      const o = observations.find((x) => x.kind === 'kpi' && x.line === f.line && x.project === f.project && x.metric === (f.metric ?? null));
      if (o) o.direction = d.direction;
      break;
    }
  }
  const statements = findStatements(doc.blocks, {
    lexicon: lx,
    rules: STATEMENT_RULES,
    skip: (b) => ignoredHeading(b.headings, lx, ignoredHeadings) !== undefined || (b.kind === 'heading' && ignoredHeading([b.text], lx, ignoredHeadings) !== undefined),
    skipSection: (name) => ignoredHeading([name], lx, ignoredHeadings) !== undefined,
  });
  return { week: info.week, date: info.date, title: info.title, observations, statements, findings, warnings, ...(info.problem ? { weekProblem: info.problem } : {}) };
}
