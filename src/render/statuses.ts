// How each status looks, in one place: terminal colour, page colour, whether the diff summary always counts it.

import { sgr, type RenderOptions } from './format.js';

interface StatusStyle {
  /** SGR colour code on a terminal. */
  ansi?: number;
  /** CSS colour of the row on an HTML page. */
  css?: string;
  /** The summary line counts it even at 0 (others appear only when some item has them). */
  alwaysCounted?: boolean;
}

/**
 * Statuses the analysis may produce (analyze/items.ts), in the order a summary lists them
 * (attention first); a status without an entry is shown plain and counted after these, only
 * when it occurs.
 */
const STATUS_STYLES: Readonly<Record<string, StatusStyle>> = {
  regressed: { ansi: 31, css: '#b00', alwaysCounted: true },
  dropped: { ansi: 35, css: '#a0a', alwaysCounted: true },
  stalled: { ansi: 33, css: '#a60', alwaysCounted: true },
  new: { ansi: 36, alwaysCounted: true },
  advanced: { ansi: 36, alwaysCounted: true },
  completed: { ansi: 32, css: '#070', alwaysCounted: true },
  resumed: { ansi: 36 },
  paused: { ansi: 33, css: '#a60' },
  cancelled: { ansi: 35, css: '#a0a' },
  done: {},
  worsened: { ansi: 31, css: '#b00' },
  improved: { ansi: 32, css: '#070' },
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
