// Word documents: mammoth turns the .docx into HTML (headings, lists, tables kept), the HTML reader does the rest.

import { InputError } from '../model/errors.js';
import type { Document } from '../model/types.js';

/**
 * A .docx → Document. The archive's declared sizes are checked first (a .docx is a zip: a bomb
 * would otherwise be inflated by mammoth whole). mammoth writes its HTML on one line; every block
 * element is put on a line of its own, so a figure's "line" is its paragraph's number in the
 * converted document (Word has no lines).
 */
export async function readDocx(bytes: Uint8Array, source: string, maxBytes: number): Promise<Document> {
  const { unzipSync } = await import('fflate');
  let total = 0;
  try {
    unzipSync(bytes, {
      filter(f) {
        total += f.originalSize;
        return false;
      },
    });
  } catch (err) {
    throw new InputError(`not a readable .docx (${(err as Error)?.message ?? err})`, { where: source, hint: 'save it again from Word, or export the report as Markdown or HTML' });
  }
  if (total > maxBytes * 5) {
    throw new InputError(`refused: it unpacks to ${total} bytes, more than 5× the size limit`, { where: source, hint: 'raise --max-size if the document is really that large' });
  }
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { externalFileAccess: false });
    html = result.value;
  } catch (err) {
    throw new InputError(`not a readable .docx (${(err as Error)?.message ?? err})`, { where: source, hint: 'save it again from Word, or export the report as Markdown or HTML' });
  }
  const lined = html.replace(/(<\/(?:p|h[1-6]|li|tr|table|thead|tbody|ul|ol|pre|blockquote)>)/g, '$1\n').replace(/(<(?:ul|ol|table|tbody|thead|tr)>)/g, '$1\n');
  const { parseHtml } = await import('./html.js');
  const doc = parseHtml(lined, source);
  doc.format = 'docx';
  return doc;
}
