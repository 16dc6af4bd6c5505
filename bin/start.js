#!/usr/bin/env node
'use strict';
// `npm start` will run the local sandbox (the whole app in a browser on an embedded database). Until that lands,
// it says so plainly and shows how to try the engine, instead of pretending.
process.stdout.write(`Accord's local sandbox is not built yet: the engine and the command line are.

Try them:
  npx accord validate --agreements examples/agreements.json --calendars examples/calendars.json
  npx accord evaluate --agreements examples/agreements.json --calendars examples/calendars.json \\
    --statuses examples/statuses.json --issue examples/issues/IT-42.json --now 2026-03-09T10:00:00+01:00
`);
process.exitCode = 1;
