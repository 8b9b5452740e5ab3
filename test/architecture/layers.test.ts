// DESIGN.md's layer rules as a test: a wrong import or I/O in a pure stage fails CI.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project, SyntaxKind, type SourceFile } from 'ts-morph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const project = new Project({ tsConfigFilePath: path.join(root, 'tsconfig.json'), skipAddingFilesFromTsConfig: false });
const files = project.getSourceFiles().filter((f) => f.getFilePath().startsWith(path.join(root, 'src') + path.sep));

const STAGES = ['model', 'read', 'extract', 'store', 'analyze', 'render', 'cli'] as const;
type Stage = (typeof STAGES)[number];

/** Which of our stages each stage may import (itself always allowed). */
const ALLOWED: Record<Stage, readonly Stage[]> = {
  model: [],
  read: ['model'],
  extract: ['model'],
  store: ['model'],
  analyze: ['model'],
  render: ['model', 'analyze'],
  cli: ['model', 'read', 'extract', 'store', 'analyze', 'render'],
};
const PURE: readonly Stage[] = ['model', 'extract', 'analyze', 'render'];
const IO_MODULES = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|process|readline)$/;

function stageOf(file: string): Stage | null {
  const rel = path.relative(path.join(root, 'src'), file).split(path.sep);
  return (STAGES as readonly string[]).includes(rel[0]!) ? (rel[0] as Stage) : null;
}

/** Every module specifier a file imports: static imports, re-exports and dynamic import('…') literals. */
function specifiers(sf: SourceFile): string[] {
  const out = sf.getImportDeclarations().map((d) => d.getModuleSpecifierValue());
  for (const e of sf.getExportDeclarations()) {
    const s = e.getModuleSpecifierValue();
    if (s) out.push(s);
  }
  for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getKind() === SyntaxKind.ImportKeyword) {
      const arg = call.getArguments()[0];
      if (arg && (arg.getKind() === SyntaxKind.StringLiteral || arg.getKind() === SyntaxKind.NoSubstitutionTemplateLiteral)) {
        out.push(arg.getText().slice(1, -1));
      } else if (arg) {
        out.push(arg.getText()); // a template such as `./commands/${name}.js`: resolved relative below
      }
    }
  }
  return out;
}

function targetStage(from: string, spec: string): Stage | null {
  if (!spec.startsWith('.') && !spec.startsWith('`.')) return null;
  const clean = spec.replace(/^`|`$/g, '');
  return stageOf(path.resolve(path.dirname(from), clean));
}

test('there are source files in every stage', () => {
  for (const stage of STAGES) assert.ok(files.some((f) => stageOf(f.getFilePath()) === stage), `src/${stage} has files`);
});

test('each stage imports only the stages DESIGN.md allows, and nothing imports cli/', () => {
  const problems: string[] = [];
  for (const sf of files) {
    const from = stageOf(sf.getFilePath());
    if (!from) continue;
    for (const spec of specifiers(sf)) {
      const to = targetStage(sf.getFilePath(), spec);
      if (!to || to === from) continue;
      if (!ALLOWED[from].includes(to)) problems.push(`${path.relative(root, sf.getFilePath())} imports ${spec} (${from} → ${to})`);
    }
  }
  assert.equal(problems, []);
});

test('render takes only types from analyze (DESIGN.md: "model, analyze types")', () => {
  const problems: string[] = [];
  for (const sf of files) {
    if (stageOf(sf.getFilePath()) !== 'render') continue;
    for (const d of sf.getImportDeclarations()) {
      if (targetStage(sf.getFilePath(), d.getModuleSpecifierValue()) !== 'analyze' || d.isTypeOnly()) continue;
      const values = d.getNamedImports().filter((n) => !n.isTypeOnly()).map((n) => n.getName());
      if (values.length || d.getDefaultImport() || d.getNamespaceImport()) {
        problems.push(`${path.relative(root, sf.getFilePath())} imports values from ${d.getModuleSpecifierValue()}: ${values.join(', ')}`);
      }
    }
  }
  assert.equal(problems, []);
});

test('lowdb is used only in store/; cheerio only lazily; ts-morph never at run time', () => {
  const problems: string[] = [];
  for (const sf of files) {
    const stage = stageOf(sf.getFilePath());
    const rel = path.relative(root, sf.getFilePath());
    for (const d of sf.getImportDeclarations()) {
      const spec = d.getModuleSpecifierValue();
      if (/^lowdb(\/|$)/.test(spec) && stage !== 'store') problems.push(`${rel} imports ${spec}`);
      if (/^cheerio(\/|$)/.test(spec) && !d.isTypeOnly()) {
        // Allowed only in a module that is itself reached through a dynamic import(), so Markdown input never loads it.
        const staticImporters = files.filter((other) =>
          other.getImportDeclarations().some((od) => !od.isTypeOnly() && od.getModuleSpecifierSourceFile() === sf),
        );
        for (const imp of staticImporters) problems.push(`${path.relative(root, imp.getFilePath())} imports ${rel} (which loads cheerio) eagerly: use await import()`);
      }
      if (/^ts-morph/.test(spec)) problems.push(`${rel} imports ts-morph`);
    }
  }
  assert.equal(problems, []);
});

test('pure stages (model, extract, analyze, render) do no I/O', () => {
  const problems: string[] = [];
  for (const sf of files) {
    const stage = stageOf(sf.getFilePath());
    if (!stage || !PURE.includes(stage)) continue;
    const rel = path.relative(root, sf.getFilePath());
    for (const spec of specifiers(sf)) if (IO_MODULES.test(spec)) problems.push(`${rel} imports ${spec}`);
    for (const id of sf.getDescendantsOfKind(SyntaxKind.Identifier)) {
      const name = id.getText();
      if (name !== 'console' && name !== 'process') continue;
      const parent = id.getParent();
      // property names such as `x.process` or `{ console: … }` are not the globals
      if (parent?.getKind() === SyntaxKind.PropertyAccessExpression && parent.getChildAtIndex(0) !== id) continue;
      if (parent?.getKind() === SyntaxKind.PropertyAssignment || parent?.getKind() === SyntaxKind.PropertySignature) continue;
      problems.push(`${rel}:${id.getStartLineNumber()} uses ${name}`);
    }
    for (const call of sf.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      if (call.getExpression().getText() === 'Date.now') problems.push(`${rel}:${call.getStartLineNumber()} calls Date.now()`);
    }
    for (const ne of sf.getDescendantsOfKind(SyntaxKind.NewExpression)) {
      if (ne.getExpression().getText() === 'Date' && ne.getArguments().length === 0) {
        problems.push(`${rel}:${ne.getStartLineNumber()} reads the clock with new Date()`);
      }
    }
  }
  assert.equal(problems, []);
});

test('every source file opens with a one-line comment saying what it is for', () => {
  const missing = files
    .filter((sf) => !/^\/\/ \S/.test(sf.getFullText()))
    .map((sf) => path.relative(root, sf.getFilePath()));
  assert.equal(missing, []);
});

test('the rules catch a violation (the checker itself can fail)', () => {
  const probe = project.createSourceFile(path.join(root, 'src/analyze/__probe__.ts'), "import { x } from '../cli/main.js';\nconsole.log(Date.now());\n", { overwrite: true });
  try {
    const spec = specifiers(probe)[0]!;
    assert.is(targetStage(probe.getFilePath(), spec), 'cli');
    assert.not.ok(ALLOWED.analyze.includes('cli'));
  } finally {
    project.removeSourceFile(probe);
  }
});

test.run();
