// Summarises V8 .cpuprofile files (from `--profile DIR` or `node --cpu-prof`): self time by function and by package/folder.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives: `marked`, `lowdb`, `src/extract`, `node:internal`, `(gc)` … */
export function bucketOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1]!;
  const ours = /\/(?:dist|src)\/([^/]+)\//.exec(url);
  if (ours) return `ours: ${ours[1]}`;
  if (url.startsWith('node:')) return url.startsWith('node:internal/modules') || url.includes('/modules/') ? 'node: module loading' : `node: ${url.slice(5).split('/').slice(0, 2).join('/')}`;
  return path.basename(url);
}

export interface Summary {
  totalMs: number;
  byFunction: { name: string; ms: number }[];
  byBucket: { name: string; ms: number }[];
  /** Our own functions (dist/ or src/) by total time: self plus everything they call. */
  inclusive: { name: string; ms: number }[];
}

export function summarise(p: Profile): Summary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const bucket = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${f.lineNumber + 1}` : ''}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + us);
    const b = bucketOf(f.url, f.functionName);
    bucket.set(b, (bucket.get(b) ?? 0) + us);
    total += us;
  }
  // Inclusive time of our functions: walk each sampled node's ancestors once per distinct frame.
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/\/(dist|src)\//.test(f.url) || f.url.includes('node_modules')) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^file:\/\/.*\/(dist|src)\//, '$1/')}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + us);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].map(([name, us]) => ({ name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, byFunction: sorted(fn), byBucket: sorted(bucket), inclusive: sorted(incl) };
}

function profilesIn(target: string): string[] {
  if (statSync(target).isFile()) return [target];
  return readdirSync(target, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? profilesIn(path.join(target, e.name)) : e.name.endsWith('.cpuprofile') ? [path.join(target, e.name)] : [],
  );
}

// `node --import tsx bench/profile-top.ts DIR|FILE [--top 15]`
if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const target = process.argv[2];
  const ti = process.argv.indexOf('--top');
  const top = ti > 0 ? Number(process.argv[ti + 1]) : 15;
  if (!target) {
    process.stderr.write('usage: profile-top.ts DIR|FILE [--top 15]\n');
    process.exit(2);
  }
  for (const file of profilesIn(target).sort()) {
    const s = summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile);
    const pc = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%`;
    const lines = [`== ${path.relative(process.cwd(), file)}: ${s.totalMs.toFixed(0)} ms sampled`, '  by package/folder (self time):'];
    for (const b of s.byBucket.slice(0, 12)) lines.push(`    ${pc(b.ms)} ${b.ms.toFixed(0).padStart(7)} ms  ${b.name}`);
    lines.push('  top functions (self time):');
    for (const f of s.byFunction.slice(0, top)) lines.push(`    ${pc(f.ms)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
    lines.push('  our functions by total time (self + callees):');
    for (const f of s.inclusive.slice(0, top)) lines.push(`    ${pc(f.ms)} ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}`);
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
}
