/**
 * CEP-18 conformance (issue 3 §5): the real Rust-compiled CEP-18 token contract shipped by
 * `casper-cep18-js-client@1.0.3` (source: casper-ecosystem/cep18 `cep18/src/*.rs`, v1.1.0) is
 * installed as session code and its entry points are called from WAT sessions through
 * `casper_call_contract`, exactly as a node runs them. Balances and allowances are read back
 * straight from the contract's `balances` / `allowances` dictionaries with the item keys the
 * contract derives (`balances.rs` make_dictionary_item_key: base64 of the owner Key's bytes;
 * `allowances.rs`: hex of blake2b-256(owner Key bytes ‖ spender Key bytes)).
 */

import { ed25519 } from '@noble/curves/ed25519';
import { blake2b } from '@noble/hashes/blake2b';
import { TestEnv, type ExecutionResult } from '../../runtime/env';
import { ApiErrorCode } from '../../runtime/types/api-error';
import { bytesToHex } from '../../runtime/types/bytes';
import { toBytes } from '../../runtime/types/bytesrepr';
import { CLTypes } from '../../runtime/types/cltype';
import { CLValue } from '../../runtime/types/clvalue';
import type { Contract, ContractPackage } from '../../runtime/types/contract';
import { encodeEntryPoints, entryPointsFrom, PUBLIC_ACCESS } from '../../runtime/types/entry-points';
import { dictionaryItemKey, unwrapDictionaryValue } from '../../runtime/types/dictionary';
import { accountKey, encodeKey, hashKey, keyToFormattedString, type Key } from '../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw, type PublicKey } from '../../runtime/types/public-key';
import { encodeRuntimeArgs, type RuntimeArgs } from '../../runtime/types/runtime-args';
import { loadCep18Wasm } from '../helpers/cep18';
import { dumped, session, watBytes } from '../helpers/wat-session';

const CEP18_WASM = loadCep18Wasm();

// Install arguments (CEP18Client.install; cep18 main.rs install_contract).
const NAME = 'CasperTestToken';
const SYMBOL = 'CTT';
const DECIMALS = 9;
const TOTAL_SUPPLY = 1_000_000_000_000_000n;

// Cep18Error (cep18/src/error.rs), reverted as ApiError::User(n) = 65536 + n.
const Cep18Error = {
  InsufficientBalance: 60001,
  InsufficientAllowance: 60002,
  AlreadyInitialized: 60015,
  MintBurnDisabled: 60016,
  CannotTargetSelfUser: 60017,
} as const;

function edKey(seed: number): PublicKey {
  return publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(seed)))!;
}
const BOB_PK = edKey(1);
const BOB = publicKeyAccountHash(BOB_PK);
const CAROL_PK = edKey(2);
const CAROL = publicKeyAccountHash(CAROL_PK);
/** A contract package holding tokens (CallStackElement::StoredContract → Key::Hash(package)). */
const PACKAGE_HOLDER: Key = hashKey(new Uint8Array(32).fill(0x5c));

interface Token {
  readonly env: TestEnv;
  readonly alice: Uint8Array;
  readonly contractHash: Uint8Array;
  readonly packageHash: Uint8Array;
  readonly contract: Contract;
}

function installArgs(): RuntimeArgs {
  return [
    { name: 'name', value: CLValue.string(NAME) },
    { name: 'symbol', value: CLValue.string(SYMBOL) },
    { name: 'decimals', value: CLValue.u8(DECIMALS) },
    { name: 'total_supply', value: CLValue.u256(TOTAL_SUPPLY) },
    { name: 'events_mode', value: CLValue.u8(0) },
    { name: 'enable_mint_burn', value: CLValue.u8(0) },
  ];
}

/** A fresh node with Bob and Carol, and the token installed by the default account (Alice). */
function installToken(): Token {
  const env = new TestEnv({
    accounts: [
      { publicKey: BOB_PK, balance: 1_000_000_000n },
      { publicKey: CAROL_PK, balance: 1_000_000_000n },
    ],
  });
  const r = env.runSession({ wasm: CEP18_WASM, args: installArgs() });
  expect(r.error).toBeUndefined();
  expect(r.success).toBe(true);
  const nk = env.namedKeys();
  const contractKey = nk.get(`cep18_contract_hash_${NAME}`)!;
  const packageKey = nk.get(`cep18_contract_package_${NAME}`)!;
  expect(contractKey.tag).toBe(1);
  expect(packageKey.tag).toBe(1);
  const contractHash = (contractKey as { addr: Uint8Array }).addr;
  const packageHash = (packageKey as { addr: Uint8Array }).addr;
  const stored = env.query(hashKey(contractHash));
  if (stored?.tag !== 3) throw new Error('no Contract at the contract hash');
  return { env, alice: env.defaultAccountHash, contractHash, packageHash, contract: stored.contract };
}

// ------------------------------------------------------------------------------------------
// Reading the contract's state directly from global state

function namedURefAddr(t: Token, name: string): Uint8Array {
  const k = t.contract.namedKeys.get(name);
  if (k?.tag !== 2) throw new Error(`contract named key ${name} is not a URef`);
  return k.uref.addr;
}

/** The value of a contract named-key URef. */
function namedValue(t: Token, name: string): CLValue {
  const k = t.contract.namedKeys.get(name)!;
  const v = t.env.queryCLValue(k);
  if (!v) throw new Error(`no CLValue under ${name}`);
  return v;
}

/** balances.rs make_dictionary_item_key: base64(owner.to_bytes()). */
function balanceItemKey(owner: Key): string {
  return Buffer.from(encodeKey(owner)).toString('base64');
}

/** allowances.rs make_dictionary_item_key: hex(blake2b(owner.to_bytes() ‖ spender.to_bytes())). */
function allowanceItemKey(owner: Key, spender: Key): string {
  const preimage = new Uint8Array([...encodeKey(owner), ...encodeKey(spender)]);
  return bytesToHex(blake2b(preimage, { dkLen: 32 }));
}

/** The dictionary item's inner CLValue, or undefined when the item was never written. */
function dictionaryItem(t: Token, dictionary: string, itemKey: string): CLValue | undefined {
  const key = dictionaryItemKey(namedURefAddr(t, dictionary), new TextEncoder().encode(itemKey));
  const stored = t.env.queryCLValue(key);
  if (!stored) return undefined;
  const inner = unwrapDictionaryValue(stored);
  if (!inner.ok) throw new Error(`dictionary item ${dictionary}/${itemKey} does not unwrap`);
  return inner.value;
}

function u256Item(t: Token, dictionary: string, itemKey: string): bigint | undefined {
  const v = dictionaryItem(t, dictionary, itemKey);
  if (!v) return undefined;
  const n = v.asU256();
  if (!n.ok) throw new Error(`dictionary item ${dictionary}/${itemKey} is not a U256`);
  return n.value;
}

/** Balance as stored in the `balances` dictionary (undefined: no entry). */
function storedBalance(t: Token, owner: Key): bigint | undefined {
  return u256Item(t, 'balances', balanceItemKey(owner));
}

/** Allowance as stored in the `allowances` dictionary (undefined: no entry). */
function storedAllowance(t: Token, owner: Key, spender: Key): bigint | undefined {
  return u256Item(t, 'allowances', allowanceItemKey(owner, spender));
}

// ------------------------------------------------------------------------------------------
// Calling entry points from session code

const OUT_SIZE = 0x100;
const HASH_AT = 0x200;
const EP_AT = 0x240;
const ARGS_AT = 0xe000; // clear of $dumpbuf's scratch (4096 … 54100)

/**
 * A session that calls `entryPoint` of the contract with `args` (RuntimeArgs bytes prepared here),
 * reverts with User(rc) if call_contract returns a non-zero code, and stores a non-empty result
 * (the returned CLValue's inner bytes) under the named key "dump".
 */
async function callSession(contractHash: Uint8Array, entryPoint: string, args: RuntimeArgs): Promise<Uint8Array> {
  const ep = toBytes(entryPoint, (w, v) => w.string(v));
  const argBytes = encodeRuntimeArgs(args);
  return session(
    `(call $check (call $casper_call_contract (i32.const ${HASH_AT}) (i32.const 32) (i32.const ${EP_AT}) (i32.const ${ep.length}) (i32.const ${ARGS_AT}) (i32.const ${argBytes.length}) (i32.const ${OUT_SIZE})))
     (if (i32.load (i32.const ${OUT_SIZE})) (then (call $dumpbuf)))`,
    [
      [HASH_AT, contractHash],
      [EP_AT, ep],
      [ARGS_AT, argBytes],
    ],
  );
}

async function call(
  t: Token,
  entryPoint: string,
  args: RuntimeArgs,
  caller: Uint8Array = t.alice,
): Promise<ExecutionResult> {
  return t.env.runSession({ wasm: await callSession(t.contractHash, entryPoint, args), caller });
}

/** Calls an entry point that returns a value and gives back the value's inner bytes. */
async function query(t: Token, entryPoint: string, args: RuntimeArgs = []): Promise<Uint8Array> {
  const r = await call(t, entryPoint, args);
  expect(r.error).toBeUndefined();
  return dumped(t.env);
}

const u256Bytes = (v: bigint) => CLValue.u256(v).bytes;
const keyArg = (name: string, k: Key) => ({ name, value: CLValue.key(k) });
const amountArg = (v: bigint) => ({ name: 'amount', value: CLValue.u256(v) });

function expectCep18Error(r: ExecutionResult, code: number): void {
  expect(r.success).toBe(false);
  expect(r.error?.kind).toBe('Revert');
  expect(r.error?.apiError).toEqual({ code: 65536 + code, name: `User(${code})`, message: `User error: ${code}` });
  expect(r.effects).toEqual([]);
}

// ------------------------------------------------------------------------------------------

describe('CEP-18 install', () => {
  test('the fixture is the cep18 v1.1 contract Wasm', () => {
    const mod = new WebAssembly.Module(CEP18_WASM);
    expect(
      WebAssembly.Module.exports(mod)
        .filter((e) => e.kind === 'function')
        .map((e) => e.name),
    ).toEqual([
      'name',
      'symbol',
      'decimals',
      'total_supply',
      'balance_of',
      'allowance',
      'approve',
      'decrease_allowance',
      'increase_allowance',
      'transfer',
      'transfer_from',
      'mint',
      'burn',
      'init',
      'change_security',
      'call',
      'oom',
    ]);
  });

  test('puts the package, access URef, contract hash and version under the installing account', () => {
    const t = installToken();
    const nk = t.env.namedKeys();
    expect([...nk.keys()].sort()).toEqual([
      `cep18_contract_hash_${NAME}`,
      `cep18_contract_package_${NAME}`,
      `cep18_contract_package_access_${NAME}`,
      `cep18_contract_version_${NAME}`,
    ]);
    const access = nk.get(`cep18_contract_package_access_${NAME}`)!;
    expect(access.tag).toBe(2);
    const pkg = t.env.query(hashKey(t.packageHash));
    if (pkg?.tag !== 4) throw new Error('no ContractPackage');
    const p: ContractPackage = pkg.contractPackage;
    expect(p.accessKey.addr).toEqual((access as { uref: { addr: Uint8Array } }).uref.addr);
    expect(p.versions).toEqual([{ protocolVersionMajor: 1, contractVersion: 1, contractHash: t.contractHash }]);
    expect(p.disabledVersions).toEqual([]);
    expect(p.groups.size).toBe(0);
    expect(p.locked).toBe(false);
    const version = t.env.queryCLValue(nk.get(`cep18_contract_version_${NAME}`)!)!;
    expect(version.asU32()).toEqual({ ok: true, value: 1 });
    expect(t.contract.contractPackageHash).toEqual(t.packageHash);
    expect([...t.contract.entryPoints.keys()].sort()).toEqual(
      [
        'allowance',
        'approve',
        'balance_of',
        'burn',
        'change_security',
        'decimals',
        'decrease_allowance',
        'increase_allowance',
        'init',
        'mint',
        'name',
        'symbol',
        'total_supply',
        'transfer',
        'transfer_from',
      ].sort(),
    );
  });

  test("the contract's named keys hold the token metadata, the dictionaries and the package hash", () => {
    const t = installToken();
    expect([...t.contract.namedKeys.keys()].sort()).toEqual([
      'allowances',
      'balances',
      'decimals',
      'enable_mint_burn',
      'events_mode',
      'name',
      'package_hash',
      'security_badges',
      'symbol',
      'total_supply',
    ]);
    expect(namedValue(t, 'name').asString()).toEqual({ ok: true, value: NAME });
    expect(namedValue(t, 'symbol').asString()).toEqual({ ok: true, value: SYMBOL });
    expect(namedValue(t, 'decimals').asU8()).toEqual({ ok: true, value: DECIMALS });
    expect(namedValue(t, 'total_supply').asU256()).toEqual({ ok: true, value: TOTAL_SUPPLY });
    expect(namedValue(t, 'events_mode').asU8()).toEqual({ ok: true, value: 0 });
    expect(namedValue(t, 'enable_mint_burn').asU8()).toEqual({ ok: true, value: 0 });
    // init: put_key(PACKAGE_HASH, package_hash) stores the Key itself.
    expect(keyToFormattedString(t.contract.namedKeys.get('package_hash')!)).toBe(`hash-${bytesToHex(t.packageHash)}`);
    // Dictionaries: seed URefs holding Unit.
    for (const d of ['allowances', 'balances', 'security_badges']) {
      const v = namedValue(t, d);
      expect(v.clType).toEqual(CLTypes.Unit);
      expect(v.bytes).toEqual(new Uint8Array(0));
    }
    // init: the installer holds the whole supply and the Admin badge (SecurityBadge::Admin = 0).
    expect(storedBalance(t, accountKey(t.alice))).toBe(TOTAL_SUPPLY);
    const badge = dictionaryItem(t, 'security_badges', balanceItemKey(accountKey(t.alice)))!;
    expect(badge.clType).toEqual(CLTypes.U8);
    expect(badge.bytes).toEqual(Uint8Array.of(0));
    expect(storedBalance(t, accountKey(BOB))).toBeUndefined();
  });

  test('events_mode and enable_mint_burn are optional (default 0); required args revert as the Rust SDK does', () => {
    const env = new TestEnv();
    const required = installArgs().slice(0, 4);
    const missingSymbol = required.filter((a) => a.name !== 'symbol');
    const root = env.stateRoot();
    const r1 = env.runSession({ wasm: CEP18_WASM, args: missingSymbol });
    expect(r1.error?.kind).toBe('Revert');
    expect(r1.error?.apiError?.code).toBe(ApiErrorCode.MissingArgument);
    const wrongDecimals = required.map((a) =>
      a.name === 'decimals' ? { name: 'decimals', value: CLValue.u32(9) } : a,
    );
    const r2 = env.runSession({ wasm: CEP18_WASM, args: wrongDecimals });
    expect(r2.error?.kind).toBe('Revert');
    expect(r2.error?.apiError?.code).toBe(ApiErrorCode.InvalidArgument);
    expect(env.stateRoot()).toBe(root);

    expect(env.runSession({ wasm: CEP18_WASM, args: required }).error).toBeUndefined();
    const contractKey = env.namedKeys().get(`cep18_contract_hash_${NAME}`)!;
    const stored = env.query(contractKey);
    if (stored?.tag !== 3) throw new Error('no Contract');
    for (const name of ['events_mode', 'enable_mint_burn']) {
      expect(env.queryCLValue(stored.contract.namedKeys.get(name)!)?.asU8()).toEqual({ ok: true, value: 0 });
    }
  });

  test('running the installer again with the same name upgrades: new version, old one disabled, state kept', async () => {
    const t = installToken();
    expect((await call(t, 'transfer', [keyArg('recipient', accountKey(BOB)), amountArg(5n)])).error).toBeUndefined();
    const r = t.env.runSession({ wasm: CEP18_WASM, args: installArgs() });
    expect(r.error).toBeUndefined();
    const nk = t.env.namedKeys();
    const newHash = (nk.get(`cep18_contract_hash_${NAME}`) as { addr: Uint8Array }).addr;
    expect(newHash).not.toEqual(t.contractHash);
    expect(t.env.queryCLValue(nk.get(`cep18_contract_version_${NAME}`)!)?.asU32()).toEqual({ ok: true, value: 2 });
    const pkg = t.env.query(hashKey(t.packageHash));
    if (pkg?.tag !== 4) throw new Error('no ContractPackage');
    expect(pkg.contractPackage.versions).toEqual([
      { protocolVersionMajor: 1, contractVersion: 1, contractHash: t.contractHash },
      { protocolVersionMajor: 1, contractVersion: 2, contractHash: newHash },
    ]);
    expect(pkg.contractPackage.disabledVersions).toEqual([{ protocolVersionMajor: 1, contractVersion: 1 }]);
    // add_contract_version(…, NamedKeys::new()) appends the previous version's named keys.
    const upgraded = t.env.query(hashKey(newHash));
    if (upgraded?.tag !== 3) throw new Error('no Contract');
    expect(upgraded.contract.namedKeys).toEqual(t.contract.namedKeys);
    // The old version can no longer be called; the new one sees the same balances.
    const old = await call(t, 'balance_of', [keyArg('address', accountKey(BOB))]);
    expect(old.error?.kind).toBe('DisabledContract');
    const t2: Token = { ...t, contractHash: newHash, contract: upgraded.contract };
    expect((await call(t2, 'transfer', [keyArg('recipient', accountKey(BOB)), amountArg(6n)])).error).toBeUndefined();
    expect(storedBalance(t2, accountKey(BOB))).toBe(11n);
    expect(await query(t2, 'balance_of', [keyArg('address', accountKey(BOB))])).toEqual(u256Bytes(11n));
  });

  test('the metadata entry points return the stored values', async () => {
    const t = installToken();
    expect(await query(t, 'name')).toEqual(CLValue.string(NAME).bytes);
    expect(await query(t, 'symbol')).toEqual(CLValue.string(SYMBOL).bytes);
    expect(await query(t, 'decimals')).toEqual(Uint8Array.of(DECIMALS));
    expect(await query(t, 'total_supply')).toEqual(u256Bytes(TOTAL_SUPPLY));
  });

  test('init cannot run twice: User(60015) AlreadyInitialized, state unchanged', async () => {
    const t = installToken();
    const root = t.env.stateRoot();
    const r = await call(t, 'init', [
      { name: 'total_supply', value: CLValue.u256(1n) },
      keyArg('package_hash', hashKey(t.packageHash)),
    ]);
    expectCep18Error(r, Cep18Error.AlreadyInitialized);
    expect(t.env.stateRoot()).toBe(root);
  });

  test('mint with mint/burn disabled: User(60016) MintBurnDisabled', async () => {
    const t = installToken();
    const root = t.env.stateRoot();
    expectCep18Error(
      await call(t, 'mint', [keyArg('owner', accountKey(t.alice)), amountArg(1n)]),
      Cep18Error.MintBurnDisabled,
    );
    expect(t.env.stateRoot()).toBe(root);
  });
});

describe('CEP-18 transfers and allowances through call_contract', () => {
  test('transfer moves balances in the balances dictionary; balance_of agrees', async () => {
    const t = installToken();
    const alice = accountKey(t.alice);
    const bob = accountKey(BOB);
    const r = await call(t, 'transfer', [keyArg('recipient', bob), amountArg(250n)]);
    expect(r.error).toBeUndefined();
    expect(storedBalance(t, alice)).toBe(TOTAL_SUPPLY - 250n);
    expect(storedBalance(t, bob)).toBe(250n);
    // A contract package can hold tokens too (its item key is base64 of the Key::Hash bytes).
    expect(
      (await call(t, 'transfer', [keyArg('recipient', PACKAGE_HOLDER), amountArg(7n)], BOB)).error,
    ).toBeUndefined();
    expect(storedBalance(t, bob)).toBe(243n);
    expect(storedBalance(t, PACKAGE_HOLDER)).toBe(7n);
    expect(balanceItemKey(PACKAGE_HOLDER)).toBe('AVxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxcXFxc');

    expect(await query(t, 'balance_of', [keyArg('address', alice)])).toEqual(u256Bytes(TOTAL_SUPPLY - 250n));
    expect(await query(t, 'balance_of', [keyArg('address', bob)])).toEqual(u256Bytes(243n));
    expect(await query(t, 'balance_of', [keyArg('address', PACKAGE_HOLDER)])).toEqual(u256Bytes(7n));
    // No entry: 0 (unwrap_or_default), serialized U256 0 = [0].
    expect(await query(t, 'balance_of', [keyArg('address', accountKey(CAROL))])).toEqual(Uint8Array.of(0));
    expect(storedBalance(t, accountKey(CAROL))).toBeUndefined();
    expect(await query(t, 'total_supply')).toEqual(u256Bytes(TOTAL_SUPPLY));
  });

  test('transfer beyond the balance: User(60001) InsufficientBalance, state unchanged', async () => {
    const t = installToken();
    expect((await call(t, 'transfer', [keyArg('recipient', accountKey(BOB)), amountArg(10n)])).error).toBeUndefined();
    const root = t.env.stateRoot();
    const r = await call(t, 'transfer', [keyArg('recipient', accountKey(CAROL)), amountArg(11n)], BOB);
    expectCep18Error(r, Cep18Error.InsufficientBalance);
    expect(t.env.stateRoot()).toBe(root);
    expect(storedBalance(t, accountKey(BOB))).toBe(10n);
    expect(storedBalance(t, accountKey(CAROL))).toBeUndefined();
  });

  test('transfer to oneself: User(60017) CannotTargetSelfUser', async () => {
    const t = installToken();
    const root = t.env.stateRoot();
    expectCep18Error(
      await call(t, 'transfer', [keyArg('recipient', accountKey(t.alice)), amountArg(1n)]),
      Cep18Error.CannotTargetSelfUser,
    );
    expect(t.env.stateRoot()).toBe(root);
  });

  test('approve, increase_allowance, decrease_allowance write the allowances dictionary; allowance agrees', async () => {
    const t = installToken();
    const alice = accountKey(t.alice);
    const bob = accountKey(BOB);
    const allowance = () => query(t, 'allowance', [keyArg('owner', alice), keyArg('spender', bob)]);

    expect(storedAllowance(t, alice, bob)).toBeUndefined();
    expect(await allowance()).toEqual(Uint8Array.of(0));

    expect((await call(t, 'approve', [keyArg('spender', bob), amountArg(100n)])).error).toBeUndefined();
    expect(storedAllowance(t, alice, bob)).toBe(100n);
    expect(await allowance()).toEqual(u256Bytes(100n));

    expect((await call(t, 'increase_allowance', [keyArg('spender', bob), amountArg(50n)])).error).toBeUndefined();
    expect(storedAllowance(t, alice, bob)).toBe(150n);

    expect((await call(t, 'decrease_allowance', [keyArg('spender', bob), amountArg(30n)])).error).toBeUndefined();
    expect(storedAllowance(t, alice, bob)).toBe(120n);
    expect(await allowance()).toEqual(u256Bytes(120n));

    // decrease saturates at 0 (saturating_sub); increase saturates at U256::MAX (saturating_add).
    expect((await call(t, 'decrease_allowance', [keyArg('spender', bob), amountArg(1000n)])).error).toBeUndefined();
    expect(storedAllowance(t, alice, bob)).toBe(0n);
    const max = (1n << 256n) - 1n;
    expect((await call(t, 'approve', [keyArg('spender', bob), amountArg(max - 1n)])).error).toBeUndefined();
    expect((await call(t, 'increase_allowance', [keyArg('spender', bob), amountArg(5n)])).error).toBeUndefined();
    expect(storedAllowance(t, alice, bob)).toBe(max);
    expect(await allowance()).toEqual(u256Bytes(max));

    // The pair is ordered: (bob, alice) is a different item.
    expect(storedAllowance(t, bob, alice)).toBeUndefined();
    expect(allowanceItemKey(alice, bob)).not.toBe(allowanceItemKey(bob, alice));
    // Balances untouched.
    expect(storedBalance(t, alice)).toBe(TOTAL_SUPPLY);
    expect(storedBalance(t, bob)).toBeUndefined();
  });

  test('approve oneself: User(60017) CannotTargetSelfUser', async () => {
    const t = installToken();
    const root = t.env.stateRoot();
    expectCep18Error(
      await call(t, 'approve', [keyArg('spender', accountKey(t.alice)), amountArg(1n)]),
      Cep18Error.CannotTargetSelfUser,
    );
    expect(t.env.stateRoot()).toBe(root);
  });

  test('transfer_from spends the allowance and moves the owner balance', async () => {
    const t = installToken();
    const alice = accountKey(t.alice);
    const bob = accountKey(BOB);
    const carol = accountKey(CAROL);
    expect((await call(t, 'approve', [keyArg('spender', bob), amountArg(500n)])).error).toBeUndefined();
    const r = await call(
      t,
      'transfer_from',
      [keyArg('owner', alice), keyArg('recipient', carol), amountArg(200n)],
      BOB,
    );
    expect(r.error).toBeUndefined();
    expect(storedBalance(t, alice)).toBe(TOTAL_SUPPLY - 200n);
    expect(storedBalance(t, carol)).toBe(200n);
    expect(storedBalance(t, bob)).toBeUndefined();
    expect(storedAllowance(t, alice, bob)).toBe(300n);
    expect(await query(t, 'allowance', [keyArg('owner', alice), keyArg('spender', bob)])).toEqual(u256Bytes(300n));
    expect(await query(t, 'balance_of', [keyArg('address', carol)])).toEqual(u256Bytes(200n));
  });

  test('transfer_from beyond the allowance: User(60002) InsufficientAllowance, state unchanged', async () => {
    const t = installToken();
    const alice = accountKey(t.alice);
    const bob = accountKey(BOB);
    expect((await call(t, 'approve', [keyArg('spender', bob), amountArg(50n)])).error).toBeUndefined();
    const root = t.env.stateRoot();
    const r = await call(
      t,
      'transfer_from',
      [keyArg('owner', alice), keyArg('recipient', accountKey(CAROL)), amountArg(51n)],
      BOB,
    );
    expectCep18Error(r, Cep18Error.InsufficientAllowance);
    expect(t.env.stateRoot()).toBe(root);
    expect(storedAllowance(t, alice, bob)).toBe(50n);
    expect(storedBalance(t, alice)).toBe(TOTAL_SUPPLY);
  });

  test('transfer_from within the allowance but beyond the balance: User(60001), state unchanged', async () => {
    const t = installToken();
    const bob = accountKey(BOB);
    const carol = accountKey(CAROL);
    // Bob owns 10 tokens and lets Carol spend 1000 of them.
    expect((await call(t, 'transfer', [keyArg('recipient', bob), amountArg(10n)])).error).toBeUndefined();
    expect((await call(t, 'approve', [keyArg('spender', carol), amountArg(1000n)], BOB)).error).toBeUndefined();
    const root = t.env.stateRoot();
    const r = await call(
      t,
      'transfer_from',
      [keyArg('owner', bob), keyArg('recipient', accountKey(t.alice)), amountArg(11n)],
      CAROL,
    );
    expectCep18Error(r, Cep18Error.InsufficientBalance);
    expect(t.env.stateRoot()).toBe(root);
    expect(storedBalance(t, bob)).toBe(10n);
    expect(storedAllowance(t, bob, carol)).toBe(1000n);
  });
});

// ------------------------------------------------------------------------------------------
// A stored contract as token holder: CEP-18 sees CallStackElement::StoredContract as the
// immediate caller and uses Key::Hash(its package hash) as the address (utils.rs).

let wabt: { parseWat: (name: string, text: string) => { toBinary: (o: object) => { buffer: Uint8Array } } };
beforeAll(async () => {
  wabt = await require('wabt')();
});

const PROXY_PKG_KEY = 0x300; // Key::Hash tag byte; the package address follows at 0x301
const PROXY_ACCESS = 0x341;
const PROXY_VERSION = 0x380;
const PROXY_WRITTEN = 0x384;
const PROXY_HASH_KEY = 0x3a0; // Key::Hash tag byte; the contract hash follows at 0x3a1
const PROXY_EPS = 0x400;
const PROXY_NAMES = 0x900;
const PROXY_EP_ARG = 0x1000;
const PROXY_ARGS_ARG = 0x2000;

/**
 * A contract whose entry point `forward` calls `entry_point` (String arg) of the CEP-18 contract
 * with `args` (a List(U8) arg holding RuntimeArgs bytes); its `call` installs it and puts
 * "proxy_package" and "proxy" under the installing account.
 */
function proxyWasm(cep18Hash: Uint8Array): Uint8Array {
  const eps = encodeEntryPoints(
    entryPointsFrom([{ name: 'forward', args: [], ret: CLTypes.Unit, access: PUBLIC_ACCESS, entryPointType: 1 }]),
  );
  const utf8 = (s: string) => new TextEncoder().encode(s);
  // At PROXY_NAMES: arg names as raw UTF-8, "entry_point" (+0, 11) and "args" (+16, 4); named-key
  // names as bytesrepr Strings, "proxy_package" (+32, 17) and "proxy" (+56, 9).
  const str = (s: string) => toBytes(s, (w, v) => w.string(v));
  const names = new Uint8Array(72);
  names.set(utf8('entry_point'), 0);
  names.set(utf8('args'), 16);
  names.set(str('proxy_package'), 32);
  names.set(str('proxy'), 56);
  const sig = (n: number, result: boolean) => `(param${' i32'.repeat(n)})${result ? ' (result i32)' : ''}`;
  const text = `(module
    (import "env" "casper_create_contract_package_at_hash" (func $create_pkg ${sig(3, false)}))
    (import "env" "casper_add_contract_version" (func $add_version ${sig(10, true)}))
    (import "env" "casper_put_key" (func $put_key ${sig(4, false)}))
    (import "env" "casper_get_named_arg_size" (func $arg_size ${sig(3, true)}))
    (import "env" "casper_get_named_arg" (func $arg ${sig(4, true)}))
    (import "env" "casper_call_contract" (func $call_contract ${sig(7, true)}))
    (import "env" "casper_revert" (func $revert ${sig(1, false)}))
    (memory 1)
    (data (i32.const 0x200) "${watBytes(cep18Hash)}")
    (data (i32.const ${PROXY_PKG_KEY}) "\\01")
    (data (i32.const ${PROXY_HASH_KEY}) "\\01")
    (data (i32.const ${PROXY_EPS}) "${watBytes(eps)}")
    (data (i32.const ${PROXY_NAMES}) "${watBytes(names)}")
    (func $check (param $rc i32)
      (if (local.get $rc) (then (call $revert (i32.add (i32.const 65536) (local.get $rc))))))
    (func (export "call")
      (call $create_pkg (i32.const ${PROXY_PKG_KEY + 1}) (i32.const ${PROXY_ACCESS}) (i32.const 0))
      (call $check (call $add_version (i32.const ${PROXY_PKG_KEY + 1}) (i32.const 32) (i32.const ${PROXY_VERSION})
        (i32.const ${PROXY_EPS}) (i32.const ${eps.length}) (i32.const 0x800) (i32.const 4)
        (i32.const ${PROXY_HASH_KEY + 1}) (i32.const 32) (i32.const ${PROXY_WRITTEN})))
      (call $put_key (i32.const ${PROXY_NAMES + 32}) (i32.const 17) (i32.const ${PROXY_PKG_KEY}) (i32.const 33))
      (call $put_key (i32.const ${PROXY_NAMES + 56}) (i32.const 9) (i32.const ${PROXY_HASH_KEY}) (i32.const 33)))
    (func (export "forward")
      (call $check (call $arg_size (i32.const ${PROXY_NAMES}) (i32.const 11) (i32.const 0x100)))
      (call $check (call $arg (i32.const ${PROXY_NAMES}) (i32.const 11) (i32.const ${PROXY_EP_ARG}) (i32.load (i32.const 0x100))))
      (call $check (call $arg_size (i32.const ${PROXY_NAMES + 16}) (i32.const 4) (i32.const 0x104)))
      (call $check (call $arg (i32.const ${PROXY_NAMES + 16}) (i32.const 4) (i32.const ${PROXY_ARGS_ARG}) (i32.load (i32.const 0x104))))
      (call $check (call $call_contract (i32.const 0x200) (i32.const 32)
        (i32.const ${PROXY_EP_ARG}) (i32.load (i32.const 0x100))
        (i32.const ${PROXY_ARGS_ARG + 4}) (i32.sub (i32.load (i32.const 0x104)) (i32.const 4))
        (i32.const 0x108)))))`;
  return new Uint8Array(wabt.parseWat('proxy.wat', text).toBinary({}).buffer);
}

/** Installs the proxy; returns its contract hash and its token address Key::Hash(package). */
function installProxy(t: Token): { proxyHash: Uint8Array; proxyKey: Key } {
  const r = t.env.runSession({ wasm: proxyWasm(t.contractHash) });
  expect(r.error).toBeUndefined();
  const pkg = t.env.namedKeys().get('proxy_package')!;
  const contract = t.env.namedKeys().get('proxy')!;
  if (pkg.tag !== 1 || contract.tag !== 1) throw new Error('proxy keys are not Key::Hash');
  return { proxyHash: contract.addr, proxyKey: pkg };
}

/** Has the proxy call `entryPoint` of the token with `args`. */
async function viaProxy(
  t: Token,
  proxyHash: Uint8Array,
  entryPoint: string,
  args: RuntimeArgs,
  caller: Uint8Array = t.alice,
): Promise<ExecutionResult> {
  const wasm = await callSession(proxyHash, 'forward', [
    { name: 'entry_point', value: CLValue.string(entryPoint) },
    { name: 'args', value: CLValue.bytesList(encodeRuntimeArgs(args)) },
  ]);
  return t.env.runSession({ wasm, caller });
}

describe('CEP-18 with a stored contract as the immediate caller', () => {
  test('the contract package is the owner: transfer, approve, transfer_from by its spender', async () => {
    const t = installToken();
    const { proxyHash, proxyKey } = installProxy(t);
    const bob = accountKey(BOB);
    const carol = accountKey(CAROL);
    expect((await call(t, 'transfer', [keyArg('recipient', proxyKey), amountArg(100n)])).error).toBeUndefined();
    expect(storedBalance(t, proxyKey)).toBe(100n);

    // The session's caller (Alice) is not the sender: the proxy's package is.
    expect(
      (await viaProxy(t, proxyHash, 'transfer', [keyArg('recipient', bob), amountArg(40n)])).error,
    ).toBeUndefined();
    expect(storedBalance(t, proxyKey)).toBe(60n);
    expect(storedBalance(t, bob)).toBe(40n);
    expect(storedBalance(t, accountKey(t.alice))).toBe(TOTAL_SUPPLY - 100n);

    expect((await viaProxy(t, proxyHash, 'approve', [keyArg('spender', bob), amountArg(25n)])).error).toBeUndefined();
    expect(storedAllowance(t, proxyKey, bob)).toBe(25n);
    expect(storedAllowance(t, accountKey(t.alice), bob)).toBeUndefined();

    const r = await call(
      t,
      'transfer_from',
      [keyArg('owner', proxyKey), keyArg('recipient', carol), amountArg(25n)],
      BOB,
    );
    expect(r.error).toBeUndefined();
    expect(storedBalance(t, proxyKey)).toBe(35n);
    expect(storedBalance(t, carol)).toBe(25n);
    expect(storedAllowance(t, proxyKey, bob)).toBe(0n);
  });

  test("the token's revert propagates through the proxy: User(60001), state unchanged", async () => {
    const t = installToken();
    const { proxyHash, proxyKey } = installProxy(t);
    expect((await call(t, 'transfer', [keyArg('recipient', proxyKey), amountArg(10n)])).error).toBeUndefined();
    const root = t.env.stateRoot();
    const r = await viaProxy(t, proxyHash, 'transfer', [keyArg('recipient', accountKey(BOB)), amountArg(11n)]);
    expectCep18Error(r, Cep18Error.InsufficientBalance);
    expect(t.env.stateRoot()).toBe(root);
    expect(storedBalance(t, proxyKey)).toBe(10n);
  });
});
