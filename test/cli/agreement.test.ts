// Issue 10: diff, stalled, history and export — text, CSV and JSON — give the same status to the same item on the samples.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, run as inProcess } from './support/cli.js';
import { parseCsv } from './support/csv.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'milestones-agree-'));
const db = path.join(tmp, 'samples.json');

async function run(...args: string[]): Promise<string> {
  const r = await inProcess(db, args, { cwd: root });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const json = async <T>(...args: string[]) => JSON.parse(await run(...args)) as T;

interface DiffRow { project: string; metric: string | null; kind: string; from: number | null; to: number | null; status: string; inferred?: boolean }
interface Point { week: string; percent: number | null; status: string; inferred?: boolean }
const key = (project: string, metric: string | null) => `${project}/${metric ?? ''}`;

test('diff W, history, export --to W, stalled --as-of W and the JSON/CSV forms agree, week by week, on the samples', async () => {
  await run('ingest', 'data/samples');
  const weeks = (await json<{ weeks: { week: string }[] }>('weeks', '--json')).weeks.map((w) => w.week);
  assert.ok(weeks.length >= 8);

  // History once per project: every point's status, keyed by item and week.
  const historyStatus = new Map<string, Point>();
  const observations = await json<{ week: string; project: string; metric: string | null; percent: number; inferred?: boolean }[]>('export', '--format', 'json');
  const names = new Set(parseCsv(await run('export', '--format', 'csv')).slice(1).map((r) => r[1]!));
  for (const name of names) {
    for (const item of (await json<{ items: { project: string; metric: string | null; points: Point[] }[] }>('history', name, '--json')).items) {
      for (const p of item.points) historyStatus.set(`${key(item.project, item.metric)}@${p.week}`, p);
    }
  }

  let compared = 0;
  const seen = new Set<string>();
  for (let k = 1; k < weeks.length; k++) {
    const w = weeks[k]!;
    const d = await json<{ from: string; to: string; items: DiffRow[] }>('diff', w, '--json');
    assert.equal([d.from, d.to], [weeks[k - 1], w], `diff ${w} compares it with the report before it`);
    const byItem = new Map(d.items.map((i) => [key(i.project, i.metric), i]));
    for (const s of new Set(d.items.map((i) => i.status))) seen.add(s);

    // diff as CSV: the same rows and statuses as its JSON.
    const csv = parseCsv(await run('diff', w, '--format', 'csv'));
    const head = csv[0]!;
    const col = (n: string) => head.indexOf(n);
    assert.equal(
      csv.slice(1).map((r) => `${key(r[col('project')]!, r[col('metric')] || null)}=${r[col('status')]}`).sort(),
      d.items.map((i) => `${key(i.project, i.metric)}=${i.status}`).sort(),
      `diff ${w}: CSV and JSON`,
    );

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
  assert.ok(compared > 200, `compared ${compared} statuses`);
  for (const s of ['new', 'advanced', 'completed', 'stalled', 'regressed', 'dropped', 'resumed', 'paused', 'improved', 'worsened']) {
    assert.ok(seen.has(s), `the samples show ${s} somewhere`);
  }
});

test.after(() => rmSync(tmp, { recursive: true, force: true }));
test.run();
