// The forecast list: per progress item, its figure, pace, forecast date and range, stated due date, and whether it is slipping.

import type { Forecast } from '../analyze/forecast.js';
import { someTeam, status, statusWord, table, type Column, type Doc, type ReportType } from './doc.js';
import { fmtPct, sparkText } from './format.js';
import type { Words } from './words.js';

export interface ForecastItem {
  team: string;
  project: string;
  metric: string | null;
  /** The item's figures in its team's reports (the trend), oldest first. */
  values: (number | null)[];
  forecast: Forecast;
}

export interface ForecastReport {
  /** The week the forecasts are made from, and the day they are made on. */
  asOf: string;
  today: string;
  items: ForecastItem[];
}

const COLUMNS: readonly Column<ForecastItem>[] = [
  { key: 'team', label: 'team', value: (i) => i.team, shownIf: someTeam },
  { key: 'project', label: 'project', value: (i) => i.project },
  { key: 'metric', label: 'metric', value: (i) => i.metric },
  { key: 'trend', label: 'trend', value: (i) => sparkText(i.values), only: 'display' },
  { key: 'percent', label: 'percent', align: 'right', value: (i) => i.forecast.percent, show: (i) => fmtPct(i.forecast.percent) },
  { key: 'pace', label: 'pace', align: 'right', value: (i) => i.forecast.pace, show: (i) => (i.forecast.pace === null ? '—' : fmtPct(i.forecast.pace)) },
  { key: 'forecast', label: 'forecast', value: (i) => i.forecast.eta, show: (i) => i.forecast.eta ?? '-' },
  { key: 'earliest', label: 'earliest', value: (i) => i.forecast.low, show: (i) => i.forecast.low ?? '-' },
  // The slow end of the range may never reach 100: `never`.
  { key: 'latest', label: 'latest', value: (i) => i.forecast.high, show: (i, w) => i.forecast.high ?? (i.forecast.low ? w.never : '-') },
  { key: 'due', label: 'due', value: (i) => i.forecast.due },
  {
    key: 'slipping',
    label: 'slipping',
    value: (i) => (i.forecast.slipping ? 'slipping' : null),
    show: (i, w) => (i.forecast.slipping ? status('slipping', w) : ''),
    worded: (i, w) => (i.forecast.slipping ? statusWord('slipping', w) : null),
  },
  // The state's identifier in data formats; in the reader's words (why no forecast, why slipping) where they are written.
  { key: 'state', label: 'note', value: (i) => i.forecast.state, show: (i, w) => slipWhy(i.forecast, w), worded: (i, w) => slipWhy(i.forecast, w) || null },
];

/** Why there is no forecast, or why the item is slipping. */
function slipWhy(f: Forecast, w: Words): string {
  const none = f.state === 'forecast' ? '' : (w.forecastState[f.state] ?? f.state);
  if (!f.slipping || !f.reason) return none;
  if (f.reason === 'pace') return w.slipReason.pace(f.requiredPace ?? 0, f.pace);
  return w.slipReason[f.reason](f.due ?? '');
}

function forecastDoc(r: ForecastReport, w: Words): Doc {
  return {
    title: w.forecastTitle(r.asOf, r.today),
    titleInText: true,
    blocks: [table(COLUMNS, r.items, { empty: w.noForecasts, rowStatus: (i: ForecastItem) => (i.forecast.slipping ? 'slipping' : undefined) })],
    data: { columns: COLUMNS, rows: r.items },
  };
}

/** `{ asOf, today, items: [{ team, project, metric, percent, pace, eta, low, high, due, slipping, state, reason?, requiredPace? }] }` */
function forecastJson(r: ForecastReport): unknown {
  return {
    asOf: r.asOf,
    today: r.today,
    items: r.items.map((i) => ({ team: i.team, project: i.project, metric: i.metric, ...i.forecast })),
  };
}

export const FORECAST: ReportType<ForecastReport> = { name: 'forecast', doc: forecastDoc, json: forecastJson };
