// counter-install: the docs' counter contract and the named keys the Rust counter-installer puts.
import { ed25519 } from '@noble/curves/ed25519';
import { CLValue, CLTypes, DEFAULT_ACCOUNT_INITIAL_BALANCE, TestEnv } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { EntryPointType, PUBLIC_ACCESS } from '../../runtime/types/entry-points';
import { hashKey, type Key } from '../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw } from '../../runtime/types/public-key';
import { AccessRights } from '../../runtime/types/uref';

const BOB_PK = publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(0x11)))!;
const BOB = publicKeyAccountHash(BOB_PK);

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

function hashAt(env: TestEnv, name: string): Uint8Array {
  const k = env.namedKeys().get(name);
  if (k?.tag !== 1) throw new Error(`${name} is not a Key::Hash`);
  return k.addr;
}

function urefAt(named: ReadonlyMap<string, Key>, name: string) {
  const k = named.get(name);
  if (k?.tag !== 2) throw new Error(`${name} is not a URef`);
  return k.uref;
}

/** The contract's `count`. */
function count(env: TestEnv): CLValue | undefined {
  const stored = env.queryPath(hashKey(hashAt(env, 'counter')), ['count']);
  return stored?.tag === 0 ? stored.clValue : undefined;
}

test('installs version 1 of an upgradable package with counter_inc / counter_get and count = 0i32', () => {
  const env = new TestEnv();
  const r = env.runDeploy({ session: { wasm: 'counter-install' } });
  expect(r).toSucceed();
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - charged(DEFAULT_PAYMENT, r.gasUsed));

  const named = env.namedKeys();
  expect([...named.keys()].sort()).toEqual(['counter', 'counter_access_uref', 'counter_package_name', 'version']);
  expect(env.queryCLValue(named.get('version')!)).toEqual(CLValue.u32(1));
  const access = urefAt(named, 'counter_access_uref');
  expect(access.rights).toBe(AccessRights.READ_ADD_WRITE);

  const packageHash = hashAt(env, 'counter_package_name');
  const contractHash = hashAt(env, 'counter');
  const pkg = env.query(hashKey(packageHash));
  if (pkg?.tag !== 4) throw new Error('no package');
  expect(pkg.contractPackage.locked).toBe(false);
  expect(Buffer.from(pkg.contractPackage.accessKey.addr)).toEqual(Buffer.from(access.addr));
  expect(pkg.contractPackage.versions).toEqual([{ protocolVersionMajor: 1, contractVersion: 1, contractHash }]);
  expect(pkg.contractPackage.disabledVersions).toEqual([]);

  const contract = env.query(hashKey(contractHash));
  if (contract?.tag !== 3) throw new Error('no contract');
  expect(contract.contract.contractPackageHash).toEqual(packageHash);
  expect([...contract.contract.entryPoints.values()]).toEqual([
    { name: 'counter_get', args: [], ret: CLTypes.I32, access: PUBLIC_ACCESS, entryPointType: EntryPointType.Contract },
    {
      name: 'counter_inc',
      args: [],
      ret: CLTypes.Unit,
      access: PUBLIC_ACCESS,
      entryPointType: EntryPointType.Contract,
    },
  ]);
  expect([...contract.contract.namedKeys.keys()]).toEqual(['count']);
  expect(urefAt(contract.contract.namedKeys, 'count').rights).toBe(AccessRights.READ_ADD_WRITE);
  expect(count(env)).toEqual(CLValue.i32(0));
});

test('counter_inc adds one (for any caller); counter_get returns the count without changing it', () => {
  const env = new TestEnv({ accounts: [{ publicKey: BOB_PK, balance: 10_000_000_000n }] });
  expect(env.runSession({ wasm: 'counter-install' })).toSucceed();
  expect(env.runStoredContract({ target: { name: 'counter' }, entryPoint: 'counter_inc' })).toSucceed();
  const contractHash = hashAt(env, 'counter');
  expect(env.runStoredContract({ target: { contractHash }, entryPoint: 'counter_inc', caller: BOB })).toSucceed();
  expect(count(env)).toEqual(CLValue.i32(2));
  const root = env.stateRoot();
  expect(env.runStoredContract({ target: { name: 'counter' }, entryPoint: 'counter_get' })).toSucceed();
  expect(env.stateRoot()).toBe(root);
});

test('out of gas: nothing is installed', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({ wasm: 'counter-install', gasLimit: 100_000 });
  expect(r).toFailWith('GasLimit', 'Out of gas error');
  expect(env.stateRoot()).toBe(root);
  expect(env.namedKeys().size).toBe(0);
});

test('a second installation makes a second package and repoints the named keys', () => {
  const env = new TestEnv();
  expect(env.runSession({ wasm: 'counter-install' })).toSucceed();
  const first = hashAt(env, 'counter');
  expect(env.runStoredContract({ target: { name: 'counter' }, entryPoint: 'counter_inc' })).toSucceed();
  expect(env.runSession({ wasm: 'counter-install' })).toSucceed();
  expect(Buffer.from(hashAt(env, 'counter')).equals(Buffer.from(first))).toBe(false);
  expect(count(env)).toEqual(CLValue.i32(0));
  expect(env.queryPath(hashKey(first), ['count'])).toEqual({ tag: 0, clValue: CLValue.i32(1) });
});
