// The output formats, declared once for every command: names, file extensions, what each is for (no renderer code, so --help stays light).

export const FORMAT_NAMES = ['text', 'json', 'csv', 'md', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** `--out FILE` picks the format by FILE's extension. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, FormatName>> = {
  '.txt': 'text',
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** Other spellings accepted by --format. */
export const FORMAT_SYNONYMS: Readonly<Record<string, FormatName>> = { markdown: 'md', txt: 'text', table: 'text', htm: 'html' };
