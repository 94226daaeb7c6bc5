// add-associated-key: associated keys of the caller's account, and the ApiErrors the Rust
// `add_associated_key(..).unwrap_or_revert()` gives: MaxKeysLimit 21, DuplicateKey 22,
// PermissionDenied 23.
import { Args, CLValue as SdkCLValue, KeyAlgorithm, PrivateKey } from 'casper-js-sdk';
import { ApiErrorCode, CLValue, DEFAULT_ACCOUNT_INITIAL_BALANCE, TestEnv } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';

const bob = PrivateKey.fromHex('11'.repeat(32), KeyAlgorithm.ED25519).publicKey.accountHash().toBytes();
const carol = PrivateKey.fromHex('22'.repeat(32), KeyAlgorithm.ED25519).publicKey.accountHash().toBytes();

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

function args(accountHash: Uint8Array, weight: number): RuntimeArgs {
  return [
    { name: 'associated_key', value: CLValue.byteArray32(accountHash) },
    { name: 'weight', value: CLValue.u8(weight) },
  ];
}

/** The account's associated keys as [hex, weight] pairs, in the record's (sorted) order. */
function keysOf(env: TestEnv): [string, number][] {
  return env.account()!.associatedKeys.map((k) => [Buffer.from(k.accountHash).toString('hex'), k.weight]);
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const sorted = (pairs: [string, number][]) => [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : 1));

test('associates `associated_key` with `weight`; thresholds stay 1/1; the deploy is charged its gas', () => {
  const env = new TestEnv();
  const me = env.defaultAccountHash;
  const r = env.runDeploy({
    session: {
      wasm: 'add-associated-key',
      args: Args.fromMap({ associated_key: SdkCLValue.newCLByteArray(bob), weight: SdkCLValue.newCLUint8(3) }),
    },
  });
  expect(r).toSucceed();
  expect(keysOf(env)).toEqual(
    sorted([
      [hex(me), 1],
      [hex(bob), 3],
    ]),
  );
  expect(env.account()!.actionThresholds).toEqual({ deployment: 1, keyManagement: 1 });
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - charged(DEFAULT_PAYMENT, r.gasUsed));
  // bob's key alone now authorizes deploys of this account (weight 3 ≥ deployment threshold 1).
  expect(env.runSession({ wasm: 'add-associated-key', args: args(carol, 1), authorizationKeys: [bob] })).toSucceed();
  expect(keysOf(env)).toHaveLength(3);
});

test('weight 0 is accepted as the Rust session accepts it', () => {
  const env = new TestEnv();
  expect(env.runSession({ wasm: 'add-associated-key', args: args(bob, 0) })).toSucceed();
  expect(keysOf(env)).toContainEqual([hex(bob), 0]);
});

test('a key that is already associated: DuplicateKey (22); nothing changes', () => {
  const env = new TestEnv();
  expect(env.runSession({ wasm: 'add-associated-key', args: args(bob, 1) })).toSucceed();
  const root = env.stateRoot();
  const again = env.runSession({ wasm: 'add-associated-key', args: args(bob, 2) });
  expect(again).toRevertWith('DuplicateKey');
  expect(again.error?.apiError?.code).toBe(22);
  // The account's own key too.
  expect(env.runSession({ wasm: 'add-associated-key', args: args(env.defaultAccountHash, 1) })).toRevertWith(22);
  expect(env.stateRoot()).toBe(root);
});

test('the 101st key: MaxKeysLimit (21); nothing changes', () => {
  const env = new TestEnv();
  // The account's own key plus 99 more reach the chainspec's max_associated_keys = 100.
  for (let i = 1; i <= 99; i++) {
    const r = env.runSession({ wasm: 'add-associated-key', args: args(new Uint8Array(32).fill(i), 1) });
    expect(r).toSucceed();
  }
  expect(keysOf(env)).toHaveLength(100);
  const root = env.stateRoot();
  const r = env.runSession({ wasm: 'add-associated-key', args: args(new Uint8Array(32).fill(100), 1) });
  expect(r).toRevertWith('MaxKeysLimit');
  expect(r.error?.apiError?.code).toBe(21);
  expect(env.stateRoot()).toBe(root);
});

test('keys below the key-management threshold: PermissionDenied (23); with enough weight it succeeds', () => {
  const env = new TestEnv();
  const me = env.defaultAccountHash;
  // me:1, bob:1, deployment 1, key management 2: either key deploys, only both manage keys.
  expect(env.runSession({ wasm: 'add-associated-key', args: args(bob, 1) })).toSucceed();
  const thresholds = [
    { name: 'deployment_threshold', value: CLValue.u8(1) },
    { name: 'key_management_threshold', value: CLValue.u8(2) },
  ];
  expect(env.runSession({ wasm: 'set-action-thresholds', args: thresholds })).toSucceed();
  const root = env.stateRoot();
  for (const signer of [me, bob]) {
    const r = env.runSession({ wasm: 'add-associated-key', args: args(carol, 1), authorizationKeys: [signer] });
    expect(r).toRevertWith('PermissionDenied');
    expect(r.error?.apiError?.code).toBe(23);
  }
  expect(env.stateRoot()).toBe(root);
  expect(
    env.runSession({ wasm: 'add-associated-key', args: args(carol, 1), authorizationKeys: [me, bob] }),
  ).toSucceed();
  expect(keysOf(env)).toContainEqual([hex(carol), 1]);
});

test('a missing argument reverts MissingArgument; nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const [key, weight] = args(bob, 1);
  expect(env.runSession({ wasm: 'add-associated-key', args: [weight] })).toRevertWith('MissingArgument');
  expect(env.runSession({ wasm: 'add-associated-key', args: [key] })).toRevertWith(ApiErrorCode.MissingArgument);
  expect(env.stateRoot()).toBe(root);
});

test('arguments of the wrong CLType revert InvalidArgument; nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const bad: RuntimeArgs[] = [
    // A Key::Account is the tag byte + 32 bytes: one byte too many for an AccountHash.
    [
      { name: 'associated_key', value: CLValue.key({ tag: 0, addr: bob }) },
      { name: 'weight', value: CLValue.u8(1) },
    ],
    // A U32 weight is four bytes.
    [
      { name: 'associated_key', value: CLValue.byteArray32(bob) },
      { name: 'weight', value: CLValue.u32(1) },
    ],
  ];
  for (const a of bad) expect(env.runSession({ wasm: 'add-associated-key', args: a })).toRevertWith('InvalidArgument');
  expect(env.stateRoot()).toBe(root);
});
