// Shared test limits.

/** A hang guard, not a speed target (speed is measured in bench/): unguarded, the inputs it guards took from 9 s to minutes. */
export const HANG_MS = 20_000;
