// Entry point: commander wiring only; each command's module is imported when it runs, so --help stays fast.

import type * as Commander from 'commander';
import { createRequire } from 'node:module';
import { escapeControls } from '../model/display.js';
import { MilestonesError } from '../model/errors.js';
import { listExtensions } from '../read/registry.js';
import { FORMAT_NAMES, WORKBOOK_FORMATS, type OutputFormat } from '../render/format-names.js';
import { langOf, type Lang } from '../render/lang.js';
import { translate } from '../render/messages.js';
import { runLang } from './lang.js';
import { current, processIo, withIo, type Io } from './io.js';
import type { GlobalOptions } from './options.js';
import { describeError, say, setLang } from './output.js';

const require = createRequire(import.meta.url);

// commander is CommonJS: required directly, it is not first scanned for its export names (as an
// ESM import of it is), a sixth of what `--help` costs beyond bare node.
const { Command, CommanderError, Help, InvalidArgumentError, Option } = require('commander') as typeof Commander;
type Command = Commander.Command;
type Help = Commander.Help;

/**
 * Runs one command line (`argv` as in process.argv: node, script, arguments) writing to `io`
 * (default: this process's stdout, stderr and environment); resolves to the exit code. Nothing
 * of the run is left in process-wide state: bin/milestones.js sets process.exitCode from the result.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  return withIo(io, async () => {
    installPipeHandler(io);
    const exit = { code: 0 };
    try {
      // Decided first: --help and commander's own errors speak the reader's language too.
      const lang = await runLang(argv.slice(2), io.env, process.cwd());
      setLang(lang);
      const width = lang === 'en' ? undefined : await cjkWidth();
      const program = buildProgram(lang, width, exit);
      await program.parseAsync(argv);
      return exit.code;
    } catch (err) {
      return reportError(err);
    }
  });
}

/** Each command declares its own options type; commander hands them over untyped (hence `never` here). */
type CommandModule = { run(o: GlobalOptions, cmdOpts: never, args: unknown[]): Promise<number> };

/** Each command's module, loaded only when that command runs (so --help never loads the store or the readers). */
const COMMANDS = {
  ingest: () => import('./commands/ingest.js'),
  weeks: () => import('./commands/weeks.js'),
  show: () => import('./commands/show.js'),
  diff: () => import('./commands/diff.js'),
  stalled: () => import('./commands/stalled.js'),
  history: () => import('./commands/history.js'),
  export: () => import('./commands/export.js'),
  check: () => import('./commands/check.js'),
  report: () => import('./commands/report.js'),
  forecast: () => import('./commands/forecast.js'),
  'alias-add': () => import('./commands/alias-add.js'),
  'alias-list': () => import('./commands/alias-list.js'),
  'alias-remove': () => import('./commands/alias-remove.js'),
  'alias-suggest': () => import('./commands/alias-suggest.js'),
} satisfies Record<string, () => Promise<CommandModule>>;

/** Commander's parsed global options plus per-command ones, merged into our typed object by options.ts. */
type Raw = Record<string, unknown>;

/**
 * The output options of every read command, declared here once: `--format` (every format of
 * render/format-names.ts), `--json`, `--out FILE` (`-` is stdout; the format follows the extension).
 */
function withOutput(cmd: Command, fallback: OutputFormat = 'text', formats: readonly OutputFormat[] = FORMAT_NAMES): Command {
  return cmd
    .option('--format <format>', `${formats.join(', ')} (default: from --out's extension, else ${fallback})`)
    .option('--json', 'same as --format json')
    .option('--out <file>', 'write the result to FILE instead of stdout (- is stdout)');
}

/**
 * The command line, without running anything: main() parses with it, the README's command
 * reference is generated from it. In another language than English every description, the
 * help's headings and commander's own errors are translated (`width`: display columns of a
 * string, for wrapping Chinese help text). A command's exit code is put in `exit`.
 */
export function buildProgram(lang: Lang = 'en', width?: (s: string) => number, exit: { code: number } = { code: 0 }): Command {
  const { version } = require('../../package.json') as { version: string };
  const t = (s: string) => translate(s, lang);
  const program = new Command('milestones')
    // Before any subcommand is declared: they inherit the help option, help command and output settings.
    .helpOption('-h, --help', t('display help for command'))
    .helpCommand('help [command]', t('display help for command'))
    .description('Track progress percentages of weekly reports (周报) over time: diff weeks, flag stalled, regressed, dropped and completed projects.')
    .version(version, '-V, --version', t('output the version number'))
    .option('--db <file>', 'database file (default: $MILESTONES_DB, else "db" in the configuration file, else data/milestones.json)')
    .option('--config <file>', 'configuration file (default: ./milestones.config.json when present)')
    .option('--team <name>', 'only this team (ingest: the team the reports belong to)')
    .addOption(new Option('--week-scheme <scheme>', 'week numbering').choices(['reporter', 'iso']))
    .option('--no-color', 'never colour the output (also: NO_COLOR)')
    .option('-q, --quiet', 'no notes on stderr (what was resolved, swapped, written; progress); warnings and errors still')
    .addOption(
      new Option('--lang <lang>', 'language of the output: zh or en (default: "lang" in the configuration file, else the locale: LC_ALL, LC_MESSAGES, LANG)').argParser(
        (value) => {
          const l = langOf(value);
          if (!l) throw new InvalidArgumentError(t('Languages: zh, en.'));
          return l;
        },
      ),
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => current().io.stdout.write(s),
      writeErr: (s) => current().io.stderr.write(s),
      // commander's own default reads process.stdout; 80 columns when not a terminal, as commander does.
      getOutHelpWidth: () => (current().io.stdout.isTTY ? current().io.stdout.columns : undefined) ?? 80,
      getErrHelpWidth: () => (current().io.stderr.isTTY ? current().io.stderr.columns : undefined) ?? 80,
      outputError: (s, write) => write(commanderError(s)),
    });
  if (lang !== 'en') program.configureHelp(helpIn(lang, width));

  const run = (name: keyof typeof COMMANDS) =>
    async function (this: Command, ...args: unknown[]) {
      const cmd = this;
      const { globalOptions } = await import('./options.js');
      const opts: GlobalOptions = await globalOptions(program.opts() as Raw, current().io.env, process.cwd());
      const mod = await COMMANDS[name]();
      const code = await mod.run(opts, cmd.opts() as never, args.slice(0, -2));
      if (code) exit.code = code;
    };

  program
    .command('ingest')
    .summary('read reports (files or folders, recursively) into the database')
    .description(
      `Reads report files and folders (recursively: ${listExtensions()}; files of other types are counted in one ` +
        'note, "skipped 2 files of other types: .png, .xlsx"), on one worker thread per core, ' +
        'committing every 500 reports. One report per team and week: an unchanged file is skipped without being read; ' +
        'a changed file, or another file of the same team and week, replaces the earlier one and says so; two files of one run claiming ' +
        'the same team and week keep the one with the later date inside it (on equal dates, the path that sorts last), the other reported as a conflict. ' +
        'Prints a line per file as it is committed; on a terminal (not when piped, not under CI, not with --quiet) ' +
        'a run longer than a second shows a progress bar on stderr (files done / total, reports/s, ETA). ' +
        'A bad file is reported and skipped, the rest are ingested, and the exit code is 1.',
    )
    .argument('<path...>', `report files (${listExtensions()}) or folders`)
    .option('--team-from-folder', "each file's team is the first folder below the path given")
    .option('--week <week>', 'force the week of every file (e.g. 2023-W16 or a date)')
    .option('--max-size <size>', 'refuse files larger than this (e.g. 20MB)', '20MB')
    .option('--json', 'print the result as JSON')
    .option('--jobs <n>', 'files read at once, on that many threads (default: one per core; 1 reads in the main thread)')
    .action(run('ingest'));

  withOutput(
    program
      .command('weeks')
      .summary('list the stored reports by week')
      .description('The stored reports, one row each: week, date, team, source, progress and KPI counts.'),
  ).action(run('weeks'));

  withOutput(
    program
      .command('show')
      .summary('every observation of a week')
      .description('Every observation of a week, grouped by report and section, with its source line.')
      .argument('<week>', 'W16, 16, 2023-W16, a date, latest, previous')
      .option('--kpi', 'only operating figures (kpi)'),
  ).action(run('show'));

  withOutput(
    program
      .command('diff')
      .summary('compare two weeks (one week: against the report before it; none: the two latest)')
      .description(
        'Statuses per item between two weeks (see Statuses). They need not be adjacent, may be given in either ' +
          'order, and the reports in between count: an item that reached 100% or was stated paused in between says ' +
          'so, one last seen in between shows its last figure, one that skipped reports is resumed against its last ' +
          'figure. One week (diff W16, diff latest) compares it with the stored week before it; none compares the two ' +
          'latest. Attention first: regressed, dropped, stalled; then new, resumed, advanced, completed; paused and ' +
          'cancelled items in a table of their own; a summary line of counts. KPIs are a section of their own, with ' +
          'their direction (improved, worsened, flat), and never count as stalled projects.',
      )
      .argument('[from]', 'the earlier week (W16, 16, 2023-W16, a date, latest, previous); alone: the week to compare with the report before it')
      .argument('[to]', 'the later week (default: latest)')
      .option('--by-team', 'one summary line per team (its counts of each status) instead of one row per item'),
  ).action(run('diff'));

  withOutput(
    program
      .command('stalled')
      .summary('items whose percentage has not increased for N reports')
      .description(
        'Items below 100% whose figure has not increased for at least N consecutive reports, with the week since ' +
          'which it has not increased, the week it last changed at all, and the calendar weeks spanned. ' +
          'Weeks without a report (holidays) are neither progress nor stall.',
      )
      .option('--weeks <n>', 'minimum number of reports without increase (default 2, or stalledWeeks in the configuration)')
      .option('--as-of <week>', 'the week to count up to (default: latest)'),
  ).action(run('stalled'));

  withOutput(
    program
      .command('history')
      .summary("one project's figures over time, with how its report line changed")
      .description(
        "One project's figures report by report (through aliases), and how its report line changed " +
          '(a character diff: [-removed-]{+added+}).',
      )
      .argument('<project>', 'project name (or part of it)')
      .option('--no-text', 'leave out the narrative diff'),
  ).action(run('history'));

  withOutput(
    program
      .command('export')
      .summary('everything stored, for planning meetings')
      .description(
        'Everything stored: one row per item, one column per week, then the latest change and status ' +
          '(--long: one row per observation, with its source line). CSV is UTF-8 with a BOM for Excel; ' +
          'JSON is a flat array of observations with week, date and team; xlsx (--out FILE.xlsx) is a workbook: ' +
          'a summary sheet and one sheet per team with the week columns, Δ, status, forecast and due date, ' +
          'status cells coloured with the words written.',
      )
      .option('--from <week>', 'first week (W16, 2023-W16, a date, latest, previous)')
      .option('--to <week>', 'last week (the two may come in either order)')
      .option('--long', 'one row per observation (with its source line) instead of one row per item')
      .option('--today <date>', 'the date forecasts are made on (default: the date of the latest report in range)'),
    'csv',
    WORKBOOK_FORMATS,
  ).action(run('export'));

  withOutput(
    program
      .command('forecast')
      .summary('when each item will reach 100%, and which will miss their stated due date')
      .description(
        "Per item still below 100%: its trend, pace (points a week), the forecast date of 100% and its range, from a " +
          'robust trend (Theil–Sen) over its last six reports; none from fewer than three reports or a trend that ' +
          'does not rise (the note says which). Due dates are those the reports state (预计5月底上线, 计划完成：…, ETA …). ' +
          'slipping: the whole forecast range lies after the due date, or (without a forecast) the pace needed to make ' +
          'it is more than twice the pace seen, or the due date has passed. Slipping items first.',
      )
      .option('--as-of <week>', 'the latest week to use (default: latest)')
      .option('--today <date>', 'the date forecasts are made on (default: the date of the latest report)'),
  ).action(run('forecast'));

  withOutput(
    program
      .command('report')
      .summary('the planning-meeting page: trends, forecasts against due dates, what needs attention')
      .description(
        'One self-contained HTML file (no network request, no script; inline CSS and SVG; prints on A4 landscape, ' +
          'one page per team): a headline of status counts, what needs attention (regressed, dropped, stalled, ' +
          'paused, cancelled, slipping) with the source line of each figure, per team a table with a sparkline, ' +
          'last Δ, status, forecast and due date, KPIs apart, a burn-up chart per project, and a word-level diff of ' +
          'every report line that changed. Statuses are those of `diff` between --to and the report before it; ' +
          'the charts cover --from to --to (default: the 13 weeks up to the latest). Written to report.html unless ' +
          '--out says otherwise (- is stdout); --format json, md or text give the same content as data or tables.',
      )
      .option('--from <week>', 'first week charted (default: 13 weeks before --to)')
      .option('--to <week>', 'the week reported on (default: latest)')
      .option('--today <date>', 'the date forecasts are made on (default: the date of the latest report)'),
    'html',
    ['html', 'json', 'md', 'text'],
  ).action(run('report'));

  withOutput(
    program
      .command('check')
      .summary('explain every percentage of report files, without touching the database')
      .description(
        'No database: every percentage of the files, with what the extractor made of it ' +
          '(progress, kpi, or ignored and why). On a terminal, many files show a progress bar.',
      )
      .argument('<file...>', 'report files or folders')
      .option('--max-size <size>', 'refuse files larger than this', '20MB'),
  ).action(run('check'));

  const alias = program
    .command('alias')
    .summary('names that mean the same project across weeks')
    .description(
      'Names that mean the same project. Aliases live in the database and survive re-ingesting. A rename a report ' +
        'states (清结算中心（原“资金清分平台”）, 由X更名为Y, X更名为Y, 原名X, renamed from X, formerly X, a 备注 cell 由X更名) ' +
        'is recorded when the report is ingested, with the line as evidence.',
    );
  alias
    .command('add')
    .summary('record that NAME is another name of CANONICAL')
    .description(
      'Records that NAME is another name of CANONICAL. A canonical name that is itself an alias is refused ' +
        '(the message names the one to use); a NAME that occurs in no stored report is recorded with a warning.',
    )
    .argument('<name>', 'the other name (usually the older one)')
    .argument('<canonical>', 'the name every command shows')
    .action(run('alias-add'));
  withOutput(
    alias
      .command('list')
      .summary('list the aliases')
      .description('The aliases, from the database, from renames the reports stated (with the line that said so) and from the configuration file.'),
  ).action(run('alias-list'));
  alias
    .command('remove')
    .summary('forget an alias')
    .description('Forgets a stored alias. A rename a report stated is switched off for good: re-ingesting the report does not restore it.')
    .argument('<name>', 'the alias')
    .action(run('alias-remove'));
  withOutput(
    alias
      .command('suggest')
      .summary('find likely renames (an item that vanished while another carried on its figure)')
      .description(
        'Finds items that vanished while another item appeared in the same or the next report, and scores each pair ' +
          'on name similarity (0.45), continuity of the figures (0.25), place in the report (0.15) and closeness in ' +
          'time (0.15), with that evidence. Pairs already merged (an alias, a stated rename, a metric-wording drift) ' +
          'never come out. --apply records them and lists what it recorded.',
      )
      .option('--apply', 'record every suggestion')
      .option('--min-score <n>', 'only suggestions scoring at least this (0–1; default 0.6)'),
  ).action(run('alias-suggest'));

  if (lang !== 'en') translateDescriptions(program, lang);
  return program;
}

/** Every description, summary, option and argument text of a command tree in `lang`. */
function translateDescriptions(cmd: Command, lang: Lang): void {
  const t = (s: string) => translate(s, lang);
  cmd.description(t(cmd.description()));
  if (cmd.summary()) cmd.summary(t(cmd.summary()));
  for (const o of cmd.options) o.description = t(o.description);
  for (const a of cmd.registeredArguments) a.description = t(a.description);
  for (const sub of cmd.commands) translateDescriptions(sub, lang);
}

/** The help's headings and commander's `(default: …)` notes in `lang`; Chinese text wrapped between characters, measured in display columns. */
function helpIn(lang: Lang, width: ((s: string) => number) | undefined): Partial<Help> {
  const t = (s: string) => translate(s, lang);
  const extra = (s: string) =>
    s.replace(/ \(((?:choices|default|preset|env): .*)\)$/, (_, inner: string) => t(`(${inner})`));
  return {
    styleTitle: (title) => t(title),
    styleOptionText: (word) => (word === '[options]' ? t(word) : word),
    styleSubcommandText: (word) => (word === '[command]' ? t(word) : word),
    optionDescription(option) {
      return extra(Help.prototype.optionDescription.call(this, option));
    },
    argumentDescription(argument) {
      return extra(Help.prototype.argumentDescription.call(this, argument));
    },
    ...(width ? { displayWidth: (s: string) => width(s.replace(/\u001b\[[\d;]*m/g, '')), boxWrap: wrapCjk(width) } : {}),
  };
}

/**
 * commander's boxWrap breaks lines at blanks only, and Chinese has none: this one may also break
 * before any CJK character (not before closing punctuation), and measures display columns.
 */
function wrapCjk(width: (s: string) => number) {
  return function boxWrap(this: Help, str: string, columns: number): string {
    if (columns < this.minWidthToWrap) return str;
    // A chunk is one CJK character or a run of other text, with any closing punctuation glued after it.
    const close = '\\u3001\\u3002\\u300b\\u300d\\u300f\\u3011\\u3015\\uff01\\uff09\\uff0c\\uff1a\\uff1b\\uff1f';
    const cjk = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
    const chunk = new RegExp(`\\s*(?:[${cjk}]|[^\\s${cjk}]+)[${close}]*|\\s*[${close}]+`, 'gu');
    return str
      .split(/\r\n|\n/)
      .map((line) => {
        const chunks = line.match(chunk);
        if (!chunks) return '';
        const out: string[] = [];
        let current = chunks.shift()!;
        for (const c of chunks) {
          if (width(current + c) <= columns) current += c;
          else {
            out.push(current);
            current = c.trimStart();
          }
        }
        out.push(current);
        return out.join('\n');
      })
      .join('\n');
  };
}

/** Display columns of help text (CJK counts two), loaded only for a language that needs it. */
async function cjkWidth(): Promise<(s: string) => number> {
  const { eastAsianWidth } = await import('get-east-asian-width');
  return (s) => {
    let w = 0;
    for (const ch of s) w += eastAsianWidth(ch.codePointAt(0)!);
    return w;
  };
}

/**
 * commander's own error (`error: unknown option '--x'` and a `(Did you mean --y?)` line) as our
 * errors look (`milestones: error: …`), in the reader's language.
 */
function commanderError(text: string): string {
  return text
    .split('\n')
    .map((line, i) => {
      if (line === '') return line;
      const body = escapeControls(say(i === 0 ? line.replace(/^error: /, '') : line));
      return i === 0 ? `milestones: ${say('error')}: ${body}` : body;
    })
    .join('\n');
}

/** Maps any error to its exit code and prints it; a user's mistake never shows a stack trace. */
function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // help and version arrive here as "errors" with exit code 0
    if (err.exitCode === 0) return 0;
    return 2;
  }
  if (err instanceof MilestonesError) {
    current().io.stderr.write(`milestones: ${say('error')}: ${escapeControls(describeError(err))}\n`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && e.code === 'EPIPE') return 0;
  current().io.stderr.write(`milestones: ${say('internal error')}: ${e?.stack ?? String(err)}\n${say('This is a bug in milestones; please report it with the command you ran.')}\n`);
  return 1;
}

/** A closed pipe (`milestones diff | head`) is success, not an error. */
function installPipeHandler(io: Io): void {
  if (io.stdout !== process.stdout) return;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
