import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { foldHan, hasTraditional } from '../../src/model/han.js';

test('foldHan: Traditional characters read as Simplified, one for one, the length kept; other text untouched', () => {
  const pairs: [string, string][] = [
    ['門市盤點系統：已於 3/12 正式上線', '门市盘点系统：已于 3/12 正式上线'],
    ['本專案暫停，待集團決議', '本专案暂停，待集团决议'],
    ['結帳錯誤率 0.42%', '结帐错误率 0.42%'],
    ['已经完成 Checkout v2 🎉', '已经完成 Checkout v2 🎉'],
  ];
  for (const [t, s] of pairs) {
    assert.is(foldHan(t), s, t);
    assert.is(foldHan(t).length, t.length, t);
  }
  const ascii = 'Billing export API: done';
  assert.is(foldHan(ascii), ascii);
});

test('hasTraditional: Simplified text is not Traditional, even with characters a regional variant table maps to themselves', () => {
  // 台 (中台, 后台), 才, 核, 群 are everyday Simplified: such a report is read as written, not through the fold.
  for (const t of ['交易中台1组', '后台核对才完成', '群聊机器人上线', 'Checkout v2 done', '']) {
    assert.is(hasTraditional(t), false, t);
    assert.is(foldHan(t), t, t);
  }
  for (const t of ['進度 60%', '本週', '錯誤率', 'x 暫停']) assert.is(hasTraditional(t), true, t);
  // A Traditional character beside an astral one (an emoji) is still found; a lone surrogate is no character of the table.
  assert.is(hasTraditional('🎉進度'), true);
  assert.is(foldHan('🎉進度'), '🎉进度');
  assert.is(hasTraditional('\ud800台'), false);
});

test.run();
