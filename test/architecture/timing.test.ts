// No test asserts on elapsed time: a loaded machine makes a slow test slow, never red. Loops are bounded by counts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** `Date.now()`, `performance.now()`, `process.hrtime…`, and `.ms` (the elapsed time the CLI helpers return). */
function isTimeSource(node: ts.Node): boolean {
  if (ts.isCallExpression(node)) {
    const callee = node.expression.getText();
    return /^(?:Date\.now|performance\.now|process\.hrtime(?:\.bigint)?)$/.test(callee);
  }
  return ts.isPropertyAccessExpression(node) && node.name.text === 'ms';
}

function mentions(node: ts.Node, tainted: ReadonlySet<string>): boolean {
  let hit = false;
  const visit = (n: ts.Node): void => {
    if (hit) return;
    if (isTimeSource(n) || (ts.isIdentifier(n) && tainted.has(n.text) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n))) {
      hit = true;
      return;
    }
    // A function body is not evaluated where it is written.
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) return;
    // What a call returns is not a time because a time went in (`sleep(killAt)`), except arithmetic (`Math.max`).
    if (ts.isCallExpression(n) && !isTimeSource(n) && !/^(?:Math\.\w+|Number|BigInt)$/.test(n.expression.getText())) {
      visit(n.expression);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return hit;
}

/** Problems in one source text: assertions whose checked value, and loops whose condition, depend on a clock. */
export function timingProblems(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  // Variables holding a time or a difference of times, to a fixpoint (`t0 = Date.now()`, `waited = Date.now() - t0`).
  const tainted = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    const visit = (n: ts.Node): void => {
      let name: string | undefined;
      let value: ts.Node | undefined;
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) [name, value] = [n.name.text, n.initializer];
      else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) [name, value] = [n.left.text, n.right];
      if (name && value && !tainted.has(name) && !ts.isArrowFunction(value) && !ts.isFunctionExpression(value) && mentions(value, tainted)) {
        tainted.add(name);
        changed = true;
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  const problems: string[] = [];
  const where = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression.getText();
      if (/^assert(?:\.not)?(?:\.\w+)?$/.test(callee)) {
        // The checked values: the first argument, and the expected value of is/equal-like assertions (not the message).
        const checked = /\.(?:is|equal|not\.is|not\.equal|match|instance|type)$/.test(callee) ? n.arguments.slice(0, 2) : n.arguments.slice(0, 1);
        if (checked.some((a) => mentions(a, tainted))) problems.push(`${where(n)}: asserts on elapsed time: ${n.getText().slice(0, 80)}`);
      }
    }
    if ((ts.isWhileStatement(n) || ts.isDoStatement(n)) && mentions(n.expression, tainted)) problems.push(`${where(n)}: a loop bounded by a clock`);
    if (ts.isForStatement(n) && n.condition && mentions(n.condition, tainted)) problems.push(`${where(n)}: a loop bounded by a clock`);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return problems;
}

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'fixtures') out.push(...testFiles(p));
    } else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('the scan finds what it must and only that', () => {
  const bad = [
    'const t = performance.now(); run(); assert.ok(performance.now() - t < 2000);',
    'const t0 = Date.now(); const waited = Date.now() - t0; assert.ok(waited < 8000, `waited ${waited}`);',
    'const r = cli(); assert.ok(r.ms < 20000);',
    'let max = 0; max = Math.max(max, Date.now() - start); assert.is(max < 10, true);',
    'const t0 = process.hrtime.bigint(); assert.not.ok(process.hrtime.bigint() - t0 > 5n);',
    'const t0 = performance.now(); while (kills < 50 && performance.now() - t0 < 40000) kills++;',
  ];
  for (const src of bad) assert.is(timingProblems('x.ts', src).length, 1, src);
  const good = [
    'const t0 = Date.now(); run(); console.log(`${Date.now() - t0} ms`);',
    'const r = cli(); assert.is(r.code, 0, `took ${r.ms} ms`);',
    'const old = new Date(Date.now() - 6000); assert.ok(fs.existsSync(f));',
    'for (let i = 0; i < 100 && !done; i++) await sleep(2);',
    'const measure = () => performance.now(); assert.is(count, 3);',
    'const killAt = Date.now() % 500; const code = await Promise.race([exited, sleep(killAt)]); assert.is(code, 0);',
  ];
  for (const src of good) assert.equal(timingProblems('x.ts', src), [], src);
});

test('no test file asserts on elapsed time or loops until a clock says stop', () => {
  const problems = testFiles(path.join(root, 'test')).flatMap((f) => timingProblems(path.relative(root, f), fs.readFileSync(f, 'utf8')));
  assert.equal(problems, []);
});

test.run();
