// Decoded text → Document by format: Markdown (and text), HTML, Org, or an e-mail written as text; no I/O.

import type { Document, DocumentFormat } from '../model/types.js';
import { guardMarkdown } from './guard.js';
import { parseMarkdown } from './markdown.js';

/** A Markdown/text file that is really an HTML page (some tools export HTML with a .txt name). */
function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text.slice(0, 1024));
}

/**
 * Text → Document with the parser for `format`. Markdown and text first pass the nesting/emphasis
 * guard; a `.txt` that opens with mail headers (`From:`/`发件人:` …) is read as an e-mail; HTML
 * loads cheerio on first use only (Markdown input never does).
 */
export async function parseText(text: string, source: string, format: DocumentFormat): Promise<Document> {
  if (format === 'html' || looksLikeHtml(text)) {
    const { parseHtml } = await import('./html.js');
    const doc = parseHtml(text, source);
    if (format !== 'html') doc.warnings.unshift({ line: 1, message: 'this file holds an HTML page; read as HTML' });
    return doc;
  }
  if (format === 'org') {
    const { parseOrg } = await import('./org.js');
    return parseOrg(text, source);
  }
  if (format === 'text' || format === 'email') {
    const { looksLikeMail, parseMailText } = await import('./email.js');
    if (format === 'email' || looksLikeMail(text)) return parseMailText(text, source);
  }
  const guarded = guardMarkdown(text);
  const doc = parseMarkdown(guarded.text, source);
  doc.format = format;
  doc.warnings = [...guarded.warnings, ...doc.warnings];
  return doc;
}
