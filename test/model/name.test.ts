import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizeName, itemKey, canonicalProject } from '../../src/model/name.js';

test('normalizeName folds full-width forms, list markers, edge punctuation and Latin case', () => {
  assert.is(normalizeName('Ｈｉｖｅ数仓建设：'), 'hive数仓建设');
  assert.is(normalizeName('1. 平安银行存管，'), '平安银行存管');
  assert.is(normalizeName('2、  商户  门户 '), '商户 门户');
  assert.is(normalizeName('（3）消除副本'), '消除副本');
  assert.is(normalizeName('- 轻存管&定转佣能力建设'), '轻存管&定转佣能力建设');
  assert.is(normalizeName(null), '');
});

test('issue 10: new-item markers are no part of a name', () => {
  for (const n of ['商户分账（新）', '【新】商户分账', '【新增】商户分账', '商户分账 (NEW)', '[新]商户分账', '商户分账']) assert.is(normalizeName(n), '商户分账', n);
  assert.is(normalizeName('Ledger export (new)'), 'ledger export');
  assert.is(normalizeName('新零售中台'), '新零售中台', 'a name that starts with 新 keeps it');
  assert.is.not(normalizeName('会员中心（新版）'), '会员中心', 'only the marker words: 新版 is a version');
});

test('aliases map names onto a canonical project, following chains without looping', () => {
  const aliases = new Map([
    ['店东看懂账一期', '店东看懂账'],
    ['a', 'b'],
    ['b', 'a'],
  ]);
  assert.is(canonicalProject('店东看懂账一期', aliases), '店东看懂账');
  assert.ok(['a', 'b'].includes(canonicalProject('a', aliases)));
  assert.is(itemKey('', '店东看懂账一期', '前端', aliases), itemKey('', '店东看懂账', '前端'));
  assert.is.not(itemKey('team-a', 'x', null), itemKey('team-b', 'x', null));
});

test.run();
