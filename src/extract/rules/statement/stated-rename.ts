// Rule stated-rename: a rename the report states (`清结算中心（原“资金清分平台”）`, `由X更名为Y`, `renamed from X`), and the remark trimmed from names.

import type { FoundRename, RenameRule } from '../types.js';
import { nfkc } from '../../text.js';

const Q_OPEN = '["“「『‘\'*_]';
const Q_CLOSE = '["”」』’\'*_]';
/** A name inside a remark: no brackets, sentence punctuation or quotes. */
const NAME = '[^()（）\\[\\]【】，,。；;:："“”「」『』‘’\'*_]{1,40}?';

/** Bracket remarks after a name: `（原“资金清分平台”）`, `(原名: X)`, `(formerly X)`, `(renamed from X)`. */
const BRACKET = new RegExp(
  `\\(\\s*(?:原名?称?|原项目名|曾用名|旧名|formerly(?:\\s+known\\s+as|\\s+called)?|renamed\\s+from|previously|was)\\s*[:：为是]?\\s*${Q_OPEN}?(${NAME})${Q_CLOSE}?\\s*(?:[，,；;][^()（）]{0,24})?\\)`,
  'giu',
);
/** `由“X”更名为“Y”`, `X 正式更名为 Y`, `X改名为Y`. */
const CHANGE_TO = new RegExp(
  `(?:由|从|将)?\\s*${Q_OPEN}?(${NAME})${Q_CLOSE}?\\s*(?:正式|已)?(?:更名|改名|重命名|改称)(?:为|成)\\s*${Q_OPEN}?(${NAME})${Q_CLOSE}?(?=$|[\\s，,。；;:：()（）])`,
  'giu',
);
/** A 备注 cell or remark: `由离线数仓二期更名`, `原名X`. */
const CHANGED_FROM = new RegExp(`(?:由|从)\\s*${Q_OPEN}?(${NAME})${Q_CLOSE}?\\s*(?:更名|改名)(?!为|成)|原名\\s*[:：为是]?\\s*${Q_OPEN}?(${NAME})${Q_CLOSE}?(?=$|[\\s，,。；;)）])`, 'giu');
/** English: `X is renamed to Y` (Y quoted or emphasised, or up to the clause end), `renamed from X`, `formerly X`. */
const EN_NAME_TO = `(?:[*_"“]([^*_"”]{1,60})[*_"”]|(${NAME})(?=\\s*(?:$|[,.;()])))`;
const EN_RENAMED_TO = new RegExp(`(?:^|[-*•]\\s+)(${NAME})\\s+(?:is|was|has\\s+been|got)?\\s*renamed\\s+(?:to|as)?\\s*${EN_NAME_TO}`, 'giu');
const EN_FROM = new RegExp(`(?:renamed\\s+from|formerly(?:\\s+known\\s+as|\\s+called)?)\\s+${Q_OPEN}?(${NAME})${Q_CLOSE}?(?=$|[,.;)]|\\s+(?:to|and|—|-)\\s)`, 'giu');

const clean = (s: string) => s.replace(/^[\s*_"'“”「」]+|[\s*_"'“”「」.]+$/gu, '').trim();

/** Every rename a line states (NFKC text). Plans (`拟更名为`, `will be renamed`) are not renames yet. */
/** A word every rename pattern below needs: a line without one states no rename (most lines; checked first). */
export const RENAME_WORDS = ['原', '曾用名', '旧名', '更名', '改名', '重命名', '改称', 'formerly', 'renamed', 'previously', 'was'] as const;
export const RENAME_WORD = new RegExp(RENAME_WORDS.join('|'), 'iu');
/** Words CHANGE_TO (and CHANGED_FROM, with `原名`) cannot match without. */
const CHANGE_WORD = /更名|改名|重命名|改称/u;
/** Words EN_RENAMED_TO (`renamed`) and EN_FROM (`renamed from`, `formerly`) cannot match without. */
const EN_WORD = /renamed|formerly/iu;

export function findRenames(line: string): FoundRename[] {
  const t = nfkc(line);
  if (!RENAME_WORD.test(t)) return [];
  // Each pattern needs words of its own (`原` alone is common: `原因`); a line without them is not matched against it.
  const bracket = t.includes('(');
  const changed = CHANGE_WORD.test(t);
  const english = EN_WORD.test(t);
  const out: FoundRename[] = [];
  const seen = new Set<string>();
  const push = (formerly: string, to: string | null, phrase: string, index: number) => {
    const f = clean(formerly);
    const n = to === null ? null : clean(to);
    // A former name has letters (`(was 55%)` is a former figure).
    if (!f || !/\p{L}/u.test(f) || (n !== null && !n) || f === n) return;
    // A plan is no rename yet: `拟更名为`, `will be renamed`.
    if (/(?:拟|计划|将要|准备|预计|打算|建议)\s*(?:正式)?(?:更名|改名|重命名)|will\s+be\s+renamed|to\s+be\s+renamed/iu.test(t.slice(Math.max(0, index - 8), index + phrase.length))) return;
    const k = `${f}\u0000${n}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ formerly: f, to: n, phrase: phrase.trim(), index });
  };
  if (bracket) for (const m of t.matchAll(BRACKET)) push(m[1]!, null, m[0], m.index!);
  if (changed) for (const m of t.matchAll(CHANGE_TO)) {
    // `玩法项目由“跨服公会战”更名为…`: the old name is what follows 由/从 (quoted), not the clause head.
    const quoted = /[“"「『]([^”"」』]{1,40})[”"」』]\s*(?:正式|已)?(?:更名|改名|重命名|改称)/u.exec(m[0]);
    const afterYou = /(?:由|从)\s*([^，,。；;]{1,40}?)\s*(?:正式|已)?(?:更名|改名|重命名|改称)/u.exec(m[0]);
    push(quoted?.[1] ?? afterYou?.[1] ?? m[1]!, m[2]!, m[0], m.index!);
  }
  if (changed || t.includes('原名')) for (const m of t.matchAll(CHANGED_FROM)) push((m[1] ?? m[2])!, null, m[0], m.index!);
  if (english) for (const m of t.matchAll(EN_RENAMED_TO)) push(m[1]!, (m[2] ?? m[3])!, m[0], m.index!);
  if (english) for (const m of t.matchAll(EN_FROM)) {
    if (!out.some((r) => r.index <= m.index! && m.index! < r.index + r.phrase.length + 2)) push(m[1]!, null, m[0], m.index!);
  }
  return out;
}

/** A name without its rename remark: `清结算中心（原“资金清分平台”）` → `清结算中心`; `由X更名为Y` → `Y`. */
export function stripRenameRemark(name: string): string {
  // Called for every name the extractor gives (a few thousand distinct ones in a department): each is read once.
  let s = stripped.get(name);
  if (s === undefined) {
    if (stripped.size >= 20_000) stripped.clear();
    s = computeStripRenameRemark(name);
    stripped.set(name, s);
  }
  return s;
}

/** Names as stripped of their rename remark (bounded: emptied at 20,000). */
const stripped = new Map<string, string>();

function computeStripRenameRemark(name: string): string {
  const t = nfkc(name);
  if (!/原|曾用名|旧名|更名|改名|重命名|改称|formerly|renamed|previously|\(was/iu.test(t)) return name;
  const br = t.replace(BRACKET, '').trim();
  if (br !== t) return br;
  const m = new RegExp(CHANGE_TO.source, 'iu').exec(t);
  if (m) return clean(m[2]!);
  return name;
}

const rename = (subject: string, formerly: string) => ({ verdict: 'stated' as const, state: 'renamed' as const, subject, formerly });

/**
 * A rename stated in the report becomes an alias old → new when the report is ingested (with the line as
 * evidence); the new name is the one the line gives, else the line's own item (the text before a bracket
 * remark, the line head, the table row's name). The remark itself is no part of a name.
 */
export const statedRename: RenameRule = {
  stage: 'statement',
  name: 'stated-rename',
  description: 'a rename stated in the report (`（原“X”）`, `原名X`, `由X更名为Y`, `X更名为Y`, `renamed from X`, `formerly X`, a 备注 cell `由X更名`): recorded as an alias old → new, with the line as evidence',
  state: 'renamed',
  renames: findRenames,
  cue: RENAME_WORD,
  cueWords: RENAME_WORDS,
  accepts: [
    { text: '### 清结算中心（原“资金清分平台”）', expect: rename('清结算中心', '资金清分平台') },
    { text: '- 玩法项目由“跨服公会战”更名为“联盟争霸”，范围不变：联盟争霸 20%', figure: '20%', expect: rename('联盟争霸', '跨服公会战') },
    { text: '- 离线数仓二期正式更名为湖仓一体平台', expect: rename('湖仓一体平台', '离线数仓二期') },
    { text: '| 项目 | 进度 | 备注 |\n|---|---|---|\n| 湖仓一体平台 | 35% | 由离线数仓二期更名 |', expect: rename('湖仓一体平台', '离线数仓二期') },
    { text: '- 商户成长中心（原名商户学院）：进度 40%', expect: rename('商户成长中心', '商户学院') },
    { text: '| Milestone | Last Week | This Week |\n|---|---|---|\n| Incremental OTA (renamed from OTA delta updates) | 35% | 45% |', expect: rename('Incremental OTA', 'OTA delta updates') },
    { text: '- OTA delta updates is renamed to *Incremental OTA* (same scope).', expect: rename('Incremental OTA', 'OTA delta updates') },
    { text: '- Ledger v3 (formerly Project Atlas): 60%', expect: rename('Ledger v3', 'Project Atlas') },
    { text: '5．企业级数据平台（原"数据中台一期"，本期起更名）：计划 38%，实际 35%。', expect: rename('企业级数据平台', '数据中台一期') },
  ],
  rejects: [
    { text: '- 按部门命名规范更名，范围不变。', expect: { verdict: 'unstated', state: 'renamed', subject: '按部门命名规范' } },
    { text: '- 清结算中心下月拟更名为资金中台', expect: { verdict: 'unstated', state: 'renamed', subject: '资金中台' } },
    { text: '- 原计划 10 月上线，推迟到 11 月', expect: { verdict: 'unstated', state: 'renamed', subject: '10 月上线' } },
    { text: '- **Anti-cheat v2** — 48% (was 55%). Scope grew.', expect: { verdict: 'unstated', state: 'renamed', subject: 'Anti-cheat v2' } },
  ],
};
