// A renderer nothing can reach does not exist: every value src/render exports is used by another file of src/.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../cli/support/cli.js';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

test('every function or constant exported by src/render is used outside its own file', () => {
  const all = sources(path.join(root, 'src'));
  const text = new Map(all.map((f) => [f, readFileSync(f, 'utf8')]));
  const render = all.filter((f) => path.dirname(f) === path.join(root, 'src', 'render') && path.basename(f) !== 'index.ts');
  assert.ok(render.length >= 10);
  const unused: string[] = [];
  for (const file of render) {
    for (const m of text.get(file)!.matchAll(/^export (?:async )?(?:function|const|class) ([A-Za-z_$][\w$]*)/gm)) {
      const name = m[1]!;
      const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
      const users = all.filter((f) => f !== file && !f.endsWith(path.join('render', 'index.ts')) && word.test(text.get(f)!));
      if (!users.length) unused.push(`${path.relative(root, file)}: ${name}`);
    }
  }
  assert.equal(unused, [], 'make them reachable from a command, or delete them');
});

test.run();
