// The extractor's configurable word lists: what names a KPI, a progress figure, a metric, a growth, a target.


export interface Vocabulary {
  /** Operating figures that are percentages but not progress (成功率, 可用性 …): kind `kpi`. */
  kpiWords: string[];
  /** A figure whose `；`-segment contains one of these is ignored (rates that are neither progress nor KPI). */
  ignoreWords: string[];
  /** Words that make a nearby percentage a completion figure (longest match wins). */
  progressWords: string[];
  /** Sub-measure names (前端, 后端, 接口 …): such a name is a metric of its owner, never a project of its own. */
  metricWords: string[];
  /** Growth and comparison words: the percentage is a change, not a level (ignored). */
  growthWords: string[];
  /** Target and plan words: the percentage is a goal, not a state (ignored, or `planned` of a sibling). */
  targetWords: string[];
  /** Adverbs trimmed from either end of a name (`当前`, `整体`, `总` before 进度). */
  fillerWords: string[];
  /** Words that are no name on their own (项目, 任务 …): a figure named only by them takes its heading's name. */
  genericNames: string[];
  /** Headings whose sections hold no progress (reflection, next week's plan, daily-log links). */
  ignoreSections: string[];
  /** Headings or intro lines (`成功率：`) that mark a block of operating figures. */
  kpiSections: string[];
  /** Headings that name no project (`上周进展`, `本周主要进展`): skipped when a figure borrows a heading's name. */
  genericHeadings: string[];
  /** Table columns holding the current progress (bare numbers there are percentages). */
  progressColumns: string[];
  /** Table columns holding this week's state (`本周`, `Status`, `Value`): a figure there needs its `%`. */
  stateColumns: string[];
  /** Table columns holding last week's figure (kept as `prev`). */
  prevColumns: string[];
  /** Table columns holding the planned figure (kept as `planned`). */
  plannedColumns: string[];
  /** Table columns holding the actual figure (preferred over plain progress columns). */
  actualColumns: string[];
  /** Table columns holding a change (`Delta`, `环比`): never a level. */
  changeColumns: string[];
  /** Headers of ratio columns (`占比`, `比例`): progress when the row beside them holds done/total counts. */
  ratioColumns: string[];
  /** Headers of count columns (`总数`, `数量`): bare numbers there are counts, never percentages. */
  countColumns: string[];
  /** Headers of attribute columns (owner, status remark, notes, phase, dates): never part of a row's name. */
  attributeColumns: string[];
  /** Table columns naming the row's item. */
  nameColumns: string[];
  /** Lines starting with these are export metadata (`Created: …`), never the report's date. */
  metadataLabels: string[];
  /** Status remarks (`进行中`, `延期`, `【阻塞】`, `on track`): trimmed from names, never a name themselves. */
  statusWords: string[];
  /** Status remarks that mean "under way": `堆垛机调试：进行中，约30%` makes the bare figure progress. */
  ongoingWords: string[];
  /** Markers that are never part of a name when bracketed: `（新）`, `(NEW)`, `【新增】`. */
  markerWords: string[];
  /** Field labels (`负责人：`, `状态：`, `Owner:`): a line head or clause they label is no work item. */
  fieldLabels: string[];
  /** Lines naming the report's one project (`项目名称：…`): figures with no other name take it. */
  projectLabels: string[];
  /** First cells of total rows (`合计`): derived from the rows above, so not an item of their own. */
  totalRows: string[];
  /** KPIs whose name holds one of these improve when they fall (差错率, 耗时, P99 …; see direction.ts). */
  lowerIsBetterWords: string[];
}

/** Built-in words that make lower better for a KPI (rules/direction/kpi-direction.ts). */
export const LOWER_IS_BETTER_WORDS: readonly string[] = [
  '差错率', '错误率', '失败率', '故障', '异常率', '崩溃率', '闪退率', '卡顿率', '白屏率', '报错率', '超时率', '丢包率',
  '耗时', '延迟', '时延', '响应时间', '处理时长', '等待时长', '排队时长', '投诉率', '投诉', '流失率', '流失', '退货率', '退款率',
  '拒付率', '坏账率', '逾期率', '不良率', '缺陷率', '漏测率', '漏报率', '误报率', '货损率', '破损率', '损耗率', '空驶率',
  '返工率', '跳出率', '弃单率', '宕机', '停机', '成本', '费用', '能耗', '油耗',
  'P99', 'P95', 'P90', 'P999', 'TP99', 'TP999', 'latency', 'error rate', 'errors', 'failure rate', 'failure', 'crash rate',
  'churn', 'bounce rate', 'downtime', 'MTTR', 'defect rate', 'cost', 'complaint', 'incident', 'chargeback', 'dispute rate',
  'fraud rate', 'cancellation rate',
  // Durations, backlogs and counts of trouble: less is better (`平均处理时长`, `接口RT`, `缺陷数`, `工单积压`, `告警数`).
  '时长', '时延', '用时', '周期', 'RT', 'TP50', 'TP90', 'TP95', 'P50', '缺陷', 'bug数', 'BUG数', 'Bug数', '工单量', '工单数', '积压', '退货',
  '拒付', '告警', '报警', '客诉', '差评', '事故', '延误', '晚点', '返修', '离职率', '空置率',
  'response time', 'lead time', 'cycle time', 'resolution time', 'time to resolve', 'time to restore', 'MTTD', 'MTTA', 'backlog',
  'open bugs', 'bug count', 'defects', 'tickets', 'alerts', 'incidents', 'outages', 'attrition', 'turnover', 'returns', 'refunds',
  'defect', 'leakage', 'escape rate', 'noise', 'false alarm', 'false positive', 'rework', 'reopen',
  // Vulnerabilities, leaks, exposure, days of stock, cost of a customer, pages at night (round 5).
  '漏洞', '内存泄漏', '敞口', '周转天数', 'CAC', 'vulnerabilities', 'CVE', 'OOM', 'on-call pages', 'cart abandonment', 'churned',
  'mean time to', 'tech debt', 'SLA breach',
];

export const DEFAULT_VOCABULARY: Readonly<Vocabulary> = Object.freeze({
  kpiWords: [
    '成功率', '可用性', '可用率', '转化率', '回收率', '达标率', '覆盖率', '准确率', '命中率', '留存率', '合格率',
    '通过率', '利用率', '使用率', '渗透率', '占有率', '毛利率', '失败率', '错误率', '差错率', '故障率', '投诉率',
    '退款率', '坏账率', '逾期率', '召回率', '点击率', '满意度', '及时率', '准时率', '稳定性', '饱和度', '复购率',
    '活跃率', '付费率', '签约率', '响应率', '缺陷率', '漏测率', '自动化率', '良率',
    'SLA', 'SLO', 'uptime', 'availability', 'success rate', 'error rate', 'conversion', '留存', 'retention',
    'crash-free', 'CTR', 'ROI', 'NPS', 'utilization', 'coverage', 'CPU', 'churn', 'bounce rate', 'downtime', 'MTTR', '流失率',
    // Resource levels and model quality: operating figures, not how far work is.
    'memory', 'disk', '内存', '磁盘', 'accuracy', 'precision', 'recall', 'hit rate', 'hit ratio', 'NRR', 'GRR',
    // Business figures of a company update.
    'gross margin', 'net margin', 'operating margin', 'first-response', 'first response', 'occupancy', '入住率', '毛利',
    // App stability.
    '崩溃率', '闪退率', '卡顿率', 'ANR', 'crash rate',
  ],
  ignoreWords: [
    '费率', '利率', '税率', '汇率', '折扣', '概率', '收益率', '增速', '人效', '水位', '股份', '股权', '置信度', '信心', '预算执行', '开销',
    'chance', 'probability', 'likelihood', 'prob.', 'confidence', 'budget',
  ],
  progressWords: [
    '完成度', '完成率', '完成比例', '完成占比', '完成进度', '任务占比', '总进度', '整体进度', '总体进度', '开发进度',
    '进度', '进展', '已完成', '完成', '达成率', '推进', '写完', '做完', '实际', 'progress', 'actual', 'complete', 'completed', 'completion', 'done',
    'finished', 'configured', 'migrated', 'moved', 'implemented', 'converted', 'built', 'delivered',
  ],
  metricWords: [
    '前端', '后端', '接口', '建模', '迁移', '联调', '测试', '开发', '设计', '上线', '部署', '研发', '验收', '提测',
    '自测', '压测', '埋点', '文档', '需求', '数据', '产品', 'UI', 'UE', 'FE', 'BE', 'QA', 'API', 'H5', 'iOS',
    'Android', '小程序', '服务端', '客户端', '移动端', '管理端', 'PC端', 'App', 'APP', 'Web',
  ],
  growthWords: [
    '同比', '环比', '增长', '下降', '上涨', '下跌', '降低', '减少', '增加', '提升', '提高', '节省', '节约', '降幅',
    '涨幅', '增幅', '较上周', '较上月', '比上周', '比上月', '翻番', '滞后', '落后', '超前', '偏差', '差异', '超支',
    'YoY', 'MoM', 'QoQ', 'WoW', 'growth', 'increase', 'decrease', 'increased', 'decreased', 'down', 'down from', 'up from', 'is up', 'is down',
    'month on month', 'year on year', 'week on week',
  ],
  targetWords: ['目标', '计划', '计画', '预计', '预期', '力争', '争取', '要求', '需达到', '应达到', '承诺', 'target', 'goal', 'plan'],
  fillerWords: [
    '整体', '总体', '总', '当前', '目前', '本周', '本期', '截止本周', '截至本周', '截止目前', '截至目前', '已', '累计',
    '总计', '实际', '最新', '现', '全部', '已经', '因此', '所以', '但是', '同时', '另外', '此外', '该模块', '本模块', '该项目', '本项目', '该系统',
    '该平台',
  ],
  genericNames: [
    '项目', '任务', '工作', '事项', '该项目', '本项目', '该模块', '本模块', '其中', '整体', '总体', '研发', '进展', '专项', '拆分', '分项', '细分',
    'overall', 'total', 'per area', 'breakdown', '这个项目', '整个项目', '该项', '这个', '这块', '这部分',
    'the project', 'this project', 'the whole project', 'the work', 'it',
  ],
  ignoreSections: [
    '收获与反思', '反思', '心得', '感悟', '感想', '随想', '下周工作', '下周计划', '下周计画', '下周目标', '下周重点', '下周安排',
    '日报合集', '日报', '附录', '参考资料', '下期计划', '下月计划', '下阶段计划', '下期工作', 'next week', 'next steps', 'plan for next week',
  ],
  kpiSections: [
    '运行数据', '运营数据', '运行指标', '业务指标', '系统指标', '核心指标', '质量数据', '线上指标', '指标', '监控', '数据看板', 'SLA', 'KPI', '稳定性', '成功率',
    '可用性', 'metric', 'metrics', 'measure', 'measures', '营运数字', '运营数字', '业务数字', 'numbers', 'KPIs', 'key figures',
  ],
  genericHeadings: [
    '上周进展', '本周进展', '本周主要进展', '主要进展', '工作进展', '项目进展', '重点项目', '重点工作', '本周工作',
    '上周工作', '工作内容', '进展', '其他', '其它', '周报', '本周总结', '总结', '重点项目推进', '其他重点项目推进',
    '项目进度', '项目总体进度', '总体进度', '整体进度', '总体情况', '整体情况', '项目概况', '版本概况', '概况', '版本进度',
    '本周工作总结', '进行中工作', '已完成工作', '分项进展', '分项说明', '各项目进展', '项目汇总', '各组同步', '本周重点', '重点', '子项明细', '明细',
    'Highlights', 'Projects', 'Status', 'Progress', 'Summary', 'Overview', 'Updates',
  ],
  progressColumns: ['进度', '完成度', '完成率', '完成比例', '实际进度', 'progress', '% complete', '% done', 'complete', 'completion', 'done'],
  stateColumns: ['this week', '本周', '本期', '本月', 'this month', '当前', 'current', 'value', '数值', '状态', 'status'],
  prevColumns: ['上周', 'last week', '上期', 'previous', 'prev'],
  plannedColumns: ['计划', '计画', '预计', '预期', '目标', 'plan', 'target', 'expected', 'baseline'],
  actualColumns: ['实际', 'actual'],
  changeColumns: ['delta', '环比', '变化', '变动', '增量', '差值', '偏差', '差异', 'Δ', 'change', 'diff', 'variance', 'trend', '趋势', 'wow'],
  ratioColumns: ['占比', '比例', '比率', '百分比', 'ratio', 'percent', 'percentage', 'pct', 'share'],
  countColumns: ['总数', '数量', '个数', '条数', '张数', '表数', 'count', 'total', 'number', 'no.', '#'],
  attributeColumns: [
    '负责人', '责任人', '对接人', '跟进人', 'owner', 'lead', 'assignee', 'pm', '部门', '团队', '小组', 'team', 'department', 'dept', '状态', 'status', 'rag', '备注', '说明', '注释', 'notes', 'note',
    'comment', 'comments', 'remarks', '风险', 'risk', '阶段', 'phase', 'stage', '优先级', 'priority', '日期', '时间', 'date', 'due', 'eta',
    'go-live', '截止', '完成时间', '计划完成', '上线时间', 'baseline', 'forecast', '描述', 'description', '本周进展', '本月进展', '进展说明',
  ],
  nameColumns: ['项目', '名称', '任务', '事项', '工作项', '模块', '需求', '里程碑', 'project', 'name', 'item', 'task', 'milestone', 'module', 'epic'],
  metadataLabels: ['Created', 'Last edited', 'Last Edited', 'Updated', 'Edited', 'Created by', 'Tags', '创建时间', '创建于', '更新时间', '修改时间', '最后编辑', '导出时间'],
  statusWords: [
    '进行中', '开发中', '测试中', '联调中', '设计中', '评审中', '推进中', '处理中', '已完成', '未开始', '待开始', '正常',
    '按计划', '延期', '延迟', '阻塞', '暂停', '有风险',
    // A stop still in force (`港股通行情升级 · 暂停中`, `债券估值引擎（搁置中）`): the state, read by the stop rules, never the name.
    '暂停中', '搁置中', '暂缓中', '挂起中', '冻结中', '已暂停', '已搁置', 'paused', '风险', '已上线', '本周启动', '已启动', '启动',
    'on track', 'at risk', 'blocked', 'in progress', 'ongoing', 'delayed', 'on hold', 'wip', 'WIP',
    // A RAG colour and its Chinese forms (`Amber`, `🟡 黄灯`): how it goes, never part of a name.
    'green', 'amber', 'red', 'yellow', '绿灯', '黄灯', '红灯', 'not started',
  ],
  ongoingWords: [
    '进行中', '开发中', '测试中', '联调中', '设计中', '推进中', '处理中', 'in progress', 'ongoing', 'wip',
    // Back under way after a stop: `恢复开发，70%`.
    '恢复开发', '恢复推进', '已恢复', '恢复', '重启', '继续推进', 'resumed', 'restarted', 'back on track',
  ],
  // A kind tag before a milestone export's name (`[里程碑] 2.1 版本：完成 63%`) is no part of the name either.
  markerWords: ['新', '新增', '新建', '新立项', 'new', '更新', 'updated', '暂缓', '搁置', '验收中', '已上线', 'done', '里程碑', 'milestone'],
  fieldLabels: [
    '负责人', '责任人', '对接人', '跟进人', '当前状态', '状态', '风险', '备注', '说明', '原因', '优先级', '预计完成',
    '截止时间', '截止日期', 'owner', 'status', 'risk', 'note', 'notes', 'eta', 'priority',
  ],
  projectLabels: ['项目名称', '项目', 'project', 'project name'],
  totalRows: ['合计', '总计', '小计', '汇总', 'total', 'subtotal', 'overall'],
  lowerIsBetterWords: [...LOWER_IS_BETTER_WORDS],
});

/** The defaults overlaid with a partial vocabulary (given lists replace the defaults' lists). */
export function resolveVocabulary(partial?: Partial<Vocabulary>): Vocabulary {
  const base = DEFAULT_VOCABULARY;
  const out = {} as Vocabulary;
  for (const key of Object.keys(base) as (keyof Vocabulary)[]) {
    const given = partial?.[key];
    out[key] = Array.isArray(given) ? given.filter((w): w is string => typeof w === 'string' && w.length > 0) : [...base[key]];
  }
  return out;
}
