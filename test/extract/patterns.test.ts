// Every row of PATTERNS (the README's table of supported forms) holds for its own example.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { extract, PATTERNS } from '../../src/extract/index.js';

const run = (example: string) => extract(parseMarkdown(`# 第11周 2024-03-15\n\n${example}\n`, 'p.md'), { scheme: 'reporter' });

test('the table covers the forms and has no blank cells', () => {
  assert.ok(PATTERNS.length >= 15);
  for (const p of PATTERNS) assert.ok(p.pattern.trim() && p.example.trim() && p.result.trim());
});

for (const p of PATTERNS) {
  test(`pattern: ${p.pattern}`, () => {
    const ex = run(p.example);
    const progress = ex.observations.filter((o) => o.kind === 'progress');
    const kpi = ex.observations.filter((o) => o.kind === 'kpi');
    const said = (kind: string) => [...p.result.matchAll(new RegExp(`${kind} (\\d+(?:\\.\\d+)?)`, 'g'))].map((m) => Number(m[1]));
    if (/^(ignored|nothing)/.test(p.result)) {
      assert.equal(progress, [], p.example);
      return;
    }
    // Every `progress N` / `and N (…)` figure named in the result must be extracted, nothing else as progress.
    const expected = [...said('progress'), ...[...p.result.matchAll(/ and (\d+(?:\.\d+)?) \(/g)].map((m) => Number(m[1]))];
    assert.equal(progress.map((o) => o.percent).sort((a, b) => a - b), [...expected].sort((a, b) => a - b), p.example);
    assert.equal(kpi.map((o) => o.percent), said('kpi'), p.example);
    // Names mentioned in the result appear in the extracted projects or metrics.
    const names = [
      ...[...p.result.matchAll(/project ([^\s,;()]+)/g)].map((m) => m[1]!),
      ...[...p.result.matchAll(/\d \(([^()/,]+?)(?: \/ ([^()]+))?\)/g)].flatMap((m) => [m[1]!, m[2]].filter(Boolean) as string[]),
    ];
    const labels = ex.observations.map((o) => `${o.project} ${o.metric ?? ''}`).join(' | ');
    for (const n of names) if (/[\p{Script=Han}A-Za-z]/u.test(n)) assert.ok(labels.includes(n), `${n} not in ${labels}`);
    const prev = /prev (\d+)/.exec(p.result);
    if (prev) assert.is(progress[0]!.prev, Number(prev[1]));
    const q = /qualifier (\S+)/.exec(p.result);
    if (q) assert.is(progress[0]!.qualifier, q[1]);
    const done = /done (\d+), total (\d+)/.exec(p.result);
    if (done) assert.equal([progress[0]!.done, progress[0]!.total], [Number(done[1]), Number(done[2])]);
  });
}

test.run();
