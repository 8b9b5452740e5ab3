// Rules stated-pause and stated-cancel: an item the report says is paused (`暂停`, `搁置`, `on hold`) or cancelled (`取消`, `终止`, `cancelled`).

import type { StatePhraseRule } from '../types.js';

/** Words after a stop phrase that still mean the whole item (`暂停推进`, `搁置开发`). */
const WHOLE = ['开发', '推进', '实施', '建设', '研发', '工作', '投入', '排期', '项目', '立项', 'development', 'work'];

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
  phrases: ['暂停', '搁置', '暂缓', '挂起', 'on hold', 'on pause', 'paused', 'deprioritised', 'deprioritized', 'shelved', 'parked', 'put on ice'],
  objectNamesItem: [],
  wholeObjects: WHOLE,
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
  ],
  rejects: [
    { text: '- 支付网关：周六凌晨暂停交易 2 小时进行升级', expect: { verdict: 'unstated', state: 'paused', subject: '支付网关' } },
    { text: '- 灰度发布：暂停灰度，等监控补齐', expect: { verdict: 'unstated', state: 'paused', subject: '灰度发布' } },
    { text: '- 跨境收单：如果下周还拿不到批复就暂停', expect: { verdict: 'unstated', state: 'paused', subject: '跨境收单' } },
    { text: '- 跨境收单：暂停后已恢复推进', expect: { verdict: 'unstated', state: 'paused', subject: '跨境收单' } },
    { text: `${milestones}| Energy report sync | on hold | 45% | resumed |`, expect: { verdict: 'unstated', state: 'paused', subject: 'Energy report sync' } },
    { text: '- 互联网医院对接：停滞，等集团决策', expect: { verdict: 'unstated', state: 'paused', subject: '互联网医院对接' } },
  ],
};

/** A cancellation the report states: the item ends on purpose, unlike a silent `dropped`. */
export const statedCancel: StatePhraseRule = {
  stage: 'statement',
  name: 'stated-cancel',
  description: 'an item the report says is cancelled or terminated (`取消`, `终止`, `cancelled`): cancelled, not a silent drop',
  state: 'cancelled',
  phrases: [
    '不再推进', '不再做', '不做了', '取消', '终止', '砍掉', 'cancelled', 'canceled', 'scrapped', 'called off', 'descoped', 'de-scoped',
    'dropped from the roadmap', 'removed from the roadmap',
  ],
  objectNamesItem: [],
  wholeObjects: WHOLE,
  accepts: [
    { text: '经 9/25 架构评审会决定，风控规则迁移取消，改由风控中台统一承接', expect: { verdict: 'stated', state: 'cancelled', subject: '风控规则迁移' } },
    { text: '3. 仓配一体化对接（鲜丰水果）：鲜丰方面确认终止合同，本项目取消，代码归档；', expect: { verdict: 'stated', state: 'cancelled', subject: '仓配一体化对接（鲜丰水果）' } },
    { text: `${milestones}| Voice assistant integration | 15% | cancelled | — |`, expect: { verdict: 'stated', state: 'cancelled', subject: 'Voice assistant integration' } },
    { text: '| 项目 | 进度 | 状态 | 本周说明 |\n|---|---|---|---|\n| 互联网医院对接 | — | 取消 | 集团统一建设 |', expect: { verdict: 'stated', state: 'cancelled', subject: '互联网医院对接' } },
    { text: '- 客服机器人接入：经评估改用平台统一客服方案，本项目取消', expect: { verdict: 'stated', state: 'cancelled', subject: '客服机器人接入' } },
    { text: '3. 客服工单系统：与集团共享中心方案重叠，经决策不再推进；', expect: { verdict: 'stated', state: 'cancelled', subject: '客服工单系统' } },
    { text: '- Partner SDK: dropped from the roadmap after the pricing review', expect: { verdict: 'stated', state: 'cancelled', subject: 'Partner SDK' } },
  ],
  rejects: [
    { text: '- 会员中心：取消旧版积分兑换入口', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：不取消，按原计划推进', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 会员中心：取消暂停，恢复开发', expect: { verdict: 'unstated', state: 'cancelled', subject: '会员中心' } },
    { text: '- 鲜丰对接：鲜丰方面确认终止合同', expect: { verdict: 'unstated', state: 'cancelled', subject: '鲜丰对接' } },
  ],
};
