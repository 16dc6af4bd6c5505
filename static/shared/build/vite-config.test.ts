import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME } from '@forge/i18n';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin, Rollup } from 'vite';
import { parse } from 'yaml';
import { customUiConfig, FALLBACK_LOCALE } from './vite-config';

const ROOT = join(__dirname, '..', '..', '..');

/** The tags the shared configuration adds to every UI's `index.html`. */
function addedTags(): HtmlTagDescriptor[] {
  const plugins = (customUiConfig('file:///repo/static/example/vite.config.ts').plugins ?? []) as Plugin[];
  return plugins.flatMap((plugin) => {
    const hook = plugin.transformIndexHtml;
    if (typeof hook !== 'function') return [];
    const tags = (hook as () => HtmlTagDescriptor[])();
    return Array.isArray(tags) ? tags : [];
  });
}

describe('the translations every UI fetches first, preloaded', () => {
  it('preloads i18n-info.json and the fallback catalogue where @forge/bridge fetches them, as fetch() asks', () => {
    const preloads = addedTags().filter((tag) => tag.tag === 'link' && tag.attrs?.rel === 'preload');
    // @forge/bridge: fetch(`./${I18N_BUNDLE_FOLDER_NAME}/${I18N_INFO_FILE_NAME}`), then `./…/<locale>.json`,
    // with fetch's defaults (CORS mode, same-origin credentials), which `as="fetch" crossorigin` matches.
    expect(preloads.map((tag) => tag.attrs)).toEqual([
      {
        rel: 'preload',
        href: `./${I18N_BUNDLE_FOLDER_NAME}/${I18N_INFO_FILE_NAME}`,
        as: 'fetch',
        crossorigin: 'anonymous',
      },
      {
        rel: 'preload',
        href: `./${I18N_BUNDLE_FOLDER_NAME}/${FALLBACK_LOCALE}.json`,
        as: 'fetch',
        crossorigin: 'anonymous',
      },
    ]);
  });

  it('takes the fallback catalogue the manifest names', () => {
    const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
      translations: { fallback: { default: string } };
    };
    expect(FALLBACK_LOCALE).toBe(manifest.translations.fallback.default);
  });
});

describe('the chunks a UI needs for its first render, preloaded', () => {
  const root = '/repo/static/example';
  const chunk = (fileName: string, facade: string | null, imports: string[], isEntry = false) =>
    ({ type: 'chunk', fileName, facadeModuleId: facade, imports, isEntry }) as unknown as Rollup.OutputChunk;
  const bundle = {
    'assets/index.js': chunk('assets/index.js', `${root}/index.html`, ['assets/runtime.js'], true),
    'assets/runtime.js': chunk('assets/runtime.js', null, []),
    'assets/app.js': chunk('assets/app.js', `${root}/src/app.tsx`, ['assets/runtime.js', 'assets/shared.js']),
    'assets/shared.js': chunk('assets/shared.js', null, []),
    'assets/dialog.js': chunk('assets/dialog.js', `${root}/src/dialog.tsx`, ['assets/app.js']),
  } as unknown as Rollup.OutputBundle;
  const html = '<link rel="modulepreload" crossorigin href="./assets/runtime.js">';

  function preloads(firstRender: string[]): string[] {
    const plugins = (customUiConfig(`file://${root}/vite.config.ts`, { firstRender }).plugins ??
      []) as Plugin[];
    const plugin = plugins.find((p) => p.name === 'accord:preload-first-render');
    const hook = plugin?.transformIndexHtml as {
      handler: (html: string, ctx: IndexHtmlTransformContext) => HtmlTagDescriptor[];
    };
    const tags = hook.handler(html, { bundle } as IndexHtmlTransformContext);
    return tags.map((tag) => String(tag.attrs?.href));
  }

  it('preloads the chunk of each module named and the chunks it imports, not those index.html has', () => {
    expect(preloads(['src/app.tsx'])).toEqual(['./assets/app.js', './assets/shared.js']);
  });

  it('preloads nothing of its own without firstRender', () => {
    expect(preloads([])).toEqual([]);
  });

  it('fails the build when a module named has no chunk of its own (imported statically, or misspelt)', () => {
    expect(() => preloads(['src/missing.tsx'])).toThrow(/no chunk/);
  });
});
