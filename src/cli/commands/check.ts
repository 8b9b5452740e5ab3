// `milestones check FILE...`: what the extractor makes of every percentage, without a database.

import { collectFiles, loadFile, parseByteSize, skippedLine } from '../../read/index.js';
import { extract } from '../../extract/index.js';
import { MilestonesError } from '../../model/errors.js';
import { CHECK, type CheckFile } from '../../render/check.js';
import type { GlobalOptions } from '../options.js';
import { outputTarget, warn, warnError, type OutputFlags } from '../output.js';
import { startProgress } from '../progress.js';
import { folderConfig, type LoadedConfig } from '../config.js';
import { lexiconOf, wordsFrom } from '../vocabulary.js';

export async function run(g: GlobalOptions, o: OutputFlags & { maxSize: string }, args: unknown[]): Promise<number> {
  const maxBytes = parseByteSize(o.maxSize);
  const words = wordsFrom(g.config);
  const folders = new Map<string, Promise<LoadedConfig | null>>();
  const out = await outputTarget(o, g);
  const { files, problems, skipped } = await collectFiles(args[0] as string[]);
  let failed = problems.length;
  for (const p of problems) warnError(p);
  if (skipped.size) warn(skippedLine(skipped));
  const checked: CheckFile[] = [];
  const progress = startProgress(files.length);
  for (const f of files) {
    progress.tick();
    try {
      // A milestones.config.json next to the report applies to it, unless --config was given.
      const found = g.configExplicit ? null : await folderConfig(f.absolute, f.root, folders);
      const lexicon = lexiconOf(found && found.file !== g.configFile ? wordsFrom(found.config) : words);
      // One entry per report the file holds (dated entries, archive members), each named by its source.
      for (const { document: doc } of (await loadFile(f.path, { maxBytes })).reports) {
        const ex = extract(doc, { scheme: g.scheme, lexicon, today: new Date().toISOString().slice(0, 10) });
        checked.push({ file: doc.source, week: ex.week, date: ex.date, findings: ex.findings, statements: ex.statements, warnings: [...doc.warnings, ...ex.warnings] });
      }
    } catch (err) {
      if (!(err instanceof MilestonesError)) throw err;
      warnError(err);
      failed++;
    }
  }
  progress.stop();
  await out.write(CHECK, { files: checked });
  return failed ? 1 : 0;
}
