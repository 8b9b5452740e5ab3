// Recogniser: an item reported done in words (`✅ 历史账单回迁完毕，已全量上线`, `shipped`), never a part of it (`完成联调`).

import type { StateRule } from './stated.js';

/**
 * A completion stated without a figure. The phrase must be said OF the item: right after its
 * name (`电子签收已全量上线`, `Display driver rewrite shipped`), after its line head (`新手七日活动：✅
 * 已上线`), of `本项目`, or with the item as its object (`已完成设备注册接口`). A phrase with an object
 * that is not the item (`电子签收：已完成联调`) or a subject that is a part (`一期已上线`) is a part done,
 * not the item: nothing. Plans and negations (`预计下周全量上线`, `尚未完成`) are nothing. Precision
 * matters more than recall: analyze/ applies a candidate only where a subject equals a tracked name.
 */
export const COMPLETION_RULE: StateRule = {
  name: 'completion-words',
  description: 'an item said to be done, launched or delivered in words (no figure): an inferred 100',
  state: 'completed',
  phrases: [
    '已全量上线', '已完成', '完成了', '已上线', '全量上线', '已全量', '已交付', '交付完成', '验收通过', '已验收', '已结项', '结项',
    '已投产', '如期上线', '顺利上线', '正式上线', '上线完成', '已发布', '完毕',
    'done', 'shipped', 'launched', 'delivered', 'completed', 'went live', 'is live', 'live in production', 'released',
    '✅', '✔️', '✔', '☑️', '☑',
  ],
  objectNamesItem: ['已完成', '完成了', '已交付', '已上线', '正式上线', 'shipped', 'launched', 'delivered', 'completed', 'released', '✅', '✔️', '✔', '☑️', '☑'],
  wholeObjects: [],
  examples: {
    accept: [
      { text: '✅ 历史账单回迁完毕，已全量上线，商户侧可查 2019 年以来全部账单。', subject: '历史账单回迁' },
      { text: '3. 电子签收：✅ 电子签收已全量上线，1月11日起所有订单使用电子凭证；', subject: '电子签收' },
      { text: '- 新手七日活动：✅ 已上线，1/28 起对新注册用户开放', subject: '新手七日活动' },
      { text: '- 已完成设备注册接口', subject: '设备注册接口' },
      { text: '- Display driver rewrite shipped in firmware 2.4.0 on Wednesday', subject: 'Display driver rewrite' },
      { text: '| 会员积分商城 | 已上线 | 3/16 切流 |', subject: '会员积分商城', header: ['项目', '状态', '说明'] },
      { text: '2. 合规报送平台 3/16 晚如期上线', subject: '合规报送平台' },
      { text: '- Checkout v2: done', subject: 'Checkout v2' },
      { text: '* Partner API — delivered', subject: 'Partner API' },
    ],
    reject: [
      { text: '- 电子签收：已完成联调，下周灰度', name: '电子签收', why: 'a part (联调) is done, not the item' },
      { text: '- 电子签收：完成一期，二期排期中', name: '电子签收', why: 'a phase is done, not the item' },
      { text: '- 电子签收：一期已上线', name: '电子签收', why: 'the subject is a phase' },
      { text: '- 电子签收：预计下周全量上线', name: '电子签收', why: 'a plan' },
      { text: '- 电子签收：尚未完成，卡在 CA 合同', name: '电子签收', why: 'a negation' },
      { text: '- 电子签收：全量上线前需要法务确认', name: '电子签收', why: '"before launch" is not a launch' },
      { text: '- 电子签收：压测已完成', name: '电子签收', why: 'a part (压测) is done' },
      { text: '- Checkout v2: design done, build next', name: 'Checkout v2', why: 'a part (design) is done' },
      { text: '- Checkout v2 will be launched next week', name: 'Checkout v2', why: 'a plan' },
      { text: '- 电子签收：基本完成', name: '电子签收', why: '"mostly done" is no completion' },
      { text: '- 收银台改版：新版收银台已完成，已上线灰度', name: '收银台改版', why: 'the sentence is about another subject' },
    ],
  },
};
