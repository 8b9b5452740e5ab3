// Statements in words: completions, pauses, cancellations and renames a report states without (or beside) a figure, as candidates.
/*
 * The statement rules (rules/statement/: completion-words, stated-pause, stated-cancel, stated-rename) hold the
 * phrases and their examples; this module holds the grammar the phrase rules share and walks a document's blocks:
 *
 * - A line is split into its head (`电子签收：`, `Energy report sync —`) and its body; the body
 *   into sentences (`。；`) and clauses (`，`).
 * - A phrase must be said OF something: the clause text before it (`电子签收已全量上线`), or
 *   — when that is empty or only `本项目` — its object (`已完成设备注册接口`) or else the line's
 *   head, the table row's name, the nearest list parent or heading. A phrase with both a
 *   subject and an object (`电子签收已完成联调`) is a part done: nothing. A plan, negation or
 *   condition before the phrase (`预计`, `尚未`, `如果`, `will`) or a `前`/`后` after it is nothing.
 * - Sections that hold no report (next week's plan, reflections) are skipped by the caller.
 *
 * The result is a list of candidates with every name they may be about; analyze/timeline.ts
 * applies one only where a name equals an item the team already tracks.
 */

import type { Block, Statement } from '../model/types.js';
import { cleanName, headingName } from './names.js';
import { foldHan } from '../model/han.js';
import type { Lexicon } from './lexicon.js';
import type { RenameRule, StatementRule, StatePhraseRule } from './rules/types.js';
import { nfkc, nfkcUnit } from './text.js';
import { SPLIT } from './rules/statement/stops.js';

// ------------------------------------------------------------------ the clause grammar

/** Before the phrase, anywhere in the clause: a plan, a condition, a negation. */
const BLOCK_ANYWHERE_ZH = [
  '预计', '计划', '准备', '即将', '争取', '力争', '目标', '下周', '下月', '下阶段', '下一步', '明天', '明日', '后续', '如果', '若',
  '可能', '或将', '是否', '需要', '要求', '能否', '何时', '等待', '尚未', '还未', '还没', '仍未', '没有', '未能', '无法', '不能',
  '不会', '有望', '预期', '预估', '估计', '拟', '将于', '基本', '大部分', '部分', '初步', '阶段性', '大体', '恢复', '解除',
];
const BLOCK_ANYWHERE_EN = /\b(?:not|never|will|would|to|plan|plans|planned|expected?|expects|scheduled|targets?|aims?|until|before|if|may|might|could|should|pending|yet|next|about|once|when|almost|nearly|partially|mostly)\b|n't\b/iu;
/** Right before the phrase (after fillers are stripped): `未上线`, `待交付`, `将全量上线`. */
const BLOCK_TAIL = /(?:未|没|不|待|将|需|要|会|能|可|取消|解除|结束)$/u;
/** Right after the phrase: `上线前`, `验收通过后`, `已上线的功能`, `shipped by Friday`. */
const BLOCK_AFTER = /^\s*(?:前|后|之前|之后|以后|以前|时|的|计划|方案|日期|时间|窗口|评审|准备|条件|标准|节点|目标|申请|流程|检查|清单|吗|？|by\s+(?:(?:the\s+)?(?:end|eod|eow|eom|mid|early|late|next|this|tomorrow|tonight|(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|q[1-4]|h[12]|week|month|sprint|release|launch|then)\b|\d)|date\b|plan\b|criteria\b|checklist\b|window\b|soon\b|next\b|\?)/iu;

/** Fillers trimmed from the end of a subject: marks, adverbs, times, scopes. */
const TRAIL_FILLERS = [
  /[\s\p{Extended_Pictographic}\uFE0F*_~`'"“”「」『』()（）【】[\]:：—–\-|]+$/u,
  /(?:已经|已|均已|均|都|全部|全面|正式|顺利|圆满|如期|按期|按时|提前|成功|终于|也|亦|现已|现|于|在|了|先|暂时|暂且|只能|继续|持续|仍然|依然|仍|依旧|保持|维持|still|remains?)$/u,
  /(?:今日|今天|昨天|昨日|本期|本月|本季度|本周[一二三四五六日天]?|上周[一二三四五六日天]?|当周|近日|日前|当天|当晚|周[一二三四五六日天]|星期[一二三四五六日天])(?:起|开始)?$/u,
  /(?:\d{4}\s*年)?\s*\d{1,2}\s*(?:月\s*\d{1,2}\s*[日号]?|[/.-]\s*\d{1,2}\s*[日号]?)\s*(?:晚上|晚|早上|上午|下午|凌晨|中午)?$/u,
  /全(?:区域|院|网|国|站|员|省|市|量|部|区|集团|公司|渠道|门店|用户|商户|城)$/u,
  /\b(?:has been|have been|had been|was|were|is|are|got|been|has|have|officially|finally|successfully|fully|now|just|already|yesterday|today|this week|last week|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)$/iu,
];
const LEAD_FILLERS = [
  /^[\s\p{Extended_Pictographic}\uFE0F*_~`'"“”「」『』:：—–\-|>#]+/u,
  // A scope word before a step is no subject: `全部交付完毕` is `交付完毕`.
  /^(?:全部|全面|整体|全量)(?=\p{Script=Han})/u,
  // Who decided is no subject: `经决策不再推进`, `经与输血科商定暂停`, `经评估后取消`.
  /^经[^，,。；;]{0,16}?(?:决定|评估|讨论|决策|研究|沟通|商定|确认|同意|协商|批准|评审)(?:后)?\s*/u,
  /^(?:因此|所以|故|但|而|并且|并|且|同时|另外|此外|其中)\s*/u,
  /^(?:so|and|but|then|also|meanwhile)\b\s*/iu,
  /^(?:了|啦)/u,
];
/**
 * After the phrase, words that make the rest an adverbial, not an object (`搁置到节后`, `shipped in firmware 2.4`); a
 * colon makes the phrase a label and the rest its explanation (`搁置：压缩库厂商停止维护，另选方案`).
 */
const ADVERBIAL_AFTER = /^\s*(?:[:：]|[—–]|--|到|至|直到|直至|于|在|起|以来|\d+\s*(?:天|周|个月|月)|(?:in|on|at|of|with|via|for|to|as|by|last|this|yesterday|today|ahead|behind|and|but|after|across|from|into|under|until|till|pending|while|because|due|since)\b)/iu;
/** A name ending in a step of work (`…评审`, `…联调`): what a bare `完成` after it finishes is the step. */
const STEP_END = /(?:评审|联调|测试|开发|设计|提测|自测|压测|回归|选型|方案|文档|部署|培训|对接|调研|梳理|编码|排期|准备)$/u;

/** How far before and after a phrase its subject, object and blocking words are looked for (characters). */
const NEAR = 120;

/** Where code goes when it is merged: no item ends there. */
const CODE_TARGET = /^\s*(?:主干|主线|主分支|分支|代码库|仓库|master|main|develop|dev|trunk|release|branch|the (?:main|master|release) branch)(?![\w-])/iu;
/** Split phrases (stops.ts SPLIT), and the words after one that make the parts items of their own. */
const SPLIT_PHRASES = new Set(SPLIT.map((p) => p.toLowerCase()));
const SPLIT_ITEMS = /^[^。；;.]{0,60}?(?:项目|专项|子项|分别跟踪|单独跟踪|独立跟踪|单独立项|\b(?:projects?|workstreams?|epics?|initiatives?|tracked separately)\b)/iu;

/** A field label before the phrase: `状态 已完成`, `Status: done`. */
const STATUS_LABEL = /^(?:当前)?(?:状态|进展|情况|进度)$|^(?:status|state|current status)$/iu;

/** A decision maker and the decision, standing before the phrase: `业务确认`, `集团决定`, `客户方要求`. */
const WHO_DECIDED = /^(?:业务|产品|客户|甲方|乙方|集团|总部|公司|领导|管理层|老板|法务|合规|财务|委员会|评审会|PMO|对方|合作方|供应商)(?:方面|方|侧)?(?:已)?(?:确认|决定|同意|要求|拍板|通知|决议)(?:后)?$/u;

/** Words that make a remark on a completion a part of the item or of its audience. */
const PARTIAL = /灰度|试点|测试|内测|公测|预发|部分|一期|二期|首批|\d+\s*%|beta|pilot|canary|preview|staging|phase|partial/iu;

/**
 * What narrows a phrase: the text after it up to a dash or a celebration that sets off a remark (`shipped in patch
 * 3.4 🎉 — 41% of matches already mixed-platform`: the 41% speaks of the matches, not of a partial launch).
 */
function remarkOf(post: string): string {
  const cut = /\s[—–]{1,2}\s|——|\s--\s|[🎉🚀🎊]/u.exec(post);
  return cut ? post.slice(0, cut.index) : post;
}

/** `本项目`, `该项目`, `this project`: the item the line is about. */
const GENERIC_REF = /^(?:本|该|此|这个|整个|整体)?(?:项目|专案|任务|工作|事项|需求|专项)$|^(?:整体|全部|整个|全体)$|^(?:(?:this|the|that)\s+)?(?:project|work|item|milestone|effort|workstream|initiative)$|^(?:it|this|that)$/iu;
/** Parts and phases of an item: done or paused on their own, they are not the item. */
const PARTS = [
  '一期', '二期', '三期', '四期', '首期', '第一期', '第二期', '阶段', '第一阶段', '第二阶段', '里程碑', '灰度', '试点', '试运行', '联调',
  '测试', '开发', '设计', '评审', '方案', '选型', '立项', '需求', '文档', '部署', '培训', '验收测试', '提测', '自测', '压测', '回归',
  '预研', '原型', '交互', '视觉', '埋点', '数据迁移', '切流', '改造', '重构', '接口', '前端', '后端', '服务端', '客户端', 'UI',
  'MVP', 'POC', 'demo', 'beta', 'alpha', 'M1', 'M2', 'M3', 'phase 1', 'phase one', 'design', 'testing', 'QA', 'review', 'spec',
  'prototype', 'build', 'backend', 'frontend', 'integration', 'migration', 'rollout', 'pilot',
  '上线', '发布', '投产', '交付', '验收', '结项',
];

/**
 * The fillers' loop ran twelve patterns (Unicode classes) two or more times per call, and one phrase's text before it
 * is trimmed by `blocked` and by `readClause` alike: answers are kept per text (a bounded memo, cleared when full).
 */
const TRIMMED = [new Map<string, string>(), new Map<string, string>()] as const;
const TRIMMED_MAX = 4096;

function trimSubject(s: string, trailing: boolean): string {
  const memo = TRIMMED[trailing ? 1 : 0];
  let t = memo.get(s);
  if (t === undefined) {
    if (memo.size >= TRIMMED_MAX) memo.clear();
    memo.set(s, (t = trimFillers(s, trailing)));
  }
  return t;
}

function trimFillers(s: string, trailing: boolean): string {
  let t = s;
  for (let round = 0; round < 8; round++) {
    const before = t;
    for (const re of LEAD_FILLERS) t = t.replace(re, '');
    if (trailing) for (const re of TRAIL_FILLERS) t = t.replace(re, '');
    t = t.trim();
    if (t === before) break;
  }
  return t;
}

interface Found {
  rule: StatePhraseRule;
  phrase: string;
  subjects: string[];
  /** The clause names its own subject before the phrase (`新版收银台已完成`): later clauses of the sentence are about it. */
  ownSubject: boolean;
}

/** A rule's phrases lowercased, longest first: sorted once per rule, not once per clause. */
interface SortedPhrases {
  list: { lp: string; latin: boolean }[];
  /** Finds whether any of them occurs (lowercased text): most clauses hold none. */
  any: PhraseSet;
}
const SORTED = new WeakMap<StatePhraseRule, SortedPhrases>();
function sortedPhrases(rule: StatePhraseRule): SortedPhrases {
  let s = SORTED.get(rule);
  if (!s) {
    const list = [...rule.phrases].sort((a, b) => b.length - a.length).map((p) => ({ lp: p.toLowerCase(), latin: /^[a-z]/i.test(p) }));
    s = { list, any: new PhraseSet(list.map((p) => p.lp)) };
    SORTED.set(rule, s);
  }
  return s;
}

/** A rule's word lists lowercased into sets: asked per phrase occurrence, each list was lowercased on every ask. */
interface RuleWords {
  wholeObjects: Set<string>;
  objectNamesItem: Set<string>;
  targetPhrases: Set<string>;
}
const WORDS = new WeakMap<StatePhraseRule, RuleWords>();
function wordsOf(rule: StatePhraseRule): RuleWords {
  let w = WORDS.get(rule);
  if (!w) {
    const lower = (l: readonly string[] | undefined) => new Set((l ?? []).map((x) => x.toLowerCase()));
    w = { wholeObjects: lower(rule.wholeObjects), objectNamesItem: lower(rule.objectNamesItem), targetPhrases: lower(rule.targetPhrases) };
    WORDS.set(rule, w);
  }
  return w;
}

/** A rule's phrases lowercased, in the rule's order: made once per rule. */
const LOWER = new WeakMap<StatePhraseRule, string[]>();
function lowerPhrases(rule: StatePhraseRule): string[] {
  let l = LOWER.get(rule);
  if (!l) LOWER.set(rule, (l = rule.phrases.map((p) => p.toLowerCase())));
  return l;
}

/**
 * Does any of a set of phrases occur in a text? What an alternation RegExp of them answers, found by a table of
 * their first two code units and a `startsWith` at each position holding a pair that starts one: a pattern of
 * ~600 alternatives tried at every position of every block was the costliest test of the statement rules, and a
 * table of first code units alone still tried ~100 phrases at every `推` (`推进`) and `延`.
 */
export class PhraseSet {
  /** Per code unit: 1 = a phrase of two or more units starts with it, 2 = it is a phrase of one unit. */
  private readonly first = new Uint8Array(0x10000);
  /** A hash of the first two code units of every phrase of two or more units (a filter: collisions are checked). */
  private readonly pairs = new Uint8Array(0x10000);
  /** Indexes (into the phrases as given) of phrases of two or more units, by their first two code units (`c0 * 0x10000 + c1`). */
  private readonly byPair = new Map<number, number[]>();
  /** Indexes of phrases of one unit, by that unit. */
  private readonly singles = new Map<number, number[]>();
  /** An empty phrase occurs in every text. */
  readonly always: boolean;

  constructor(private readonly phrases: readonly string[]) {
    let always = false;
    phrases.forEach((p, k) => {
      if (p === '') {
        always = true;
        return;
      }
      const c0 = p.charCodeAt(0);
      if (p.length === 1) {
        this.first[c0] = this.first[c0]! | 2;
        push(this.singles, c0, k);
        return;
      }
      const c1 = p.charCodeAt(1);
      this.first[c0] = this.first[c0]! | 1;
      this.pairs[pairHash(c0, c1)] = 1;
      push(this.byPair, c0 * 0x10000 + c1, k);
    });
    this.always = always;
  }

  test(text: string): boolean {
    if (this.always) return true;
    const { first, pairs, phrases } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const f = first[c]!;
      if (f === 0) continue;
      if (f & 2) return true;
      if (i + 1 >= n) continue;
      const c1 = text.charCodeAt(i + 1);
      if (pairs[pairHash(c, c1)] === 0) continue;
      const list = this.byPair.get(c * 0x10000 + c1);
      if (list) for (const k of list) if (text.startsWith(phrases[k]!, i)) return true;
    }
    return false;
  }

  /**
   * `test` of the text that `text` becomes when each code unit is replaced by `unit(code unit)`, without building
   * it; null when a code unit does not map alone (`unit` gives NOT_ALONE).
   */
  testMapped(text: string, unit: (c: number) => number): boolean | null {
    if (this.always) return true;
    const { first, pairs, phrases } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = unit(text.charCodeAt(i));
      if (c === NOT_ALONE) return null;
      const f = first[c]!;
      if (f === 0) continue;
      if (f & 2) return true;
      if (i + 1 >= n) continue;
      const c1 = unit(text.charCodeAt(i + 1));
      if (c1 === NOT_ALONE) return null;
      if (pairs[pairHash(c, c1)] === 0) continue;
      const list = this.byPair.get(c * 0x10000 + c1);
      if (!list) continue;
      for (const k of list) {
        const p = phrases[k]!;
        if (i + p.length > n) continue;
        let j = 2;
        for (; j < p.length; j++) {
          const u = unit(text.charCodeAt(i + j));
          if (u === NOT_ALONE) return null;
          if (u !== p.charCodeAt(j)) break;
        }
        if (j === p.length) return true;
      }
    }
    return false;
  }

  /** Every occurrence of every non-empty phrase: `visit(index of the phrase as given, position)`, by position. */
  each(text: string, visit: (k: number, at: number) => void): void {
    const { first, pairs, phrases } = this;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const f = first[c]!;
      if (f === 0) continue;
      if (f & 2) for (const k of this.singles.get(c)!) visit(k, i);
      if (!(f & 1) || i + 1 >= n) continue;
      const c1 = text.charCodeAt(i + 1);
      if (pairs[pairHash(c, c1)] === 0) continue;
      const list = this.byPair.get(c * 0x10000 + c1);
      if (list) for (const k of list) if (text.startsWith(phrases[k]!, i)) visit(k, i);
    }
  }
}

function push(map: Map<number, number[]>, key: number, k: number): void {
  const list = map.get(key);
  if (list) list.push(k);
  else map.set(key, [k]);
}

/** What `PhraseSet.testMapped`'s unit map gives for a code unit that does not map to one code unit by itself. */
export const NOT_ALONE = -1;

/**
 * Code unit → what the statement pass reads it as: NFKC (`nfkc`), folded to Simplified (`foldHan`) and lowercased;
 * NOT_ALONE when that is not one code unit found from it alone (a character only ICU normalises, a surrogate, a
 * letter lowercasing to two units). Found on first use of each code unit.
 */
const PHRASE_UNITS = new Int32Array(0x10000).fill(-2);

export function phraseUnit(c: number): number {
  let u = PHRASE_UNITS[c]!;
  if (u === -2) {
    const n = nfkcUnit(c);
    const t = n < 0 ? '' : foldHan(String.fromCharCode(n)).toLowerCase();
    PHRASE_UNITS[c] = u = t.length === 1 ? t.charCodeAt(0) : NOT_ALONE;
  }
  return u;
}

function pairHash(c0: number, c1: number): number {
  return (c0 * 31 + c1) & 0xffff;
}

/** Phrase occurrences of one rule in a clause (NFKC, case-insensitive for Latin), longest first, non-overlapping. */
function occurrences(clause: string, rule: StatePhraseRule, lower: string = clause.toLowerCase()): { start: number; end: number; phrase: string }[] {
  const phrases = sortedPhrases(rule);
  if (!phrases.any.test(lower)) return [];
  // Positions already covered by a longer phrase (a mask, not a list of spans: a long clause may hold thousands).
  const taken = new Uint8Array(lower.length);
  const out: { start: number; end: number; phrase: string }[] = [];
  const take = (lp: string, latin: boolean, at: number) => {
    const end = at + lp.length;
    if (latin && (/[a-z0-9]/i.test(lower[at - 1] ?? '') || /[a-z0-9]/i.test(lower[end] ?? ''))) return;
    // A loop, not `subarray(…).includes(1)`: a typed-array view per occurrence cost more than the phrase search.
    for (let i = at; i < end; i++) if (taken[i]) return;
    taken.fill(1, at, end);
    out.push({ start: at, end, phrase: clause.slice(at, end) });
  };
  if (phrases.any.always) {
    // An empty phrase: the plain search (no index can list its occurrences).
    for (const { lp, latin } of phrases.list) {
      for (let from = 0; from <= lower.length; ) {
        const at = lower.indexOf(lp, from);
        if (at < 0) break;
        from = at + 1;
        take(lp, latin, at);
      }
    }
  } else {
    // Phrase by phrase in the list's order (longest first), each at its positions in order: the index lists every
    // occurrence once, sorted here into that order, so the greedy choice below is the plain search's.
    const found: number[] = [];
    phrases.any.each(lower, (k, at) => found.push(k * 0x100000000 + at));
    found.sort((a, b) => a - b);
    for (const key of found) {
      const { lp, latin } = phrases.list[Math.floor(key / 0x100000000)]!;
      take(lp, latin, key % 0x100000000);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A rule list split into phrase rules and renamers, with all phrases and one pattern of them: made once per list. */
interface CompiledRules {
  rules: StatePhraseRule[];
  renamers: RenameRule[];
  allPhrases: string[];
  /**
   * Does any phrase of the rules occur in the text (lowercased)? Most lines state nothing, and a clause is part of
   * its line, so a line without any phrase needs no clause-by-clause reading.
   */
  anyPhrase: PhraseSet;
  /**
   * A block that holds none of these, read as the statement pass reads it (`phraseUnit`), states nothing and
   * renames nothing: it needs no NFKC, fold or lowercased copy. The phrases, what the statement text's rewrites
   * start from (`已于`, `已在`, `并`) and the rename words (read folded: each is its own fold, so a block holding
   * one still does). Null when a renamer has no cue words or one is not its own fold.
   */
  quiet: PhraseSet | null;
}
const COMPILED = new WeakMap<readonly StatementRule[], CompiledRules>();
function compiledRules(list: readonly StatementRule[]): CompiledRules {
  let c = COMPILED.get(list);
  if (!c) {
    const rules = list.filter((r): r is StatePhraseRule => r.state !== 'renamed');
    const allPhrases = rules.flatMap((r) => r.phrases);
    c = {
      rules,
      renamers: list.filter((r): r is RenameRule => r.state === 'renamed'),
      allPhrases,
      anyPhrase: new PhraseSet(allPhrases.map((p) => p.toLowerCase())),
      quiet: null,
    };
    const cues = c.renamers.flatMap((r) => r.cueWords ?? ['']).map((w) => w.toLowerCase());
    if (cues.every((w) => w !== '' && foldHan(w) === w)) c.quiet = new PhraseSet([...allPhrases.map((p) => p.toLowerCase()), '已于', '已在', '并', ...cues]);
    COMPILED.set(list, c);
  }
  return c;
}

function blocked(pre: string, post: string): boolean {
  if (BLOCK_ANYWHERE_ZH.some((w) => pre.includes(w)) || BLOCK_ANYWHERE_EN.test(pre)) return true;
  if (BLOCK_TAIL.test(trimSubject(pre, true) || pre.trim()) || BLOCK_TAIL.test(pre.trim())) return true;
  if (BLOCK_AFTER.test(post)) return true;
  // A figure right after the phrase (`完成 80%`, `dropped to 40%`) is a level, not a state.
  return /^\s*(?:(?:to|by|at|from|至|到)\s*)?[\d.]+\s*%/iu.test(post);
}

const PART_SET = new Set(PARTS.map((p) => p.toLowerCase()));

function isPart(name: string): boolean {
  return PART_SET.has(name.trim().toLowerCase());
}

/**
 * Reads one clause for one rule. `fallback` are the names the line is about when the clause
 * names nothing itself (its head, the row's name, the parent item or heading).
 */
function readClause(
  clause: string,
  rule: StatePhraseRule,
  fallback: readonly string[],
  allPhrases: readonly string[],
  clean: (s: string) => string,
  /** The text the clause is part of (a line's body, a cell): a completion of a step must not be partial anywhere in it. */
  context: string = clause,
  lower: string = clause.toLowerCase(),
): Found[] {
  const out: Found[] = [];
  const words = wordsOf(rule);
  for (const { start, end, phrase } of occurrences(clause, rule, lower)) {
    // What a phrase is said of and what it says stand near it: a window on each side keeps a clause of thousands of
    // phrases (one long line of `任务1完成…任务2完成…`) linear. Names are far shorter than the window.
    const pre = clause.slice(Math.max(0, start - NEAR), start);
    const post = clause.slice(end, end + NEAR);
    // A stop at a level (`ON HOLD at 40%`, `暂停在 62%`) is a stop: the figure says where it stopped.
    if (blocked(pre, rule.state === 'completed' ? post : post.replace(/^\s*(?:at|在|于)\s*(?=[\d.]+\s*%)/iu, ' @'))) continue;
    // Done for a part of the audience is not done (`went live in 3 pilot stores`, `launched in beta`, `上线（灰度）`).
    if (rule.state === 'completed' && PARTIAL.test(remarkOf(post).replace(/^\s*[(（[【][^()（）[\]【】]*[)）\]】]/u, (r) => (PARTIAL.test(r) ? r : '')))) continue;
    // Who decided is no subject: `业务确认移出本期范围`, `集团决定暂停`, `客户要求取消`.
    // A reason is no subject either (`因预算冻结，本项目暂停`, `由于人手不足暂停`): the line's item is meant.
    // A field label (`状态 已完成`) or the item's own step that counts as the whole (`上线✅`, `开发暂停`) names the
    // line's item, not a part.
    const trimmed = trimSubject(pre, true);
    const stepOfItem =
      trimmed !== '' && words.wholeObjects.has(trimmed.toLowerCase()) && !(rule.state === 'completed' && PARTIAL.test(context));
    const subject =
      WHO_DECIDED.test(trimmed) || STATUS_LABEL.test(trimmed) || stepOfItem || /^(?:因为|由于|因(?!素|子|果|特)|受[^，,]{0,12}影响)/u.test(trimmed) ? '' : trimmed;
    // A phrase set off as a tag (`【暂停】人员调往双11`, `[已上线] 3/25 切流`): what follows explains it.
    const tagged = /[【[(（]\s*$/u.test(pre) && /^\s*[】\])）]/u.test(post);
    // A bracketed remark right after the phrase is no object (`继续搁置（62%）`, `暂停 (since 3/2)`, `已上线（3/25 切流）`) —
    // unless it narrows a completion to a part (`已上线（灰度）`, `shipped (beta)`, `已上线（覆盖 30% 门店）`).
    let rest = tagged ? post.replace(/^\s*[】\])）]/u, '') : post;
    const remark = /^\s*[(（[【]([^()（）[\]【】]*)[)）\]】]/u.exec(rest);
    if (remark && !(rule.state === 'completed' && PARTIAL.test(remark[1]!))) rest = rest.slice(remark[0].length);
    const into = words.targetPhrases.has(phrase.toLowerCase());
    // Split into parts that are items of their own ends the item; split into tasks or sprints plans its work.
    if (into && SPLIT_PHRASES.has(phrase.toLowerCase()) && !SPLIT_ITEMS.test(post)) continue;
    // Merged into a code branch (`合并到主干`, `merged into main`) is a commit, not the item's end.
    if (into && CODE_TARGET.test(rest)) continue;
    let object = into || ADVERBIAL_AFTER.test(rest) ? '' : trimSubject(rest, false);
    // Another phrase of the same sense after this one (`✅ 电子签收已全量上线`): the object is what stands before it.
    for (let round = 0; round < 3 && object; round++) {
      const before = object;
      // Lowercased once per change of the object, not once per phrase (a rule has ~200 phrases).
      let lower = object.toLowerCase();
      for (const lp of lowerPhrases(rule)) {
        // Only a phrase ending as the object ends can be cut: its last character must be the object's (when
        // lowercasing kept the length, as it does but for a few letters such as `İ`).
        if (lp.length > 0 && lower.length === object.length && lp.charCodeAt(lp.length - 1) !== lower.charCodeAt(lower.length - 1)) continue;
        const i = lower.lastIndexOf(lp);
        if (i >= 0 && i + lp.length === object.length) {
          object = trimSubject(object.slice(0, i), true);
          lower = object.toLowerCase();
        }
      }
      if (object === before) break;
    }
    // A bare figure after a stop is where it stopped (`暂停，停在 62%` aside): no object.
    if (rule.state !== 'completed') object = object.replace(/^[\d.]+\s*%$/u, '');
    object = object.replace(/[\s\p{Extended_Pictographic}\uFE0F。.,，;；!！]+$/u, '').trim();
    const whole = object !== '' && (words.wholeObjects.has(object.toLowerCase()) || endsWhole(object, rule));
    let subjects: string[];
    const own = subject !== '' && !GENERIC_REF.test(subject);
    // A bare `完成` after a step (`积分过期规则评审完成`, `接口联调完成`) is that step done, not an item.
    if (own && phrase === '完成' && STEP_END.test(subject)) continue;
    if (tagged && !own && object !== '' && !whole && (isPart(clean(object)) || PARTIAL.test(object))) {
      continue;
    } else if (tagged && !own && object !== '' && !whole) {
      // `【已上线】会员中台`: the tag is about what follows it, or else (`会员中台：【暂停】人员调往双11`) the line's item.
      subjects = [object, ...fallback.slice(0, 1)];
    } else if (!own) {
      if (object === '' || whole) subjects = [...fallback];
      else if (words.objectNamesItem.has(phrase.toLowerCase())) {
        // A mark before a line's head (`✔ 自助点单小程序 3.0：1/2 全量`): the head before the colon is the item.
        const head = /^([^:：]{2,}?)\s*[:：]/u.exec(object)?.[1]?.trim();
        subjects = head && head !== object ? [object, head] : [object];
      }
      else continue;
    } else {
      if (object !== '' && !whole) continue;
      // `反外挂系统因人员不足暂停`: the item is what stands before the reason (also offered).
      const reason = /^(.+?)\s*(?:因为|由于|因)/u.exec(subject);
      subjects = reason ? [subject, reason[1]!] : [subject];
      // A short word for the line's own item (`海外版本本地化：…，本地化工作先搁置`): the item is the line's head.
      const core = subject.replace(/(?:的)?(?:工作|项目|开发|研发|优化|实施|建设|推进|事项|部分|这块|这边|work|project)$/iu, '').trim();
      if (core.length >= 2 && fallback[0] && fallback[0] !== subject && fallback[0].toLowerCase().includes(core.toLowerCase())) subjects.push(fallback[0]);
    }
    // Several items merged into one (`门店巡检与设备报修合并为“门店运维平台”`, `A and B merged into C`): each of them ends.
    if (own && into && !SPLIT_PHRASES.has(phrase.toLowerCase())) {
      const each = conjuncts(subject);
      if (each.length >= 2) {
        for (const one of each.map(clean).filter((x) => x && !isPart(x) && !GENERIC_REF.test(x))) out.push({ rule, phrase, subjects: [one], ownSubject: own });
        continue;
      }
    }
    subjects = subjects.map(clean).filter((s) => s && !isPart(s) && !GENERIC_REF.test(s));
    if (subjects.length) out.push({ rule, phrase, subjects, ownSubject: own });
  }
  return out;
}

/** The items a subject joins (`门店巡检与设备报修`, `会员积分、会员等级两个项目`, `Search v2 and Search ranking`); one when it joins none. */
function conjuncts(subject: string): string[] {
  const t = subject.replace(/\s*(?:这|那)?(?:两|二|三|四|2|3|4)\s*(?:个|项)?(?:项目|专项|子项目|模块)?$|\s*(?:二者|三者|两者|both(?: projects)?)$/iu, '');
  return t.split(/\s*(?:与|和|及|以及|、|&|\band\b|,|，)\s*/iu).map((x) => x.trim()).filter((x) => x.length > 0);
}

/** `已于<time><verb>`: a done verb with its time between 已 and it (see statementText). */
const ALREADY_AT = /已(?:于|在)[^\S\n]*([^，,。；;已\n]{1,14}?)\s*((?:正式|全量|全面|顺利|如期)?(?:上线|发布|投产|交付|完成|验收|结项|完工))/gu;

/**
 * The text statements are read in: Simplified (`暫停` is `暂停`; model/han.ts keeps the length), and a time between
 * 已 and a done verb read as if before it (`已于3月5日上线`, `已在周二完成验收` → `3月5日已上线`). Never across lines.
 */
function statementText(normalized: string): string {
  // ALREADY_AT needs `已于` or `已在`, DONE_AND `完成` and `并`: most blocks hold neither and are not scanned for them.
  let t = foldHan(normalized);
  if (t.includes('已于') || t.includes('已在')) t = t.replace(ALREADY_AT, '$1已$2');
  if (t.includes('完成') && t.includes('并')) t = t.replace(DONE_AND, '$1已$2');
  return t;
}

/** `完成全部开发并上线`, `完成验收并交付`: the work done and then the item launched or delivered — read as `已上线`. */
const DONE_AND = /(?<![未没不待])(?:已)?完成[^，,。；;!?！？\n]{0,12}?并(?:已)?((?:正式|全量|全面|顺利)?)(上线|发布|投产|交付)(?=\s*(?:[，,。；;!！\n]|$))/gu;

/**
 * Steps joined (`开发并交付首个海外客户`, `联调和上线`): the object is the whole item when its last step is one of the
 * rule's whole objects, alone or with whom it went to (`交付首个海外客户`), never to a part of the audience (`上线灰度`).
 */
function endsWhole(object: string, rule: StatePhraseRule): boolean {
  const steps = object.split(/\s*(?:并且|并|以及|和|及|与|、|\band\b)\s*/u).filter(Boolean);
  if (steps.length < 2) return false;
  const last = steps[steps.length - 1]!.toLowerCase();
  return rule.wholeObjects.some((w) => {
    const lw = w.toLowerCase();
    if (!last.startsWith(lw)) return false;
    const rest = last.slice(lw.length);
    return rest === '' || (/^(?:给|至|到)?[\p{Script=Han}\w ]{0,12}$/u.test(rest) && !/灰度|试点|测试|预发|内测|公测|部分|一期|beta|pilot|test/iu.test(rest));
  });
}

/** An item's own step at the end of its name (`会员中台上线`, `Billing export launch`): the item is the rest. */
const TRAILING_STEP = /\s*(?:全量上线|正式上线|上线|发布|交付|验收|投产|launch|release|rollout|go-live)$/iu;

/**
 * A ticked task (`- [x] 会员中台上线`, `- [x] Billing export`): the item its text names is done — its head, or the
 * whole first line, also without a trailing launch step. Never a plan, a part or a partial launch.
 */
function tickedItem(block: Block, rules: readonly StatePhraseRule[], clean: (s: string) => string): Statement | undefined {
  const rule = rules.find((r) => r.state === 'completed');
  if (!rule) return undefined;
  const first = foldHan(block.text.split('\n')[0]!.normalize('NFKC')).trim();
  if (!first || PARTIAL.test(first) || BLOCK_ANYWHERE_ZH.some((w) => first.includes(w)) || BLOCK_ANYWHERE_EN.test(first)) return undefined;
  const { head } = splitHead(first);
  const named = clean(head || first);
  const subjects = [named, clean(named.replace(TRAILING_STEP, ''))].filter((n) => n && !isPart(n) && !GENERIC_REF.test(n));
  if (!subjects.length) return undefined;
  return { kind: 'completed', phrase: '[x]', rule: rule.name, line: block.line, subjects, text: block.text.split('\n')[0]!.trim() };
}

/** A heading of work done (`本周已完成`, `已上线项目`, `Done this week`, `Completed`): its items are done. */
const DONE_HEADING = /^(?:[\p{Extended_Pictographic}\uFE0F✓✔☑#*\s]|[一二三四五六七八九十\d]+\s*[、.．)）]\s*)*(?:(?:本周|本期|本月|上周)?(?:已完成|已上线|已交付|已结项)(?:的)?(?:项目|事项|工作|任务|需求|里程碑)?(?:清单|列表)?|(?:done|completed|shipped|delivered|launched)(?:\s+(?:this week|items|projects|work))?)\s*[:：]?$/iu;

/**
 * An item listed under a heading of done work: done when its text is a bare name (`会员中台`, `电子签收上线`) — a
 * body after a head (`电子签收：完成联调`), a figure, a plan or a partial launch says nothing.
 */
function listedDone(block: Block, section: string, rules: readonly StatePhraseRule[], clean: (s: string) => string): Statement | undefined {
  const first = foldHan(block.text.split('\n')[0]!.normalize('NFKC')).trim();
  if (!first || /\d\s*%|[:：，,。；;]|\s[—–-]{1,2}\s/u.test(first)) return undefined;
  const said = tickedItem({ ...block, checked: true }, rules, clean);
  return said && { ...said, phrase: section.trim() };
}

/** `名称：正文` or `名称 — 正文`: the head names the line's item. */
function splitHead(line: string): { head: string; body: string } {
  const m = /^(.{1,48}?)\s*(?:[:：]|\s[—–-]{1,2}\s|——)\s*(.*)$/u.exec(line);
  if (!m) return { head: '', body: line };
  const head = m[1]!;
  // A time (`18:30`) or a sentence is no head.
  if (/\d$/u.test(head) && /^\d/u.test(m[2] ?? '')) return { head: '', body: line };
  if (/[。；;!?！？]/u.test(head)) return { head: '', body: line };
  return { head, body: m[2] ?? '' };
}

/** Sentences, then clauses. */
function clausesOf(body: string): string[][] {
  return body
    .split(/[。；;!?！？]|(?<=[a-z0-9)\]])\.(?:\s+|$)/iu)
    .map((s) => s.split(/[，,]/u).filter((c) => c.trim() !== ''))
    .filter((s) => s.length > 0);
}

// ------------------------------------------------------------------ walking a document

export interface StatementOptions {
  lexicon: Lexicon;
  rules: readonly StatementRule[];
  /** True for blocks in sections that report nothing (next week's plan, reflections, quoted mail). */
  skip: (block: Block) => boolean;
  /** True for a section name that reports nothing (`下周计划`): for sections a plain text names by a label line. */
  skipSection?: (name: string) => boolean;
}

/**
 * A line that names the section below it in plain text, where no heading markup exists: `【本周已完成】`, `[Done]`,
 * `本周已完成：` — alone in its paragraph, short.
 */
function sectionLabel(block: Block): string | undefined {
  if (block.kind !== 'paragraph' || block.depth !== 0 || block.text.length > 40 || block.text.includes('\n')) return undefined;
  const t = nfkc(block.text).trim();
  if (t.length > 24 || /%/u.test(t)) return undefined;
  const m = /^[【[]\s*([^【】[\]]{1,20}?)\s*[】\]]$/u.exec(t) ?? /^([^:：，,。]{1,20}?)\s*[:：]$/u.exec(t);
  return m?.[1];
}

const nameOf = (raw: string, lx: Lexicon) => cleanName(raw, lx);

/** Table columns that hold last week's or the planned state: a stop written there is history, not news. */
function contextColumn(header: string, lx: Lexicon): boolean {
  const h = nfkc(header);
  return lx.lists.prevColumns.find(h) !== undefined || lx.lists.plannedColumns.find(h) !== undefined || /\bdelta\b|环比|变化/iu.test(h);
}

/** The names a table row is about: its name column, then the leading text cells joined (as the table reader names rows). */
function rowNames(block: Block, lx: Lexicon): { names: string[]; nameCols: Set<number> } {
  const header = (block.header ?? []).map((h) => nfkc(h));
  const cells = (block.cells ?? []).map((c) => nfkc(c));
  const nameCols = new Set<number>();
  const named = header.findIndex((h) => lx.lists.nameColumns.find(h) !== undefined);
  const textCell = (c: string) => c.trim() !== '' && /\p{L}/u.test(c) && !/%/u.test(c);
  const names: string[] = [];
  if (named >= 0 && textCell(cells[named] ?? '')) {
    nameCols.add(named);
    names.push(nameOf(cells[named]!, lx));
  }
  const lead: string[] = [];
  for (let i = 0; i < cells.length && textCell(cells[i]!) && !(named >= 0 && i > named); i++) {
    lead.push(cells[i]!);
    nameCols.add(i);
  }
  if (lead.length) {
    names.push(nameOf(lead[lead.length - 1]!, lx));
    if (lead.length > 1) names.push(nameOf(lead.join(' '), lx));
  }
  return { names: [...new Set(names.filter(Boolean))], nameCols };
}

/** Separators and brackets around a state written after a name (`· 暂停中`, `（搁置中）`, `[on hold]`, `— 已完成`). */
const STATE_EDGE = /^[\s·・•|｜\-—–:：,，(（\[【]+|[\s)）\]】.。]+$/gu;

/**
 * A state written after a name in a name cell (`港股通行情升级 · 暂停中`): the name (as names are cleaned) and the
 * rule whose phrase the rest is, whole. Undefined when the cell holds more than a name and one state phrase.
 */
function stateInName(cell: string, rules: readonly StatePhraseRule[], lx: Lexicon): { name: string; phrase: string; rule: StatePhraseRule } | undefined {
  const name = nameOf(cell, lx);
  const at = name ? cell.indexOf(name) : -1;
  if (at < 0) return undefined;
  const tail = cell.slice(at + name.length).replace(STATE_EDGE, '').toLowerCase();
  if (!tail || cell.slice(0, at).trim()) return undefined;
  for (const rule of rules) {
    const phrase = rule.phrases.find((p) => p.toLowerCase() === tail);
    if (phrase) return { name, phrase, rule };
  }
  return undefined;
}

/** The name of the nearest (last) of `texts` that names something, else undefined. */
function lastNamed(texts: readonly string[], name: (t: string) => string): string | undefined {
  for (let i = texts.length - 1; i >= 0; i--) {
    const n = name(texts[i]!);
    if (n) return n;
  }
  return undefined;
}

/** Every statement candidate of a document, in line order. */
export function findStatements(blocks: readonly Block[], opts: StatementOptions): Statement[] {
  const { lexicon: lx } = opts;
  const { rules, renamers, allPhrases, anyPhrase, quiet } = compiledRules(opts.rules);
  const renamesOf = (line: string) => renamers.flatMap((r) => r.renames(line).map((found) => ({ found, rule: r.name })));
  const states = (text: string) => anyPhrase.test(text.toLowerCase());
  const clean = (s: string) => nameOf(s, lx);
  const out: Statement[] = [];
  const seen = new Map<string, Statement>();
  const emit = (s: Statement) => {
    const subjects = [...new Set(s.subjects.map((x) => x.trim()).filter(Boolean))];
    if (!subjects.length) return;
    const k = `${s.kind}\u0000${s.line}\u0000${subjects.join('\u0001')}\u0000${s.formerly ?? ''}`;
    const had = seen.get(k);
    // One statement per line and subject; words (`已完成`) are better evidence than a mark (`✅`).
    if (had) {
      if (!/\p{L}/u.test(had.phrase) && /\p{L}/u.test(s.phrase)) had.phrase = s.phrase;
      return;
    }
    const st = { ...s, subjects };
    seen.set(k, st);
    out.push(st);
  };

  // A document repeats its headings and parents on every block below them: each is named once.
  const headingNames = new Map<string, string>();
  const parentNames = new Map<string, string>();
  const headingOf = (h: string) => {
    let n = headingNames.get(h);
    if (n === undefined) headingNames.set(h, (n = headingName(h, lx)));
    return n;
  };
  const parentOf = (p: string) => {
    let n = parentNames.get(p);
    if (n === undefined) parentNames.set(p, (n = nameOf(splitHead(nfkc(p)).head || p, lx)));
    return n;
  };
  // Whether a heading or label line is one of done work: asked of every item, answered once per text.
  const doneHeadings = new Map<string, boolean>();
  const isDoneHeading = (h: string) => {
    let v = doneHeadings.get(h);
    if (v === undefined) doneHeadings.set(h, (v = DONE_HEADING.test(nfkc(h).trim())));
    return v;
  };
  // The section a plain text's label line opened (`【本周已完成】`), until the next paragraph or heading.
  let label: string | undefined;
  for (const block of blocks) {
    if (block.kind === 'heading' || (block.kind === 'paragraph' && block.depth === 0)) label = sectionLabel(block);
    if (block.kind === 'code') continue;
    // Whether the block's section reports nothing is asked first only of ticked items and rows; a block of prose is
    // first read for a phrase or a rename word (most hold neither), then asked.
    if ((block.checked || block.kind === 'row') && opts.skip(block)) continue;
    if (label !== undefined && block.kind === 'item' && opts.skipSection?.(label)) continue;
    // The names around the block, found only when a line states something (most do not).
    let around: { heading: string | undefined; parent: string | undefined } | undefined;
    const names = () =>
      (around ??= {
        heading: lastNamed(block.headings, headingOf),
        parent: lastNamed(block.parents, parentOf),
      });

    if (block.checked) {
      const said = tickedItem(block, rules, clean);
      if (said) emit(said);
    } else if (block.kind === 'item' && block.depth <= 1 && isDoneHeading(label ?? block.headings[block.headings.length - 1] ?? '') && !opts.skip(block)) {
      // An item listed bare under a heading of done work (`## 本周已完成` / `- 会员中台`) is said to be done.
      const said = listedDone(block, label ?? block.headings[block.headings.length - 1]!, rules, clean);
      if (said) emit(said);
    }

    if (block.kind === 'row') {
      const { names, nameCols } = rowNames(block, lx);
      const text = block.text.trim();
      (block.cells ?? []).forEach((raw, i) => {
        const cell = nfkc(raw);
        for (const { found: r, rule } of renamesOf(cell)) {
          const to = r.to ?? (nameCols.has(i) ? nameOf(cell.slice(0, r.index), lx) : names[0]);
          if (to) emit({ kind: 'renamed', phrase: r.phrase, rule, line: block.line, subjects: [to], formerly: r.formerly, text });
        }
        // Phrases are matched in Simplified (`暫停` is `暂停`); renames above keep the script the report wrote.
        const scell = statementText(cell);
        if (nameCols.has(i)) {
          // A state left in the name cell (`债券估值引擎（搁置中）`, `Quote board [on hold]`): the row's item is in it.
          const said = stateInName(scell, rules, lx);
          if (said) emit({ kind: said.rule.state, phrase: said.phrase, rule: said.rule.name, line: block.line, subjects: [said.name], text });
          return;
        }
        if (!states(scell) || contextColumn(block.header?.[i] ?? '', lx)) return;
        for (const f of readText(scell, names, rules, anyPhrase, allPhrases, clean)) {
          emit({ kind: f.rule.state, phrase: f.phrase, rule: f.rule.name, line: block.line, subjects: f.subjects, text });
        }
      });
      continue;
    }

    // Most blocks hold no phrase and no rename word: read through the unit maps, they are passed over uncopied.
    if (quiet && quiet.testMapped(block.text, phraseUnit) === false) continue;
    // NFKC once per block (it maps no character to a line break, so lines stay lines), lowercased once for the
    // phrase test; a block that states nothing and renames nothing is done with here.
    const normBlock = nfkc(block.text);
    // Phrases are matched in Simplified (same length, so lines stay lines); renames read the text as written.
    const stateText = statementText(normBlock);
    const lowerBlock = stateText.toLowerCase();
    const stateBlock = anyPhrase.test(lowerBlock);
    if (!stateBlock && renamers.every((r) => r.cue !== undefined && !r.cue.test(normBlock))) continue;
    if (!block.checked && opts.skip(block)) continue;
    const normLines = normBlock.split('\n');
    const lowerLines = lowerBlock.split('\n');
    const stateLines = stateText.split('\n');
    block.text.split('\n').forEach((rawLine, k) => {
      const line = normLines[k] ?? nfkc(rawLine);
      if (!line.trim()) return;
      const renames = renamesOf(line);
      const stating = stateBlock && anyPhrase.test(lowerLines[k] ?? line.toLowerCase());
      if (!renames.length && !stating) return;
      const lineNo = block.line + k;
      const asWritten = splitHead(line);
      const written = asWritten.head;
      const stateLine = stateLines[k] ?? statementText(line);
      // Most lines read the same in Simplified: split once.
      const { head, body } = stateLine === line ? asWritten : splitHead(stateLine);
      const headName = head ? nameOf(head, lx) : '';
      const { heading, parent } = names();
      for (const { found: r, rule } of renames) {
        // `清结算中心（原“资金清分平台”）`: the new name is what stands before the remark.
        const before = nameOf(line.slice(0, r.index), lx);
        const to = r.to ?? (before || (written ? nameOf(written, lx) : '') || (block.kind === 'heading' ? '' : heading));
        if (to) emit({ kind: 'renamed', phrase: r.phrase, rule, line: lineNo, subjects: [to], formerly: r.formerly, text: rawLine.trim() });
      }
      if (!stating) return;
      const fallback = [headName, block.kind === 'heading' ? '' : (parent ?? ''), block.kind === 'heading' ? '' : (heading ?? '')].filter(Boolean);
      const found = head
        ? [...readText(head, [], rules, anyPhrase, allPhrases, clean), ...readText(body, [headName], rules, anyPhrase, allPhrases, clean)]
        : readText(stateLine, fallback, rules, anyPhrase, allPhrases, clean);
      for (const f of found) {
        emit({ kind: f.rule.state, phrase: f.phrase, rule: f.rule.name, line: lineNo, subjects: f.subjects, text: rawLine.trim() });
      }
    });
  }
  return out;
}

/**
 * Statements of a text run: each clause names its own subject, or else the subject an earlier
 * clause of the sentence named (`历史账单回迁完毕，已全量上线`), or else the fallback (the line's head).
 */
function readText(
  text: string,
  fallback: readonly string[],
  rules: readonly StatePhraseRule[],
  anyPhrase: PhraseSet,
  allPhrases: readonly string[],
  clean: (s: string) => string,
): Found[] {
  const out: Found[] = [];
  for (const sentence of clausesOf(text)) {
    let prevSubject = '';
    for (const clause of sentence) {
      // A clause holding no phrase of any rule states nothing (asked once, not once per rule).
      const lower = clause.toLowerCase();
      if (!anyPhrase.test(lower)) continue;
      const names = prevSubject ? [prevSubject] : fallback;
      for (const rule of rules) {
        for (const f of readClause(clause, rule, names, allPhrases, clean, text, lower)) {
          out.push(f);
          if (f.ownSubject) prevSubject = f.subjects[0] ?? prevSubject;
        }
      }
    }
  }
  return out;
}
