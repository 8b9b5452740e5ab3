// Precision and recall on the worked-on half of the blind-written evaluation set (test/fixtures/eval/worked: reports
// in styles nobody here wrote, labelled before the tool ran on them; layout in docs/evaluation.md), through the built
// CLI exactly as `npm run score -- extract` measures them. Printed so the figures can be quoted; the floors are the
// figures this checkout reached, so a change that loses figures fails here.

import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { precision, recall, scoreExtractSet } from '../../scripts/score.js';
import { root } from '../cli/support/cli.js';

const set = path.join(root, 'test', 'fixtures', 'eval', 'worked');

/** What this checkout reaches (raise them when the extractor gets better; never lower them to make a change pass). */
const FLOOR = { progressPrecision: 0.97, progressRecall: 0.955, kpiPrecision: 0.962, kpiRecall: 0.853, entriesSeen: 38 };

test('the worked-on evaluation set: progress precision and recall stay at or above their floors', () => {
  const s = scoreExtractSet(set);
  const f3 = (x: number) => x.toFixed(3);
  console.log(
    `eval/worked: ${s.files} files, ${s.entries} reports (${s.entriesSeen} with figures in the labelled week); ` +
      `progress TP ${s.progress.tp} FP ${s.progress.fp} FN ${s.progress.fn} precision ${f3(precision(s.progress))} recall ${f3(recall(s.progress))}; ` +
      `kpi precision ${f3(precision(s.kpi))} recall ${f3(recall(s.kpi))}; ${s.lineOff} on another line`,
  );
  const detail = s.problems.join('\n');
  assert.ok(s.files >= 20 && s.progress.tp + s.progress.fn >= 200, 'the set is whole');
  assert.ok(precision(s.progress) >= FLOOR.progressPrecision, `progress precision ${precision(s.progress)}\n${detail}`);
  assert.ok(recall(s.progress) >= FLOOR.progressRecall, `progress recall ${recall(s.progress)}\n${detail}`);
  assert.ok(precision(s.kpi) >= FLOOR.kpiPrecision, `kpi precision ${precision(s.kpi)}\n${detail}`);
  assert.ok(recall(s.kpi) >= FLOOR.kpiRecall, `kpi recall ${recall(s.kpi)}\n${detail}`);
  assert.ok(s.entriesSeen >= FLOOR.entriesSeen, `${s.entriesSeen} of ${s.entries} reports with figures in their labelled week`);
});

test.run();
