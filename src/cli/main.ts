// Entry point: commander wiring only; each command's module is imported when it runs, so --help stays fast.

import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { MilestonesError } from '../model/errors.js';
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

function buildProgram(): Command {
  const { version } = require('../../package.json') as { version: string };
  const program = new Command('milestones')
    .description('Track progress percentages of weekly reports (周报) over time: diff weeks, flag stalled, regressed, dropped and completed projects.')
    .version(version, '-V, --version')
    .option('--db <file>', 'database file (default: $MILESTONES_DB or data/milestones.json)')
    .option('--config <file>', 'configuration file (default: ./milestones.config.json when present)')
    .option('--team <name>', 'only this team (ingest: the team the reports belong to)')
    .addOption(new Option('--week-scheme <scheme>', 'week numbering').choices(['reporter', 'iso']))
    .option('--no-color', 'never colour the output (also: NO_COLOR)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (s, write) => write(s.replace(/^error:/, 'milestones: error:')) });

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
    .argument('<path...>', 'report files (.md .markdown .txt .html) or folders')
    .option('--team-from-folder', "each file's team is the first folder below the path given")
    .option('--week <week>', 'force the week of every file (e.g. 2023-W16 or a date)')
    .option('--max-size <size>', 'refuse files larger than this (e.g. 20MB)', '20MB')
    .option('--json', 'print the result as JSON')
    .option('--jobs <n>', 'files read at once, on that many threads (default: one per core; 1 reads in the main thread)')
    .action(run('ingest'));

  program.command('weeks').description('list the stored reports by week').option('--json', 'JSON output').action(run('weeks'));

  program
    .command('show')
    .description('every observation of a week')
    .argument('<week>', 'W16, 16, 2023-W16, a date, latest, previous')
    .option('--json', 'JSON output')
    .option('--kpi', 'only operating figures (kpi)')
    .action(run('show'));

  program
    .command('diff')
    .description('compare two weeks (default: the two latest)')
    .argument('[from]', 'the earlier week')
    .argument('[to]', 'the later week')
    .option('--format <format>', 'text, json, csv, md or html (default: from --out, else text)')
    .option('--json', 'same as --format json')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run('diff'));

  program
    .command('stalled')
    .description('items whose percentage has not increased for N reports')
    .option('--weeks <n>', 'minimum number of reports without increase (default 2, or the config)')
    .option('--as-of <week>', 'the week to count up to (default: latest)')
    .option('--format <format>', 'text, json, csv, md or html')
    .option('--json', 'same as --format json')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run('stalled'));

  program
    .command('history')
    .description("one project's figures over time, with how its report line changed")
    .argument('<project>', 'project name (or part of it)')
    .option('--json', 'JSON output')
    .option('--no-text', 'leave out the narrative diff')
    .action(run('history'));

  program
    .command('export')
    .description('everything stored, for planning meetings')
    .addOption(new Option('--format <format>', 'csv, json or md (default: from --out, else csv)').choices(['csv', 'json', 'md']))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--from <week>', 'first week')
    .option('--to <week>', 'last week')
    .option('--long', 'CSV: one row per observation instead of one row per item')
    .action(run('export'));

  program
    .command('check')
    .description('explain every percentage of report files, without touching the database')
    .argument('<file...>', 'report files or folders')
    .option('--json', 'JSON output')
    .option('--max-size <size>', 'refuse files larger than this', '20MB')
    .action(run('check'));

  const alias = program.command('alias').description('names that mean the same project across weeks');
  alias
    .command('add')
    .description('record that NAME is another name of CANONICAL')
    .argument('<name>')
    .argument('<canonical>')
    .action(run('alias-add'));
  alias.command('list').description('list the aliases').option('--json', 'JSON output').action(run('alias-list'));
  alias.command('remove').description('forget an alias').argument('<name>').action(run('alias-remove'));
  alias
    .command('suggest')
    .description('find likely renames (an item that vanished while a similar one appeared)')
    .option('--apply', 'record every suggestion')
    .option('--min-score <n>', 'only suggestions scoring at least this (0–1)')
    .option('--json', 'JSON output')
    .action(run('alias-suggest'));

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
    process.stderr.write(`milestones: error: ${err.format()}\n`);
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
