// create-purse: a new purse under a named key, funded from the main purse.
import { Args, CLValue as SdkCLValue } from 'casper-js-sdk';
import { ApiErrorCode, CLValue, CLTypes, DEFAULT_ACCOUNT_INITIAL_BALANCE, TestEnv } from '../../runtime';
import { DEFAULT_PAYMENT } from '../../runtime/env';
import '../../runtime/jest';
import { AccessRights } from '../../runtime/types/uref';
import type { Key } from '../../runtime/types/key';

const AMOUNT = 7_000_000_000n;

/** What the account pays for a deploy of `gasUsed` gas at price 1 with standard payment `payment`. */
function charged(payment: bigint, gasUsed: number): bigint {
  return payment - ((payment - BigInt(gasUsed)) * 99n) / 100n;
}

function purseUnder(env: TestEnv, name: string): Extract<Key, { tag: 2 }> {
  const key = env.namedKeys().get(name);
  if (key?.tag !== 2) throw new Error(`no URef under ${name}`);
  return key;
}

test('creates a purse holding `amount` under `name`; the main purse pays amount + the deploy', () => {
  const env = new TestEnv();
  const r = env.runDeploy({
    session: {
      wasm: 'create-purse',
      args: Args.fromMap({ name: SdkCLValue.newCLString('savings'), amount: SdkCLValue.newCLUInt512(AMOUNT) }),
    },
  });
  expect(r).toSucceed();
  const { uref } = purseUnder(env, 'savings');
  expect(uref.rights).toBe(AccessRights.READ_ADD_WRITE);
  expect({ env, purse: uref }).toHaveBalance(AMOUNT);
  expect(r.transfers).toHaveLength(1);
  expect(r.fee).toBe(charged(DEFAULT_PAYMENT, r.gasUsed));
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - AMOUNT - charged(DEFAULT_PAYMENT, r.gasUsed));
  // Only the new named key was added.
  expect([...env.namedKeys().keys()]).toEqual(['savings']);
});

test('amount 0: an empty purse and no transfer', () => {
  const env = new TestEnv();
  const r = env.runSession({
    wasm: 'create-purse',
    args: [
      { name: 'name', value: CLValue.string('empty') },
      { name: 'amount', value: CLValue.u512(0n) },
    ],
  });
  expect(r).toSucceed();
  expect(r.transfers).toHaveLength(0);
  expect({ env, purse: purseUnder(env, 'empty').uref }).toHaveBalance(0n);
  expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE);
});

test('a second run under the same name replaces the named key with a new purse', () => {
  const env = new TestEnv();
  const run = (amount: bigint) =>
    env.runSession({
      wasm: 'create-purse',
      args: [
        { name: 'name', value: CLValue.string('p') },
        { name: 'amount', value: CLValue.u512(amount) },
      ],
    });
  expect(run(1n)).toSucceed();
  const first = purseUnder(env, 'p').uref;
  expect(run(2n)).toSucceed();
  const second = purseUnder(env, 'p').uref;
  expect(Buffer.from(second.addr).equals(Buffer.from(first.addr))).toBe(false);
  expect({ env, purse: first }).toHaveBalance(1n);
  expect({ env, purse: second }).toHaveBalance(2n);
});

test('a missing argument reverts MissingArgument and changes nothing', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const noName = env.runSession({ wasm: 'create-purse', args: [{ name: 'amount', value: CLValue.u512(1n) }] });
  expect(noName).toRevertWith('MissingArgument');
  const noAmount = env.runSession({ wasm: 'create-purse', args: [{ name: 'name', value: CLValue.string('p') }] });
  expect(noAmount).toRevertWith(ApiErrorCode.MissingArgument);
  expect(env.stateRoot()).toBe(root);
});

test('arguments of the wrong CLType (or a name that is not UTF-8) revert InvalidArgument; nothing changes', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const bad = [
    [
      { name: 'name', value: CLValue.u64(5n) },
      { name: 'amount', value: CLValue.u512(1n) },
    ],
    [
      { name: 'name', value: new CLValue(CLTypes.String, Uint8Array.of(1, 0, 0, 0, 0xff)) },
      { name: 'amount', value: CLValue.u512(1n) },
    ],
    [
      { name: 'name', value: CLValue.string('p') },
      { name: 'amount', value: CLValue.string('1') },
    ],
  ];
  for (const args of bad) expect(env.runSession({ wasm: 'create-purse', args })).toRevertWith('InvalidArgument');
  expect(env.stateRoot()).toBe(root);
});

test('more than the main purse holds: Mint(InsufficientFunds); no purse, no named key', () => {
  const env = new TestEnv();
  const root = env.stateRoot();
  const r = env.runSession({
    wasm: 'create-purse',
    args: [
      { name: 'name', value: CLValue.string('p') },
      { name: 'amount', value: CLValue.u512(DEFAULT_ACCOUNT_INITIAL_BALANCE + 1n) },
    ],
  });
  expect(r).toRevertWith('Mint(InsufficientFunds)');
  expect(r.error?.apiError?.code).toBe(65024);
  expect(env.stateRoot()).toBe(root);
  expect(env.namedKeys().size).toBe(0);
});
