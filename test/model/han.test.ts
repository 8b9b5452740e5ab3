import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { foldHan } from '../../src/model/han.js';

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

test.run();
