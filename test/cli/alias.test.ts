// `alias add` refuses an alias that would lead back to itself; `alias remove` forgets one.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-alias-'));
const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'milestones.js'), '--db', path.join(dir, 'db.json'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MILESTONES_DB: '' },
  });
  return { out: r.stdout, err: r.stderr, code: r.status };
};

test('a chain is fine; a loop is refused with exit 2 and nothing stored', () => {
  assert.is(cli('alias', 'add', '结算一期', '结算二期').code, 0);
  assert.is(cli('alias', 'add', '结算二期', '结算中心').code, 0);
  const loop = cli('alias', 'add', '结算中心', '结算一期');
  assert.is(loop.code, 2);
  assert.match(loop.err, /结算一期 already leads back to 结算中心/);
  const list = JSON.parse(cli('alias', 'list', '--json').out) as { aliases: { name: string }[] };
  assert.equal(list.aliases.map((a) => a.name).sort(), ['结算一期', '结算二期'].sort());
});

test('alias remove forgets an alias and says when there is none', () => {
  assert.is(cli('alias', 'remove', '结算一期').code, 0);
  const again = cli('alias', 'remove', '结算一期');
  assert.is(again.code, 2);
  assert.match(again.err, /no stored alias "结算一期"/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
