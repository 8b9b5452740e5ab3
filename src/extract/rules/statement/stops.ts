// Rules stated-pause and stated-cancel: an item the report says is paused (`暂停`, `搁置`, `on hold`) or cancelled (`取消`, `终止`, `cancelled`).

import type { StatePhraseRule } from '../types.js';
import { SPLIT_PHRASES } from '../../../model/split.js';

/** Words after a stop phrase that still mean the whole item (`暂停推进`, `搁置开发`). */
const WHOLE = ['开发', '推进', '实施', '建设', '研发', '工作', '投入', '排期', '项目', '立项', 'development', 'work'];

/** Horizons a whole item is put off to (`延期至下季度`, `pushed to Q3`): a pause, unlike a date that is only a delay (`延期至4月`). */
const LATER_ZH = ['下季度', '下个季度', '下一季度', '明年', '下半年', '年后', '节后', '春节后', '下一期', '下期', '下个财年', '下一财年', '下个版本', '下一版本', 'Q1', 'Q2', 'Q3', 'Q4', 'H2'];
const LATER_EN = ['next quarter', 'next year', 'next half', 'next release', 'the next release', 'next fiscal year', 'h2', 'q1', 'q2', 'q3', 'q4'];
const PUT_OFF = [
  ...['延期', '推迟', '延后', '顺延', '推后', '后延'].flatMap((v) => ['至', '到', ''].flatMap((p) => LATER_ZH.map((h) => `${v}${p}${h}`))),
  ...['postponed to', 'deferred to', 'pushed to', 'moved to', 'pushed out to', 'slipped to'].flatMap((v) => LATER_EN.map((h) => `${v} ${h}`)),
];

const milestones = '| Milestone | Last Week | This Week | Delta |\n|---|---|---|---|\n';

/**
 * A pause the report states: distinct from an item that silently vanished (`dropped`), never stalled. Said
 * of the item (its name, its line head, `本项目`, a table row's state cell), not of a part (`暂停灰度`), not a
 * plan or a condition (`如果下周还拿不到接口就暂停`), not a service window (`周六凌晨暂停交易`), not last week's column.
 */
export const statedPause: StatePhraseRule = {
  stage: 'statement',
  name: 'stated-pause',
  description: 'an item the report says is paused, on hold or shelved (`暂停`, `搁置`, `on hold`, `deprioritised`): paused, never stalled, not a silent drop',
  state: 'paused',
  phrases: [
    '暂停', '搁置', '暂缓', '挂起', '冻结', '已冻结', '中止', '暂不推进', '暂时不做', '暂不启动',
    // Still stopped: `⏸ 暂停中`, `搁置中` (the `中` is no object).
    '暂停中', '搁置中', '暂缓中', '挂起中', '冻结中',
    // Put aside in other words (round 5): `搁浅`, `先放一放`, `按下暂停键`, `暂不投入`, `on the back burner`, `put on hold`.
    '搁浅', '暂时搁浅', '先放一放', '放一放', '按下暂停键', '暂不投入', 'on the back burner', 'back-burnered', 'put on hold', 'iced',
    'on hold', 'on pause', 'paused', 'deprioritised', 'deprioritized', 'shelved', 'parked', 'put on ice', 'on ice', 'frozen', 'suspended', 'halted', 'deferred', 'postponed',
    ...PUT_OFF,
  ],
  objectNamesItem: [],
  // `延期至下季度再启动`, `推迟到明年再议`: the whole item waits.
  wholeObjects: [...WHOLE, '再启动', '启动', '重启', '再议', '再排期', '排期', '再评估', '再定', '再做', '再推进', '执行', '实施'],
  accepts: [
    { text: '- 跨境收单：外管局正式稿要求境内落地清算，项目暂停，待法务评估后再定', expect: { verdict: 'stated', state: 'paused', subject: '跨境收单' } },
    { text: '3. 司机App 4.0：因人员全部支援年终结算，项目搁置，春节后再排期；', expect: { verdict: 'stated', state: 'paused', subject: '司机App 4.0' } },
    { text: '- 反外挂系统升级：为保春节版本，本项目搁置到节后', expect: { verdict: 'stated', state: 'paused', subject: '反外挂系统升级' } },
    { text: `${milestones}| Energy report sync | 40% | on hold | — |`, expect: { verdict: 'stated', state: 'paused', subject: 'Energy report sync' } },
    { text: '## Energy report sync — on hold', expect: { verdict: 'stated', state: 'paused', subject: 'Energy report sync' } },
    { text: '- Loyalty wallet: deprioritised for Q3', expect: { verdict: 'stated', state: 'paused', subject: 'Loyalty wallet' } },
    { text: '- 门店巡检小程序暂停开发，人员支援大促', expect: { verdict: 'stated', state: 'paused', subject: '门店巡检小程序' } },
    { text: '- 反外挂系统升级因安全部人手不足暂停', expect: { verdict: 'stated', state: 'paused', subject: '反外挂系统升级' } },
    { text: '- Legacy API removal: paused until the Q3 planning', expect: { verdict: 'stated', state: 'paused', subject: 'Legacy API removal' } },
    { text: '· 海外版本本地化：海外发行计划延后到明年下半年，本地化工作先搁置', expect: { verdict: 'stated', state: 'paused', subject: '海外版本本地化' } },
    { text: '- 會員積分改版：因預算凍結，本專案暫停', expect: { verdict: 'stated', state: 'paused', subject: '會員積分改版' } },
    { text: '- 會員積分改版：暫緩，等待集團決議', expect: { verdict: 'stated', state: 'paused', subject: '會員積分改版' } },
    { text: '4. 供应商门户：整体延期至下季度再启动', expect: { verdict: 'stated', state: 'paused', subject: '供应商门户' } },
    { text: '- 园区能耗看板：项目冻结，人员转去支援年报', expect: { verdict: 'stated', state: 'paused', subject: '园区能耗看板' } },
    { text: '- Vendor portal: pushed to next quarter', expect: { verdict: 'stated', state: 'paused', subject: 'Vendor portal' } },
    { text: '| 项目 | 完成度 | 负责人 | 备注 |\n|---|---|---|---|\n| 话单归档 | 40% | 鲁川 | 搁置：厂商停止维护，另选方案 |', expect: { verdict: 'stated', state: 'paused', subject: '话单归档' } },
    { text: '- 员工自助端：继续搁置（62%）', expect: { verdict: 'stated', state: 'paused', subject: '员工自助端' } },
    { text: '- 会员中台：【暂停】人员调往双11', expect: { verdict: 'stated', state: 'paused', subject: '会员中台' } },
    { text: '- 会员中台：本期暂缓', expect: { verdict: 'stated', state: 'paused', subject: '会员中台' } },
    { text: '3. 成本看板：继续暂停', expect: { verdict: 'stated', state: 'paused', subject: '成本看板' } },
    { text: '| 專案 | 完成度 | 說明 |\n|---|---|---|\n| 會員積分改版 | — | 持續暫停 |', expect: { verdict: 'stated', state: 'paused', subject: '會員積分改版' } },
    { text: '| Epic | Status | % Complete |\n|---|---|---|\n| Offline mode | Deferred | 30% |', expect: { verdict: 'stated', state: 'paused', subject: 'Offline mode' } },
    { text: '- Offline mode — suspended while legal reviews the data terms', expect: { verdict: 'stated', state: 'paused', subject: 'Offline mode' } },
    { text: '  - 低功耗固件：80%，主控 MCU 缺货，固件优化先搁置，等 2 月到料', expect: { verdict: 'stated', state: 'paused', subject: '低功耗固件' } },
    { text: '- **Replay system** — ON HOLD at 40%. Engine team needs Dario for the netcode refactor.', expect: { verdict: 'stated', state: 'paused', subject: 'Replay system' } },
    { text: '## 港股行情接入 · ⏸ 暂停中', expect: { verdict: 'stated', state: 'paused', subject: '港股行情接入' } },
    { text: '- 园区导览小程序：暂时搁浅，等预算', expect: { verdict: 'stated', state: 'paused', subject: '园区导览小程序' } },
    { text: '- 园区导览小程序：先放一放，人力支援大促', expect: { verdict: 'stated', state: 'paused', subject: '园区导览小程序' } },
    { text: '- Partner SDK: on the back burner until the pricing review', expect: { verdict: 'stated', state: 'paused', subject: 'Partner SDK' } },
    { text: '- Partner SDK: put on hold', expect: { verdict: 'stated', state: 'paused', subject: 'Partner SDK' } },
    { text: '- 港股行情接入：搁置中，等交易所新规', expect: { verdict: 'stated', state: 'paused', subject: '港股行情接入' } },
    // The state left in a name (round 5): after a middle dot, in a bracket of the name cell, after a dash.
    { text: '| 项目 | 进度 |\n|---|---|\n| 债券估值引擎（搁置中） | 30% |', expect: { verdict: 'stated', state: 'paused', subject: '债券估值引擎' } },
    { text: '| Workstream | Progress |\n|---|---|\n| Fund NAV push [on hold] | 50% |', expect: { verdict: 'stated', state: 'paused', subject: 'Fund NAV push' } },
    { text: '- 清算对账自动化 · 暂停中：进度 45%', expect: { verdict: 'stated', state: 'paused', subject: '清算对账自动化' } },
  ],
  rejects: [
    { text: '- 支付网关：周六凌晨暂停交易 2 小时进行升级', expect: { verdict: 'unstated', state: 'paused', subject: '支付网关' } },
    { text: '- 灰度发布：暂停灰度，等监控补齐', expect: { verdict: 'unstated', state: 'paused', subject: '灰度发布' } },
    { text: '- 跨境收单：如果下周还拿不到批复就暂停', expect: { verdict: 'unstated', state: 'paused', subject: '跨境收单' } },
    { text: '- 跨境收单：暂停后已恢复推进', expect: { verdict: 'unstated', state: 'paused', subject: '跨境收单' } },
    { text: `${milestones}| Energy report sync | on hold | 45% | resumed |`, expect: { verdict: 'unstated', state: 'paused', subject: 'Energy report sync' } },
    { text: '- 互联网医院对接：停滞，等集团决策', expect: { verdict: 'unstated', state: 'paused', subject: '互联网医院对接' } },
    { text: '- 供应商门户：上线延期至4月', expect: { verdict: 'unstated', state: 'paused', subject: '供应商门户' } },
    { text: '- 支付网关：代码冻结，周四发布', expect: { verdict: 'unstated', state: 'paused', subject: '支付网关' } },
    { text: '- Vendor portal: deferred revenue report at 40%', expect: { verdict: 'unstated', state: 'paused', subject: 'Vendor portal' } },
    { text: '- Vendor portal: launch postponed by two weeks', expect: { verdict: 'unstated', state: 'paused', subject: 'Vendor portal' } },
    { text: '- Vendor portal: launch pushed to next quarter', expect: { verdict: 'unstated', state: 'paused', subject: 'Vendor portal' } },
    { text: '- 风控模型：灰度中止，回滚到旧模型', expect: { verdict: 'unstated', state: 'paused', subject: '风控模型' } },
  ],
};

/** Merged into another item (the object is where it goes, not a part of it). */
const MERGED = [
  '并入', '已并入', '合并到', '合并至', '合并进', '归并到', '整合到', '整合进', 'merged into', 'folded into', 'absorbed into', 'rolled into',
  // Several merged into one (`门店巡检与设备报修合并为“门店运维平台”`): each of them ends.
  '合并为', '合并成', '整合为', '整合成', '归并为', 'combined into',
];

/**
 * Split into other items (`拆分为“积分中心”和“等级权益”两个项目`, `split into two projects`): the item is no longer
 * tracked on its own, as after a merge; what follows is where its work goes. Only with words that the parts are items
 * of their own (see SPLIT_ITEMS in stated.ts): `需求拆分为 12 个用户故事` plans the work, it ends nothing.
 */
export const SPLIT: readonly string[] = SPLIT_PHRASES;

/** A cancellation the report states: the item ends on purpose, unlike a silent `dropped`. */
export const statedCancel: StatePhraseRule = {
  stage: 'statement',
  name: 'stated-cancel',
  description: 'an item the report says is cancelled or terminated (`取消`, `终止`, `cancelled`): cancelled, not a silent drop',
  state: 'cancelled',
  phrases: [
    '不再推进', '不再做', '不做了', '取消', '终止', '砍掉', 'cancelled',
    // Stopped for good in other words (round 5): `叫停`, `下马`, `放弃`, `已砍`, `废止`, `终止合作`, `axed`, `discontinued`.
    '叫停', '已叫停', '下马', '已下马', '确认放弃', '决定放弃', '放弃', '已砍', '砍了', '废止', '终止合作',
    // No longer reported on its own (after a merge): `不再单独汇报`, `no longer tracked separately`.
    '不再单独汇报', '不再单独跟踪', '不再单列', '不再单独列出', 'no longer reported separately', 'no longer tracked separately',
    'axed', 'discontinued', 'shelved permanently', 'permanently shelved', "won't proceed", 'not proceeding', 'no longer planned', 'canceled', 'scrapped', 'called off', 'descoped', 'de-scoped',
    'dropped from the roadmap', 'removed from the roadmap',
    // Out of this period's scope on purpose: `移出本期范围`, `不纳入本期`, `removed from scope`.
    '移出本期范围', '移出本期', '移出范围', '移出本季度', '移出规划', '不纳入本期', '停止推进', '停止开发', '撤项', '作废',
    // Withdrawn: `撤销立项`, `项目撤销` (`撤销旧入口` names a part: nothing).
    '撤销',
    'removed from scope', 'out of scope', 'no longer pursued', 'not pursuing', 'killed', 'abandoned', 'won\'t do',
    // Merged into another item: no longer tracked on its own (`并入交易中台`, `merged into Identity`).
    ...MERGED,
    ...SPLIT,
  ],
  objectNamesItem: [],
  wholeObjects: WHOLE,
  targetPhrases: [...MERGED, ...SPLIT],
  accepts: [
    { text: '经 9/25 架构评审会决定，风控规则迁移取消，改由风控中台统一承接', expect: { verdict: 'stated', state: 'cancelled', subject: '风控规则迁移' } },
    { text: '3. 仓配一体化对接（鲜丰水果）：鲜丰方面确认终止合同，本项目取消，代码归档；', expect: { verdict: 'stated', state: 'cancelled', subject: '仓配一体化对接（鲜丰水果）' } },
    { text: `${milestones}| Voice assistant integration | 15% | cancelled | — |`, expect: { verdict: 'stated', state: 'cancelled', subject: 'Voice assistant integration' } },
    { text: '| 项目 | 进度 | 状态 | 本周说明 |\n|---|---|---|---|\n| 互联网医院对接 | — | 取消 | 集团统一建设 |', expect: { verdict: 'stated', state: 'cancelled', subject: '互联网医院对接' } },
    { text: '- 客服机器人接入：经评估改用平台统一客服方案，本项目取消', expect: { verdict: 'stated', state: 'cancelled', subject: '客服机器人接入' } },
    { text: '3. 客服工单系统：与集团共享中心方案重叠，经决策不再推进；', expect: { verdict: 'stated', state: 'cancelled', subject: '客服工单系统' } },
    { text: '- Partner SDK: dropped from the roadmap after the pricing review', expect: { verdict: 'stated', state: 'cancelled', subject: 'Partner SDK' } },
    { text: '- 門店自助結帳：經評估取消，改採集團方案', expect: { verdict: 'stated', state: 'cancelled', subject: '門店自助結帳' } },
    { text: '5. 旧版报表迁移：业务确认移出本期范围', expect: { verdict: 'stated', state: 'cancelled', subject: '旧版报表迁移' } },
    { text: '- Membership hub: cancelled — merged into Identity', expect: { verdict: 'stated', state: 'cancelled', subject: 'Membership hub' } },
    { text: '- Partner SDK — out of scope after the Q2 replanning', expect: { verdict: 'stated', state: 'cancelled', subject: 'Partner SDK' } },
    { text: '| 项目 | 进度 | 说明 |\n|---|---|---|\n| 客服质检 | — | 撤销立项，并入集团客服中台统一建设 |', expect: { verdict: 'stated', state: 'cancelled', subject: '客服质检' } },
    { text: '- 客服质检：本项目撤销', expect: { verdict: 'stated', state: 'cancelled', subject: '客服质检' } },
    { text: '- 订单中心：并入交易中台统一建设，不再单列', expect: { verdict: 'stated', state: 'cancelled', subject: '订单中心' } },
    { text: '- 支付路由已合并到支付网关项目', expect: { verdict: 'stated', state: 'cancelled', subject: '支付路由' } },
    { text: '- Loyalty wallet: merged into Identity platform from this week', expect: { verdict: 'stated', state: 'cancelled', subject: 'Loyalty wallet' } },
    { text: '- 园区导览小程序：项目叫停，预算收回', expect: { verdict: 'stated', state: 'cancelled', subject: '园区导览小程序' } },
    { text: '- 园区导览小程序：已下马', expect: { verdict: 'stated', state: 'cancelled', subject: '园区导览小程序' } },
    { text: '- Partner SDK: axed after the reorg', expect: { verdict: 'stated', state: 'cancelled', subject: 'Partner SDK' } },
    { text: '- 门店巡检与设备报修合并为“门店运维平台”，统一排期', expect: { verdict: 'stated', state: 'cancelled', subject: '设备报修' } },
    { text: '- 会员积分、会员等级两个项目合并成会员中心', expect: { verdict: 'stated', state: 'cancelled', subject: '会员积分' } },
    { text: '- 订单导出：与报表中心合并，本项目不再单独汇报', expect: { verdict: 'stated', state: 'cancelled', subject: '订单导出' } },
    { text: '2. 会员体系重构：本周起拆分为“积分中心”和“等级权益”两个项目分别跟踪', expect: { verdict: 'stated', state: 'cancelled', subject: '会员体系重构' } },
    { text: '- 结算平台分拆成清算、对账两个子项目，单独跟踪', expect: { verdict: 'stated', state: 'cancelled', subject: '结算平台' } },
    { text: '- **Onboarding revamp** — split into two projects this week, tracked separately from now on:', expect: { verdict: 'stated', state: 'cancelled', subject: 'Onboarding revamp' } },
  ],
  rejects: [
    { text: '- 会员中心：取消旧版积分兑换入口', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：不取消，按原计划推进', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：取消暂停，恢复开发', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 鲜丰对接：鲜丰方面确认终止合同', expect: { verdict: 'unstated', state: 'cancelled', subject: '鲜丰对接' } },
    { text: '- 会员中心：旧接口作废，统一走新网关', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：撤销旧版积分入口', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 订单中心：本周合并到主干，周四发布', expect: { verdict: 'unstated', state: 'cancelled', subject: '订单中心' } },
    { text: '- 订单中心：退款接口并入交易中台', expect: { verdict: 'unstated', state: 'cancelled', subject: '订单中心' } },
    { text: '- 订单中心：计划下月并入交易中台', expect: { verdict: 'unstated', state: 'cancelled', subject: '订单中心' } },
    { text: '- Loyalty wallet: PR merged into main, release on Friday', expect: { verdict: 'unstated', state: 'cancelled', subject: 'Loyalty wallet' } },
    { text: '- 会员中心：误操作的发布已撤销，重新走审批', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：需求拆分为 12 个用户故事，本周完成 5 个', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：任务拆分成前端、后端两部分并行', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- Checkout v2: work split into three sprints', expect: { verdict: 'unstated', state: 'cancelled', subject: 'Checkout v2' } },
  ],
};
