// Every input is processed in time linear in its size: reading, extracting and the `check` table of one long line of figures.
//
// Issue 8: 100,000 percentages on one 2.3 MB line never finished, and `check` grew quadratically.
// The property: for lines of the same shape at two sizes (16× apart), the CPU time per figure and
// the output per figure stay within a small factor — linear work gives ~1, quadratic work 16. Both
// sizes are measured in the same run, interleaved, fastest of a few tries, so a loaded machine
// slows both alike; nothing is compared with a fixed number of seconds.

import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileLexicon, extract } from '../../src/extract/index.js';
import { parseText } from '../../src/read/index.js';
import { CHECK } from '../../src/render/check.js';
import { render } from '../../src/render/formats.js';
import { scale, STRESS } from '../support/limits.js';

/** One clause with a figure `p`, in the forms that were quadratic (and some that never were). */
const SHAPES: Record<string, { piece: (i: number, p: string) => string; sep: string }> = {
  space: { piece: (i, p) => `项目${i} ${p}`, sep: ' ' },
  dun: { piece: (i, p) => `项目${i}进度${p}`, sep: '、' },
  comma: { piece: (i, p) => `项目${i}进度${p}`, sep: '，' },
  paren: { piece: (i, p) => `项目${i}（${p}）`, sep: ' ' },
  colon: { piece: (i, p) => `项目${i}：${p}`, sep: ' ' },
  dash: { piece: (i, p) => `项目${i} — ${p}`, sep: ' ' },
  fraction: { piece: (i, p) => `任务${i}完成${p}（${i}/${i + 5}）`, sep: ' ' },
  change: { piece: (i, p) => `模块${i}由${p}提升至${p}`, sep: ' ' },
  kpi: { piece: (i, p) => `接口${i}成功率${p}`, sep: ' ' },
  bare: { piece: (_i, p) => p, sep: '' },
  bracketAfterProgress: { piece: (i, p) => `迁移完成 ${i} （${p}）`, sep: ' ' },
  url: { piece: (i, p) => `http://x.example.com/a${p}20b 项目${i}进度${p}`, sep: ' ' },
};

const lexicon = compileLexicon();

function line(shape: { piece: (i: number, p: string) => string; sep: string }, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(shape.piece(i, `${i % 100}%`));
  return `# 2024年第10周 周报（2024-03-08）\n\n- ${parts.join(shape.sep)}\n`;
}

/** Reads, extracts and renders `check` for one text; returns the figures found and the size of what `check` prints. */
async function process_(text: string): Promise<{ figures: number; out: number }> {
  const doc = await parseText(text, 'long.md', 'markdown');
  const ex = extract(doc, { scheme: 'reporter', lexicon });
  const shown = render(CHECK, { files: [{ file: 'long.md', week: ex.week, date: ex.date, findings: ex.findings, warnings: [...doc.warnings, ...ex.warnings] }] }, 'text');
  return { figures: ex.findings.length, out: shown.text.length };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Growth {
  /** CPU time per figure at the large size over that at the small size (fastest of `tries` each). */
  timeRatio: number;
  /** Output characters per figure, large over small: a count, exact. */
  outRatio: number;
  small: number;
  large: number;
  ms: [number, number];
}

async function growth(text: (n: number) => string, small: number, factor: number, tries: number): Promise<Growth> {
  const sizes = [small, small * factor];
  const texts = sizes.map(text);
  const best = [Infinity, Infinity];
  const seen: { figures: number; out: number }[] = [];
  await process_(texts[0]!); // warm-up: compile the code paths once
  for (let t = 0; t < tries; t++) {
    for (const s of [0, 1]) {
      const before = cpuMs();
      seen[s] = await process_(texts[s]!);
      best[s] = Math.min(best[s]!, cpuMs() - before);
    }
  }
  const [a, b] = seen as [{ figures: number; out: number }, { figures: number; out: number }];
  assert.ok(a.figures >= small && b.figures >= small * factor, `every figure found (${a.figures}, ${b.figures})`);
  const perFigure = (ms: number, f: number) => Math.max(ms, 0.5) / f; // a floor: a timer tick is no measurement
  return {
    timeRatio: perFigure(best[1]!, b.figures) / perFigure(best[0]!, a.figures),
    outRatio: b.out / b.figures / (a.out / a.figures),
    small: a.figures,
    large: b.figures,
    ms: [Math.round(best[0]!), Math.round(best[1]!)],
  };
}

/** Linear work keeps both ratios near 1; quadratic work makes them about FACTOR. */
const FACTOR = 16;
const MAX_TIME_RATIO = 4;
const MAX_OUT_RATIO = 1.5;

test(`one long line of figures, ${Object.keys(SHAPES).length} shapes: CPU and output per figure grow less than ${MAX_TIME_RATIO}× when the line grows ${FACTOR}×`, async () => {
  const small = scale(150, 2_000);
  const rows: string[] = [];
  for (const [name, shape] of Object.entries(SHAPES)) {
    const g = await growth((n) => line(shape, n), small, FACTOR, scale(2, 3));
    rows.push(`${name} ${g.small}→${g.large} figures ${g.ms[0]}→${g.ms[1]} ms (×${g.timeRatio.toFixed(2)} per figure, output ×${g.outRatio.toFixed(2)})`);
    assert.ok(g.outRatio <= MAX_OUT_RATIO, `${name}: output per figure grew ×${g.outRatio.toFixed(2)} (names swallowing the line before them?)`);
    assert.ok(g.timeRatio <= MAX_TIME_RATIO, `${name}: CPU per figure grew ×${g.timeRatio.toFixed(2)}: ${rows[rows.length - 1]}`);
  }
  console.log(`\n[extract linear] ${rows.join('; ')}`);
});

test('random mixtures of shapes and separators (property): per-figure CPU and output stay flat as the line grows', async () => {
  const names = Object.keys(SHAPES);
  const seps = [' ', '、', '，', '；', '', '  ', ' | '];
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), fc.constantFrom(...seps)), { minLength: 1, maxLength: 6 }), async (mix) => {
      runs++;
      const text = (n: number) => {
        const parts: string[] = [];
        for (let i = 0; i < n; i++) {
          const [shape, sep] = mix[i % mix.length]!;
          parts.push(SHAPES[shape!]!.piece(i, `${i % 100}%`) + sep);
        }
        return `# 2024年第10周 周报\n\n- ${parts.join('')}\n`;
      };
      const g = await growth(text, scale(100, 1_000), FACTOR, 2);
      assert.ok(g.outRatio <= MAX_OUT_RATIO, `${JSON.stringify(mix)}: output per figure ×${g.outRatio.toFixed(2)}`);
      assert.ok(g.timeRatio <= MAX_TIME_RATIO, `${JSON.stringify(mix)}: CPU per figure ×${g.timeRatio.toFixed(2)} (${g.ms.join('→')} ms)`);
    }),
    { numRuns: scale(3, 25), seed: STRESS ? Date.now() % 2 ** 31 : 20240308 },
  );
  console.log(`\n[extract linear] ${runs} random mixtures of ${names.length} shapes and ${seps.length} separators, each at two sizes ${FACTOR}× apart: flat`);
});

test('100,000 percentages on one 2.3 MB line: read, extracted and shown (issue 8 never finished it)', async () => {
  if (!STRESS) {
    // The same line at 1/16 of the size; the full one runs under npm run test:stress.
    const r = await process_(line(SHAPES.dun!, 6_250));
    assert.is(r.figures, 6_250);
    return;
  }
  const text = line(SHAPES.dun!, 100_000);
  assert.ok(Buffer.byteLength(text) > 2_200_000, `${Buffer.byteLength(text)} bytes`);
  const before = cpuMs();
  const r = await process_(text);
  assert.is(r.figures, 100_000);
  console.log(`\n[extract linear] 100,000 figures on one ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB line: ${Math.round(cpuMs() - before)} ms CPU`);
});

test.run();
