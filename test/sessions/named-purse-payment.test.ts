// named-purse-payment: custom payment code paying from a purse under a named key (payment phase).
import { Args, CLValue as SdkCLValue } from 'casper-js-sdk';
import { DEFAULT_ACCOUNT_INITIAL_BALANCE, TestEnv } from '../../runtime/env';
import { MAX_PAYMENT } from '../../runtime/engine/deploy';
import { CLValue, Writer } from '../../runtime/types';
import type { URef } from '../../runtime/types/uref';
import { session } from '../helpers/wat-session';

const TARGET = new Uint8Array(32).fill(7);
const PURSE_FUNDS = 50_000_000_000n;
const str = (s: string) => new Writer().string(s).finish();
const u512 = (n: bigint) => SdkCLValue.newCLUInt512(n.toString());
const transfer = (amount: bigint) => ({
  wasm: 'transfer-to-account',
  args: Args.fromMap({ target: SdkCLValue.newCLByteArray(TARGET), amount: u512(amount) }),
});
const payment = (args: Record<string, SdkCLValue>) => ({ wasm: 'named-purse-payment', args: Args.fromMap(args) });

/** A purse under named key `name`, funded with PURSE_FUNDS from the main purse (a setup session). */
async function namedPurse(env: TestEnv, name: string): Promise<URef> {
  const amount = CLValue.u512(PURSE_FUNDS).bytes;
  const wasm = await session(
    `(call $check (call $casper_create_purse (i32.const 101) (i32.const 33)))
     (call $casper_put_key (i32.const 0) (i32.const ${str(name).length}) (i32.const 100) (i32.const 34))
     (call $casper_get_main_purse (i32.const 200))
     (call $check (call $casper_transfer_from_purse_to_purse (i32.const 200) (i32.const 33) (i32.const 101) (i32.const 33)
       (i32.const 300) (i32.const ${amount.length}) (i32.const 400) (i32.const 1)))`,
    [
      [0, str(name)],
      [100, new Uint8Array([2])],
      [300, amount],
      [400, new Uint8Array([0])],
    ],
  );
  const r = env.runSession({ wasm, args: [{ name: 'amount', value: CLValue.u512(PURSE_FUNDS) }] });
  expect(r.error).toBeUndefined();
  const key = env.namedKeys().get(name);
  if (key?.tag !== 2) throw new Error('no named purse');
  return key.uref;
}

test('pays from the named purse: the main purse pays nothing for gas; the refund goes back to the named purse', async () => {
  const env = new TestEnv();
  const purse = await namedPurse(env, 'gas_purse');
  const mainBefore = env.accountBalance()!;
  const proposerBefore = env.accountBalance(env.proposerAccountHash)!;
  const amount = 10_000_000_000n;
  const r = env.runDeploy({
    payment: payment({ purse_name: SdkCLValue.newCLString('gas_purse'), amount: u512(amount) }),
    session: transfer(1_000_000_000n),
  });
  expect(r.error).toBeUndefined();
  expect(r.success).toBe(true);
  expect(r.paymentGasUsed).toBeGreaterThan(0);
  expect(r.gasUsed).toBe(r.paymentGasUsed + r.sessionGasUsed!);
  const refund = ((amount - r.cost) * 99n) / 100n;
  expect(r.refund).toBe(refund);
  expect(r.fee).toBe(amount - refund);
  expect(env.balance(purse.addr)).toBe(PURSE_FUNDS - amount + refund);
  expect(env.accountBalance()).toBe(mainBefore - 1_000_000_000n);
  expect(env.accountBalance(env.proposerAccountHash)).toBe(proposerBefore + amount - refund);
  expect(env.accountBalance(TARGET)).toBe(1_000_000_000n);
});

describe('payment failures cost MAX_PAYMENT (2.5 CSPR) from the main purse and change nothing else', () => {
  const cases: Array<[string, Record<string, SdkCLValue>, number]> = [
    ['missing purse_name → MissingArgument (2)', { amount: u512(10_000_000_000n) }, 2],
    ['purse_name of the wrong CLType → InvalidArgument (3)', { purse_name: u512(1n), amount: u512(1n) }, 3],
    [
      'no such named key → InvalidPurseName (11)',
      { purse_name: SdkCLValue.newCLString('nope'), amount: u512(10_000_000_000n) },
      11,
    ],
    [
      'more than the purse holds → Mint(InsufficientFunds) (65024)',
      { purse_name: SdkCLValue.newCLString('gas_purse'), amount: u512(PURSE_FUNDS + 1n) },
      65024,
    ],
  ];
  test.each(cases)('%s', async (_name, args, code) => {
    const env = new TestEnv();
    const purse = await namedPurse(env, 'gas_purse');
    const root = env.balance(purse.addr);
    const mainBefore = env.accountBalance()!;
    const r = env.runDeploy({ payment: payment(args), session: transfer(1_000_000_000n) });
    expect(r.success).toBe(false);
    expect(r.error?.kind).toBe('Revert');
    expect(r.error?.apiError?.code).toBe(code);
    expect(r.gasUsed).toBe(2_500_000_000);
    expect(r.fee).toBe(MAX_PAYMENT);
    expect(env.accountBalance()).toBe(mainBefore - MAX_PAYMENT);
    expect(env.balance(purse.addr)).toBe(root);
    expect(env.accountBalance(TARGET)).toBeUndefined();
  });

  test('a named key that is not a URef → InvalidPurse (12)', async () => {
    const env = new TestEnv();
    // put_key("not_a_purse", Key::Account(default account))
    const key = new Uint8Array([0, ...env.defaultAccountHash]);
    const wasm = await session(`(call $casper_put_key (i32.const 0) (i32.const 15) (i32.const 100) (i32.const 33))`, [
      [0, str('not_a_purse')],
      [100, key],
    ]);
    expect(env.runSession({ wasm }).error).toBeUndefined();
    const mainBefore = env.accountBalance()!;
    const r = env.runDeploy({
      payment: payment({ purse_name: SdkCLValue.newCLString('not_a_purse'), amount: u512(1n) }),
      session: transfer(1n),
    });
    expect(r.error?.apiError?.code).toBe(12);
    expect(env.accountBalance()).toBe(mainBefore - MAX_PAYMENT);
  });
});

test('in the session phase set_refund_purse fails: HandlePayment(SetRefundPurseCalledOutsidePayment) 65306', async () => {
  const env = new TestEnv();
  await namedPurse(env, 'gas_purse');
  const r = env.runDeploy({
    session: payment({ purse_name: SdkCLValue.newCLString('gas_purse'), amount: u512(1n) }),
  });
  expect(r.error?.apiError?.code).toBe(65280 + 26);
  expect(DEFAULT_ACCOUNT_INITIAL_BALANCE - env.accountBalance()!).toBe(PURSE_FUNDS + r.fee);
});
