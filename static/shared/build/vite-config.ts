import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlTagDescriptor, Plugin, UserConfig } from 'vite';

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

/** The manifest's `translations.fallback.default`: the catalogue `@forge/i18n` fetches for every locale. */
export const FALLBACK_LOCALE = 'en-US';

/**
 * `<link rel="preload">` for the two translation files every UI fetches before its first real render
 * (`@forge/bridge`'s `i18n.createTranslationFunction`): `__LOCALES__/i18n-info.json`, and then the fallback
 * catalogue, which `@forge/i18n` asks for in every locale (after the user's own). Without them, the second
 * request starts only after the first has come back, and both only after the bundle has run and the host has
 * said the locale. Written as the bridge fetches them, relative to the frame with `fetch`'s defaults (CORS mode,
 * same-origin credentials: `as="fetch" crossorigin`), so that the browser hands the preloaded answers to those
 * calls.
 */
function preloadTranslations(): Plugin {
  const link = (file: string) => ({
    tag: 'link',
    attrs: { rel: 'preload', href: `./__LOCALES__/${file}`, as: 'fetch', crossorigin: 'anonymous' },
    injectTo: 'head' as const,
  });
  return {
    name: 'accord:preload-translations',
    transformIndexHtml: () => [link('i18n-info.json'), link(`${FALLBACK_LOCALE}.json`)],
  };
}

/**
 * `<link rel="modulepreload">` in `index.html` for the chunks behind the entry's `import()` of the modules
 * `firstRender` names (paths relative to the UI's folder, `src/app.tsx`), and the chunks they import: an entry
 * that sends its first round trips before it loads the rest finds the rest fetched and compiled, instead of
 * asking for it only then. `scripts/ui-budgets.mjs` counts these chunks as loaded before the first render.
 */
function preloadFirstRender(root: string, firstRender: readonly string[]): Plugin {
  const wanted = new Set(firstRender.map((file) => resolve(root, file)));
  return {
    name: 'accord:preload-first-render',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle || wanted.size === 0) return [];
        const chunks = new Map(
          Object.values(bundle).flatMap((output) =>
            output.type === 'chunk' ? [[output.fileName, output]] : [],
          ),
        );
        const files: string[] = [];
        const visit = (fileName: string): void => {
          const chunk = chunks.get(fileName);
          if (!chunk || chunk.isEntry || files.includes(fileName) || html.includes(`./${fileName}"`)) return;
          files.push(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        const found = [...chunks.values()].filter(
          (c) => c.facadeModuleId !== null && wanted.has(c.facadeModuleId),
        );
        if (found.length !== wanted.size) {
          throw new Error(`firstRender names ${[...wanted].join(', ')}, which the build made no chunk of`);
        }
        for (const chunk of found) visit(chunk.fileName);
        return files.map((file): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head',
        }));
      },
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
 * - Preloads of the translation files every UI fetches before its first render (see `preloadTranslations`).
 * - `firstRender`: modules the entry imports dynamically but needs for its first render, preloaded with it
 *   (see `preloadFirstRender`).
 * - `manifest: true`: `scripts/ui-budgets.mjs` reads it to tell the files loaded before the first render (the
 *   entry and its static imports, with their CSS) from the ones loaded lazily.
 *
 * @example export default customUiConfig(import.meta.url);
 */
export function customUiConfig(
  configUrl: string,
  options: { readonly firstRender?: readonly string[] } = {},
): UserConfig {
  const root = fileURLToPath(new URL('.', configUrl));
  return {
    root,
    base: './',
    logLevel: 'warn',
    plugins: [keepOutOfBrowser(), preloadTranslations(), preloadFirstRender(root, options.firstRender ?? [])],
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
