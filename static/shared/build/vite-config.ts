import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

// Packages that must never reach a browser bundle: the holiday data (25 MB; the backend sends the dates) and
// the ICS parser (imports happen on the backend). ESLint refuses the imports in static/; this catches a path
// through the engine that lint cannot see.
const NOT_IN_BROWSER = ['date-holidays', 'ical.js'];

function keepOutOfBrowser(): Plugin {
  return {
    name: 'accord:keep-out-of-browser',
    enforce: 'pre',
    resolveId(source, importer) {
      if (NOT_IN_BROWSER.some((name) => source === name || source.startsWith(`${name}/`))) {
        this.error(`${source}, imported by ${importer ?? '?'}, must not reach a browser bundle`);
      }
      return null;
    },
  };
}

/**
 * The Vite configuration every Custom UI shares, rooted at the folder of the `vite.config.ts` whose
 * `import.meta.url` is given (`static/<name>`).
 *
 * - `base: './'`: Forge serves a resource from a subpath of its own CDN host, so every asset URL in the built
 *   `index.html` must be relative.
 * - JSX through Vite's own transformer (Oxc), React's automatic runtime: no Babel and no React plugin, since
 *   production builds need no Fast Refresh.
 * - A guard that fails the build if the holiday data or the ICS parser is imported on any path.
 * - `manifest: true`: `scripts/ui-budgets.mjs` reads it to tell the files loaded before the first render (the
 *   entry and its static imports, with their CSS) from the ones loaded lazily.
 *
 * @example export default customUiConfig(import.meta.url);
 */
export function customUiConfig(configUrl: string): UserConfig {
  return {
    root: fileURLToPath(new URL('.', configUrl)),
    base: './',
    logLevel: 'warn',
    plugins: [keepOutOfBrowser()],
    oxc: { jsx: { runtime: 'automatic' } },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      manifest: true,
      // Jira's supported browsers: the last two versions of Chrome, Edge, Firefox and Safari.
      target: 'es2022',
      reportCompressedSize: false,
      // `UI_SOURCEMAP=1 npm run build:ui` to see what a bundle is made of; never shipped to Forge otherwise.
      sourcemap: process.env.UI_SOURCEMAP === '1',
      chunkSizeWarningLimit: 1024,
    },
  };
}
