// E-mail reports (.eml, or mail text pasted into .txt): the Subject is the title, the Date header dates it, quoted earlier mails are cut.

import { mailDate } from '../model/label.js';
import type { Block, DateHint, Document } from '../model/types.js';
import { guardMarkdown } from './guard.js';
import { parseMarkdown } from './markdown.js';

const HEADER = /^\s*(from|to|cc|bcc|date|sent|subject|reply-to|发件人|收件人|抄送|密送|发送时间|发件时间|日期|时间|主题|标题)\s*[:：]\s*(.*)$/i;
const DATE_KEYS = new Set(['date', 'sent', '发送时间', '发件时间', '日期', '时间']);
const SUBJECT_KEYS = new Set(['subject', '主题', '标题']);

/** Lines that open a quoted earlier mail: everything from there on is not this week's report. */
const QUOTE_START: RegExp[] = [
  /^\s*-{2,}\s*(?:原始邮件|原邮件|转发邮件|邮件原文|Original Message|Forwarded message)\s*-{2,}\s*$/i,
  /^\s*On\s.{3,200}\swrote:\s*$/i,
  /^\s*在\s?.{3,200}写道\s*[:：]\s*$/,
  /^\s*.{0,80}\d{4}.{0,80}写道\s*[:：]\s*$/,
  /^\s*_{8,}\s*$/,
];

/** Does this text open with mail headers (`From:`/`发件人:` and a date or subject among the first lines)? */
export function looksLikeMail(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 12);
  let headers = 0;
  let dateOrSubject = false;
  for (const l of head) {
    if (!l.trim()) {
      if (headers) break;
      continue;
    }
    const m = HEADER.exec(l);
    if (!m) break;
    headers++;
    const key = m[1]!.toLowerCase();
    if (DATE_KEYS.has(key) || SUBJECT_KEYS.has(key)) dateOrSubject = true;
  }
  return headers >= 2 && dateOrSubject;
}

/**
 * Blanks quoted earlier mails in body lines (from `startLine`, 0-based): `>` lines, and everything
 * from a `-----原始邮件-----` / `On … wrote:` / `在…写道：` line or an embedded `From:` + `Sent:`
 * header block on. Blanking keeps every other line where it was. Returns the first cut line (1-based) or 0.
 */
export function cutQuoted(lines: string[], startLine = 0): number {
  for (let i = startLine; i < lines.length; i++) {
    const l = lines[i]!;
    const embedded = /^\s*(?:from|发件人)\s*[:：]/i.test(l) && lines.slice(i + 1, i + 5).some((n) => /^\s*(?:sent|date|发送时间|时间)\s*[:：]/i.test(n));
    if (QUOTE_START.some((re) => re.test(l)) || embedded) {
      for (let j = i; j < lines.length; j++) lines[j] = '';
      return i + 1;
    }
    if (/^\s*(?:>|＞)/.test(l)) lines[i] = '';
  }
  return 0;
}

/** The body lines (already placed at their file lines) → Document, with the subject as the title and the date as a hint. */
function mailDocument(lines: string[], source: string, subject: { text: string; line: number } | null, date: DateHint | undefined): Document {
  const guarded = guardMarkdown(lines.join('\n'));
  const doc = parseMarkdown(guarded.text, source);
  doc.format = 'email';
  doc.warnings = [...guarded.warnings, ...doc.warnings];
  if (subject?.text) {
    // The subject is the title: a heading above the body, so body headings nest under it.
    const title: Block = { kind: 'heading', text: subject.text, line: subject.line, depth: 1, headings: [], parents: [] };
    for (const b of doc.blocks) {
      if (b.kind === 'heading' && b.depth === 1) b.depth = 2;
      b.headings = [subject.text, ...b.headings];
    }
    doc.blocks.unshift(title);
  }
  if (date) doc.hint = date;
  return doc;
}

/** Mail text with its headers (a `.txt` that opens with `From:`/`发件人:` …). Never throws. */
export function parseMailText(text: string, source: string): Document {
  const lines = String(text ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let subject: { text: string; line: number } | null = null;
  let date: DateHint | undefined;
  let i = 0;
  while (i < lines.length && !lines[i]!.trim()) i++;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]!);
    if (!m) break;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (SUBJECT_KEYS.has(key) && !subject) subject = { text: value.replace(/^(?:(?:re|fw|fwd|回复|转发)\s*[:：]\s*)+/i, ''), line: i + 1 };
    if (DATE_KEYS.has(key) && !date) {
      const d = mailDate(value);
      if (d) date = { from: 'mail', text: value, line: i + 1, date: d };
    }
    lines[i] = '';
  }
  cutQuoted(lines, i);
  return mailDocument(lines, source, subject, date);
}

/** The 1-based line where `needle` (a body line) first stands in `raw` after `from`, or 0. */
function lineOfText(raw: string, needle: string, from: number): number {
  const at = needle ? raw.indexOf(needle, from) : -1;
  if (at < 0) return 0;
  let n = 1;
  for (let k = raw.indexOf('\n'); k >= 0 && k < at; k = raw.indexOf('\n', k + 1)) n++;
  return n;
}

/**
 * An `.eml` file: MIME decoded by postal-mime (charsets, quoted-printable, base64, multipart).
 * The plain-text body is preferred; an HTML-only mail goes through the HTML reader. Lines are
 * the file's when the body is stored as plain text, else counted from the body's start (warned).
 */
export async function readEml(bytes: Uint8Array, source: string): Promise<Document> {
  const { default: PostalMime } = await import('postal-mime');
  const mail = await PostalMime.parse(bytes);
  const raw = new TextDecoder('utf-8').decode(bytes).replace(/\r\n?/g, '\n');
  const headerEnd = raw.search(/\n\n/);
  const headerLine = (key: string): number => {
    const m = new RegExp(`^${key}\\s*:`, 'im').exec(raw.slice(0, headerEnd < 0 ? raw.length : headerEnd));
    return m ? lineOfText(raw, m[0], 0) : 1;
  };
  const dateHeader = mail.headers.find((h) => h.key === 'date')?.value ?? '';
  const d = dateHeader ? mailDate(dateHeader) : null;
  const date: DateHint | undefined = d ? { from: 'mail', text: dateHeader, line: headerLine('date'), date: d } : undefined;
  const subject = mail.subject ? { text: mail.subject.replace(/^(?:(?:re|fw|fwd|回复|转发)\s*[:：]\s*)+/i, ''), line: headerLine('subject') } : null;

  const text = (mail.text ?? '').replace(/\r\n?/g, '\n');
  if (!text.trim() && mail.html) {
    // HTML only: earlier mails sit in <blockquote> or behind the client's reply marker.
    const cut = mail.html.search(/<blockquote|class="?gmail_quote|id="?divRplyFwdMsg|-{2,}\s*(?:原始邮件|Original Message)/i);
    const { parseHtml } = await import('./html.js');
    const doc = parseHtml(cut >= 0 ? mail.html.slice(0, cut) : mail.html, source);
    doc.format = 'email';
    if (subject) doc.blocks.unshift({ kind: 'heading', text: subject.text, line: subject.line, depth: 1, headings: [], parents: [] });
    if (date) doc.hint = date;
    doc.warnings.push({ line: 1, message: 'an HTML-only mail: line numbers count in its HTML part' });
    return doc;
  }
  const body = text.split('\n');
  const firstAt = body.findIndex((l) => l.trim().length >= 2);
  const fileLine = firstAt >= 0 ? lineOfText(raw, body[firstAt]!.trim(), Math.max(0, headerEnd)) : 0;
  const offset = fileLine > 0 ? fileLine - 1 - firstAt : 0;
  const lines = [...new Array<string>(Math.max(0, offset)).fill(''), ...body];
  cutQuoted(lines, Math.max(0, offset));
  const doc = mailDocument(lines, source, subject, date);
  if (fileLine === 0) doc.warnings.push({ line: 1, message: 'the mail body is encoded: line numbers count from the start of the body' });
  return doc;
}
