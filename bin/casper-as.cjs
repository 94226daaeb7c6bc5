#!/usr/bin/env node
// The casper-as command line (cli/main.ts). Bad input prints one line, `casper-as: <message>`,
// and exits with its code (cli/errors.ts: 1 failed, 2 bad input, 3 node); only a defect of the
// CLI itself prints a stack trace (exit code 70).
//
// The project's TypeScript loads as scripts/lib/ts-require.cjs loads it (TypeScript's
// transpileModule, the same compiler options), but cached on disk: the CLI pulls in ~100 files (the
// emulator, the casper-js-sdk glue) and transpiling them on every invocation costs seconds. The
// cache is .cache/ts-require/ (git-ignored), keyed by path, size, mtime and TypeScript's version;
// TypeScript itself is only loaded on a cache miss.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const root = path.join(__dirname, '..');
const cacheDir = path.join(root, '.cache', 'ts-require');
const tsVersion = require('typescript/package.json').version;
let ts;

if (!require.extensions['.ts']) {
  require.extensions['.ts'] = (module, filename) => {
    const st = fs.statSync(filename);
    const key = crypto
      .createHash('sha256')
      .update(`${filename}\0${st.size}\0${st.mtimeMs}\0${tsVersion}\0v1`)
      .digest('hex');
    const cached = path.join(cacheDir, `${key}.js`);
    let output;
    try {
      output = fs.readFileSync(cached, 'utf8');
    } catch {
      ts = ts || require('typescript');
      output = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
          inlineSourceMap: true,
        },
        fileName: filename,
      }).outputText;
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const tmp = `${cached}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, output);
        fs.renameSync(tmp, cached);
      } catch {
        // no cache (read-only checkout): transpile every time
      }
    }
    module._compile(output, filename);
  };
}

let runCli;
try {
  ({ runCli } = require('../cli/main.ts'));
} catch (e) {
  process.stderr.write(`casper-as: internal error while loading: ${(e && e.stack) || e}\n`);
  process.exit(70);
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`casper-as: internal error: ${(e && e.stack) || e}\n`);
    process.exitCode = 70;
  },
);
