// Run by `npm run build` after tsc: writes dist/cli/help.json, the top-level `--help` in each language exactly as the
// program prints it into a pipe or a file (80 columns), so that bin/milestones.js can print it without loading the
// program (commander, child_process and a dozen modules: --help cost 1.5× bare node). test/cli/version.test.ts checks
// that the binary says what the program says.

import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '../dist/cli/main.js';

/** What main() writes to a stream that is not a terminal. */
function capture() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const texts = {};
for (const lang of ['en', 'zh']) {
  const out = capture();
  const err = capture();
  // --lang, not the environment: a milestones.config.json where the build runs must not decide it.
  const code = await main(['node', 'milestones', '--lang', lang, '--help'], { stdout: out.stream, stderr: err.stream, env: {} });
  if (code !== 0 || err.text() !== '' || !out.text().startsWith('Usage') && !out.text().startsWith('用法')) {
    process.stderr.write(`help-text: --help (${lang}) exited ${code}: ${err.text()}\n`);
    process.exit(1);
  }
  texts[lang] = out.text();
}
writeFileSync(new URL('../dist/cli/help.json', import.meta.url), `${JSON.stringify(texts)}\n`);
