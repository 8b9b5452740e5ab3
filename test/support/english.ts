// What "no user-facing English" means in a test: Latin words in Chinese output that did not come from the data.

/** Every Latin word (two letters or more) of a text, once. */
export function latinWords(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z]{2,}/g) ?? []);
}

/**
 * Names Chinese text writes in Latin letters too: file formats, encodings, standards (a PMO
 * reads "另存为 UTF-8" or "导出为 Markdown", not a translation of them).
 */
export const TERMS = ['UTF', 'GBK', 'GB', 'Markdown', 'HTML', 'CSV', 'JSON', 'BOM', 'Excel', 'PNG', 'JPEG', 'PDF', 'ZIP', 'zip'];

/**
 * The Latin words of `output` that are none of `allowed` (words of the reports, file names,
 * rule identifiers …), after removing what is never prose: week ids (`2026-W03`), the program's
 * name, and `removed` (exact identifiers, such as rule names, taken out before the words are read).
 */
export function englishLeft(output: string, allowed: Iterable<string>, removed: Iterable<string> = []): string[] {
  let text = output.replace(/\b\d{4}-W\d{2}\b/g, ' ').replace(/\bmilestones\b/g, ' ').replace(/\b0x[0-9A-Fa-f]+\b/g, ' ');
  for (const r of [...removed].sort((a, b) => b.length - a.length)) text = text.split(r).join(' ');
  const ok = new Set([...TERMS, ...allowed]);
  return [...latinWords(text)].filter((w) => !ok.has(w));
}
