// npm run asbuild: sessions/<name>.ts → build/<name>.wasm (release) and build/debug/<name>.wasm
// (+ .wasm.map), then the jest harness modules. Prints a size table; exits non-zero on any error.
//
//   node scripts/asbuild.mjs [names…] [--quiet] [--force]
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildHarness } from './lib/harness.mjs';
import { buildSession } from './lib/session.mjs';

const argv = process.argv.slice(2);
const quiet = argv.includes('--quiet');
const force = argv.includes('--force');
const wanted = argv.filter((a) => !a.startsWith('--'));
const log = (s) => quiet || process.stdout.write(`${s}\n`);

const all = readdirSync('sessions')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => basename(f, '.ts'))
  .sort();
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length) {
  process.stderr.write(`asbuild: no session named ${unknown.map((n) => `sessions/${n}.ts`).join(', ')}\n`);
  process.exit(2);
}
const names = wanted.length ? wanted : all;

const t0 = performance.now();
const rows = [];
let failures = 0;
for (const name of names) {
  const r = await buildSession(name, { force });
  if (!r.ok) {
    failures++;
    process.stderr.write(`asbuild: ${name}: ${r.error}\n`);
    continue;
  }
  rows.push(r);
}
if (!wanted.length) {
  // Build fixtures (test/fixtures/sessions → build/fixtures): sessions the build tests run.
  for (const f of readdirSync('test/fixtures/sessions').filter((f) => f.endsWith('.ts'))) {
    const r = await buildSession(basename(f, '.ts'), {
      force,
      dir: 'test/fixtures/sessions',
      outDir: 'build/fixtures',
    });
    if (!r.ok) {
      failures++;
      process.stderr.write(`asbuild: fixture ${f}: ${r.error}\n`);
    }
  }
  for (const f of readdirSync('test/harness').filter((f) => f.endsWith('.ts'))) {
    const r = await buildHarness(basename(f, '.ts'));
    if (!r.ok) {
      failures++;
      process.stderr.write(`asbuild: harness ${f}: ${r.stderr}\n`);
    }
  }
}
const total = performance.now() - t0;

if (rows.length) {
  const RUST_CEP78_CALL_SESSION = 13_000; // smallest of the Rust CEP-78 call sessions (13–22 KB)
  const head = ['session', 'bytes', 'debug', 'vs Rust 13 KB', 'host functions', 'build'];
  const body = rows.map((r) => [
    r.name,
    String(r.size),
    String(r.debugSize),
    `1/${(RUST_CEP78_CALL_SESSION / r.size).toFixed(1)}`,
    `${r.imports.length}: ${r.imports.map((i) => i.replace(/^casper_/, '')).join(', ')}`,
    r.skipped ? 'up to date' : `${Math.round(r.ms)} ms`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) log(line(b));
  log(`${rows.length} session(s) in ${Math.round(total)} ms`);
}
process.exit(failures ? 1 : 0);
