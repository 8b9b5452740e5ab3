// Preload for the benchmark when GNU time is missing: on exit, writes this process's peak RSS (VmHWM, kB) to $MILESTONES_BENCH_RSS_FILE.

import { readFileSync, writeFileSync } from 'node:fs';

const target = process.env.MILESTONES_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
      // Without /proc (not Linux) fall back to Node's own figure, which is the same peak in bytes.
      const kb = m ? Number(m[1]) : Math.round(process.resourceUsage().maxRSS);
      writeFileSync(target, `${kb}\n`);
    } catch {
      /* nothing to report */
    }
  });
}
