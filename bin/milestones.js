#!/usr/bin/env node
import('../dist/cli/main.js').then(async (m) => {
  process.exitCode = await m.main(process.argv);
});
