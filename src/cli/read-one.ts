// Reading and extracting one report file: the unit of work ingest runs inline or on a worker thread.

import { extract } from '../extract/index.js';
import { InputError, MilestonesError, UsageError } from '../model/errors.js';
import type { Report, Warning, WeekId, WeekScheme } from '../model/types.js';
import { loadFile } from '../read/index.js';
import type { FileStamp } from '../store/types.js';
import { lexiconOf, type Words } from './vocabulary.js';

export interface ReadJob {
  /** The path as found (shown to the user, stored as the report's source). */
  path: string;
  absolute: string;
  team: string;
  forcedWeek: WeekId | undefined;
  maxBytes: number;
  scheme: WeekScheme;
  /** The word lists for this file (the configuration that applies to it); compiled once per worker. */
  words: Words;
  /** Today, `YYYY-MM-DD` (the CLI's clock; extract takes it as a parameter). */
  today?: string;
}

/** A MilestonesError as plain data, so it can cross a worker boundary. */
export interface ErrorData {
  usage: boolean;
  message: string;
  where?: string;
  hint?: string;
}

export interface ReadReport {
  report: Report;
  stamp: FileStamp;
  warnings: Warning[];
}

export type ReadResult =
  | {
      ok: true;
      /** Every report the file holds (one, or one per dated entry or archive member), in file order. */
      reports: ReadReport[];
      /** Entries of the file that could not be stored (no week, a week another entry already has). */
      errors: ErrorData[];
      /** How many reports the file holds when more than one (for the `周报.md: 30 reports` line). */
      count: number;
    }
  | { ok: false; error: ErrorData };

/**
 * The stamp path of one report of a file: the file's own path, or with the member and/or entry
 * key appended (`/abs/export.zip/pages/w19.md`, `/abs/周报.md#2023年3月17日周报`), so each report
 * of a many-report file is a report of its own in the store and an unchanged file is still known.
 */
export function stampPath(absolute: string, key: string): string {
  if (!key) return absolute;
  return key.startsWith('#') ? absolute + key : `${absolute}/${key}`;
}

function asData(err: MilestonesError): ErrorData {
  return { usage: err instanceof UsageError, message: err.message, where: err.where, hint: err.hint };
}

export async function readOne(job: ReadJob): Promise<ReadResult> {
  try {
    const file = await loadFile(job.path, { maxBytes: job.maxBytes });
    if (job.forcedWeek && file.reports.length > 1) {
      throw new UsageError(`--week cannot apply: the file holds ${file.reports.length} reports`, { where: job.path, hint: 'ingest it without --week (each entry has its own week)' });
    }
    const reports: ReadReport[] = [];
    const errors: ErrorData[] = [];
    const byWeek = new Map<WeekId, { line: number; label: string }>();
    const lexicon = lexiconOf(job.words);
    for (const part of file.reports) {
      const doc = part.document;
      const ex = extract(doc, { scheme: job.scheme, lexicon, today: job.today });
      const week = job.forcedWeek ?? ex.week;
      const at = doc.entry ? `${doc.source}:${doc.entry.line}` : doc.source;
      if (!week) {
        errors.push(
          asData(
            doc.entry
              ? new InputError(`no week found for the entry "${doc.entry.label}"`, { where: at, hint: 'write the entry label with its date (2023年3月17日周报) or year' })
              : new InputError(ex.weekProblem ?? 'no week found (no 第N周 label and no date in the title)', { where: doc.source, hint: 'add --week 2023-W16 (or a date inside the week)' }),
          ),
        );
        continue;
      }
      // One report per team and week: two entries of one file in the same week cannot both be kept.
      const first = doc.entry ? byWeek.get(week) : undefined;
      if (first && doc.entry) {
        errors.push(
          asData(
            new InputError(`the entry "${doc.entry.label}" falls in ${week} like the entry "${first.label}" (line ${first.line}); only the first is stored`, {
              where: at,
              hint: 'give each entry its own week, or merge the two',
            }),
          ),
        );
        continue;
      }
      if (doc.entry) byWeek.set(week, { line: doc.entry.line, label: doc.entry.label });
      const warnings = [...doc.warnings, ...ex.warnings];
      reports.push({
        report: { id: part.hash, source: doc.source, team: job.team, week, date: ex.date, title: ex.title, observations: ex.observations, statements: ex.statements, warnings },
        stamp: { path: stampPath(job.absolute, part.key), size: file.size, mtimeMs: file.mtimeMs },
        warnings,
      });
    }
    if (!reports.length && errors.length === 1) return { ok: false, error: errors[0]! };
    return { ok: true, reports, errors, count: file.reports.length };
  } catch (err) {
    if (!(err instanceof MilestonesError)) throw err;
    return { ok: false, error: asData(err) };
  }
}

export function errorFromData(e: ErrorData): MilestonesError {
  const options = { where: e.where, hint: e.hint };
  return e.usage ? new UsageError(e.message, options) : new InputError(e.message, options);
}
