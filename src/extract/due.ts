// Stated due dates: `预计5月底上线`, `计划完成：2024-05-30`, `预计6/15提测`, `ETA 2024-06-15`, a 计划完成/Due/Target cell → `YYYY-MM-DD`.
/*
 * A date counts as a due date only after a word that says so (预计, 计划, 目标, 截止, Due, ETA,
 * Target, Deadline …), a few characters before it, or in a table column whose header says so.
 * A date without a year takes the year that puts it nearest after the report's date (a report
 * of December saying `预计1月底` means next January); without a report date, no year is guessed.
 * Periods of a month are read as their last day: `5月底/月末/下旬` → the month's last day,
 * `5月中旬` → the 20th, `5月中` → the 15th, `5月初/上旬` → the 10th.
 */

import { nfkc } from './text.js';

/** What a report says an item is due, and how it says it. */
export interface StatedDue {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The words as written (`预计5月底上线`), for `check` and `show`. */
  text: string;
}

/** Words that make the date after them a due date (lower case; matched on NFKC text). */
export const DUE_WORDS = [
  '预计完成',
  '计划完成',
  '预计上线',
  '计划上线',
  '预计交付',
  '计划交付',
  '预计',
  '计划',
  '预期',
  '目标',
  '截止',
  'deadline',
  'due',
  'eta',
  'target',
  'planned',
] as const;

/** Table headers whose cells are due dates. */
const DUE_HEADER = /^(?:预计|计划)(?:完成|上线|交付|结束)(?:时间|日期)?$|^(?:截止|交付|上线|完成)(?:时间|日期)$|^(?:due(?: date)?|eta|target(?: date)?|deadline|planned(?: date)?|计划|预计)$/i;

/** What may stand between a due word and its date: `计划完成时间：`, `预计于` (sticky: matched where the word ends). */
const GAP = /[\s:：,，]*(?:时间|日期|于|在|为|是|date|by|on)?[\s:：]*/iy;

const FULL = /(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号]|(底|末|下旬|中旬|中|初|上旬)))/y;
const MONTH_DAY = /(\d{1,2})\s*(?:\/\s*(\d{1,2})|月\s*(?:(\d{1,2})\s*[日号]?|(底|末|下旬|中旬|中|初|上旬)))/y;

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayOfPeriod(period: string, year: number, month: number): number {
  switch (period) {
    case '初':
    case '上旬':
      return 10;
    case '中':
      return 15;
    case '中旬':
      return 20;
    default:
      return lastDay(year, month);
  }
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The year that puts month/day nearest after (or up to ~2 months before) the report's date. */
function yearFor(month: number, reference: string | null): number | null {
  if (!reference) return null;
  const m = /^(\d{4})-(\d{2})/.exec(reference);
  if (!m) return null;
  const year = Number(m[1]);
  const refMonth = Number(m[2]);
  // A report of November saying "due in February" means next year; one of March saying "January" is late.
  return month < refMonth - 2 ? year + 1 : year;
}

/** A date starting exactly at `at` in `s`: its ISO form and where it ends. */
function dateAt(s: string, at: number, reference: string | null): { date: string; end: number } | null {
  FULL.lastIndex = at;
  let m = FULL.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2] ?? m[4]);
    const day = m[3] ? Number(m[3]) : m[5] ? Number(m[5]) : dayOfPeriod(m[6]!, year, month);
    const date = iso(year, month, day);
    return date ? { date, end: FULL.lastIndex } : null;
  }
  MONTH_DAY.lastIndex = at;
  m = MONTH_DAY.exec(s);
  if (m) {
    const month = Number(m[1]);
    const year = yearFor(month, reference);
    if (year === null) return null;
    const day = m[2] ? Number(m[2]) : m[3] ? Number(m[3]) : dayOfPeriod(m[4]!, year, month);
    // `6/15%` is no date.
    if (/^\s*%/.test(s.slice(MONTH_DAY.lastIndex))) return null;
    const date = iso(year, month, day);
    return date ? { date, end: MONTH_DAY.lastIndex } : null;
  }
  return null;
}

/** A verb right after the date, kept in the phrase as written (sticky). */
const VERB = /(?:前|之前)?(?:上线|提测|完成|交付|发布|结束)/uy;

const WORDS_RE = new RegExp(`(${[...DUE_WORDS].sort((a, b) => b.length - a.length).join('|')})`, 'giu');

/**
 * The first due date a line states, or null. `reference` is the report's date (`YYYY-MM-DD`),
 * which gives a date written without a year its year.
 */
export function findDue(text: string, reference: string | null): StatedDue | null {
  const s = nfkc(text);
  WORDS_RE.lastIndex = 0;
  for (let m = WORDS_RE.exec(s); m; m = WORDS_RE.exec(s)) {
    const word = m[0];
    // Latin words only as whole words (`eta` in `beta`, `due` in `residue` are not due words).
    if (/^[a-z]/i.test(word) && (/[a-z]/i.test(s[m.index - 1] ?? '') || /[a-z]/i.test(s[m.index + word.length] ?? ''))) continue;
    const after = m.index + word.length;
    GAP.lastIndex = after;
    const gap = GAP.exec(s)![0].length;
    const found = dateAt(s, after + gap, reference);
    if (!found) continue;
    // The phrase as written: the due word, the date, and a verb right after it (`上线`, `提测`).
    VERB.lastIndex = found.end;
    const verb = VERB.exec(s)?.[0] ?? '';
    return { date: found.date, text: s.slice(m.index, found.end + verb.length).trim() };
  }
  return null;
}

/** True when a table header names a due-date column (`计划完成`, `Due`, `Target`, `ETA`, `截止日期`). */
export function isDueHeader(header: string): boolean {
  return DUE_HEADER.test(nfkc(header).replace(/\s+/g, ' ').trim());
}

/** A table cell under a due-date column: the whole cell is a date (`2024-05-30`, `5月底`, `6/15`). */
export function dueOfCell(cell: string, reference: string | null): StatedDue | null {
  const s = nfkc(cell).trim();
  if (!s) return null;
  const found = dateAt(s, 0, reference);
  if (!found) return null;
  // A cell that goes on with more than a verb or a remark in brackets is not a date cell.
  const rest = s.slice(found.end).trim();
  if (rest && !/^(?:前|之前|左右)?(?:上线|提测|完成|交付|发布)?(?:[（(].*[)）])?$/u.test(rest)) return null;
  return { date: found.date, text: s };
}
