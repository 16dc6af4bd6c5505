#!/usr/bin/env node
/**
 * Validates manifest.yml offline, as `forge lint` would but without an Atlassian login or network:
 *
 *   1. `@forge/manifest`'s `validate` (the full schema and the manifest validators: modules, resources,
 *      permissions, storage, runtime, ...);
 *   2. `@forge/lint`'s client-side linters (handlers exist, storage modules match the code, deprecated APIs,
 *      function time-outs, ...) over the app's source files, except the permission linter, which downloads the
 *      products' API specifications to infer scopes.
 *
 * Prints every error and warning and exits 1 if there is any. One case is reported but not counted: a Custom UI
 * resource `static/<name>/dist` whose UI project (`static/<name>/vite.config.ts`, or a `package.json` of its
 * own) does not exist yet. Once the UI exists, a missing `dist` is an error again, so CI must build the UIs
 * (`npm run build:ui`) before this step.
 *
 * Run from anywhere: `npm run validate:manifest`.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
process.chdir(root); // both packages read `manifest.yml` relative to the working directory

const MANIFEST = 'manifest.yml';
const ENVIRONMENT = 'development';
const SOURCE_EXTENSIONS = /\.(ts|tsx|js|jsx|cjs|mjs)$/;

const print = (line) => process.stdout.write(`${line}\n`);

/** A problem from either tool: where, how bad, what. */
function problem(source, file, level, line, column, message, reference) {
  return { source, file, level, line: line ?? 0, column: column ?? 0, message, reference: reference ?? '' };
}

/** `static/<name>/dist` resources whose UI project has not been written yet. */
function unwrittenUi(message) {
  const match = /missing resource '(static\/([^/']+)\/dist)'/.exec(message);
  if (!match?.[1] || !match[2]) return undefined;
  const written = ['vite.config.ts', 'package.json'].some((file) =>
    fs.existsSync(path.join('static', match[2], file)),
  );
  return written ? undefined : match[1];
}

// The local sandbox's host-page scripts run in a developer's browser, never on Forge (and have their own
// browser tsconfig, which @forge/lint's parser does not read).
const NOT_FORGE_CODE = new Set([path.join('src', 'sandbox', 'server', 'host')]);

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return NOT_FORGE_CODE.has(full) ? [] : sourceFiles(full);
    return SOURCE_EXTENSIONS.test(entry.name) && !/\.test\./.test(entry.name) ? [full] : [];
  });
}

async function validateSchema() {
  const { validate } = require('@forge/manifest');
  const result = await validate(false, MANIFEST);
  const problems = (result.errors ?? []).map((e) =>
    problem('@forge/manifest', MANIFEST, e.level, e.line, e.column, e.message, e.reference),
  );
  return { problems, manifest: result.manifestObject?.typedContent };
}

async function lintClientSide(manifest) {
  const { getClientSideLintersOnly, parseSourceFile } = require('@forge/lint');
  const { tsParser } = require('@forge/lint/out/parse');
  const logged = [];
  const logger = { info: (message) => logged.push(String(message)) };
  // Only read by the manifest linters, for the runtimes Atlassian currently deprecates; offline there is no
  // feature-flag service to ask, so none are known here.
  const statsig = { getDeprecatedRuntimes: () => Promise.resolve([]) };

  const linters = (await getClientSideLintersOnly(manifest, ENVIRONMENT, logger, statsig)).filter(
    (linter) => linter.constructor.name !== 'PermissionLinter',
  );
  const inputs = await Promise.all(sourceFiles('src').map((file) => parseSourceFile(file, tsParser)));
  await Promise.all(linters.map((linter) => linter.bootstrap()));
  const results = (await Promise.all(linters.map((linter) => linter.batchExecute(inputs)))).flat();

  const problems = results.flatMap((result) =>
    [...result.errors, ...result.warnings, ...result.approvals].map((rule) =>
      problem(
        `@forge/lint ${result.constructor.name === 'LintResult' ? '' : result.constructor.name}`.trim(),
        result.file,
        rule.class === 'approval' ? 'error' : rule.class,
        rule.line,
        rule.column,
        rule.message,
        rule.reference,
      ),
    ),
  );
  return { problems, linterNames: linters.map((l) => l.constructor.name), files: inputs.length, logged };
}

async function main() {
  const schema = await validateSchema();
  let problems = schema.problems;
  let lintSummary = 'not run, since the manifest does not match the schema';
  if (schema.manifest) {
    const lint = await lintClientSide(schema.manifest);
    problems = problems.concat(lint.problems);
    lintSummary = `${lint.linterNames.length} linters over ${lint.files} source files`;
    for (const line of lint.logged) print(`  (lint) ${line}`);
  }

  // The full manifest linter re-runs the same validators: report each finding once.
  const seen = new Set();
  const unique = problems.filter((p) => {
    const key = [p.file, p.level, p.line, p.column, p.message].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });

  const pending = [];
  const counted = [];
  for (const p of unique) {
    const ui = unwrittenUi(p.message);
    if (ui) pending.push(ui);
    else counted.push(p);
  }

  print(`manifest.yml: @forge/manifest validate (full); @forge/lint client-side: ${lintSummary}`);
  for (const p of counted) {
    const ref = p.reference ? ` [${p.reference}]` : '';
    print(`${p.file}:${p.line}:${p.column} ${p.level}: ${p.message}${ref} (${p.source})`);
  }
  for (const ui of [...new Set(pending)]) {
    print(`note: ${ui} is not built because its Custom UI is not written yet (no vite.config.ts beside it)`);
  }
  const errors = counted.filter((p) => p.level === 'error').length;
  const warnings = counted.length - errors;
  print(`${errors} errors, ${warnings} warnings`);
  process.exitCode = counted.length > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(
    `validate-manifest: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 2;
});
