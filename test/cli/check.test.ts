// `milestones check` explains every percentage of the shipped samples, each with the verdict a reader would give.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEnv } from './support/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const samples = path.join(root, 'data', 'samples');

interface Finding { line: number; match: string; verdict: string; reason?: string; project?: string }
interface CheckJson { files: { file: string; week: string | null; findings: Finding[] }[] }

const r = spawnSync(process.execPath, [path.join(root, 'bin', 'milestones.js'), 'check', 'data/samples', '--json'], {
  cwd: root,
  encoding: 'utf8',
  env: cliEnv(),
});
const result = JSON.parse(r.stdout) as CheckJson;

/** What a careful reader says each kind of sample line is. */
function expected(line: string, section: string): string {
  if (section === '本周收获与反思') return 'ignored';
  if (/可用性|成功率|转化率|差错率/.test(line)) return 'kpi';
  if (/目标|环比/.test(line)) return 'ignored';
  return 'progress';
}

test('check reads every sample without a database and exits 0', () => {
  assert.is(r.status, 0, r.stderr);
  assert.is(result.files.length, readdirSync(samples).length);
  assert.ok(result.files.every((f) => f.week !== null));
});

test('every percentage of every sample line is explained, with the expected verdict', () => {
  let lines = 0;
  for (const f of result.files) {
    const text = readFileSync(path.join(root, f.file), 'utf8').split('\n');
    let section = '';
    text.forEach((raw, i) => {
      if (raw.startsWith('# ')) section = raw.slice(2).trim();
      // Percent signs that are not URL-encoded bytes (the Notion links carry %20).
      const percents = [...raw.matchAll(/[%％](?![0-9A-F]{2})/g)].length;
      const findings = f.findings.filter((x) => x.line === i + 1);
      if (percents === 0) {
        assert.is(findings.length, 0, `${f.file}:${i + 1} has no percentage, yet: ${JSON.stringify(findings)}`);
        return;
      }
      lines++;
      assert.is(findings.length, percents, `${f.file}:${i + 1}: one finding per percentage in ${raw}`);
      const want = raw.includes('目标') && raw.includes('环比') ? ['ignored', 'ignored'] : [expected(raw, section)];
      for (const x of findings) assert.ok(want.includes(x.verdict), `${f.file}:${i + 1} ${x.match}: ${x.verdict} (${x.reason ?? x.project}), expected ${want[0]}`);
      for (const x of findings.filter((y) => y.verdict === 'ignored')) assert.ok(x.reason, 'an ignored figure says why');
    });
  }
  assert.ok(lines >= 9 * 15, `${lines} percentage lines checked`);
});

test.run();
