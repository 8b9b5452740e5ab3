// Shared by the column rules: a header as the rules read it, and table examples.

/** NFKC, markup-free header text. */
export function headerOf(row: { header: readonly string[] }, column: number): string {
  return (row.header[column] ?? '').normalize('NFKC').trim();
}

/** A Markdown table for an example: header cells, then rows. */
export function table(header: string[], ...rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A plain count: `48,210`, `9`, `1 204` (no sign, no decimals, no percent). */
export function countOf(cell: string): number | undefined {
  const t = cell.normalize('NFKC').replace(/\*+/g, '').trim();
  if (!/^\d{1,3}(?:[,\s]\d{3})*$|^\d+$/.test(t)) return undefined;
  return Number(t.replace(/[,\s]/g, ''));
}
