// test/runtime/env/readme-example.test.ts: the README's "Testing sessions" example, verbatim.
import { Args, CLValue as SdkCLValue, Key as SdkKey, KeyAlgorithm, PrivateKey } from 'casper-js-sdk';
import {
  accountKey,
  CLValue,
  DEFAULT_ACCOUNT_INITIAL_BALANCE,
  fromSdkArgs,
  installStub,
  TestEnv,
} from '../../../runtime';
import '../../../runtime/jest'; // toSucceed, toRevertWith, toFailWith, toHaveNamedKey, toHaveBalance

const bob = PrivateKey.fromHex('11'.repeat(32), KeyAlgorithm.ED25519).publicKey;
const bobHash = bob.accountHash().toBytes();

test('transfer-to-account moves motes', () => {
  const env = new TestEnv(); // fresh state, genesis done, default account funded
  const r = env.runSession({
    wasm: 'transfer-to-account', // build/transfer-to-account.wasm
    args: fromSdkArgs(
      Args.fromMap({
        target: SdkCLValue.newCLByteArray(bobHash), // AccountHash
        amount: SdkCLValue.newCLUInt512(2_500_000_000n),
      }),
    ),
  });
  expect(r).toSucceed();
  expect({ env, account: bobHash }).toHaveBalance(2_500_000_000n);
  // No payment phase yet: the caller pays exactly the amount.
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - 2_500_000_000n);
});

test('a failed transfer reports the mint error and changes nothing', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({
    wasm: 'transfer-to-account',
    args: fromSdkArgs(
      Args.fromMap({
        target: SdkCLValue.newCLByteArray(bobHash),
        amount: SdkCLValue.newCLUInt512(10n ** 30n),
      }),
    ),
  });
  expect(r).toRevertWith('Mint(InsufficientFunds)'); // or 65024, MintErrorCode.InsufficientFunds
  expect(r.error?.apiError).toEqual({ code: 65024, name: 'Mint(InsufficientFunds)', message: 'Mint error: 0' });
  expect(env.stateRoot()).toBe(root);
  expect(env.account(bobHash)).toBeUndefined();
});

test('donation-count stores what a fundraiser contract (a JS stub) returns', () => {
  const env = new TestEnv();
  const fundraiser = installStub(env, { entryPoints: { get_donation_count: () => CLValue.u64(7n) } });
  const r = env.runSession({
    wasm: 'donation-count',
    args: fromSdkArgs(
      Args.fromMap({
        fundraiser_contract_hash: SdkCLValue.newCLByteArray(fundraiser.contractHash),
        donating_account_key: SdkCLValue.newCLKey(SdkKey.newKey(bob.accountHash().toPrefixedString())),
      }),
    ),
  });
  expect(r).toSucceed();
  expect(fundraiser.calls).toEqual([
    {
      entryPoint: 'get_donation_count',
      args: [{ name: 'donating_account_key', value: CLValue.key(accountKey(bobHash)) }],
    },
  ]);
  expect({ env }).toHaveNamedKey('donation_count');
  expect(env.queryCLValue(env.namedKeys().get('donation_count')!)).toEqual(CLValue.u64(7n));
});
