// The English messages of src/ (errors, hints, notes, warnings, check's reasons, --help), found in the code as gettext finds its msgids.
//
// `node --import tsx scripts/messages.ts` lists every message without a Chinese entry in
// src/render/messages-zh.ts (as lines to paste there); test/render/messages.test.ts fails on any.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Node, Project, SyntaxKind, type SourceFile } from 'ts-morph';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface MessageSite {
  /** The message id: the English text with `{0}`, `{1}` … where the code interpolates. */
  id: string;
  /** `src/cli/output.ts:42` */
  at: string;
}

/**
 * Files whose English is not shown to a user by the command line: the word tables and the
 * catalogue themselves, the extractor's input vocabulary (words to find in reports), the
 * benchmark-only and documentation-only texts.
 */
const NOT_MESSAGES = [
  /^src\/render\/words(-\w+)?\.ts$/,
  /^src\/render\/messages(-\w+)?\.ts$/,
  /^src\/render\/lang\.ts$/,
  /^src\/extract\/vocabulary\.ts$/,
  // Split phrases to find in reports, shared by the extractor and the analysis.
  /^src\/model\/split\.ts$/,
  /^src\/extract\/lexicon\.ts$/,
  /^src\/extract\/rules\/expect\.ts$/,
];

/**
 * Files that mostly document (an extractor rule's description and examples make the README's
 * rules table; a reader's `what` says what it reads): there only a decision's `reason` and
 * `warning` speak to the user.
 */
const DOCUMENTING = [/^src\/extract\/rules\//, /^src\/read\/registry\.ts$/];
const SPOKEN_PROPERTIES = new Set(['reason', 'warning']);

/** Texts that look like prose and are not: page boilerplate, a command line to copy (markup, `<…`, is never a message either). */
const NOT_MESSAGE_IDS = new Set([
  'body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2em}',
  'table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}',
]);

/** Markup (`<!doctype …`), JSON text, an option's flags (`--format <format>`, `-q, --quiet`), a command line to copy (`milestones alias add …`). */
const NOT_PROSE = /^(?:<|\{\n|milestones |(?:-{1,2}[\w-]+,?\s*)+(?:<[^>]+>|\[[^\]]+\])?$)/;

/** A style sheet's rule (`.bu .l{fill:none;…}`, `@media print{…}`) or a piece of markup (`<span class="note">…</span>`) anywhere in the text. */
const NOT_TEXT = /\{[a-z-]+:[^}]*[;}]|;[a-z-]+:[^;{}]*\}|<\/[a-z]+>|<[a-z]+ [a-z-]+="/;

/** Methods whose string argument is a pattern or a piece to look for, not something said. */
const SEARCH_METHODS = /\.(includes|startsWith|endsWith|indexOf|lastIndexOf|test|match|matchAll|replace|replaceAll|split|search)$/;

/** Two English words apart by a blank: a phrase a person reads (identifiers, flags, paths and regex sources are not). */
const PROSE = /[A-Za-z]{2,}[\s,;:.'’()"{}<>·-]*\s[\s,;:.'’()"{}<>·-]*[A-Za-z]{2,}/;

function isStringPiece(n: Node): boolean {
  return Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) || Node.isTemplateExpression(n);
}

function isPlus(n: Node | undefined): n is import('ts-morph').BinaryExpression {
  return !!n && Node.isBinaryExpression(n) && n.getOperatorToken().getKind() === SyntaxKind.PlusToken;
}

/** The pieces of a `'a' + b + `c${d}`` chain, left to right. */
function plusPieces(n: Node): Node[] {
  if (isPlus(n)) return [...plusPieces(n.getLeft()), ...plusPieces(n.getRight())];
  if (Node.isParenthesizedExpression(n)) return plusPieces(n.getExpression());
  return [n];
}

/** A string, template or concatenation as a message id: literal text kept, every interpolation a numbered placeholder. */
export function messageIdOf(n: Node): string {
  let next = 0;
  const piece = (p: Node): string => {
    if (Node.isStringLiteral(p) || Node.isNoSubstitutionTemplateLiteral(p)) return p.getLiteralText();
    if (Node.isTemplateExpression(p)) {
      let s = p.getHead().getLiteralText();
      for (const span of p.getTemplateSpans()) s += `{${next++}}${span.getLiteral().getLiteralText()}`;
      return s;
    }
    return `{${next++}}`;
  };
  return plusPieces(n).map(piece).join('');
}

/** True when the literal is not a message: a module name, a key, a type, a pattern, an internal error, a comparison. */
/** An object that documents a rule: a `description` with examples (`accepts`/`rejects`, `examples`), wherever it is declared. */
function isRuleObject(n: Node): boolean {
  if (!Node.isObjectLiteralExpression(n)) return false;
  const names = new Set(n.getProperties().map((p) => (Node.isPropertyAssignment(p) || Node.isShorthandPropertyAssignment(p) ? p.getName() : '')));
  return names.has('description') && (names.has('accepts') || names.has('rejects') || names.has('examples'));
}

function skipped(n: Node, inDocumentingFile: boolean, vocabulary: boolean): boolean {
  // Inside a rule object, only what it decides speaks (a reason, a warning); the rest documents it.
  let documenting = inDocumentingFile;
  for (let p = n.getParent(); p && !documenting; p = p.getParent()) if (isRuleObject(p)) documenting = true;
  for (let p: Node | undefined = n.getParent(), child: Node = n; p; child = p, p = p.getParent()) {
    // The extractor's word lists (arrays of plain strings) are words to find in reports, not things it says.
    if (vocabulary && Node.isArrayLiteralExpression(p) && p.getElements().every((e) => Node.isStringLiteral(e))) return true;
    if (Node.isImportDeclaration(p) || Node.isExportDeclaration(p) || Node.isLiteralTypeNode(p)) return true;
    if (Node.isPropertyAssignment(p) && p.getNameNode() === child) return true;
    // `name:` is an identifier (a rule's, a report type's), never prose.
    if (Node.isPropertyAssignment(p) && p.getName() === 'name') return true;
    if (documenting && Node.isPropertyAssignment(p)) return !SPOKEN_PROPERTIES.has(p.getName());
    if (Node.isNewExpression(p) || Node.isCallExpression(p)) {
      const callee = p.getExpression().getText();
      // An internal error is a bug report, in English on purpose; patterns are not prose.
      if (/^(Error|TypeError|RangeError|RegExp|require|import)$/.test(callee) || SEARCH_METHODS.test(callee)) return true;
      if (documenting) return true;
      continue;
    }
    if (Node.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.getOperatorToken().getText())) return true;
    if (Node.isCaseClause(p) || Node.isElementAccessExpression(p)) return true;
    if (Node.isStatement(p)) return documenting;
  }
  return documenting;
}

export function messageSites(): MessageSite[] {
  const project = new Project({ tsConfigFilePath: path.join(ROOT, 'tsconfig.json') });
  // npm start's own sentences, around the commands it runs.
  project.addSourceFileAtPath(path.join(ROOT, 'scripts', 'start.js'));
  const out: MessageSite[] = [];
  const files = project.getSourceFiles().filter((f) => {
    const rel = path.relative(ROOT, f.getFilePath()).split(path.sep).join('/');
    return (rel.startsWith('src/') || rel === 'scripts/start.js') && !NOT_MESSAGES.some((re) => re.test(rel));
  });
  for (const sf of files) collect(sf, out);
  return out;
}

function collect(sf: SourceFile, out: MessageSite[]): void {
  const rel = path.relative(ROOT, sf.getFilePath()).split(path.sep).join('/');
  const documenting = DOCUMENTING.some((re) => re.test(rel));
  const vocabulary = rel.startsWith('src/extract/');
  sf.forEachDescendant((n) => {
    let top: Node | undefined;
    if (isPlus(n) && !isPlus(n.getParent()) && plusPieces(n).some(isStringPiece)) top = n;
    else if (isStringPiece(n) && !isPlus(n.getParent()) && !(Node.isParenthesizedExpression(n.getParent()) && isPlus(n.getParent()!.getParent()))) top = n;
    if (!top || skipped(top, documenting, vocabulary)) return;
    const id = messageIdOf(top);
    if (!PROSE.test(id.replace(/\{\d+\}/g, ' ')) || NOT_MESSAGE_IDS.has(id) || NOT_PROSE.test(id) || NOT_TEXT.test(id)) return;
    out.push({ id, at: `${rel}:${top.getStartLineNumber()}` });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { MESSAGES_ZH } = await import('../src/render/messages-zh.js');
  const sites = messageSites();
  const missing = sites.filter((s) => MESSAGES_ZH[s.id] === undefined);
  const seen = new Set<string>();
  for (const s of missing) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    console.log(`  // ${s.at}\n  ${JSON.stringify(s.id)}: '',`);
  }
  console.error(`${sites.length} messages, ${new Set(sites.map((s) => s.id)).size} distinct, ${seen.size} without a Chinese entry`);
}
