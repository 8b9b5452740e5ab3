// Child process of bench/extract.ts: times the built extractor of one checkout over one corpus, in process.
// usage: node bench/extract-probe.mjs ROOT CORPUS PASSES  → prints one JSON line
// Reading and parsing happen before the clock starts; only `extract()` is timed (CPU time). The vocabulary is
// prepared the way ingest prepares it (compiled once per process when the checkout can), so the
// figure is what a worker thread spends per report.

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, corpus, passesArg] = process.argv.slice(2);
const passes = Number(passesArg ?? 5);
const load = (rel) => import(pathToFileURL(path.join(root, 'dist', rel)).href);
const read = await load('read/index.js');
const ex = await load('extract/index.js');
const cliVocab = await load('cli/vocabulary.js');
const words = typeof cliVocab.wordsFrom === 'function' ? cliVocab.wordsFrom({}) : null;

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d)) {
    const p = path.join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.md$/.test(e)) files.push(p);
  }
};
walk(corpus);
files.sort();
const docs = [];
for (const f of files) {
  const d = await read.readDocument(f);
  // A reader may split a file into several documents (dated entries).
  docs.push(...(Array.isArray(d) ? d : [d]));
}

const vocabulary = words ? words.vocabulary : cliVocab.vocabularyFrom({});
// Newer checkouts take a lexicon compiled once per process; older ones compile (and memoise) by themselves.
const options = typeof ex.compileLexicon === 'function'
  ? { scheme: 'reporter', lexicon: ex.compileLexicon(vocabulary) }
  : { scheme: 'reporter', vocabulary };

// CPU time of this process, not wall time: on a shared machine waiting for a core is not our cost.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = cpuMs();
let findings = 0;
for (const d of docs) findings += ex.extract(d, options).findings.length;
const cold = cpuMs() - t0;
const warm = [];
for (let p = 0; p < passes; p++) {
  const t = cpuMs();
  for (const d of docs) ex.extract(d, options);
  warm.push(cpuMs() - t);
}
warm.sort((a, b) => a - b);
// The fastest pass: on a shared machine every other process only ever adds time.
process.stdout.write(`${JSON.stringify({ docs: docs.length, findings, coldMsPerReport: cold / docs.length, warmMsPerReport: warm[0] / docs.length })}\n`);
