// `milestones check FILE...`: what the extractor makes of every percentage, without a database.

import { collectFiles, parseByteSize, readDocument } from '../../read/index.js';
import { extract } from '../../extract/index.js';
import { MilestonesError } from '../../model/errors.js';
import { CHECK_RENDERERS, type CheckFile } from '../../render/check.js';
import { pickRenderer } from '../../render/format.js';
import type { GlobalOptions } from '../options.js';
import { emit, note, pickFormat } from '../output.js';
import { vocabularyFrom } from '../vocabulary.js';

export async function run(g: GlobalOptions, o: { json?: boolean; maxSize: string }, args: unknown[]): Promise<number> {
  const maxBytes = parseByteSize(o.maxSize);
  const vocabulary = vocabularyFrom(g.config);
  const format = pickFormat(o, Object.keys(CHECK_RENDERERS), 'text');
  const { files, problems } = await collectFiles(args[0] as string[]);
  let failed = problems.length;
  for (const p of problems) note(`error: ${p.format()}`);
  const out: CheckFile[] = [];
  for (const f of files) {
    try {
      const doc = await readDocument(f.path, { maxBytes });
      const ex = extract(doc, { scheme: g.scheme, vocabulary });
      out.push({ file: f.path, week: ex.week, date: ex.date, findings: ex.findings, warnings: [...doc.warnings, ...ex.warnings] });
    } catch (err) {
      if (!(err instanceof MilestonesError)) throw err;
      note(`error: ${err.format()}`);
      failed++;
    }
  }
  await emit(pickRenderer(CHECK_RENDERERS, format, 'check')({ files: out }, { color: g.color }), undefined, g);
  return failed ? 1 : 0;
}
