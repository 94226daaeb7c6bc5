/** Jest: TypeScript through ts-jest (transpile only; `npm run typecheck` type-checks). Tests load already-built Wasm from build/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
};
