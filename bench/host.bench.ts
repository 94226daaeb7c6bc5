// Host throughput: executions per second of the transfer-to-public-key session in a TestEnv,
// against a bare WebAssembly.Instance + call of the same (externalized) module with no-op
// imports, measured in the same run. Medians over batches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLValue, publicKeyFromRaw, TestEnv } from '../runtime';
import { loadCosts } from '../runtime/costs';
import { externalizeMemory } from '../runtime/wasm/externalize-memory';
import { median, report } from './util';

const wasm = new Uint8Array(readFileSync(join(__dirname, '..', 'build', 'transfer-to-public-key.wasm')));
const target = publicKeyFromRaw(1, new Uint8Array(32).fill(0)); // y = 0 is a valid Ed25519 point
if (!target) throw new Error('bench key is not a valid point');
const args = [
  { name: 'target', value: CLValue.publicKey(target) },
  { name: 'amount', value: CLValue.u512(2_500_000_000n) },
];

function perSecond(batch: number, fn: () => void): number {
  for (let i = 0; i < batch; i++) fn();
  const samples: number[] = [];
  for (let b = 0; b < 9; b++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((batch * 1000) / (performance.now() - t0));
  }
  return median(samples);
}

const env = new TestEnv();
const first = env.runSession({ wasm, args });
if (!first.success) throw new Error(`bench session failed: ${first.error?.message}`);
const host = perSecond(500, () => {
  const r = env.runSession({ wasm, args });
  if (!r.success) throw new Error(r.error?.message);
});

// The whole deploy: standard payment, the session, finalization (refund and fee transfers).
const deployEnv = new TestEnv();
const deploys = perSecond(200, () => {
  const r = deployEnv.runDeploy({ session: { wasm, args } });
  if (!r.success) throw new Error(r.error?.message);
});

// The same session with every opcode priced 0 (no block charges are injected): the cost of
// metering is the ratio between the two.
const zero = Object.fromEntries(
  Object.entries(loadCosts().wasm.opcode_costs).map(([k, v]) => [
    k,
    typeof v === 'number'
      ? 0
      : Object.fromEntries(
          Object.entries(v).map(([c, w]) => [c, typeof w === 'number' ? 0 : { cost: 0, size_multiplier: 0 }]),
        ),
  ]),
);
const unmeteredEnv = new TestEnv({ costs: { wasm: { opcode_costs: zero } } });
const unmetered = perSecond(500, () => {
  const r = unmeteredEnv.runSession({ wasm, args });
  if (!r.success) throw new Error(r.error?.message);
});

// The baseline's imports do the least that lets `call` run the same path: hand out the two
// args' bytes, report the transfer as done, and otherwise return 0.
const ext = externalizeMemory(wasm)!;
const mod = new WebAssembly.Module(ext.bytes);
const argBytes: Record<string, Uint8Array> = { target: args[0].value.bytes, amount: args[1].value.bytes };
const bare = perSecond(500, () => {
  const memory = new WebAssembly.Memory({ initial: ext.initial, maximum: ext.maximum });
  const name = (p: number, n: number) => Buffer.from(memory.buffer, p, n).toString('latin1');
  const imports: Record<string, unknown> = { memory };
  for (const i of WebAssembly.Module.imports(mod)) if (i.kind === 'function') imports[i.name] = () => 0;
  imports.casper_get_named_arg_size = (p: number, n: number, out: number) => {
    new DataView(memory.buffer).setUint32(out, argBytes[name(p, n)].length, true);
    return 0;
  };
  imports.casper_get_named_arg = (p: number, n: number, dest: number) => {
    new Uint8Array(memory.buffer).set(argBytes[name(p, n)], dest);
    return 0;
  };
  imports.casper_transfer_to_account = (...a: number[]) => {
    new DataView(memory.buffer).setUint32(a[6], 0, true); // TransferredTo::ExistingAccount
    return 0;
  };
  const inst = new WebAssembly.Instance(mod, { env: imports as WebAssembly.ModuleImports });
  (inst.exports.call as () => void)();
});

report('host: transfer-to-public-key', [
  ['TestEnv.runSession (metered, 1.5.6 costs)', `${Math.round(host).toLocaleString('en')} executions/s`],
  ['TestEnv.runSession (opcodes priced 0)', `${Math.round(unmetered).toLocaleString('en')} executions/s`],
  ['metering cost (unmetered / metered throughput)', `${(unmetered / host).toFixed(2)}×`],
  ['TestEnv.runDeploy (payment + session + finalization)', `${Math.round(deploys).toLocaleString('en')} deploys/s`],
  ['bare Instance + call, no-op imports', `${Math.round(bare).toLocaleString('en')} executions/s`],
  ['host overhead', `${(bare / host).toFixed(2)}× the bare run's time per execution`],
]);

// An infinite loop at the default session gas limit: how long until the node's GasLimit.
const loopEnv = new TestEnv();
const wabtLoop = Uint8Array.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x05,
  0x03, 0x01, 0x00, 0x01, 0x07, 0x08, 0x01, 0x04, 0x63, 0x61, 0x6c, 0x6c, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00,
  0x03, 0x40, 0x0c, 0x00, 0x0b, 0x0b,
]); // (func (export "call") (loop (br 0)))
const t0 = performance.now();
const looped = loopEnv.runSession({ wasm: wabtLoop });
const loopMs = performance.now() - t0;
if (looped.error?.kind !== 'GasLimit') throw new Error(`expected GasLimit, got ${looped.error?.kind}`);
report('malicious: infinite loop at the default gas limit (1.5e12)', [
  ['wall time until GasLimit', `${loopMs.toFixed(0)} ms`],
]);
