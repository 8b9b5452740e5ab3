// Every example of every extractor rule (src/extract/rules): accepted ones are decided by the rule as expected,
// rejected ones by another rule, as expected. The README's table of forms is printed from the same examples.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseMarkdown } from '../../src/read/markdown.js';
import { compileLexicon, extract, RULES, type Example, type Rule } from '../../src/extract/index.js';
import type { Extraction, Finding } from '../../src/model/types.js';
import { foldHan } from '../../src/model/han.js';

const lexicon = compileLexicon();
const run = (text: string): Extraction => extract(parseMarkdown(`# 第11周 2024-03-15\n\n${text}\n`, 'rule.md'), { scheme: 'reporter', lexicon });

const nfkc = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

function findingOf(ex: Extraction, e: Example): Finding | undefined {
  if (e.expect.verdict === 'stated' || e.expect.verdict === 'unstated') return undefined;
  if (e.figure === undefined) return ex.findings[0];
  return ex.findings.find((f) => f.match === e.figure) ?? ex.findings.find((f) => nfkc(f.match) === nfkc(e.figure!));
}

/** Did `rule` decide (name, read) this finding? A column rule also counts when it shaped the row (unless `decided`). */
function firedOn(rule: Rule, f: Finding, decided = false): boolean {
  switch (rule.stage) {
    case 'figure':
      return true;
    case 'context':
      return (f.context ?? []).includes(rule.name);
    case 'column':
      // A column rule decides a cell, or shapes its row (name, attribute and count columns).
      return f.rule === rule.name || (!decided && (f.context ?? []).includes(rule.name));
    case 'name':
    case 'row':
      return (f.naming ?? '').split(':')[0] === rule.name;
    case 'direction':
      return f.direction?.rule === rule.name;
    default:
      return f.rule === rule.name;
  }
}

// Statements are read in Simplified (model/han.ts): `門市盤點系統` is named `门市盘点系统`, and analyze/ folds names alike.
const sameName = (a: string, b: string) => foldHan(nfkc(a)) === foldHan(nfkc(b));

/** Statement rules: the statement the example expects (or must not have), by its rule, state and subject. */
function checkStated(ex: Extraction, rule: Rule, e: Example, accepted: boolean, where: string): void {
  const want = e.expect;
  if (want.verdict !== 'stated' && want.verdict !== 'unstated') throw new Error(`${where}: a statement rule's example expects stated or unstated`);
  const said = ex.statements.filter((s) => s.kind === want.state && s.subjects.some((x) => sameName(x, want.subject)));
  if (want.verdict === 'unstated') {
    assert.equal(said.map((s) => [s.phrase, s.subjects]), [], `${where}: states ${want.state} of ${want.subject}`);
    return;
  }
  const mine = said.filter((s) => (s.kind !== 'renamed' || s.subjects[0] === want.subject) && (want.formerly === undefined || s.formerly === want.formerly));
  assert.ok(mine.length, `${where}: expected ${want.state} of ${want.subject}, got ${JSON.stringify(ex.statements.map((s) => [s.kind, s.phrase, s.subjects, s.formerly]))}`);
  if (accepted) assert.ok(mine.some((s) => s.rule === rule.name), `${where}: decided by ${mine.map((s) => s.rule)}`);
}

function checkExpect(ex: Extraction, e: Example, f: Finding | undefined, where: string): void {
  const want = e.expect;
  if (want.verdict === 'stated' || want.verdict === 'unstated') throw new Error(`${where}: only statement rules expect statements`);
  if (want.verdict === 'none') {
    assert.not.ok(f, `${where}: expected no figure, found ${JSON.stringify(f)}`);
    return;
  }
  assert.ok(f, `${where}: no figure ${e.figure ?? ''} found; findings ${JSON.stringify(ex.findings)}`);
  assert.is(f!.verdict, want.verdict, `${where}: verdict (${f!.rule}: ${f!.reason ?? ''})`);
  if (want.verdict === 'ignored') return;
  assert.is(f!.percent, want.percent, `${where}: percent`);
  if (want.project !== undefined) assert.is(f!.project, want.project, `${where}: project`);
  if (want.metric !== undefined) assert.is(f!.metric ?? null, want.metric, `${where}: metric`);
  const o = ex.observations.find((x) => x.line === f!.line && x.percent === f!.percent && x.project === f!.project && x.kind === want.verdict);
  for (const k of ['prev', 'planned', 'qualifier', 'done', 'total'] as const) {
    if (want[k] !== undefined) assert.is(o?.[k], want[k], `${where}: ${k}`);
  }
  if (want.direction !== undefined) assert.is(o?.direction ?? 'higher', want.direction, `${where}: direction`);
  // A due date is always checked: one that is not expected must not be there.
  assert.is(o?.due, want.due, `${where}: due`);
}

test('every rule has a unique name, a description and an accepted example', () => {
  const names = new Set<string>();
  for (const r of RULES) {
    assert.ok(/^[a-z][a-z0-9-]*$/.test(r.name), r.name);
    assert.not.ok(names.has(r.name), `duplicate rule name ${r.name}`);
    names.add(r.name);
    assert.ok(r.description.trim().length > 10, r.name);
  }
  assert.equal(RULES.filter((r) => r.accepts.length === 0).map((r) => r.name), []);
});

for (const rule of RULES) {
  rule.accepts.forEach((e, i) => {
    test(`${rule.stage} ${rule.name} accepts #${i + 1}`, () => {
      const ex = run(e.text);
      if (rule.stage === 'statement') return checkStated(ex, rule, e, true, `${rule.name} accepts ${JSON.stringify(e.text)}`);
      const f = findingOf(ex, e);
      const where = `${rule.name} accepts ${JSON.stringify(e.text)}`;
      checkExpect(ex, e, f, where);
      if (f) assert.ok(firedOn(rule, f), `${where}: decided by ${f.rule} / named by ${f.naming} / context ${f.context}`);
    });
  });
  rule.rejects.forEach((e, i) => {
    test(`${rule.stage} ${rule.name} rejects #${i + 1}`, () => {
      const ex = run(e.text);
      if (rule.stage === 'statement') return checkStated(ex, rule, e, false, `${rule.name} rejects ${JSON.stringify(e.text)}`);
      const f = findingOf(ex, e);
      const where = `${rule.name} rejects ${JSON.stringify(e.text)}`;
      checkExpect(ex, e, f, where);
      if (f) assert.not.ok(firedOn(rule, f, true), `${where}: the rule decided it`);
    });
  });
}

test.run();
