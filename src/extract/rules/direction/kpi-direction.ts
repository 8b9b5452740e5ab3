// Rule kpi-direction: which way a KPI should move — lower is better for error, failure, latency, cost, complaint and churn figures.

import { kpi } from '../expect.js';
import { WordList, type Lexicon } from '../../lexicon.js';
import type { DirectionRule } from '../types.js';
import { LOWER_IS_BETTER_WORDS } from '../../vocabulary.js';
import { foldHan } from '../../../model/han.js';

/** Words that keep higher better even beside a lower word (`故障恢复成功率`, `crash-free devices`). */
const HIGHER_OVERRIDES: readonly string[] = [
  '成功率', '可用性', '可用率', '准时率', '及时率', '合格率', '达标率', '通过率', '恢复率', '拦截率', '召回率', '准确率', '覆盖率',
  '无故障', '零故障', '无异常',
  // The share of trouble dealt with (`缺陷修复率`, `告警处理率`, `投诉解决率`, `工单及时率`): higher is better.
  '修复率', '解决率', '处理率', '关闭率', '闭环率', '响应率', '清理率', '复盘率', '消除率', '处置率', '结案率',
  ...['修复', '解决', '处理', '关闭', '闭环', '响应', '清理', '消除', '处置', '结案'].flatMap((w) => [`${w}占比`, `${w}比例`]),
  // Trouble won back (`取消订单挽回率`, `流失用户召回率`, `坏账追回率`): higher is better.
  '挽回率', '挽留率', '找回率', '追回率', '回收率',
  'fix rate', 'resolution rate', 'closure rate', 'resolved',
  'crash-free', 'crash free', 'success rate', 'availability', 'uptime', 'coverage', 'free of', '-free',
];

// Compiled on first use: vocabulary.ts imports this module, and lexicon.ts imports vocabulary.ts.
let higher: WordList | undefined;
let defaultLower: WordList | undefined;

/**
 * `lower` (and the word) when a fall of this KPI is an improvement; undefined for the usual higher-is-better
 * figure. `lowerWords` is the lexicon's `lowerIsBetterWords` (built-in words plus the configuration's).
 */
export function kpiDirection(name: string, lowerWords?: WordList): { direction: 'lower'; word: string } | undefined {
  // Traditional names (`錯誤率`, `平均處理時長`) read like Simplified ones.
  const t = foldHan(name.normalize('NFKC'));
  // A negated good word is a bad one (`不合格率`, `未达标率`): it overrides nothing (`不合格处理率` still has `处理率`).
  if ((higher ??= new WordList(HIGHER_OVERRIDES)).find(t.replace(NEGATED_GOOD, '')) !== undefined) return undefined;
  const word = (lowerWords ?? (defaultLower ??= new WordList(LOWER_IS_BETTER_WORDS))).find(t) ?? BAD_RATE_ZH.exec(t)?.[0] ?? BAD_RATE_EN.exec(t)?.[0];
  return word === undefined ? undefined : { direction: 'lower', word };
}

/** `合格`, `达标`, `按时` … negated: no longer a higher-is-better word. */
const NEGATED_GOOD = /(?:不|未|非)(?:合格|达标|按时|准时|及时|通过)/gu;

/**
 * Rates of something going wrong, beyond the word list: a `…率` (or `…占比`, `…比例`) whose words hold an error, loss,
 * miss, defect, return or refusal morpheme (`错单率`, `误判率`, `漏检率`, `缺货率`, `废品率`, `退单率`, `工单超时占比`,
 * `返工比例`), and English
 * `… rate` of errors, failures, returns, drops (`return rate`, `packet drop rate`).
 */
const BAD_RATE_ZH = /(?:错|误|漏|丢|损|坏|废|缺|退|拒|逾|欠|弃|超时|异常|故障|投诉|客诉|差评|流失|崩溃|卡顿|告警|报警|延误|晚点|返修|返工|驳回|违约|违规|中断|掉线|断线|宕机|离职|卸载|退订|次品|残次|滞销|积压|空置|偏差|误差|人工介入|人工干预|转人工|重复来电|复发|返厂|降级|熔断|迟到|缺勤|冗余|碎片|重试|回滚|打回|误杀|误拦|抖动|掉|逃逸|举报|泄漏|泄露|不良|取消|空载|空跑|不合格|不达标|未达标|未按时|未及时|不及时|超期|超限|超标|超支|超预算|超sla|慢(?:查询|sql|请求|接口|调用|响应|页面|加载)|重复(?:进线|来电|咨询|投诉|报修|工单)|二次(?:来电|进线|维修|返修|投诉))[\p{Script=Han}A-Za-z0-9]{0,4}?(?:率|占比|比例|比率|比重)/iu;
const BAD_RATE_EN = /\b(?:error|failure|fail|crash|defect|bug|churn|bounce|abandon(?:ment)?|refund|return|complaint|rejection|timeout|drop|loss|miss|attrition|turnover|cancellation|escalation|reopen|rollback|retry|delay|outage|incident|uninstall|unsubscribe|spam|false positive|vacancy|breach|flaky|escape|leak)(?:s|ed|y)?\b[^%]{0,20}?\b(?:rate|ratio|share)\b/iu;

const lower = (percent: number, project: string) => ({ ...kpi(percent, project), direction: 'lower' as const });
const higher_ = (percent: number, project: string) => ({ ...kpi(percent, project), direction: 'higher' as const });

export const kpiDirectionRule: DirectionRule = {
  stage: 'direction',
  name: 'kpi-direction',
  description: 'a KPI improves when it falls if its name holds an error, failure, latency, cost, complaint or churn word (差错率, 耗时, P99, 投诉率, error rate, churn …; configurable `lowerIsBetterWords`); `-free`, 成功率, 可用性 keep higher better',
  accepts: [
    { text: '- 支付差错率：0.05%', expect: lower(0.05, '支付差错率') },
    { text: '## 运行指标\n- 冷链温控异常率：1.8%（本周起统计）', expect: lower(1.8, '冷链温控异常率') },
    { text: '- API error rate: 0.3%', expect: { verdict: 'kpi', percent: 0.3, direction: 'lower' } },
    { text: '- 院感漏报率：3.5%', expect: lower(3.5, '院感漏报率') },
    { text: '## 运行指标\n- 质检误判率：0.8%', expect: lower(0.8, '质检误判率') },
    { text: '- 支付錯誤率：0.12%', expect: lower(0.12, '支付錯誤率') },
    { text: '## 运行指标\n- 航班延误率：4.2%', expect: lower(4.2, '航班延误率') },
    { text: '## 运行指标\n- 工单积压率：12%', expect: lower(12, '工单积压率') },
    { text: '## 客服指标\n- 转人工率：18%', expect: lower(18, '转人工率') },
    { text: '## 直播指标\n- 掉帧率：0.4%', expect: lower(0.4, '掉帧率') },
    { text: '- Support escalation rate: 3.1%', expect: { verdict: 'kpi', percent: 3.1, direction: 'lower' } },
    { text: '## 运行指标\n- 工单超时占比：8%', expect: lower(8, '工单超时占比') },
    { text: '## 质量指标\n- 返工比例：7%', expect: lower(7, '返工比例') },
    { text: '## Health metrics\n- Defect leakage: 4%', expect: { verdict: 'kpi', percent: 4, direction: 'lower' } },
    { text: '## Health metrics\n- Alert noise: 22%', expect: { verdict: 'kpi', percent: 22, direction: 'lower' } },
    { text: '## 质量指标\n- 缺陷逃逸率：4%', expect: lower(4, '缺陷逃逸率') },
    { text: '## 运行指标\n- 超SLA工单占比：6%', expect: lower(6, '超SLA工单占比') },
    { text: '## 运行指标\n- 慢SQL占比：1.2%', expect: lower(1.2, '慢SQL占比') },
    { text: '## 客服指标\n- 重复进线率：9%', expect: lower(9, '重复进线率') },
    { text: '## 质量指标\n- 来料不合格率：0.6%', expect: lower(0.6, '来料不合格率') },
    { text: '## 运行指标\n- 时效未达标率：2.1%', expect: lower(2.1, '时效未达标率') },
    { text: '## 运营指标\n- 订单取消率：3.3%', expect: lower(3.3, '订单取消率') },
    { text: '## Health metrics\n- Flaky test rate: 2.5%', expect: { verdict: 'kpi', percent: 2.5, direction: 'lower' } },
  ],
  rejects: [
    { text: '- 代扣成功率：99.95%', expect: higher_(99.95, '代扣成功率') },
    { text: '- crash-free devices: 99.2%', expect: { verdict: 'kpi', percent: 99.2, direction: 'higher' } },
    { text: '- 故障恢复成功率：98%', expect: higher_(98, '故障恢复成功率') },
    { text: '- 拣货准确率：99.2%', expect: higher_(99.2, '拣货准确率') },
    { text: '## 质量指标\n- 缺陷修复率：92%', expect: higher_(92, '缺陷修复率') },
    { text: '## 运行指标\n- 客诉解决率：97%', expect: higher_(97, '客诉解决率') },
    { text: '## 运行指标\n- 告警处理占比：93%', expect: higher_(93, '告警处理占比') },
    { text: '## 运营指标\n- 重复购买率：31%', expect: higher_(31, '重复购买率') },
    { text: '## 运营指标\n- 慢病随访率：88%', expect: higher_(88, '慢病随访率') },
    { text: '## 运营指标\n- 取消订单挽回率：12%', expect: higher_(12, '取消订单挽回率') },
    { text: '## 质量指标\n- 不合格品处理率：96%', expect: higher_(96, '不合格品处理率') },
  ],
  direction: (name: string, lx: Lexicon) => kpiDirection(name, lx.lists.lowerIsBetterWords),
};
