// Long lines of figures at two sizes: the shapes that were quadratic (issue 8), and the growth of CPU and output per
// figure when a line grows. Shared by test/extract/linear.test.ts (which asserts on what it can count: every figure found,
// output per figure) and bench/linear.ts (which measures and judges the CPU per figure: a timing belongs in a benchmark).

import * as assert from 'uvu/assert';
import { compileLexicon, extract } from '../../src/extract/index.js';
import { parseText } from '../../src/read/index.js';
import { CHECK } from '../../src/render/check.js';
import { render } from '../../src/render/formats.js';

/** One clause with a figure `p`, in the forms that were quadratic (and some that never were). */
export const SHAPES: Record<string, { piece: (i: number, p: string) => string; sep: string }> = {
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

export function line(shape: { piece: (i: number, p: string) => string; sep: string }, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(shape.piece(i, `${i % 100}%`));
  return `# 2024年第10周 周报（2024-03-08）\n\n- ${parts.join(shape.sep)}\n`;
}

/** Reads, extracts and renders `check` for one text; returns the figures found and the size of what `check` prints. */
export async function process_(text: string): Promise<{ figures: number; out: number }> {
  const doc = await parseText(text, 'long.md', 'markdown');
  const ex = extract(doc, { scheme: 'reporter', lexicon });
  const shown = render(CHECK, { files: [{ file: 'long.md', week: ex.week, date: ex.date, findings: ex.findings, warnings: [...doc.warnings, ...ex.warnings] }] }, 'text');
  return { figures: ex.findings.length, out: shown.text.length };
}

export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export interface Growth {
  /** CPU time per figure at the large size over that at the small size (fastest of `tries` each). */
  timeRatio: number;
  /** Output characters per figure, large over small: a count, exact. */
  outRatio: number;
  small: number;
  large: number;
  ms: [number, number];
}

export async function growth(text: (n: number) => string, small: number, factor: number, tries: number): Promise<Growth> {
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
export const FACTOR = 16;
export const MAX_TIME_RATIO = 4;
export const MAX_OUT_RATIO = 1.5;
