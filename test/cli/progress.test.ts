// The progress bar: drawn on a terminal only (not piped, not in CI, not with --quiet); result lines go above it, none is lost.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Writable } from 'node:stream';
import { startProgress, wantsProgress } from '../../src/cli/progress.js';
import { setQuiet } from '../../src/cli/output.js';

/** A stream that says it is a terminal and keeps what is written. */
function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  Object.assign(w, { isTTY: true, columns: 100, rows: 30 });
  return { stream: w as unknown as NodeJS.WriteStream, text: () => out };
}

test('a bar only for a person at a terminal', () => {
  assert.ok(wantsProgress({ isTTY: true }, {}, false));
  assert.not.ok(wantsProgress({ isTTY: false }, {}, false), 'piped');
  assert.not.ok(wantsProgress({}, {}, false), 'a file');
  assert.not.ok(wantsProgress({ isTTY: true }, { CI: 'true' }, false), 'CI');
  assert.not.ok(wantsProgress({ isTTY: true }, { CI: '1' }, false), 'CI');
  assert.ok(wantsProgress({ isTTY: true }, { CI: 'false' }, false), 'CI=false is not CI');
  assert.not.ok(wantsProgress({ isTTY: true }, {}, true), '--quiet');
});

test('on a terminal: files done / total, reports/s and ETA; result lines printed above the bar; the bar cleared at the end', async () => {
  const t = fakeTerminal();
  const p = startProgress(40, { stream: t.stream, env: {}, delayMs: 0, linesShareTerminal: true });
  await new Promise((r) => setTimeout(r, 20));
  const fallback: string[] = [];
  for (let i = 0; i < 40; i++) {
    p.tick();
    p.line(`added     2031-W${String(i + 1).padStart(2, '0')}  w${i}.md`, (s) => fallback.push(s));
  }
  p.stop();
  const out = t.text();
  assert.equal(fallback, [], 'every line went through the bar');
  assert.match(out, /\d+\/40 files · \d+ reports\/s · ETA /);
  for (let i = 0; i < 40; i++) assert.match(out, `w${i}.md\n`);
  // Lines keep their order.
  const at = (i: number) => out.indexOf(`  w${i}.md\n`);
  assert.ok(Array.from({ length: 39 }, (_, i) => at(i) < at(i + 1)).every(Boolean));
});

test('piped, in CI, with --quiet, or over before the delay: nothing drawn, lines go to their usual place', async () => {
  for (const [stream, env, quiet, delayMs] of [
    [{ ...fakeTerminal(), tty: false }, {}, false, 0],
    [{ ...fakeTerminal(), tty: true }, { CI: 'true' }, false, 0],
    [{ ...fakeTerminal(), tty: true }, {}, true, 0],
    [{ ...fakeTerminal(), tty: true }, {}, false, 60_000],
  ] as const) {
    if (!stream.tty) Object.assign(stream.stream, { isTTY: false });
    setQuiet(quiet);
    const p = startProgress(10, { stream: stream.stream, env, delayMs, linesShareTerminal: true });
    await new Promise((r) => setTimeout(r, 20));
    const lines: string[] = [];
    for (let i = 0; i < 10; i++) {
      p.tick();
      p.line(`line ${i}`, (s) => lines.push(s));
    }
    p.stop();
    setQuiet(false);
    assert.is(stream.text(), '');
    assert.is(lines.length, 10);
  }
});

test.run();
