/** Jest: TypeScript through SWC; tests load already-built Wasm from build/ (see scripts/asbuild.mjs). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
};
