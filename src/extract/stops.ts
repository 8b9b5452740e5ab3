// Recognisers: an item the report says is paused (`暂停`, `搁置`, `on hold`) or cancelled (`取消`, `终止`, `cancelled`).

import type { StateRule } from './stated.js';

/** Words after a stop phrase that still mean the whole item (`暂停推进`, `搁置开发`). */
const WHOLE = ['开发', '推进', '实施', '建设', '研发', '工作', '投入', '排期', '项目', '立项', 'development', 'work'];

/**
 * A pause the report states: distinct from an item that silently vanished (`dropped`), never
 * stalled. Said of the item (its name, its line head, `本项目`), not of a part (`暂停灰度`), not
 * a plan or a condition (`如果下周还拿不到接口就暂停`), not a service window (`周六凌晨暂停交易`).
 */
export const PAUSE_RULE: StateRule = {
  name: 'stated-pause',
  description: 'an item the report says is paused, on hold or shelved',
  state: 'paused',
  phrases: ['暂停', '搁置', '暂缓', '挂起', 'on hold', 'paused', 'deprioritised', 'deprioritized', 'shelved', 'put on ice'],
  objectNamesItem: [],
  wholeObjects: WHOLE,
  examples: {
    accept: [
      { text: '- 跨境收单：外管局正式稿要求境内落地清算，项目暂停，待法务评估后再定', subject: '跨境收单' },
      { text: '3. 司机App 4.0：因人员全部支援年终结算，项目搁置，春节后再排期；', subject: '司机App 4.0' },
      { text: '- 反外挂系统升级：为保春节版本，本项目搁置到节后', subject: '反外挂系统升级' },
      { text: '| Energy report sync | 40% | on hold | — |', subject: 'Energy report sync', header: ['Milestone', 'Last Week', 'This Week', 'Delta'] },
      { text: '** Energy report sync — on hold', subject: 'Energy report sync' },
      { text: '- Loyalty wallet: deprioritised for Q3', subject: 'Loyalty wallet' },
      { text: '- 门店巡检小程序暂停开发，人员支援大促', subject: '门店巡检小程序' },
    ],
    reject: [
      { text: '- 支付网关：周六凌晨暂停交易 2 小时进行升级', name: '支付网关', why: 'a service window, not the item' },
      { text: '- 灰度发布：暂停灰度，等监控补齐', name: '灰度发布', why: 'the rollout of a part is paused' },
      { text: '- 跨境收单：如果下周还拿不到批复就暂停', name: '跨境收单', why: 'a condition' },
      { text: '- 跨境收单：暂停后已恢复推进', name: '跨境收单', why: 'resumed after a pause' },
      { text: '| Energy report sync | on hold | 45% | resumed |', name: 'Energy report sync', why: 'last week\'s column', header: ['Milestone', 'Last Week', 'This Week', 'Delta'] },
      { text: '- 互联网医院对接：停滞，等集团决策', name: '互联网医院对接', why: 'stalled is not paused' },
    ],
  },
};

/** A cancellation the report states: the item ends on purpose, unlike a silent `dropped`. */
export const CANCEL_RULE: StateRule = {
  name: 'stated-cancel',
  description: 'an item the report says is cancelled or terminated',
  state: 'cancelled',
  phrases: ['不再推进', '不再做', '取消', '终止', '砍掉', 'cancelled', 'canceled', 'scrapped', 'called off'],
  objectNamesItem: [],
  wholeObjects: WHOLE,
  examples: {
    accept: [
      { text: '经 9/25 架构评审会决定，风控规则迁移取消，改由风控中台统一承接', subject: '风控规则迁移' },
      { text: '3. 仓配一体化对接（鲜丰水果）：鲜丰方面确认终止合同，本项目取消，代码归档；', subject: '仓配一体化对接（鲜丰水果）' },
      { text: '| Voice assistant integration | 15% | cancelled | — |', subject: 'Voice assistant integration', header: ['Milestone', 'Last Week', 'This Week', 'Delta'] },
      { text: '| 互联网医院对接 | — | 取消 | 集团统一建设 |', subject: '互联网医院对接', header: ['项目', '进度', '状态', '本周说明'] },
      { text: '- 客服机器人接入：经评估改用平台统一客服方案，本项目取消', subject: '客服机器人接入' },
    ],
    reject: [
      { text: '- 会员中心：取消旧版积分兑换入口', name: '会员中心', why: 'a feature is removed, not the item cancelled' },
      { text: '- 会员中心：不取消，按原计划推进', name: '会员中心', why: 'a negation' },
      { text: '- 会员中心：取消暂停，恢复开发', name: '会员中心', why: 'un-pausing' },
      { text: '- 鲜丰对接：鲜丰方面确认终止合同', name: '鲜丰对接', why: 'the contract ends; the item is not said to' },
    ],
  },
};
