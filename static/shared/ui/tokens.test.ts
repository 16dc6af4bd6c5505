import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * The stylesheets of the Custom UIs read Atlassian design tokens as CSS variables, so that light and dark
 * themes come from Jira. A typo in a variable's name would fall back silently to the light value and break
 * the dark theme unnoticed, so every `var(--ds-…)` is checked here against @atlaskit/tokens: the name must be
 * a token, and its fallback the light theme's value (what shows before the host applies the theme).
 */

// Read as text: @atlaskit/tokens publishes these artifacts as modules without types for their deep paths.
const artifacts = join(dirname(require.resolve('@atlaskit/tokens/package.json')), 'dist/cjs/artifacts');
const tokenNames = [
  ...readFileSync(join(artifacts, 'token-names.js'), 'utf8').matchAll(/'[^']+': '(--ds-[a-z0-9-]+)'/g),
].map((m) => m[1] ?? '');
const themeFiles = ['atlassian-light', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape'];
const lightValues = new Map<string, string>();
for (const file of themeFiles) {
  const css = readFileSync(join(artifacts, 'themes', `${file}.js`), 'utf8').replace(/\\"/g, '"');
  for (const m of css.matchAll(/(--ds-[a-z0-9-]+):\s*([^;]+);/g)) lightValues.set(m[1] ?? '', m[2] ?? '');
}
const known = new Set(tokenNames);

const staticDir = join(__dirname, '../..');
function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'dist' || entry.name === 'node_modules' ? [] : stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

/** `var(--ds-name, fallback)` occurrences, with fallbacks that may hold commas and quotes (font stacks). */
function tokenUses(css: string): { name: string; fallback: string | null }[] {
  const uses: { name: string; fallback: string | null }[] = [];
  for (let i = css.indexOf('var(--ds-'); i >= 0; i = css.indexOf('var(--ds-', i + 1)) {
    let depth = 0;
    let end = i + 4;
    for (; end < css.length; end++) {
      if (css[end] === '(') depth++;
      else if (css[end] === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    const inside = css.slice(i + 4, end);
    const comma = inside.indexOf(',');
    uses.push({
      name: (comma < 0 ? inside : inside.slice(0, comma)).trim(),
      fallback:
        comma < 0
          ? null
          : inside
              .slice(comma + 1)
              .replace(/\s+/g, ' ')
              .trim(),
    });
  }
  return uses;
}

const normalize = (value: string): string =>
  value.replace(/\s+/g, ' ').replace(/"/g, "'").replace(/, /g, ',').trim().toLowerCase();

describe('design tokens in the Custom UIs’ stylesheets', () => {
  const files = stylesheets(staticDir);

  it('finds the stylesheets and the tokens', () => {
    expect(known.size).toBeGreaterThan(300);
    expect(lightValues.get('--ds-text')).toBe('#292A2E');
    expect(files.map((f) => relative(staticDir, f))).toEqual(
      expect.arrayContaining(['shared/ui/base.css', 'shared/ui/lozenge.css']),
    );
  });

  it.each(files.map((f) => [relative(staticDir, f), f]))(
    '%s names real tokens, with the light theme as fallback',
    (_, file) => {
      const css = readFileSync(file, 'utf8');
      const problems: string[] = [];
      for (const { name, fallback } of tokenUses(css)) {
        if (!known.has(name)) problems.push(`${name} is not a design token`);
        else if (fallback === null) problems.push(`${name} has no fallback`);
        else {
          const light = lightValues.get(name);
          if (light !== undefined && normalize(light) !== normalize(fallback)) {
            problems.push(`${name}: fallback ${fallback}, light theme ${light}`);
          }
        }
      }
      // Colours only through tokens: a literal colour outside a token's fallback would not follow the theme.
      const withoutTokens = css.replace(/var\(--ds-[^)]*\)/g, '');
      for (const m of withoutTokens.matchAll(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi))
        problems.push(`literal colour ${m[0]}`);
      expect(problems).toEqual([]);
    },
  );
});
