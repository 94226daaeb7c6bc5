// Lets Node scripts (the build, benchmarks, the CLI) require the project's TypeScript (runtime/)
// directly: .ts files are transpiled on load with TypeScript's own transpileModule, as jest does
// with ts-jest (type checking is `npm run typecheck`'s job).
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  inlineSourceMap: true,
};

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
      compilerOptions,
      fileName: filename,
    });
    module._compile(outputText, filename);
  };
}

module.exports = {};
