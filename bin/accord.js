#!/usr/bin/env node
'use strict';
// The `accord` command line. The TypeScript sources are compiled to dist/ by `npm install` (the prepare script).
let cli;
try {
  cli = require('../dist/src/cli/main.js');
} catch {
  process.stderr.write('accord: not built yet; run `npm run build` first\n');
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `accord: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
