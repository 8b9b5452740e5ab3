// The report's week, date and title from its title lines: `第16周 2023-04-14`, `2023年第16周`, `W16 (…)`, `第十六周`.

import type { Block, DateHint, Warning, WeekId, WeekScheme } from '../model/types.js';
import { formatDate, formatWeekId, isValidWeek, parseDate, parseWeekId, weekOfDate, weeksBetween, weeksInYear } from '../model/week.js';
import { ambiguousSlashDates, datesIn, englishDayIn, labelIn, monthOfReport, monthWeekIn, monthWeekThursday, slashOrderOf, yearlessRangeIn, type MonthWeek, type SlashOrder } from '../model/label.js';
import { nfkc } from './text.js';

export { datesIn, labelIn } from '../model/label.js';

export interface WeekInfo {
  week: WeekId | null;
  date: string | null;
  title: string;
  warnings: Warning[];
  /** Why a written label or date gave no week (see Extraction.weekProblem). */
  problem?: string;
}

/** Dates before this year are taken for typos, not report dates. */
const EARLIEST_YEAR = 1990;
const DAY_MS = 86_400_000;

/**
 * Why a report date cannot be believed, or null: before 1990, more than a year after `today`, or past
 * year 9998 (whose last week would belong to year 10000). Such a date gives no week: `--week` must.
 */
export function implausibleDate(date: Date, today?: string): string | null {
  const y = date.getUTCFullYear();
  const shown = formatDate(date);
  if (y < EARLIEST_YEAR) return `the date ${shown} is before ${EARLIEST_YEAR}`;
  const now = today ? parseDate(today) : null;
  if (now && date.getTime() - now.getTime() > 366 * DAY_MS) return `the date ${shown} is more than a year after today (${today})`;
  if (y > 9998) return `the date ${shown} is out of range`;
  return null;
}

interface Label {
  week: number;
  /** The first week of a range (`第41-42周`): the report is stored in the last. */
  from?: number;
  /** A year written with the label (`2023年第16周`, `Week 16, 2023`). */
  year?: number;
  line: number;
}

interface Found {
  date: Date;
  line: number;
  /** The title says the report is about the week before its date (`上周工作总结 2024-03-18`). */
  lastWeek?: boolean;
  /** Taken from a mail's Date header or the file name, not from the title lines. */
  fromHint?: boolean;
  /** The first day of the period the title gives (`Sprint 23 (Oct 7–18, 2024)`), when it has one. */
  start?: Date;
  /** A monthly report's month (`2024年10月 月报`): dated by the month's last day. */
  month?: string;
}

/** A title about the week before the day it is dated: `上周工作总结 2024-03-18`, `Last week's report – 2024-03-18`. */
const LAST_WEEK_TITLE = /^[\s#*【\[(（]*(?:上周|上週)(?![一二三四五六日天末])|上[周週](?:工作|总结|總結|周报|週報|进展|進展|回顾|汇报|小结)|\blast\s+week'?s?\s+(?:report|summary|update|progress|recap|review)|\brecap\s+of\s+last\s+week/iu;

/** Last week's date given beside the report's own (`周报 2024-01-05（上周 2023-12-29）`) is context: left out. */
const LAST_WEEK_ASIDE = /(?:[（(\[【]|[,，;；|]\s*)\s*(?:上周|上週|上期|上次|last\s+week|prev(?:ious)?(?:\s+week)?)[^)）\]】,，;；|]*/giu;

/** The report's date in a title line: the last date (the end of a range), leaving out last week's. */
function titleDate(text: string, order?: SlashOrder): { date: Date; lastWeek: boolean; start?: Date } | null {
  const own = datesIn(text.replace(LAST_WEEK_ASIDE, ' '), order);
  if (!own.length) return null;
  let date = own[own.length - 1]!;
  // A range whose end has no year of its own (`2022年2月14日—2月25日`, a fortnight): the end, in the start's year.
  const r = own.length === 1 ? yearlessRangeIn(text) : null;
  if (r && r.from.month === date.getMonth() + 1 && r.from.day === date.getDate()) {
    const end = new Date(r.to.month < r.from.month ? date.getFullYear() + 1 : date.getFullYear(), r.to.month - 1, r.to.day);
    if (end.getMonth() === r.to.month - 1 && end.getTime() > date.getTime() && end.getTime() - date.getTime() < 31 * DAY_MS) date = end;
  }
  // Written on Monday to Wednesday about the week before: one date, no range.
  const lastWeek = own.length === 1 && LAST_WEEK_TITLE.test(text) && !yearlessRangeIn(text) && date.getDay() >= 1 && date.getDay() <= 3;
  return { date, lastWeek, ...periodStart(text, own, date) };
}

/**
 * The first day of a period a title line gives with its last (`2024.10.08-2024.10.19`, `Oct 7–18, 2024`,
 * `2 Dec – 13 Dec 2024`), when the two lie at most 45 days apart.
 */
function periodStart(text: string, own: readonly Date[], end: Date): { start?: Date } {
  let start: Date | undefined = own.length >= 2 ? own[own.length - 2] : undefined;
  if (!start) {
    const r = yearlessRangeIn(text);
    if (r && r.to.month === end.getMonth() + 1 && r.to.day === end.getDate()) {
      start = new Date(r.from.month > r.to.month ? end.getFullYear() - 1 : end.getFullYear(), r.from.month - 1, r.from.day);
    }
  }
  const days = start ? (end.getTime() - start.getTime()) / DAY_MS : -1;
  return start && days > 0 && days <= 45 ? { start } : {};
}

/**
 * A mail (or a file named by its day) sent after the week it reports on: the week's days without a year in the
 * title lines (`周报（3.11-3.15）` sent 2024-03-18) give the date, in the year nearest the sending; else title lines
 * that speak of last week (`上周工作汇报`, `Last week's update`) with no word of this week, sent Monday to
 * Wednesday, are the week before (warned where the week is decided).
 */
function sentAfterTheWeek(candidates: readonly Block[], sent: Found, warnings: Warning[]): Found {
  const lines = candidates.flatMap((b) => b.text.split('\n').map((t, i) => ({ text: t.normalize('NFKC'), line: b.line + i })));
  for (const l of lines) {
    // The week's days (`周报（3.11-3.15）`) or an English day of it (`Status for the week ending 11 October`).
    const day = datesIn(l.text).length || !WEEK_WORDS.test(l.text) ? null : englishDayIn(l.text);
    const r = datesIn(l.text).length ? null : (yearlessRangeIn(l.text) ?? (day ? { from: day, to: day } : null));
    if (!r) continue;
    const y = sent.date.getFullYear();
    const ends = [y - 1, y].map((yy) => new Date(r.to.month < r.from.month ? yy + 1 : yy, r.to.month - 1, r.to.day)).filter((d) => d.getMonth() === r.to.month - 1 && d.getTime() <= sent.date.getTime() + 7 * DAY_MS);
    const near = ends.sort((a, b) => Math.abs(a.getTime() - sent.date.getTime()) - Math.abs(b.getTime() - sent.date.getTime()))[0];
    if (near && Math.abs(near.getTime() - sent.date.getTime()) < 60 * DAY_MS) return { date: near, line: l.line };
  }
  const day = sent.date.getDay();
  if (day < 1 || day > 3) return sent;
  const talk = lines.find((l) => LAST_WEEK_TITLE.test(l.text));
  if (!talk || lines.some((l) => THIS_WEEK.test(l.text.replace(LAST_WEEK_TITLE, '')) && l.line <= talk.line)) return sent;
  return { ...sent, line: talk.line, lastWeek: true };
}

/** A line about a week or a report, where a lone day names the report's week (not `the launch moved to Nov 30`). */
const WEEK_WORDS = /\bweek|\bw\/[ce]\b|\bweekly\b|\bstatus\b|\breport\b|\bupdate\b|周报|週報/iu;

/** Words of the week the report is written in: a mail that has them is about its own week. */
const THIS_WEEK = /本周|本週|这周|這週|this\s+week/iu;

/** How many leading blocks may carry the title, label and date. */
const TITLE_BLOCKS = 8;

/** Each metadata label list lowercased, once per list (not once per line and label). */
const LOWERED = new WeakMap<readonly string[], string[]>();

function isMetadata(text: string, labels: readonly string[]): boolean {
  const t = text.trim();
  const lt = t.toLowerCase();
  let lower = LOWERED.get(labels);
  if (!lower) LOWERED.set(labels, (lower = labels.map((l) => l.toLowerCase())));
  return labels.some((l, k) => {
    if (!lt.startsWith(lower[k]!)) return false;
    const rest = t.slice(l.length).trimStart();
    return rest.startsWith(':') || rest.startsWith('：') || rest.startsWith('=');
  });
}

/**
 * Combines a label with a date's week-year: the label wins, the year comes from the date, and a
 * label far from the date's week across a year boundary belongs to the neighbouring year
 * (第01周 dated 2022-12-28 is 2023-W01; 第52周 dated 2023-01-02 is 2022-W52).
 */
export function combineLabelAndDate(label: number, date: Date, scheme: WeekScheme): WeekId {
  const { year, week } = parseWeekId(weekOfDate(date, scheme));
  let y = year;
  if (label - week > 26) y = year - 1;
  else if (week - label > 26) y = year + 1;
  return formatWeekId(y, label);
}

/** How many years back a week's range of days without a year is looked for (Monday to Friday recurs within 11 years). */
const WEEKDAY_YEARS = 11;

/**
 * The last day of a week's range written without a year (`12/25 – 12/29`), in the latest year not after
 * `today` in which its first day is a Monday and it spans 4–6 days (Monday to Friday, Saturday or Sunday), or
 * 11–13 (two such weeks: a sprint, a 双周报): how a reader dates a report whose title gives only the days. Null
 * when no such year.
 */
export function dateOfWorkweek(text: string, today: string): Date | null {
  const r = yearlessRangeIn(text);
  const now = parseDate(today);
  if (!r || !now) return null;
  for (let y = now.getFullYear(); y > now.getFullYear() - WEEKDAY_YEARS; y--) {
    const from = new Date(y, r.from.month - 1, r.from.day);
    const to = new Date(r.to.month < r.from.month ? y + 1 : y, r.to.month - 1, r.to.day);
    if (from.getMonth() !== r.from.month - 1 || to.getMonth() !== r.to.month - 1) continue;
    const days = Math.round((to.getTime() - from.getTime()) / DAY_MS);
    // One working week, or two (a sprint, a 双周报: `Oct 7–18`).
    if (from.getDay() === 1 && ((days >= 4 && days <= 6) || (days >= 11 && days <= 13)) && to.getTime() <= now.getTime()) return to;
  }
  return null;
}

/** An item stating the report's period or date. */
const PERIOD_ITEM = /^\s*(?:报告周期|统计周期|汇报周期|报告日期|汇报日期|填报日期|提交日期|周期|日期|date|report date|period|week)\s*[:：]/iu;

/** A header cell naming the report's date or period (a Word template's `| 报告人 | 日期 |` table). */
const PERIOD_HEADER = /^\s*(?:报告|汇报|填报|提交|统计)?(?:日期|周期)\s*$|^\s*(?:report\s+)?(?:date|period)\s*$/iu;

/**
 * A table row among the title lines, read as `日期：2024-03-15` for each cell under a date or period header;
 * none from a row with a figure (`| 支付改造 | 60% | 2024-04-30 |` is a milestone's date, not the report's).
 */
function periodCells(b: Block): Block[] {
  const header = b.header ?? [];
  if ((b.cells ?? []).some((c) => /[%％]/u.test(c))) return [];
  return (b.cells ?? []).flatMap((cell, i) => {
    const h = header[i] ?? '';
    return PERIOD_HEADER.test(nfkc(h).replace(/[*_`]/g, '')) && cell.trim() ? [{ ...b, kind: 'item' as const, text: `${h.trim()}：${cell.trim()}` }] : [];
  });
}

/** The week of an entry label (`## 2024-W19`, `2023年3月17日周报`, `### 5.6-5.10` with its year found by the reader). */
function weekOfHint(hint: DateHint, fallbackDate: Date | null, scheme: WeekScheme): WeekId | null {
  const date = (hint.date ? parseDate(hint.date) : null) ?? (hint.within ? parseDate(hint.within) : null) ?? fallbackDate;
  if (hint.week !== undefined) {
    if (hint.year !== undefined) return formatWeekId(hint.year, hint.week);
    return date ? combineLabelAndDate(hint.week, date, scheme) : null;
  }
  return date ? weekOfDate(date, scheme) : null;
}

/**
 * Week, date and title of a document from its first blocks. A reader's `hint` decides too: an
 * entry label (one of several dated entries of a file) wins over the title lines; a mail's Date
 * header or a date in the file name is used only when the title lines have none.
 */
export function findWeek(blocks: readonly Block[], scheme: WeekScheme, metadataLabels: readonly string[], hint?: DateHint, today?: string): WeekInfo {
  const warnings: Warning[] = [];
  let problem: string | undefined;
  const heading = blocks.find((b) => b.kind === 'heading' && b.text.trim());
  const firstText = blocks.find((b) => b.text.trim() && !isMetadata(b.text, metadataLabels));
  const title = (heading ?? firstText)?.text.split('\n')[0]?.trim() ?? '';

  // Title lines: the leading blocks (headings first), never export metadata nor list items of the body.
  // A list item counts only when it labels the report's period (`- **报告周期**: 2026-02-02 至 2026-02-06`).
  const lead: Block[] = [];
  for (let k = 0; k < blocks.length && k < TITLE_BLOCKS; k++) {
    const b = blocks[k]!;
    for (const x of b.kind === 'row' ? periodCells(b) : [b]) {
      if (x.kind === 'heading' || x.kind === 'paragraph' || (x.kind === 'item' && PERIOD_ITEM.test(nfkc(x.text)))) lead.push(x);
    }
  }
  const candidates = [...lead.filter((b) => b.kind === 'heading'), ...lead.filter((b) => b.kind !== 'heading')];
  let label: Label | null = null;
  let found: Found | null = null;
  let monthWeek: (MonthWeek & { line: number; text: string }) | null = null;
  let order: SlashOrder | null | undefined;
  for (const b of candidates) {
    for (const [i, raw] of b.text.split('\n').entries()) {
      const text = nfkc(raw);
      if (isMetadata(text, metadataLabels)) continue;
      const line = b.line + i;
      // In a body paragraph a week label is a title only on a title-like line (short, no clauses, or beside a date):
      // `春节后第三周，院方人员全部到岗…` tells a story.
      const titleLike = b.kind === 'heading' || text.trim().length <= 20 || !/[,;。]/u.test(text) || datesIn(text).length > 0;
      if (!label && titleLike) {
        const l = labelIn(text);
        if (l) label = { ...l, line };
        const mw = l ? null : monthWeekIn(text);
        if (mw && !monthWeek) monthWeek = { ...mw, line, text: text.trim() };
      }
      if (!found) {
        // `04/10/2024` is read in the order the report's other slash dates show (`due 04/26/2024`: month first).
        if (order === undefined && ambiguousSlashDates(text).length) order = slashOrderOf(blocks.map((x) => x.text.normalize('NFKC'))) ?? null;
        const t = titleDate(text, order ?? undefined);
        if (t) found = { date: t.date, line, ...(t.lastWeek ? { lastWeek: true } : {}), ...(t.start ? { start: t.start } : {}) };
      }
    }
    if ((label || monthWeek) && found) break;
  }

  // The title's own days without a year (`# 周报 3.11-3.15`) over a date further down (`最后更新：2024-03-20`,
  // an edit stamp): that date gives only the year.
  if (found && hint?.from !== 'entry') {
    const first = candidates[0];
    const text = first ? nfkc(first.text.split('\n')[0]!) : '';
    const r = first && first.line < found.line && !datesIn(text).length ? yearlessRangeIn(text) : null;
    if (r) {
      const near = [-1, 0, 1]
        .map((k) => {
          const y = found!.date.getFullYear() + k;
          const to = new Date(r.to.month < r.from.month ? y + 1 : y, r.to.month - 1, r.to.day);
          return to.getMonth() === r.to.month - 1 ? to : null;
        })
        .filter((d): d is Date => d !== null)
        .sort((a, b) => Math.abs(a.getTime() - found!.date.getTime()) - Math.abs(b.getTime() - found!.date.getTime()))[0];
      if (near && Math.abs(near.getTime() - found.date.getTime()) < 183 * DAY_MS) found = { date: near, line: first!.line };
    }
  }
  if (hint?.from === 'entry') {
    const week = weekOfHint(hint, found?.date ?? null, scheme);
    if (week && isValidWeek(week, scheme)) return { week, date: hint.date ?? (found ? formatDate(found.date) : null), title, warnings };
    if (week) warnings.push({ line: hint.line, message: `the entry "${hint.text}" names ${week}, which does not exist` });
  } else if (hint && !found && hint.date) {
    const d = parseDate(hint.date);
    if (d) found = { date: d, line: hint.line, fromHint: true };
    if (found && !label) found = sentAfterTheWeek(candidates, found, warnings);
  }
  // Only days, no year (`Weekly digest（12/25 – 12/29）`): the latest year in which they run Monday to Friday.
  if (!found && label?.year === undefined && today && hint?.from !== 'entry') {
    outer: for (const b of candidates) {
      for (const [i, raw] of b.text.split('\n').entries()) {
        const text = nfkc(raw);
        // A year written elsewhere on the line (`2021年 …（6/2 – 6/6）`) is not overruled by a guess.
        if (isMetadata(text, metadataLabels) || /(?<!\d)(?:19|20)\d\d(?!\d)/u.test(text)) continue;
        const d = dateOfWorkweek(text, today);
        if (!d) continue;
        found = { date: d, line: b.line + i, ...periodStart(text, [], d) };
        warnings.push({ line: b.line + i, message: `the title gives days but no year; ${formatDate(d)} is the latest week they run Monday to Friday — give --week if that is wrong` });
        break outer;
      }
    }
  }
  // A monthly report (`2024年10月 项目月报`, `Monthly status — October 2024`): the week of the month's last day.
  if (!found && !label && !monthWeek && hint?.from !== 'entry') {
    const lines = candidates.flatMap((b) => b.text.split('\n').map((t, i) => ({ text: nfkc(t), line: b.line + i }))).filter((l) => !isMetadata(l.text, metadataLabels));
    const all = lines.map((l) => l.text).join('\n');
    for (const l of lines) {
      const m = monthOfReport(l.text, all);
      if (!m) continue;
      found = { date: new Date(m.year, m.month, 0), line: l.line, month: `${m.year}-${String(m.month).padStart(2, '0')}` };
      break;
    }
  }
  // Only an edit stamp among the title lines gives a date (`更新时间：2025-09-26（周五）｜封板 2025-10-09`, `Updated: …`):
  // its own date (the first on the line) is the best guess of the report's week, said in a warning — not no week.
  if (!found && !label && !monthWeek && hint?.from !== 'entry') {
    outer: for (const b of candidates) {
      for (const [i, raw] of b.text.split('\n').entries()) {
        const text = nfkc(raw);
        // An edit stamp, not an export's creation or export date (a page created or exported long after its week).
        if (!isMetadata(text, metadataLabels) || !/^\s*(?:本页)?(?:更新|修改|最后编辑|最后更新|last edited|last updated|updated|edited)/iu.test(text)) continue;
        const d = datesIn(text)[0];
        if (!d) continue;
        found = { date: d, line: b.line + i };
        warnings.push({ line: b.line + i, message: `no date in the title; the week is taken from the edit stamp (${formatDate(d)}) — give --week if the report is of another week` });
        break outer;
      }
    }
  }
  // An implausible date (2999, 1900, 9999-12-31) is a warning and gives no week: --week must (issue 8).
  if (found) {
    const why = implausibleDate(found.date, today);
    if (why) {
      problem = `${why}; no week is taken from it`;
      warnings.push({ line: found.line, message: `${problem} — give the week with --week` });
      found = null;
    }
  }
  // A label no year has (第60周, 第0周) is explained as such, not as a week missing from some year.
  if (label && (label.week < 1 || label.week > 53)) {
    const fallback = found ? weekOfDate(found.date, scheme) : null;
    warnings.push({
      line: label.line,
      message: `week label 第${label.week}周 cannot be a week (a year has 52 or 53)${fallback ? `; using the date's week ${fallback}` : ''}`,
    });
    if (!fallback) problem ??= `week label 第${label.week}周 cannot be a week (a year has 52 or 53) and the title has no date`;
    label = null;
  }
  const date = found ? formatDate(found.date) : null;
  if (found?.lastWeek) {
    const before = new Date(found.date.getFullYear(), found.date.getMonth(), found.date.getDate() - 7);
    warnings.push({ line: found.line, message: `the title speaks of last week: dated ${date}, the report is of ${weekOfDate(before, scheme)} — give --week if that is wrong` });
    found = { ...found, date: before };
  }
  let week: WeekId | null = null;
  if (!label && monthWeek) {
    // `2024年3月第2周`: the week that holds the month's 2nd Thursday (README: a week belongs to the month of its Thursday).
    const year = monthWeek.year ?? found?.date.getFullYear() ?? (hint?.date ? parseDate(hint.date)?.getFullYear() : undefined) ?? hint?.year;
    const thursday = year !== undefined ? monthWeekThursday(year, monthWeek) : null;
    const mwWeek = thursday ? weekOfDate(thursday, scheme) : null;
    const named = `${monthWeek.month}月第${monthWeek.nth}周`;
    if (found && !found.fromHint) {
      // A date on the title lines says which week is meant; it wins over the count.
      const own = weekOfDate(found.date, scheme);
      if (mwWeek && own !== mwWeek) warnings.push({ line: monthWeek.line, message: `${named} counts to ${mwWeek} (a week belongs to the month of its Thursday) but the date ${date} falls in ${own}; using the date` });
      week = own;
    } else if (mwWeek) {
      const monday = new Date(thursday!.getFullYear(), thursday!.getMonth(), thursday!.getDate() - 3);
      const sunday = new Date(thursday!.getFullYear(), thursday!.getMonth(), thursday!.getDate() + 3);
      warnings.push({ line: monthWeek.line, message: `${named} is read as ${formatDate(monday)} – ${formatDate(sunday)} (${mwWeek}): a week belongs to the month of its Thursday — give --week if your team counts otherwise` });
      week = mwWeek;
    } else {
      if (found) week = weekOfDate(found.date, scheme);
      const message =
        year === undefined
          ? `${named} names no year and the title has no date — give the week with --week`
          : week
            ? `${year}年${named} does not exist (the month has fewer weeks whose Thursday falls in it); using the date's week ${week}`
            : `${year}年${named} does not exist (the month has fewer weeks whose Thursday falls in it) — give the week with --week`;
      warnings.push({ line: monthWeek.line, message });
      if (!week) problem ??= year === undefined ? `${named} names no year and the title has no date` : `${year}年${named} does not exist (the month has fewer weeks whose Thursday falls in it)`;
    }
  } else if (label) {
    if (label.year !== undefined) week = formatWeekId(label.year, label.week);
    else if (found) week = combineLabelAndDate(label.week, found.date, scheme);
    if (week && !isValidWeek(week, scheme)) {
      const { year } = parseWeekId(week);
      const fallback = found ? weekOfDate(found.date, scheme) : null;
      warnings.push({
        line: label.line,
        message: `week label ${label.week} does not exist in ${year} (it has ${weeksInYear(year, scheme)} weeks)${fallback ? `; using the date's week ${fallback}` : ''}`,
      });
      week = fallback;
    } else if (week && found) {
      const own = weekOfDate(found.date, scheme);
      // One week apart is the ISO/reporter difference, not a mistake worth a warning.
      if (Math.abs(weeksBetween(own, week, scheme)) > 1) {
        warnings.push({ line: label.line, message: `the label says ${week} but the date ${date} falls in ${own}; using the label` });
      }
    }
    if (!week && !found) {
      warnings.push({ line: label.line, message: `week label ${label.week} has no year and the title has no date` });
    }
  } else if (found) {
    week = weekOfDate(found.date, scheme);
  }
  // A period longer than a week (a sprint, a 双周报, `第41-42周`) is stored in the week of its last day, said each time.
  if (week && label?.from !== undefined && label.week === parseWeekId(week).week) {
    warnings.push({ line: label.line, message: `the title covers weeks ${label.from}–${label.week}; the report is stored in the last, ${week} — give --week if that is wrong` });
  } else if (week && found?.month) {
    warnings.push({ line: found.line, message: `a monthly report (${found.month}) is stored in the week of the month's last day, ${week} — give --week if that is wrong` });
  } else if (week && !label && !monthWeek && found?.start && weekOfDate(found.start, scheme) !== week) {
    warnings.push({ line: found.line, message: `the title covers ${formatDate(found.start)} – ${date}, more than one week; the report is stored in the week of its last day, ${week} — give --week if that is wrong` });
  }
  if (!week && hint && hint.from !== 'entry' && hint.week !== undefined && hint.year !== undefined) {
    const w = formatWeekId(hint.year, hint.week);
    if (isValidWeek(w, scheme)) week = w;
  }
  return { week, date, title, warnings, ...(problem && !week ? { problem } : {}) };
}
