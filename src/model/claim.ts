// Which of two reports claiming the same team and week is kept: one documented, deterministic rule.

/** What the rule looks at: the date inside the file and the file's path (absolute, as stamped). */
export interface Claim {
  date: string | null;
  path: string;
}

/**
 * True when `a` is kept over `b`. The later date inside the file wins (a missing date counts as the
 * earliest); on equal dates, the path that sorts last (code-point order). The rule is a total order,
 * so the report kept never depends on the order the files were read in, and re-ingesting the same
 * folder keeps the same one (issue 8: the stored report flipped on every run).
 */
export function keeps(a: Claim, b: Claim): boolean {
  if (a.date !== b.date) {
    if (a.date === null) return false;
    if (b.date === null) return true;
    return a.date > b.date;
  }
  return a.path >= b.path;
}

/** Why `kept` won over `lost`, for the ingest line: `its date 2024-03-08 is later`. */
export function whyKept(kept: Claim, lost: Claim): string {
  if (kept.date !== lost.date) return kept.date ? `its date ${kept.date} is later` : 'the other has no date';
  return kept.path === lost.path ? 'the same file' : 'same date; its path sorts last';
}
