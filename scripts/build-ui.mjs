#!/usr/bin/env node
/**
 * Merges the UIs' translations into `locales/` (build-locales.mjs), then builds every Custom UI (each
 * `static/<name>/` with a `vite.config.ts`) into `static/<name>/dist`, one after the other, then prints each
 * entry's gzipped JS+CSS loaded before its first render and fails when one is over its budget (ui-budgets.mjs).
 *
 *   npm run build:ui               # all of them
 *   npm run build:ui -- issue-panel
 */
import path from 'node:path';
import { build } from 'vite';
import { buildLocales } from './build-locales.mjs';
import { measure, report, staticDir, uiNames } from './ui-budgets.mjs';

// What Forge serves is a production bundle, whoever runs the build: Vite takes NODE_ENV from the environment
// over `mode`, and jest sets it to 'test' when the browser tests build a missing UI, which gave React's
// development build (StrictMode's double effects leave Atlaskit's modal portal empty: no dialog opened).
process.env.NODE_ENV = 'production';

const wanted = process.argv.slice(2);
const names = uiNames().filter((name) => wanted.length === 0 || wanted.includes(name));
const unknown = wanted.filter((name) => !names.includes(name));

try {
  if (unknown.length > 0) throw new Error(`no Custom UI named ${unknown.join(', ')} in static/`);
  const namespaces = buildLocales();
  process.stdout.write(`built locales/ from the messages of ${namespaces.join(', ')}\n`);
  const results = [];
  for (const name of names) {
    const dir = path.join(staticDir, name);
    const started = performance.now();
    await build({ configFile: path.join(dir, 'vite.config.ts'), root: dir, mode: 'production' });
    process.stdout.write(`built static/${name}/dist in ${Math.round(performance.now() - started)} ms\n`);
    results.push(measure(name));
  }
  if (results.length === 0) process.stdout.write('no Custom UI to build (no static/<name>/vite.config.ts)\n');
  process.exitCode = report(results) ? 0 : 1;
} catch (error) {
  process.stderr.write(`build-ui: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
