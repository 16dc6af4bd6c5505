import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

// What a worker thread loads before it evaluates anything is what it costs to start: zod and its locales some
// 220 ms of a thread's CPU, date-holidays 25 MB. The main thread validates the configuration and resolves its
// regions' holidays, so neither may be reached from the worker's imports. The walk reads the sources as the
// build emits them (imports used only as types are dropped), and follows only what loads when a module does:
// a `require` inside a function (the worker's fallback for years the main thread did not resolve) stays lazy.

const src = join(__dirname, '..');
const { compilerOptions } = JSON.parse(readFileSync(join(src, '..', 'tsconfig.json'), 'utf8')) as {
  compilerOptions: object;
};
const options = ts.convertCompilerOptionsFromJson(compilerOptions, src).options;

/** The specifiers a module's emitted code requires when it loads. */
function loadTimeRequires(file: string): string[] {
  const js = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions: options, fileName: file });
  const emitted = ts.createSourceFile('out.js', js.outputText, ts.ScriptTarget.ES2022);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require' &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(emitted);
  return found;
}

/** Every package a module loads with it, directly or through the project's modules it loads. */
function packagesLoadedBy(entry: string): { packages: Set<string>; modules: Set<string> } {
  const packages = new Set<string>();
  const modules = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (modules.has(file)) continue;
    modules.add(file);
    for (const specifier of loadTimeRequires(file)) {
      if (specifier.startsWith('.')) {
        const base = resolve(dirname(file), specifier);
        const target = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f));
        if (target === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
        queue.push(target);
      } else if (!specifier.startsWith('node:')) {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
      }
    }
  }
  return { packages, modules };
}

describe('what a worker thread loads at start', () => {
  it('reaches neither zod nor date-holidays from src/cli/worker.ts', () => {
    const { packages, modules } = packagesLoadedBy(join(src, 'cli', 'worker.ts'));
    // The walk does reach the evaluator and the zod-free configuration compiler...
    expect(modules).toContain(join(src, 'cli', 'batch.ts'));
    expect(modules).toContain(join(src, 'engine', 'config', 'compile-checked.ts'));
    // ...and neither the validating loader nor the holiday data, which it loads only lazily.
    expect(modules).not.toContain(join(src, 'engine', 'config', 'load.ts'));
    expect(modules).not.toContain(join(src, 'engine', 'calendar', 'region-lookup.ts'));
    expect(packages).not.toContain('zod');
    expect(packages).not.toContain('date-holidays');
  });

  it('would see them: the validating loader and the holiday lookup do reach them', () => {
    expect(packagesLoadedBy(join(src, 'engine', 'config', 'load.ts')).packages).toContain('zod');
    expect(packagesLoadedBy(join(src, 'engine', 'calendar', 'region-lookup.ts')).packages).toContain(
      'date-holidays',
    );
  });
});
