// Issue 14: every word and message has a Chinese form, the catalogues cannot drift apart, and Chinese tables still line up.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffWeeks, history, seriesTable, stalledItems } from '../../src/analyze/index.js';
import * as R from '../../src/render/index.js';
import { langOf, langOfEnv } from '../../src/render/lang.js';
import { MESSAGES_ZH } from '../../src/render/messages-zh.js';
import { translate } from '../../src/render/messages.js';
import { messageSites } from '../../scripts/messages.js';
import { FORECAST } from '../../src/render/forecast.js';
import { rep } from '../analyze/helpers.js';
import { englishLeft, latinWords } from '../support/english.js';

const ZH = R.wordsFor('zh');
const ENGLISH_WORDS = R.wordsFor('en');
const none = new Map<string, string>();
const CJK = /[\u3400-\u9fff]/;

/** `columns.project: string`, `ingest.counts: function` … for every leaf; the vocabulary maps (empty in English: identity) as `status: map`. */
function shape(v: unknown, at = ''): string[] {
  if (typeof v !== 'object' || v === null) return [`${at}: ${typeof v}`];
  const keys = Object.keys(v);
  if (keys.length === 0) return [`${at}: map`];
  return keys.flatMap((k) => shape((v as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
}

test('every key of the words table exists in both languages, with the same kind of value', () => {
  const en = shape(ENGLISH_WORDS);
  // A vocabulary map (status words, kinds …) is empty in English, where the identifier is the word.
  const maps = en.filter((s) => s.endsWith(': map')).map((s) => s.slice(0, -': map'.length));
  const zh = shape(ZH).map((s) => maps.find((m) => s.startsWith(`${m}.`)) ?? s).map((s) => (maps.includes(s) ? `${s}: map` : s));
  assert.ok(en.length > 60, `${en.length} keys`);
  assert.equal([...new Set(zh)].sort(), [...new Set(en)].sort());
  // Functions take the same arguments (the type says so; this is what a JavaScript caller would trip on).
  const arity = (w: unknown, at: string): number => (at.split('.').reduce((o: any, k) => o[k], w) as (...a: unknown[]) => unknown).length;
  for (const leaf of en.filter((s) => s.endsWith(': function'))) {
    const at = leaf.replace(/: function$/, '');
    assert.is(arity(ZH, at), arity(ENGLISH_WORDS, at), at);
  }
});

test('the Chinese words name every status, kind and verdict, one word each, and hold no English', () => {
  for (const s of ['new', 'advanced', 'completed', 'done', 'stalled', 'regressed', 'dropped', 'resumed', 'paused', 'cancelled', 'slipping', 'improved', 'worsened', 'flat']) {
    assert.ok(ZH.status[s] && CJK.test(ZH.status[s]!), s);
  }
  // The words the issue asks for, consistent: one status, one word.
  assert.equal(
    ['new', 'advanced', 'completed', 'done', 'stalled', 'regressed', 'dropped', 'resumed', 'paused', 'cancelled', 'slipping'].map((s) => ZH.status[s]),
    ['新增', '推进', '完成', '已完成', '停滞', '倒退', '未再汇报', '恢复', '暂停', '取消', '延期风险'],
  );
  assert.is(new Set(Object.values(ZH.status)).size, Object.keys(ZH.status).length, 'no two statuses share a word');
  assert.equal([ZH.kinds.progress, ZH.kinds.kpi], ['进度', '指标']);
  assert.equal([ZH.verdicts.progress, ZH.verdicts.kpi, ZH.verdicts.ignored], ['进度', '指标', '忽略']);
  const strings: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  // csvHeaders and htmlLang are settings (an identifier and a BCP 47 tag), not words a reader sees.
  const { csvHeaders, htmlLang, ...shown } = ZH;
  assert.equal([csvHeaders, htmlLang], ['words', 'zh']);
  walk(shown);
  for (const s of strings) {
    // A command to copy (`milestones alias suggest`) stays as typed.
    assert.equal([...latinWords(s.replace(/`[^`]*`/g, ''))], [], s);
  }
});

test('every message of the code has a Chinese entry (scripts/messages.ts lists the missing ones)', () => {
  const sites = messageSites();
  assert.ok(sites.length > 300, `${sites.length} messages found`);
  const missing = sites.filter((s) => MESSAGES_ZH[s.id] === undefined).map((s) => `${s.at}: ${s.id}`);
  // A new message is one line in src/render/messages-zh.ts: `node --import tsx scripts/messages.ts` prints them ready to fill in.
  assert.equal(missing, [], 'messages without a Chinese line in src/render/messages-zh.ts (node --import tsx scripts/messages.ts lists them)');
});

test('each Chinese entry is Chinese, uses only its own placeholders, and keeps English only where it copies the message (commands, flags, names)', () => {
  for (const [id, zh] of Object.entries(MESSAGES_ZH)) {
    const placeholders = (s: string) => new Set(s.match(/\{\d+\}/g) ?? []);
    for (const p of placeholders(zh)) assert.ok(placeholders(id).has(p), `${id}: ${p} is not a placeholder of the message`);
    const prose = latinWords(id.replace(/\{\d+\}/g, ' ').replace(/`[^`]*`/g, ' ')).size > 0;
    if (prose && id !== '{0}: {1} — {2}') assert.ok(CJK.test(zh), `${id}: "${zh}" is not Chinese`);
    const idWords = latinWords(id);
    for (const w of latinWords(zh)) assert.ok(idWords.has(w), `${id}: "${w}" in "${zh}" is English the message does not have`);
  }
});

test('a message is translated through its id, with its pieces put back and the pieces that are messages translated too', () => {
  // Every id, filled with markers, comes back as its own translation: no other entry shadows it.
  let n = 0;
  for (const [id, zh] of Object.entries(MESSAGES_ZH)) {
    if (!/\{\d+\}/.test(id)) {
      assert.is(translate(id, 'zh'), zh, id);
      continue;
    }
    const fill = (s: string) => s.replace(/\{(\d+)\}/g, (_, i) => `‹${i}›`);
    assert.is(translate(fill(id), 'zh'), fill(zh), id);
    n++;
  }
  assert.ok(n > 100, `${n} templates`);
  assert.is(translate('unknown week "W20"', 'zh'), '未知的周次 "W20"');
  assert.is(
    translate("week label W53 does not exist in 2023 (it has 52 weeks); using the date's week 2023-W05", 'zh'),
    '2023 年没有第 W53 周（该年只有 52 周）；改用日期所在的周 2023-W05',
  );
  assert.is(translate('in section "本周收获与反思"', 'zh'), '位于章节 "本周收获与反思"');
  // English stays English; text nobody translated passes through as written.
  assert.is(translate('unknown week "W20"', 'en'), 'unknown week "W20"');
  assert.is(translate('数据仓库迁移', 'zh'), '数据仓库迁移');
  assert.is(translate('Checkout v2', 'zh'), 'Checkout v2');
});

test('the locale decides as POSIX does: LC_ALL, then LC_MESSAGES, then LANG; zh* is Chinese, anything else English', () => {
  assert.is(langOfEnv({ LANG: 'zh_CN.UTF-8' }), 'zh');
  assert.is(langOfEnv({ LANG: 'zh_TW.Big5' }), 'zh');
  assert.is(langOfEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.is(langOfEnv({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
  assert.is(langOfEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN' }), 'zh');
  assert.is(langOfEnv({ LANG: 'C.UTF-8' }), 'en');
  assert.is(langOfEnv({}), 'en');
  assert.is(langOf('zh-CN'), 'zh');
  assert.is(langOf('EN'), 'en');
  assert.is(langOf('zhx'), undefined);
  assert.is(langOf('fr'), undefined);
});

const weeks = [
  rep('2031-W10', [['审批流', 20], ['报表中心', 5, '前端'], ['收银台', 60], ['成功率', 99.1, null, 'kpi']]),
  rep('2031-W11', [['审批流', 35], ['报表中心', 5, '前端'], ['收银台', 60], ['成功率', 99.3, null, 'kpi']]),
  rep('2031-W13', [['审批流', 30], ['报表中心', 5, '前端'], ['新网关', 10], ['成功率', 99.3, null, 'kpi']]),
];

/** The display columns of a text table line: where each column starts, read from the dashed separator. */
function columnsOf(separator: string): [number, number][] {
  return [...separator.matchAll(/-+/g)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** A line as one cell per display column (a double-width character fills two). */
function cells(line: string): string[] {
  return [...line].flatMap((ch) => (R.width(ch) === 2 ? [ch, ''] : [ch]));
}

test('Chinese tables line up by display width: double-width headers and status words, the dashes as wide as each column', () => {
  const diff = R.render(R.DIFF, diffWeeks(weeks, { from: '2031-W11', to: '2031-W13', aliases: none }), 'text', { lang: 'zh' }).text;
  const stalled = R.render(R.STALLED, stalledItems(weeks, { asOf: '2031-W13', minReports: 2, aliases: none }), 'text', { lang: 'zh' }).text;
  assert.match(diff, /^项目\s+分项\s+上期\s+本期\s+变化\s+状态$/m);
  assert.match(diff, /^倒退 1 · 未再汇报 1 · 停滞 1 · 新增 1 · 推进 0 · 完成 0$/m);
  for (const out of [diff, stalled]) {
    const lines = out.split('\n');
    for (let s = 1; s < lines.length; s++) {
      if (!/^-+(  -+)*$/.test(lines[s]!)) continue;
      const spans = columnsOf(lines[s]!);
      const header = lines[s - 1]!;
      const end = lines.findIndex((l, i) => i > s && l === '');
      const rows = [header, ...lines.slice(s + 1, end < 0 ? lines.length : end)];
      assert.ok(rows.length > 1, out);
      for (const row of rows) {
        const c = cells(row);
        assert.ok(c.length <= spans[spans.length - 1]![1], `${row}: wider than its table`);
        // The two columns between spans are blank in every row: nothing crosses a column.
        for (const [start] of spans.slice(1)) assert.is(`${c[start - 2] ?? ' '}${c[start - 1] ?? ' '}`, '  ', `${row} at column ${start}`);
        // Every column has its header word inside it.
        if (row === header) for (const [start, stop] of spans) assert.ok(c.slice(start, stop).join('').trim() !== '', `${row}: no header in ${start}–${stop}`);
      }
    }
  }
});

test('Chinese CSV: header words and status words for the spreadsheet, numbers as numbers; English CSV and JSON unchanged', () => {
  const t = seriesTable(weeks, { aliases: none });
  const zh = R.render(R.EXPORT, { long: false, series: t }, 'csv', { lang: 'zh' }).text;
  const en = R.render(R.EXPORT, { long: false, series: t }, 'csv', { lang: 'en' }).text;
  const zhLines = zh.slice(1).split('\r\n');
  assert.ok(zh.startsWith('\uFEFF'));
  assert.is(zhLines[0], '团队,项目,分项,类型,2031-W10,2031-W11,2031-W13,变化,状态');
  assert.ok(zhLines.includes(',审批流,,进度,20,35,30,-5,倒退'), zh);
  assert.is(en.slice(1).split('\r\n')[0], 'team,project,metric,kind,2031-W10,2031-W11,2031-W13,delta,status');
  assert.ok(en.includes(',审批流,,progress,20,35,30,-5,regressed'));
  const d = diffWeeks(weeks, { from: '2031-W11', to: '2031-W13', aliases: none });
  assert.is(R.render(R.DIFF, d, 'json', { lang: 'zh' }).text, R.render(R.DIFF, d, 'json', { lang: 'en' }).text);
});

test('every report type writes one header word per CSV column in Chinese, never two columns under one header', () => {
  const h = history(weeks.map((r) => ({ ...r, measures: r.measures.map((m) => ({ ...m, section: [], text: `${m.project} ${m.percent}%` })) })), '审批流', { aliases: none });
  const obs = R.toExportObservations([{ week: '2031-W10', date: null, team: '', source: 'w10.md', observations: [{ project: '审批流', metric: null, percent: 20, kind: 'progress', line: 1, section: [], text: '审批流 20%' }] }]);
  const cases: [string, string][] = [
    ['diff', R.render(R.DIFF, diffWeeks(weeks, { from: '2031-W11', to: '2031-W13', aliases: none }), 'csv', { lang: 'zh' }).text],
    ['stalled', R.render(R.STALLED, stalledItems(weeks, { asOf: '2031-W13', minReports: 2, aliases: none }), 'csv', { lang: 'zh' }).text],
    ['history', R.render(R.HISTORY, h, 'csv', { lang: 'zh' }).text],
    ['export --long', R.render(R.EXPORT, { long: true, observations: obs }, 'csv', { lang: 'zh' }).text],
    ['show', R.render(R.SHOW, R.toShowData('2031-W10', [{ source: 'w10.md', date: null, team: '', observations: obs }]), 'csv', { lang: 'zh' }).text],
    ['check', R.render(R.CHECK, { files: [{ file: 'a.md', week: null, date: null, findings: [], warnings: [] }] }, 'csv', { lang: 'zh' }).text],
    ['alias suggest', R.render(R.SUGGESTIONS, { suggestions: [], applied: false }, 'csv', { lang: 'zh' }).text],
    ['alias list', R.render(R.ALIASES, { aliases: [] }, 'csv', { lang: 'zh' }).text],
    ['weeks', R.render(R.WEEKS, { weeks: [] }, 'csv', { lang: 'zh' }).text],
    ['diff --by-team', R.render(R.DIFF_BY_TEAM, { from: '2031-W11', to: '2031-W13', teams: [{ team: '平台', counts: { stalled: 1, advanced: 2 }, items: 3 }, { team: '数据', counts: {}, items: 0, missing: '2031-W13' }] }, 'csv', { lang: 'zh' }).text],
    ['forecast', R.render(FORECAST, { asOf: '2031-W13', today: '2031-03-28', items: [{ team: '', project: '审批流', metric: null, values: [20, 30, 40], forecast: { state: 'forecast', points: 3, percent: 40, pace: 10, eta: '2031-05-09', low: '2031-05-01', high: null, due: '2031-04-30', slipping: true, reason: 'after-due' } as never }] }, 'csv', { lang: 'zh' }).text],
  ];
  for (const [name, csv] of cases) {
    const header = csv.slice(1).split('\r\n')[0]!.split(',');
    assert.is(new Set(header).size, header.length, `${name}: ${header.join(',')}`);
    assert.equal(englishLeft(header.join(' '), []), [], `${name}: ${header.join(',')}`);
  }
});

test.run();

test('a page declares the language of its own words, and a report without a team names it in the reader’s words', () => {
  const d = { from: '2031-W11', to: '2031-W13', teams: [{ team: '', counts: { advanced: 2 }, items: 2 }] };
  for (const [lang, tag, noTeam] of [['en', 'en', '(no team)'], ['zh', 'zh', '（无团队）']] as const) {
    const page = R.render(R.DIFF_BY_TEAM, d, 'html', { lang }).text;
    assert.match(page, new RegExp(`<html lang="${tag}">`), lang);
    assert.ok(R.render(R.DIFF_BY_TEAM, d, 'text', { lang }).text.includes(noTeam), `${lang}: ${noTeam}`);
  }
  // Scripts read the team as it is stored.
  assert.ok(R.render(R.DIFF_BY_TEAM, d, 'csv', { lang: 'en' }).text.split(/\r?\n/)[1]!.startsWith(','));
});
