// Rule chinese-figure: figures written in Chinese words — `七成`, `八成五`, `百分之六十`, `过半`, `一半` (`近八成`: 80, qualifier 近).

import type { LineFacts } from '../../facts.js';
import type { Lexicon } from '../../lexicon.js';
import { chineseNumber } from '../../text.js';
import { progress } from '../expect.js';
import type { FigureRule, ScannedFigure } from '../types.js';

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `六十` → 60, `一百` → 100, `六十五点五` → 65.5 (null when not a number up to 100). */
function wordsToNumber(int: string, frac: string | undefined): number | null {
  const whole = int === '一百' || int === '百' ? 100 : chineseNumber(int);
  if (whole === null || whole > 100) return null;
  if (!frac) return whole;
  const digits = [...frac].map((c) => DIGIT[c]);
  if (digits.some((d) => d === undefined)) return null;
  return Number(`${whole}.${digits.join('')}`);
}

/** `百分之六十`, `百分之九十九点五`; `七成`, `八成五`, `十成`; `过半`, `一半`. Not `八成功`, not `成本`. */
const WORDED = /百分之([零〇一二两三四五六七八九十百]{1,4})(?:点([零〇一二三四五六七八九]{1,3}))?|([一二三四五六七八九十两])成(?![功本员果熟立为都就长型品绩])([一二三四五六七八九](?![十百千万亿]))?|(过半|一半)/gu;

/** A verb of work (or a `roughly`) right before a worded figure: `做了`, `开发`, `到了`, `差不多`. */
const WORK_BEFORE = /(?:做了?|干了?|写了?|搞了?|到了|推到|推进到|开发|测试|联调|差不多|基本)\s*$/u;

/** Does the text hold a worded figure at all (a cheap test before scanning)? */
export const WORDED_HINT = /百分之|[一二三四五六七八九十两]成|过半|一半/u;

export const chineseFigure: FigureRule = {
  stage: 'figure',
  name: 'chinese-figure',
  description:
    'a figure in Chinese words (`七成` 70, `八成五` 85, `百分之六十` 60, `过半` 50 with qualifier 过, `近八成` 80 with qualifier 近): `百分之…` always; `…成` when its clause holds a progress word, a verb of work stands before it (`做了八成五`, `开发三成`) or it ends its clause; `过半` with a progress word',
  accepts: [
    { text: '关于智能投顾模块。与基金代销系统的接口联调已完成七成。', figure: '七成', expect: progress(70, '智能投顾模块', '与基金代销系统的接口联调') },
    { text: '- 风险测评问卷改版完成八成五', figure: '八成五', expect: progress(85, '风险测评问卷改版') },
    { text: '- 适老化改造：整体完成百分之六十', figure: '百分之六十', expect: progress(60, '适老化改造') },
    { text: '- 保单回溯，近八成历史保单已完成回溯', figure: '八成', expect: progress(80, '保单回溯', null, { qualifier: '近' }) },
    { text: '- 存量数据迁移，进度已过半', figure: '过半', expect: progress(50, '存量数据迁移', null, { qualifier: '过' }) },
    { text: '- 票据识别：百分之四十，手写体样本还不够', figure: '百分之四十', expect: progress(40, '票据识别') },
    { text: '- 直播回放：前端收尾，服务端做了八成五', figure: '八成五', expect: progress(85, '直播回放', '服务端') },
    { text: '**会员中心改版** — 设计稿定了，开发三成。', figure: '三成', expect: progress(30, '会员中心改版', '开发') },
    { text: '- 商家后台改版：只做了两成，设计稿还在改', figure: '两成', expect: progress(20, '商家后台改版') },
  ],
  rejects: [
    { text: '团队近八成需求为插单，需要约定冻结窗口。', figure: '八成', expect: { verdict: 'none' } },
    { text: '- 成本八成由云资源构成', figure: '八成', expect: { verdict: 'none' } },
    { text: '- 约两成用户来自小程序渠道', figure: '两成', expect: { verdict: 'none' } },
  ],
  scan(line: LineFacts, lx: Lexicon): ScannedFigure[] {
    const n = line.n;
    if (!WORDED_HINT.test(n)) return [];
    const out: ScannedFigure[] = [];
    for (const m of n.matchAll(WORDED)) {
      let value: number | null;
      let qualifier: string | undefined;
      if (m[1] !== undefined) value = wordsToNumber(m[1], m[2]);
      else if (m[3] !== undefined) {
        const tens = m[3] === '十' ? 10 : DIGIT[m[3]]!;
        value = tens * 10 + (m[4] ? DIGIT[m[4]]! : 0);
        if (value > 100) value = null;
      } else {
        value = 50;
        if (m[5] === '过半') qualifier = '过';
      }
      if (value === null) continue;
      const start = m.index!;
      const end = start + m[0].length;
      // Only a figure when its clause speaks of progress (`已完成七成`, `完成百分之六十`): `八成需求为插单` is a share.
      // (Read at most 60 characters either way: a clause longer than that says nothing more, and long lines stay linear.)
      let from = start;
      while (from > 0 && start - from < 60 && !/[,;。!?:]/u.test(n[from - 1]!)) from--;
      let to = end;
      while (to < n.length && to - end < 60 && !/[,;。!?]/u.test(n[to]!)) to++;
      // `百分之六十` says percent in words: always a figure (like `60%`; the classify rules decide what it is). `七成`
      // is one when its clause speaks of progress, when a verb of work stands before it (`服务端做了八成五`,
      // `开发三成`), or when it ends its clause (`差不多九成）`, `只做了两成。`): `八成需求为插单` is a share of something.
      if (m[1] === undefined && m[5] === undefined && !lx.lists.progressWords.find(n.slice(from, to))) {
        const before = n.slice(Math.max(from, start - 6), start);
        const rest = n.slice(end, to).replace(/^\s*(?:左右|以上|多|了)?\s*/u, '');
        if (!(WORK_BEFORE.test(before) || rest === '' || /^[)\]】]/u.test(rest))) continue;
      } else if (m[5] !== undefined && !lx.lists.progressWords.find(n.slice(from, to))) continue;
      out.push({ start, end, numStart: start, sign: '', digits: String(value), value, exponent: false, form: 'chinese-figure', ...(qualifier ? { qualifier } : {}) });
    }
    return out;
  },
};
