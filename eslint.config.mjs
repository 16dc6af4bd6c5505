// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import designSystem from '@atlaskit/eslint-plugin-design-system';

/** Node built-ins and SDKs that do I/O: the engine and the use cases must reach them only through ports. */
const ioModules = [
  'fs',
  'fs/*',
  'node:*',
  'http',
  'https',
  'net',
  'child_process',
  'readline',
  'os',
  'path',
  'stream',
  'worker_threads',
];
const forgeSdks = ['@forge/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'static/*/dist/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // The Custom UIs' Vite configurations run in Node, outside static/tsconfig.json's browser project.
          allowDefaultProject: ['static/*/vite.config.ts', 'static/shared/build/*.ts'],
          defaultProject: 'static/tsconfig.node.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', performance: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js', 'jest.config.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // ── The rings ─────────────────────────────────────────────────────────────────────────────────────────
  // engine: pure. No I/O, no Forge, no outer ring, no ambient clock.
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...ioModules, ...forgeSdks], message: 'The engine is pure: no I/O and no Forge SDKs.' },
            {
              group: ['**/app', '**/app/**', '**/forge/**', '**/sandbox/**', '**/cli/**', '**/store/**'],
              message: 'The engine is the inner ring.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine receives `now`.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine receives `now`.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The engine is deterministic.',
        },
      ],
    },
  },
  // app: use cases against ports. No Forge SDKs, no adapters.
  {
    files: ['src/app/**/*.ts'],
    ignores: ['src/app/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...ioModules, ...forgeSdks], message: 'Use cases reach the world through ports.' },
            {
              group: ['**/forge/**', '**/sandbox/**', '**/cli/**', '**/store/**'],
              message: 'Use cases do not know their adapters.',
            },
          ],
        },
      ],
    },
  },
  // ── Custom UIs (static/) ──────────────────────────────────────────────────────────────────────────────
  // Browser code: React's hook rules, and Atlassian's design-system rules for tokens. The rules that ask for
  // Atlaskit's components in place of HTML elements (buttons, headings, text, visually hidden) are off: the
  // issue panel must load in 150 KB gzipped, and those components bring Atlaskit's primitives and its
  // feature-flag client (62 KB measured for a lozenge alone). The panel styles HTML with the same tokens.
  {
    files: ['static/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    ...designSystem.configs['recommended/flat'],
    rules: {
      ...designSystem.configs['recommended/flat'].rules,
      '@atlaskit/design-system/no-html-button': 'off',
      '@atlaskit/design-system/no-html-heading': 'off',
      '@atlaskit/design-system/use-heading': 'off',
      '@atlaskit/design-system/use-primitives-text': 'off',
      '@atlaskit/design-system/use-visually-hidden': 'off',
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    ignores: [
      'static/**/*.test.{ts,tsx}',
      'static/shared/testing/**',
      'static/shared/build/**',
      'static/*/vite.config.ts',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'Custom UIs run in the browser.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['date-holidays', 'ical.js'],
              message: 'Not in a browser bundle: the backend resolves region holidays and reads ICS files.',
            },
            {
              regex:
                '/engine/(calendar/(region-holidays|region-lookup|ics)|config/.*|evaluate(/(index|evaluate|replay|measure|conditions))?)$',
              message:
                'Not in a browser bundle (holiday data, ICS, agreement compiling): the backend evaluates; UIs compile calendars and count.',
            },
            {
              group: [
                ...ioModules,
                '@forge/api',
                '@forge/sql',
                '@forge/events',
                '@forge/realtime',
                '@forge/resolver',
              ],
              message: 'Custom UIs run in the browser.',
            },
          ],
        },
      ],
    },
  },
  // The UIs see the backend through its types only (the route contract, reply types): no server module in a
  // bundle. The realtime channel's name is the one value they share.
  {
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['static/**/*.test.{ts,tsx}', 'static/shared/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/src/(app/(?!ports/publisher$)|forge/|store/|sandbox/)',
              allowTypeImports: true,
              message:
                'Custom UIs import server modules as types only (`import type`): see src/app/resolvers/contract.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    ignores: ['static/shared/forge-backend.ts', 'static/*/src/main.tsx', 'static/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='@forge/bridge']",
          message:
            'UI code takes a Backend (shared/backend.ts); only shared/forge-backend.ts talks to the bridge.',
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      // jest's asymmetric matchers (expect.objectContaining, …) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  prettier,
);
