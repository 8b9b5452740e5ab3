// The supported percentage forms, as data: the README prints this table, and a test checks every example.

export interface Pattern {
  /** What the form is. */
  pattern: string;
  /** A line written that way (Markdown as in a report). */
  example: string;
  /** What the extractor makes of it, in words. */
  result: string;
}

export const PATTERNS: readonly Pattern[] = [
  {
    pattern: 'name + progress word + figure',
    example: '- 结算中心重构进度30%',
    result: 'progress 30, project 结算中心重构',
  },
  {
    pattern: 'two figures in one clause, each named by the word before its progress word',
    example: '- 会员积分改版，前端进展60%、后端进展45%',
    result: 'progress 60 (会员积分改版 / 前端) and 45 (会员积分改版 / 后端)',
  },
  {
    pattern: 'a line head owns a metric named before the progress word',
    example: '- 风控规则平台，灰度验证完成，规则迁移进度40%',
    result: 'progress 40, project 风控规则平台, metric 规则迁移',
  },
  {
    pattern: 'a bare 进度 clause is named by the clause before it; items split at ；',
    example: '- 开票系统二期，红冲功能开发，进度80%；电子发票归档，进度30%',
    result: 'progress 80 (开票系统二期 / 红冲功能开发) and 30 (开票系统二期 / 电子发票归档)',
  },
  {
    pattern: 'several named items on one line without a head',
    example: '- 对账单改造进度70%；清分报表迁移进度20%',
    result: 'progress 70 (对账单改造) and 20 (清分报表迁移)',
  },
  {
    pattern: 'filler before the progress word (整体, 总体, 总, 当前, 目前)',
    example: '- 发票中台，当前进度55%',
    result: 'progress 55, project 发票中台',
  },
  {
    pattern: 'a figure named only by its heading (list markers like `B. ` stripped)',
    example: '### B. 供应链金融\n\n项目整体进度35%',
    result: 'progress 35, project 供应链金融',
  },
  {
    pattern: 'a continuation paragraph under a list item, bracketed remark before the colon',
    example: '- 数据中台总进度：64.5%\n\n    日志表迁移，迁移进度（共90张）：58.89%',
    result: 'progress 64.5 (数据中台) and 58.89 (日志表迁移)',
  },
  {
    pattern: 'a fraction beside the figure',
    example: '2. 存量接口：任务完成占比75%（36/48）',
    result: 'progress 75, project 存量接口, done 36, total 48; a disagreeing fraction is kept with a warning',
  },
  {
    pattern: 'a count line named by its bracketed label',
    example: '[ledger] 180 / 200 (90%)',
    result: 'progress 90, project ledger, done 180, total 200',
  },
  {
    pattern: 'completion in brackets beside a coverage figure',
    example: '1. 字段分级：核心表100%有覆盖(完成度88.5%)',
    result: 'progress 88.5, project 字段分级; the coverage 100 is ignored',
  },
  {
    pattern: 'full-width digits, ％, ： and spaces anywhere',
    example: '- 账务核心 进度：６０ ％',
    result: 'progress 60, project 账务核心',
  },
  {
    pattern: 'a change within one line',
    example: '- 消息中心进度由45%提升至60%',
    result: 'progress 60 with prev 45, project 消息中心 (45 is not a second item)',
  },
  {
    pattern: 'approximate figures',
    example: '- 工单系统迁移进度约60%',
    result: 'progress 60, qualifier 约 (also >90%, ≈90%, 90%+, 90%以上)',
  },
  {
    pattern: 'a bare `name：figure` line outside a metrics block',
    example: '- 商户入网改造：35%',
    result: 'progress 35, project 商户入网改造',
  },
  {
    pattern: 'table with a progress column (and last week / planned columns)',
    example: '| 项目 | 上周 | 本周进度 |\n|---|---|---|\n| 库存同步 | 40% | **55%** |',
    result: 'progress 55 with prev 40, project 库存同步 (计划进度/实际进度 → actual with planned)',
  },
  {
    pattern: 'operating figures (成功率, 可用性, 转化率 … and lists under `成功率：` or a metrics heading)',
    example: '- 代扣成功率：99.95%',
    result: 'kpi 99.95, project 代扣成功率',
  },
  {
    pattern: 'growth, comparisons and targets',
    example: '2. 存储降本目标15%，本周完成冷数据归档，费用环比下降4%',
    result: 'ignored (target; growth), never progress',
  },
  {
    pattern: 'URL-encoded bytes in links and bare URLs',
    example: '[2024/03/08 周五](2024-03-08%20周五_abc.md)',
    result: 'ignored: %20 is not a percentage (link hrefs never reach the extractor)',
  },
  {
    pattern: 'percentages outside 0–100 or in scientific notation',
    example: '- 压测进度150%',
    result: 'ignored with a warning',
  },
  {
    pattern: 'reflection, next week, daily-log sections; headings; code blocks',
    example: '# 本周收获与反思\n\n团队交付效率同比增长20%',
    result: 'ignored',
  },
  {
    pattern: 'a list item that is only a name and its figure (status tags, emoji and checkboxes trimmed)',
    example: '- [ ] 🟢【进行中】积分商城改版 70%',
    result: 'progress 70, project 积分商城改版',
  },
  {
    pattern: 'a dash between name and figure, in items and headings',
    example: '### 2.1 支付网关 — 70%\n\n- 日志链路切换 —— 40%',
    result: 'progress 70 (支付网关) and 40 (日志链路切换)',
  },
  {
    pattern: 'a heading carrying its project figure in brackets',
    example: '## 🚀 创作者激励计划（进度60%）',
    result: 'progress 60, project 创作者激励计划',
  },
  {
    pattern: 'OKR key results: the KR label owns the completion figure; the target inside the KR is ignored',
    example: '- KR2：首页白屏率降低到0.3%以下，完成度 35%',
    result: 'progress 35, project KR2',
  },
  {
    pattern: 'English completion words after the figure',
    example: '- Checkout redesign: 75% complete, A/B test next week',
    result: 'progress 75, project Checkout',
  },
  {
    pattern: 'plan vs actual in one line: actual is the figure, plan its planned, lag nothing',
    example: '### 供应商门户\n\n**进度：** 计划 70%，实际 60%，滞后 10%',
    result: 'progress 60, project 供应商门户 (70 kept as planned; 滞后 10% ignored)',
  },
  {
    pattern: 'field labels are no names (`负责人：` … `进度：`, fields split by ideographic spaces)',
    example: '## WMS 新版切换\n\n**负责人：** 周凯　**进度：** 80%　**状态：** 按计划',
    result: 'progress 80, project WMS',
  },
  {
    pattern: 'a bare figure after an "under way" status',
    example: '1. 堆垛机调试：进行中，约 30%',
    result: 'progress 30, project 堆垛机调试, qualifier 约',
  },
  {
    pattern: 'a bare name after a progress figure of the same segment is one more item',
    example: '- 主线第三章：美术资源完成约70%，剧情配音 50%。',
    result: 'progress 70 (主线第三章 / 美术资源) and 50 (主线第三章 / 剧情配音)',
  },
  {
    pattern: 'a fraction with a progress word before the bracketed figure',
    example: '1. K8s 升级：生产集群 6/10 完成（60%）',
    result: 'progress 60, project K8s, done 6, total 10',
  },
  {
    pattern: 'strike-through is superseded: only the figure after it counts',
    example: '- 售后工单：进度 ~~40%~~ 50%',
    result: 'progress 50, project 售后工单',
  },
  {
    pattern: 'section lines without `#` (`一、`, `（二）`) act as headings',
    example: '一、运营数据\n\n1. 次日留存 42%，付费率 3.1%',
    result: 'kpi 42, kpi 3.1: a metrics section; 付费率 is a rate, not the fee rate 费率',
  },
  {
    pattern: 'any `…率` without a progress word is an operating figure',
    example: '- 测试用例通过率95%，bug修复率 80%',
    result: 'kpi 95, kpi 80; never progress',
  },
  {
    pattern: 'a figure with no other name takes the report\'s project (`项目名称：`, else the title)',
    example: '- **项目名称**: 电子病历质控系统\n\n## 项目进度\n\n- **实际进度**: 50%',
    result: 'progress 50, project 电子病历质控系统',
  },
  {
    pattern: 'a state column beside a progress column; total rows; KPI-named rows under a completion column',
    example: '| 项目 | 状态 | 完成度 |\n|---|---|---|\n| KR2 机器利用率提升至60% | 🟢 正常 | 30% |\n| 合计 | | 30% |',
    result: 'progress 30, project KR2 (the 合计 row is derived, skipped)',
  },
  {
    pattern: 'shares, rollouts, probabilities, confidence: not progress',
    example: '- iOS用户占比35%，Android 灰度 10%\n- 延期概率 50%，信心指数 70%\n- 30% chance that the review slips',
    result: 'ignored',
  },
  {
    pattern: 'a plan list under a `下周：` intro line',
    example: '下周：\n\n- 推荐位对接完成 100%',
    result: 'ignored',
  },
  {
    pattern: 'completion words without a figure',
    example: '- 退款链路切换，已全部上线',
    result: 'nothing (no figure is invented)',
  },
];
