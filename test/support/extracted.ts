// Reading our own report text through the real readers and the extractor, and the figures it gave in a form a test
// can compare: shared by the end-to-end extraction tests (forms, unseen styles).

import { compileLexicon, extract } from '../../src/extract/index.js';
import type { Vocabulary } from '../../src/extract/index.js';
import { readBytesAs } from '../../src/read/index.js';
import type { Extraction } from '../../src/model/types.js';

/** One extraction per report the file holds; the user's words compiled in as the CLI does (marked as configured). */
export async function readAndExtract(name: string, text: string, vocabulary: Partial<Vocabulary> = {}): Promise<Extraction[]> {
  const parts = await readBytesAs(new TextEncoder().encode(text), name);
  const lexicon = compileLexicon(vocabulary, vocabulary.progressWords ?? []);
  return parts.map((p) => extract(p.document, { scheme: 'reporter', lexicon, today: '2026-11-29' }));
}

const label = (o: Extraction['observations'][number]) => `${o.project}${o.metric ? '/' + o.metric : ''}=${o.percent}`;

/** Progress figures as `project/metric=percent` (`<prev` when kept), in document order. */
export const progress = (ex: Extraction) =>
  ex.observations.filter((o) => o.kind === 'progress').map((o) => `${label(o)}${o.prev !== undefined ? `<${o.prev}` : ''}`);

/** Operating figures as `project/metric=percent`, in document order. */
export const kpis = (ex: Extraction) => ex.observations.filter((o) => o.kind === 'kpi').map(label);
