#!/usr/bin/env node
/**
 * Measures every built Custom UI (`static/<name>/dist`) and checks it against its budget: the gzipped size of
 * the JavaScript and CSS a browser loads before the UI's first render, i.e. the entry chunk of `index.html`,
 * every chunk it imports statically (transitively), and their CSS; and the chunks `index.html` preloads
 * (`<link rel="modulepreload">`, the build's `firstRender`) with theirs. Other chunks behind a dynamic
 * `import()` load later and do not count. Budgets (issue #5): the issue panel and the portal panel 150 KB, every other entry 250 KB.
 *
 * Reads the Vite manifest the build writes (`dist/.vite/manifest.json`; a kilobyte of file names, left in place so
 * that the builds can be measured again without rebuilding). Exits 1 when an entry is over its budget or cannot
 * be measured.
 *
 * `npm run build:ui` runs this after building; `node scripts/ui-budgets.mjs` measures the existing builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const KB = 1024;
/** Gzipped JS + CSS before the first render, in bytes. */
export const BUDGETS = { 'issue-panel': 150 * KB, portal: 150 * KB };
export const DEFAULT_BUDGET = 250 * KB;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const staticDir = path.join(root, 'static');

/** The Custom UIs: folders of `static/` with a `vite.config.ts` (`static/shared` has none). */
export function uiNames() {
  if (!fs.existsSync(staticDir)) return [];
  return fs
    .readdirSync(staticDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(staticDir, e.name, 'vite.config.ts')))
    .map((e) => e.name)
    .sort();
}

// Level 9, as a CDN compresses static files once and serves them many times.
const gzipSize = (file) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

/**
 * The files of one built UI loaded before its first render, and those loaded later, from Vite's manifest and
 * the files `index.html` preloads (`preloaded`, paths relative to `dist`).
 * @returns {{ initial: string[], lazy: string[] }} paths relative to `dist`
 */
export function initialFiles(manifest, preloaded = []) {
  const entries = Object.values(manifest).filter((chunk) => chunk.isEntry);
  if (entries.length === 0) throw new Error('the Vite manifest names no entry');
  const initial = new Set();
  const visit = (key) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest))
    if (chunk.isEntry || preloaded.includes(chunk.file)) visit(key);
  const all = new Set(
    Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? []), ...(chunk.assets ?? [])]),
  );
  return { initial: [...initial], lazy: [...all].filter((file) => !initial.has(file)) };
}

/** The files an `index.html` preloads as modules (`./assets/x.js` → `assets/x.js`). */
export function modulePreloads(html) {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => /\brel="modulepreload"/.test(tag))
    .flatMap((tag) => {
      const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
      return href === undefined ? [] : [href.replace(/^\.\//, '')];
    });
}

/** Measures one built UI. */
export function measure(name) {
  const dist = path.join(staticDir, name, 'dist');
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new Error(`${path.relative(root, dist)} has no Vite manifest: build it with npm run build:ui`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  const { initial, lazy } = initialFiles(
    manifest,
    modulePreloads(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')),
  );
  const code = (file) => /\.(m?js|css)$/.test(file);
  const sum = (files) => files.filter(code).reduce((n, file) => n + gzipSize(path.join(dist, file)), 0);
  const result = {
    name,
    initialBytes: sum(initial),
    lazyBytes: sum(lazy),
    initialFiles: initial.filter(code),
    budget: BUDGETS[name] ?? DEFAULT_BUDGET,
  };
  return result;
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

/** Prints one line per UI; returns whether all are within budget. */
export function report(results, print = (line) => process.stdout.write(`${line}\n`)) {
  let ok = true;
  for (const r of results) {
    const over = r.initialBytes > r.budget;
    ok &&= !over;
    print(
      `${over ? 'OVER BUDGET' : 'ok'}  ${r.name}: ${kb(r.initialBytes)} gzipped JS+CSS before first render ` +
        `(budget ${kb(r.budget)}; ${r.initialFiles.length} files)` +
        (r.lazyBytes > 0 ? `, ${kb(r.lazyBytes)} loaded later` : ''),
    );
  }
  return ok;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const names = uiNames();
    if (names.length === 0)
      process.stdout.write('no Custom UI to measure (no static/<name>/vite.config.ts)\n');
    process.exitCode = report(names.map((name) => measure(name))) ? 0 : 1;
  } catch (error) {
    process.stderr.write(`ui-budgets: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
