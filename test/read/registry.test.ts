// The reader registry: every registered extension reads the same sample report into the same figures.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { extract } from '../../src/extract/index.js';
import { READERS, readBytesAs, SUPPORTED_EXTENSIONS } from '../../src/read/index.js';
import { makeDocx, SAME_DOCX } from '../support/docx.js';
import { root } from '../cli/support/cli.js';

const dir = join(root, 'test', 'fixtures', 'read', 'formats');

/** The sample in each format: a fixture file, or built from fixtures for the binary formats. */
function sample(ext: string): Uint8Array {
  if (ext === '.docx') return makeDocx(SAME_DOCX);
  if (ext === '.zip') return zipSync({ 'export/same.md': readFileSync(join(dir, 'same.md')), 'export/cover.png': strToU8('not read') });
  return readFileSync(join(dir, `same${ext}`));
}

const EXPECTED = [
  ['库存中心重构', null, 60, undefined],
  ['库存中心重构', '前端', 40, undefined],
  ['运单查询提速', null, 35, undefined],
  ['对账服务迁移', null, 55, 50],
  ['仓内调度', null, 30, 20],
];

test('every registered reader round-trips the shared sample: same week, date and figures', async () => {
  assert.ok(SUPPORTED_EXTENSIONS.length >= 9);
  for (const ext of SUPPORTED_EXTENSIONS) {
    const parts = await readBytesAs(sample(ext), `same${ext}`);
    assert.is(parts.length, 1, ext);
    const doc = parts[0]!.document;
    const format = READERS[ext]!.format;
    if (format !== 'zip') assert.is(doc.format, format, ext);
    const ex = extract(doc, { scheme: 'reporter' });
    assert.is(ex.week, '2027-W20', ext);
    assert.is(ex.date, '2027-05-14', ext);
    assert.equal(ex.observations.map((o) => [o.project, o.metric, o.percent, o.prev]), EXPECTED, ext);
  }
});

test('a zip names its members below the archive and counts the files it skips', async () => {
  const parts = await readBytesAs(sample('.zip'), 'out/export.zip');
  assert.is(parts[0]!.document.source, 'out/export.zip/export/same.md');
  assert.is(parts[0]!.key, 'export/same.md');
  assert.ok(parts[0]!.document.warnings.some((w) => w.message === 'skipped 1 file of other types: .png'));
});

test.run();
