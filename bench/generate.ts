// Synthetic department for the benchmark: N teams × M weekly reports in the Notion Markdown export format, deterministic from a seed.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatDate, parseWeekId, weekOfDate, weekStart, weeksInYear } from '../src/model/week.js';
import type { WeekId } from '../src/model/types.js';

export interface GenerateOptions {
  /** Folder to write into (one sub-folder per team); created when missing. */
  out: string;
  teams: number;
  weeks: number;
  seed?: number;
  /** First week of every team, e.g. `2021-W40` (the default crosses a year that starts on a Saturday). */
  startWeek?: WeekId;
}

/** What one generated file should yield: the figures the generator wrote, by kind. */
export interface GeneratedReport {
  /** Path relative to `out`. */
  file: string;
  team: string;
  week: WeekId;
  date: string;
  progress: number;
  kpi: number;
}

export interface Department {
  out: string;
  teams: string[];
  reports: GeneratedReport[];
  bytes: number;
}

// ------------------------------------------------------------------ seeded PRNG

/** mulberry32: tiny, fast, good enough to make a corpus identical across runs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(0, 15)];
    return s;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
  alnum(n: number): string {
    const cs = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += cs[this.int(0, cs.length - 1)];
    return s;
  }
}

// ------------------------------------------------------------------ vocabulary (our own, not the seeds')

const TEAM_NAMES = ['交易中台', '会员技术', '履约平台', '增长技术', '基础架构', '数据智能', '客服系统', '供应链', '财务系统', '安全合规', '门店数字化', '开放平台'];
const NOUNS = [
  '会员积分', '物流轨迹', '优惠券中心', '商家结算', '库存同步', '搜索推荐', '消息推送', '规则引擎', '电子发票', '电子合同',
  '客服工单', '经营看板', '权限中心', '配置中心', '灰度发布', '链路追踪', '日志平台', '容器化', '对象存储', '数据湖',
  '指标平台', '实验平台', '营销画布', '签约中心', '账单中心', '清分系统', '代扣通道', '退款链路', '聚合收银', '网关鉴权',
  '设备管理', '门店管理', '排班系统', '工单派发', '知识库', '智能客服', '报价引擎', '合同审批', '供应商门户', '价格中心',
];
const SUFFIXES = ['建设', '改造', '重构', '接入', '迁移', '升级', '治理', '优化', '一期', '二期', '平台化', '上云'];
const SUB_TASKS = ['存量数据清洗', '接口契约梳理', '历史单据迁移', '灰度切流', '监控告警补齐', '压测与容量评估', '权限模型收敛', '旧链路下线', '对账脚本改造', '配置项收敛'];
const METRIC_SETS: readonly (readonly string[])[] = [['前端', '后端'], ['客户端', '服务端'], ['开发', '测试'], ['前端', '后端', '测试']];
const SINGLE_METRICS = ['建模', '联调', '测试', '开发', '埋点'];
const COMMENTS = [
  '联调中', '下周进入灰度', '测试环境验证通过', '研发资源存在缺口，已向上协调', '需求评审完成，排期中', '等待上游接口排期',
  '本周完成方案评审', '线上试点两个城市，反馈良好', '压测结果符合预期', '遗留3个缺陷待修复', '与产品对齐了验收口径',
  '依赖方延期一周，风险可控', '已完成代码评审', '补充了回滚预案',
];
const KPI_SERVICES = ['下单接口', '支付回调', '库存扣减', '消息投递', '登录鉴权', '结算出款'];
const THEMES_O1 = ['业务支撑', '赋能一线', '商家服务', '用户增长'];
const THEMES_O2 = ['平台升级', '架构演进', '系统重构'];
const PROSE = [
  '这周和几位同学做了一次项目复盘，发现问题多半不是技术本身，而是需求在传递中被层层改写。',
  '我们习惯用上线来衡量进展，但业务真正关心的是问题有没有被解决，这两者之间还差一段验证。',
  '跨团队协作的成本往往被低估，提前把接口契约写清楚，比事后联调省下的时间要多得多。',
  '团队里新人比例上升，知识沉淀要从口口相传变成文档和代码评审，否则每次交接都会丢东西。',
  '降本不是简单地砍资源，而是找到浪费在哪里；先度量，再优化，最后固化成机制。',
  '稳定性的底线靠的是演练而不是侥幸，每季度至少一次真实的故障注入值得坚持下去。',
  '对外承诺的日期要留出缓冲，内部目标可以激进一些，但两者混在一起会让所有人都很被动。',
  '这周读了一篇关于技术债的文章，作者把技术债比作利息，越晚还代价越高，深有同感。',
];
const REFLECT = ['效率', '协作', '质量', '成长', '节奏', '目标', '复盘'];
const NEXT_WEEK = ['完成季度规划的第一版并与业务对齐', '推动遗留链路的下线评审', '组织一次跨团队的故障演练', '梳理招聘需求并更新岗位描述', '准备月度经营分析会材料', '跟进重点项目的验收标准'];
const OTHER = ['季度述职准备', '新同学入职培训', '参加架构委员会评审', '年度预算沟通', '团队OKR对齐'];
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

// ------------------------------------------------------------------ project lifecycle

type Style = 'multi' | 'progress' | 'completion' | 'fraction' | 'current' | 'metric' | 'overall';

interface Project {
  name: string;
  style: Style;
  /** Metric names for multi/metric styles. */
  metrics: string[];
  percents: number[];
  decimals: boolean;
  total: number;
  done: number;
  /** Weeks it stays at 100 before leaving the report. */
  linger: number;
}

const STYLES_O1: Style[] = ['multi', 'progress', 'completion', 'fraction', 'current', 'metric', 'progress', 'completion'];

class Team {
  readonly rng: Rng;
  private readonly used = new Set<string>();
  readonly o1: (Project | null)[];
  readonly umbrella: { name: string; subs: (Project | null)[] };
  readonly numbered: (Project | null)[];
  /** Progress lines nested two levels deep under a bullet, as in long account-migration lists. */
  readonly nested: (Project | null)[];
  readonly nestedGroup: string;
  readonly totals: (Project | null)[];
  readonly o3: (Project | null)[];
  readonly kpis: { name: string; value: number; group: '成功率' | '可用性' }[];
  readonly o1Theme: string;
  readonly o2Theme: string;

  constructor(readonly name: string, seed: number) {
    this.rng = new Rng(mulberry32(seed));
    const r = this.rng;
    this.o1Theme = r.pick(THEMES_O1);
    this.o2Theme = r.pick(THEMES_O2);
    this.o1 = Array.from({ length: r.int(6, 9) }, () => this.newProject(r.pick(STYLES_O1)));
    this.umbrella = { name: this.freshName(), subs: Array.from({ length: r.int(2, 4) }, () => this.newSub()) };
    this.numbered = Array.from({ length: r.int(3, 5) }, () => this.newProject('progress'));
    this.nested = Array.from({ length: r.int(2, 3) }, () => this.newProject(r.pick(['metric', 'progress'] as const)));
    this.nestedGroup = r.pick(NOUNS);
    this.totals = Array.from({ length: r.int(1, 2) }, () => this.newProject('completion', true));
    this.o3 = Array.from({ length: r.int(1, 2) }, () => this.newProject('overall'));
    const services = r.shuffle(KPI_SERVICES);
    this.kpis = [
      { name: `${services[0]}成功率`, value: 99.9, group: '成功率' },
      { name: `${services[1]}成功率`, value: 99.95, group: '成功率' },
      { name: `${r.pick(['核心系统', '交易链路', '对外服务'])}月度可用性`, value: 99.99, group: '可用性' },
    ];
  }

  private freshName(): string {
    const r = this.rng;
    for (let i = 0; ; i++) {
      const name = i < 50 ? `${r.pick(NOUNS)}${r.pick(SUFFIXES)}` : `${r.pick(NOUNS)}${r.pick(SUFFIXES)}${i}期`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }

  private newProject(style: Style, decimals = false): Project {
    const r = this.rng;
    const metrics = style === 'multi' ? [...r.pick(METRIC_SETS)] : style === 'metric' ? [r.pick(SINGLE_METRICS)] : [''];
    const total = r.int(20, 200);
    const done = r.int(0, Math.floor(total / 3));
    const start = () => (decimals ? r.int(0, 3000) / 100 : r.int(0, 30));
    return {
      name: this.freshName(),
      style,
      metrics,
      percents: metrics.map(start),
      decimals,
      total,
      done,
      linger: r.int(0, 1),
    };
  }

  private newSub(): Project {
    const p = this.newProject('completion', true);
    const r = this.rng;
    for (let i = 0; ; i++) {
      const name = `${r.pick(NOUNS)}${r.pick(SUB_TASKS)}${i < 50 ? '' : i}`;
      if (this.used.has(name)) continue;
      this.used.add(name);
      p.name = name;
      return p;
    }
  }

  /** Moves every project one week on: advance, stall, regress, finish, drop; refills empty slots. */
  advance(): void {
    const step = (slots: (Project | null)[], refill: () => Project) => {
      for (let i = 0; i < slots.length; i++) {
        const p = slots[i];
        if (!p) {
          if (this.rng.chance(0.6)) slots[i] = refill();
          continue;
        }
        if (this.finished(p)) {
          if (p.linger-- <= 0) slots[i] = null;
          continue;
        }
        if (this.rng.chance(0.02)) {
          slots[i] = null; // dropped without a word, as happens
          continue;
        }
        this.move(p);
      }
    };
    const r = this.rng;
    step(this.o1, () => this.newProject(r.pick(STYLES_O1)));
    step(this.numbered, () => this.newProject('progress'));
    step(this.nested, () => this.newProject(r.pick(['metric', 'progress'] as const)));
    step(this.totals, () => this.newProject('completion', true));
    step(this.o3, () => this.newProject('overall'));
    step(this.umbrella.subs, () => this.newSub());
    if (!this.umbrella.subs.some((s) => s !== null)) {
      this.umbrella.name = this.freshName();
      this.umbrella.subs[0] = this.newSub();
    }
    for (const k of this.kpis) {
      const base = k.group === '可用性' ? 99.99 : 99.9;
      k.value = Math.min(100, Math.round((base + (r.next() - 0.5) * 0.12) * 100) / 100);
    }
  }

  private finished(p: Project): boolean {
    return p.style === 'fraction' ? p.done >= p.total : p.percents.every((x) => x >= 100);
  }

  private move(p: Project): void {
    const r = this.rng;
    if (p.style === 'fraction') {
      const roll = r.next();
      if (roll < 0.25) return; // stalled
      if (roll < 0.29) p.done = Math.max(0, p.done - r.int(1, 3));
      else p.done = Math.min(p.total, p.done + r.int(1, Math.ceil(p.total / 8)));
      return;
    }
    const unit = p.decimals ? 100 : 1;
    p.percents = p.percents.map((x) => {
      const roll = r.next();
      if (x >= 100 || roll < 0.25) return x; // stalled (or this metric is done)
      const delta = roll < 0.29 ? -r.int(1, 8) : r.int(2, 14);
      const jitter = p.decimals ? r.int(0, 99) / unit : 0;
      const next = Math.round((x + delta + jitter) * 100) / 100;
      return Math.max(0, Math.min(100, next >= 99.5 && !p.decimals ? 100 : next));
    });
  }

  /** Weighted overall figure of the umbrella project. */
  umbrellaPercent(): number {
    const subs = this.umbrella.subs.filter((s): s is Project => !!s);
    return Math.round(subs.reduce((a, s) => a + s.percents[0]!, 0) / subs.length);
  }
}

// ------------------------------------------------------------------ rendering one report

function pct(x: number): string {
  return `${Number.isInteger(x) ? x : x.toFixed(2).replace(/0$/, '')}%`;
}

function fraction(p: Project): { percent: number; text: string } {
  const percent = Math.round((p.done * 100) / p.total);
  return { percent, text: `任务完成占比${percent}%（${p.done}/${p.total}）` };
}

/** One O1-style line and how many progress figures it states. */
function projectLine(t: Team, p: Project): [string, number] {
  const r = t.rng;
  const c = r.pick(COMMENTS);
  const v = p.percents;
  switch (p.style) {
    case 'multi':
      return [`${p.name}，${p.metrics.map((m, i) => `${m}进展${pct(v[i]!)}`).join('、')}，${c}`, p.metrics.length];
    case 'progress':
      return [`${p.name}，进度${pct(v[0]!)}；${c}`, 1];
    case 'completion':
      return [`${p.name}，${r.pick(['接口', '功能'])}完成度${pct(v[0]!)}，${c}`, 1];
    case 'fraction':
      return [`${p.name}：${fraction(p).text}，${c}。`, 1];
    case 'current':
      return [`${p.name}，当前进度${pct(v[0]!)}，${c}`, 1];
    case 'metric':
      return [`${p.name}，${p.metrics[0]}进度${pct(v[0]!)}，${c}`, 1];
    case 'overall':
      return [`${p.name}，整体进度${pct(v[0]!)}。${c}。`, 1];
  }
}

function renderReport(t: Team, week: WeekId, day: Date): { text: string; progress: number; kpi: number } {
  const r = t.rng;
  const { week: n } = parseWeekId(week);
  const ww = String(n).padStart(2, '0');
  const date = formatDate(day);
  const created = new Date(day.getFullYear(), day.getMonth(), day.getDate() + r.int(0, 3));
  const md = (d: Date) => `${d.getMonth() + 1}/${d.getDate()}`;
  const L: string[] = [];
  let progress = 0;
  let kpi = 0;

  L.push(`# 第${ww}周 ${date}`, '');
  L.push(`Created: ${created.getFullYear()}年${created.getMonth() + 1}月${created.getDate()}日 ${r.int(8, 23)}:${String(r.int(0, 59)).padStart(2, '0')}`, '');
  L.push(`# 第${ww}周 ${date.replace(/-/g, '/')}`, '', '# 上周进展', '');

  L.push('## 【系统运行数据】', '', '成功率：', '');
  for (const k of t.kpis.filter((k) => k.group === '成功率')) L.push(`- ${k.name}：${pct(k.value)}`), kpi++;
  L.push('', '可用性：', '');
  for (const k of t.kpis.filter((k) => k.group === '可用性')) L.push(`- ${k.name}：${pct(k.value)}`), kpi++;
  L.push(`- 故障数P1级${r.int(0, 1)}次，P2级${r.int(0, 3)}次`, '');

  L.push(`## 【O1 ${t.o1Theme}】`, '');
  for (const p of t.o1) {
    if (!p) continue;
    const [line, k] = projectLine(t, p);
    L.push(`- ${line}`);
    progress += k;
  }
  if (r.chance(0.5)) L.push(`- ${r.pick(NOUNS)}需求沟通，${md(day)}完成评审，下周给出排期`);
  L.push('');

  L.push(`## 【O2 ${t.o2Theme}】`, '');
  const subs = t.umbrella.subs.filter((s): s is Project => !!s);
  L.push(`### A. ${t.umbrella.name}`, '', '本周主要进展：', '', `项目整体进度${t.umbrellaPercent()}%`, '');
  progress++;
  subs.forEach((s, i) => {
    L.push(`${i + 1}. ${s.name}：${r.pick(COMMENTS)}（完成度${pct(s.percents[0]!)}）`);
    progress++;
  });
  L.push('', '### B. 其他重点项目', '');
  t.numbered.forEach((p, i) => {
    if (!p) return;
    L.push(`${i + 1}. ${p.name}进度${pct(p.percents[0]!)}；${r.pick(COMMENTS)}；${md(day)}同步进展`);
    progress++;
  });
  L.push('', `### C. ${r.pick(['数据治理', '存量迁移', '基础设施'])}`, '');
  for (const p of t.totals) {
    if (!p) continue;
    L.push(`- ${p.name}总进度：${pct(p.percents[0]!)}`, '    ');
    L.push(`    本周${r.pick(SUB_TASKS)}继续推进，涉及${r.int(20, 300)}张表，已完成${r.int(1, 20)}张的回归验证；`, '    ');
    progress++;
  }
  L.push('', `### D. ${t.nestedGroup}链路迁移`, '');
  L.push(`- ${t.nestedGroup}数据核对：`);
  L.push(`    1. 新旧两套${t.nestedGroup}数据旁路比对中，一周无新增差异。`);
  L.push(`    2. ${md(day)}完成历史数据补录，周末追平余额后开启下周切量`);
  L.push(`- ${t.nestedGroup}功能兼容：`);
  t.nested.forEach((p, j) => {
    if (!p) return;
    const v = pct(p.percents[0]!);
    L.push(`    ${j + 1}. ${p.name} ${p.style === 'metric' ? `${p.metrics[0]}进度${v}` : `进度${v}`}`);
    progress++;
  });
  L.push(`- ${t.nestedGroup}存量单据：`);
  L.push(`    1. 存量单持续消化(${r.int(10, 400)}单/${r.int(5, 120)}单)。`);
  L.push(`        - ${r.pick(COMMENTS)}，${md(day)}系统上线完毕，${r.pick(['华东', '华南', '西南'])}试点通过，节后全面切量。`);
  L.push('');

  L.push('## 【O3 稳定性与降本】', '');
  let i = 1;
  for (const p of t.o3) {
    if (!p) continue;
    const [line, k] = projectLine(t, p);
    L.push(`${i++}. ${line}`);
    progress += k;
  }
  L.push(`${i++}. 服务器缩容第${r.int(1, 4)}批完成，释放${r.int(10, 80)}台`);
  L.push(`${i++}. 生产稳定性事件：`);
  L.push(`- ${md(day)} ${r.int(0, 23)}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(KPI_SERVICES)}超时告警`);
  L.push('原因：下游数据库慢查询 处置：已加索引并补充限流', '');

  L.push('## 【其他】', '');
  const others = r.shuffle(OTHER).slice(0, r.int(1, 3));
  others.forEach((o, j) => L.push(`${j + 1}. ${o}`));
  L.push('', '# 本周收获与反思', '');
  L.push(`${r.pick(['这一周', '本周', '这周'])}${r.pick(['参加了季度规划会', '带队做了一次线上复盘', '和业务方开了两次对齐会'])}，有一些收获，记录如下：`, '');
  for (let j = r.int(3, 5); j > 0; j--) {
    const ps = r.shuffle(PROSE);
    L.push(`- 关于${r.pick(REFLECT)}：${ps[0]}${ps[1]}${r.chance(0.5) ? ps[2] : ''}`);
  }
  L.push('', r.pick(PROSE), '');
  L.push('# 下周工作及目标', '');
  if (r.chance(0.3)) for (let j = 1; j <= 4; j++) L.push(`${j}. `);
  else NEXT_WEEK.slice(0, r.int(2, 4)).forEach((x, j) => L.push(`${j + 1}. ${x}`));
  L.push('', '# 日报合集', '');
  L.push(`- [x]  ${r.pick(OTHER)}`, `- [ ]  ${r.pick(NEXT_WEEK)}`, '');
  for (let j = 0; j < 2; j++) {
    const d = new Date(day.getFullYear(), day.getMonth(), day.getDate() + j);
    const iso = formatDate(d);
    const wd = WEEKDAYS[(d.getDay() + 6) % 7]!;
    L.push(`[${iso.replace(/-/g, '/')} ${wd}](${iso}%20${wd}_${r.alnum(22)}.md)`, '');
  }
  return { text: L.join('\n'), progress, kpi };
}

// ------------------------------------------------------------------ the department

/** The week `n` weeks after `start` (by calendar, so year ends are crossed correctly). */
function weekAfter(start: WeekId, n: number): { week: WeekId; monday: Date } {
  const s = weekStart(start);
  const monday = new Date(s.getFullYear(), s.getMonth(), s.getDate() + 7 * n);
  return { week: weekOfDate(monday), monday };
}

export function teamName(i: number): string {
  return `${TEAM_NAMES[i % TEAM_NAMES.length]}${Math.floor(i / TEAM_NAMES.length) + 1}组`;
}

/**
 * Writes `teams × weeks` reports under `out/<team>/`. Team `i` depends only on (seed, i), so a smaller
 * department is a subset of a larger one with the same seed and start week.
 */
export function generateDepartment(opts: GenerateOptions): Department {
  const seed = opts.seed ?? 20230414;
  const start = opts.startWeek ?? '2021-W40';
  const { year, week } = parseWeekId(start);
  if (week < 1 || week > weeksInYear(year)) throw new Error(`no such week: ${start}`);
  const reports: GeneratedReport[] = [];
  const teams: string[] = [];
  let bytes = 0;
  for (let i = 0; i < opts.teams; i++) {
    const name = teamName(i);
    teams.push(name);
    const dir = path.join(opts.out, name);
    mkdirSync(dir, { recursive: true });
    const team = new Team(name, (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
    for (let w = 0; w < opts.weeks; w++) {
      if (w > 0) team.advance();
      const { week: id, monday } = weekAfter(start, w);
      // Most reports are written on Friday, some on the Monday after the week starts.
      const offset = team.rng.chance(0.8) ? 4 : 0;
      const day = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + offset);
      const { text, progress, kpi } = renderReport(team, id, day);
      const file = path.join(name, `第${id.slice(-2)}周 ${formatDate(day)} ${team.rng.hex(16)}.md`);
      writeFileSync(path.join(opts.out, file), text);
      bytes += Buffer.byteLength(text);
      reports.push({ file, team: name, week: id, date: formatDate(day), progress, kpi });
    }
  }
  return { out: opts.out, teams, reports, bytes };
}

// `node --import tsx bench/generate.ts --teams 10 --weeks 50 --out DIR [--seed N] [--start 2021-W40]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    process.stderr.write('usage: generate.ts --out DIR [--teams 10] [--weeks 50] [--seed N] [--start 2021-W40]\n');
    process.exit(2);
  }
  const dep = generateDepartment({
    out,
    teams: Number(arg('teams') ?? 10),
    weeks: Number(arg('weeks') ?? 50),
    seed: arg('seed') === undefined ? undefined : Number(arg('seed')),
    startWeek: arg('start') ?? undefined,
  });
  const prog = dep.reports.reduce((a, r) => a + r.progress, 0);
  const kpi = dep.reports.reduce((a, r) => a + r.kpi, 0);
  process.stdout.write(
    `${dep.reports.length} reports, ${dep.teams.length} teams, ${(dep.bytes / 1e6).toFixed(1)} MB, ${prog} progress + ${kpi} kpi figures → ${out}\n`,
  );
}
