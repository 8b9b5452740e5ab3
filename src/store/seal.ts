// The seal every file of the database ends with (a sha256 of the text before it), and JSON errors said with line and column.

import { hash } from 'node:crypto';

/** The last field of a manifest, segment or evidence file as written: the sha256 of all text before it. */
const SEAL = /,\n "seal": "([0-9a-f]{64})"\n\}\n$/;

export function sealOf(body: string): string {
  return hash('sha256', body, 'hex');
}

/** `body` (a JSON object's text without its closing "\n}") with the seal field and the closing brace. */
export function withSeal(body: string): { text: string; seal: string } {
  const seal = sealOf(body);
  return { text: `${body},\n "seal": "${seal}"\n}\n`, seal };
}

/** Pretty JSON (one space), sealed. */
export function sealedJson(value: object): { text: string; seal: string } {
  return withSeal(JSON.stringify(value, null, 1).slice(0, -2)); // without the closing "\n}"
}

/** The seal of a text whose seal matches the text before it, else null. */
export function validSeal(text: string): string | null {
  const m = SEAL.exec(text);
  return m !== null && sealOf(text.slice(0, m.index)) === m[1] ? m[1]! : null;
}

/** True when the text ends with a seal that matches the text before it. */
export function isSealed(text: string): boolean {
  return validSeal(text) !== null;
}

/** `JSON error at line 3, column 7: Expected ',' …` from V8's "at position N"; truncation said plainly. */
export function describeJsonError(text: string, err: Error): string {
  if (text.trim() === '') return 'the file is empty';
  const lineCol = (at: number) => {
    const before = text.slice(0, at);
    return `line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
  };
  const msg = err.message;
  const end = text.trimEnd().length;
  const pos = /at position (\d+)/.exec(msg);
  if (/Unexpected end of JSON input/i.test(msg) || (pos && Number(pos[1]) >= end)) {
    return `JSON ends early at ${lineCol(end)}: the file is truncated`;
  }
  const plain = msg.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return pos ? `JSON error at ${lineCol(Number(pos[1]))}: ${plain}` : `JSON error: ${plain}`;
}
