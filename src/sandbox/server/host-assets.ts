import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { HttpError } from './http';
import { findRoot } from './ui-files';

/**
 * The host pages' own scripts and styles, real files in `src/sandbox/server/host/` (type-checked for the
 * browser by its tsconfig.json, linted as the rest): `GET /sandbox/host/<name>.js` is `<name>.ts` transpiled
 * to a classic script, `GET /sandbox/host/<name>.css` the stylesheet as it is. Read from the repository's
 * sources wherever the server runs from (`src/` under ts-jest, `dist/` under `npm start`), once each: a
 * development harness, so TypeScript's own transpiler and no bundler.
 */

/** Where the host pages' files live. */
export const HOST_DIR = join(findRoot(), 'src', 'sandbox', 'server', 'host');

const NAME = /^[a-z][a-z-]*$/;
const cache = new Map<string, string>();

/** The path a host page links for its script or stylesheet `name` (`host-page`, `issue-page`, …). */
export const hostScriptPath = (name: string): string => `/sandbox/host/${name}.js`;
export const hostStylePath = (name: string): string => `/sandbox/host/${name}.css`;

/** Where the server serves host/bridge-shim.ts, which ui-files.ts puts first into each UI's `index.html`. */
export const BRIDGE_SHIM_PATH = hostScriptPath('bridge-shim');

/** A host script as the browser runs it: the file's TypeScript without its types. */
export function hostScript(name: string): string {
  return cached(`${name}.js`, () => {
    const file = join(HOST_DIR, `${name}.ts`);
    const out = ts.transpileModule(read(file), {
      fileName: file,
      reportDiagnostics: true,
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, removeComments: false },
    });
    const problem = out.diagnostics?.[0];
    if (problem !== undefined)
      throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(problem.messageText, '\n')}`);
    return out.outputText;
  });
}

/**
 * Transpiles and reads every host script and stylesheet now, as the server starts, instead of on a page's first
 * request: TypeScript's first transpile in a process took 0.2 to 0.6 s, which the first issue view waited for
 * (twice: the host's script, then the frame's shim). A file that fails is left to fail on its request.
 */
export function warmHostAssets(): void {
  for (const file of readdirSync(HOST_DIR)) {
    const m = /^([a-z][a-z-]*)\.(ts|css)$/.exec(file);
    if (m === null) continue;
    const name = m[1] ?? '';
    try {
      if (m[2] === 'ts') hostScript(name);
      else hostStyle(name);
    } catch {
      // Said again, to the browser, when the file is asked for.
    }
  }
}

/** A host stylesheet. */
export function hostStyle(name: string): string {
  return cached(`${name}.css`, () => read(join(HOST_DIR, `${name}.css`)));
}

function cached(key: string, make: () => string): string {
  const name = key.replace(/\.(js|css)$/, '');
  if (!NAME.test(name)) throw new HttpError(404, 'not-found', `The sandbox has no /sandbox/host/${key}.`);
  let text = cache.get(key);
  if (text === undefined) {
    text = make();
    cache.set(key, text);
  }
  return text;
}

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new HttpError(
      404,
      'not-found',
      `The sandbox has no /sandbox/host/${file.slice(HOST_DIR.length + 1)}.`,
    );
  }
}
