// Scores the built CLI against a labelled evaluation set (layout: docs/evaluation.md): extraction
// precision/recall on SET/extract, status agreement on SET/series. Totals only unless --detail,
// so a held-out set can be scored without its text being read.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface GoldFigure { key: string; metric?: string | null; percent: number; line?: number }
interface GoldEntry { week: string; date?: string | null; progress: GoldFigure[]; kpi: GoldFigure[]; optional?: GoldFigure[] }
interface ExtractGold { files: Record<string, { entries: GoldEntry[] }> }
interface StatusItem { key: string; metric?: string | null; kind?: 'progress' | 'kpi'; from?: number | null; to?: number | null; status: string }
interface StatusGold { teams: Record<string, { diffs: { from: string; to: string; items: StatusItem[] }[] }> }
interface Obs {
  week: string; date: string | null; team: string; project: string; metric: string | null;
  percent: number; kind: string; source: { file: string; line: number };
}
interface DiffRow { project: string; metric: string | null; kind: string; from: number | null; to: number | null; status: string; team?: string; current?: string }

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs one checkout's CLI (`cliRoot/bin/milestones.js`) with a database. */
function runner(cliRoot: string) {
  return (db: string, ...argv: string[]): { out: string; code: number; err: string } => {
    try {
      const out = execFileSync(process.execPath, [path.join(cliRoot, 'bin', 'milestones.js'), '--db', db, ...argv], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: 'C' },
        maxBuffer: 1 << 30,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return { out, code: 0, err: '' };
    } catch (e) {
      const x = e as { stdout?: string; stderr?: string; status?: number };
      return { out: x.stdout ?? '', code: x.status ?? 1, err: x.stderr ?? '' };
    }
  };
}

/** NFKC, case-folded, without spaces: the tool may keep or drop spaces and full-width forms. */
const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const labelOf = (project: string, metric: string | null) => norm(`${project} ${metric ?? ''}`);
const fits = (project: string, metric: string | null, g: { key: string; metric?: string | null }) => {
  const l = labelOf(project, metric);
  return l.includes(norm(g.key)) && (!g.metric || l.includes(norm(g.metric)));
};
const samePct = (a: number, b: number) => Math.abs(a - b) < 0.005;
const f3 = (x: number) => x.toFixed(3);
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ExtractScore {
  files: number;
  /** Labelled reports (entries), and how many of them had a figure found in the labelled week. */
  entries: number;
  entriesSeen: number;
  ingestExit: number;
  progress: Counts;
  kpi: Counts;
  /** Figures found in the right report but on another line than labelled. */
  lineOff: number;
  /** One line per mismatch (read them only on a set you may read). */
  problems: string[];
}

export const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);

/**
 * Scores the built CLI of `cliRoot` on `SET/extract`: ingests it (one team per style folder), exports every
 * observation and matches them with gold.json in the labelled week (a figure in another week is missed).
 */
export function scoreExtractSet(set: string, cliRoot: string = root): ExtractScore {
  const cli = runner(cliRoot);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-score-'));
  try {
    return scoreIn(set, tmp, cli);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function scoreIn(set: string, tmp: string, cli: ReturnType<typeof runner>): ExtractScore {
  const dir = path.join(set, 'extract');
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as ExtractGold;
  const db = path.join(tmp, 'extract.json');
  const ing = cli(db, 'ingest', dir, '--team-from-folder');
  const exp = cli(db, 'export', '--format', 'json');
  const obs: Obs[] = exp.code === 0 && exp.out.trim() ? (JSON.parse(exp.out) as Obs[]) : [];
  const rel = (o: Obs) => path.relative(dir, path.resolve(o.source.file)).split(path.sep).join('/');
  const problems: string[] = [];
  const t = { progress: { tp: 0, fp: 0, fn: 0 }, kpi: { tp: 0, fp: 0, fn: 0 } };
  let lineOff = 0;
  let entries = 0;
  let entriesSeen = 0;
  const used = new Set<Obs>();
  for (const [file, { entries: es }] of Object.entries(gold.files)) {
    const mine = obs.filter((o) => rel(o) === file);
    for (const e of es) {
      entries++;
      const inWeek = mine.filter((o) => o.week === e.week);
      if (inWeek.length || (!e.progress.length && !e.kpi.length)) entriesSeen++;
      for (const kind of ['progress', 'kpi'] as const) {
        for (const g of e[kind]) {
          const hit = inWeek.find((o) => !used.has(o) && o.kind === kind && samePct(o.percent, g.percent) && fits(o.project, o.metric, g));
          if (!hit) {
            t[kind].fn++;
            problems.push(`${file} ${e.week}: missing ${kind} ${g.key}${g.metric ? '/' + g.metric : ''} ${g.percent}%${g.line ? ` (line ${g.line})` : ''}`);
            continue;
          }
          used.add(hit);
          t[kind].tp++;
          if (g.line !== undefined && hit.source.line !== g.line) {
            lineOff++;
            problems.push(`${file} ${e.week}: ${g.key} ${g.percent}% on line ${hit.source.line}, labelled ${g.line}`);
          }
        }
      }
      for (const o of inWeek) {
        if (used.has(o) || !(o.kind === 'progress' || o.kind === 'kpi')) continue;
        if ((e.optional ?? []).some((g) => samePct(o.percent, g.percent) && fits(o.project, o.metric, g))) {
          used.add(o);
          continue;
        }
      }
    }
  }
  for (const o of obs) {
    if (used.has(o)) continue;
    const k = o.kind === 'kpi' ? 'kpi' : 'progress';
    t[k].fp++;
    problems.push(`${rel(o)} ${o.week}: unexpected ${o.kind} "${`${o.project} ${o.metric ?? ''}`.trim()}" ${o.percent}% (line ${o.source.line})`);
  }
  return { files: Object.keys(gold.files).length, entries, entriesSeen, ingestExit: ing.code, progress: t.progress, kpi: t.kpi, lineOff, problems };
}

function printExtract(set: string, cliRoot: string, detail: boolean): void {
  const s = scoreExtractSet(set, cliRoot);
  console.log(`extract: ${s.files} files, ${s.entries} labelled reports (${s.entriesSeen} with figures found in the labelled week); ingest exit ${s.ingestExit}`);
  for (const kind of ['progress', 'kpi'] as const) {
    const c = s[kind];
    console.log(`  ${kind.padEnd(8)} TP ${c.tp}  FP ${c.fp}  FN ${c.fn}  precision ${f3(precision(c))}  recall ${f3(recall(c))}`);
  }
  console.log(`  figures found on another line than labelled: ${s.lineOff}`);
  if (detail) console.log(s.problems.map((p) => `    ${p}`).join('\n'));
}

function scoreStatuses(set: string, cliRoot: string, detail: boolean): void {
  const cli = runner(cliRoot);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-score-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  const dir = path.join(set, 'series');
  const gold = JSON.parse(readFileSync(path.join(dir, 'statuses.json'), 'utf8')) as StatusGold;
  const db = path.join(tmp, 'series.json');
  const ing = cli(db, 'ingest', dir, '--team-from-folder');
  let labelled = 0;
  let agreed = 0;
  let unmatched = 0;
  const confusion = new Map<string, number>();
  const problems: string[] = [];
  for (const [team, { diffs }] of Object.entries(gold.teams)) {
    for (const d of diffs) {
      const r = cli(db, 'diff', d.from, d.to, '--team', team, '--json');
      let rows: DiffRow[] = [];
      if (r.code === 0) rows = (JSON.parse(r.out) as { items: DiffRow[] }).items.filter((x) => x.team === undefined || x.team === team);
      else problems.push(`${team} ${d.from}→${d.to}: diff failed (exit ${r.code}): ${r.err.trim().split('\n')[0]}`);
      const taken = new Set<DiffRow>();
      for (const g of d.items) {
        labelled++;
        const kind = g.kind ?? 'progress';
        // A renamed item is labelled under its name now or the name it had then (`current` is the one now).
        const cands = rows.filter((x) => !taken.has(x) && (fits(x.project, x.metric, g) || (x.current !== undefined && fits(x.current, x.metric, g))));
        const hit = cands.find((x) => x.kind === kind) ?? cands[0];
        const got = hit ? hit.status : '(none)';
        if (hit) taken.add(hit);
        else unmatched++;
        const key = `${g.status} → ${got}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
        if (hit && got === g.status) agreed++;
        else problems.push(`${team} ${d.from}→${d.to}: ${g.key}${g.metric ? '/' + g.metric : ''} labelled ${g.status} (${g.from ?? '—'}→${g.to ?? '—'}), tool ${got}${hit ? ` (${hit.from ?? '—'}→${hit.to ?? '—'})` : ''}`);
      }
    }
  }
  console.log(`statuses: ${Object.keys(gold.teams).length} teams; ingest exit ${ing.code}`);
  console.log(`  agreement ${agreed}/${labelled} = ${f3(ratio(agreed, labelled))}; labelled items the tool did not list: ${unmatched}`);
  const rows = [...confusion].filter(([k]) => k.split(' → ')[0] !== k.split(' → ')[1]).sort((a, b) => b[1] - a[1]);
  if (rows.length) console.log(`  disagreements (labelled → tool): ${rows.map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  if (detail) console.log(problems.map((p) => `    ${p}`).join('\n'));
}

function main(argv: string[]): void {
  const args = [...argv];
  const flag = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const detail = args.includes('--detail');
  if (detail) args.splice(args.indexOf('--detail'), 1);
  const cliRoot = path.resolve(flag('--cli') ?? root);
  const [what, setArg] = args;
  if (!what || !setArg || !['extract', 'statuses', 'all'].includes(what)) {
    console.error('usage: node --import tsx scripts/score.ts extract|statuses|all SET [--detail] [--cli REPO]');
    process.exit(2);
  }
  const set = path.resolve(setArg);
  if (!existsSync(path.join(cliRoot, 'dist'))) {
    console.error(`score: ${cliRoot} has no dist/ — run npm run build there first`);
    process.exit(1);
  }
  if (what === 'extract' || what === 'all') printExtract(set, cliRoot, detail);
  if (what === 'statuses' || what === 'all') scoreStatuses(set, cliRoot, detail);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
