// How each status looks, in one place: terminal colour, page colour, whether the diff summary always counts it.

import { sgr, type RenderOptions } from './format.js';

interface StatusStyle {
  /** SGR colour code on a terminal. */
  ansi?: number;
  /** CSS colour of the row on an HTML page. */
  css?: string;
  /** Background of a status cell in a workbook or on the report page (light, so the word stays readable). */
  fill?: string;
  /** The summary line counts it even at 0 (others appear only when some item has them). */
  alwaysCounted?: boolean;
}

/**
 * Statuses the analysis may produce (analyze/items.ts), in the order a summary lists them
 * (attention first); a status without an entry is shown plain and counted after these, only
 * when it occurs.
 */
export const STATUS_STYLES: Readonly<Record<string, StatusStyle>> = {
  regressed: { ansi: 31, css: '#b00', fill: '#f8d0d0', alwaysCounted: true },
  dropped: { ansi: 35, css: '#a0a', fill: '#f0d8f0', alwaysCounted: true },
  stalled: { ansi: 33, css: '#a60', fill: '#fbe8c8', alwaysCounted: true },
  slipping: { ansi: 31, css: '#c40', fill: '#fcd9c0' },
  new: { ansi: 36, fill: '#d8ecf8', alwaysCounted: true },
  advanced: { ansi: 36, fill: '#e0f0f8', alwaysCounted: true },
  completed: { ansi: 32, css: '#070', fill: '#d4f0d4', alwaysCounted: true },
  resumed: { ansi: 36, fill: '#d8ecf8' },
  paused: { ansi: 33, css: '#a60', fill: '#fff0c0' },
  cancelled: { ansi: 35, css: '#a0a', fill: '#e4e4e4' },
  done: {},
  worsened: { ansi: 31, css: '#b00', fill: '#f8d0d0' },
  improved: { ansi: 32, css: '#070', fill: '#d4f0d4' },
  flat: {},
};

/** A status word coloured for a terminal when asked. */
export function paintStatus(status: string, shown: string, opts?: RenderOptions): string {
  const code = STATUS_STYLES[status]?.ansi;
  return code === undefined ? shown : sgr(code, shown, opts);
}

/** The CSS rules that colour table rows by status (`<tr class="regressed">`). */
export function statusCss(): string[] {
  return Object.entries(STATUS_STYLES)
    .filter(([, s]) => s.css)
    .map(([name, s]) => `.${name}{color:${s.css}}`);
}

/** The statuses of a summary line, in attention order: those always counted, then any other that occurs. */
export function summaryStatuses(counts: Readonly<Record<string, number>>): string[] {
  const known = Object.keys(STATUS_STYLES);
  const extra = Object.keys(counts).filter((s) => !known.includes(s));
  return [...known, ...extra].filter((s) => STATUS_STYLES[s]?.alwaysCounted || (counts[s] ?? 0) > 0);
}
