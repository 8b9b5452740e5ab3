// Synthetic reports for the store tests and the child-process driver: Chinese names, every Measure/Observation field.

import { createHash } from 'node:crypto';
import type { Observation, Report } from '../../src/model/types.js';

const PROJECTS = ['结算中心迁移', '风控规则引擎二期', '商户入驻自动化', '对账平台重构', '发票服务上云', '客服工单系统', '数据仓库分层治理', '移动端性能优化'];
const METRICS = [null, '前端', '后端', '联调', '测试'];

/** A deterministic report for `(set, n)`: week `2031-Wnn`, team `team-<set>`, a few observations. */
export function synthReport(set: number, n: number, opts: { team?: string; week?: string; salt?: string } = {}): Report {
  const week = opts.week ?? `${2031 + Math.floor(n / 52)}-W${String((n % 52) + 1).padStart(2, "0")}`;
  const team = opts.team ?? `团队${set}`;
  const observations: Observation[] = [];
  const count = 4 + ((set + n) % 5);
  for (let i = 0; i < count; i++) {
    const project = PROJECTS[(set * 3 + n + i) % PROJECTS.length]!;
    const metric = METRICS[(n + i) % METRICS.length]!;
    const o: Observation = {
      project: `${project}${Math.floor(n / 52) || ''}`,
      metric,
      percent: (n * 7 + i * 13) % 101,
      kind: i === count - 1 ? 'kpi' : 'progress',
      line: 10 + i * 2,
      section: ['本周进展', `${project}（负责人：某某）`],
      text: `- ${project}${metric ? ` ${metric}` : ''}：进度 ${(n * 7 + i * 13) % 101}％`,
    };
    if (i % 3 === 1) {
      o.done = i * 5;
      o.total = 50;
    }
    if (i % 4 === 2) o.qualifier = '约';
    if (i % 5 === 3) o.prev = 10;
    if (i % 5 === 4) o.planned = 90;
    observations.push(o);
  }
  const source = `周报/${team}/${week}.md`;
  const id = createHash('sha256').update(`${set}/${n}/${week}/${team}/${opts.salt ?? ''}`).digest('hex').slice(0, 32);
  return { id, source, team, week, date: null, title: `${team} 第${week.slice(-2)}周周报`, observations, warnings: n % 7 === 0 ? [{ line: 3, message: '分数与百分比不一致' }] : [] };
}
