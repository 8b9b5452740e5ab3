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
    rep('2031-W20', [['云盘同步项目', 40, '后端'], ['考勤打卡', 10]]),
    rep('2031-W21', [['云盘同步', 45, '后端'], ['考勤打卡', 20]]),
    rep('2031-W22', [['云盘同步', 50, '后端'], ['考勤打卡V2', 20]]),
  ];
  const s = suggestAliases(reports, { aliases: none });
  assert.equal(
    s.map((x) => [x.from, x.to, x.evidence.lastSeen, x.evidence.firstSeen, x.evidence.fromPercent, x.evidence.toPercent]),
    [
      ['云盘同步项目', '云盘同步', '2031-W20', '2031-W21', 40, 45],
      ['考勤打卡', '考勤打卡V2', '2031-W21', '2031-W22', 20, 20],
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

test('renames are looked for within a team, never across teams', () => {
  const reports = [rep('2031-W20', [['数据迁移', 60]], 'a'), rep('2031-W21', [['数据迁移二期', 62]], 'b'), rep('2031-W21', [], 'a')];
  assert.equal(suggestAliases(reports, { aliases: none }), []);
});

test.run();
