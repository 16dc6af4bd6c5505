/**
 * Tests run under a non-UTC host zone (package.json sets TZ=Asia/Singapore), so nothing can lean on the
 * machine's own zone. TypeScript is only transpiled here; `npm run typecheck` is the type gate.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
