// Gas of each session in sessions/ on the emulated 1.5.6 node (opcodes, host functions and
// storage; no payment phase yet), with its release size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLValue, installStub, publicKeyFromRaw, TestEnv } from '../runtime';
import { accountKey } from '../runtime/types';
import { report } from './util';

const size = (name: string) => readFileSync(join(__dirname, '..', 'build', `${name}.wasm`)).length;
const rows: [string, string][] = [];
const run = (name: string, env: TestEnv, args: Parameters<TestEnv['runSession']>[0]['args']) => {
  const r = env.runSession({ wasm: name, args });
  if (!r.success) throw new Error(`${name}: ${r.error?.message}`);
  rows.push([`${name} (${size(name)} B)`, `${r.gasUsed.toLocaleString('en')} gas`]);
};

const amount = CLValue.u512(2_500_000_000n);
run('transfer-to-account', new TestEnv(), [
  { name: 'target', value: CLValue.byteArray32(new Uint8Array(32).fill(7)) },
  { name: 'amount', value: amount },
]);
run('transfer-to-public-key', new TestEnv(), [
  { name: 'target', value: CLValue.publicKey(publicKeyFromRaw(1, new Uint8Array(32))!) },
  { name: 'amount', value: amount },
]);
const env = new TestEnv();
const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(7n) } });
run('donation-count', env, [
  { name: 'fundraiser_contract_hash', value: CLValue.byteArray32(stub.contractHash) },
  { name: 'donating_account_key', value: CLValue.key(accountKey(env.defaultAccountHash)) },
]);
report('session gas (new target account; donation-count against a JS stub)', rows);
