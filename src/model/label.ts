// Recognising dates and week labels in report text: shared by read/ (splitting a file into dated entries) and extract/ (a report's week).

import { parseDate } from './week.js';

/** `一`…`九十九` (also `一六` digit by digit) → a number; null when it is not one. */
export function chineseNumber(s: string): number | null {
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (!s || !/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) {
    if (s.length === 1) return digits[s] ?? null;
    // `一六` style (digit by digit)
    let n = 0;
    for (const ch of s) n = n * 10 + (digits[ch] ?? 0);
    return n;
  }
  const [tens, ones] = s.split('十') as [string, string];
  if (s.split('十').length > 2) return null;
  const t = tens === '' ? 1 : (digits[tens] ?? NaN);
  const o = ones === '' ? 0 : (digits[ones] ?? NaN);
  const n = t * 10 + o;
  return Number.isFinite(n) ? n : null;
}

const DATE_PATTERNS: RegExp[] = [
  /(?<!\d)(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/g,
  // `2023年3月17日`, and `2023年6月9周报` (the day written without 日).
  /(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*[日号]?/g,
  /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g,
];

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

/** English dates: `22 November 2024`, `Fri 9 Jan 2026`, `November 22, 2024` (day, month name, year). */
const ENGLISH_DATES: { re: RegExp; day: number; month: number; year: number }[] = [
  { re: new RegExp(String.raw`(?<![\d\p{L}])(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH},?\s+(\d{4})(?!\d)`, 'giu'), day: 1, month: 2, year: 3 },
  { re: new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`, 'giu'), day: 2, month: 1, year: 3 },
  // A week's days in one month: `Mar 11–15, 2024`, `March 11-15 2024` (the report's date is the last day).
  { re: new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\s*[-–—~]\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)`, 'giu'), day: 2, month: 1, year: 3 },
];

/**
 * Day and month written with digits before a four-digit year: `15/03/2024`, `03/15/2024`, `15.03.2024`.
 * The order is read from the numbers (a part above 12 is the day); `03/04/2024` could be either and is
 * no date, except with dots or dashes, which are written day first.
 */
const NUMERIC_DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/.-]|\d)/g;

function numericDmy(a: number, b: number, sep: string, order?: SlashOrder): { day: number; month: number } | null {
  if (a > 12 && b <= 12) return { day: a, month: b };
  if (b > 12 && a <= 12) return { day: b, month: a };
  if (a === b || sep !== '/') return { day: a, month: b };
  if (order === 'dmy') return { day: a, month: b };
  if (order === 'mdy') return { day: b, month: a };
  return null;
}

/** How a file writes `a/b/yyyy`: day first (15/03/2024) or month first (03/15/2024). */
export type SlashOrder = 'dmy' | 'mdy';

/** Slash dates that could be read either way (`3/8/2024`): [first part, second part, year] of each. */
export function ambiguousSlashDates(text: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  NUMERIC_DMY.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = NUMERIC_DMY.exec(text)); ) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (m[2] === '/' && a !== b && a >= 1 && b >= 1 && a <= 12 && b <= 12) out.push([a, b, Number(m[4])]);
  }
  return out;
}

/**
 * The order a text's slash dates are written in, from those that tell (a part above 12: `3/15/2024` is
 * month first), when they all agree; else null.
 */
export function slashOrderOf(texts: Iterable<string>): SlashOrder | null {
  let dmy = 0;
  let mdy = 0;
  for (const t of texts) {
    if (!t.includes('/')) continue;
    NUMERIC_DMY.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = NUMERIC_DMY.exec(t)); ) {
      if (m[2] !== '/') continue;
      const [a, b] = [Number(m[1]), Number(m[3])];
      if (a > 12 && a <= 31 && b <= 12) dmy++;
      else if (b > 12 && b <= 31 && a <= 12) mdy++;
    }
  }
  if (dmy && !mdy) return 'dmy';
  if (mdy && !dmy) return 'mdy';
  return null;
}

/** Dates in a line (NFKC text), in written order; for a range (`2023-04-10 ~ 2023-04-14`) the report's date is the last. */
export function datesIn(text: string, order?: SlashOrder): Date[] {
  const found: { at: number; date: Date }[] = [];
  for (const re of DATE_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const d = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
      if (d && !found.some((f) => f.at === m!.index)) found.push({ at: m.index, date: d });
    }
  }
  // A date in Chinese numerals, as formal documents write it: `二〇二四年三月十五日`.
  for (const m of text.matchAll(/([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]/gu)) {
    const [y, mo, d] = [chineseNumber(m[1]!), chineseNumber(m[2]!), chineseNumber(m[3]!)];
    const date = y !== null && mo !== null && d !== null ? parseDate(`${y}-${mo}-${d}`) : null;
    if (date && !found.some((f) => f.at === m.index)) found.push({ at: m.index!, date });
  }
  NUMERIC_DMY.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = NUMERIC_DMY.exec(text)); ) {
    const dm = numericDmy(Number(m[1]), Number(m[3]), m[2]!, order);
    const d = dm ? parseDate(`${m[4]}-${dm.month}-${dm.day}`) : null;
    const at = m.index;
    if (d && !found.some((f) => f.at === at)) found.push({ at, date: d });
  }
  if (/[A-Za-z]/.test(text)) {
    for (const { re, day, month, year } of ENGLISH_DATES) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        const mm = MONTH_NAMES.indexOf(m[month]!.slice(0, 3).toLowerCase()) + 1;
        const d = parseDate(`${m[year]}-${String(mm).padStart(2, '0')}-${m[day]!.padStart(2, '0')}`);
        if (d && !found.some((f) => f.at === m!.index)) found.push({ at: m.index, date: d });
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

export interface WeekLabel {
  week: number;
  /** A year written with the label (`2023年第16周`, `Week 16, 2023`). */
  year?: number;
  /** The first week of a range of weeks (`第41-42周`, `2024-W41 ~ W42`, `Weeks 41–42`): `week` is its last. */
  from?: number;
}

const WEEK_NUM = String.raw`(\d{1,2}|[零〇一二两三四五六七八九十]+)`;
const WEEK_TO = String.raw`\s*(?:[-~–—至到&、]|and|to)\s*`;
/** Ranges of weeks, the last week and its year taken: `2024-W41 ~ 2024-W42`, `2024年第41-42周`, `第四十一至四十二周`, `W41–W42`. */
const WEEK_RANGES: { re: RegExp; year?: number; year2?: number; from: number; to: number }[] = [
  { re: new RegExp(String.raw`(?<!\d)(\d{4})\s*-?\s*W(\d{1,2})${WEEK_TO}(?:(\d{4})\s*-?\s*)?W?(\d{1,2})(?!\d)`, 'iu'), year: 1, year2: 3, from: 2, to: 4 },
  { re: new RegExp(String.raw`(?:(\d{4})\s*年\s*(?:的)?\s*)?(?<![后前月]\s*)第\s*${WEEK_NUM}\s*(?:周\s*)?${WEEK_TO}(?:第\s*)?${WEEK_NUM}\s*周`, 'u'), year: 1, from: 2, to: 3 },
  { re: new RegExp(String.raw`(?<![A-Za-z])(?:W|Wk|Weeks?)\s*\.?\s*(\d{1,2})${WEEK_TO}(?:W|Wk|Week)?\s*\.?\s*(\d{1,2})(?!\d)(?:\s*[,/]\s*(\d{4})(?!\d))?`, 'iu'), year: 3, from: 1, to: 2 },
];

/** A range of two to five weeks, or null. */
function weekRangeIn(text: string): WeekLabel | null {
  for (const r of WEEK_RANGES) {
    const m = r.re.exec(text);
    if (!m) continue;
    const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : chineseNumber(s));
    const from = num(m[r.from]!);
    const to = num(m[r.to]!);
    const yearText = (r.year2 !== undefined ? m[r.year2] : undefined) ?? (r.year !== undefined ? m[r.year] : undefined);
    const year = yearText ? Number(yearText) : undefined;
    if (from === null || to === null) continue;
    // Across New Year (`2024-W52 ~ 2025-W01`, `第52-1周`) the range wraps; else it runs forward by one to four weeks.
    const wraps = to < from && from >= 50 && to <= 4;
    if (!wraps && (to <= from || to - from > 4)) continue;
    const sameYear = r.year2 === undefined || m[r.year2] === undefined;
    const y = year !== undefined && wraps && sameYear ? year + 1 : year;
    return { week: to, from, ...(y !== undefined ? { year: y } : {}) };
  }
  return null;
}

/**
 * A year standing alone beside a week label on its line (`W11 周报 2024`, `2024 第11周`): one four-digit
 * 19xx/20xx number, not part of a date, followed by nothing that makes it a count (`2000人`, `2048 requests`).
 */
function yearBeside(text: string): number | undefined {
  if (datesIn(text).length) return undefined;
  const years = [...text.matchAll(/(?<![\p{L}\p{N}.\/:-])((?:19|20)\d{2})(?=$|\s*[)）\]】,，.。:：;；|/–—-]|\s*(?:周报|週報|周|週|第|工作|总结|汇报|进展)|\s+(?:weekly|week|report|status|update|W\d))/giu)].map((m) => Number(m[1]));
  return new Set(years).size === 1 ? years[0] : undefined;
}

/** A week label in a line (NFKC text): `第16周`, `第十六周`, `2023年第16周`, `W16`, `Week 16, 2023`, `2023-W16`, `24W16`; a year alone beside it is its year. */
export function labelIn(text: string): WeekLabel | null {
  const l = bareLabelIn(text);
  if (!l || l.year !== undefined) return l;
  const year = yearBeside(text);
  return year === undefined ? l : { ...l, year };
}

function bareLabelIn(text: string): WeekLabel | null {
  const range = weekRangeIn(text);
  if (range) return range;
  let m = /(?<!\d)(\d{4})\s*-?\s*W(\d{1,2})(?!\d)/i.exec(text);
  if (m) return { year: Number(m[1]), week: Number(m[2]) };
  m = /(?<!\d)(\d{4})\s*年\s*(?:的)?\s*第\s*(\d{1,2}|[零〇一二两三四五六七八九十]+)\s*周/.exec(text);
  if (m) {
    const w = /^\d+$/.test(m[2]!) ? Number(m[2]) : chineseNumber(m[2]!);
    if (w !== null) return { year: Number(m[1]), week: w };
  }
  // A week counted from something else is no week of the year: `节后第一周`, `上线后第2周`, `3月第2周`, `入职前第一周`.
  for (const r of text.matchAll(/(?<![后前月]\s*)第\s*(\d{1,2}|[零〇一二两三四五六七八九十]+)\s*周/g)) {
    const w = /^\d+$/.test(r[1]!) ? Number(r[1]) : chineseNumber(r[1]!);
    if (w !== null) return { week: w };
  }
  // `24W11`: a two-digit year written against the week (not `FY24W11`, a fiscal year).
  m = /(?<![\p{L}\p{N}])(\d{2})W(\d{1,2})(?!\d)/iu.exec(text);
  if (m) return { year: 2000 + Number(m[1]), week: Number(m[2]) };
  m = /(?<![A-Za-z])(?:W|Wk|Week)\s*\.?\s*(\d{1,2})(?!\d)(?:\s*[,/]\s*(\d{4})(?!\d))?/i.exec(text);
  if (m) return m[2] ? { week: Number(m[1]), year: Number(m[2]) } : { week: Number(m[1]) };
  return null;
}

/** Words of a monthly report: `月报`, `月度总结`, `Monthly status`. */
const MONTHLY = /月报|月報|月度(?:报告|總結|总结|汇报|匯報|进展|進展)|\bmonthly\b|\bmonth-end\b/iu;

/**
 * The month a monthly report's title names (`2024年10月 项目月报`, `Monthly status — October 2024`, `月报 2024-10`):
 * year and month, or null when the line has no such month or is no monthly report's (`monthly` is the caller's
 * choice: pass the text of all title lines to find the word).
 */
export function monthOfReport(text: string, titleLines: string): { year: number; month: number } | null {
  if (!MONTHLY.test(titleLines)) return null;
  const forms: [RegExp, (m: RegExpExecArray) => [number, number]][] = [
    [/(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*(?:份\s*)?(?:\d|第|[零〇一二三四五六七八九十]+\s*[日号]))/u, (m) => [Number(m[1]), Number(m[2])]],
    [/(?<![\d.\/-])(\d{4})\s*[-/.]\s*(\d{1,2})(?![\d.\/-])/u, (m) => [Number(m[1]), Number(m[2])]],
    [new RegExp(String.raw`(?<![\p{L}])${MONTH},?\s+(\d{4})(?!\d)`, 'iu'), (m) => [Number(m[2]), MONTH_NAMES.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1]],
    [new RegExp(String.raw`(?<!\d)(\d{4})\s+${MONTH}(?![\p{L}])`, 'iu'), (m) => [Number(m[1]), MONTH_NAMES.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1]],
  ];
  for (const [re, parts] of forms) {
    const m = re.exec(text);
    if (!m) continue;
    const [year, month] = parts(m);
    if (month >= 1 && month <= 12 && year >= 1900) return { year, month };
  }
  return null;
}

/**
 * A day range or day without a year (`5.6-5.10`, `5/6~5/10`, `5月6日-5月10日`, `12.29`): month and
 * day of its last day, the report's date once a year is known. Only when the line holds no full date.
 */
export function monthDayIn(text: string): { month: number; day: number } | null {
  // `5/6`, `5.6`, `5 月 6 日`; a slash or dot with spaces around it (`（4 / 7）`) is a count, not a day.
  const md = String.raw`(\d{1,2})(?:[./]|\s*月\s*)(\d{1,2})\s*[日号]?`;
  const re = new RegExp(String.raw`(?<![\d./])${md}(?:\s*(?:[-~–—至到]|~)\s*(?:${md}|(\d{1,2})\s*[日号]?))?(?![\d./])`, 'u');
  const m = re.exec(text);
  if (!m) return englishDayIn(text);
  let month = Number(m[1]);
  let day = Number(m[2]);
  if (m[3] !== undefined) {
    month = Number(m[3]);
    day = Number(m[4]);
  } else if (m[5] !== undefined) {
    day = Number(m[5]);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { month, day };
}

/**
 * An English day without a year (`Week of Oct 14`, `w/c 17 Mar`, `Week ending 7th March`, `Oct 7–18`): month and day
 * (of the last day of a range), or null.
 */
export function englishDayIn(text: string): { month: number; day: number } | null {
  if (!/[A-Za-z]/.test(text)) return null;
  const range = englishRangeIn(text);
  if (range) return range.to;
  const D = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
  const m = new RegExp(String.raw`(?<![\d\p{L}])${D}\s+${MONTH}(?![\p{L}])|(?<![\p{L}])${MONTH}\s+${D}(?![\d.:/%])`, 'iu').exec(text);
  if (!m) return null;
  const month = MONTH_NAMES.indexOf((m[2] ?? m[3])!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(m[1] ?? m[4]);
  return month >= 1 && day >= 1 && day <= 31 ? { month, day } : null;
}

/**
 * A week's range of days written without a year (`12/25 – 12/29`, `5.6-5.10`, `3月4日~3月8日`, `3/4-8`):
 * the month and day of both ends, or null when the line holds no such range.
 */
export function yearlessRangeIn(text: string): { from: { month: number; day: number }; to: { month: number; day: number } } | null {
  // `5/6`, `5.6`, `5 月 6 日`; a slash or dot with spaces around it (`（4 / 7）`) is a count, not a day.
  const md = String.raw`(\d{1,2})(?:[./]|\s*月\s*)(\d{1,2})\s*[日号]?`;
  const re = new RegExp(String.raw`(?<![\d./])${md}\s*(?:[-~–—至到]|~)\s*(?:${md}|(\d{1,2})\s*[日号]?)(?![\d./])`, 'u');
  const m = re.exec(text);
  if (!m) return englishRangeIn(text);
  const from = { month: Number(m[1]), day: Number(m[2]) };
  const to = m[3] !== undefined ? { month: Number(m[3]), day: Number(m[4]) } : { month: from.month, day: Number(m[5]) };
  for (const d of [from, to]) if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return null;
  return { from, to };
}

/** `11–15 March`, `March 11–15`, `28 Feb – 3 Mar`, `Feb 28 – Mar 3` (no year): the two ends, or null. */
function englishRangeIn(text: string): { from: { month: number; day: number }; to: { month: number; day: number } } | null {
  if (!/[A-Za-z]/.test(text)) return null;
  const month = (w: string) => MONTH_NAMES.indexOf(w.slice(0, 3).toLowerCase()) + 1;
  const D = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
  const DASH = String.raw`\s*[-–—~]\s*`;
  const forms: [RegExp, (m: RegExpExecArray) => [number, number, number, number]][] = [
    [new RegExp(String.raw`(?<![\d\p{L}])${D}\s+${MONTH}${DASH}${D}\s+${MONTH}(?![\p{L}])`, 'iu'), (m) => [month(m[2]!), Number(m[1]), month(m[4]!), Number(m[3])]],
    [new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+${D}${DASH}${MONTH}\s+${D}(?!\d)`, 'iu'), (m) => [month(m[1]!), Number(m[2]), month(m[3]!), Number(m[4])]],
    [new RegExp(String.raw`(?<![\d\p{L}])${D}${DASH}${D}\s+${MONTH}(?![\p{L}])`, 'iu'), (m) => [month(m[3]!), Number(m[1]), month(m[3]!), Number(m[2])]],
    [new RegExp(String.raw`(?<![\p{L}])${MONTH}\s+${D}${DASH}${D}(?![\d.:/])`, 'iu'), (m) => [month(m[1]!), Number(m[2]), month(m[1]!), Number(m[3])]],
  ];
  for (const [re, parts] of forms) {
    const m = re.exec(text);
    if (!m) continue;
    const [fm, fd, tm, td] = parts(m);
    if (fm < 1 || tm < 1 || fd < 1 || fd > 31 || td < 1 || td > 31) return null;
    return { from: { month: fm, day: fd }, to: { month: tm, day: td } };
  }
  return null;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * The calendar date of an e-mail `Date:` header as the sender wrote it (`Fri, 10 May 2024 18:30:00 +0800`
 * is 2024-05-10 whatever our time zone), or any date `datesIn` finds (`2024年5月10日 18:30`). `YYYY-MM-DD` or null.
 */
export function mailDate(text: string): string | null {
  const t = text.normalize('NFKC');
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    const d = month ? parseDate(`${m[3]}-${month}-${m[1]}`) : null;
    if (d) return `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  const m2 = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(t);
  if (m2) {
    const month = MONTHS[m2[1]!.toLowerCase()];
    if (month && parseDate(`${m2[3]}-${month}-${m2[2]}`)) return `${m2[3]}-${String(month).padStart(2, '0')}-${m2[2]!.padStart(2, '0')}`;
  }
  const ds = datesIn(t);
  if (!ds.length) return null;
  const d = ds[0]!;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A week counted within its month: `2024年3月第2周`, `3月第二周`, `2nd week of March 2024`. */
export interface MonthWeek {
  /** The year when written with it. */
  year?: number;
  month: number;
  /** 1–5: which week of the month. */
  nth: number;
}

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5 };

/** A month's own week count in a line (NFKC text), or null: `2024年3月第2周`, `3月份第二周`, `the 2nd week of March, 2024`. */
export function monthWeekIn(text: string): MonthWeek | null {
  const m = /(?:(?<!\d)(\d{4})\s*年\s*)?(?<!\d)(\d{1,2})\s*月\s*(?:份)?\s*(?:的)?\s*第\s*([1-5]|[一二三四五])\s*[周週]/u.exec(text);
  if (m) {
    const nth = /^\d$/.test(m[3]!) ? Number(m[3]) : chineseNumber(m[3]!)!;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { ...(m[1] ? { year: Number(m[1]) } : {}), month, nth };
  }
  if (!/[A-Za-z]/.test(text)) return null;
  const e = new RegExp(String.raw`(?<![\p{L}\d])(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+week\s+(?:of|in)\s+${MONTH}(?:,?\s+(\d{4})(?!\d))?`, 'iu').exec(text);
  if (!e) return null;
  const month = MONTH_NAMES.indexOf(e[2]!.slice(0, 3).toLowerCase()) + 1;
  return { ...(e[3] ? { year: Number(e[3]) } : {}), month, nth: ORDINALS[e[1]!.toLowerCase()]! };
}

/**
 * The convention for a month's weeks (documented in README, warned on use): a Monday-to-Sunday week
 * belongs to the month that holds its Thursday — the month holding most of its days, ISO 8601's rule
 * for years applied to months — and the month's first such week is its 第1周. `2024年3月第2周` is
 * 2024-03-11 – 03-17. Returns that week's Thursday, or null when the month has no such week (a 第5周
 * of a four-week month).
 */
export function monthWeekThursday(year: number, mw: MonthWeek): Date | null {
  const first = new Date(year, mw.month - 1, 1);
  const firstThursday = 1 + ((4 - first.getDay() + 7) % 7);
  const thursday = new Date(year, mw.month - 1, firstThursday + (mw.nth - 1) * 7);
  return thursday.getMonth() === mw.month - 1 ? thursday : null;
}
