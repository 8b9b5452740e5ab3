// Recogniser: which way a KPI should move — lower is better for error, failure, latency, cost, complaint and churn figures.

import { WordList } from './lexicon.js';

/** Built-in words that make lower better (the configuration's `lowerIsBetterWords` add to them). */
export const LOWER_IS_BETTER_WORDS: readonly string[] = [
  '差错率', '错误率', '失败率', '故障', '异常率', '崩溃率', '闪退率', '卡顿率', '白屏率', '报错率', '超时率', '丢包率',
  '耗时', '延迟', '时延', '响应时间', '处理时长', '等待时长', '排队时长', '投诉率', '投诉', '流失率', '流失', '退货率', '退款率',
  '拒付率', '坏账率', '逾期率', '不良率', '缺陷率', '漏测率', '漏报率', '误报率', '货损率', '破损率', '损耗率', '空驶率',
  '返工率', '跳出率', '弃单率', '宕机', '停机', '成本', '费用', '能耗', '油耗',
  'P99', 'P95', 'P90', 'P999', 'TP99', 'TP999', 'latency', 'error rate', 'errors', 'failure rate', 'failure', 'crash rate',
  'churn', 'bounce rate', 'downtime', 'MTTR', 'defect rate', 'cost', 'complaint', 'incident',
];

/** Words that keep higher better even beside a lower word (`故障恢复成功率`, `crash-free devices`). */
const HIGHER_OVERRIDES: readonly string[] = [
  '成功率', '可用性', '可用率', '准时率', '及时率', '合格率', '达标率', '通过率', '恢复率', '拦截率', '召回率', '准确率', '覆盖率',
  '无故障', '零故障', '无异常',
  'crash-free', 'crash free', 'success rate', 'availability', 'uptime', 'coverage', 'free of', '-free',
];

// Compiled on first use: vocabulary.ts imports this module, and lexicon.ts imports vocabulary.ts.
let higher: WordList | undefined;
let defaultLower: WordList | undefined;

/** `lower` when a fall of this KPI is an improvement; undefined for the usual higher-is-better figure. */
export function kpiDirection(name: string, lowerWords?: WordList): 'lower' | undefined {
  const t = name.normalize('NFKC');
  if ((higher ??= new WordList(HIGHER_OVERRIDES)).find(t) !== undefined) return undefined;
  return (lowerWords ?? (defaultLower ??= new WordList(LOWER_IS_BETTER_WORDS))).find(t) !== undefined ? 'lower' : undefined;
}

export const DIRECTION_RULE = {
  name: 'kpi-direction',
  description: 'lower is better for error, failure, latency, cost, complaint and churn figures (lowerIsBetterWords)',
  examples: {
    lower: ['支付差错率', 'P99耗时', '接口延迟', '投诉率', '用户流失率', 'OTA failure rate', '货损率', '冷链温控异常率', 'API latency (p95)', '院感漏报率'],
    higher: ['系统可用性', '代扣成功率', 'crash-free devices', '准时送达率', 'Unit test coverage', '故障恢复成功率', '付费率', '次日留存'],
  },
} as const;
