// Instrumentation cost: gas injection and the stack-height limiter on a real session module and
// on the CEP-18 contract (199 KB, Rust-built). Medians of repeated runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCosts } from '../runtime/costs';
import { injectGasCounter } from '../runtime/wasm/gas-inject';
import { injectStackLimiter } from '../runtime/wasm/stack-height';
import { median, report } from './util';

const costs = loadCosts().wasm.opcode_costs;
const cep18js = readFileSync(
  join(__dirname, '..', 'node_modules', 'casper-cep18-js-client', 'dist', 'wasm', 'cep18.js'),
  'utf8',
);
const modules: Array<[string, Uint8Array]> = [
  ['donation-count session', new Uint8Array(readFileSync(join(__dirname, '..', 'build', 'donation-count.wasm')))],
  ['CEP-18 contract', new Uint8Array(Buffer.from(/var base64 = "([^"]+)"/.exec(cep18js)![1], 'base64'))],
];

function ms(fn: () => void): number {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const rows: [string, string][] = [];
for (const [name, bytes] of modules) {
  const gas = ms(() => injectGasCounter(bytes, costs));
  const injected = injectGasCounter(bytes, costs);
  if ('error' in injected) throw new Error(`${name}: ${injected.error}`);
  const stack = ms(() => injectStackLimiter(injected.bytes));
  rows.push([`${name} (${bytes.length} B): gas injection`, `${gas.toFixed(2)} ms`]);
  rows.push([`${name}: stack-height limiter`, `${stack.toFixed(2)} ms`]);
}
report('instrumentation (median)', rows);
