// export as an Excel workbook, read back with exceljs and compared with export --format json; format/extension mismatches are usage errors.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, run as inProcess, tempDir } from './support/cli.js';

const { dir, cleanup } = tempDir('milestones-xlsx-');
const db = path.join(dir, 'db.json');

async function run(...args: string[]) {
  const r = await inProcess(db, args, { cwd: dir });
  assert.is(r.code, 0, `milestones ${args.join(' ')} failed: ${r.stderr}`);
  return r;
}

interface Obs { week: string; team: string; project: string; metric: string | null; kind: string; percent: number }

async function readBook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): { header: string[]; rows: unknown[][] } {
  const all: unknown[][] = [];
  ws.eachRow((row) => all.push((row.values as unknown[]).slice(1)));
  return { header: all[0] as string[], rows: all.slice(1) };
}

test('two teams: a summary sheet and a sheet per team whose figures are those of export --format json', async () => {
  // Two teams of our own, a formula-looking project name among them.
  for (const [team, rows] of [
    ['仓储组', [['库存同步', [20, 35, 50, 62]], ['波次拣货', [10, 10, 10, 10]], ['=HYPERLINK("http://x","y")', [5, 15, 25, 40]]]],
    ['Payments', [['Ledger sync', [40, 55, 70, 80]], ['＋Refund flow', [60, 50, 45, 45]]]],
  ] as [string, [string, number[]][]][]) {
    mkdirSync(path.join(dir, 'in', team), { recursive: true });
    for (let w = 0; w < 4; w++) {
      const day = String(7 + 7 * w).padStart(2, '0');
      const lines = [`# ${team} 周报 2025-03-${day}`, '', '## 本周进展', ''];
      for (const [name, figures] of rows) lines.push(`- ${name}，进度${figures[w]}%`);
      lines.push('', '## 运营数据', '', `- 接口成功率：99.${90 + w}%`, '');
      writeFileSync(path.join(dir, 'in', team, `2025-03-${day}.md`), lines.join('\n'));
    }
  }
  await run('ingest', 'in', '--team-from-folder', '-q');
  const r = await run('export', '--out', 'plan.xlsx');
  assert.is(r.stdout, '');
  assert.match(r.stderr, /wrote plan\.xlsx \(3 sheets, \d+ rows\)/);
  const bytes = readFileSync(path.join(dir, 'plan.xlsx'));
  assert.is(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip, not CSV text');

  const zip = unzipSync(bytes);
  const sheetsXml = Object.keys(zip).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  assert.is(sheetsXml.length, 3);
  for (const f of sheetsXml) {
    const xml = strFromU8(zip[f]!);
    assert.match(xml, /<autoFilter ref="A1:[A-Z]+\d+"\/>/, `${f}: autofilter`);
    assert.match(xml, /<pane ySplit="1"[^>]*state="frozen"/, `${f}: frozen header`);
  }
  const wb = await readBook(path.join(dir, 'plan.xlsx'));
  assert.equal(wb.worksheets.map((w) => w.name), ['Summary', 'Payments', '仓储组']);
  const obs = JSON.parse((await run('export', '--format', 'json')).stdout) as Obs[];
  for (const team of ['Payments', '仓储组']) {
    const ws = wb.getWorksheet(team)!;
    const { header, rows } = rowsOf(ws);
    // Frozen header row (the autofilter is checked in the XML below: exceljs does not read it back).
    assert.is(ws.views[0]?.state, 'frozen');
    assert.is((ws.views[0] as { ySplit?: number }).ySplit, 1);
    const weeks = header.filter((h) => /^\d{4}-W\d{2}$/.test(h));
    assert.equal(weeks, ['2025-W10', '2025-W11', '2025-W12', '2025-W13']);
    for (const h of ['Project', 'Metric', 'Δ', 'Status', 'Forecast', 'Due', 'Slipping']) assert.ok(header.includes(h), `${team}: ${h} column`);
    const col = (h: string) => header.indexOf(h);
    const mine = obs.filter((o) => o.team === team);
    assert.ok(mine.length >= 12);
    for (const o of mine) {
      const shown = o.project.startsWith('=') || o.project.startsWith('＋') ? `'${o.project}` : o.project;
      const row = rows.find((x) => x[col('Project')] === shown);
      assert.ok(row, `${team}: a row for ${o.project}`);
      // Numbers as numbers, in the column of their week.
      assert.is(row![col(o.week)], o.percent, `${o.project} ${o.week}`);
    }
    // One row per item of the JSON, no more.
    assert.is(rows.length, new Set(mine.map((o) => `${o.project}\u0000${o.metric}`)).size);
    // Status cells hold the word and a colour.
    const statusCol = col('Status') + 1;
    let coloured = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cell = row.getCell(statusCol);
      assert.type(cell.value, 'string');
      if ((cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb) coloured++;
    });
    assert.ok(coloured > 0, `${team}: coloured status cells`);
  }
  // Formula-looking names are text, neutralised (ASCII and full-width).
  const wh = rowsOf(wb.getWorksheet('仓储组')!);
  assert.ok(wh.rows.some((x) => String(x[wh.header.indexOf('Project')]).startsWith(`'=HYPERLINK`)));
  const pay = rowsOf(wb.getWorksheet('Payments')!);
  assert.ok(pay.rows.some((x) => x[pay.header.indexOf('Project')] === `'＋Refund flow`));
  // The steady item has a forecast date; the flat one says why it has none.
  const row = (name: string) => wh.rows.find((x) => x[wh.header.indexOf('Project')] === name)!;
  assert.match(String(row('库存同步')[wh.header.indexOf('Forecast')]), /^\d{4}-\d{2}-\d{2}$/);
  assert.is(row('波次拣货')[wh.header.indexOf('Note')], 'no upward trend');
  // The summary: one row per team with its counts.
  const sum = rowsOf(wb.getWorksheet('Summary')!);
  assert.equal(sum.rows.map((x) => x[0]), ['Payments', '仓储组']);
  assert.is(sum.rows[1]![sum.header.indexOf('Reports')], 4);
  assert.is(sum.rows[1]![sum.header.indexOf('stalled')], 1);
});

test('an extension that names no format the command writes is a usage error, never another format under its name', async () => {
  for (const [args, pattern] of [
    [['diff', '--out', 'd.xlsx'], /no format this command writes for the extension \.xlsx/],
    [['stalled', '--format', 'xlsx'], /does not write xlsx/],
    [['export', '--out', 'plan.xls'], /no format for the extension \.xls/],
    [['export', '--out', 'long.xlsx', '--long'], /--long has no workbook/],
  ] as [string[], RegExp][]) {
    const r = await inProcess(db, args, { cwd: dir });
    assert.is(r.code, 2, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.not.ok(existsSync(path.join(dir, args[2]!)), `${args[2]} not written`);
  }
  // --format xlsx with --out - writes the bytes to a pipe.
  const piped = await inProcess(db, ['export', '--format', 'xlsx'], { cwd: dir });
  assert.is(piped.code, 0);
  assert.ok(piped.stdout.startsWith('PK'));
});

test.after(cleanup);
test.run();

void root;
