// `npm run screenshot`: the README's picture of the planning report, docs/report.png, from the shipped samples.
//
// Ingests data/samples into a scratch database, writes the report, opens it in headless Chromium
// (scripts/chromium.ts) and photographs the top of the page. Chinese text needs a CJK font
// (Debian: apt-get install -y fonts-noto-cjk); without one the glyphs would be boxes, so the
// script refuses rather than commit a broken picture.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'milestones.js');
const out = path.join(root, 'docs', 'report.png');

function fail(message: string): never {
  console.error(`screenshot: ${message}`);
  process.exit(1);
}

const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
if (fonts.status !== 0 || !fonts.stdout.trim()) fail('no Chinese font is installed — apt-get install -y fonts-noto-cjk');

const dir = mkdtempSync(path.join(os.tmpdir(), 'milestones-screenshot-'));
try {
  const db = path.join(dir, 'db.json');
  const page = path.join(dir, 'report.html');
  const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC' };
  for (const args of [['ingest', 'data/samples', '-q'], ['report', '--out', page, '-q']]) {
    const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { cwd: root, env, encoding: 'utf8' });
    if (r.status !== 0) fail(`milestones ${args.join(' ')} failed: ${r.stderr}`);
  }
  const browser = await launchChromium();
  try {
    const p = await browser.context.newPage();
    await p.setViewportSize({ width: 1200, height: 1000 });
    await p.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await p.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 1000 } });
  } finally {
    await browser.close();
  }
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
