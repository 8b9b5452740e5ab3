// Project and metric display names: list markers, brackets, filler words and trailing punctuation trimmed.

import { stripInvisible } from '../model/name.js';
import { MEMO_LIMIT, remember, type Lexicon } from './lexicon.js';

/** Leading list markers and numbering as written in text: `1.`, `2、`, `(3)`, `A.`, `一、`, `-`, `•`, `①`. */
const LEADING_MARKER =
  /^(?:[-*+•·●○◦▪■□>]\s*|[一二三四五六七八九十]是(?=\s|\d|[\p{Script=Han}])\s*|\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+|\d{1,3}(?:[.)](?!\d)|、)\s*|[(（]\d{1,3}[)）]\s*|[A-Za-z](?:[.](?![\w.])|、)\s*|[一二三四五六七八九十]{1,3}[、.]\s*|[①-⑳]\s*)+/u;

/** Punctuation and spaces trimmed from both ends of a name (brackets only when unbalanced or wrapping). */
const EDGE = /^[\s,.;:!?、，。；：！？·…~\-—_|/\\"'“”‘’`*]+|[\s,.;:!?、，。；：！？·…~\-—_|/\\"'“”‘’`*]+$/gu;

/** Text inside a wrapping pair of brackets such as `【O1 服务业务】` or `[core]`. */
function unwrap(s: string): string {
  const pairs: [string, string][] = [
    ['【', '】'], ['[', ']'], ['(', ')'], ['（', '）'], ['《', '》'], ['「', '」'], ['〔', '〕'],
  ];
  let t = s.trim();
  for (let i = 0; i < 3; i++) {
    const p = pairs.find(([a, b]) => t.startsWith(a) && t.endsWith(b) && t.indexOf(b) === t.length - b.length);
    if (!p) break;
    t = t.slice(p[0].length, t.length - p[1].length).trim();
  }
  return t;
}

const BRACKET = /[()（）[\]【】《》「」]/u;

/** Drops a dangling open bracket at the end or close bracket at the start (`数据确权(` → `数据确权`). */
function dropDangling(s: string): string {
  // Most names hold no bracket at all: only their edges need trimming.
  if (!BRACKET.test(s)) return s.replace(EDGE, '');
  let t = s;
  const opens = '(（[【《「';
  const closes = ')）]】》」';
  const anyOpen = /[(（[【《「]/;
  for (let i = 0; i < 4; i++) {
    const before = t;
    const last = t[t.length - 1];
    if (last && opens.includes(last)) t = t.slice(0, -1).trimEnd();
    const first = t[0];
    if (first && closes.includes(first)) t = t.slice(1).trimStart();
    // an unclosed bracket somewhere: cut the name there
    for (let k = 0; anyOpen.test(t) && k < opens.length; k++) {
      const o = t.lastIndexOf(opens[k]!);
      if (o >= 0 && t.indexOf(closes[k]!, o) < 0) t = t.slice(0, o).trimEnd();
    }
    t = t.replace(EDGE, '');
    if (t === before) break;
  }
  return t;
}

export function stripMarkers(s: string): string {
  return s.replace(LEADING_MARKER, '');
}

/** Emoji and their joiners: status colours (`🟢`), decoration (`🚀`); never part of a name. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200D}\u{20E3}]/gu;

/** `@Mia`, `@王翊`, `@compliance-bot-team` after a space (not `a@b.example`). */
const MENTION = /(?<=^|\s)@[\p{L}\p{N}_.\-]+/gu;

/** A first- or second-person subject opening a clause, or who is responsible (`由 Vendor 负责`): no name. */
const PERSON = /^(?:[Ww]e|I|[Yy]ou|[Tt]hey)(?:'d|'re|'ve|'ll|'m)?\s+[a-z]|^(?:[Oo]ur|[Mm]y)\s+(?:estimate|guess|view|take|read)\b|^(?:我们|咱们|我|大家|个人)(?:估计|觉得|认为|判断|看|估)|^由\s*\S.{0,24}负责$/u;

/** Basic tidy: emoji, markers, wrapping brackets, dangling brackets, edge punctuation, inner space runs. */
export function tidyName(s: string): string {
  // Invisible format characters (ZWSP, bidi overrides …) are no part of a name (model/name.ts); a keycap (`1️⃣`) is
  // decoration as a whole: its digit goes with it.
  let t = stripInvisible(s);
  if (t.includes('\u20E3')) t = t.replace(/[0-9#*]\uFE0F?\u20E3/gu, ' ');
  t = t.replace(EMOJI, ' ');
  // An @-mention of the owner (`Ledger v2 @Mia`, `迁移 @王翊`) is who does it, not what it is.
  if (t.includes('@')) t = t.replace(MENTION, ' ');
  t = t.replace(/\s+/g, ' ').trim();
  t = stripMarkers(t).replace(EDGE, '');
  t = unwrap(t);
  t = stripMarkers(t).replace(EDGE, '');
  t = dropDangling(t);
  return t.trim();
}

/**
 * A figure's own name: tidy, then filler trimmed (`当前`, `目前`, `整体`, `总体`, `总` …) at either end;
 * `开发` before a progress word only when something remains. Returns `''` when nothing name-like remains.
 */
export function cleanName(raw: string, lx: Lexicon, beforeProgressWord = false): string {
  const key = beforeProgressWord ? `\u0001${raw}` : raw;
  const hit = lx.names.get(key);
  if (hit !== undefined) return hit;
  const name = computeCleanName(raw, lx, beforeProgressWord);
  if (lx.names.size >= MEMO_LIMIT) lx.names.clear();
  lx.names.set(key, name);
  return name;
}

function computeCleanName(raw: string, lx: Lexicon, beforeProgressWord: boolean): string {
  const { lists } = lx;
  let t = stripStatus(tidyName(raw), lx);
  // A clause that opens with a person (`we'd put the project at`, `我们估计`) says who judges, not what is judged.
  // A status alone (`Not started`, `进行中`) is how the item goes, not its name.
  if (PERSON.test(t) || (t && lx.lists.statusWords.is(t))) return '';
  const fillers = lists.fillerWords.byLength;
  const generic = (s: string) => lists.genericNames.lowerSet.has(s.toLowerCase()) || lists.fillerWords.exactSet.has(s);
  for (let round = 0; round < 4; round++) {
    const before = t;
    if (generic(t)) return '';
    for (const f of fillers) {
      if (t.startsWith(f) && t.length > f.length && f.length >= 2) t = t.slice(f.length).replace(EDGE, '').trim();
      // One-character fillers end a name only as `已` (`灰度已`): `服务实现` keeps its `现`, `风控总` its `总`.
      if (t.endsWith(f) && t.length > f.length && (f.length >= 2 || f === '已')) t = t.slice(0, t.length - f.length).replace(EDGE, '').trim();
    }
    t = t.replace(/的$/u, '').trim();
    if (beforeProgressWord && t.length > 2 && /开发$/u.test(t)) t = t.slice(0, -2).replace(EDGE, '').trim();
    t = dropDangling(t);
    if (t === before) break;
  }
  if (generic(t) || !/[\p{L}\p{N}]/u.test(t)) return '';
  return t;
}

/**
 * Status remarks and markers trimmed from a name: a leading or trailing tag (`【进行中】结算规则改版`,
 * `消息轨迹查询（新）`, `(NEW)`, `【新增】`) and trailing status words (`积分商城改版 进行中`,
 * `注销流程改造本周启动`). Returns what remains (possibly '').
 */
export function stripStatus(name: string, lx: Lexicon): string {
  // An Org TODO keyword before a title (`WIP Bootloader cleanup`).
  let t = name.trim().replace(/^(?:TODO|DONE|WIP|NEXT|WAITING|BLOCKED|HOLD|CANCELL?ED)\s+(?=\S)/u, '');
  const list = lx.lists.statusWords;
  const words = list.byLength;
  const lowerWords = list.byLengthLower;
  const isStatus = (s: string) => list.is(s) || lx.lists.markerWords.is(s);
  for (let round = 0; round < 3; round++) {
    const before = t;
    const tag = /^[【\[(（]([^】\])）]{1,12})[】\])）]\s*/u.exec(t);
    // Kept when what follows would be no name on its own (`[里程碑] 2.1 版本`: `2.1 版本` reads as a date).
    if (tag && isStatus(tag[1]!) && t.length > tag[0].length && isNameLike(t.slice(tag[0].length))) t = t.slice(tag[0].length).trim();
    const endTag = /\s*[【\[(（]([^】\])）]{1,12})[】\])）]$/u.exec(t);
    if (endTag && isStatus(endTag[1]!) && endTag.index > 0) t = t.slice(0, endTag.index).trim();
    const lower = t.toLowerCase();
    const mayEnd = list.maybeAtEnd(lower);
    for (let i = 0; mayEnd && i < words.length; i++) {
      const w = words[i]!;
      const lw = lowerWords[i]!;
      if (!lower.endsWith(lw) || t.length === w.length) continue;
      const cut = t.length - w.length;
      // Latin status words must stand apart from the name (`Service at risk`, not `Task`).
      if (/^[a-z]/i.test(w) && /[a-z]/i.test(t[cut - 1] ?? '')) continue;
      // A middle dot or bar may set the state apart too (`港股通行情升级 · 暂停中`, `报价看板 | 已完成`).
      t = t.slice(0, cut).replace(/[\s,，;；:：、\-—–·・•|｜]+$/u, '').trim();
      break;
    }
    if (t === before) break;
  }
  return t;
}

/** Is the text a field label (`负责人`, `状态`, `Owner`) rather than a name? */
export function isFieldLabel(text: string, lx: Lexicon): boolean {
  const t = tidyName(text).toLowerCase();
  return !!t && lx.lists.fieldLabels.lowerSet.has(t);
}

/** A heading that names no project (`上周进展`, `项目进度`, `Projects`). */
export function isGenericHeading(text: string, lx: Lexicon): boolean {
  // Asked for the heading above every figure under a project heading: answered once per process.
  return remember(lx.flags.generic, text, () => genericSet(lx.vocab.genericHeadings).has(stripStatus(tidyName(text), lx).replace(/\s+/g, '')));
}

/** The generic headings without their spaces, made once per word list. */
const GENERIC = new WeakMap<readonly string[], Set<string>>();
function genericSet(words: readonly string[]): Set<string> {
  let s = GENERIC.get(words);
  if (!s) GENERIC.set(words, (s = new Set(words.map((g) => g.replace(/\s+/g, '')))));
  return s;
}

/** A heading as a project name (`C. 个人信息保护与数据治理` → `个人信息保护与数据治理`); '' for generic ones. */
export function headingName(text: string, lx: Lexicon): string {
  // Reports repeat their headings week after week: named once per process, in the lexicon's name memo.
  const key = `\u0002${text}`;
  const hit = lx.names.get(key);
  if (hit !== undefined) return hit;
  const name = computeHeadingName(text, lx);
  if (lx.names.size >= MEMO_LIMIT) lx.names.clear();
  lx.names.set(key, name);
  return name;
}

function computeHeadingName(text: string, lx: Lexicon): string {
  // A figure or a field in a trailing bracket or after a dash is no part of the name:
  // `创作者激励计划（进度60%）`, `供应商门户（负责人：李娜）`, `网关 G3 — 70%`.
  let raw = text.replace(/\s*[(（][^()（）]*(?:[%％:：]|负责人|owner)[^()（）]*[)）]\s*$/iu, '');
  raw = raw.replace(/\s*(?:—+|–|--|\s-)\s*[^—–]*[%％][^—–]*$/u, '');
  // Org headings: a TODO keyword before the title, a statistics cookie after it (`** WIP Rev C bring-up [3/5]`).
  raw = raw.replace(/^\s*(?:TODO|DONE|WIP|NEXT|WAITING|BLOCKED|HOLD|CANCELL?ED)\s+(?=\S)/u, '').replace(/\s*\[\d*\/\d*\]|\s*\[\d{1,3}%\]/gu, '');
  const t = stripStatus(tidyName(raw), lx);
  if (!t) return '';
  if (isGenericHeading(t, lx)) return '';
  // A title line (`第16周 2023-04-14`, `周报（10.21 - 10.25）`) names no project.
  if (/第\s*[\d零〇一二两三四五六七八九十]+\s*周|^\s*W\d{1,2}\b|\d{4}\s*[-/.年]\s*\d{1,2}/i.test(t)) return '';
  if (/\d{1,2}[./]\d{1,2}\s*[-–~～至]\s*\d{1,2}[./]\d{1,2}/u.test(t)) return '';
  return t;
}

/** Sub-measure names: the vocabulary's metric words, or a short `…端` (服务端, PC端). */
export function isMetricWord(name: string, lx: Lexicon): boolean {
  const n = name.trim().toLowerCase();
  if (!n) return false;
  if (lx.lists.metricWords.lowerSet.has(n)) return true;
  return /^[\p{L}\p{N}]{1,3}端$/u.test(n);
}

/** Clause endings that say what happened, not what it is (`联调中`, `上线完毕`): not a name. */
const STATUS_END = /(?:中|完成|完毕|上线|通过|正常|启动|结束|已验证|待定|延期|暂停|阻塞|推进|顺利|到货|到位|就绪|返场|ok|OK|done|Done)$/u;
const STATUS_START = /^(?:已|正在|待|预计|计划|将|需|需要|下周|本周|目前|当前|截止|截至|进入|完成|由于|因为|问题|风险|备注|说明|原因|处置|按(?![键钮])|按照|根据|依据|经过|经与)/u;

/** Is this clause a name (a work item) rather than a status remark? */
export function isNameLike(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 40) return false;
  if (t.includes('%')) return false;
  if (!/[\p{L}]/u.test(t)) return false;
  if (STATUS_END.test(t) || STATUS_START.test(t)) return false;
  // Dates and times (`1/13 7:36`, `4/11~4/23`, `延期到 12 月`) are not names.
  // A date inside a bracketed remark (`OTA 4.2（5月中旬推送）`) is only a remark.
  const plain = t.replace(/[(（][^()（）]*[)）]/gu, '');
  if (/^\d{1,2}[/.-]\d{1,2}/.test(t) || /\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|[到至]\s*\d{1,2}\s*[月日号]/u.test(plain)) return false;
  return true;
}
