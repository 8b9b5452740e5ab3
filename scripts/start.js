// `npm start`: ingest the shipped samples into a fresh demo database, show the latest diff, the stalled list and the
// forecasts, and write the planning report (data/report.html), saying where.
//
// The demo goes where the README's next commands look: data/milestones.json (the default
// database) — unless that file already holds reports other than the samples, which are never
// touched: then the demo goes to data/demo.json and the last line says how to use it.
// It speaks the language the commands speak (--lang is not needed: LANG=zh_CN.UTF-8 npm start).

import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runLang } from '../dist/cli/lang.js';
import { main as cli } from '../dist/cli/main.js';
import { translate } from '../dist/render/messages.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'milestones.js');
const samples = path.join(root, 'data', 'samples');
const main = path.join(root, 'data', 'milestones.json');
const demo = path.join(root, 'data', 'demo.json');
const shown = (p) => path.relative(process.cwd(), p) || '.';
const lang = await runLang(process.argv.slice(2), process.env, process.cwd());
const say = (message) => translate(message, lang);

/** True when `db` holds nothing but reports from data/samples (a demo database from an earlier `npm start`). */
async function onlySamples(db) {
  // The commands run in this process, through the same main() as bin/milestones.js.
  let out = '';
  const stdout = new Writable({
    write(chunk, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const quiet = new Writable({ write: (_chunk, _enc, cb) => cb() });
  const code = await cli([process.execPath, bin, '--db', db, 'weeks', '--json'], { stdout, stderr: quiet, env: process.env });
  if (code !== 0) return false;
  const { weeks } = JSON.parse(out);
  return weeks.every((w) => !path.relative(samples, path.resolve(w.source)).startsWith('..'));
}

const db = !existsSync(main) || (await onlySamples(main)) ? main : demo;
for (const p of [db, `${db}.bak`, `${db}.d`]) rmSync(p, { recursive: true, force: true });

async function milestones(...args) {
  console.log(`\n$ milestones ${args.join(' ')}`);
  const code = await cli([process.execPath, bin, '--db', db, ...args]);
  if (code !== 0) process.exit(code);
}

await milestones('ingest', shown(samples));
await milestones('diff');
await milestones('stalled');
await milestones('forecast');
const page = path.join(root, 'data', 'report.html');
await milestones('report', '--out', shown(page));
if (db === main) {
  console.log(`\n${say(`The demo database is ${shown(db)}, the default one: the README's next commands work as written, e.g. node bin/milestones.js history 运单轨迹`)}`);
  console.log(say(`The planning report is ${shown(page)}: open it in a browser (it works offline, and prints one page per team).`));
} else {
  console.log(
    `\n${say(`${shown(main)} holds other reports and was left alone; the demo database is ${shown(db)}. For the README's next commands: export MILESTONES_DB=${shown(db)}`)}`,
  );
  console.log(say(`The planning report is ${shown(page)}: open it in a browser (it works offline, and prints one page per team).`));
}
