// donation-count: asks a fundraiser contract for a donor's count and stores it under the named key
// `donation_count`. End to end against the AssemblyScript fundraiser of
// test/fixtures/sessions/fundraiser.ts (installed by its own session), and against a JS stub.
import { ed25519 } from '@noble/curves/ed25519';
import { Args, CLValue as SdkCLValue, Key as SdkKey } from 'casper-js-sdk';
import {
  ApiErrorCode,
  CLValue,
  DEFAULT_ACCOUNT_INITIAL_BALANCE,
  installStub,
  revertError,
  TestEnv,
  userError,
} from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { accountKey, hashKey, type Key } from '../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw } from '../../runtime/types/public-key';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';

const BOB_PK = publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(0x11)))!;
const BOB = publicKeyAccountHash(BOB_PK);

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

function args(fundraiser: Uint8Array, donor: Key): RuntimeArgs {
  return [
    { name: 'fundraiser_contract_hash', value: CLValue.byteArray32(fundraiser) },
    { name: 'donating_account_key', value: CLValue.key(donor) },
  ];
}

/** The value of the URef under the default account's `donation_count`. */
function donationCount(env: TestEnv): CLValue | undefined {
  const key = env.namedKeys().get('donation_count');
  if (key?.tag !== 2) throw new Error('donation_count is not a URef');
  return env.queryCLValue(key);
}

/** A node with Bob, and the fundraiser fixture installed by the default account. */
function withFundraiser(): { env: TestEnv; fundraiser: Uint8Array } {
  const env = new TestEnv({ accounts: [{ publicKey: BOB_PK, balance: 100_000_000_000n }] });
  expect(env.runSession({ wasm: 'fixtures/fundraiser' })).toSucceed();
  const key = env.namedKeys().get('fundraiser_contract_hash');
  if (key?.tag !== 1) throw new Error('fundraiser_contract_hash is not a Key::Hash');
  return { env, fundraiser: key.addr };
}

function donate(env: TestEnv, fundraiser: Uint8Array, caller?: Uint8Array): void {
  expect(env.runStoredContract({ target: { contractHash: fundraiser }, entryPoint: 'donate', caller })).toSucceed();
}

describe('against the AssemblyScript fundraiser contract', () => {
  test('stores the donor’s count; the deploy is charged its gas', () => {
    const { env, fundraiser } = withFundraiser();
    const me = env.defaultAccountHash;
    donate(env, fundraiser);
    donate(env, fundraiser, BOB);
    donate(env, fundraiser);
    const before = env.accountBalance()!;
    const r = env.runDeploy({
      session: {
        wasm: 'donation-count',
        args: Args.fromMap({
          fundraiser_contract_hash: SdkCLValue.newCLByteArray(fundraiser),
          donating_account_key: SdkCLValue.newCLKey(SdkKey.newKey(`account-hash-${Buffer.from(me).toString('hex')}`)),
        }),
      },
    });
    expect(r).toSucceed();
    expect(donationCount(env)).toEqual(CLValue.u64(2n));
    expect({ env }).toHaveBalance(before - charged(DEFAULT_PAYMENT, r.gasUsed));
    expect(before).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE); // installing and donating ran as bare sessions

    // Bob's count, asked by the default account: a new URef replaces the named key.
    expect(env.runSession({ wasm: 'donation-count', args: args(fundraiser, accountKey(BOB)) })).toSucceed();
    expect(donationCount(env)).toEqual(CLValue.u64(1n));
    // Nobody else donated.
    const carol = accountKey(new Uint8Array(32).fill(0xca));
    expect(env.runSession({ wasm: 'donation-count', args: args(fundraiser, carol) })).toSucceed();
    expect(donationCount(env)).toEqual(CLValue.u64(0n));
  });

  test('before any donation the fundraiser answers 0', () => {
    const { env, fundraiser } = withFundraiser();
    expect(env.runSession({ wasm: 'donation-count', args: args(fundraiser, accountKey(BOB)) })).toSucceed();
    expect(donationCount(env)).toEqual(CLValue.u64(0n));
  });

  test('a contract hash with no contract: the node’s KeyNotFound; nothing changes', () => {
    const { env } = withFundraiser();
    const root = env.stateRoot();
    const r = env.runSession({ wasm: 'donation-count', args: args(new Uint8Array(32).fill(7), accountKey(BOB)) });
    expect(r).toFailWith('KeyNotFound', `Key Key::Hash(${'07'.repeat(32)}) not found`);
    expect(env.stateRoot()).toBe(root);
  });

  test('the package hash instead of the contract hash: the node’s type mismatch (FunctionNotFound); nothing changes', () => {
    const { env } = withFundraiser();
    const pkg = env.namedKeys().get('fundraiser_package_hash');
    if (pkg?.tag !== 1) throw new Error('no package hash');
    const root = env.stateRoot();
    const r = env.runSession({ wasm: 'donation-count', args: args(pkg.addr, accountKey(BOB)) });
    expect(r).toFailWith('FunctionNotFound', /^Function not found: Type mismatch for value under Key::Hash\(/);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('against a JS stub', () => {
  test('passes donating_account_key through and stores the u64 it returns', () => {
    const env = new TestEnv();
    const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(123_456_789_012n) } });
    const r = env.runSession({ wasm: 'donation-count', args: args(stub.contractHash, accountKey(BOB)) });
    expect(r).toSucceed();
    expect(stub.calls).toEqual([
      {
        entryPoint: 'get_donation_count',
        args: [{ name: 'donating_account_key', value: CLValue.key(accountKey(BOB)) }],
      },
    ]);
    expect(donationCount(env)).toEqual(CLValue.u64(123_456_789_012n));
  });

  test('any Key variant is forwarded as given', () => {
    const env = new TestEnv();
    const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(1n) } });
    const donor = hashKey(new Uint8Array(32).fill(0x99));
    expect(env.runSession({ wasm: 'donation-count', args: args(stub.contractHash, donor) })).toSucceed();
    expect(stub.calls[0].args).toEqual([{ name: 'donating_account_key', value: CLValue.key(donor) }]);
  });

  test('a contract that reverts: the session reverts with its error; nothing changes', () => {
    const env = new TestEnv();
    const stub = installStub(env, {
      entryPoints: {
        get_donation_count: () => {
          throw revertError(userError(9));
        },
      },
    });
    const root = env.stateRoot();
    expect(env.runSession({ wasm: 'donation-count', args: args(stub.contractHash, accountKey(BOB)) })).toRevertWith(
      'User(9)',
    );
    expect(env.stateRoot()).toBe(root);
  });

  test('a result that is not a u64: the bytesrepr error; nothing changes', () => {
    const env = new TestEnv();
    const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u32(5) } });
    const root = env.stateRoot();
    const r = env.runSession({ wasm: 'donation-count', args: args(stub.contractHash, accountKey(BOB)) });
    expect(r).toRevertWith('EarlyEndOfStream');
    expect(env.stateRoot()).toBe(root);
  });

  test('a contract without get_donation_count: NoSuchMethod; nothing changes', () => {
    const env = new TestEnv();
    const stub = installStub(env, { entryPoints: { donate: () => undefined } });
    const root = env.stateRoot();
    const r = env.runSession({ wasm: 'donation-count', args: args(stub.contractHash, accountKey(BOB)) });
    expect(r).toFailWith('NoSuchMethod', 'get_donation_count');
    expect(env.stateRoot()).toBe(root);
  });

  test('a missing argument: MissingArgument; a wrong CLType: InvalidArgument; the stub is never called', () => {
    const env = new TestEnv();
    const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(1n) } });
    const root = env.stateRoot();
    const [hash, donor] = args(stub.contractHash, accountKey(BOB));
    expect(env.runSession({ wasm: 'donation-count', args: [donor] })).toRevertWith('MissingArgument');
    expect(env.runSession({ wasm: 'donation-count', args: [hash] })).toRevertWith(ApiErrorCode.MissingArgument);
    const keyForHash = env.runSession({
      wasm: 'donation-count',
      args: [{ name: 'fundraiser_contract_hash', value: CLValue.key(hashKey(stub.contractHash)) }, donor],
    });
    expect(keyForHash).toRevertWith('InvalidArgument');
    const hashForKey = env.runSession({
      wasm: 'donation-count',
      args: [hash, { name: 'donating_account_key', value: CLValue.byteArray32(BOB) }],
    });
    expect(hashForKey).toRevertWith(ApiErrorCode.InvalidArgument);
    expect(stub.calls).toEqual([]);
    expect(env.stateRoot()).toBe(root);
  });
});
