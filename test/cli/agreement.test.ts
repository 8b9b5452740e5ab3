// Issue 10: diff, stalled, history and export — text, CSV and JSON — give the same status to the same item on the samples.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, run as inProcess } from './support/cli.js';
import { parseCsv } from './support/csv.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-agree-'));
let db = path.join(tmp, 'samples.json');

async function run(...args: string[]): Promise<string> {
  const r = await inProcess(db, args, { cwd: root });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const json = async <T>(...args: string[]) => JSON.parse(await run(...args)) as T;

interface DiffRow { project: string; metric: string | null; kind: string; from: number | null; to: number | null; status: string; inferred?: boolean; current?: string; splitFrom?: string }
interface Point { week: string; percent: number | null; status: string; inferred?: boolean }
const key = (project: string, metric: string | null) => `${project}/${metric ?? ''}`;
/** An item by its name now: what history, export and stalled call it (diff names it as its later week wrote it, and says `current`). */
const nowKey = (i: DiffRow) => key(i.current ?? i.project, i.metric);

/** What one series shows of issue 10's links: renamed items (diff's `current`) and split-off ones (`splitFrom`), checked across the outputs. */
interface Links { current: number; splitFrom: number }

/** Runs every agreement check on the reports of `dir` in a database of its own; returns how many statuses it compared and the links it saw. */
async function agree(dir: string, name: string, minWeeks: number): Promise<{ compared: number; seen: Set<string>; links: Links }> {
  db = path.join(tmp, `${name}.json`);
  await run('ingest', dir);
  const weeks = (await json<{ weeks: { week: string }[] }>('weeks', '--json')).weeks.map((w) => w.week);
  assert.ok(weeks.length >= minWeeks);
  const links: Links = { current: 0, splitFrom: 0 };
  // The item each item was split from, as history (JSON and CSV) and the export matrix say it: by the item's name now.
  const historySplit = new Map<string, string | undefined>();
  const matrix = parseCsv(await run('export', '--format', 'csv'));
  const matrixSplit = new Map(matrix.slice(1).map((r) => [key(r[matrix[0]!.indexOf('project')]!, r[matrix[0]!.indexOf('metric')] || null), r[matrix[0]!.indexOf('split_from')] || undefined]));
  // export --format json: every observation's item now (`current` when renamed) and its split link, by week and name as written.
  const observed = new Map<string, { current?: string; splitFrom?: string }>();

  // History once per project: every point's status, keyed by item and week.
  const historyStatus = new Map<string, Point>();
  const observations = await json<{ week: string; project: string; metric: string | null; percent: number; inferred?: boolean }[]>('export', '--format', 'json');
  const names = new Set(parseCsv(await run('export', '--format', 'csv')).slice(1).map((r) => r[1]!));
  for (const r of observations as { week: string; project: string; metric: string | null; current?: string; splitFrom?: string }[]) {
    observed.set(`${key(r.project, r.metric)}@${r.week}`, { current: r.current, splitFrom: r.splitFrom });
  }
  for (const name of names) {
    for (const item of (await json<{ items: { project: string; metric: string | null; splitFrom?: string; points: Point[] }[] }>('history', name, '--json')).items) {
      for (const p of item.points) historyStatus.set(`${key(item.project, item.metric)}@${p.week}`, p);
      historySplit.set(key(item.project, item.metric), item.splitFrom);
    }
    const hcsv = parseCsv(await run('history', name, '--format', 'csv'));
    for (const r of hcsv.slice(1)) {
      const k2 = key(r[hcsv[0]!.indexOf('project')]!, r[hcsv[0]!.indexOf('metric')] || null);
      assert.is(r[hcsv[0]!.indexOf('split_from')] || undefined, historySplit.get(k2), `history ${name} CSV and JSON: split_from of ${k2}`);
    }
  }

  let compared = 0;
  const seen = new Set<string>();
  for (let k = 1; k < weeks.length; k++) {
    const w = weeks[k]!;
    const d = await json<{ from: string; to: string; items: DiffRow[] }>('diff', w, '--json');
    assert.equal([d.from, d.to], [weeks[k - 1], w], `diff ${w} compares it with the report before it`);
    const byItem = new Map(d.items.map((i) => [nowKey(i), i]));
    for (const s of new Set(d.items.map((i) => i.status))) seen.add(s);

    // diff as CSV: the same rows and statuses as its JSON.
    const csv = parseCsv(await run('diff', w, '--format', 'csv'));
    const head = csv[0]!;
    const col = (n: string) => head.indexOf(n);
    assert.equal(
      csv.slice(1).map((r) => `${key(r[col('project')]!, r[col('metric')] || null)}=${r[col('status')]}>${r[col('current')] ?? ''}<${r[col('split_from')] ?? ''}`).sort(),
      d.items.map((i) => `${key(i.project, i.metric)}=${i.status}>${i.current ?? ''}<${i.splitFrom ?? ''}`).sort(),
      `diff ${w}: CSV and JSON (status, current, split_from)`,
    );
    // The text table says both beside the status (`now 清结算中心`, `split from 会员权益重构`).
    const text = await run('diff', w, '--no-color', '--lang', 'en');
    for (const i of d.items) {
      if (i.current) {
        assert.ok(text.includes(`now ${i.current}`), `diff ${w} text names ${i.project} as ${i.current} now`);
        links.current++;
        // The export of that week's figure says the same.
        if (i.to !== null) assert.is(observed.get(`${key(i.project, i.metric)}@${w}`)?.current, i.current, `export json: ${i.project} in ${w} is ${i.current} now`);
      }
      if (i.splitFrom) {
        assert.ok(text.includes(`split from ${i.splitFrom}`), `diff ${w} text: ${i.project} split from ${i.splitFrom}`);
        assert.is(historySplit.get(nowKey(i)), i.splitFrom, `history of ${nowKey(i)}: split from ${i.splitFrom}`);
        assert.is(matrixSplit.get(nowKey(i)), i.splitFrom, `export matrix: ${nowKey(i)} split from ${i.splitFrom}`);
        assert.is(observed.get(`${key(i.project, i.metric)}@${w}`)?.splitFrom, i.splitFrom, `export json: ${i.project} in ${w} split from ${i.splitFrom}`);
        links.splitFrom++;
      }
    }

    // history: each week's point has the status diff gives that week; an item without a point that week is one diff lists as gone.
    for (const [k2, i] of byItem) {
      const p = historyStatus.get(`${k2}@${w}`);
      if (p) {
        assert.is(p.status, i.status, `history of ${k2} at ${w}`);
        assert.is(p.percent, i.to, `history figure of ${k2} at ${w}`);
        compared++;
      } else {
        assert.ok(['dropped', 'done', 'completed', 'paused', 'cancelled'].includes(i.status) && i.to === null, `${k2} at ${w}: no history point, diff says ${i.status}`);
      }
    }

    // export up to W: its status column is diff W's status for every item diff lists.
    const exp = parseCsv(await run('export', '--to', w, '--format', 'csv'));
    const eh = exp[0]!;
    for (const r of exp.slice(1)) {
      const k2 = key(r[eh.indexOf('project')]!, r[eh.indexOf('metric')] || null);
      const i = byItem.get(k2);
      if (i) {
        assert.is(r[eh.indexOf('status')], i.status, `export --to ${w}: ${k2}`);
        compared++;
      } else {
        // Not in the diff: absent from both reports, so the export says how it ended.
        assert.ok(['dropped', 'done', 'paused', 'cancelled'].includes(r[eh.indexOf('status')]!), `export --to ${w}: ${k2} is ${r[eh.indexOf('status')]}`);
      }
    }

    // stalled as of W: every item diff calls stalled, and nothing diff calls paused, cancelled, completed or new.
    const st = await json<{ items: { project: string; metric: string | null; reports: number }[] }>('stalled', '--as-of', w, '--json');
    const stalled = new Set(st.items.map((i) => key(i.project, i.metric)));
    for (const [k2, i] of byItem) {
      if (i.kind !== 'progress') continue;
      if (i.status === 'stalled') assert.ok(stalled.has(k2), `stalled --as-of ${w} lists ${k2}`);
      if (stalled.has(k2)) assert.ok(['stalled', 'regressed'].includes(i.status), `stalled --as-of ${w} lists ${k2}, diff says ${i.status}`);
      compared++;
    }
    for (const k2 of stalled) assert.ok(byItem.has(k2), `stalled --as-of ${w}: ${k2} is in diff ${w}`);

    // export --format json: an inferred completion is a row of 100 marked so, as diff says.
    const rows = observations.filter((r) => r.week === w);
    for (const i of d.items.filter((x) => x.inferred)) {
      const row = rows.find((r) => key(r.project, r.metric) === key(i.project, i.metric));
      assert.ok(row && row.percent === 100 && row.inferred === true, `export json has the inferred 100 of ${key(i.project, i.metric)} in ${w}`);
    }
  }
  return { compared, seen, links };
}

test('diff W, history, export --to W, stalled --as-of W and the JSON/CSV forms agree, week by week, on the samples', async () => {
  const { compared, seen } = await agree('data/samples', 'samples', 8);
  assert.ok(compared > 200, `compared ${compared} statuses`);
  for (const s of ['new', 'advanced', 'completed', 'stalled', 'regressed', 'dropped', 'resumed', 'paused', 'improved', 'worsened']) {
    assert.ok(seen.has(s), `the samples show ${s} somewhere`);
  }
});

test('they agree on a renamed item (current) and items split from another (splitFrom), and on a state left in a name', async () => {
  const { compared, seen, links } = await agree('test/fixtures/cli/renamed-split', 'renamed-split', 3);
  assert.ok(compared >= 15, `compared ${compared} statuses`);
  // Two renames diffed before they happen (W14→W15), two parts split off (W15).
  assert.equal(links, { current: 2, splitFrom: 2 });
  for (const s of ['new', 'advanced', 'stalled', 'paused', 'cancelled']) assert.ok(seen.has(s), `the fixture shows ${s}`);
  // `对账差错看板 · 暂停中`: the item keeps its name and is paused, as the report states.
  const d = await json<{ items: DiffRow[] }>('diff', '2026-W15', '--json');
  assert.equal(d.items.filter((i) => i.project.startsWith('对账差错看板')).map((i) => [i.project, i.status]), [['对账差错看板', 'paused']]);
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
