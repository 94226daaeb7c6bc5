// keys-manager: a locked contract whose Session entry points manage the calling account's keys
// and thresholds, called from other deploys by named key (StoredContractByName).
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import {
  ApiErrorCode,
  CLValue,
  CLTypes,
  DEFAULT_ACCOUNT_INITIAL_BALANCE,
  TestEnv,
  userError,
  type ExecutionResult,
} from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { listType } from '../../runtime/types/cltype';
import { EntryPointType, PUBLIC_ACCESS } from '../../runtime/types/entry-points';
import { hashKey } from '../../runtime/types/key';
import {
  publicKeyAccountHash,
  publicKeyFromRaw,
  SYSTEM_PUBLIC_KEY,
  type PublicKey,
} from '../../runtime/types/public-key';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';

/** The keys-manager's errors (errors.rs), as ApiError::User codes. */
const KmError = {
  PermissionDenied: userError(2),
  ThresholdViolation: userError(3),
  MaxKeysLimit: userError(4),
  KeyManagementThreshold: userError(6),
  DeploymentThreshold: userError(7),
  InsufficientTotalWeight: userError(8),
} as const;

function edKey(seed: number): PublicKey {
  return publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(seed)))!;
}
const BOB_PK = edKey(0x11);
const BOB = publicKeyAccountHash(BOB_PK);
const CAROL_PK = edKey(0x22);
const CAROL = publicKeyAccountHash(CAROL_PK);

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** An account's associated keys as { hex: weight }. */
function keysOf(env: TestEnv, account?: Uint8Array): Record<string, number> {
  return Object.fromEntries(env.account(account)!.associatedKeys.map((k) => [hex(k.accountHash), k.weight]));
}

function thresholdsOf(env: TestEnv, account?: Uint8Array) {
  return env.account(account)!.actionThresholds;
}

/** A fresh env (Bob has an account too) with keys-manager (`wasm`) installed by the default account. */
function installed(wasm: string): TestEnv {
  const env = new TestEnv({ accounts: [{ publicKey: BOB_PK, balance: 100_000_000_000n }] });
  expect(env.runSession({ wasm })).toSucceed();
  return env;
}

function call(
  env: TestEnv,
  entryPoint: string,
  args: RuntimeArgs,
  opts: { caller?: Uint8Array; authorizationKeys?: Uint8Array[] } = {},
): ExecutionResult {
  return env.runStoredContract({ target: { name: 'keys_manager' }, entryPoint, args, ...opts });
}

const keyWeight = (pk: PublicKey, weight: number): RuntimeArgs => [
  { name: 'account', value: CLValue.publicKey(pk) },
  { name: 'weight', value: CLValue.u8(weight) },
];
const weight = (w: number): RuntimeArgs => [{ name: 'weight', value: CLValue.u8(w) }];
function setAllArgs(deployment: number, keyManagement: number, accounts: PublicKey[], weights: number[]): RuntimeArgs {
  return [
    { name: 'deployment_thereshold', value: CLValue.u8(deployment) },
    { name: 'key_management_threshold', value: CLValue.u8(keyManagement) },
    {
      name: 'accounts',
      value: CLValue.list(
        CLTypes.PublicKey,
        accounts.map((pk) => CLValue.publicKey(pk)),
      ),
    },
    {
      name: 'weights',
      value: CLValue.list(
        CLTypes.U8,
        weights.map((w) => CLValue.u8(w)),
      ),
    },
  ];
}

// The session, and the hand-written module that measures its size floor
// (test/fixtures/sessions/keys-manager-floor.ts): the same tests, so the same behaviour.
describe.each(['keys-manager', 'fixtures/keys-manager-floor'])('%s', (wasm) => {
  test('installs a locked contract with four Session entry points and the two named keys', () => {
    const env = new TestEnv();
    const r = env.runDeploy({ session: { wasm } });
    expect(r).toSucceed();
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - charged(DEFAULT_PAYMENT, r.gasUsed));

    const named = env.namedKeys();
    expect([...named.keys()]).toEqual(['keys_manager', 'keys_manager_hash']);
    const km = named.get('keys_manager');
    if (km?.tag !== 1) throw new Error('keys_manager is not a Key::Hash');
    expect(env.queryCLValue(named.get('keys_manager_hash')!)).toEqual(CLValue.byteArray32(km.addr));

    const contract = env.query(hashKey(km.addr));
    if (contract?.tag !== 3) throw new Error('no contract');
    const pkg = env.query(hashKey(contract.contract.contractPackageHash));
    if (pkg?.tag !== 4) throw new Error('no package');
    expect(pkg.contractPackage.locked).toBe(true);
    expect(pkg.contractPackage.versions).toEqual([
      { protocolVersionMajor: 1, contractVersion: 1, contractHash: km.addr },
    ]);
    expect(contract.contract.namedKeys.size).toBe(0);
    const session = { ret: CLTypes.Unit, access: PUBLIC_ACCESS, entryPointType: EntryPointType.Session };
    const weightParam = { name: 'weight', clType: CLTypes.U8 };
    expect([...contract.contract.entryPoints.values()]).toEqual([
      {
        name: 'set_all',
        args: [
          { name: 'deployment_thereshold', clType: CLTypes.U8 },
          { name: 'key_management_threshold', clType: CLTypes.U8 },
          { name: 'accounts', clType: listType(CLTypes.PublicKey) },
          { name: 'weights', clType: listType(CLTypes.U8) },
        ],
        ...session,
      },
      { name: 'set_deployment_threshold', args: [weightParam], ...session },
      { name: 'set_key_management_threshold', args: [weightParam], ...session },
      { name: 'set_key_weight', args: [{ name: 'account', clType: CLTypes.PublicKey }, weightParam], ...session },
    ]);
  });

  test('set_key_weight adds, updates and (weight 0) removes a key of the calling account', () => {
    const env = installed(wasm);
    const me = hex(env.defaultAccountHash);
    const r = env.runDeploy({
      session: { target: { name: 'keys_manager' }, entryPoint: 'set_key_weight', args: keyWeight(BOB_PK, 2) },
    });
    expect(r).toSucceed();
    expect(keysOf(env)).toEqual({ [me]: 1, [hex(BOB)]: 2 });
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - charged(DEFAULT_PAYMENT, r.gasUsed));
    expect(call(env, 'set_key_weight', keyWeight(BOB_PK, 5))).toSucceed();
    expect(keysOf(env)).toEqual({ [me]: 1, [hex(BOB)]: 5 });
    expect(call(env, 'set_key_weight', keyWeight(BOB_PK, 0))).toSucceed();
    expect(keysOf(env)).toEqual({ [me]: 1 });
    // Removing a key that is not there is not an error.
    expect(call(env, 'set_key_weight', keyWeight(CAROL_PK, 0))).toSucceed();
    expect(keysOf(env)).toEqual({ [me]: 1 });
  });

  test('the entry points act on the caller’s account, not the installer’s', () => {
    const env = installed(wasm);
    const km = env.namedKeys().get('keys_manager');
    if (km?.tag !== 1) throw new Error('no keys_manager');
    const r = env.runStoredContract({
      target: { contractHash: km.addr },
      entryPoint: 'set_key_weight',
      args: keyWeight(CAROL_PK, 3),
      caller: BOB,
    });
    expect(r).toSucceed();
    expect(keysOf(env, BOB)).toEqual({ [hex(BOB)]: 1, [hex(CAROL)]: 3 });
    expect(keysOf(env)).toEqual({ [hex(env.defaultAccountHash)]: 1 });
  });

  test('set_key_management_threshold and set_deployment_threshold set one threshold each', () => {
    const env = installed(wasm);
    const both = { authorizationKeys: [env.defaultAccountHash, BOB] };
    expect(call(env, 'set_key_weight', keyWeight(BOB_PK, 2))).toSucceed();
    expect(call(env, 'set_key_management_threshold', weight(3))).toSucceed();
    expect(thresholdsOf(env)).toEqual({ deployment: 1, keyManagement: 3 });
    // Key management is now 3: the account's key (1) needs Bob's (2) to change anything.
    expect(call(env, 'set_deployment_threshold', weight(2), both)).toSucceed();
    expect(thresholdsOf(env)).toEqual({ deployment: 2, keyManagement: 3 });
  });

  test('set_all sets the keys, then key management, then deployment: the two-party multi-sig in one call', () => {
    const env = installed(wasm);
    const me = env.defaultAccountHash;
    // accounts are zipped with weights: Carol (no weight) is ignored, as Rust's `zip` ignores her.
    const r = call(env, 'set_all', setAllArgs(2, 2, [BOB_PK, CAROL_PK], [1]));
    expect(r).toSucceed();
    expect(keysOf(env)).toEqual({ [hex(me)]: 1, [hex(BOB)]: 1 });
    expect(thresholdsOf(env)).toEqual({ deployment: 2, keyManagement: 2 });
    expect(call(env, 'set_deployment_threshold', weight(1))).toFailWith('DeploymentAuthorizationFailure');
    // set_all cannot lower both (key management first: 1 < deployment 2); one at a time it can.
    const both = { authorizationKeys: [me, BOB] };
    const root = env.stateRoot();
    expect(call(env, 'set_all', setAllArgs(1, 1, [], []), both)).toRevertWith(KmError.KeyManagementThreshold);
    expect(env.stateRoot()).toBe(root);
    expect(call(env, 'set_deployment_threshold', weight(1), both)).toSucceed();
    expect(call(env, 'set_key_management_threshold', weight(1), both)).toSucceed();
    expect(thresholdsOf(env)).toEqual({ deployment: 1, keyManagement: 1 });
    expect(call(env, 'set_key_weight', keyWeight(BOB_PK, 0))).toSucceed();
    expect(keysOf(env)).toEqual({ [hex(me)]: 1 });
  });

  test('secp256k1 keys (compressed, and compact 05 ‖ x as its 02 form) and the system key hash as casper-types hashes them', () => {
    const env = installed(wasm);
    const compressed = secp256k1.getPublicKey(new Uint8Array(32).fill(0x33), true);
    const compact = secp256k1.getPublicKey(new Uint8Array(32).fill(0x44), true);
    compact[0] = 5;
    const accounts = [compressed, compact].map((raw) => publicKeyFromRaw(2, raw)!);
    expect(accounts[1].raw[0]).toBe(2);
    const args = setAllArgs(1, 1, [], [1, 1, 1]);
    args[2] = {
      name: 'accounts',
      value: CLValue.list(CLTypes.PublicKey, [
        new CLValue(CLTypes.PublicKey, Uint8Array.of(2, ...compressed)),
        new CLValue(CLTypes.PublicKey, Uint8Array.of(2, ...compact)),
        CLValue.publicKey(SYSTEM_PUBLIC_KEY),
      ]),
    };
    expect(call(env, 'set_all', args)).toSucceed();
    expect(keysOf(env)).toEqual({
      [hex(env.defaultAccountHash)]: 1,
      [hex(publicKeyAccountHash(accounts[0]))]: 1,
      [hex(publicKeyAccountHash(accounts[1]))]: 1,
      [hex(publicKeyAccountHash(SYSTEM_PUBLIC_KEY))]: 1,
    });
  });

  describe('errors: the keys-manager’s User codes; state unchanged', () => {
    test('PermissionDenied User(2): keys below the key-management threshold', () => {
      const env = installed(wasm);
      expect(call(env, 'set_all', setAllArgs(1, 2, [BOB_PK], [1]))).toSucceed();
      const root = env.stateRoot();
      for (const [ep, args] of [
        ['set_key_weight', keyWeight(CAROL_PK, 1)],
        ['set_key_weight', keyWeight(BOB_PK, 3)],
        ['set_key_weight', keyWeight(BOB_PK, 0)],
        ['set_deployment_threshold', weight(1)],
        ['set_key_management_threshold', weight(1)],
      ] as const) {
        const r = call(env, ep, args);
        expect(r).toRevertWith(KmError.PermissionDenied);
        expect(r.error?.apiError?.code).toBe(65538);
      }
      expect(env.stateRoot()).toBe(root);
    });

    test('ThresholdViolation User(3): removing or lowering a key below a threshold', () => {
      const env = installed(wasm);
      const me = env.defaultAccountHash;
      expect(call(env, 'set_all', setAllArgs(2, 2, [BOB_PK], [1]))).toSucceed();
      const root = env.stateRoot();
      const remove = call(env, 'set_key_weight', keyWeight(BOB_PK, 0), { authorizationKeys: [me, BOB] });
      expect(remove).toRevertWith(KmError.ThresholdViolation);
      expect(remove.error?.apiError?.code).toBe(65539);
      expect(env.stateRoot()).toBe(root);

      const env2 = installed(wasm);
      expect(call(env2, 'set_all', setAllArgs(3, 3, [BOB_PK], [2]))).toSucceed();
      const root2 = env2.stateRoot();
      const lower = call(env2, 'set_key_weight', keyWeight(BOB_PK, 1), { authorizationKeys: [me, BOB] });
      expect(lower).toRevertWith(KmError.ThresholdViolation);
      expect(env2.stateRoot()).toBe(root2);
    });

    test('MaxKeysLimit User(4): a 101st key', () => {
      const env = installed(wasm);
      for (let i = 1; i <= 99; i++) {
        const r = env.runSession({
          wasm: 'add-associated-key',
          args: [
            { name: 'associated_key', value: CLValue.byteArray32(new Uint8Array(32).fill(i)) },
            { name: 'weight', value: CLValue.u8(1) },
          ],
        });
        expect(r).toSucceed();
      }
      const root = env.stateRoot();
      const r = call(env, 'set_key_weight', keyWeight(BOB_PK, 1));
      expect(r).toRevertWith(KmError.MaxKeysLimit);
      expect(r.error?.apiError?.code).toBe(65540);
      expect(env.stateRoot()).toBe(root);
    });

    test('KeyManagementThreshold User(6), DeploymentThreshold User(7), InsufficientTotalWeight User(8)', () => {
      const env = installed(wasm);
      const me = env.defaultAccountHash;
      expect(call(env, 'set_key_weight', keyWeight(BOB_PK, 1))).toSucceed();
      const root = env.stateRoot();
      expect(call(env, 'set_deployment_threshold', weight(2))).toRevertWith(KmError.DeploymentThreshold);
      expect(call(env, 'set_key_management_threshold', weight(3))).toRevertWith(KmError.InsufficientTotalWeight);
      // set_all sets key management first: 1 < deployment 2 is refused only once deployment is 2.
      expect(call(env, 'set_all', setAllArgs(2, 3, [], []))).toRevertWith(KmError.InsufficientTotalWeight);
      expect(env.stateRoot()).toBe(root);
      expect(call(env, 'set_all', setAllArgs(2, 2, [], []))).toSucceed();
      const root2 = env.stateRoot();
      const r = call(env, 'set_key_management_threshold', weight(1), { authorizationKeys: [me, BOB] });
      expect(r).toRevertWith(KmError.KeyManagementThreshold);
      expect(r.error?.apiError?.code).toBe(65542);
      expect(env.stateRoot()).toBe(root2);
    });

    test('a missing argument: MissingArgument (2)', () => {
      const env = installed(wasm);
      const root = env.stateRoot();
      const all = setAllArgs(1, 1, [BOB_PK], [1]);
      const cases: [string, RuntimeArgs][] = [
        ['set_key_weight', keyWeight(BOB_PK, 1).slice(1)],
        ['set_key_weight', keyWeight(BOB_PK, 1).slice(0, 1)],
        ['set_deployment_threshold', []],
        ['set_key_management_threshold', []],
        ...all.map((_, i): [string, RuntimeArgs] => ['set_all', all.filter((__, j) => j !== i)]),
      ];
      for (const [ep, args] of cases) expect(call(env, ep, args)).toRevertWith(ApiErrorCode.MissingArgument);
      expect(env.stateRoot()).toBe(root);
    });

    test('arguments that do not decode: InvalidArgument (3), including a public key off the curve', () => {
      const env = installed(wasm);
      const root = env.stateRoot();
      const offCurve = new Uint8Array(33);
      offCurve[0] = 1; // Ed25519 tag
      offCurve[1] = 2; // y = 2 has no x on edwards25519
      expect(() => ed25519.ExtendedPoint.fromHex(offCurve.subarray(1))).toThrow();
      const all = setAllArgs(1, 1, [BOB_PK], [1]);
      const cases: [string, RuntimeArgs][] = [
        [
          'set_key_weight',
          [{ name: 'account', value: CLValue.byteArray32(BOB) }, ...weight(1)], // an AccountHash, not a PublicKey
        ],
        ['set_key_weight', [{ name: 'account', value: new CLValue(CLTypes.PublicKey, offCurve) }, ...weight(1)]],
        ['set_key_weight', [keyWeight(BOB_PK, 1)[0], { name: 'weight', value: CLValue.u32(1) }]],
        ['set_deployment_threshold', [{ name: 'weight', value: CLValue.string('1') }]],
        [
          'set_all',
          [
            all[0],
            all[1],
            { name: 'accounts', value: CLValue.list(CLTypes.ByteArray32, [CLValue.byteArray32(BOB)]) },
            all[3],
          ],
        ],
        ['set_all', [all[0], all[1], all[2], { name: 'weights', value: CLValue.list(CLTypes.U32, [CLValue.u32(1)]) }]],
      ];
      for (const [ep, args] of cases) expect(call(env, ep, args)).toRevertWith('InvalidArgument');
      expect(env.stateRoot()).toBe(root);
    });
  });
});
