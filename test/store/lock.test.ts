// The lock: never taken from a live holder, taken at once from a dead one, fenced at the commit point, clear about who holds it.

import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputError } from '../../src/model/errors.js';
import { openStore } from '../../src/store/index.js';
import { liveness, type LockOwner } from '../../src/store/lock.js';
import { synthReport } from './synth.js';

const dirs: string[] = [];
function tmpDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'milestones-lock-'));
  dirs.push(dir);
  return path.join(dir, 'milestones.json');
}
test.after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function rejects(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    assert.instance(err, InputError);
    return err as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

async function seeded(): Promise<string> {
  const db = tmpDb();
  const store = await openStore(db, { create: true });
  await store.transact((tx) => tx.putReport(synthReport(1, 1)));
  return db;
}

const bootId = () => {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
};
const startOf = (pid: number) => {
  try {
    const t = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return t.slice(t.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
};

function owner(pid: number, extra: Partial<LockOwner> = {}): LockOwner {
  return { pid, host: os.hostname(), boot: bootId(), start: startOf(pid), token: 'f'.repeat(24), since: '2031-01-01T00:00:00.000Z', ...extra };
}

function writeLock(db: string, o: LockOwner | string, ageMs = 0): void {
  fs.writeFileSync(`${db}.lock`, typeof o === 'string' ? o : JSON.stringify(o));
  if (ageMs) {
    const t = new Date(Date.now() - ageMs);
    fs.utimesSync(`${db}.lock`, t, t);
  }
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const put = async (db: string, n: number, opts: { lockTimeoutMs?: number; lockStaleMs?: number } = {}) =>
  (await openStore(db, opts)).transact((tx) => tx.putReport(synthReport(1, n)).action);

test('liveness: this process is alive; an exited pid, a reused pid (other start time) and another boot are gone; another host is unknown', () => {
  assert.is(liveness(owner(process.pid)), 'alive');
  assert.is(liveness(owner(deadPid())), 'gone');
  if (startOf(process.pid)) assert.is(liveness(owner(process.pid, { start: '1' })), 'gone');
  if (bootId()) assert.is(liveness(owner(process.pid, { boot: '00000000-0000-0000-0000-000000000000' })), 'gone');
  assert.is(liveness(owner(process.pid, { host: `not-${os.hostname()}` })), 'unknown');
});

test('a lock left by a dead process is taken over at once, however fresh', async () => {
  const db = await seeded();
  writeLock(db, owner(deadPid()));
  assert.is(await put(db, 2, { lockTimeoutMs: 0 }), 'added');
  assert.not.ok(fs.existsSync(`${db}.lock`), 'released');
});

test('a live holder keeps its lock however old its heartbeat: waiters fail after their wait, naming it, and save nothing', async () => {
  const db = await seeded();
  const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
  try {
    writeLock(db, owner(holder.pid!), 3_600_000);
    const before = fs.readFileSync(db, 'utf8');
    const err = await rejects(put(db, 2, { lockTimeoutMs: 200, lockStaleMs: 1_000 }));
    assert.is(
      err.format(),
      `${db}: the database is locked by milestones process ${holder.pid}, since 2031-01-01T00:00:00.000Z — ` +
        `wait for it to finish (if it is stopped, resume it: kill -CONT ${holder.pid}); the lock is free as soon as it exits`,
    );
    assert.is(fs.readFileSync(db, 'utf8'), before);
    assert.ok(fs.existsSync(`${db}.lock`), 'the live holder still has its lock');
  } finally {
    holder.kill('SIGKILL');
  }
});

test('a holder on another host: held while its heartbeat is fresh, taken over once stale', async () => {
  const db = await seeded();
  const remote = owner(4242, { host: `not-${os.hostname()}`, boot: 'x', start: '' });
  writeLock(db, remote);
  const err = await rejects(put(db, 2, { lockTimeoutMs: 100, lockStaleMs: 60_000 }));
  assert.match(err.format(), new RegExp(`locked by milestones process 4242 on not-${os.hostname()}.* — wait for it to finish, or remove .*\\.lock if no milestones process is running on not-`));
  writeLock(db, remote, 120_000);
  assert.is(await put(db, 2, { lockTimeoutMs: 100, lockStaleMs: 60_000 }), 'added');
});

test('an older milestones lock (a folder): respected while fresh, removed once stale', async () => {
  const db = await seeded();
  fs.mkdirSync(`${db}.lock`);
  await rejects(put(db, 2, { lockTimeoutMs: 100, lockStaleMs: 60_000 }));
  const t = new Date(Date.now() - 120_000);
  fs.utimesSync(`${db}.lock`, t, t);
  assert.is(await put(db, 2, { lockTimeoutMs: 100, lockStaleMs: 60_000 }), 'added');
  assert.not.ok(fs.existsSync(`${db}.lock`));
});

test('a lock path that is a regular file of someone else: a message saying what to do, the file kept', async () => {
  const db = await seeded();
  writeLock(db, 'my notes\n');
  const err = await rejects(put(db, 2, { lockTimeoutMs: 100 }));
  assert.is(err.format(), `${db}: the lock path ${db}.lock is a file that is not a milestones lock — move ${db}.lock away (milestones creates and removes it around every write)`);
  assert.is(fs.readFileSync(`${db}.lock`, 'utf8'), 'my notes\n');
});

test('fencing: a holder whose lock was taken saves nothing (main file and .bak unchanged) and says to run it again', async () => {
  const db = await seeded();
  await put(db, 2); // so that a .bak exists
  const main = fs.readFileSync(db, 'utf8');
  const bak = fs.readFileSync(`${db}.bak`, 'utf8');
  const store = await openStore(db);
  const err = await rejects(
    store.transact((tx) => {
      tx.putReport(synthReport(1, 3));
      // Another host's process takes the lock over while this one is inside its transaction.
      writeLock(db, owner(4242, { host: `not-${os.hostname()}`, token: 'a'.repeat(24) }));
    }),
  );
  assert.is(err.format(), `${db}: another process took the database lock while this one was stalled; nothing was saved — run it again`);
  assert.is(fs.readFileSync(db, 'utf8'), main);
  assert.is(fs.readFileSync(`${db}.bak`, 'utf8'), bak);
  assert.ok(fs.existsSync(`${db}.lock`), "the other holder's lock is left alone");
  assert.equal(store.headers().map((h) => h.week), (await openStore(db)).headers().map((h) => h.week));
});

test('two transactions of one process on one database take turns', async () => {
  const db = await seeded();
  const a = await openStore(db);
  const b = await openStore(db);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let inside = 0;
  let most = 0;
  const first = a.transact(async (tx) => {
    inside++;
    most = Math.max(most, inside);
    tx.putReport(synthReport(1, 2));
    await gate;
    inside--;
  });
  const second = b.transact((tx) => {
    inside++;
    most = Math.max(most, inside);
    tx.putReport(synthReport(1, 3));
    inside--;
  });
  await new Promise((r) => setTimeout(r, 50));
  release();
  await Promise.all([first, second]);
  assert.is(most, 1, 'never both inside');
  assert.equal((await openStore(db)).headers().map((h) => h.week), ['2031-W02', '2031-W03', '2031-W04']);
});

test('temp names belong to one database: writes to db.json never remove the temp files of db.json-2 or db.json.5', async () => {
  const db = await seeded();
  const dir = path.dirname(db);
  const others = ['.milestones.json-2.0123456789ab.tmp', '.milestones.json.5.0123456789ab.tmp', '.milestones.json.bak.5.0123456789ab.tmp'].map((n) => path.join(dir, n));
  for (const f of others) fs.writeFileSync(f, 'x');
  const mine = path.join(dir, '.milestones.json.0123456789ab.tmp');
  fs.writeFileSync(mine, 'x');
  await put(db, 2);
  assert.not.ok(fs.existsSync(mine), 'its own leftover is removed');
  for (const f of others) assert.ok(fs.existsSync(f), `${path.basename(f)} kept`);
});

test.run();
