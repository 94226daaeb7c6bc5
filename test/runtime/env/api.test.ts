// The TypeScript testing API: casper-js-sdk Args as session args (runtime/args.ts), the Jest
// matchers (runtime/jest.ts), and full runs of the built sessions with them.
import * as sdk from 'casper-js-sdk';
import {
  accountKey,
  bytesToHex,
  CLValue,
  DEFAULT_ACCOUNT_INITIAL_BALANCE,
  encodeCLValue,
  encodeRuntimeArgs,
  fromSdkArgs,
  hashKey,
  installStub,
  keyToFormattedString,
  MintErrorCode,
  newURef,
  publicKeyAccountHash,
  publicKeyFromRaw,
  revertError,
  runtimeArgs,
  TestEnv,
  urefKey,
  userError,
} from '../../../runtime';
import '../../../runtime/jest';
import { session } from '../../helpers/wat-session';

const TARGET = new Uint8Array(32).fill(7);
const ALICE = sdk.PrivateKey.fromHex('11'.repeat(32), sdk.KeyAlgorithm.ED25519).publicKey;
const ALICE_HASH = ALICE.accountHash().toBytes();

const transferArgs = (amount: bigint) =>
  fromSdkArgs(
    sdk.Args.fromMap({ target: sdk.CLValue.newCLByteArray(TARGET), amount: sdk.CLValue.newCLUInt512(amount) }),
  );

function run(wasm: string | Uint8Array, args = transferArgs(2_500_000_000n), gasLimit?: number) {
  const env = new TestEnv();
  return { env, r: env.runSession({ wasm, args, gasLimit }) };
}

const revertUser7 = () => session('(call $casper_revert (i32.const 65543))');
const trap = () => session('(unreachable)');
// new_uref of a CLValue holding a URef the session was never given → ForgedReference.
const FORGED = new Uint8Array(32).fill(0xf0);
const forgedValue = encodeCLValue(CLValue.uref(newURef(FORGED, 1)));
const forge = () =>
  session(`(call $casper_new_uref (i32.const 100) (i32.const 200) (i32.const ${forgedValue.length}))`, [
    [200, forgedValue],
  ]);

describe('fromSdkArgs', () => {
  test('converts by bytes: equal to runtime/types RuntimeArgs, in the Args order', () => {
    const args = sdk.Args.fromMap({
      target: sdk.CLValue.newCLPublicKey(ALICE),
      amount: sdk.CLValue.newCLUInt512(2_500_000_000n),
      id: sdk.CLValue.newCLOption(sdk.CLValue.newCLUint64(42n)),
      note: sdk.CLValue.newCLString('donation_count'),
    });
    const converted = fromSdkArgs(args);
    const pk = publicKeyFromRaw(1, ALICE.bytes().subarray(1))!;
    const expected = runtimeArgs({
      target: CLValue.publicKey(pk),
      amount: CLValue.u512(2_500_000_000n),
      id: CLValue.option(CLValue.u64(42n)),
      note: CLValue.string('donation_count'),
    });
    expect(converted.map((a) => a.name)).toEqual(['target', 'amount', 'id', 'note']);
    expect(bytesToHex(encodeRuntimeArgs(converted))).toBe(bytesToHex(args.toBytes()));
    expect(bytesToHex(encodeRuntimeArgs(converted))).toBe(bytesToHex(encodeRuntimeArgs(expected)));
    expect(converted).toEqual(expected);
    expect(bytesToHex(publicKeyAccountHash(pk))).toBe(bytesToHex(ALICE_HASH));
  });

  test('keeps insertion order (not sorted) and empty Args', () => {
    const args = sdk.Args.fromMap({ b: sdk.CLValue.newCLUint8(1), a: sdk.CLValue.newCLUint8(2) });
    expect(fromSdkArgs(args)).toEqual([
      { name: 'b', value: CLValue.u8(1) },
      { name: 'a', value: CLValue.u8(2) },
    ]);
    expect(fromSdkArgs(sdk.Args.fromMap({}))).toEqual([]);
  });

  test('a value casper-js-sdk cannot serialize is a clear error', () => {
    const args = sdk.Args.fromMap({ amount: sdk.CLValue.newCLUInt512(2n ** 256n) });
    expect(() => fromSdkArgs(args)).toThrow(
      /^fromSdkArgs: casper-js-sdk could not serialize these Args: value out-of-bounds/,
    );
  });

  test('a non-ASCII String (casper-js-sdk writes its UTF-16 length) is a clear error', () => {
    const args = sdk.Args.fromMap({ s: sdk.CLValue.newCLString('é') });
    expect(() => fromSdkArgs(args)).toThrow(
      'fromSdkArgs: casper-js-sdk wrote bytes for arg "s" that are not a valid String (CLValue error: ',
    );
    expect(() => fromSdkArgs(args)).toThrow(/: 01000000c3a9$/);
  });

  test('bytes that are not RuntimeArgs are a clear error', () => {
    const fake = { toBytes: () => Uint8Array.of(1, 0, 0, 0), args: new Map() } as unknown as sdk.Args;
    expect(() => fromSdkArgs(fake)).toThrow(
      'fromSdkArgs: the bytes casper-js-sdk wrote are not valid RuntimeArgs (EarlyEndOfStream): 01000000',
    );
  });
});

describe('toSucceed', () => {
  test('passes on success; .not fails with the gas used', () => {
    const { r } = run('transfer-to-account');
    expect(r).toSucceed();
    expect(() => expect(r).not.toSucceed()).toThrow(
      `expect(result).not.toSucceed()\n\nExpected the session to fail, but it succeeded (gas used ${r.gasUsed})`,
    );
  });

  test('a revert: message shows the kind, ApiError name and code, and the node message', () => {
    const { r } = run('transfer-to-account', []);
    expect(r).not.toSucceed();
    expect(() => expect(r).toSucceed()).toThrow(
      'Expected the session to succeed, but it failed with Revert, ApiError MissingArgument [2]: ApiError::MissingArgument [2]',
    );
  });

  test('an engine error: message shows the kind and message', async () => {
    const { r } = run(await forge());
    expect(() => expect(r).toSucceed()).toThrow(
      `Expected the session to succeed, but it failed with ForgedReference: Forged reference: uref-${'f0'.repeat(32)}-001`,
    );
  });

  test('anything but a result is a usage error', () => {
    expect(() => expect(42).toSucceed()).toThrow('toSucceed: expected the result of env.runSession(), got 42');
  });
});

describe('toRevertWith', () => {
  test('by code, by basic name, by Mint name, by User(n)', async () => {
    const missing = run('transfer-to-account', []).r;
    expect(missing).toRevertWith(2);
    expect(missing).toRevertWith('MissingArgument');
    const poor = run('transfer-to-account', transferArgs(10n ** 30n)).r;
    expect(poor).toRevertWith(65024);
    expect(poor).toRevertWith(MintErrorCode.InsufficientFunds);
    expect(poor).toRevertWith('Mint(InsufficientFunds)');
    expect(poor).toRevertWith('Mint(0)');
    expect(poor).not.toRevertWith('MissingArgument');
    const user = run(await revertUser7()).r;
    expect(user).toRevertWith('User(7)');
    expect(user).toRevertWith(userError(7));
    expect(user).toRevertWith(65543);
  });

  test('a different ApiError: the message shows which', () => {
    const { r } = run('transfer-to-account', transferArgs(10n ** 30n));
    expect(() => expect(r).toRevertWith('MissingArgument')).toThrow(
      'expect(result).toRevertWith("MissingArgument")\n\nExpected the session to revert with ApiError MissingArgument [2], but it reverted with ApiError Mint(InsufficientFunds) [65024]: Mint error: 0',
    );
    expect(() => expect(r).not.toRevertWith(65024)).toThrow(
      'Expected the session not to revert with ApiError Mint(InsufficientFunds) [65024], but it did',
    );
  });

  test('success or an engine error: the message says so', async () => {
    const ok = run('transfer-to-account').r;
    expect(() => expect(ok).toRevertWith('User(7)')).toThrow(
      'Expected the session to revert with ApiError User(7) [65543], but it succeeded',
    );
    const trapped = run(await trap()).r;
    expect(trapped).not.toRevertWith('Unhandled');
    expect(() => expect(trapped).toRevertWith('Unhandled')).toThrow(
      'Expected the session to revert with ApiError Unhandled [31], but it failed with Interpreter: Interpreter error: trap: Code(Unreachable)',
    );
  });

  test('names and codes the node cannot report are usage errors', () => {
    const { r } = run('transfer-to-account', []);
    expect(() => expect(r).toRevertWith('Missingargument')).toThrow(
      `toRevertWith: "Missingargument" is not an ApiError name (e.g. 'MissingArgument', 'User(7)', 'Mint(InsufficientFunds)', 'AuctionError(BondTooSmall)', or pass the code)`,
    );
    expect(() => expect(r).toRevertWith('Mint(NoSuchError)')).toThrow('"Mint(NoSuchError)" is not an ApiError name');
    expect(() => expect(r).toRevertWith('User(65536)')).toThrow('"User(65536)" is not an ApiError name');
    expect(() => expect(r).toRevertWith(41)).toThrow(
      'toRevertWith: 41 is not an ApiError the node reports: casper_revert(41) is reported as ApiError Unhandled [31]',
    );
    expect(() => expect(r).toRevertWith(-1)).toThrow('toRevertWith: -1 is not a u32 ApiError code');
  });
});

describe('toFailWith', () => {
  test('engine error kinds, with an optional message part', async () => {
    const forged = run(await forge()).r;
    expect(forged).toFailWith('ForgedReference');
    expect(forged).toFailWith('ForgedReference', `uref-${'f0'.repeat(32)}-001`);
    expect(forged).not.toFailWith('GasLimit');
    const starved = run('transfer-to-account', transferArgs(1n), 1).r;
    expect(starved).toFailWith('GasLimit');
    expect(starved).toFailWith('GasLimit', /^Out of gas error$/);
    expect(run('transfer-to-account', []).r).toFailWith('Revert');
  });

  test('failure messages show what happened instead', async () => {
    const forged = run(await forge()).r;
    expect(() => expect(forged).toFailWith('GasLimit')).toThrow(
      `expect(result).toFailWith("GasLimit")\n\nExpected the session to fail with GasLimit, but it failed with ForgedReference: Forged reference: uref-${'f0'.repeat(32)}-001`,
    );
    expect(() => expect(forged).toFailWith('ForgedReference', /-007$/)).toThrow(
      'Expected the session to fail with ForgedReference with a message matching /-007$/, but it failed with ForgedReference: ',
    );
    expect(() => expect(forged).not.toFailWith('ForgedReference')).toThrow(
      'Expected the session not to fail with ForgedReference, but it failed with ForgedReference: Forged reference: ',
    );
    const ok = run('transfer-to-account').r;
    expect(() => expect(ok).toFailWith('GasLimit', 'gas')).toThrow(
      'Expected the session to fail with GasLimit with a message containing "gas", but it succeeded',
    );
    const reverted = run('transfer-to-account', []).r;
    expect(() => expect(reverted).toFailWith('ForgedReference')).toThrow(
      'Expected the session to fail with ForgedReference, but it failed with Revert, ApiError MissingArgument [2]: ApiError::MissingArgument [2]',
    );
  });
});

describe('toHaveNamedKey', () => {
  test('on { env, account } and on a NamedKeys map', () => {
    const env = new TestEnv();
    const key = hashKey(new Uint8Array(32).fill(3));
    const named = new Map([['counter', key]]);
    expect(named).toHaveNamedKey('counter');
    expect(named).toHaveNamedKey('counter', key);
    expect(named).not.toHaveNamedKey('count');
    expect({ env }).not.toHaveNamedKey('counter');
    expect({ env, account: env.defaultAccountHash }).not.toHaveNamedKey('counter');
  });

  test('failure messages list the names there are, or the key found', () => {
    const env = new TestEnv();
    const key = hashKey(new Uint8Array(32).fill(3));
    const other = hashKey(new Uint8Array(32).fill(4));
    const named = new Map([
      ['counter', key],
      ['owner', other],
    ]);
    expect(() => expect(named).toHaveNamedKey('count')).toThrow(
      'expect(namedKeys).toHaveNamedKey("count")\n\nExpected the named keys to have named key "count", but its named keys are ["counter", "owner"]',
    );
    expect(() => expect(named).toHaveNamedKey('counter', other)).toThrow(
      `Expected the named keys to have named key "counter", ${keyToFormattedString(other)}, but "counter" is ${keyToFormattedString(key)}`,
    );
    expect(() => expect(named).not.toHaveNamedKey('owner')).toThrow(
      'Expected the named keys not to have named key "owner", but it does',
    );
    const account = `account account-hash-${bytesToHex(env.defaultAccountHash)}`;
    expect(() => expect({ env }).toHaveNamedKey('counter')).toThrow(
      `Expected ${account} to have named key "counter", but it has no named keys`,
    );
    expect(() => expect({ env, account: TARGET }).toHaveNamedKey('counter')).toThrow(
      `Expected account account-hash-${'07'.repeat(32)} to have named key "counter", but there is no such account`,
    );
    expect(() => expect('counter').toHaveNamedKey('counter')).toThrow(
      'toHaveNamedKey: expected { env, account? } or a named-keys Map, got "counter"',
    );
  });
});

describe('toHaveBalance', () => {
  test('on { env }, { env, account } and { env, purse } (URef or address)', () => {
    const { env } = run('transfer-to-account');
    const main = env.account()!.mainPurse;
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n);
    expect({ env, account: TARGET }).toHaveBalance(2_500_000_000n);
    expect({ env, purse: main }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n);
    expect({ env, purse: env.account(TARGET)!.mainPurse.addr }).toHaveBalance(2_500_000_000n);
    expect({ env, account: TARGET }).not.toHaveBalance(0n);
  });

  test('failure messages show the balance there is, or that there is none', () => {
    const { env } = run('transfer-to-account');
    const main = env.account()!.mainPurse;
    expect(() => expect({ env, account: TARGET }).toHaveBalance(2_500_000_001n)).toThrow(
      `expect({ env, account }).toHaveBalance(2500000001n)\n\nExpected the main purse of account-hash-${'07'.repeat(32)} to hold 2500000001 motes, but it holds 2500000000 motes (1 fewer)`,
    );
    expect(() => expect({ env }).toHaveBalance(0n)).toThrow(
      `but it holds ${DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n} motes (${DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n} more)`,
    );
    expect(() =>
      expect({ env, purse: main }).not.toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n),
    ).toThrow(
      `Expected purse uref-${bytesToHex(main.addr)}-007 not to hold ${DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n} motes, but it does`,
    );
    expect(() => expect({ env, purse: FORGED }).toHaveBalance(1n)).toThrow(
      `Expected purse ${'f0'.repeat(32)} to hold 1 motes, but there is no such purse`,
    );
    expect(() => expect({ env, account: ALICE_HASH }).toHaveBalance(1n)).toThrow(
      `Expected the main purse of account-hash-${bytesToHex(ALICE_HASH)} to hold 1 motes, but there is no such account`,
    );
    expect(() => expect({ env }).toHaveBalance(1 as unknown as bigint)).toThrow(
      'toHaveBalance: expected motes as a bigint, got 1',
    );
  });
});

describe('sessions with casper-js-sdk Args', () => {
  test('transfer-to-public-key: exact balances, the target account is created', () => {
    const env = new TestEnv();
    const amount = 2_500_000_000n;
    expect(env.account(ALICE_HASH)).toBeUndefined();
    const r = env.runSession({
      wasm: 'transfer-to-public-key',
      args: fromSdkArgs(
        sdk.Args.fromMap({ target: sdk.CLValue.newCLPublicKey(ALICE), amount: sdk.CLValue.newCLUInt512(amount) }),
      ),
    });
    expect(r).toSucceed();
    // No payment phase yet: the sender's main purse pays exactly the amount.
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - amount);
    expect({ env, account: ALICE_HASH }).toHaveBalance(amount);
    expect(env.accountBalance(ALICE_HASH)).toBe(amount);
    const alice = env.account(ALICE_HASH)!;
    expect(alice.associatedKeys).toEqual([{ accountHash: ALICE_HASH, weight: 1 }]);
    expect(r.transfers).toHaveLength(1);
  });

  test('donation-count against a JS stub: call log args, named key → URef holding u64 7', () => {
    const env = new TestEnv();
    const stub = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(7n) } });
    const donor = new Uint8Array(32).fill(0xd0);
    const r = env.runSession({
      wasm: 'donation-count',
      args: fromSdkArgs(
        sdk.Args.fromMap({
          fundraiser_contract_hash: sdk.CLValue.newCLByteArray(stub.contractHash),
          donating_account_key: sdk.CLValue.newCLKey(sdk.Key.newKey(`account-hash-${bytesToHex(donor)}`)),
        }),
      ),
    });
    expect(r).toSucceed();
    expect(stub.calls).toEqual([
      {
        entryPoint: 'get_donation_count',
        args: [{ name: 'donating_account_key', value: CLValue.key(accountKey(donor)) }],
      },
    ]);
    expect({ env }).toHaveNamedKey('donation_count');
    const key = env.namedKeys().get('donation_count')!;
    expect(key.tag).toBe(2);
    if (key.tag !== 2) return;
    expect({ env }).toHaveNamedKey('donation_count', urefKey(key.uref));
    expect(key.uref.rights).toBe(7);
    expect(env.queryCLValue(key)).toEqual(CLValue.u64(7n));
    expect(env.queryCLValue(key)!.asU64()).toEqual({ ok: true, value: 7n });
  });

  test('donation-count: a stub that reverts makes the session revert with its error', () => {
    const env = new TestEnv();
    const root = env.stateRoot();
    const stub = installStub(env, {
      entryPoints: {
        get_donation_count: () => {
          throw revertError(userError(3));
        },
      },
    });
    const afterInstall = env.stateRoot();
    expect(afterInstall).not.toBe(root);
    const r = env.runSession({
      wasm: 'donation-count',
      args: fromSdkArgs(
        sdk.Args.fromMap({
          fundraiser_contract_hash: sdk.CLValue.newCLByteArray(stub.contractHash),
          donating_account_key: sdk.CLValue.newCLKey(sdk.Key.newKey(`account-hash-${'d0'.repeat(32)}`)),
        }),
      ),
    });
    expect(r).toRevertWith('User(3)');
    expect(stub.calls).toHaveLength(1);
    expect({ env }).not.toHaveNamedKey('donation_count');
    expect(env.stateRoot()).toBe(afterInstall);
  });
});
