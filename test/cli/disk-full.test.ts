// A full disk under ingest and alias add (a small tmpfs filled to many levels): a clear message, the database unchanged, nothing left behind.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { scale } from '../support/limits.js';
import { hasStack, lines, run as inProcess, sha256, tempDir, writeReports } from './support/cli.js';

/** Free bytes left on the disk before each try: from none to enough for the whole write. */
const LEVELS = scale(3, 24);
const SIZE = '1m';
const NEW_REPORTS = 12;

test(`disk full at ${LEVELS} levels: ingest and alias add either succeed whole or fail with one clear line; database, .bak and folder as before`, async () => {
  const { dir, cleanup } = tempDir('diskfull');
  const mnt = path.join(dir, 'mnt');
  mkdirSync(mnt);
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', mnt], { encoding: 'utf8' });
  if (mount.status !== 0) {
    // Not root, or no tmpfs in this kernel: the error mapping is covered by test/store/store.test.ts.
    console.log(`\n[cli reliability] disk full: NOT RUN — cannot mount a tmpfs here: ${(mount.stderr || mount.error?.message || '').trim()}`);
    cleanup();
    return;
  }
  try {
    writeReports(path.join(dir, 'old'), 2022, 6, 1);
    const db = path.join(mnt, 'milestones.json');
    for (const args of [['ingest', 'old'], ['alias', 'add', '旧名', '仓储调度平台']]) {
      const r = await inProcess(db, args, { cwd: dir }); // the second save makes the .bak
      assert.is(r.code, 0, r.stderr);
    }
    const listing = () => readdirSync(mnt).filter((n) => n !== 'filler').sort().join(',') + '|' + readdirSync(`${db}.d`).sort().join(',');
    const free = () => {
      const s = statfsSync(mnt);
      return s.bavail * s.bsize;
    };
    let failures = 0;
    let successes = 0;
    const messages = new Set<string>();
    for (let level = 0; level < LEVELS; level++) {
      // A new team each level, so every ingest has reports to write.
      writeReports(path.join(dir, `new${level}`), 2023, NEW_REPORTS, 7 + level);
      for (const args of [['--team', `t${level}`, 'ingest', `new${level}`], ['alias', 'add', `旧名${level}`, '仓储调度平台']]) {
        const before = { main: sha256(db), bak: sha256(`${db}.bak`), files: listing() };
        // Leave `left` bytes free: 0, then growing steps up to ~64 KiB (the new reports' evidence and main file fit near the top).
        const left = Math.round((level / Math.max(1, LEVELS - 1)) * 64 * 1024);
        const filler = path.join(mnt, 'filler');
        writeFileSync(filler, '');
        const room = free() - left;
        if (room > 0) {
          try {
            writeFileSync(filler, Buffer.alloc(room));
          } catch {
            // the filler itself hit the limit: the disk is as full as it gets
          }
        }
        const r = await inProcess(db, args, { cwd: dir });
        rmSync(filler, { force: true });
        assert.not.ok(hasStack(r.stderr), r.stderr);
        assert.is(r.signal, null);
        if (r.code === 0) {
          successes++;
        } else {
          failures++;
          assert.is(r.code, 1, r.stderr);
          const errs = lines(r.stderr).filter((l) => l.startsWith('milestones: error:'));
          assert.is(errs.length, 1, r.stderr);
          assert.match(errs[0]!, /: cannot (?:lock|save) the database: no space left on the device \(ENOSPC\); nothing was saved — free some space and run it again$/);
          messages.add(errs[0]!.replace(db, 'DB'));
          assert.equal({ main: sha256(db), bak: sha256(`${db}.bak`), files: listing() }, before, `${args.join(' ')} at ${left} bytes free: the database and its folder as before`);
        }
        // Whatever happened, the database opens and is whole.
        const w = await inProcess(db, ['export', '--format', 'json'], { cwd: dir });
        assert.is(w.code, 0, w.stderr);
      }
    }
    console.log(
      `\n[cli reliability] disk full: ${LEVELS} fill levels of a ${SIZE} tmpfs x (ingest of ${NEW_REPORTS} reports, alias add): ` +
        `${failures} clean failures (${[...messages].join(' / ')}), ${successes} whole successes, no stack trace, no leftovers, database intact after each`,
    );
    assert.ok(failures > 0, 'the disk was full at least once');
  } finally {
    spawnSync('umount', [mnt]);
    cleanup();
  }
});

test.run();
