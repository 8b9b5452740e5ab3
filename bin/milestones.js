#!/usr/bin/env node
// `milestones [--db FILE] [--team NAME] [-q] [--no-color] --version` is answered before the program
// loads: the version is all it prints, and those options take no part in it (commander reads them
// left to right, and none of them is checked at parse time). So is the top-level `--help` (`-h`) into
// a pipe or a file, with no --lang, --config or milestones.config.json that could change its language:
// the text `npm run build` wrote (scripts/help-text.js) in the environment's language.
const args = process.argv.slice(2);
if (onlyBefore(args, ['--version', '-V'])) {
  import('node:module').then(({ createRequire }) => {
    process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
  });
} else if (onlyBefore(args, ['--help', '-h']) && !process.stdout.isTTY) {
  Promise.all([import('node:fs'), import('../dist/render/lang.js')]).then(([fs, { langOfEnv }]) => {
    let text;
    try {
      if (!fs.existsSync('milestones.config.json')) text = JSON.parse(fs.readFileSync(new URL('../dist/cli/help.json', import.meta.url), 'utf8'))[langOfEnv(process.env)];
    } catch {
      text = undefined; // not built by `npm run build`: the program answers
    }
    if (typeof text === 'string') process.stdout.write(text);
    else program();
  });
} else {
  program();
}

function program() {
  // The command's module (with the store, analysis and renderers it imports) is loaded at the same time as
  // the program and before main() enters the run's AsyncLocalStorage (cli/io.ts): from then on Node 20 runs
  // its promise hooks on every promise, and loading ~40 ES modules makes ~4,000 promises. Only a head
  // start: main() imports the module itself (a guess that misses, or fails, changes nothing).
  const command = commandModule(args);
  const early = command ? import(`../dist/cli/commands/${command}.js`).catch(() => undefined) : undefined;
  Promise.all([import('../dist/cli/main.js'), early]).then(async ([m]) => {
    process.exitCode = await m.main(process.argv);
  });
}

/** The module of the command `argv` runs (`weeks`, `alias-add`…), or null (none, or only its help). */
function commandModule(argv) {
  const simple = ['ingest', 'weeks', 'show', 'diff', 'stalled', 'history', 'export', 'check', 'report', 'forecast'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h' || a === 'help') return null;
    if (['--db', '--team', '--config', '--week-scheme', '--lang'].includes(a)) i++; // and its value
    else if (!a.startsWith('-')) {
      if (simple.includes(a)) return argv.some((x) => x === '--help' || x === '-h') ? null : a;
      const sub = argv[i + 1];
      return a === 'alias' && ['add', 'list', 'remove', 'suggest'].includes(sub) ? `alias-${sub}` : null;
    }
  }
  return null;
}

/** Whether `argv` is one of `last` after nothing but --db/--team with their values, -q/--quiet and --no-color. */
function onlyBefore(argv, last) {
  if (!last.includes(argv[argv.length - 1])) return false;
  for (let i = 0; i < argv.length - 1; i++) {
    const a = argv[i];
    if (a === '--db' || a === '--team') {
      if (i + 1 >= argv.length - 1) return false; // the flag would be the option's value
      i++; // its value, whatever it is
    }
    else if (!/^--(?:db|team)=/.test(a) && a !== '-q' && a !== '--quiet' && a !== '--no-color') return false;
  }
  return true;
}
