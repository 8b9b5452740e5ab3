// Display widths through the built binary: string-width is loaded only when a text needs it (render/format.ts), in a real process.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { cli, lines, reportText, tempDir } from './support/cli.js';

const { dir, cleanup } = tempDir('width');
const DB = path.join(dir, 'db.json');

test('a team named with an emoji and a combining mark: the weeks table stays aligned (every row as wide as the header)', () => {
  // Names whose width needs grapheme segmentation: an emoji (2 columns, 2 code units), a ZWJ family, a combining accent (0 columns).
  const teams = ['🚀火箭组', '👩‍💻开发组', 'e\u0301quipe'];
  for (const [i, team] of teams.entries()) {
    const folder = path.join(dir, `r${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `第7周 2032.md`), reportText(2032, 7, i));
    const r = cli(DB, ['ingest', folder, '--team', team]);
    assert.is(r.code, 0, r.stderr);
  }
  const r = cli(DB, ['weeks']);
  assert.is(r.code, 0, r.stderr);
  const rows = lines(r.stdout).filter((l) => l.trim() !== '');
  assert.is(rows.length, 2 + teams.length, r.stdout);
  for (const t of teams) assert.ok(rows.some((l) => l.includes(t)), `${t} in\n${r.stdout}`);
  // The last column (kpi) is right-aligned: every line ends at the same display column.
  const w = stringWidth(rows[0]!);
  for (const l of rows) assert.is(stringWidth(l), w, `${JSON.stringify(l)} in\n${r.stdout}`);
});

test.after(cleanup);
test.run();
