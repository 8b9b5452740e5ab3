import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nameSimilarity, suggestAliases } from '../../src/analyze/aliases.js';
import { rep } from './helpers.js';

const none = new Map<string, string>();

test('nameSimilarity: containment and shared bigrams score high, unrelated names low', () => {
  assert.ok(nameSimilarity('发票平台', '发票平台二期') >= 0.85);
  assert.ok(nameSimilarity('云盘同步项目', '云盘同步') >= 0.85);
  assert.ok(nameSimilarity('订单中心重构', '订单中心改造') >= 0.5);
  assert.ok(nameSimilarity('订单中心', '员工培训') < 0.2);
  assert.is(nameSimilarity('Ｘ系统', 'x系统'), 1);
});

test('finds a rename whose figure carries on, in the next report or the one after', () => {
  const reports = [
    // (Names that differ only by a kind-of-work suffix or an added part, `云盘同步项目` / `考勤打卡 V2` / `考勤打卡改版`, are
    // one item in the timeline already: timeline.test.ts. These differ inside a word or by a phase, so they are only suggested.)
    rep('2031-W20', [['云盘同步一期', 40, '后端'], ['考勤打卡', 10]]),
    rep('2031-W21', [['云盘同步', 45, '后端'], ['考勤打卡', 20]]),
    rep('2031-W22', [['云盘同步', 50, '后端'], ['考勤打卡二期', 20]]),
  ];
  const s = suggestAliases(reports, { aliases: none });
  assert.equal(
    s.map((x) => [x.from, x.to, x.evidence.lastSeen, x.evidence.firstSeen, x.evidence.fromPercent, x.evidence.toPercent]),
    [
      // Both names contain the other; the figure that carries on exactly (20 → 20) scores higher than a +5.
      ['考勤打卡', '考勤打卡二期', '2031-W21', '2031-W22', 20, 20],
      ['云盘同步一期', '云盘同步', '2031-W20', '2031-W21', 40, 45],
    ],
  );
  assert.ok(s[0]!.score >= s[1]!.score);
  assert.ok(s.every((x) => x.score >= 0.6 && x.score <= 1));
});

test('rejects a restart (60% → a new item at 5%), unrelated names and pairs already aliased', () => {
  const restart = [rep('2031-W20', [['数据迁移', 60]]), rep('2031-W21', [['数据迁移二期', 5]])];
  assert.equal(suggestAliases(restart, { aliases: none }), []);
  const unrelated = [rep('2031-W20', [['数据迁移', 60]]), rep('2031-W21', [['员工培训', 65]])];
  assert.equal(suggestAliases(unrelated, { aliases: none }), []);
  const renamed = [rep('2031-W20', [['数据迁移', 60]]), rep('2031-W21', [['数据迁移二期', 62]])];
  assert.is(suggestAliases(renamed, { aliases: none }).length, 1);
  assert.equal(suggestAliases(renamed, { aliases: new Map([['数据迁移', '数据迁移二期']]) }), []);
});

test('issue 10: continuity and position count, so --min-score 0 finds a rename with an unrelated new name', () => {
  // 资金清分平台 → 清结算中心 share no bigram; the figure carries on and the item keeps its place.
  const reports = [
    rep('2031-W20', [['对账平台', 45], ['资金清分平台', 50], ['对公代发', 72]]),
    rep('2031-W21', [['对账平台', 45], ['清结算中心', 55], ['对公代发', 85]]),
  ];
  assert.equal(suggestAliases(reports, { aliases: none }), [], 'not by default: the name says nothing');
  const all = suggestAliases(reports, { aliases: none, minScore: 0 });
  assert.equal(all.map((s) => [s.from, s.to]), [['资金清分平台', '清结算中心']]);
  assert.equal([all[0]!.evidence.nameSimilarity, all[0]!.evidence.continuity, all[0]!.evidence.position], [0, 0.9, 1]);
  // Out of place and jumping, the same pair scores lower.
  const moved = [
    rep('2031-W20', [['资金清分平台', 50], ['对账平台', 45], ['对公代发', 72]]),
    rep('2031-W21', [['对账平台', 45], ['对公代发', 85], ['清结算中心', 95]]),
  ];
  assert.ok(suggestAliases(moved, { aliases: none, minScore: 0 })[0]!.score < all[0]!.score);
});

test('issue 10: nothing already applied comes out (an alias, or a wording drift the timeline merged)', () => {
  const drift = [rep('2031-W20', [['结算2.0', 70, '灰度切换']]), rep('2031-W21', [['结算2.0', 85, '切流']])];
  assert.equal(suggestAliases(drift, { aliases: none, minScore: 0 }), []);
  const aliased = [rep('2031-W20', [['资金清分平台', 50]]), rep('2031-W21', [['清结算中心', 55]])];
  assert.equal(suggestAliases(aliased, { aliases: new Map([['资金清分平台', '清结算中心']]), minScore: 0 }), []);
});

test('renames are looked for within a team, never across teams', () => {
  const reports = [rep('2031-W20', [['数据迁移', 60]], 'a'), rep('2031-W21', [['数据迁移二期', 62]], 'b'), rep('2031-W21', [], 'a')];
  assert.equal(suggestAliases(reports, { aliases: none }), []);
});

test.run();
