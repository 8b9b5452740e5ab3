// `npm start`: ingest the shipped samples into a fresh demo database, then show the latest diff and the stalled list.

import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const db = path.join(root, 'data', 'demo.json');
for (const p of [db, `${db}.bak`, `${db}.d`]) rmSync(p, { recursive: true, force: true });

function milestones(...args) {
  console.log(`\n$ milestones ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'milestones.js'), '--db', db, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

milestones('ingest', path.relative(process.cwd(), path.join(root, 'data', 'samples')) || '.');
milestones('diff');
milestones('stalled');
console.log(`\nThe demo database is ${path.relative(process.cwd(), db)}; try: node bin/milestones.js --db ${path.relative(process.cwd(), db)} history 运单轨迹重构`);
