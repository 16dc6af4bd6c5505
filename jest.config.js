/**
 * Tests run under a non-UTC host zone (package.json sets TZ=Asia/Singapore), so nothing can lean on the
 * machine's own zone. TypeScript is only transpiled here; `npm run typecheck` is the type gate.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  // No test may depend on the machine's speed: jest's default of 5 s per test failed the MariaDB store suite on
  // two cores under a load average of 14. A test that hangs still fails, after a minute.
  testTimeout: 60_000,
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/static'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
    // The Custom UIs' components (static/); a test that renders one asks for jsdom in its docblock.
    '^.+\\.tsx$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
      },
    ],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Atlaskit's components import their compiled CSS; component tests render without it.
  moduleNameMapper: { '\\.css$': '<rootDir>/static/shared/testing/style-stub.cjs' },
};
