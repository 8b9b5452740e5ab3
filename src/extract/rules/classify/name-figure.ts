// Rule name-figure: a list item that is just a name and its figure (`老系统下线 90%`), after a dash, or a sibling of a progress figure.

import { isNameLike, stripMarkers, stripStatus } from '../../names.js';
import { ignored, kpi, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** What may follow a figure that ends its item: a bracketed remark, an arrow, a qualifier. */
function endsClause(after: string): boolean {
  const rest = after.replace(/^\s*(?:以上|左右|\+)?/u, '').replace(/[↑↓↗↘⬆⬇]/gu, '').trim();
  // A sentence ends with the figure (`Ranked mode — 50%. Seasons UI wired`): the rest is another sentence.
  return rest === '' || /^[(\[【]/u.test(rest) || /^(?:[。！!]|\.(?:\s|$))/u.test(rest);
}

/** Words of when or how much, never an item's name (`依然 18%`, `目前 40%`). */
const ADVERB = /^(?:依然|依旧|仍然|仍|还是|还|目前|当前|现在|已经|已|约|大约|大概|差不多|整体|总体|共|合计)$/u;

/** A share of users or traffic on a new version (`灰度 20%`): a rollout level, not an item's progress. */
const ROLLOUT = /灰度|放量|流量|traffic/iu;
/** A figure compared with something (`TPS 达到 Oracle 基线的 92%`): no item's progress. */
const COMPARED = /达到|到达|基线|目标|超过|低于|高于|相比|相当于|baseline|target/iu;

export const nameFigure: ClassifyRule = {
  stage: 'classify',
  name: 'name-figure',
  description:
    'a name and its figure ending the clause: a list item (`- [ ] 🟢【进行中】积分商城改版 70%`), after a dash (`支付网关 — 70%`), or a bare name after a progress figure of the same segment',
  accepts: [
    { text: '- [ ] 🟢【进行中】积分商城改版 70%', expect: progress(70, '积分商城改版') },
    { text: '### 2.1 支付网关 — 70%', expect: progress(70, '支付网关') },
    { text: '导航重构 63%。\n电机固件 v3 70%，一致性测试过了一半。', figure: '63%', expect: progress(63, '导航重构') },
    { text: '- 主线第三章：美术资源完成约70%，剧情配音 50%。', figure: '50%', expect: progress(50, '主线第三章', '剧情配音') },
    { text: '- 玩法项目由“跨服公会战”更名为“联盟争霸”，范围不变：联盟争霸 20%', expect: progress(20, '联盟争霸') },
    { text: '- **Ranked mode** — 50%. Seasons UI wired to backend.', expect: progress(50, 'Ranked mode') },
    { text: '- **Tech**: save-system rewrite 90%; Steam Deck verification 40% (glyphs left).', figure: '40%', expect: progress(40, 'Tech', 'Steam Deck verification') },
  ],
  rejects: [
    { text: '- iOS用户占比35%', expect: kpi(35, 'iOS用户占比') },
    { text: '- 老系统下线 90% 的流量已切走', expect: ignored() },
    { text: '- 说明：其中 30% 来自渠道侧，已反馈', expect: ignored() },
    { text: '- iOS用户占比35%. Android next.', expect: kpi(35, 'iOS用户占比') },
    { text: '- Release 3.4 cut. 40.5% of users updated.', expect: ignored() },
    { text: '本周用户反馈中 12% 与登录有关。', expect: ignored() },
    { text: '- 商城 App 改版：iOS 90%，Android 86%；灰度 20%', figure: '20%', expect: ignored() },
    { text: '3. **性能基线**：核心交易 TPS 达到旧库基线的 92%，批处理耗时为原来的 1.3 倍', expect: ignored() },
  ],
  decide(f, lx) {
    const line = f.line;
    // A bare name opening the next segment after a progress figure (`save-system rewrite 90%; Steam Deck verification 40%`).
    const segmentOpen = f.n.slice(f.segFrom, f.labelStart).trim() === '';
    const sibling =
      !!line.lastProgress && (line.lastProgress.segment === f.segment || (segmentOpen && !ROLLOUT.test(f.label))) && !f.inParens && !f.hadVerb;
    // A paragraph line that is only a name and its figure (`充电桩自动对接 18%。`, plain-text logs) is an item too.
    const lineItem = f.ctx.kind === 'item' || line.markerEnd > 0 || (f.ctx.kind === 'paragraph' && f.n.slice(f.m.end, line.segmentEnd(f.segment)).trim() === '');
    const itemHead = !f.hadVerb && f.ctx.kind !== 'heading' && f.headStart <= line.markerEnd && lineItem && !f.inParens;
    // `…，范围不变：联盟争霸 20%` — a name and its figure after a colon, ending the line.
    // … or a name right after a line's opening label and colon, its figure ending the clause (`**Tech**: save-system rewrite 90%;`).
    const colonBefore = /:\s*$/u.test(f.n.slice(Math.max(0, f.labelStart - 3), f.labelStart));
    const afterColon =
      !f.hadVerb &&
      !f.inParens &&
      colonBefore &&
      (f.n.slice(f.m.end).trim() === '' ||
        (f.line.head !== null && f.line.head.end < f.labelStart && f.after.trim() === '' && f.label.length <= 24 && !ADVERB.test(f.label.trim()) && !COMPARED.test(f.label)));
    if (!(f.hadDash || f.hadColon || itemHead || sibling || afterColon)) return undefined;
    if (!isNameLike(stripStatus(stripMarkers(f.label), lx)) || /占比/u.test(f.label) || !endsClause(f.after)) return undefined;
    return { verdict: 'progress' };
  },
};
