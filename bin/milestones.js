#!/usr/bin/env node
// `milestones [--db FILE] [--team NAME] [-q] [--no-color] --version` is answered before the program
// loads: the version is all it prints, and those options take no part in it (commander reads them
// left to right, and none of them is checked at parse time).
const args = process.argv.slice(2);
if (asksVersion(args)) {
  import('node:module').then(({ createRequire }) => {
    process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
  });
} else {
  import('../dist/cli/main.js').then(async (m) => {
    process.exitCode = await m.main(process.argv);
  });
}

function asksVersion(argv) {
  const last = argv[argv.length - 1];
  if (last !== '--version' && last !== '-V') return false;
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
