// The seal: a file exactly as written loads without the zod pass; any other text is validated in full.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../../src/model/errors.js';
import { isSealed, openStore } from '../../src/store/index.js';
import { synthReport } from './synth.js';
import { baseOf } from './verify.js';

async function sealedDb() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-seal-'));
  const db = path.join(dir, 'db.json');
  const store = await openStore(db, { create: true });
  await store.transact((tx) => {
    for (let n = 0; n < 3; n++) tx.putReport(synthReport(1, n));
  });
  return { dir, db };
}

test('what the store writes is sealed, and loads back whole', async () => {
  const { dir, db } = await sealedDb();
  try {
    const text = readFileSync(db, 'utf8');
    assert.ok(isSealed(text));
    assert.match(text, /\n "seal": "[0-9a-f]{64}"\n\}\n$/);
    const again = await openStore(db);
    assert.is(again.headers().length, 3);
    assert.equal(again.measures()[0]!.measures, (await openStore(db)).measures()[0]!.measures);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a hand edit breaks the seal, so an invalid value is caught by the full validation', async () => {
  const { dir, db } = await sealedDb();
  try {
    // The headers are in the base the manifest names.
    const base = baseOf(db);
    const text = readFileSync(base, 'utf8');
    const broken = text.replace(/"progress":\d+/, '"progress":"many"');
    assert.is.not(broken, text);
    writeFileSync(base, broken);
    assert.not.ok(isSealed(broken));
    try {
      await openStore(db);
      assert.unreachable('an edited invalid file must be refused');
    } catch (e) {
      assert.instance(e, InputError);
      assert.match((e as InputError).format(), /not a valid milestones database \(.*progress/);
    }
    assert.is(readFileSync(base, 'utf8'), broken, 'the file is left as it was');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a valid hand edit (seal now stale) still loads, validated', async () => {
  const { dir, db } = await sealedDb();
  try {
    const edited = readFileSync(baseOf(db), 'utf8').replace(/"title":"[^"]*"/, '"title":"手工修改的标题"');
    writeFileSync(baseOf(db), edited);
    assert.not.ok(isSealed(edited));
    const store = await openStore(db);
    assert.ok(store.headers().some((h) => h.title === '手工修改的标题'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a forged seal on the wrong text does not pass', () => {
  const text = '{\n "version": 2,\n "aliases": [],\n "items": [],\n "reports": [],\n "retired": [],\n "seal": "' + '0'.repeat(64) + '"\n}\n';
  assert.not.ok(isSealed(text));
});

test('evidence files are sealed too: an edited one is validated in full', async () => {
  const { dir, db } = await sealedDb();
  try {
    const evDir = `${db}.d`;
    const files = readdirSync(evDir).filter((f) => f.endsWith('.json') && !/^[wmj]-/.test(f));
    assert.is(files.length, 3);
    for (const f of readdirSync(evDir).filter((n) => /^[mj]-/.test(n))) assert.ok(isSealed(readFileSync(path.join(evDir, f), 'utf8')), f);
    for (const f of files) assert.ok(isSealed(readFileSync(path.join(evDir, f), 'utf8')), f);
    const store = await openStore(db);
    const id = store.headers()[0]!.id;
    const before = store.observations(id);
    assert.ok(before.length > 0);
    const file = path.join(evDir, files.find((f) => f.startsWith(id))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"percent": [\d.]+/, '"percent": "lots"'));
    try {
      (await openStore(db)).observations(id);
      assert.unreachable('an edited invalid evidence file must be refused');
    } catch (e) {
      assert.instance(e, InputError);
      assert.match((e as InputError).format(), /not a valid evidence file \(at observations\[0\]\.percent/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged, edited or foreign measure segment is detected by its seal and named in the error', async () => {
  const { dir, db } = await sealedDb();
  try {
    const evDir = `${db}.d`;
    const [seg] = readdirSync(evDir).filter((f) => f.startsWith('w-'));
    assert.ok(seg && isSealed(readFileSync(path.join(evDir, seg), 'utf8')));
    const file = path.join(evDir, seg);
    const good = readFileSync(file, 'utf8');
    const failure = async (): Promise<string> => {
      try {
        (await openStore(db)).measures();
        return 'loaded';
      } catch (e) {
        assert.instance(e, InputError);
        return (e as InputError).format();
      }
    };
    // Edited (a figure changed): the seal no longer matches.
    writeFileSync(file, good.replace(/\[0,[\d.]+,/, '[0,12.5,'));
    assert.is.not(readFileSync(file, 'utf8'), good);
    let msg = await failure();
    assert.ok(msg.startsWith(`${file}: not a valid measure segment (its seal does not match its content`), msg);
    assert.match(msg, new RegExp(`remove it and rebuild it: rm ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} && milestones --db `));
    // Truncated.
    writeFileSync(file, good.slice(0, good.length / 2));
    msg = await failure();
    assert.ok(msg.startsWith(`${file}: not a valid measure segment (`), msg);
    // Foreign: a whole, sealed segment, but not the one this name stands for.
    const foreign = readdirSync(evDir).find((f) => f.startsWith('w-') && f !== seg)!;
    const sealedElsewhere = readFileSync(path.join(evDir, foreign), 'utf8');
    assert.ok(isSealed(sealedElsewhere));
    writeFileSync(file, sealedElsewhere);
    msg = await failure();
    assert.ok(msg.startsWith(`${file}: not a valid measure segment (its content is not the one its name promises`), msg);
    // Put back whole, it loads again.
    writeFileSync(file, good);
    assert.is(await failure(), 'loaded');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a store opened before another writer committed reloads in its transaction (no stale reuse)', async () => {
  const { dir, db } = await sealedDb();
  try {
    const early = await openStore(db); // holds the 3-report state
    const other = await openStore(db);
    await other.transact((tx) => void tx.putReport(synthReport(2, 10)));
    await early.transact((tx) => void tx.putReport(synthReport(3, 20)));
    const ids = (await openStore(db)).headers().map((h) => h.id);
    assert.is(ids.length, 5, 'both writers\' reports are kept');
    assert.ok(ids.includes(synthReport(2, 10).id) && ids.includes(synthReport(3, 20).id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
