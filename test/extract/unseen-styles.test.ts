// Styles the second blind set brought (issue 9): Traditional Chinese, OKR lines, text progress bars, Yuque
// and DingTalk exports. Our own reports, in realistic formats, other teams and years than the rule examples.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileLexicon, extract } from '../../src/extract/index.js';
import { readBytesAs } from '../../src/read/index.js';
import type { Extraction } from '../../src/model/types.js';

const lexicon = compileLexicon({});

async function read(name: string, text: string): Promise<Extraction[]> {
  const parts = await readBytesAs(new TextEncoder().encode(text), name);
  return parts.map((p) => extract(p.document, { scheme: 'reporter', lexicon, today: '2026-11-29' }));
}
const progress = (ex: Extraction) =>
  ex.observations.filter((o) => o.kind === 'progress').map((o) => `${o.project}${o.metric ? '/' + o.metric : ''}=${o.percent}${o.prev !== undefined ? `<${o.prev}` : ''}`);
const kpis = (ex: Extraction) => ex.observations.filter((o) => o.kind === 'kpi').map((o) => `${o.project}${o.metric ? '/' + o.metric : ''}=${o.percent}`);

test('Traditional Chinese (進度、本週、下週計畫) is read with the same words; names stay as written', async () => {
  const [ex] = await read(
    '物流平台週報.md',
    [
      '# 物流平台組 週報（2023/11/24）',
      '',
      '## 本週進度',
      '',
      '1. 智慧派車系統：進度 55%，路線規劃模組已完成聯調',
      '2. 倉儲條碼重構：完成度 30%',
      '3. 司機端 App 改版：進度由 60% 提升至 72%',
      '',
      '## 營運數據',
      '',
      '- 準時送達率：96.4%',
      '',
      '## 下週計畫',
      '',
      '- 倉儲條碼重構完成度目標 45%',
    ].join('\n'),
  );
  assert.is(ex!.week, '2023-W48');
  assert.equal(progress(ex!), ['智慧派車系統=55', '倉儲條碼重構=30', '司機端 App 改版=72<60']);
  assert.equal(kpis(ex!), ['準時送達率=96.4']);
  assert.ok(ex!.findings.some((f) => f.word === '進度'), 'check names the word as written');
});

test('a Traditional table header (完成度、項目) and a 週報 entry label split a many-weeks page', async () => {
  const parts = await read(
    '客服中心週報彙整.md',
    [
      '# 客服中心週報彙整',
      '',
      '## 2024年5月17日週報',
      '',
      '| 項目 | 負責人 | 完成度 |',
      '|---|---|---|',
      '| 智能客服知識庫 | 陳怡君 | 80% |',
      '| 工單系統遷移 | 林志明 | 45% |',
      '',
      '## 2024年5月10日週報',
      '',
      '| 項目 | 負責人 | 完成度 |',
      '|---|---|---|',
      '| 智能客服知識庫 | 陳怡君 | 70% |',
      '| 工單系統遷移 | 林志明 | 40% |',
    ].join('\n'),
  );
  assert.equal(parts.map((p) => p.week), ['2024-W20', '2024-W19']);
  assert.equal(progress(parts[0]!), ['智能客服知識庫=80', '工單系統遷移=45']);
});

test('a Simplified report is read as before (no folding): names untouched', async () => {
  const [ex] = await read('周报.md', ['# 周报 2024-03-15', '', '- 显著性检验平台：进度 40%'].join('\n'));
  assert.equal(progress(ex!), ['显著性检验平台=40']);
});

test.run();
