// Many weeks in one file: dated label lines or headings split a Document into one Document per entry, each with its date hint.

import { ambiguousSlashDates, datesIn, labelIn, monthDayIn, monthWeekIn, monthWeekThursday, slashOrderOf, type MonthWeek, type SlashOrder } from '../model/label.js';
import type { Block, DateHint, Document, Warning } from '../model/types.js';
import { formatDate } from '../model/week.js';
import { foldHan } from '../model/han.js';

/** A label line: its block, what it says, and the kind of label. */
interface Label {
  index: number;
  block: Block;
  text: string;
  date?: Date;
  week?: number;
  year?: number;
  monthDay?: { month: number; day: number };
  /** `3月第2周`: a month's own week count (its year from the label or the file). */
  monthWeek?: MonthWeek;
  /** A day inside the week a month's week count names (its Thursday), not a stated date. */
  within?: Date;
  /** A list item that opens with its date and goes on with the week's lines (`- 2023-11-03：工单迁移 40%`). */
  inline?: boolean;
  /** For an inline label: the item's first line without its date (`工单系统迁移 40%`), so that the date names nothing. */
  rest?: string;
  /** A summary heading (`## 2024-10-11 周报：…，下周开始压测`): its summary, read as a paragraph below the date. */
  summary?: string;
}

/** Words that may stand beside a date in a label line (`2023年3月17日周报`, `Week 19 report`). */
const LABEL_WORDS = /周报|周总结|周工作|工作总结|工作汇报|总结|汇报|报告|进展|本周|周记|weekly|report|status|update|week|ending|beginning|commencing|starting|of|the/giu;
/** Weekday names beside an entry's date (`2024.10.08 周二 周报`, `Wednesday 9 Oct`, `[2025.03.07 Fri]`, `周报 2025.03.14（五）`). */
const WEEKDAYS = /(?:星期|礼拜|周|週)[一二三四五六日天]|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?|[(（][一二三四五六日天][)）]/giu;
/** English month names, stripped with the date they belong to (`week ending 8 March 2024`). */
const MONTH_WORDS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/giu;
/** Lines that mention a week but are about the plan, not an entry. */
const NOT_AN_ENTRY = /下周|下阶段|计划|next|plan|目标|回顾/iu;

/**
 * `2023年3月17日周报` → Label when the line is a date or week label and little else; a label may carry a bracketed
 * remark at its end (`## 4月10日（4/3 那周清明调休，停更一期）`): read without it when it is no label with it.
 */
function labelOf(block: Block, index: number, order?: SlashOrder, next?: Block): Label | null {
  const label = labelWith(block, index, order, next, false);
  if (label) return label;
  // A label line with a bracketed remark (`第38周（9月11日—9月15日）`) is one in any kind of line that may hold one.
  const bare = labelWith(block, index, order, next, true);
  if (bare || block.kind !== 'heading') return bare;
  return summaryHeading(block, index, order);
}

/** Words that make a heading opening with a date a report's heading (`## 2024-10-11 周报：规则引擎进入联调…`). */
const REPORT_WORDS = /周报|週報|周记|週記|周总结|周工作|工作总结|工作汇报|汇报|进展|weekly|report|update|status|recap/iu;

/**
 * A heading that opens with its date and goes on with the week's summary (`## 2024-10-11 周报：规则引擎进入联调`):
 * too many words for a label, but an entry when such headings run a week apart (as dated list items).
 */
function summaryHeading(block: Block, index: number, order: SlashOrder | undefined): Label | null {
  const label = inlineDatedItem(block, index, order);
  // The report's word right after the date (`周报：…`, `Weekly update – …`), not a plan (`下周计划`).
  const after = label?.rest?.slice(0, 12) ?? '';
  if (!label || !REPORT_WORDS.test(after) || NOT_AN_ENTRY.test(after)) return null;
  label.summary = label.rest!;
  delete label.rest;
  return label;
}

/** A bracketed remark ending a line (after NFKC, full-width brackets are ASCII). */
const TRAILING_REMARK = /\s*[(\[【][^()[\]【】]*[)\]】]\s*$/u;

function labelWith(block: Block, index: number, order: SlashOrder | undefined, next: Block | undefined, withoutRemark: boolean): Label | null {
  // A top-level list item that holds only a date and has the entry's lines nested under it (`- **2024/05/17**`).
  // Or one marked like a list item that heads plain lines (`■ 第38周（9月11日—9月15日）` and the week's lines under it,
  // in plain text one item with its continuation lines): a bullet as a section mark. The label check below still
  // wants a line of only a date and a few words.
  const dateItem =
    block.kind === 'item' &&
    block.depth === 1 &&
    ((next?.kind === 'item' && next.depth > 1) || (!!next && next.kind !== 'item' && next.kind !== 'row') || block.text.includes('\n'));
  if (block.kind === 'item' && block.depth === 1 && !withoutRemark) {
    const inline = inlineDatedItem(block, index, order);
    if (inline) return inline;
  }
  if (block.kind !== 'heading' && !(block.kind === 'paragraph' && block.depth === 0) && !dateItem) return null;
  const first = block.text.split('\n')[0]!.trim();
  const raw = withoutRemark ? first.normalize('NFKC').replace(TRAILING_REMARK, '').trim() : first;
  if (withoutRemark && (raw === first.normalize('NFKC') || first.length > 60)) return null;
  // A paragraph may open with its label, the week's lines following without a blank line (plain text):
  // `【2024年12月第4周】` / `主板改版：进度 50%`.
  if (!raw || raw.length > 40 || /[%％]/u.test(raw) || NOT_AN_ENTRY.test(raw)) return null;
  // Traditional labels (`2024年3月15日週報`) are read with the same words.
  const text = foldHan(raw.normalize('NFKC'));
  const label: Label = { index, block, text: withoutRemark ? first : raw };
  let rest = text;
  const dates = datesIn(text, order);
  const week = labelIn(text);
  if (dates.length) {
    label.date = dates[dates.length - 1];
    rest = rest
      .replace(/\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}/g, ' ')
      .replace(/\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]?/g, ' ')
      .replace(/(?<!\d)\d{8}(?!\d)/g, ' ')
      .replace(/[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*[日号]/gu, ' ')
      .replace(MONTH_WORDS, ' ')
      .replace(/(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1\d{4}(?!\d)/g, ' ')
      .replace(/(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)/g, ' ');
  }
  if (week) {
    label.week = week.week;
    if (week.year !== undefined) label.year = week.year;
    rest = rest.replace(/\d{4}\s*-?\s*W\d{1,2}|\d{4}\s*年\s*(?:的)?\s*第\s*\S{1,3}?\s*周|第\s*\S{1,3}?\s*周|(?:W|Wk|Week)\s*\.?\s*\d{1,2}(?:\s*[,/]\s*\d{4})?/giu, ' ');
  }
  const mw = !dates.length && !week ? monthWeekIn(text) : null;
  if (mw) {
    label.monthWeek = mw;
    if (mw.year !== undefined) setMonthWeek(label, mw.year);
    rest = rest.replace(/(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*(?:份)?\s*(?:的)?\s*第\s*\S\s*[周週]|(?:the\s+)?\S+\s+week\s+(?:of|in)\s+\S+(?:,?\s+\d{4})?/iu, ' ');
  } else if (!dates.length && !week) {
    // A day range without a year (`5.6-5.10`): only as a heading, the year comes from context.
    const md = block.kind === 'heading' ? monthDayIn(text) : null;
    if (!md) return null;
    label.monthDay = md;
    rest = rest
      .replace(/\d{1,2}\s*(?:[./]|月)\s*\d{1,2}\s*[日号]?(?:\s*[-~–—至到]\s*(?:\d{1,2}\s*(?:[./]|月)\s*)?\d{1,2}\s*[日号]?)?/u, ' ')
      // English days (`Week of Oct 14`, `w/c 17 Mar`).
      .replace(MONTH_WORDS, ' ')
      .replace(/(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)/g, ' ');
  }
  // Remaining words: a few (a team's name) are fine; a sentence is not a label.
  rest = rest.replace(LABEL_WORDS, ' ').replace(WEEKDAYS, ' ').replace(/[\s\p{P}\p{S}]+/gu, '').replace(/\d{4}年?/g, '');
  return rest.length <= 6 ? label : null;
}

/**
 * An entry under a summary heading: the heading becomes its date and the summary a paragraph on the same line, so that
 * the summary's words (`下周开始压测`, `next week …`) make no section of the lines below a plan.
 */
function summarise(blocks: Block[], date: string, summary: string): void {
  const heading = blocks[0]!;
  const was = heading.text;
  const swap = (hs: readonly string[]) => hs.map((h) => (h === was ? date : h));
  blocks[0] = { ...heading, text: date };
  for (let i = 1; i < blocks.length; i++) blocks[i] = { ...blocks[i]!, headings: swap(blocks[i]!.headings) };
  blocks.splice(1, 0, { kind: 'paragraph', text: summary, line: heading.line, depth: 0, headings: [...swap(heading.headings), date], parents: [] });
}

/** A date opening a list item, then its text: `2023-11-03：…`, `**11/10** …`, `2024.10.08（周二）…`, `10.14-10.18 …`. */
const DATE_LEAD =
  /^[\s*_`【[(]*((?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?(?:\s*[-~–—至到]\s*(?:\d{1,2}\s*[-/.月]\s*)?\d{1,2}\s*[日号]?)?)(?:\s*\(?(?:周|星期|週)[一二三四五六日天]\)?)?[\s*_`】\])]*(?:[:：,，、|｜]|\s+[-–—]\s+|\s)\s*\S/u;

/** `- 2023-11-03：工单系统迁移 40%`: the item's leading date as an entry label (kept only if such items run a week apart). */
function inlineDatedItem(block: Block, index: number, order: SlashOrder | undefined): Label | null {
  const first = block.text.split('\n')[0]!.normalize('NFKC');
  const m = DATE_LEAD.exec(first);
  if (!m) return null;
  const text = m[1]!.trim();
  const label: Label = { index, block, text, inline: true, rest: first.slice(m[0].length - 1) };
  const dates = datesIn(text, order);
  if (dates.length) label.date = dates[dates.length - 1];
  else {
    const md = monthDayIn(text);
    if (!md) return null;
    label.monthDay = md;
  }
  return label;
}

/**
 * Dated list items are entries only when they read as a series of weekly reports: every item dated, in one
 * order, each a whole number of weeks (give or take two days, at most five) from the one before; a single
 * report's list of milestone dates is not.
 */
function runWeekly(labels: readonly Label[]): boolean {
  if (labels.some((l) => !l.date)) return false;
  let sign = 0;
  for (let i = 1; i < labels.length; i++) {
    const gap = (labels[i]!.date!.getTime() - labels[i - 1]!.date!.getTime()) / DAY;
    const s = Math.sign(gap);
    const g = Math.abs(Math.round(gap));
    if (s === 0 || (sign && s !== sign) || g < 5 || g > 37 || Math.min(g % 7, 7 - (g % 7)) > 2) return false;
    sign = s;
  }
  return true;
}

/**
 * A file left whole although lines of one kind are dated a week apart (`2024-10-11：本周规则引擎…` paragraphs): it may
 * hold several weeks that cannot be told apart as entries, and the reader says so instead of merging them silently.
 */
function unsplit(doc: Document, order: SlashOrder | undefined): Document {
  const groups = new Map<string, Label[]>();
  doc.blocks.forEach((block, index) => {
    if (block.kind !== 'heading' && block.kind !== 'paragraph' && !(block.kind === 'item' && block.depth === 1)) return;
    const head = block.text.slice(0, 40);
    // A full date has a four-digit year: most lines are passed over without reading dates.
    if (!/\d{4}|[〇零]|[０-９]{4}/u.test(head)) return;
    const first = head.split('\n')[0]!.normalize('NFKC');
    const date = datesIn(first, order).at(-1);
    if (!date) return;
    const key = `${block.kind}:${block.depth}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ index, block, text: first.trim(), date });
  });
  for (const g of groups.values()) {
    if (g.length < 2 || !runWeekly(g)) continue;
    const lines = g.map((l) => l.block.line);
    const message = `lines ${lines.slice(0, 3).join(', ')}${lines.length > 3 ? ' …' : ''} are dated a week apart (${formatDate(g[0]!.date!)} … ${formatDate(g.at(-1)!.date!)}) but are no entry labels, so the file is read as one report of one week — start each week with a short label line (\`## ${formatDate(g[0]!.date!)}\`) to store each in its own week`;
    return { ...doc, warnings: [...doc.warnings, { line: lines[0]!, message }] };
  }
  return doc;
}

/** Copies of labels with years for the days written without one, to measure their spacing (a leap year: 2.29 is a day). */
function withYears(labels: readonly Label[]): Label[] {
  const copies = labels.map((l) => ({ ...l }));
  if (copies.some((l) => l.monthDay)) assignYears(copies, 2000);
  return copies;
}

/** The week of a month's week count in `year` (a week belongs to the month of its Thursday), as a week label. */
function setMonthWeek(label: Label, year: number): void {
  const thursday = monthWeekThursday(year, label.monthWeek!);
  if (!thursday) return;
  label.within = thursday;
  label.year = year;
}

/** Lines that may label an entry: a heading's or a one-line paragraph's text, short. */
function labelLines(blocks: readonly Block[]): { text: string; line: number }[] {
  return blocks
    .filter((b) => b.kind === 'heading' || (b.kind === 'paragraph' && b.depth === 0))
    .map((b) => ({ text: b.text.split('\n')[0]!.trim().normalize('NFKC'), line: b.line }))
    .filter((l) => l.text.length <= 40);
}

/**
 * How the file writes slash dates that could be read either way (`3/8/2024`): as its other slash dates
 * that tell (`3/15/2024` is month first) show; else the order in which the dated labels run a week apart
 * (3/1, 3/8, 3/15 month first are weekly; day first they are months apart). Null when nothing decides.
 */
function slashOrder(blocks: readonly Block[]): { order: SlashOrder; told?: number; line: number; example: string } | null {
  const lines = labelLines(blocks);
  const ambiguous = lines.filter((l) => ambiguousSlashDates(l.text).length);
  if (!ambiguous.length) return null;
  const example = ambiguous[0]!.text;
  const told = slashOrderOf(blocks.map((b) => b.text.normalize('NFKC')));
  if (told) {
    const by = blocks.find((b) => slashOrderOf([b.text.normalize('NFKC')]) === told)!;
    return { order: told, told: by.line, line: ambiguous[0]!.line, example };
  }
  if (lines.filter((l) => datesIn(l.text, 'dmy').length || datesIn(l.text, 'mdy').length).length < 2) return null;
  const weekly = (order: SlashOrder): number => {
    const days = lines.map((l) => datesIn(l.text, order).at(-1)).filter((d): d is Date => d !== undefined).map((d) => d.getTime() / DAY);
    let n = 0;
    for (let i = 1; i < days.length; i++) {
      const gap = Math.abs(days[i]! - days[i - 1]!);
      if (gap >= 6 && gap <= 15 && Math.round(gap) % 7 === 0) n++;
    }
    return n;
  };
  const [dmy, mdy] = [weekly('dmy'), weekly('mdy')];
  if (dmy === mdy) return null;
  return { order: dmy > mdy ? 'dmy' : 'mdy', line: ambiguous[0]!.line, example };
}

/** A year the file states outside its entries: in the text before the first entry, or in the file name. */
function contextYear(blocks: readonly Block[], firstEntry: number, fileName: string): number | undefined {
  for (const b of blocks.slice(0, firstEntry)) {
    const t = b.text.normalize('NFKC');
    const d = datesIn(t);
    if (d.length) return d[d.length - 1]!.getFullYear();
    const y = /(?<!\d)(20\d{2}|19\d{2})(?:\s*年|(?!\d))/.exec(t);
    if (y) return Number(y[1]);
  }
  const d = datesIn(fileName);
  if (d.length) return d[d.length - 1]!.getFullYear();
  const y = /(?<!\d)(20\d{2}|19\d{2})(?!\d)/.exec(fileName);
  return y ? Number(y[1]) : undefined;
}

/**
 * Years for labels written without one (`5.6-5.10`, `第19周`), from `base`: the entries run one way
 * (oldest or newest first, decided by most neighbouring pairs), and a jump back (forward, for newest
 * first) of more than half a year is the turn of a year. The earliest entry is in `base`.
 */
function assignYears(labels: Label[], base: number): void {
  const byDay = labels.filter((l) => l.monthDay);
  const byWeek = labels.filter((l) => l.week !== undefined && l.year === undefined && !l.date);
  const byMonthWeek = labels.filter((l) => l.monthWeek && l.monthWeek.year === undefined);
  const run = (seqIn: Label[], ord: (l: Label) => number, half: number, set: (l: Label, year: number) => void) => {
    if (!seqIn.length) return;
    let up = 0;
    let down = 0;
    for (let i = 1; i < seqIn.length; i++) {
      const d = ord(seqIn[i]!) - ord(seqIn[i - 1]!);
      if (d > 0 && d < half) up++;
      else if (d < 0 && d > -half) down++;
    }
    const seq = down > up ? [...seqIn].reverse() : seqIn;
    let year = base;
    seq.forEach((l, i) => {
      if (i > 0 && ord(l) - ord(seq[i - 1]!) <= -half) year++;
      set(l, year);
    });
  };
  run(byDay, (l) => l.monthDay!.month * 31 + l.monthDay!.day, 186, (l, year) => {
    l.year = year;
    const date = new Date(year, l.monthDay!.month - 1, l.monthDay!.day);
    if (date.getMonth() === l.monthDay!.month - 1) l.date = date;
  });
  run(byWeek, (l) => l.week!, 26, (l, year) => {
    l.year = year;
  });
  run(byMonthWeek, (l) => l.monthWeek!.month * 31 + l.monthWeek!.nth * 7, 186, (l, year) => setMonthWeek(l, year));
}

function hintOf(l: Label): DateHint {
  const hint: DateHint = { from: 'entry', text: l.text, line: l.block.line };
  if (l.date) hint.date = formatDate(l.date);
  if (l.within) hint.within = formatDate(l.within);
  if (l.week !== undefined) hint.week = l.week;
  if (l.year !== undefined && l.week !== undefined) hint.year = l.year;
  return hint;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Splits a document holding several dated entries into one document per entry. Entries are the
 * label blocks of one kind and level (the most numerous group of at least two), each running to
 * the next; several labels that all fall within one week (a daily log) are no split. Blocks before
 * the first entry stay out of every entry, with a warning when they hold a percentage. A document
 * without such labels comes back alone.
 */
export function splitEntries(doc: Document, fileName: string): Document[] {
  const groups = new Map<string, Label[]>();
  const slash = slashOrder(doc.blocks);
  doc.blocks.forEach((b, i) => {
    const l = labelOf(b, i, slash?.order, doc.blocks[i + 1]);
    if (!l) return;
    const key = `${b.kind}:${b.depth}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(l);
  });
  let labels: Label[] = [];
  for (const g of groups.values()) if (g.every((l) => !l.inline) && g.length > labels.length) labels = g;
  // Dated list items and summary headings are entries only in a file with no other dated labels, and only when
  // they run weekly (with the plain labels of their kind and level among them); else only the plain labels count.
  if (labels.length < 2) {
    for (const g of groups.values()) if (g.some((l) => l.inline) && g.length >= 2 && g.length > labels.length && runWeekly(withYears(g))) labels = g;
  }
  if (labels.length < 2) {
    for (const g of groups.values()) {
      const plain = g.filter((l) => !l.inline);
      if (plain.length > labels.length) labels = plain;
    }
  }
  if (labels.length < 2) return [unsplit(doc, slash?.order)];
  // An entry written one heading level off (`## 2024-W20` among `### 5.6-5.10` entries) is an entry too:
  // any label heading at the same level or above, after the first entry.
  const main = labels[0]!.block;
  if (main.kind === 'heading') {
    const stray = [...groups.values()].flat().filter((l) => l.block.kind === 'heading' && l.block.depth < main.depth && l.index > labels[0]!.index);
    if (stray.length) labels = [...labels, ...stray].sort((a, b) => a.index - b.index);
  }

  const warnings: Warning[] = [];
  if (labels.some((l) => l.monthDay || (l.monthWeek && l.year === undefined) || (l.week !== undefined && l.year === undefined && !l.date))) {
    const stated = labels.find((l) => l.date)?.date?.getFullYear() ?? labels.find((l) => l.year !== undefined)?.year ?? contextYear(doc.blocks, labels[0]!.index, fileName);
    if (stated !== undefined) assignYears(labels, stated);
    else warnings.push({ line: labels[0]!.block.line, message: `the entries (${labels.map((l) => l.text).slice(0, 3).join(', ')} …) name no year, and neither does the title or the file name — add the year to the title` });
  }
  if (slash) {
    const message = slash.told
      ? slash.order === 'mdy'
        ? `dates such as ${slash.example} are read month first, as the date on line ${slash.told} shows`
        : `dates such as ${slash.example} are read day first, as the date on line ${slash.told} shows`
      : slash.order === 'mdy'
        ? `dates such as ${slash.example} are read month first, so that the entries run a week apart`
        : `dates such as ${slash.example} are read day first, so that the entries run a week apart`;
    warnings.push({ line: slash.line, message });
  }
  const counted = labels.find((l) => l.within);
  if (counted) warnings.push({ line: counted.block.line, message: `entries such as "${counted.text}" count weeks within their month: a week belongs to the month of its Thursday (${formatDate(counted.within!)}) — give --week if your team counts otherwise` });
  for (const l of labels) if (l.monthWeek && !l.within && l.year !== undefined) warnings.push({ line: l.block.line, message: `the entry "${l.text}" names a week its month does not have; it gets no week` });
  // Days of one week (`### 5.6`, `### 5.7` …) are one report's daily log, not several reports.
  const dated = labels.filter((l) => l.date).map((l) => l.date!.getTime());
  const weeks = new Set(labels.filter((l) => l.week !== undefined && !l.date).map((l) => `${l.year ?? ''}-${l.week}`));
  // (years were assigned above, so `第52周` and `第1周` of two years stay apart)
  if (dated.length === labels.length && Math.max(...dated) - Math.min(...dated) < 6 * DAY) return [doc];
  if (weeks.size === 1 && labels.every((l) => !l.date)) return [doc];

  const first = labels[0]!.index;
  const preamble = doc.blocks.slice(0, first).filter((b) => b.kind !== 'heading' && /[%％]/u.test(b.text));
  if (preamble.length) {
    warnings.push({ line: preamble[0]!.line, message: `${preamble.length} block(s) with figures stand before the first dated entry (line ${labels[0]!.block.line}); they belong to no week and are not read` });
  }
  return labels.map((l, k) => {
    const end = k + 1 < labels.length ? labels[k + 1]!.index : doc.blocks.length;
    const blocks = doc.blocks.slice(l.index, end);
    if (l.rest !== undefined) blocks[0] = { ...blocks[0]!, text: [l.rest, ...blocks[0]!.text.split('\n').slice(1)].join('\n') };
    if (l.summary !== undefined) summarise(blocks, l.text, l.summary);
    const part: Document = {
      ...doc,
      blocks,
      warnings: k === 0 ? [...doc.warnings, ...warnings] : [...warnings.filter((w) => !w.message.includes('before the first') && !w.message.includes('count weeks within') && !w.message.includes('are read'))],
      entry: { label: l.text, line: l.block.line, index: k, count: labels.length },
      hint: hintOf(l),
    };
    return part;
  });
}

/** A date or week in a file's name (`第03周 2022-01-14.md`, `2025-W46 周报.md`), as a hint for when the text has none. */
export function fileNameHint(fileName: string): DateHint | undefined {
  // An export's content hash (Notion's `周报 2024-03-15 3f8a20231101bc4d….md`) is no date, whatever digits it holds.
  const path = fileName.normalize('NFKC').replace(/(?<![\p{L}\p{N}])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,}(?![\p{L}\p{N}])/giu, ' ');
  const base = path.replace(/^.*[\\/]/, '');
  const own = nameHint(base);
  if (own) return own;
  // Year, month and day as folders (`2024/03/15.md`, `2024/03/15/周报.md`).
  const parts = path.replace(/\.[^./\\]+$/, '').split(/[\\/]/);
  for (let end = parts.length; end >= Math.max(3, parts.length - 1); end--) {
    const ymd = parts.slice(end - 3, end);
    if (ymd.length === 3 && /^(?:19|20)\d\d$/.test(ymd[0]!) && ymd.slice(1).every((p) => /^\d{1,2}$/.test(p))) {
      const hint = nameHint(ymd.join('-'));
      if (hint?.date) return { ...hint, text: `${ymd.join('/')}/${base}` };
    }
  }
  // A file with no date in its name, in a dated folder (`2024-03-15/周报.md`, `2024-W11/report.md`):
  // the nearest folder (of the last three) that holds a date or a week with its year.
  const folders = path.split(/[\\/]/).slice(0, -1).reverse().slice(0, 3);
  for (const folder of folders) {
    const hint = nameHint(folder);
    if (hint && (hint.date || hint.year !== undefined)) return { ...hint, text: `${folder}/${base}` };
  }
  return undefined;
}

function nameHint(base: string): DateHint | undefined {
  const dates = datesIn(base);
  const week = labelIn(base);
  if (!dates.length && !week) return undefined;
  const hint: DateHint = { from: 'file-name', text: base, line: 1 };
  if (dates.length) hint.date = formatDate(dates[dates.length - 1]!);
  if (week) {
    hint.week = week.week;
    if (week.year !== undefined) hint.year = week.year;
  }
  return hint;
}
