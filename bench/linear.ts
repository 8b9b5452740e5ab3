// Linear time, judged: for one long line of figures in each shape that was once quadratic (issue 8), the CPU time
// per figure when the line grows 16× (both sizes in this process, interleaved, fastest of a few tries, so a busy
// machine slows both alike). Linear work gives ~1, quadratic work ~16; above MAX_TIME_RATIO is a FAIL and the
// exit code is 1. The test suite checks the countable side (every figure found, output per figure flat) and only
// prints this figure: a timing is a benchmark's to judge.
//
//   npm run bench:linear [-- --small 2000 --tries 3]

import { FACTOR, growth, line, MAX_TIME_RATIO, SHAPES } from '../test/support/linear.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a whole number ≥ 1`);
  return v;
}

const small = arg('small', 2_000);
const tries = arg('tries', 3);
let failures = 0;
for (const [name, shape] of Object.entries(SHAPES)) {
  const g = await growth((n) => line(shape, n), small, FACTOR, tries);
  const ok = g.timeRatio <= MAX_TIME_RATIO;
  if (!ok) failures++;
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(22)} ${g.small}→${g.large} figures  ${g.ms[0]}→${g.ms[1]} ms CPU  ×${g.timeRatio.toFixed(2)} per figure (≤ ${MAX_TIME_RATIO}), output ×${g.outRatio.toFixed(2)}`,
  );
}
console.log(`${failures === 0 ? 'linear' : `${failures} shape(s) grew faster than linear`}: line grown ${FACTOR}×, fastest of ${tries}`);
process.exitCode = failures === 0 ? 0 : 1;
