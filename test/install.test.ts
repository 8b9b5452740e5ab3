// `npm install` is quiet for a newcomer: every dependency with an install script is approved in package.json's allowScripts.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './cli/support/cli.js';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

/** Every package folder under node_modules (scoped ones included, nested node_modules too). */
function packages(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (name.startsWith('@')) out.push(...packages(p));
    else if (existsSync(path.join(p, 'package.json'))) out.push(p, ...packages(path.join(p, 'node_modules')));
  }
  return out;
}

test('every installed package with an install script is approved (npm warns about the others on every install)', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  const allowed = pkg.allowScripts ?? {};
  const found = packages(path.join(root, 'node_modules'));
  assert.ok(found.length > 20, `found ${found.length} packages`);
  const unreviewed: string[] = [];
  for (const dir of found) {
    const p = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string; scripts?: Record<string, string> };
    if (!INSTALL_SCRIPTS.some((s) => p.scripts?.[s])) continue;
    if (!(p.name in allowed) && !(`${p.name}@${p.version}` in allowed)) unreviewed.push(`${p.name}@${p.version}`);
  }
  assert.equal(unreviewed, [], 'approve them with `npm install-scripts approve <pkg> --no-allow-scripts-pin`, or avoid the dependency');
});

test.run();
