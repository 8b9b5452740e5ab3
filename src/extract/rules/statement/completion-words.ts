// Rule completion-words: an item reported done in words (`✅ 历史账单回迁完毕，已全量上线`, `shipped`), never a part of it (`完成联调`).

import type { StatePhraseRule } from '../types.js';

/**
 * A completion stated without a figure. The phrase must be said OF the item: right after its name
 * (`电子签收已全量上线`, `Display driver rewrite shipped`), after its line head (`新手七日活动：✅ 已上线`),
 * of `本项目`, or with the item as its object (`已完成设备注册接口`). A phrase with an object that is not the
 * item (`电子签收：已完成联调`) or a subject that is a part (`一期已上线`) is a part done: nothing. Plans and
 * negations (`预计下周全量上线`, `尚未完成`) are nothing. Precision matters more than recall: analyze/
 * applies a candidate only where a subject equals a tracked name, as a 100 marked inferred.
 */
export const completionWords: StatePhraseRule = {
  stage: 'statement',
  name: 'completion-words',
  description: 'an item said to be done, launched or delivered in words (`已完成`, `已上线`, `全量上线`, `已交付`, `验收通过`, `done`, `shipped`, ✅): an inferred 100 for an item the history tracks; never a part (`完成联调`)',
  state: 'completed',
  phrases: [
    '已全量上线', '已全部上线', '已完成', '已经完成', '已全部完成', '完成了', '全部完成', '顺利完成', '圆满完成', '已上线', '已经上线',
    '全量上线', '全部上线', '已全量', '已交付', '交付完成', '验收通过', '已验收', '已结项', '结项', '已投产', '已投入使用', '投入使用',
    '如期上线', '顺利上线', '正式上线', '上线完成', '已发布', '完毕', '完成上线', '完成全量上线', '完成发布', '完成全量发布', '已全量发布',
    '完成交付', '完成验收', '验收完成', '发布完成',
    // Launched for a whole scope: `已全院上线`, `已在全网发布`.
    ...['院', '网', '国', '站', '省', '市', '员', '公司', '集团', '渠道', '区域', '门店', '平台', '行'].flatMap((s) => [`全${s}上线`, `全${s}发布`, `全${s}推广`]),
    // Built, closed, accepted: `已完工`, `已结案`, `已关闭` (a tracker's Closed), `已交付使用`, `已投运`, `KR 已达成`.
    '已完工', '完工', '竣工', '已竣工', '已结案', '结案', '已关闭', '已交付使用', '交付使用', '已投运', '投入运行', '已达成', '全部达成',
    '全面完成', '已收官', '收官', '已落地', '全面上线', '已全面上线', '上线运行', '已正式上线', '已GA', 'GA发布',
    'done', 'shipped', 'launched', 'delivered', 'completed', 'complete', 'finished', 'wrapped up', 'went live', 'is live',
    'live in production', 'released', 'closed', 'resolved', 'signed off', 'accepted', 'went GA', 'is GA', 'now GA', 'reached GA',
    'generally available', 'now live', 'rolled out to 100%', 'rolled out to all users', 'rolled out to everyone', 'fully rolled out', 'in production',
    '✅', '✔️', '✔', '☑️', '☑', '[x]',
  ],
  objectNamesItem: [
    '已完成', '已经完成', '已全部完成', '完成了', '已交付', '已上线', '已经上线', '正式上线', 'shipped', 'launched', 'delivered', 'completed',
    'finished', 'released', '已完工', '已关闭', '已达成', '✅', '✔️', '✔', '☑️', '☑', '[x]',
  ],
  // `已完成上线`: what was completed is the launch, delivery or acceptance of the item itself.
  // `已交付运营`: handed over to those who run or use it.
  wholeObjects: [
    '上线', '全量上线', '发布', '全量发布', '正式发布', '交付', '验收', '投产', 'rollout', 'launch', 'release', 'delivery',
    '运营', '运维', '业务', '业务方', '客户', '甲方', '用户',
  ],
  accepts: [
    { text: '✅ 历史账单回迁完毕，已全量上线，商户侧可查 2019 年以来全部账单。', expect: { verdict: 'stated', state: 'completed', subject: '历史账单回迁' } },
    { text: '3. 电子签收：✅ 电子签收已全量上线，1月11日起所有订单使用电子凭证；', expect: { verdict: 'stated', state: 'completed', subject: '电子签收' } },
    { text: '- 新手七日活动：✅ 已上线，1/28 起对新注册用户开放', expect: { verdict: 'stated', state: 'completed', subject: '新手七日活动' } },
    { text: '- 已完成设备注册接口', expect: { verdict: 'stated', state: 'completed', subject: '设备注册接口' } },
    { text: '- Display driver rewrite shipped in firmware 2.4.0 on Wednesday', expect: { verdict: 'stated', state: 'completed', subject: 'Display driver rewrite' } },
    { text: '| 项目 | 状态 | 说明 |\n|---|---|---|\n| 会员积分商城 | 已上线 | 3/16 切流 |', expect: { verdict: 'stated', state: 'completed', subject: '会员积分商城' } },
    { text: '2. 合规报送平台 3/16 晚如期上线', expect: { verdict: 'stated', state: 'completed', subject: '合规报送平台' } },
    { text: '- Checkout v2: done', expect: { verdict: 'stated', state: 'completed', subject: 'Checkout v2' } },
    { text: '* Partner API — delivered', expect: { verdict: 'stated', state: 'completed', subject: 'Partner API' } },
    { text: '- 门店数字化巡检：已全部完成，转入运维', expect: { verdict: 'stated', state: 'completed', subject: '门店数字化巡检' } },
    { text: '- 账户中心：已完成上线，旧入口下线', expect: { verdict: 'stated', state: 'completed', subject: '账户中心' } },
    { text: '- 支付网关：本周完成全量发布', expect: { verdict: 'stated', state: 'completed', subject: '支付网关' } },
    { text: '2. 试剂库存预警 —— 本周已全院上线，旧台账停用', expect: { verdict: 'stated', state: 'completed', subject: '试剂库存预警' } },
    { text: '· 春节活动版本：✅ 已交付运营，1 月 20 日开服', expect: { verdict: 'stated', state: 'completed', subject: '春节活动版本' } },
    { text: '- 門市盤點系統：已於 3/8 正式上線，舊系統下線', expect: { verdict: 'stated', state: 'completed', subject: '門市盤點系統' } },
    { text: '- 電子發票：全部完成，進入維運', expect: { verdict: 'stated', state: 'completed', subject: '電子發票' } },
    { text: '3）冷库改造：本周已完工，通过消防验收', expect: { verdict: 'stated', state: 'completed', subject: '冷库改造' } },
    { text: '| Epic | Status | % Complete |\n|---|---|---|\n| Search relevance v3 | Closed | |', expect: { verdict: 'stated', state: 'completed', subject: 'Search relevance v3' } },
    { text: '- Dark mode: rolled out to 100% of users on Tuesday', expect: { verdict: 'stated', state: 'completed', subject: 'Dark mode' } },
    { text: '- Billing export API is GA as of Monday', expect: { verdict: 'stated', state: 'completed', subject: 'Billing export API' } },
    { text: '- 排班小程序已于2月27日上线', expect: { verdict: 'stated', state: 'completed', subject: '排班小程序' } },
    { text: '- Rider app v3 is now live in all cities', expect: { verdict: 'stated', state: 'completed', subject: 'Rider app v3' } },
    { text: '- 智能排班：已交付使用，护理部已签字', expect: { verdict: 'stated', state: 'completed', subject: '智能排班' } },
    { text: '- 跨境发薪：已完成开发并交付首个海外客户 🎉', expect: { verdict: 'stated', state: 'completed', subject: '跨境发薪' } },
    { text: '- KR2 新客首单转化：已达成', expect: { verdict: 'stated', state: 'completed', subject: 'KR2 新客首单转化' } },
  ],
  rejects: [
    { text: '- 电子签收：已完成联调，下周灰度', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：完成一期，二期排期中', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：一期已上线', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：预计下周全量上线', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：尚未完成，卡在 CA 合同', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：全量上线前需要法务确认', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：压测已完成', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：已完成灰度发布，下周全量', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：预计下周完成上线', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 电子签收：已交付测试，等 QA 排期', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- Checkout v2: design done, build next', expect: { verdict: 'unstated', state: 'completed', subject: 'Checkout v2' } },
    { text: '- Checkout v2 will be launched next week', expect: { verdict: 'unstated', state: 'completed', subject: 'Checkout v2' } },
    { text: '- 电子签收：基本完成', expect: { verdict: 'unstated', state: 'completed', subject: '电子签收' } },
    { text: '- 收银台改版：新版收银台已完成，已上线灰度', expect: { verdict: 'unstated', state: 'completed', subject: '收银台改版' } },
    { text: '- 门店数字化巡检：联调全部完成，下周试点', expect: { verdict: 'unstated', state: 'completed', subject: '门店数字化巡检' } },
    { text: '- Partner API: complete the sandbox docs by Friday', expect: { verdict: 'unstated', state: 'completed', subject: 'Partner API' } },
    { text: '- 門市盤點系統：預計下週上線', expect: { verdict: 'unstated', state: 'completed', subject: '門市盤點系統' } },
    { text: '- 冷库改造：主体完工，设备安装中', expect: { verdict: 'unstated', state: 'completed', subject: '冷库改造' } },
    { text: '- Dark mode: rolled out to 20% of users', expect: { verdict: 'unstated', state: 'completed', subject: 'Dark mode' } },
    { text: '- Billing export API: GA planned for June', expect: { verdict: 'unstated', state: 'completed', subject: 'Billing export API' } },
    { text: '- 跨境发薪：已完成开发并上线灰度', expect: { verdict: 'unstated', state: 'completed', subject: '跨境发薪' } },
    { text: '- 跨境发薪：已完成联调和提测', expect: { verdict: 'unstated', state: 'completed', subject: '跨境发薪' } },
    { text: '- 排班小程序：已于2月27日上线灰度', expect: { verdict: 'unstated', state: 'completed', subject: '排班小程序' } },
    { text: '- 智能排班：已达成一致，下周开发', expect: { verdict: 'unstated', state: 'completed', subject: '智能排班' } },
    { text: '- Search relevance v3: closed beta with 40 customers', expect: { verdict: 'unstated', state: 'completed', subject: 'Search relevance v3' } },
    { text: '- 电子发票：已关闭旧入口，新入口灰度中', expect: { verdict: 'unstated', state: 'completed', subject: '电子发票' } },
  ],
};
