// Lets Node scripts (the build, the CLI) require the project's TypeScript (runtime/) directly:
// .ts files are transpiled with @swc/core on load, as jest does with @swc/jest.
const fs = require('node:fs');
const swc = require('@swc/core');

const options = {
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
}

module.exports = {};
