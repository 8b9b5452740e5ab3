// Shared test limits: hang guards, and the counts of the reliability scenarios (short in `npm test`, full in `npm run test:stress`).

/**
 * A hang guard for child processes (they are killed past it, and the test fails on the signal), never
 * a speed target: speed is measured in bench/. No test asserts on elapsed time.
 */
export const HANG_MS = 60_000;

/** `npm run test:stress` sets MILESTONES_STRESS=1: the reliability scenarios run their full counts. */
export const STRESS = process.env.MILESTONES_STRESS === '1';

/** `short` in `npm test`, `full` under `npm run test:stress`. */
export function scale(short: number, full: number): number {
  return STRESS ? full : short;
}
