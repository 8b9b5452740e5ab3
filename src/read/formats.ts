// The reader registry's table: which file extensions are reports and which format each one is read as.

import type { Document } from '../model/types.js';

export type Format = Document['format'];

/** Extension (lower case, with the dot) → format. `.txt` is read as Markdown (Notion exports are). */
const BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.html': 'html',
  '.htm': 'html',
};

/** Every extension a report may have, in the order they are listed to users. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(BY_EXTENSION));

/** `.md, .markdown, .txt, .html, .htm` — for messages. */
export function listExtensions(): string {
  return SUPPORTED_EXTENSIONS.join(', ');
}

/** The extension of a path, lower case with its dot (`''` when there is none). Dotfiles have none. */
export function extensionOf(path: string): string {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a path is read as, or null when its extension is not a report's. */
export function formatOf(path: string): Format | null {
  return BY_EXTENSION[extensionOf(path)] ?? null;
}
