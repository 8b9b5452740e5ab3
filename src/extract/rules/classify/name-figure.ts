// Rule name-figure: a list item that is just a name and its figure (`老系统下线 90%`), after a dash, or a sibling of a progress figure.

import { isNameLike, stripMarkers, stripStatus } from '../../names.js';
import { ignored, progress } from '../expect.js';
import type { ClassifyRule } from '../types.js';

/** What may follow a figure that ends its item: a bracketed remark, an arrow, a qualifier. */
function endsClause(after: string): boolean {
  const rest = after.replace(/^\s*(?:以上|左右|\+)?/u, '').replace(/[↑↓↗↘⬆⬇]/gu, '').trim();
  // A sentence ends with the figure (`Ranked mode — 50%. Seasons UI wired`): the rest is another sentence.
  return rest === '' || /^[(\[【]/u.test(rest) || /^(?:[。！!]|\.(?:\s|$))/u.test(rest);
}

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
  ],
  rejects: [
    { text: '- iOS用户占比35%', expect: ignored() },
    { text: '- 老系统下线 90% 的流量已切走', expect: ignored() },
    { text: '- 说明：其中 30% 来自渠道侧，已反馈', expect: ignored() },
    { text: '- iOS用户占比35%. Android next.', expect: ignored() },
    { text: '- Release 3.4 cut. 40.5% of users updated.', expect: ignored() },
    { text: '本周用户反馈中 12% 与登录有关。', expect: ignored() },
  ],
  decide(f, lx) {
    const line = f.line;
    const sibling = !!line.lastProgress && line.lastProgress.segment === f.segment && !f.inParens && !f.hadVerb;
    // A paragraph line that is only a name and its figure (`充电桩自动对接 18%。`, plain-text logs) is an item too.
    const lineItem = f.ctx.kind === 'item' || line.markerEnd > 0 || (f.ctx.kind === 'paragraph' && f.n.slice(f.m.end, line.segmentEnd(f.segment)).trim() === '');
    const itemHead = !f.hadVerb && f.ctx.kind !== 'heading' && f.headStart <= line.markerEnd && lineItem && !f.inParens;
    // `…，范围不变：联盟争霸 20%` — a name and its figure after a colon, ending the line.
    const afterColon = !f.hadVerb && !f.inParens && /:\s*$/u.test(f.n.slice(Math.max(0, f.labelStart - 3), f.labelStart)) && f.n.slice(f.m.end).trim() === '';
    if (!(f.hadDash || f.hadColon || itemHead || sibling || afterColon)) return undefined;
    if (!isNameLike(stripStatus(stripMarkers(f.label), lx)) || /占比/u.test(f.label) || !endsClause(f.after)) return undefined;
    return { verdict: 'progress' };
  },
};
