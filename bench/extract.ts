// The extract figure: CPU milliseconds of `extract()` per report on the generated corpus, in process (no start-up, no I/O).
// `npm run bench` prints it for every size; `node --import tsx bench/extract.ts --against DIR` compares two
// checkouts (e.g. /work/baseline) on the same corpus, alternating them so a busy machine slows both alike.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDepartment } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = path.join(ROOT, 'bench', 'extract-probe.mjs');

export interface ExtractFigure {
  root: string;
  docs: number;
  findings: number;
  /** The fastest warm pass over all rounds (a shared machine only ever adds time). */
  warmMsPerReport: number;
  /** Median over rounds of the first pass (JIT warm-up and vocabulary compilation included). */
  coldMsPerReport: number;
  rounds: number;
}

interface Probe { docs: number; findings: number; coldMsPerReport: number; warmMsPerReport: number }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
}

/** Times each checkout's built extractor over `corpus`, `rounds` times, alternating checkouts. */
export function benchExtract(corpus: string, roots: string[], rounds = 3, passes = 5): ExtractFigure[] {
  const got = new Map<string, Probe[]>(roots.map((r) => [r, []]));
  for (let i = 0; i < rounds; i++) {
    for (const root of i % 2 === 0 ? roots : [...roots].reverse()) {
      const r = spawnSync(process.execPath, [PROBE, root, corpus, String(passes)], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`extract probe failed for ${root}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      got.get(root)!.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as Probe);
    }
  }
  return roots.map((root) => {
    const ps = got.get(root)!;
    return {
      root,
      docs: ps[0]!.docs,
      findings: ps[0]!.findings,
      warmMsPerReport: Math.min(...ps.map((p) => p.warmMsPerReport)),
      coldMsPerReport: median(ps.map((p) => p.coldMsPerReport)),
      rounds: ps.length,
    };
  });
}

export function formatExtractFigure(f: ExtractFigure): string {
  return `${f.warmMsPerReport.toFixed(3)} ms CPU/report warm, ${f.coldMsPerReport.toFixed(3)} ms CPU/report first pass (${f.docs} reports, ${f.findings} findings; fastest warm pass and median first pass of ${f.rounds} processes)`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const size = Number(opt('--size', '500'));
  const rounds = Number(opt('--rounds', '5'));
  const against = args.includes('--against') ? path.resolve(opt('--against', '')) : null;
  const weeks = Math.min(50, size);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'milestones-extract-bench-'));
  try {
    const corpus = path.join(scratch, 'corpus');
    generateDepartment({ out: corpus, teams: Math.ceil(size / weeks), weeks, seed: 20230414 });
    const roots = against ? [ROOT, against] : [ROOT];
    process.stderr.write(`load average ${os.loadavg()[0]!.toFixed(2)}; ${rounds} rounds\n`);
    for (const f of benchExtract(corpus, roots, rounds)) process.stdout.write(`extract ${f.root}: ${formatExtractFigure(f)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
