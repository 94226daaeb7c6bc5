// set-action-thresholds: key management first, then deployment; the ApiErrors the Rust
// `set_action_threshold(..).unwrap_or_revert()` gives: PermissionDenied 23,
// KeyManagementThreshold 26, DeploymentThreshold 27, InsufficientTotalWeight 28. And the Casper
// docs' two-party multi-sig setup built from add-associated-key and this session.
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

function thresholds(deployment: number, keyManagement: number): RuntimeArgs {
  return [
    { name: 'deployment_threshold', value: CLValue.u8(deployment) },
    { name: 'key_management_threshold', value: CLValue.u8(keyManagement) },
  ];
}

function addKey(env: TestEnv, accountHash: Uint8Array, weight: number): void {
  const r = env.runSession({
    wasm: 'add-associated-key',
    args: [
      { name: 'associated_key', value: CLValue.byteArray32(accountHash) },
      { name: 'weight', value: CLValue.u8(weight) },
    ],
  });
  expect(r).toSucceed();
}

test('the two-party multi-sig setup: afterwards the account alone cannot deploy, both together can', () => {
  const env = new TestEnv();
  const me = env.defaultAccountHash;
  const add = env.runDeploy({
    session: {
      wasm: 'add-associated-key',
      args: Args.fromMap({ associated_key: SdkCLValue.newCLByteArray(bob), weight: SdkCLValue.newCLUint8(1) }),
    },
  });
  expect(add).toSucceed();
  const set = env.runDeploy({
    session: {
      wasm: 'set-action-thresholds',
      args: Args.fromMap({
        deployment_threshold: SdkCLValue.newCLUint8(2),
        key_management_threshold: SdkCLValue.newCLUint8(2),
      }),
    },
  });
  expect(set).toSucceed();
  expect(env.account()!.actionThresholds).toEqual({ deployment: 2, keyManagement: 2 });
  const paid = charged(DEFAULT_PAYMENT, add.gasUsed) + charged(DEFAULT_PAYMENT, set.gasUsed);
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - paid);

  // A deploy signed by the account alone (or by bob alone) does not run at all: nothing charged.
  const root = env.stateRoot();
  const alone = env.runDeploy({ session: { wasm: 'set-action-thresholds', args: thresholds(1, 1) } });
  expect(alone).toFailWith('DeploymentAuthorizationFailure', 'Deployment authorization failure');
  expect(alone.precondition).toBe(true);
  const bobAlone = env.runSession({ wasm: 'set-action-thresholds', args: thresholds(1, 1), authorizationKeys: [bob] });
  expect(bobAlone).toFailWith('DeploymentAuthorizationFailure');
  expect(env.stateRoot()).toBe(root);

  // Both signers: the deploy runs (and may manage keys: weight 2 ≥ key management 2).
  const both = env.runDeploy({
    session: {
      wasm: 'add-associated-key',
      args: [
        { name: 'associated_key', value: CLValue.byteArray32(carol) },
        { name: 'weight', value: CLValue.u8(1) },
      ],
    },
    authorizationKeys: [me, bob],
  });
  expect(both).toSucceed();
  expect(env.account()!.associatedKeys).toHaveLength(3);
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - paid - charged(DEFAULT_PAYMENT, both.gasUsed));
});

test('sets key management before deployment: raising both in one run never trips DeploymentThreshold', () => {
  const env = new TestEnv();
  addKey(env, bob, 2);
  // deployment 3 > the current key management 1: only valid because key management is set first.
  expect(env.runSession({ wasm: 'set-action-thresholds', args: thresholds(3, 3) })).toSucceed();
  expect(env.account()!.actionThresholds).toEqual({ deployment: 3, keyManagement: 3 });
});

test('deployment above the new key management: DeploymentThreshold (27); nothing changes', () => {
  const env = new TestEnv();
  addKey(env, bob, 1);
  const root = env.stateRoot();
  const r = env.runSession({ wasm: 'set-action-thresholds', args: thresholds(2, 1) });
  expect(r).toRevertWith('DeploymentThreshold');
  expect(r.error?.apiError?.code).toBe(27);
  expect(env.stateRoot()).toBe(root);
  expect(env.account()!.actionThresholds).toEqual({ deployment: 1, keyManagement: 1 });
});

test('key management below the current deployment threshold: KeyManagementThreshold (26); nothing changes', () => {
  const env = new TestEnv();
  const me = env.defaultAccountHash;
  addKey(env, bob, 1);
  expect(env.runSession({ wasm: 'set-action-thresholds', args: thresholds(2, 2) })).toSucceed();
  const root = env.stateRoot();
  const r = env.runSession({
    wasm: 'set-action-thresholds',
    args: thresholds(1, 1),
    authorizationKeys: [me, bob],
  });
  // Key management (set first) 1 < deployment 2.
  expect(r).toRevertWith('KeyManagementThreshold');
  expect(r.error?.apiError?.code).toBe(26);
  expect(env.stateRoot()).toBe(root);
});

test('a threshold above the total weight of the keys: InsufficientTotalWeight (28); nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({ wasm: 'set-action-thresholds', args: thresholds(1, 2) });
  expect(r).toRevertWith('InsufficientTotalWeight');
  expect(r.error?.apiError?.code).toBe(28);
  expect(env.stateRoot()).toBe(root);
});

test('keys below the key-management threshold: PermissionDenied (23); nothing changes', () => {
  const env = new TestEnv();
  addKey(env, bob, 1);
  expect(env.runSession({ wasm: 'set-action-thresholds', args: thresholds(1, 2) })).toSucceed();
  const root = env.stateRoot();
  const r = env.runSession({ wasm: 'set-action-thresholds', args: thresholds(1, 1) });
  expect(r).toRevertWith('PermissionDenied');
  expect(r.error?.apiError?.code).toBe(23);
  expect(env.stateRoot()).toBe(root);
});

test('a missing argument reverts MissingArgument; nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const [deployment, keyManagement] = thresholds(1, 1);
  expect(env.runSession({ wasm: 'set-action-thresholds', args: [keyManagement] })).toRevertWith('MissingArgument');
  expect(env.runSession({ wasm: 'set-action-thresholds', args: [deployment] })).toRevertWith(
    ApiErrorCode.MissingArgument,
  );
  expect(env.stateRoot()).toBe(root);
});

test('arguments of the wrong CLType revert InvalidArgument; nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const bad: RuntimeArgs[] = [
    [
      { name: 'deployment_threshold', value: CLValue.u32(1) },
      { name: 'key_management_threshold', value: CLValue.u8(1) },
    ],
    [
      { name: 'deployment_threshold', value: CLValue.u8(1) },
      { name: 'key_management_threshold', value: CLValue.string('1') },
    ],
  ];
  for (const a of bad) {
    expect(env.runSession({ wasm: 'set-action-thresholds', args: a })).toRevertWith('InvalidArgument');
  }
  expect(env.stateRoot()).toBe(root);
});
