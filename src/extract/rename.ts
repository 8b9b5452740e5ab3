// Recogniser: a rename the report states (`清结算中心（原“资金清分平台”）`, `由X更名为Y`, `renamed from X`), and the remark trimmed from names.

/** One stated rename in a line: the earlier name, and the new one when the line says it (else the line's own item). */
export interface FoundRename {
  formerly: string;
  to: string | null;
  /** The words as matched, for evidence. */
  phrase: string;
  /** Where the remark starts in the (NFKC) line: a bracket remark names the item written before it. */
  index: number;
}

export interface RenameExample {
  text: string;
  formerly: string;
  /** The new name (from the line itself, its head, or the table row). */
  to: string;
  header?: string[];
}

const Q_OPEN = '["“「『‘\'*_]';
const Q_CLOSE = '["”」』’\'*_]';
/** A name inside a remark: no brackets, sentence punctuation or quotes. */
const NAME = '[^()（）\\[\\]【】，,。；;:："“”「」『』‘’\'*_]{1,40}?';

/** Bracket remarks after a name: `（原“资金清分平台”）`, `(原名: X)`, `(formerly X)`, `(renamed from X)`. */
const BRACKET = new RegExp(
  `\\(\\s*(?:原名?称?|原项目名|曾用名|旧名|formerly(?:\\s+known\\s+as|\\s+called)?|renamed\\s+from|previously|was)\\s*[:：为是]?\\s*${Q_OPEN}?(${NAME})${Q_CLOSE}?\\s*\\)`,
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
export function findRenames(line: string): FoundRename[] {
  const t = line.normalize('NFKC');
  const out: FoundRename[] = [];
  const seen = new Set<string>();
  const push = (formerly: string, to: string | null, phrase: string, index: number) => {
    const f = clean(formerly);
    const n = to === null ? null : clean(to);
    if (!f || (n !== null && !n) || f === n) return;
    // A plan is no rename yet: `拟更名为`, `will be renamed`.
    if (/(?:拟|计划|将要|准备|预计|打算|建议)\s*(?:正式)?(?:更名|改名|重命名)|will\s+be\s+renamed|to\s+be\s+renamed/iu.test(t.slice(Math.max(0, index - 8), index + phrase.length))) return;
    const k = `${f}\u0000${n}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ formerly: f, to: n, phrase: phrase.trim(), index });
  };
  for (const m of t.matchAll(BRACKET)) push(m[1]!, null, m[0], m.index!);
  for (const m of t.matchAll(CHANGE_TO)) {
    // `玩法项目由“跨服公会战”更名为…`: the old name is what follows 由/从 (quoted), not the clause head.
    const quoted = /[“"「『]([^”"」』]{1,40})[”"」』]\s*(?:正式|已)?(?:更名|改名|重命名|改称)/u.exec(m[0]);
    const afterYou = /(?:由|从)\s*([^，,。；;]{1,40}?)\s*(?:正式|已)?(?:更名|改名|重命名|改称)/u.exec(m[0]);
    push(quoted?.[1] ?? afterYou?.[1] ?? m[1]!, m[2]!, m[0], m.index!);
  }
  for (const m of t.matchAll(CHANGED_FROM)) push((m[1] ?? m[2])!, null, m[0], m.index!);
  for (const m of t.matchAll(EN_RENAMED_TO)) push(m[1]!, (m[2] ?? m[3])!, m[0], m.index!);
  for (const m of t.matchAll(EN_FROM)) {
    if (!out.some((r) => r.index <= m.index! && m.index! < r.index + r.phrase.length + 2)) push(m[1]!, null, m[0], m.index!);
  }
  return out;
}

/** A name without its rename remark: `清结算中心（原“资金清分平台”）` → `清结算中心`; `由X更名为Y` → `Y`. */
export function stripRenameRemark(name: string): string {
  const t = name.normalize('NFKC');
  if (!/原|曾用名|旧名|更名|改名|重命名|改称|formerly|renamed|previously|\(was/iu.test(t)) return name;
  const br = t.replace(BRACKET, '').trim();
  if (br !== t) return br;
  const m = new RegExp(CHANGE_TO.source, 'iu').exec(t);
  if (m) return clean(m[2]!);
  return name;
}

/**
 * The rename rule's examples: `findRenames` (and the statement walker that supplies a missing new
 * name from the line's head, the row's name or the text before a bracket remark) must read them.
 */
export const RENAME_RULE = {
  name: 'stated-rename',
  description: 'a rename stated in the report: recorded as an alias (old → new) with the line as evidence',
  examples: {
    accept: [
      { text: '### 清结算中心（原“资金清分平台”）', formerly: '资金清分平台', to: '清结算中心' },
      { text: '- 玩法项目由“跨服公会战”更名为“联盟争霸”，范围不变：联盟争霸 20%', formerly: '跨服公会战', to: '联盟争霸' },
      { text: '- 离线数仓二期正式更名为湖仓一体平台', formerly: '离线数仓二期', to: '湖仓一体平台' },
      { text: '| 湖仓一体平台 | 35% | 由离线数仓二期更名 |', formerly: '离线数仓二期', to: '湖仓一体平台', header: ['项目', '进度', '备注'] },
      { text: '- 商户成长中心（原名商户学院）：进度 40%', formerly: '商户学院', to: '商户成长中心' },
      { text: '| Incremental OTA (renamed from OTA delta updates) | 35% | 45% |', formerly: 'OTA delta updates', to: 'Incremental OTA', header: ['Milestone', 'Last Week', 'This Week'] },
      { text: '- OTA delta updates is renamed to *Incremental OTA* (same scope).', formerly: 'OTA delta updates', to: 'Incremental OTA' },
      { text: '- Ledger v3 (formerly Project Atlas): 60%', formerly: 'Project Atlas', to: 'Ledger v3' },
    ] satisfies RenameExample[],
    reject: [
      { text: '- 按部门命名规范更名，范围不变。', why: 'no names: the heading carries the rename' },
      { text: '- 清结算中心下月拟更名为资金中台', why: 'a plan' },
      { text: '- 原计划 10 月上线，推迟到 11 月', why: '原计划 is "the original plan", not a former name' },
    ],
  },
} as const;
