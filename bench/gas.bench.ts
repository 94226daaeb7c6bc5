// Every session in sessions/, run as a whole deploy on the emulated 1.5.6 node (standard payment
// of 2,500 CSPR, gas price 1): its release size and ratio to a 13 KB Rust CEP-78 call session,
// the session gas (opcodes, host functions, storage, system-contract costs) and what the deploy
// cost the account (the fee: gas + 1 % of the unspent payment, as 1.5.6 refunds 99/100).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLValue, installStub, TestEnv } from '../runtime';
import type { DeployResult } from '../runtime/env';
import { accountKey } from '../runtime/types';
import type { RuntimeArgs } from '../runtime/types/runtime-args';
import {
  addBidArgs,
  auctionEnv,
  CSPR,
  D,
  delegationArgs,
  hashOf,
  redelegationArgs,
  V1,
  V2,
  withdrawBidArgs,
} from '../test/runtime/auction/fixtures';

const RUST_CALL_SESSION = 13_000;
const size = (name: string) => readFileSync(join(__dirname, '..', 'build', `${name}.wasm`)).length;
const rows: string[][] = [];

function deploy(name: string, env: TestEnv, args: RuntimeArgs = [], caller?: Uint8Array): DeployResult {
  const r = env.runDeploy({ session: { wasm: name, args }, caller });
  if (!r.success) throw new Error(`${name}: ${r.error?.message}`);
  return r;
}

function row(label: string, name: string, r: DeployResult): void {
  const bytes = size(name);
  rows.push([
    label,
    bytes.toLocaleString('en'),
    `1/${(RUST_CALL_SESSION / bytes).toFixed(1)}`,
    r.sessionGasUsed!.toLocaleString('en'),
    `${(Number(r.fee) / 1e9).toFixed(4)} CSPR`,
  ]);
}

const run = (name: string, env: TestEnv, args: RuntimeArgs = [], label = name, caller?: Uint8Array) =>
  row(label, name, deploy(name, env, args, caller));

const amount = CLValue.u512(2_500_000_000n);
run('transfer-to-account', new TestEnv(), [
  { name: 'target', value: CLValue.byteArray32(new Uint8Array(32).fill(7)) },
  { name: 'amount', value: amount },
]);
{
  const env = new TestEnv();
  run('transfer-to-public-key', env, [
    { name: 'target', value: CLValue.publicKey(V1) },
    { name: 'amount', value: amount },
  ]);
}
{
  const env = new TestEnv();
  run('create-purse', env, [
    { name: 'name', value: CLValue.string('savings') },
    { name: 'amount', value: amount },
  ]);
  const purse = env.namedKeys().get('savings');
  if (purse?.tag !== 2) throw new Error('create-purse stored no purse');
  run('transfer-purse-to-purse', env, [
    { name: 'target_purse', value: CLValue.uref(purse.uref) },
    { name: 'amount', value: amount },
  ]);
}
{
  const env = new TestEnv();
  run('add-associated-key', env, [
    { name: 'associated_key', value: CLValue.byteArray32(new Uint8Array(32).fill(9)) },
    { name: 'weight', value: CLValue.u8(1) },
  ]);
  run('set-action-thresholds', env, [
    { name: 'deployment_threshold', value: CLValue.u8(1) },
    { name: 'key_management_threshold', value: CLValue.u8(2) },
  ]);
}
{
  const env = new TestEnv();
  run('keys-manager', env, [], 'keys-manager (install)');
  run('counter-install', env);
  run('counter-call', env);
}
{
  const env = new TestEnv();
  const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(7n) } });
  run(
    'donation-count',
    env,
    [
      { name: 'fundraiser_contract_hash', value: CLValue.byteArray32(stub.contractHash) },
      { name: 'donating_account_key', value: CLValue.key(accountKey(env.defaultAccountHash)) },
    ],
    'donation-count (JS stub)',
  );
}
{
  const env = auctionEnv();
  const d = hashOf(D);
  run('delegate', env, delegationArgs(D, V1, 1000n * CSPR), 'delegate (1,000 CSPR)', d);
  run('undelegate', env, delegationArgs(D, V1, 400n * CSPR), 'undelegate (400 CSPR)', d);
  run('redelegate', env, redelegationArgs(D, V1, 600n * CSPR, V2), 'redelegate (600 CSPR)', d);
  run('add-bid', env, addBidArgs(D, 10, 10_000n * CSPR), 'add-bid (10,000 CSPR)', d);
  run('withdraw-bid', env, withdrawBidArgs(D, 500n * CSPR), 'withdraw-bid (500 CSPR)', d);
}
{
  const env = new TestEnv();
  deploy('create-purse', env, [
    { name: 'name', value: CLValue.string('gas') },
    { name: 'amount', value: CLValue.u512(100n * CSPR) },
  ]);
  const r = env.runDeploy({
    payment: {
      wasm: 'named-purse-payment',
      args: [
        { name: 'purse_name', value: CLValue.string('gas') },
        { name: 'amount', value: CLValue.u512(10n * CSPR) },
      ],
    },
    session: {
      wasm: 'transfer-to-account',
      args: [
        { name: 'target', value: CLValue.byteArray32(new Uint8Array(32).fill(7)) },
        { name: 'amount', value: amount },
      ],
    },
  });
  if (!r.success) throw new Error(`named-purse-payment: ${r.error?.message}`);
  const bytes = size('named-purse-payment');
  rows.push([
    'named-purse-payment (payment phase)',
    bytes.toLocaleString('en'),
    `1/${(RUST_CALL_SESSION / bytes).toFixed(1)}`,
    r.paymentGasUsed.toLocaleString('en'),
    `${(Number(r.fee) / 1e9).toFixed(4)} CSPR`,
  ]);
}

const head = ['session', 'bytes', 'vs Rust 13 KB', 'gas', 'deploy fee'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
process.stdout.write(`\nsession gas and size (whole deploys, standard payment 2,500 CSPR, gas price 1)\n`);
process.stdout.write(`  ${line(head)}\n`);
for (const r of rows) process.stdout.write(`  ${line(r)}\n`);
