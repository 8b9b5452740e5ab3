// `alias add` refuses an alias that would lead back to itself; `alias remove` forgets one.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from './support/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-alias-'));
const run = (...args: string[]) => cli(path.join(dir, 'db.json'), args);

test('a chain is fine; a loop is refused with exit 2 and nothing stored', () => {
  assert.is(run('alias', 'add', '结算一期', '结算二期').code, 0);
  assert.is(run('alias', 'add', '结算二期', '结算中心').code, 0);
  const loop = run('alias', 'add', '结算中心', '结算一期');
  assert.is(loop.code, 2);
  assert.match(loop.stderr, /结算一期 already leads back to 结算中心/);
  const list = JSON.parse(run('alias', 'list', '--json').stdout) as { aliases: { name: string }[] };
  assert.equal(list.aliases.map((a) => a.name).sort(), ['结算一期', '结算二期'].sort());
});

test('alias remove forgets an alias and says when there is none', () => {
  assert.is(run('alias', 'remove', '结算一期').code, 0);
  const again = run('alias', 'remove', '结算一期');
  assert.is(again.code, 2);
  assert.match(again.stderr, /no stored alias "结算一期"/);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
