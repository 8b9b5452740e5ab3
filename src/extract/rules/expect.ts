// Short constructors for rule examples: `progress(30, '结算中心重构')`, `kpi(99.95, '代扣成功率')`, `ignored()`.

import type { Expect } from './types.js';

type Extra = { prev?: number; planned?: number; qualifier?: string; done?: number; total?: number; due?: string };

export function progress(percent: number, project?: string, metric?: string | null, extra: Extra = {}): Expect {
  return { verdict: 'progress', percent, ...(project !== undefined ? { project } : {}), ...(metric !== undefined ? { metric } : {}), ...extra };
}

export function kpi(percent: number, project?: string, metric?: string | null): Expect {
  return { verdict: 'kpi', percent, ...(project !== undefined ? { project } : {}), ...(metric !== undefined ? { metric } : {}) };
}

export function ignored(): Expect {
  return { verdict: 'ignored' };
}

/** Not read as a figure at all. */
export function none(): Expect {
  return { verdict: 'none' };
}

/** The expectation in words, for the README: `progress 30, project 结算中心重构 / 前端, prev 45`. */
export function describeExpect(e: Expect): string {
  if (e.verdict === 'ignored') return 'ignored';
  if (e.verdict === 'none') return 'no figure';
  if (e.verdict === 'stated') return e.state === 'renamed' ? `renamed: ${e.formerly ?? ''} → ${e.subject}` : `${e.state}, of ${e.subject}`;
  if (e.verdict === 'unstated') return `not ${e.state}, of ${e.subject}`;
  const parts = [`${e.verdict} ${e.percent}`];
  if (e.project !== undefined) parts.push(`${e.metric ? 'item' : 'project'} ${e.project}${e.metric ? ` / ${e.metric}` : ''}`);
  if (e.prev !== undefined) parts.push(`prev ${e.prev}`);
  if (e.planned !== undefined) parts.push(`planned ${e.planned}`);
  if (e.qualifier !== undefined) parts.push(`qualifier ${e.qualifier}`);
  if (e.done !== undefined) parts.push(`done ${e.done} of ${e.total}`);
  if (e.direction === 'lower') parts.push('lower is better');
  if (e.due !== undefined) parts.push(`due ${e.due}`);
  return parts.join(', ');
}
