// Builders for small ReportMeasures inputs used by the analyze and render tests.

import type { Kind, Measure, ReportMeasures } from '../../src/model/types.js';

/** `['项目', 40]`, `['项目', 40, '前端']`, `['成功率', 99.9, null, 'kpi']` */
export type M = [project: string, percent: number, metric?: string | null, kind?: Kind];

export function rep(week: string, measures: M[], team = '', extra: Partial<ReportMeasures> = {}): ReportMeasures {
  return {
    id: `${team}-${week}`,
    team,
    week,
    date: null,
    source: `${team || 'default'}/${week}.md`,
    measures: measures.map(([project, percent, metric = null, kind = 'progress'], i): Measure => ({
      project,
      metric,
      percent,
      kind,
      line: i + 1,
    })),
    ...extra,
  };
}
