// Measure segments: immutable, content-addressed files of one week's figures; how they are written, read (once per process) and merged.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors.js';
import type { Measure, Statement } from '../model/types.js';
import { shellWord } from './errors.js';
import { rebuildCommand } from './evidence.js';
import { isCode } from './files.js';
import { describeJsonError, validSeal, withSeal } from './seal.js';
import {
  SEGMENT_VERSION,
  encodeMeasure,
  ItemTable,
  recordKey,
  segmentHash,
  segmentName,
  segmentProblem,
  type ItemTuple,
  type ReportRecord,
  type SegmentFile,
  type SegmentRecord,
} from './schema.js';

/** A segment as written: its name (from its seal) and its text. */
export interface WrittenSegment {
  name: string;
  text: string;
  file: SegmentFile;
}

/** A loaded segment with its records found by (id, team). */
export interface LoadedSegment {
  file: SegmentFile;
  byKey: Map<string, SegmentRecord>;
}

/** One line per item and record, sealed; the name is the week and the seal's first 16 hex. */
export function serializeSegment(file: SegmentFile): WrittenSegment {
  const list = (xs: readonly unknown[]) => (xs.length === 0 ? '[]' : `[\n${xs.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]`);
  const body = `{\n "version": ${file.version},\n "week": ${JSON.stringify(file.week)},\n "items": ${list(file.items)},\n "reports": ${list(file.reports)}`;
  const { text, seal } = withSeal(body);
  return { name: segmentName(file.week, seal), text, file };
}

/** What goes into a new segment: a fresh report's figures, or a record of an older segment (with that segment's item table). */
export type SegmentInput =
  | { id: string; team: string; measures: readonly Measure[]; statements?: readonly Statement[] }
  | { id: string; team: string; record: SegmentRecord; items: readonly ItemTuple[] };

/** A segment of `week` holding these reports' figures, with its own item table. */
export function buildSegment(week: string, inputs: readonly SegmentInput[]): WrittenSegment {
  const table = new ItemTable();
  const reports: SegmentRecord[] = inputs.map((r) => {
    if ('record' in r) {
      const rec: SegmentRecord = { id: r.id, team: r.team, m: r.record.m.map((t) => table.adopt(t, r.items)) };
      if (r.record.s?.length) rec.s = r.record.s;
      return rec;
    }
    const rec: SegmentRecord = { id: r.id, team: r.team, m: r.measures.map((x) => encodeMeasure(x, table)) };
    if (r.statements?.length) rec.s = r.statements.map((x) => ({ ...x, subjects: [...x.subjects] }));
    return rec;
  });
  return serializeSegment({ version: SEGMENT_VERSION, week, items: table.items, reports });
}

export function indexSegment(file: SegmentFile): LoadedSegment {
  const byKey = new Map<string, SegmentRecord>();
  for (const r of file.reports) byKey.set(recordKey(r), r);
  return { file, byKey };
}

/**
 * Reads and checks a segment file. Its seal must match its text and its name (content addressing):
 * anything else is a damaged or foreign file, named in the error with the way to rebuild it.
 */
export function readSegment(dir: string, name: string, shown: string, holders: () => readonly ReportRecord[]): LoadedSegment {
  const file = path.join(dir, name);
  const rebuild = () => {
    const rs = holders();
    const first = rs[0];
    const more = rs.length > 1 ? ` (and the other ${rs.length - 1} report(s) of ${rs[0]!.week} it holds)` : '';
    return first ? `${rebuildCommand(first, shown)}${more}` : `milestones --db ${shellWord(shown)} ingest <the reports of that week>`;
  };
  let text: string;
  try {
    // Synchronous on purpose: measures() is a synchronous part of the StoreReader contract.
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (isCode(err, 'ENOENT')) {
      throw new InputError(`the measure segment ${name} is missing from ${shown}.d`, { where: file, hint: `rebuild it by ingesting its reports again: ${rebuild()}` });
    }
    if (isCode(err, 'ENOTDIR')) {
      throw new InputError(`${shown}.d is not a folder, so the measure segment ${name} cannot be read`, {
        where: shown,
        hint: `${shown}.d is where the database keeps its segment and evidence files; move that file away, then rebuild: ${rebuild()}`,
      });
    }
    throw new InputError(`cannot read the measure segment ${name}: ${(err as Error).message}`, { where: file, hint: 'check its permissions' });
  }
  // Only when it is needed: the command looks up the segment's reports and the files on disk.
  const hint = () => `remove it and rebuild it: rm ${shellWord(file)} && ${rebuild()}`;
  const seal = validSeal(text);
  if (seal === null || !seal.startsWith(segmentHash(name) ?? '-')) {
    const why = seal === null ? 'its seal does not match its content: it was edited or damaged' : 'its content is not the one its name promises: a file of another database';
    throw new InputError(`not a valid measure segment (${why})`, { where: file, hint: hint() });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`not a valid measure segment (${describeJsonError(text, err as Error)})`, { where: file, hint: hint() });
  }
  const problem = segmentProblem(raw);
  if (problem) throw new InputError(`not a valid measure segment (${problem})`, { where: file, hint: hint() });
  const { seal: _seal, ...content } = raw as SegmentFile & { seal: string };
  return indexSegment(content as SegmentFile);
}

/** The record of a stored report in its loaded segment; a segment that does not hold it is named. */
export function recordOf(seg: LoadedSegment, r: ReportRecord, dir: string, shown: string): SegmentRecord {
  const rec = seg.byKey.get(recordKey(r));
  if (!rec || seg.file.week !== r.week) {
    const file = path.join(dir, r.seg);
    throw new InputError(`the measure segment ${r.seg} does not hold report ${r.source} (${r.week}): it is not this database's`, {
      where: file,
      hint: `remove it and rebuild it: rm ${shellWord(file)} && ${rebuildCommand(r, shown)}`,
    });
  }
  return rec;
}
