// Issue 13 (read side): queries fold each team from its saved fold state (cli/folds.ts); the statuses must be those of a fold from the first report, whatever changed since the state was saved.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffTimelines } from '../../src/analyze/diff.js';
import { stalledOf } from '../../src/analyze/stalled.js';
import { buildTimeline, inferredOf, type FoldState } from '../../src/analyze/timeline.js';
import { byTeam, onePerTeamWeek } from '../../src/analyze/items.js';
import { aliasMap } from '../../src/cli/options.js';
import { refreshCheckpoints } from '../../src/cli/folds.js';
import { openStore } from '../../src/store/index.js';
import { root, run as inProcess, tempDir } from './support/cli.js';

const SERIES = [
  { name: 'samples', dir: path.join(root, 'data', 'samples'), args: [] as string[] },
  ...['worked', 'own', 'own-aside', 'r3'].map((s) => ({ name: s, dir: path.join(root, 'test', 'fixtures', 'eval', s, 'series'), args: ['--team-from-folder'] })),
];

async function ok(db: string, args: string[], cwd = root): Promise<string> {
  const r = await inProcess(db, args, { cwd });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** JSON round trip: what a checkpoint file gives back. */
const saved = (s: FoldState): FoldState => JSON.parse(JSON.stringify(s)) as FoldState;

test('a fold resumed from its saved state after any report gives the statuses of the fold from the first report', async () => {
  const t = tempDir('fold-resume');
  let splits = 0;
  try {
    for (const s of SERIES) {
      const db = path.join(t.dir, `${s.name}.json`);
      await ok(db, ['ingest', s.dir, ...s.args, '-q']);
      const store = await openStore(db);
      const aliases = aliasMap(store.aliases(), {});
      for (const [team, reports] of byTeam(onePerTeamWeek(store.measures()))) {
        const n = reports.length;
        const weeks = reports.map((r) => r.week);
        for (let k = 1; k < n; k++) {
          const state = saved(buildTimeline(team, reports.slice(0, k), aliases, undefined, new Set([k - 1])).states!.get(k - 1)!);
          assert.is(state.reports, k);
          const resumed = buildTimeline(team, reports.slice(k), aliases, state);
          const full = buildTimeline(team, reports, aliases);
          splits++;
          // diff of every pair of weeks from the resumed part on (a later `to` than the last report too: names as of then).
          for (let i = k; i < n; i++) {
            for (let j = i + 1; j < n; j++) {
              const opts = { from: weeks[i]!, to: weeks[j]! };
              assert.equal(diffTimelines([resumed], opts), diffTimelines([full], opts), `${s.name} ${team}: diff ${opts.from} ${opts.to} after a state saved at ${weeks[k - 1]}`);
            }
          }
          // stalled as of each week of the resumed part: folded up to it.
          for (let j = k; j < n; j++) {
            const opts = { asOf: weeks[j]!, minReports: 1 };
            const upTo = buildTimeline(team, reports.slice(k, j + 1), aliases, state);
            assert.equal(stalledOf([upTo], opts), stalledOf([buildTimeline(team, reports.slice(0, j + 1), aliases)], opts), `${s.name} ${team}: stalled --as-of ${weeks[j]}`);
          }
          // completions in words of the resumed weeks.
          const later = new Set(weeks.slice(k));
          const fullInferred = [...inferredOf([full])].filter(([key]) => later.has(key.split('\u0000')[1]!));
          assert.equal([...inferredOf([resumed])], fullInferred, `${s.name} ${team}: inferred completions after ${weeks[k - 1]}`);
        }
      }
    }
    assert.ok(splits > 50, `resumed at ${splits} points`);
  } finally {
    t.cleanup();
  }
});

/** Every query that reads checkpoints, over every week, as JSON. */
async function queries(db: string, extra: string[] = []): Promise<string> {
  const weeks = (JSON.parse(await ok(db, ['weeks', '--json', ...extra])) as { weeks: { week: string }[] }).weeks.map((w) => w.week);
  const distinct = [...new Set(weeks)];
  const out: string[] = [];
  for (const w of distinct) {
    out.push(await ok(db, ['show', w, '--json', ...extra]));
    out.push(await ok(db, ['stalled', '--as-of', w, '--weeks', '1', '--json', ...extra]));
    if (w !== distinct[0]) out.push(await ok(db, ['diff', w, '--json', ...extra]));
  }
  out.push(await ok(db, ['diff', distinct[0]!, distinct[distinct.length - 1]!, '--json', ...extra]));
  return out.join('\n');
}

/** The same queries with no checkpoint at all: every team folded from its first report. */
async function inFull(db: string, extra: string[] = []): Promise<string> {
  const copy = `${db}.full.json`;
  rmSync(`${copy}.d`, { recursive: true, force: true });
  cpSync(db, copy);
  cpSync(`${db}.d`, `${copy}.d`, { recursive: true });
  return queries(copy, extra);
}

/** The saved fold states (not the file saying which aliases they were saved with). */
const checkpoints = (db: string) => (existsSync(`${db}.idx`) ? readdirSync(`${db}.idx`).filter((n) => n.endsWith('.json') && !n.endsWith('-basis.json')) : []);

test('ingest saves each team’s last three fold states; queries from them equal queries folding in full, after every kind of change', async () => {
  const t = tempDir('checkpoints');
  try {
    const reports = path.join(t.dir, 'reports');
    cpSync(path.join(root, 'data', 'samples'), reports, { recursive: true });
    const db = path.join(t.dir, 'db.json');
    await ok(db, ['ingest', reports, '-q']);
    assert.is(checkpoints(db).length, 3, 'one team: a state after each of its last three reports');
    const original = await queries(db);
    assert.is(original, await inFull(db), 'as ingested');

    // An alias added after the states were saved, merging two items of the latest report into one: a stale state would
    // still hold both (drift linking would not make up for it: both names are in every report).
    const shown = JSON.parse(await ok(db, ['show', 'latest', '--json'])) as { items: { project: string; metric: string | null; kind: string }[] };
    const [p1, p2] = [...new Set(shown.items.filter((o) => o.kind === 'progress' && o.metric === null).map((o) => o.project))];
    assert.ok(p1 && p2, 'two projects in the latest report');
    const saved = () => checkpoints(db).map((n) => readFileSync(path.join(`${db}.idx`, n), 'utf8'));
    const asIngested = saved();
    await ok(db, ['alias', 'add', p1, p2]);
    assert.ok(saved().every((text) => !asIngested.includes(text)), 'alias add saves every state again');
    const aliased = await queries(db);
    assert.ok(aliased !== original, 'the alias changes the output');
    assert.is(aliased, await inFull(db), 'after alias add');

    await ok(db, ['alias', 'remove', p1]);
    assert.is(await queries(db), original, 'after alias remove: as before the alias');

    // The configuration file's aliases are part of the key too.
    const config = path.join(t.dir, 'milestones.config.json');
    writeFileSync(config, JSON.stringify({ aliases: { [p1]: p2 } }));
    const configured = await queries(db, ['--config', config]);
    assert.is(configured, aliased, 'the same alias from a configuration file');
    assert.is(configured, await inFull(db, ['--config', config]), 'with aliases from a configuration file');
    // The next ingest with that configuration saves the states with its aliases, even when no report changed.
    const withoutConfig = saved();
    await ok(db, ['ingest', reports, '-q', '--config', config]);
    assert.ok(saved().every((text) => !withoutConfig.includes(text)), 'states saved again with the configuration’s aliases');
    assert.is(await queries(db, ['--config', config]), aliased, 'from states saved with the configuration’s aliases');
    await ok(db, ['ingest', reports, '-q']);

    // A report filed into the past (a week between stored ones): the team's later states are stale.
    const weeks = (JSON.parse(await ok(db, ['weeks', '--json'])) as { weeks: { week: string }[] }).weeks.map((w) => w.week);
    assert.ok(weeks.includes('2025-W52') && weeks.includes('2026-W02') && !weeks.includes('2026-W01'));
    writeFileSync(
      path.join(reports, '第01周 2026-01-02.md'),
      [
        '# 第01周 2026-01-02',
        '',
        '# 上周进展',
        '',
        '## 【O1 仓配履约】',
        '',
        '- 仓储WMS升级，进度30%；元旦值班，拣货策略回退重做',
        '- 运单轨迹重构进度20%；轨迹聚合服务方案重新评审',
        '- 退货逆向流程改造已暂停，等待业务方重新排期',
        '',
      ].join('\n'),
    );
    const before = new Map(checkpoints(db).map((n) => [n, readFileSync(path.join(`${db}.idx`, n), 'utf8')]));
    await ok(db, ['ingest', reports, '-q']);
    const filed = await queries(db);
    assert.ok(filed !== original, 'the report filed into the past changes the output');
    assert.is(filed, await inFull(db), 'after a report filed into the past');
    const after = checkpoints(db).map((n) => readFileSync(path.join(`${db}.idx`, n), 'utf8'));
    assert.ok(after.every((text) => ![...before.values()].includes(text)), 'every saved state after the week filed is written again');
    // As if that ingest had not saved them again: the states saved before it are stale for the weeks after the one filed.
    for (const [n, text] of before) writeFileSync(path.join(`${db}.idx`, n), text);
    assert.is(await queries(db), filed, 'stale states after a report filed into the past');

    // A damaged checkpoint (seal) and a foreign one (another week's file under this name): neither is used.
    const dir = `${db}.idx`;
    const [a, b] = checkpoints(db).sort();
    const fileA = path.join(dir, a!);
    writeFileSync(fileA, readFileSync(fileA, 'utf8').replace(/\d(?=[,\]])/, (d) => String((Number(d) + 1) % 10)));
    cpSync(path.join(dir, b!), path.join(dir, checkpoints(db).sort()[2]!));
    assert.is(await queries(db), filed, 'damaged and foreign checkpoints');

    // A database whose checkpoint folder cannot be made (a file in its place): queries fold in full, ingest still succeeds.
    rmSync(dir, { recursive: true });
    writeFileSync(dir, 'not a folder');
    writeFileSync(path.join(reports, 'extra.md'), readFileSync(path.join(reports, '第01周 2026-01-02.md'), 'utf8').replace('30%', '35%'));
    await ok(db, ['ingest', reports, '-q']);
    assert.is(await queries(db), await inFull(db), 'no checkpoint folder');
  } finally {
    t.cleanup();
  }
});

test('states saved a window of weeks at a time (each team carried across windows by its state) are the states of one fold over all reports', async () => {
  const t = tempDir('checkpoint-windows');
  try {
    const db = path.join(t.dir, 'db.json');
    // Several teams, of many weeks and of few, in other weeks: windows end inside one team's series and not another's.
    await ok(db, ['ingest', path.join(root, 'test', 'fixtures', 'eval', 'worked', 'series'), '--team-from-folder', '-q']);
    const dir = `${db}.idx`;
    // The states and the basis (other files there are not states: `checked-…` marks).
    const states = () => new Map(readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => [n, readFileSync(path.join(dir, n), 'utf8')]));
    const saveWith = async (windowReports: number) => {
      rmSync(dir, { recursive: true, force: true });
      const store = await openStore(db);
      assert.ok(refreshCheckpoints(store, aliasMap(store.aliases(), {}), [], windowReports), `saved (window ${windowReports})`);
      return states();
    };
    const whole = await saveWith(Number.POSITIVE_INFINITY);
    const weeksOf = new Map<string, Set<string>>();
    for (const h of (await openStore(db)).headers()) weeksOf.set(h.team, (weeksOf.get(h.team) ?? new Set()).add(h.week));
    assert.ok(weeksOf.size >= 3, 'several teams');
    const expected = [...weeksOf.values()].reduce((n, ws) => n + Math.min(3, ws.size), 1);
    assert.is(whole.size, expected, 'a state after each of every team’s last three reports, and the basis');
    for (const windowReports of [1, 2, 5]) {
      const windowed = await saveWith(windowReports);
      assert.equal([...windowed.keys()].sort(), [...whole.keys()].sort(), `the same states (window ${windowReports})`);
      for (const [name, text] of windowed) assert.is(text, whole.get(name), `${name} (window ${windowReports})`);
    }
  } finally {
    t.cleanup();
  }
});

test.run();
