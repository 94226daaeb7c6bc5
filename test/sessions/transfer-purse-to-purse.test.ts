// transfer-purse-to-purse: main purse → one of the account's own purses. The target purse is made
// with the create-purse session (named key `savings`, empty).
import { Args, CLValue as SdkCLValue, URef as SdkURef } from 'casper-js-sdk';
import { ApiErrorCode, CLValue, DEFAULT_ACCOUNT_INITIAL_BALANCE, MintErrorCode, TestEnv } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { AccessRights, newURef, type URef, urefToFormattedString, withAccessRights } from '../../runtime/types/uref';
import type { RuntimeArgs } from '../../runtime/types/runtime-args';

const AMOUNT = 2_500_000_000n;

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

/** A fresh env whose account holds an empty purse under `savings` (made by create-purse); returns it. */
function withSavings(): { env: TestEnv; savings: URef } {
  const env = new TestEnv();
  const r = env.runSession({
    wasm: 'create-purse',
    args: [
      { name: 'name', value: CLValue.string('savings') },
      { name: 'amount', value: CLValue.u512(0n) },
    ],
  });
  expect(r).toSucceed();
  const key = env.namedKeys().get('savings');
  if (key?.tag !== 2) throw new Error('create-purse did not store a URef under savings');
  return { env, savings: key.uref };
}

function args(target: URef, amount: bigint): RuntimeArgs {
  return [
    { name: 'target_purse', value: CLValue.uref(target) },
    { name: 'amount', value: CLValue.u512(amount) },
  ];
}

test('moves `amount` from the main purse to the target purse; the deploy is charged its gas', () => {
  const { env, savings } = withSavings();
  const before = env.accountBalance()!;
  expect(before).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE);
  const r = env.runDeploy({
    session: {
      wasm: 'transfer-purse-to-purse',
      args: Args.fromMap({
        target_purse: SdkCLValue.newCLUref(SdkURef.fromString(urefToFormattedString(savings))),
        amount: SdkCLValue.newCLUInt512(AMOUNT),
      }),
    },
  });
  expect(r).toSucceed();
  expect(r.transfers).toHaveLength(1);
  expect({ env, purse: savings }).toHaveBalance(AMOUNT);
  expect(r.fee).toBe(charged(DEFAULT_PAYMENT, r.gasUsed));
  expect({ env }).toHaveBalance(before - AMOUNT - charged(DEFAULT_PAYMENT, r.gasUsed));
});

test('a missing argument reverts MissingArgument and changes nothing', () => {
  const { env, savings } = withSavings();
  const root = env.stateRoot();
  const [target, amount] = args(savings, AMOUNT);
  expect(env.runSession({ wasm: 'transfer-purse-to-purse', args: [amount] })).toRevertWith('MissingArgument');
  expect(env.runSession({ wasm: 'transfer-purse-to-purse', args: [target] })).toRevertWith(
    ApiErrorCode.MissingArgument,
  );
  expect(env.stateRoot()).toBe(root);
});

test('arguments of the wrong CLType revert InvalidArgument and change nothing', () => {
  const { env, savings } = withSavings();
  const root = env.stateRoot();
  // A Key::URef is one byte longer than a URef; a String "1" does not decode as a U512.
  const keyForURef = env.runSession({
    wasm: 'transfer-purse-to-purse',
    args: [
      { name: 'target_purse', value: CLValue.key({ tag: 2, uref: savings }) },
      { name: 'amount', value: CLValue.u512(AMOUNT) },
    ],
  });
  expect(keyForURef).toRevertWith('InvalidArgument');
  const stringForU512 = env.runSession({
    wasm: 'transfer-purse-to-purse',
    args: [
      { name: 'target_purse', value: CLValue.uref(savings) },
      { name: 'amount', value: CLValue.string('1') },
    ],
  });
  expect(stringForU512).toRevertWith(ApiErrorCode.InvalidArgument);
  expect(env.stateRoot()).toBe(root);
});

test('more than the main purse holds: Mint(InsufficientFunds), nothing changes', () => {
  const { env, savings } = withSavings();
  const root = env.stateRoot();
  const r = env.runSession({
    wasm: 'transfer-purse-to-purse',
    args: args(savings, DEFAULT_ACCOUNT_INITIAL_BALANCE + 1n),
  });
  expect(r).toRevertWith('Mint(InsufficientFunds)');
  expect(r.error?.apiError).toEqual({ code: 65024, name: 'Mint(InsufficientFunds)', message: 'Mint error: 0' });
  expect(env.stateRoot()).toBe(root);
  expect({ env, purse: savings }).toHaveBalance(0n);
});

test('the whole balance can be moved, to the mote', () => {
  const { env, savings } = withSavings();
  const r = env.runSession({ wasm: 'transfer-purse-to-purse', args: args(savings, DEFAULT_ACCOUNT_INITIAL_BALANCE) });
  expect(r).toSucceed();
  expect({ env }).toHaveBalance(0n);
  expect({ env, purse: savings }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE);
});

test('a URef the account does not hold is a forged reference; nothing changes', () => {
  const { env } = withSavings();
  const root = env.stateRoot();
  const forged = newURef(new Uint8Array(32).fill(0x42), AccessRights.READ_ADD_WRITE);
  const r = env.runSession({ wasm: 'transfer-purse-to-purse', args: args(forged, AMOUNT) });
  expect(r).toFailWith('ForgedReference', `Forged reference: ${urefToFormattedString(forged)}`);
  expect(env.stateRoot()).toBe(root);
});

test('the account’s purse passed without ADD rights: Mint(InvalidAccessRights); nothing changes', () => {
  const { env, savings } = withSavings();
  const root = env.stateRoot();
  const r = env.runSession({
    wasm: 'transfer-purse-to-purse',
    args: args(withAccessRights(savings, AccessRights.READ), AMOUNT),
  });
  expect(r).toRevertWith(MintErrorCode.InvalidAccessRights);
  expect(r.error?.apiError?.name).toBe('Mint(InvalidAccessRights)');
  expect(env.stateRoot()).toBe(root);
});

test('a URef of the account that is not a purse: Mint(DestNotFound); nothing changes', () => {
  const { env } = withSavings();
  // counter-install leaves the account a named URef holding a u32 (`version`).
  expect(env.runSession({ wasm: 'counter-install' })).toSucceed();
  const version = env.namedKeys().get('version');
  if (version?.tag !== 2) throw new Error('no version URef');
  const root = env.stateRoot();
  const r = env.runSession({ wasm: 'transfer-purse-to-purse', args: args(version.uref, AMOUNT) });
  expect(r).toRevertWith('Mint(DestNotFound)');
  expect(env.stateRoot()).toBe(root);
});
