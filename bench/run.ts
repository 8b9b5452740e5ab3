// `npm run bench`: generates synthetic departments (500, 5,000, 20,000 and, on request, 100,000 reports; kept and reused) and times every CLI command against them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDepartment, type Department } from './generate.js';
import { benchExtract, formatExtractFigure, type ExtractFigure } from './extract.js';
import { measure, pickRssMethod, stats, type RssMethod, type Sample, type Stats } from './measure.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'milestones.js');
const WEEKS = 50;
const T0 = Date.now();
const LOAD_AT_START = os.loadavg()[0]!;

// ------------------------------------------------------------------ options

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  build: boolean;
  keep: boolean;
  profile: string | null;
  /** Where generated corpora are kept and reused between runs (never committed: bench/out is ignored). */
  corpora: string;
  /** Time the extractor in process (a minute or more per size on a busy machine). */
  extract: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { sizes: [500, 5000, 20000], runs: 5, seed: 20230414, build: false, keep: false, profile: null, corpora: path.join(ROOT, 'bench', 'out', 'corpora'), extract: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) die(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') o.sizes = val().split(',').map((s) => Number(s.replace(/[_k]/gi, (c) => (c.toLowerCase() === 'k' ? '000' : ''))));
    else if (a === '--runs') o.runs = Number(val());
    else if (a === '--seed') o.seed = Number(val());
    else if (a === '--build') o.build = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--profile') o.profile = path.resolve(val());
    else if (a === '--corpora') o.corpora = path.resolve(val());
    else if (a === '--no-extract') o.extract = false;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(
        [
          'usage: npm run bench -- [--sizes 500,5000,20000,100000] [--runs 5] [--seed N] [--build] [--keep] [--profile DIR] [--corpora DIR] [--no-extract]',
          '  --sizes    report counts to measure (each is teams x 50 weeks); 100k is not in the default list (it takes long)',
          '  --corpora  where generated corpora are kept and reused between runs (default bench/out/corpora)',
          '  --no-extract  skip the in-process extractor figure',
          '  --runs     repetitions of each fast command (ingest runs fewer; the output says how many)',
          '  --build    run `npm run build` first (done anyway when dist/ is missing)',
          '  --keep     keep the generated corpora and databases in the temp folder',
          '  --profile  also write a --cpu-prof profile of every command at every size into DIR',
          '',
        ].join('\n'),
      );
      process.exit(0);
    } else die(`unknown option ${a}`);
  }
  if (o.sizes.some((s) => !Number.isInteger(s) || s < 1)) die('--sizes takes positive whole numbers, e.g. 500,5000');
  if (!Number.isInteger(o.runs) || o.runs < 1) die('--runs takes a positive whole number');
  return o;
}

function die(msg: string): never {
  process.stderr.write(`bench: ${msg}\n`);
  process.exit(2);
}

const log = (msg: string) => process.stderr.write(`[bench ${((Date.now() - T0) / 1000).toFixed(0).padStart(4)}s] ${msg}\n`);

// ------------------------------------------------------------------ results

interface Row {
  command: string;
  size: number;
  runs: number;
  time: Stats;
  rss: Stats;
  /** ingest only: reports per second at the median. */
  reportsPerSec?: number;
  stdoutBytes: number;
  failures: string[];
  note?: string;
}

interface SizeResult {
  size: number;
  teams: number;
  weeks: number;
  corpusMB: number;
  /** Size of the HTML file `report` wrote, null when it did not. */
  reportMB: number | null;
  generateMs: number;
  dbMB: number;
  dbFiles: number;
  check: string;
  checkOk: boolean;
  rows: Row[];
  /** CPU time of `extract()` alone, in process, on this corpus. */
  extract: ExtractFigure | null;
}

// ------------------------------------------------------------------ the run

async function main(): Promise<void> {
  const opt = parseArgs(process.argv.slice(2));
  ensureBuilt(opt.build);
  const method = pickRssMethod();
  log(`peak RSS via ${method === 'gnu-time' ? '/usr/bin/time -f %M' : 'a --import hook reading VmHWM from /proc/self/status on exit'}`);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'milestones-bench-'));
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.MILESTONES_DB;
  delete env.NODE_OPTIONS;
  if (opt.profile) mkdirSync(opt.profile, { recursive: true });

  const results: SizeResult[] = [];
  let perReportIngestMs: number | null = null;
  try {
    for (const size of opt.sizes) {
      const r = await benchSize(size, opt, method, scratch, env, perReportIngestMs);
      results.push(r);
      const ing = r.rows.find((x) => x.command === 'ingest');
      if (ing && ing.time.n) perReportIngestMs = ing.time.median / size;
      if (!opt.keep) for (const f of readdirSync(scratch)) if (f.startsWith(`s${size}-`)) rmSync(path.join(scratch, f), { recursive: true, force: true });
    }
  } finally {
    if (!opt.keep) rmSync(scratch, { recursive: true, force: true });
    else log(`kept ${scratch}`);
  }

  const report = renderAll(results, opt, method);
  process.stdout.write(report.text);
  const outDir = path.join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'results.json'),
    `${JSON.stringify({ node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, rssMethod: method, options: opt, targets: report.targets, sizes: results, totalSeconds: (Date.now() - T0) / 1000 }, null, 2)}\n`,
  );
  log(`wrote bench/out/results.json; total ${((Date.now() - T0) / 1000).toFixed(0)} s`);
}

function ensureBuilt(force: boolean): void {
  const main = path.join(ROOT, 'dist', 'cli', 'main.js');
  if (force || !existsSync(main)) {
    log('building (npm run build)…');
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) log('warning: the build failed; measuring whatever dist/ holds');
  }
  if (!existsSync(main)) die('dist/cli/main.js is missing; run `npm run build`');
  const built = statSync(main).mtimeMs;
  const newer = listFiles(path.join(ROOT, 'src')).filter((f) => statSync(f).mtimeMs > built);
  if (newer.length) log(`warning: ${newer.length} file(s) in src/ are newer than dist/ (e.g. ${path.relative(ROOT, newer[0]!)}); pass --build to rebuild`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function benchSize(
  size: number,
  opt: Options,
  method: RssMethod,
  scratch: string,
  env: NodeJS.ProcessEnv,
  perReportIngestMs: number | null,
): Promise<SizeResult> {
  const weeks = Math.min(WEEKS, size);
  const teams = Math.ceil(size / weeks);
  const n = teams * weeks;
  const base = path.join(scratch, `s${size}-`);
  const work = `${base}work`;
  mkdirSync(work, { recursive: true });

  // Generated once per size and seed, then reused (a 100,000-report corpus is ~0.5 GB and a minute to write).
  const corpus = path.join(opt.corpora, `${teams}x${weeks}-seed${opt.seed}`);
  const manifest = path.join(corpus, '.department.json');
  const g0 = Date.now();
  let dep: Department;
  if (existsSync(manifest)) {
    dep = JSON.parse(readFileSync(manifest, 'utf8')) as Department;
    log(`[${n}] reusing the corpus in ${corpus}`);
  } else {
    log(`[${n}] generating ${teams} teams × ${weeks} weeks into ${corpus}…`);
    rmSync(corpus, { recursive: true, force: true });
    dep = generateDepartment({ out: corpus, teams, weeks, seed: opt.seed });
    writeFileSync(manifest, JSON.stringify(dep));
  }
  const generateMs = Date.now() - g0;
  log(`[${n}] ${dep.reports.length} reports, ${(dep.bytes / 1e6).toFixed(1)} MB in ${generateMs} ms`);

  // The extractor alone (CPU time in one process, the corpus parsed beforehand): the figure its changes are judged by.
  let extractFigure: ExtractFigure | null = null;
  // Above 20,000 reports the in-process extractor figure would add minutes and say nothing new (it is per report).
  if (opt.extract && n <= 20_000) try {
    extractFigure = benchExtract(corpus, [ROOT], Math.min(3, opt.runs))[0]!;
    log(`[${n}] extract: ${formatExtractFigure(extractFigure)}`);
  } catch (err) {
    log(`[${n}] extract: not measured (${(err as Error).message})`);
  }

  const rows: Row[] = [];
  let dbN = 0;
  const newDb = () => path.join(work, `db${++dbN}`, 'milestones.json');
  let db = newDb();
  const stdoutFile = path.join(work, 'stdout.txt');

  /** A read command's time limit: 2 minutes, more for large databases on a busy machine. */
  const readTimeout = Math.max(120_000, n * 3);
  const one = (args: string[], timeoutMs: number, nodeArgs: string[] = []) =>
    measure({ args: [...nodeArgs, ...args], cwd: work, env, timeoutMs, stdoutFile, scratch: work }, method);
  const cli = (cmd: string[]) => [BIN, '--db', db, ...cmd];

  /** Runs `args()` `runs` times (after `warmup` unmeasured runs) and records a row. */
  const series = async (
    command: string,
    runs: number,
    args: () => string[],
    o: { warmup?: number; timeoutMs?: number; before?: (i: number) => void; after?: (s: Sample, i: number) => void; note?: string } = {},
  ): Promise<Row> => {
    const samples: Sample[] = [];
    const failures: string[] = [];
    for (let i = -(o.warmup ?? 0); i < runs; i++) {
      // The floor is sampled right before every measured run, so a busy machine slows both alike.
      if (i >= 0) floorSamples.push(await one(['-e', '0'], 30_000));
      o.before?.(i);
      const s = await one(args(), o.timeoutMs ?? readTimeout);
      o.after?.(s, i);
      const bad = s.timedOut ? `timed out after ${(o.timeoutMs ?? readTimeout) / 1000} s` : s.code !== 0 ? `exit ${s.code ?? s.signal}: ${firstLines(s.stderr)}` : null;
      if (bad && !failures.includes(bad)) failures.push(bad);
      if (i >= 0 && !s.timedOut) samples.push(s);
      log(`[${n}] ${command} ${i < 0 ? 'warm-up' : `${i + 1}/${runs}`}: ${s.ms.toFixed(0)} ms, ${s.rssMB?.toFixed(0) ?? '?'} MB${bad ? `  (${bad.slice(0, 120)})` : ''}`);
      if (s.timedOut) break;
    }
    if (opt.profile) {
      const dir = path.join(opt.profile, `${n}-${command.replace(/[^a-z0-9]+/gi, '_')}`);
      o.before?.(runs);
      await one(args(), o.timeoutMs ?? readTimeout, ['--cpu-prof', '--cpu-prof-dir', dir]);
    }
    const row: Row = {
      command,
      size: n,
      runs: samples.length,
      time: stats(samples.map((s) => s.ms)),
      rss: stats(samples.flatMap((s) => (s.rssMB === null ? [] : [s.rssMB]))),
      stdoutBytes: samples.at(-1)?.stdoutBytes ?? 0,
      failures,
      note: o.note,
    };
    rows.push(row);
    return row;
  };

  // The floor: bare node start-up, measured the same way as every command, interleaved with them (see series).
  const floorSamples: Sample[] = [];
  await one(['-e', '0'], 30_000);
  await series('--help', opt.runs, () => cli(['--help']), { warmup: 1 });
  await series('--version', opt.runs, () => cli(['--version']), { warmup: 1 });

  // Full ingest into a fresh database each run; fewer runs when one run is long.
  const predicted = perReportIngestMs === null ? null : perReportIngestMs * n;
  // Without an estimate from a smaller size, a size of 20,000 reports or more gets one full ingest.
  const ingestRuns =
    predicted === null ? (n >= 20_000 ? 1 : Math.min(3, opt.runs)) : Math.max(1, Math.min(3, opt.runs, Math.floor(90_000 / Math.max(predicted, 1))));
  const ingestTimeout = Math.max(120_000, (predicted ?? n * 10) * 4);
  const ingest = await series('ingest', ingestRuns, () => cli(['ingest', corpus, '--team-from-folder']), {
    timeoutMs: ingestTimeout,
    before: (i) => {
      if (i > 0) {
        rmSync(path.dirname(db), { recursive: true, force: true });
        db = newDb();
      }
      mkdirSync(path.dirname(db), { recursive: true });
    },
    note: ingestRuns < opt.runs ? `${ingestRuns} run(s): each is a full ingest into a fresh database` : undefined,
  });
  if (ingest.time.n) ingest.reportsPerSec = n / (ingest.time.median / 1000);
  // A batch with some failed files still stores the rest: measure on, the table marks the failure.
  const ingestOk = ingest.time.n > 0 && existsSync(db);

  // Sanity: every generated report stored, with the figures the generator wrote.
  const { message: check, ok: checkOk } = ingestOk ? verify(db, dep, env) : { message: 'not checked: ingest failed', ok: false };
  log(`[${n}] check: ${check}`);
  const { mb: dbMB, files: dbFiles } = dbSize(path.dirname(db));
  let reportMB: number | null = null;

  if (ingestOk) {
    const readRuns = (ms: number) => Math.max(Math.min(2, opt.runs), Math.min(opt.runs, Math.floor(30_000 / Math.max(ms, 1))));
    const fast = async (command: string, args: string[]) => {
      // One warm-up run (page cache, and an estimate so slow commands get fewer runs at large sizes).
      const w = await one(cli(args), readTimeout);
      log(`[${n}] ${command} warm-up: ${w.ms.toFixed(0)} ms`);
      return series(command, readRuns(w.ms), () => cli(args));
    };
    await fast('re-ingest, nothing changed', ['ingest', corpus, '--team-from-folder']);

    // One report edited before each run: alternately a changed figure and the original text.
    const changedProblems = new Set<string>();
    const victim = path.join(corpus, dep.reports[Math.floor(dep.reports.length / 2)]!.file);
    const original = readFileSync(victim, 'utf8');
    const edited = original.replace(/进度(\d+)%/, (_m, d: string) => `进度${(Number(d) + 1) % 100}%`);
    if (edited === original) throw new Error(`bench: found no figure to change in ${victim}`);
    await series('re-ingest, one report changed', Math.min(opt.runs, 5), () => cli(['ingest', corpus, '--team-from-folder']), {
      before: (i) => writeFileSync(victim, i % 2 === 0 ? edited : original),
      // The summary line must say that all but one file were skipped as unchanged.
      after: (_s, i) => {
        const last = readFileSync(stdoutFile, 'utf8').trim().split('\n').pop() ?? '';
        if (i >= 0 && !last.includes(`${n - 1} unchanged`)) changedProblems.add(`expected "${n - 1} unchanged" in the summary, got "${last.slice(0, 80)}"`);
      },
    });
    if (changedProblems.size) rows.at(-1)!.failures.push(...changedProblems);
    writeFileSync(victim, original);
    await one(cli(['ingest', corpus, '--team-from-folder']), readTimeout);

    await fast('weeks', ['weeks']);
    await fast('show latest', ['show', 'latest']);
    await fast('diff', ['diff']);
    await fast('stalled', ['stalled']);
    const project = firstProject(db, env);
    if (project) await fast('history', ['history', project]);
    await fast('export --format csv', ['export', '--format', 'csv']);
    // The planning views summarise a department for a meeting; above 20,000 reports they are not timed.
    if (n <= 20_000) {
      await fast('forecast', ['forecast']);
      const page = path.join(path.dirname(db), 'report.html');
      await fast('report', ['report', '--out', page]);
      if (existsSync(page)) reportMB = statSync(page).size / 1e6;
      const book = path.join(path.dirname(db), 'plan.xlsx');
      await fast('export --out plan.xlsx', ['export', '--out', book]);
    }
  }

  rows.push({
    command: 'node -e 0',
    size: n,
    runs: floorSamples.length,
    time: stats(floorSamples.map((s) => s.ms)),
    rss: stats(floorSamples.flatMap((s) => (s.rssMB === null ? [] : [s.rssMB]))),
    stdoutBytes: 0,
    failures: [],
    note: 'sampled once before every measured run of every command',
  });
  log(`[${n}] node -e 0: median ${stats(floorSamples.map((s) => s.ms)).median.toFixed(0)} ms over ${floorSamples.length} runs`);

  return {
    size: n,
    teams,
    weeks,
    reportMB,
    corpusMB: dep.bytes / 1e6,
    generateMs,
    dbMB,
    dbFiles,
    check,
    checkOk,
    rows,
    extract: extractFigure,
  };
}

/** A project of the latest week (for `history`), from `show latest --json`. */
function firstProject(db: string, env: NodeJS.ProcessEnv): string | null {
  const r = spawnSync(process.execPath, [BIN, '--db', db, 'show', 'latest', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) return null;
  const found = /"project":\s*"([^"]+)"/.exec(r.stdout);
  return found ? found[1]! : null;
}

function firstLines(s: string): string {
  return s.trim().split('\n').slice(0, 3).join(' | ');
}

function dbSize(dir: string): { mb: number; files: number } {
  if (!existsSync(dir)) return { mb: 0, files: 0 };
  const files = listFiles(dir);
  return { mb: files.reduce((a, f) => a + statSync(f).size, 0) / 1e6, files: files.length };
}

/** Compares `weeks --json` with what the generator wrote: one stored report per file, same figure counts. */
function verify(db: string, dep: Department, env: NodeJS.ProcessEnv): { message: string; ok: boolean } {
  const r = spawnSync(process.execPath, [BIN, '--db', db, 'weeks', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) return { message: `weeks --json failed: ${firstLines(r.stderr)}`, ok: false };
  let parsed: { weeks: { week: string; team: string; source: string; progress: number; kpi: number }[] };
  try {
    parsed = JSON.parse(r.stdout) as typeof parsed;
  } catch (err) {
    return { message: `weeks --json is not JSON: ${(err as Error).message}`, ok: false };
  }
  const bySuffix = new Map(dep.reports.map((g) => [g.file.split(path.sep).join('/'), g]));
  let matched = 0;
  let progress = 0;
  let kpi = 0;
  let wrongWeek = 0;
  let wrongCounts = 0;
  let example = '';
  for (const w of parsed.weeks) {
    const src = w.source.split(path.sep).join('/');
    const rel = src.split('/').slice(-2).join('/');
    const g = bySuffix.get(rel);
    progress += w.progress;
    kpi += w.kpi;
    if (!g) continue;
    matched++;
    if (g.week !== w.week) {
      wrongWeek++;
      example ||= `${rel}: stored as ${w.week}, written as ${g.week}`;
    }
    if (g.progress !== w.progress || g.kpi !== w.kpi) {
      wrongCounts++;
      example ||= `${rel}: ${w.progress} progress + ${w.kpi} kpi stored, ${g.progress} + ${g.kpi} written`;
    }
  }
  const wantP = dep.reports.reduce((a, g) => a + g.progress, 0);
  const wantK = dep.reports.reduce((a, g) => a + g.kpi, 0);
  const ok = matched === dep.reports.length && parsed.weeks.length === dep.reports.length && wrongWeek === 0 && wrongCounts === 0;
  const message =
    `${parsed.weeks.length}/${dep.reports.length} reports stored; progress figures ${progress}/${wantP}, kpi ${kpi}/${wantK}` +
    (wrongWeek ? `; ${wrongWeek} in the wrong week` : '') +
    (wrongCounts ? `; ${wrongCounts} with other counts` : '') +
    (example ? ` (e.g. ${example})` : '');
  return { message, ok };
}

// ------------------------------------------------------------------ output

interface Target {
  what: string;
  pass: boolean | null;
  detail: string;
}

const ORDER = [
  'node -e 0',
  '--help',
  '--version',
  'ingest',
  're-ingest, nothing changed',
  're-ingest, one report changed',
  'weeks',
  'show latest',
  'diff',
  'stalled',
  'history',
  'export --format csv',
  'forecast',
  'report',
  'export --out plan.xlsx',
];

function fmtMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

function cell(row: Row | undefined, floor: number): string {
  if (!row) return '—';
  if (!row.time.n) return `FAILED${row.failures[0] ? `: ${row.failures[0].slice(0, 60)}` : ''}`;
  const t = row.time;
  const ratio = row.command === 'node -e 0' ? '' : ` ×${(t.median / floor).toFixed(1)}`;
  const spread = t.n > 1 ? ` (${fmtMs(t.min)}–${fmtMs(t.max)})` : '';
  const rate = row.reportsPerSec ? `, ${Math.round(row.reportsPerSec)} rep/s` : '';
  const fail = row.failures.length ? ' !' : '';
  return `${fmtMs(t.median)}${spread}${ratio}${rate}, ${row.rss.n ? `${row.rss.max.toFixed(0)} MB` : '? MB'}, n=${t.n}${fail}`;
}

function renderAll(results: SizeResult[], opt: Options, method: RssMethod): { text: string; targets: Target[] } {
  const floorOf = (r: SizeResult) => r.rows.find((x) => x.command === 'node -e 0')?.time.median ?? NaN;
  const rssFloorOf = (r: SizeResult) => r.rows.find((x) => x.command === 'node -e 0')?.rss.median ?? 0;
  const lines: string[] = [];
  const cpu = os.cpus();
  lines.push(`milestones benchmark — node ${process.version}, ${cpu.length} CPU (${cpu[0]?.model ?? '?'}), seed ${opt.seed}`);
  lines.push(`median wall time (min–max) ×(bare node start-up of the same size), peak RSS (max over runs), n = runs; RSS via ${method}`);
  lines.push(`load average (1 min) at start ${LOAD_AT_START.toFixed(2)}, at end ${os.loadavg()[0]!.toFixed(2)}: above ~0.5 other processes share the ${cpu.length} cores and slow every figure`);
  lines.push('one unmeasured warm-up run per command; long commands get fewer runs (full ingest: at most 3, 1 when a run takes over ~45 s)');
  lines.push('');
  for (const r of results) {
    lines.push(`${r.size} reports = ${r.teams} teams × ${r.weeks} weeks: corpus ${r.corpusMB.toFixed(1)} MB (generated in ${(r.generateMs / 1000).toFixed(1)} s), database ${r.dbMB.toFixed(1)} MB in ${r.dbFiles} file(s)`);
    lines.push(`  check: ${r.checkOk ? 'ok' : 'MISMATCH'} — ${r.check}`);
    lines.push(`  report: ${r.reportMB === null ? 'not written' : `${r.reportMB.toFixed(2)} MB`} (the HTML file of \`report\`, default period: 13 weeks)`);
    lines.push(`  extract: ${r.extract ? formatExtractFigure(r.extract) : 'not measured'}`);
  }
  lines.push('');
  const header = ['command', ...results.map((r) => `${r.size} reports`)];
  const body = ORDER.map((c) => [c, ...results.map((r) => cell(r.rows.find((x) => x.command === c), floorOf(r)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  lines.push(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) lines.push(b.map((x, i) => x.padEnd(widths[i]!)).join('  '));
  const notes = results.flatMap((r) => r.rows.filter((x) => (x.note && x.command !== 'node -e 0') || x.failures.length).map((x) => `  ${r.size} ${x.command}: ${[x.note, ...x.failures].filter(Boolean).join('; ')}`));
  if (notes.length) lines.push('', 'notes:', ...notes);

  // Growth: the cost above bare start-up, per report, from one size to the next.
  const growth: string[] = [];
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1]!;
    const b = results[i]!;
    for (const c of ORDER.slice(3)) {
      const ra = a.rows.find((x) => x.command === c);
      const rb = b.rows.find((x) => x.command === c);
      if (!ra?.time.n || !rb?.time.n) continue;
      const netA = ra.time.median - floorOf(a);
      const netB = rb.time.median - floorOf(b);
      if (netA < 30) continue; // too close to start-up to say anything about growth
      const k = netB / netA;
      const sizeK = b.size / a.size;
      const rssK = (rb.rss.max - rssFloorOf(b)) / Math.max(1, ra.rss.max - rssFloorOf(a));
      growth.push(`  ${c}: ${a.size}→${b.size} (×${sizeK.toFixed(0)}): time above start-up ×${k.toFixed(1)}, RSS above bare node ×${rssK.toFixed(1)}${k > sizeK * 1.3 ? '  ← faster than linear' : ''}`);
    }
  }
  if (growth.length) lines.push('', 'growth (linear means the same factor as the sizes):', ...growth);

  const targets = judge(results, floorOf);
  lines.push('', 'targets (issue 13):');
  for (const t of targets) lines.push(`  ${t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'FAIL'}  ${t.what}: ${t.detail}`);

  // The same table as Markdown, for the README.
  lines.push('', '```markdown');
  lines.push(`| command | ${results.map((r) => `${r.size.toLocaleString('en-US')} reports`).join(' | ')} |`);
  lines.push(`|---|${results.map(() => '---|').join('')}`);
  for (const c of ORDER) {
    const cells = results.map((r) => {
      const row = r.rows.find((x) => x.command === c);
      if (!row) return '—';
      if (!row.time.n) return 'failed';
      const ratio = c === 'node -e 0' ? '' : ` (×${(row.time.median / floorOf(r)).toFixed(1)})`;
      const rate = row.reportsPerSec ? `, ${Math.round(row.reportsPerSec)} reports/s` : '';
      return `${fmtMs(row.time.median)}${ratio}${rate}, ${row.rss.n ? row.rss.max.toFixed(0) : '?'} MB`;
    });
    lines.push(`| \`${c}\` | ${cells.join(' | ')} |`);
  }
  lines.push('', `Median of n runs (ingest: ${results.map((r) => r.rows.find((x) => x.command === 'ingest')?.runs ?? 0).join('/')}), ×N = multiple of bare \`node -e 0\` in the same run, peak RSS.`);
  lines.push('```', '');
  return { text: `${lines.join('\n')}\n`, targets };
}

/** Issue 13's targets: ×N of bare node measured in the same run, at 5,000, 20,000 and 100,000 reports. */
function judge(results: SizeResult[], floorOf: (r: SizeResult) => number): Target[] {
  const out: Target[] = [];
  const at = (size: number) => results.find((r) => r.size === size);
  const rowOf = (r: SizeResult, c: string) => r.rows.find((x) => x.command === c);
  const ratio = (r: SizeResult, c: string, k: number, label = `${c} ≤ ${k}×`) => {
    const x = rowOf(r, c);
    const floor = floorOf(r);
    out.push({
      what: `${r.size.toLocaleString('en-US')}: ${label}`,
      pass: !!x?.time.n && x.time.median <= floor * k,
      detail: x?.time.n ? `${fmtMs(x.time.median)} = ×${(x.time.median / floor).toFixed(2)}` : 'not measured',
    });
  };
  const rate = (r: SizeResult, min: number) => {
    const ing = rowOf(r, 'ingest');
    out.push({
      what: `${r.size.toLocaleString('en-US')}: ingest ≥ ${min.toLocaleString('en-US')} reports/s`,
      pass: ing?.reportsPerSec === undefined ? false : ing.reportsPerSec >= min,
      detail: ing?.reportsPerSec ? `${Math.round(ing.reportsPerSec)} reports/s (${fmtMs(ing.time.median)})` : 'failed',
    });
  };
  const rss = (r: SizeResult, limit: number, commands: ((c: string) => boolean) = () => true, label = 'peak RSS of every command') => {
    const rows = r.rows.filter((x) => x.command !== 'node -e 0' && x.rss.n && commands(x.command));
    const worst = rows.reduce<Row | undefined>((a, x) => (!a || x.rss.max > a.rss.max ? x : a), undefined);
    out.push({ what: `${r.size.toLocaleString('en-US')}: ${label} ≤ ${limit} MB`, pass: worst ? worst.rss.max <= limit : null, detail: worst ? `largest: ${worst.command} ${worst.rss.max.toFixed(0)} MB` : 'not measured' });
  };
  const r5 = at(5000);
  if (r5) {
    for (const c of ['weeks', 'diff', 'show latest']) ratio(r5, c, 2);
    ratio(r5, 'stalled', 2.5);
    ratio(r5, 'history', 2.5);
    ratio(r5, 'export --format csv', 4);
    ratio(r5, '--help', 1.3);
    ratio(r5, '--version', 1.3);
    rate(r5, 1000);
    ratio(r5, 're-ingest, nothing changed', 2);
    rss(r5, 200);
  } else out.push({ what: '5,000 targets', pass: null, detail: 'the 5,000 size was not measured (--sizes)' });
  const r20 = at(20000);
  if (r5 && r20) {
    for (const c of ['diff', 'weeks', 'show latest']) {
      const a = rowOf(r5, c);
      const b = rowOf(r20, c);
      out.push({
        what: `20,000: ${c} ≤ 1.3× its 5,000-report time`,
        pass: !!a?.time.n && !!b?.time.n && b.time.median <= a.time.median * 1.3,
        detail: a?.time.n && b?.time.n ? `${fmtMs(b.time.median)} vs ${fmtMs(a.time.median)} = ×${(b.time.median / a.time.median).toFixed(2)}` : 'not measured',
      });
    }
  }
  if (r20) rss(r20, 300, (c) => c === 'ingest', 'ingest peak RSS');
  const r100 = at(100000);
  if (r100) {
    rate(r100, 800);
    rss(r100, 400, (c) => c === 'ingest', 'ingest peak RSS');
    for (const c of ['weeks', 'show latest', 'diff', 'stalled', 'history', 're-ingest, nothing changed']) ratio(r100, c, 4);
    const ex = rowOf(r100, 'export --format csv');
    out.push({ what: '100,000: export --format csv (no target; its figure)', pass: null, detail: ex?.time.n ? `${fmtMs(ex.time.median)} = ×${(ex.time.median / floorOf(r100)).toFixed(2)}, ${ex.rss.max.toFixed(0)} MB` : 'not measured' });
  }
  return out;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
