// Entry point: commander wiring only; each command's module is imported when it runs, so --help stays fast.

import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { escapeControls } from '../model/display.js';
import { MilestonesError } from '../model/errors.js';
import { listExtensions } from '../read/registry.js';
import { FORMAT_NAMES, type FormatName } from '../render/format-names.js';
import type { GlobalOptions } from './options.js';

const require = createRequire(import.meta.url);

/** Runs one command line; resolves to the exit code (the shim sets process.exitCode). */
export async function main(argv: string[]): Promise<number> {
  installPipeHandler();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return finish(Number(process.exitCode ?? 0));
  } catch (err) {
    return finish(reportError(err));
  }
}

function finish(code: number): number {
  process.exitCode = code;
  return code;
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
function withOutput(cmd: Command, fallback: FormatName = 'text'): Command {
  return cmd
    .option('--format <format>', `${FORMAT_NAMES.join(', ')} (default: from --out's extension, else ${fallback})`)
    .option('--json', 'same as --format json')
    .option('--out <file>', 'write the result to FILE instead of stdout (- is stdout)');
}

/** The command line, without running anything: main() parses with it, the README's command reference is generated from it. */
export function buildProgram(): Command {
  const { version } = require('../../package.json') as { version: string };
  const program = new Command('milestones')
    .description('Track progress percentages of weekly reports (周报) over time: diff weeks, flag stalled, regressed, dropped and completed projects.')
    .version(version, '-V, --version')
    .option('--db <file>', 'database file (default: $MILESTONES_DB, else "db" in the configuration file, else data/milestones.json)')
    .option('--config <file>', 'configuration file (default: ./milestones.config.json when present)')
    .option('--team <name>', 'only this team (ingest: the team the reports belong to)')
    .addOption(new Option('--week-scheme <scheme>', 'week numbering').choices(['reporter', 'iso']))
    .option('--no-color', 'never colour the output (also: NO_COLOR)')
    .option('-q, --quiet', 'no notes on stderr (what was resolved, swapped, written; progress); warnings and errors still')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (s, write) => write(s.split('\n').map(escapeControls).join('\n').replace(/^error:/, 'milestones: error:')),
    });

  const run = (name: keyof typeof COMMANDS) =>
    async function (this: Command, ...args: unknown[]) {
      const cmd = this;
      const { globalOptions } = await import('./options.js');
      const opts: GlobalOptions = await globalOptions(program.opts() as Raw, process.env, process.cwd());
      const mod = await COMMANDS[name]();
      const code = await mod.run(opts, cmd.opts() as never, args.slice(0, -2));
      if (code) process.exitCode = code;
    };

  program
    .command('ingest')
    .description('read reports (files or folders, recursively) into the database')
    .argument('<path...>', `report files (${listExtensions()}) or folders`)
    .option('--team-from-folder', "each file's team is the first folder below the path given")
    .option('--week <week>', 'force the week of every file (e.g. 2023-W16 or a date)')
    .option('--max-size <size>', 'refuse files larger than this (e.g. 20MB)', '20MB')
    .option('--json', 'print the result as JSON')
    .option('--jobs <n>', 'files read at once, on that many threads (default: one per core; 1 reads in the main thread)')
    .action(run('ingest'));

  withOutput(program.command('weeks').description('list the stored reports by week')).action(run('weeks'));

  withOutput(
    program
      .command('show')
      .description('every observation of a week')
      .argument('<week>', 'W16, 16, 2023-W16, a date, latest, previous')
      .option('--kpi', 'only operating figures (kpi)'),
  ).action(run('show'));

  withOutput(
    program
      .command('diff')
      .description('compare two weeks (default: the two latest; in either order)')
      .argument('[from]', 'the earlier week (W16, 16, 2023-W16, a date, latest, previous)')
      .argument('[to]', 'the later week (default: latest)'),
  ).action(run('diff'));

  withOutput(
    program
      .command('stalled')
      .description('items whose percentage has not increased for N reports')
      .option('--weeks <n>', 'minimum number of reports without increase (default 2, or stalledWeeks in the configuration)')
      .option('--as-of <week>', 'the week to count up to (default: latest)'),
  ).action(run('stalled'));

  withOutput(
    program
      .command('history')
      .description("one project's figures over time, with how its report line changed")
      .argument('<project>', 'project name (or part of it)')
      .option('--no-text', 'leave out the narrative diff'),
  ).action(run('history'));

  withOutput(
    program
      .command('export')
      .description('everything stored, for planning meetings: one row per item, one column per week')
      .option('--from <week>', 'first week (W16, 2023-W16, a date, latest, previous)')
      .option('--to <week>', 'last week (the two may come in either order)')
      .option('--long', 'one row per observation (with its source line) instead of one row per item'),
    'csv',
  ).action(run('export'));

  withOutput(
    program
      .command('check')
      .description('explain every percentage of report files, without touching the database')
      .argument('<file...>', 'report files or folders')
      .option('--max-size <size>', 'refuse files larger than this', '20MB'),
  ).action(run('check'));

  const alias = program.command('alias').description('names that mean the same project across weeks');
  alias
    .command('add')
    .description('record that NAME is another name of CANONICAL')
    .argument('<name>')
    .argument('<canonical>')
    .action(run('alias-add'));
  withOutput(alias.command('list').description('list the aliases')).action(run('alias-list'));
  alias.command('remove').description('forget an alias').argument('<name>').action(run('alias-remove'));
  withOutput(
    alias
      .command('suggest')
      .description('find likely renames (an item that vanished while a similar one appeared)')
      .option('--apply', 'record every suggestion')
      .option('--min-score <n>', 'only suggestions scoring at least this (0–1)'),
  ).action(run('alias-suggest'));

  return program;
}

/** Maps any error to its exit code and prints it; a user's mistake never shows a stack trace. */
function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // help and version arrive here as "errors" with exit code 0
    if (err.exitCode === 0) return 0;
    return 2;
  }
  if (err instanceof MilestonesError) {
    process.stderr.write(`milestones: error: ${escapeControls(err.format())}\n`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && e.code === 'EPIPE') return 0;
  process.stderr.write(
    `milestones: internal error: ${e?.stack ?? String(err)}\nThis is a bug in milestones; please report it with the command you ran.\n`,
  );
  return 1;
}

/** A closed pipe (`milestones diff | head`) is success, not an error. */
function installPipeHandler(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
