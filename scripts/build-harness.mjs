// Builds jest harness modules: test/harness/<name>.ts → build/test/<name>.wasm.
// Usage: node scripts/build-harness.mjs [name…]   (no names: all of them)
import { readdirSync } from 'node:fs';
import { buildHarness } from './lib/harness.mjs';

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = readdirSync('test/harness')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));
let failed = 0;
for (const name of names.length ? names : all) {
  const r = await buildHarness(name);
  if (!r.ok) {
    failed++;
    process.stderr.write(`harness ${name}: FAILED\n${r.stderr}\n`);
  } else if (!process.argv.includes('--quiet')) {
    process.stdout.write(`harness ${name}: ${r.skipped ? 'up to date' : 'built'}\n`);
  }
}
process.exit(failed ? 1 : 0);
