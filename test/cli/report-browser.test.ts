// The planning report opened in a real browser (Debian's Chromium through playwright-core): nothing leaves the page, no
// console error, every diff item is there with its status, sparklines have a dot per report, print gives a page per team,
// and axe-core finds no serious accessibility violation in light or dark mode.
//
// No assertion is about time: the timeouts in scripts/chromium.ts only stop a hung browser.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, type Browser } from '../../scripts/chromium.js';
import { root, run as inProcess, tempDir } from './support/cli.js';

const require = createRequire(import.meta.url);
const { dir, cleanup } = tempDir('milestones-browser-');
const db = path.join(dir, 'db.json');
const page = path.join(dir, 'plan.html');

async function run(...args: string[]) {
  const r = await inProcess(db, args, { cwd: root });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

interface DiffJson { from: string; to: string; items: { team: string; project: string; metric: string | null; kind: string; status: string }[] }

let browser: Browser | undefined;

test.before(async () => {
  // Two teams: the samples, and a team of our own whose reports state due dates.
  await run('ingest', 'data/samples', '--team', '履约技术部', '-q');
  await run('ingest', 'test/fixtures/report', '--team-from-folder', '-q');
  await run('report', '--out', page);
  browser = await launchChromium();
});

test.after(async () => {
  await browser?.close();
  cleanup();
});

async function open(colorScheme: 'light' | 'dark' = 'light') {
  const p = await browser!.context.newPage();
  await p.emulateMedia({ colorScheme });
  const errors: string[] = [];
  const requests: string[] = [];
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  p.on('pageerror', (err) => errors.push(String(err)));
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  return { p, errors, requests };
}

test('the page loads with no console error and no request but itself', async () => {
  const { p, errors, requests } = await open();
  assert.equal(errors, []);
  assert.equal(requests, [pathToFileURL(page).href]);
  // No script at all, and no external resource named anywhere.
  const html = readFileSync(page, 'utf8');
  assert.not.match(html, /<script|<link|<img|<iframe|@import|url\(/i);
  assert.not.match(html, /https?:\/\//);
  await p.close();
});

test('every item of diff --json for the same weeks appears with its status', async () => {
  const d = JSON.parse((await run('diff', '--json')).stdout) as DiffJson;
  const { p } = await open();
  assert.ok(d.items.length >= 15, `${d.items.length} items`);
  // Each team's section: its rows as [project cell text, status cell text].
  const rows = await p.$$eval('section.team', (sections) =>
    sections.flatMap((s) =>
      [...s.querySelectorAll('table.items tbody tr, table.kpis tbody tr')].map((tr) => ({
        team: s.getAttribute('data-team') ?? '',
        name: tr.querySelector('td')!.textContent!.trim(),
        status: tr.querySelectorAll('td')[4]!.textContent!.trim(),
      })),
    ),
  );
  for (const i of d.items) {
    const name = i.metric ? `${i.project} / ${i.metric}` : i.project;
    const row = rows.find((r) => r.team === i.team && r.name === name);
    assert.ok(row, `${i.team} ${name} is on the page`);
    assert.ok(row!.status.split(' ').includes(i.status), `${name}: ${row!.status} has ${i.status}`);
  }
  // The headline counts the same statuses as the diff.
  const headline = await p.$eval('header .counts', (ul) => ul.textContent ?? '');
  const regressed = d.items.filter((i) => i.kind === 'progress' && i.status === 'regressed').length;
  assert.match(headline, new RegExp(`${regressed} regressed`));
  await p.close();
});

test("an item's sparkline has one point per report with a figure", async () => {
  const h = JSON.parse((await run('--team', '履约技术部', 'history', '运单轨迹重构', '--json')).stdout) as { items: { points: unknown[] }[] };
  const reports = h.items[0]!.points.length;
  assert.ok(reports >= 8, `${reports} reports`);
  const { p } = await open();
  const dots = await p.$eval('section.team[data-team="履约技术部"] table.items', (t) => {
    const tr = [...t.querySelectorAll('tbody tr')].find((r) => r.querySelector('td')!.textContent!.trim() === '运单轨迹重构')!;
    const svg = tr.querySelector('svg.spark')!;
    return { drawn: (svg.querySelector('path.p')!.getAttribute('d')!.match(/h0/g) ?? []).length, declared: Number(svg.getAttribute('data-points')) };
  });
  assert.is(dots.drawn, reports);
  assert.is(dots.declared, reports);
  await p.close();
});

test('slipping items need attention, with their source line', async () => {
  const { p } = await open();
  const rows = await p.$$eval('#attention tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
  const slipping = rows.find((r) => r.includes('资金清分平台'));
  assert.ok(slipping, 'the item due 2026-01-31 at 50% is on the attention list');
  assert.match(slipping!, /slipping/);
  assert.match(slipping!, /清结算组周报 2026-01-16\.md:5/);
  await p.close();
});

test('print to PDF (A4 landscape): a page for the headline and one or more per team', async () => {
  const { p } = await open();
  await p.emulateMedia({ media: 'print' });
  const pdf = await p.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const teams = await p.$$eval('section.team', (s) => s.length);
  assert.is(teams, 2);
  assert.ok(pages >= teams + 1, `${pages} pages for ${teams} teams`);
  await p.close();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe-core finds no serious or critical violation (${scheme})`, async () => {
    const { p } = await open(scheme);
    const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    // evaluate runs through the DevTools protocol, which the page's CSP (no script) does not block.
    await p.evaluate(axe);
    const result = (await p.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    };
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.equal(
      bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
    await p.close();
  });
}

test.run();
