// Reading and extracting one report file: the unit of work ingest runs inline or on a worker thread.

import { extract, type Vocabulary } from '../extract/index.js';
import { InputError, MilestonesError, UsageError } from '../model/errors.js';
import type { Report, Warning, WeekId, WeekScheme } from '../model/types.js';
import { loadDocument } from '../read/index.js';
import type { FileStamp } from '../store/types.js';

export interface ReadJob {
  /** The path as found (shown to the user, stored as the report's source). */
  path: string;
  absolute: string;
  team: string;
  forcedWeek: WeekId | undefined;
  maxBytes: number;
  scheme: WeekScheme;
  vocabulary: Vocabulary;
}

/** A MilestonesError as plain data, so it can cross a worker boundary. */
export interface ErrorData {
  usage: boolean;
  message: string;
  where?: string;
  hint?: string;
}

export type ReadResult =
  | { ok: true; report: Report; stamp: FileStamp; warnings: Warning[] }
  | { ok: false; error: ErrorData };

export async function readOne(job: ReadJob): Promise<ReadResult> {
  try {
    const { document: doc, hash, size, mtimeMs } = await loadDocument(job.path, { maxBytes: job.maxBytes });
    const ex = extract(doc, { scheme: job.scheme, vocabulary: job.vocabulary });
    const week = job.forcedWeek ?? ex.week;
    if (!week) {
      throw new InputError('no week found (no 第N周 label and no date in the title)', {
        where: job.path,
        hint: 'add --week 2023-W16 (or a date inside the week)',
      });
    }
    const warnings = [...doc.warnings, ...ex.warnings];
    return {
      ok: true,
      report: { id: hash, source: job.path, team: job.team, week, date: ex.date, title: ex.title, observations: ex.observations, warnings },
      stamp: { path: job.absolute, size, mtimeMs },
      warnings,
    };
  } catch (err) {
    if (!(err instanceof MilestonesError)) throw err;
    return { ok: false, error: { usage: err instanceof UsageError, message: err.message, where: err.where, hint: err.hint } };
  }
}

export function errorFromData(e: ErrorData): MilestonesError {
  const options = { where: e.where, hint: e.hint };
  return e.usage ? new UsageError(e.message, options) : new InputError(e.message, options);
}
