// Sizes: the --max-size option and the limit's message (no reader loaded: `ingest` parses the option before it knows whether it reads anything).

import { InputError, UsageError } from '../model/errors.js';

const MIB = 1024 * 1024;
/** Files above this are refused unless the limit is raised (`--max-size`). */
export const DEFAULT_MAX_BYTES = 20 * MIB;

/** `20 MiB`, `512 KiB`, `1000 bytes`. */
export function formatBytes(n: number): string {
  if (n >= MIB && n % MIB === 0) return `${n / MIB} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  if (n >= MIB) return `${(n / MIB).toFixed(1)} MiB`;
  return `${n} bytes`;
}

/** A round `--max-size` value comfortably above `size`: 1, 2 or 5 × 10^k MB. */
function suggestLimit(size: number): string {
  const want = (size * 1.5) / MIB;
  for (let p = 1; ; p *= 10) {
    for (const m of [1, 2, 5]) if (m * p >= want) return `${m * p}MB`;
  }
}

/**
 * Parses a size such as `200MB`, `1.5G`, `512k`, `1048576` into bytes (K/M/G are powers of 1024,
 * with or without `B`/`iB`). Throws UsageError for anything else.
 */
export function parseByteSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmgt])(?:i?b)?|b)?\s*$/i.exec(text);
  if (!m) throw new UsageError(`not a size: "${text}"`, { hint: 'write it like 200MB, 1.5GB or 500000' });
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit === 'k' ? 1024 : unit === 'm' ? MIB : unit === 'g' ? 1024 * MIB : unit === 't' ? 1024 * 1024 * MIB : 1;
  const bytes = Math.round(Number(m[1]) * factor);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`not a usable size: "${text}"`, { hint: 'give a positive size like 200MB' });
  return bytes;
}

export function tooBig(size: number, maxBytes: number, where: string): InputError {
  return new InputError(`${size} bytes is above the ${formatBytes(maxBytes)} limit`, { where, hint: `raise it with --max-size ${suggestLimit(size)}` });
}
