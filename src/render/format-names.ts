// The output formats, declared once for every command: names, file extensions, what each is for (no renderer code, so --help stays light).

/** The formats every read command writes (text renderers of render/formats.ts). */
export const FORMAT_NAMES = ['text', 'json', 'csv', 'md', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Every format a command may write: the text formats, and an Excel workbook for report types that have sheets. */
export type OutputFormat = FormatName | 'xlsx';

/** `export` also writes a workbook. */
export const WORKBOOK_FORMATS: readonly OutputFormat[] = [...FORMAT_NAMES, 'xlsx'];

/** `--out FILE` picks the format by FILE's extension. */
export const FORMAT_EXTENSIONS: Readonly<Record<string, OutputFormat>> = {
  '.txt': 'text',
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
};

/** Other spellings accepted by --format. */
export const FORMAT_SYNONYMS: Readonly<Record<string, OutputFormat>> = { markdown: 'md', txt: 'text', table: 'text', htm: 'html', excel: 'xlsx' };
