// Account host functions (casper-vm1-abi.md §3.5): associated keys, action thresholds, caller,
// main purse and authorization keys, driven through real Wasm sessions.
import { hostGasEnv } from '../../helpers/env';
import { ed25519 } from '@noble/curves/ed25519';
import { RuntimeContext, type PhaseContext } from '../../../runtime/engine/context';
import { ExecutionError } from '../../../runtime/engine/errors';
import { GasMeter } from '../../../runtime/engine/gas';
import { GuestMemory } from '../../../runtime/engine/memory';
import { accountAccessRights, TestEnv } from '../../../runtime/env';
import { ACCOUNT_HANDLERS } from '../../../runtime/host/account';
import { AddressGenerator } from '../../../runtime/state/address-generator';
import { TrackingCopy } from '../../../runtime/state/tracking-copy';
import { compareBytes, concatBytes } from '../../../runtime/types/bytes';
import { accountKey, hashKey } from '../../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw, type PublicKey } from '../../../runtime/types/public-key';
import { encodeStoredValue } from '../../../runtime/types/stored-value';
import { encodeURef } from '../../../runtime/types/uref';
import { expectCode, report, stepSession, wabtLoaded } from '../../helpers/wat-session';

const GAS_PER_BYTE = 1_117_587;
const REVERT = 500;

let wabt: any;
beforeAll(async () => {
  wabt = await wabtLoaded();
});

/** A session importing `imports` (plus casper_revert), with data segments and a `call` body. */
const session = (imports: string[], body: string, data: ReadonlyArray<readonly [number, Uint8Array]> = []) =>
  stepSession(wabt, imports, body, data);

const add = (ptr: number, weight: number) =>
  `(call $add_associated_key (i32.const ${ptr}) (i32.const 32) (i32.const ${weight}))`;
const remove = (ptr: number) => `(call $remove_associated_key (i32.const ${ptr}) (i32.const 32))`;
const update = (ptr: number, weight: number) =>
  `(call $update_associated_key (i32.const ${ptr}) (i32.const 32) (i32.const ${weight}))`;
const setThreshold = (action: number, t: number) =>
  `(call $set_action_threshold (i32.const ${action}) (i32.const ${t}))`;
const KEYS = ['add_associated_key', 'remove_associated_key', 'update_associated_key', 'set_action_threshold'];

function edKey(seed: number): PublicKey {
  return publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(seed)))!;
}

const B_KEY = edKey(1);
const B = publicKeyAccountHash(B_KEY);
const C = new Uint8Array(32).fill(0xcc);
// Data layout: B at 0, C at 32.
const KEY_DATA = [[0, B] as const, [32, C] as const];

function accountLength(keys: number): number {
  return 1 + 32 + 4 + 33 + 4 + 33 * keys + 2;
}

function expectUser(r: ReturnType<TestEnv['runSession']>, n: number): void {
  expect(r.error?.kind).toBe('Revert');
  expect(r.error?.apiError?.code).toBe(65536 + n);
}

/** Default account with B (weight 1) added and key-management threshold 2: needs both signatures. */
function twoKeyEnv(): TestEnv {
  const env = hostGasEnv({ accounts: [{ publicKey: B_KEY, balance: 1_000n }] });
  const r = env.runSession({
    wasm: session(KEYS, expectCode(add(0, 1), 0, 1) + expectCode(setThreshold(1, 2), 0, 2), KEY_DATA),
  });
  expect(r.error).toBeUndefined();
  return env;
}

describe('casper_add_associated_key', () => {
  it('adds a key, rewrites the whole account and charges host + storage gas', () => {
    const env = hostGasEnv();
    const r = env.runSession({ wasm: session(KEYS, expectCode(add(32, 7), 0, 1), KEY_DATA) });
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(1_200_000 + accountLength(2) * GAS_PER_BYTE);
    const account = env.account()!;
    const expected = [
      { accountHash: env.defaultAccountHash, weight: 1 },
      { accountHash: C, weight: 7 },
    ].sort((a, b) => compareBytes(a.accountHash, b.accountHash));
    expect(account.associatedKeys.map((k) => [Buffer.from(k.accountHash).toString('hex'), k.weight])).toEqual(
      expected.map((k) => [Buffer.from(k.accountHash).toString('hex'), k.weight]),
    );
    expect(encodeStoredValue({ tag: 1, account }).length).toBe(accountLength(2));
  });

  it('accepts weight 0 and returns DuplicateKey (2) for a key already there', () => {
    const env = hostGasEnv();
    const root = env.stateRoot();
    const r = env.runSession({ wasm: session(KEYS, expectCode(add(32, 0), 0, 1) + report(add(32, 5)), KEY_DATA) });
    expectUser(r, 2);
    expect(r.gasUsed).toBe(2 * 1_200_000 + accountLength(2) * GAS_PER_BYTE + REVERT);
    expect(env.stateRoot()).toBe(root);
  });

  it('returns MaxKeysLimit (1) at max_associated_keys', () => {
    const env = hostGasEnv({ costs: { core: { max_associated_keys: 1 } } });
    expectUser(env.runSession({ wasm: session(KEYS, report(add(32, 1)), KEY_DATA) }), 1);
  });

  it('traps UnexpectedSignature before charging when the weight is not a u8', () => {
    for (const w of [256, -1]) {
      const env = hostGasEnv();
      const r = env.runSession({ wasm: session(KEYS, report(add(32, w)), KEY_DATA) });
      expect(r.error?.kind).toBe('Interpreter');
      expect(r.error?.message).toContain('UnexpectedSignature');
      expect(r.gasUsed).toBe(0);
    }
  });

  it('traps BytesRepr on a short account hash', () => {
    const env = hostGasEnv();
    const r = env.runSession({
      wasm: session(KEYS, report('(call $add_associated_key (i32.const 0) (i32.const 31) (i32.const 1))')),
    });
    expect(r.error?.kind).toBe('BytesRepr');
    expect(r.gasUsed).toBe(1_200_000);
  });

  it('returns PermissionDenied (3) without enough approval weight, 0 with a second signer', () => {
    const env = twoKeyEnv();
    expectUser(env.runSession({ wasm: session(KEYS, report(add(32, 1)), KEY_DATA) }), 3);
    const both = [env.defaultAccountHash, B];
    const r = env.runSession({ wasm: session(KEYS, expectCode(add(32, 1), 0, 1), KEY_DATA), authorizationKeys: both });
    expect(r.error).toBeUndefined();
    expect(env.account()!.associatedKeys).toHaveLength(3);
    expect(env.account()!.actionThresholds).toEqual({ deployment: 1, keyManagement: 2 });
  });

  it('weighs permission with the account as loaded at deploy start', () => {
    const env = hostGasEnv();
    // key-management threshold raised to 2 mid-session; the next add still uses the loaded threshold 1
    const body = expectCode(add(0, 1), 0, 1) + expectCode(setThreshold(1, 2), 0, 2) + expectCode(add(32, 1), 0, 3);
    expect(env.runSession({ wasm: session(KEYS, body, KEY_DATA) }).error).toBeUndefined();
    expect(env.account()!.associatedKeys).toHaveLength(3);
  });
});

describe('casper_remove_associated_key', () => {
  it('returns MissingKey (1), ThresholdViolation (3), PermissionDenied (2) and removes a key', () => {
    const env = twoKeyEnv();
    const both = [env.defaultAccountHash, B];
    const root = env.stateRoot();
    expectUser(env.runSession({ wasm: session(KEYS, report(remove(32)), KEY_DATA), authorizationKeys: both }), 1);
    // others = 1 < key management 2
    expectUser(env.runSession({ wasm: session(KEYS, report(remove(0)), KEY_DATA), authorizationKeys: both }), 3);
    expectUser(env.runSession({ wasm: session(KEYS, report(remove(0)), KEY_DATA) }), 2);
    expect(env.stateRoot()).toBe(root);
    const body = expectCode(setThreshold(1, 1), 0, 1) + expectCode(remove(0), 0, 2);
    const r = env.runSession({ wasm: session(KEYS, body, KEY_DATA), authorizationKeys: both });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(74_000 + 4_200 + (accountLength(2) + accountLength(1)) * GAS_PER_BYTE);
    expect(env.account()!.associatedKeys).toEqual([{ accountHash: env.defaultAccountHash, weight: 1 }]);
  });
});

describe('casper_update_associated_key', () => {
  it('returns MissingKey (1), ThresholdViolation (3) only when lowering, PermissionDenied (2)', () => {
    const env = twoKeyEnv();
    const both = [env.defaultAccountHash, B];
    expectUser(env.runSession({ wasm: session(KEYS, report(update(32, 1)), KEY_DATA), authorizationKeys: both }), 1);
    expectUser(env.runSession({ wasm: session(KEYS, report(update(0, 0)), KEY_DATA), authorizationKeys: both }), 3);
    expectUser(env.runSession({ wasm: session(KEYS, report(update(0, 9)), KEY_DATA) }), 2);
    const r = env.runSession({
      wasm: session(KEYS, expectCode(update(0, 9), 0, 1), KEY_DATA),
      authorizationKeys: both,
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(4_200 + accountLength(2) * GAS_PER_BYTE);
    expect(env.account()!.associatedKeys.find((k) => compareBytes(k.accountHash, B) === 0)?.weight).toBe(9);
    // lowering back to 1 keeps others + new = 2 >= both thresholds
    expect(
      env.runSession({ wasm: session(KEYS, expectCode(update(0, 1), 0, 1), KEY_DATA), authorizationKeys: both }).error,
    ).toBeUndefined();
  });
});

describe('casper_set_action_threshold', () => {
  it('returns InsufficientTotalWeight (4), DeploymentThreshold (2), KeyManagementThreshold (1)', () => {
    const env = hostGasEnv();
    expectUser(env.runSession({ wasm: session(KEYS, report(setThreshold(0, 2))) }), 4);
    const body =
      expectCode(add(0, 1), 0, 1) +
      expectCode(setThreshold(0, 2), 2, 2) + // deployment 2 > key management 1
      expectCode(setThreshold(1, 2), 0, 3) +
      expectCode(setThreshold(0, 2), 0, 4) +
      expectCode(setThreshold(1, 1), 1, 5) + // deployment 2 > new key management 1
      expectCode(setThreshold(1, 3), 4, 6);
    const r = env.runSession({ wasm: session(KEYS, body, KEY_DATA) });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(1_200_000 + 5 * 74_000 + 3 * accountLength(2) * GAS_PER_BYTE);
    expect(env.account()!.actionThresholds).toEqual({ deployment: 2, keyManagement: 2 });
  });

  it('returns PermissionDenied (3) before looking at the action type', () => {
    const env = twoKeyEnv();
    expectUser(env.runSession({ wasm: session(KEYS, report(setThreshold(7, 1))) }), 3);
  });

  it('traps Unreachable on an unknown action type and UnexpectedSignature on a threshold > 255', () => {
    const env = hostGasEnv();
    const r = env.runSession({ wasm: session(KEYS, report(setThreshold(2, 1))) });
    expect(r.error?.kind).toBe('Interpreter');
    expect(r.error?.message).toContain('Unreachable');
    expect(r.gasUsed).toBe(74_000);
    const r2 = env.runSession({ wasm: session(KEYS, report(setThreshold(1, 256))) });
    expect(r2.error?.message).toContain('UnexpectedSignature');
    expect(r2.gasUsed).toBe(0);
  });
});

describe('outside the account context', () => {
  function contractContext(env: TestEnv): RuntimeContext {
    const account = env.account()!;
    const phase: PhaseContext = {
      services: env.services,
      tc: new TrackingCopy(env.state),
      gas: new GasMeter(1e15),
      rng: new AddressGenerator(new Uint8Array(32), 2),
      phase: 2,
      blocktime: 0n,
      deployHash: new Uint8Array(32),
      authorizationKeys: [account.accountHash],
      account,
      callStack: [{ tag: 0, accountHash: account.accountHash }],
      spendingLimit: 0n,
      transfers: [],
    };
    const ctx = new RuntimeContext(
      phase,
      hashKey(new Uint8Array(32).fill(9)),
      new Map(),
      accountAccessRights(account),
      [],
      false,
    );
    ctx.memory = new GuestMemory(new WebAssembly.Memory({ initial: 1 }));
    ctx.memory.write(0, C);
    return ctx;
  }

  it('returns the PermissionDenied values and traps InvalidContext for get_main_purse', () => {
    const env = hostGasEnv();
    const ctx = contractContext(env);
    expect(ACCOUNT_HANDLERS.casper_add_associated_key(ctx, 0, 32, 1)).toBe(3);
    expect(ACCOUNT_HANDLERS.casper_remove_associated_key(ctx, 0, 32)).toBe(2);
    expect(ACCOUNT_HANDLERS.casper_update_associated_key(ctx, 0, 32, 1)).toBe(2);
    expect(ACCOUNT_HANDLERS.casper_set_action_threshold(ctx, 0, 1)).toBe(3);
    expect(() => ACCOUNT_HANDLERS.casper_set_action_threshold(ctx, 5, 1)).toThrow(/Unreachable/);
    let err: unknown;
    try {
      ACCOUNT_HANDLERS.casper_get_main_purse(ctx, 100);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExecutionError);
    expect((err as ExecutionError).kind).toBe('InvalidContext');
    expect(ctx.phase.gas.used).toBe(1_200_000 + 4_200 + 4_200 + 2 * 74_000 + 1_300);
    expect(ctx.phase.tc.effects()).toEqual([]);
  });
});

describe('casper_get_caller, casper_get_main_purse, casper_load_authorization_keys', () => {
  it('get_caller puts the deploy account hash in the host buffer with an 8-byte size', () => {
    const env = hostGasEnv();
    const body =
      expectCode('(call $get_caller (i32.const 200))', 0, 1) +
      expectCode('(call $memeq (i32.const 200) (i32.const 300) (i32.const 8))', 1, 2) +
      expectCode('(call $get_caller (i32.const 400))', 34, 3) +
      expectCode('(call $read_host_buffer (i32.const 500) (i32.const 32) (i32.const 600))', 0, 4) +
      expectCode('(call $memeq (i32.const 500) (i32.const 0) (i32.const 32))', 1, 5) +
      expectCode('(call $memeq (i32.const 600) (i32.const 300) (i32.const 4))', 1, 6);
    const size = Uint8Array.of(32, 0, 0, 0, 0, 0, 0, 0);
    const r = env.runSession({
      wasm: session(['get_caller', 'read_host_buffer'], body, [
        [0, env.defaultAccountHash],
        [200, new Uint8Array(8).fill(0xff)],
        [300, size],
      ]),
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(2 * 380 + 3_500 + 310 * 32);
  });

  it('get_main_purse writes the main purse URef as stored', () => {
    const env = hostGasEnv();
    const purse = encodeURef(env.account()!.mainPurse);
    const body =
      '(call $get_main_purse (i32.const 100))' +
      expectCode('(call $memeq (i32.const 100) (i32.const 0) (i32.const 33))', 1, 1);
    const r = env.runSession({ wasm: session(['get_main_purse'], body, [[0, purse]]) });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(1_300);
    expect(purse[32]).toBe(7);
  });

  it('load_authorization_keys returns the sorted approvals as List(ByteArray(32))', () => {
    const env = hostGasEnv({ accounts: [{ publicKey: B_KEY, balance: 0n }] });
    // B must be an associated key of the deploy's account, or the node refuses the deploy.
    const account = env.account()!;
    const associatedKeys = [...account.associatedKeys, { accountHash: B, weight: 1 }].sort((x, y) =>
      compareBytes(x.accountHash, y.accountHash),
    );
    env.state.put(accountKey(env.defaultAccountHash), { tag: 1, account: { ...account, associatedKeys } });
    const sorted = [env.defaultAccountHash, B].sort(compareBytes);
    const expected = concatBytes(Uint8Array.of(2, 0, 0, 0), ...sorted);
    const body =
      expectCode('(call $load_authorization_keys (i32.const 200) (i32.const 204))', 0, 1) +
      expectCode('(i32.load (i32.const 200))', 2, 2) +
      expectCode('(i32.load (i32.const 204))', 68, 3) +
      expectCode('(call $read_host_buffer (i32.const 300) (i32.const 68) (i32.const 208))', 0, 4) +
      expectCode('(call $memeq (i32.const 300) (i32.const 0) (i32.const 68))', 1, 5) +
      expectCode('(call $load_authorization_keys (i32.const 200) (i32.const 204))', 0, 6) +
      expectCode('(call $load_authorization_keys (i32.const 200) (i32.const 204))', 34, 7);
    const r = env.runSession({
      wasm: session(['load_authorization_keys', 'read_host_buffer'], body, [[0, expected]]),
      authorizationKeys: [B, env.defaultAccountHash],
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(3 * 10_000 + 3_500 + 310 * 68);
  });
});
