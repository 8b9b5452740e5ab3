#!/usr/bin/env node
// `milestones --version` (alone) is answered before the program loads: the version is all it prints.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  import('node:module').then(({ createRequire }) => {
    process.stdout.write(`${createRequire(import.meta.url)('../package.json').version}\n`);
  });
} else {
  import('../dist/cli/main.js').then(async (m) => {
    process.exitCode = await m.main(process.argv);
  });
}
