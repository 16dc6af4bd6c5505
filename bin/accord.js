#!/usr/bin/env node
'use strict';
// The `accord` command line. The TypeScript sources are compiled to dist/ by `npm install` (the prepare script).
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
let cli;
try {
  cli = require(entry);
} catch (error) {
  // Only a missing build is explained this way; any other failure to load is a bug and shows as one.
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(entry)) {
    process.stderr.write('accord: not built yet; run `npm run build` first\n');
    process.exit(2);
  }
  throw error;
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
