// The `alias list` report: every alias, where it is recorded (the database or the configuration file).

import { table, type Column, type Doc, type ReportType } from './doc.js';
import type { Words } from './words.js';

export interface AliasRow {
  name: string;
  canonical: string;
  /** `report`: a rename a report stated, recorded when it was ingested (see `evidence`). */
  from: 'database' | 'config' | 'report';
  evidence?: { source: string; week: string; line: number; text: string };
}

export interface AliasesData {
  aliases: AliasRow[];
}

const said = (r: AliasRow) => (r.evidence ? `${r.evidence.source}:${r.evidence.line} (${r.evidence.week}): ${r.evidence.text}` : '');
const origin = (r: AliasRow, w: Words) => (r.from === 'database' ? w.originDatabase : r.from === 'report' ? w.originReport : w.originConfig);

const COLUMNS: readonly Column<AliasRow>[] = [
  { key: 'name', label: 'name', value: (r) => r.name },
  { key: 'canonical', label: 'canonical', value: (r) => r.canonical },
  { key: 'from', label: 'origin', value: (r) => r.from, show: (r, w) => origin(r, w), worded: (r, w) => origin(r, w) },
  { key: 'evidence', label: 'evidence', value: said, shownIf: (rows) => rows.some((r) => r.evidence) },
];

function aliasesDoc(d: AliasesData, w: Words): Doc {
  return {
    title: w.aliases,
    titleInText: false,
    blocks: [table(COLUMNS, d.aliases, { empty: w.noAliases })],
    data: { columns: COLUMNS, rows: d.aliases },
  };
}

export const ALIASES: ReportType<AliasesData> = { name: 'alias list', doc: aliasesDoc, json: (d) => ({ aliases: d.aliases }) };
