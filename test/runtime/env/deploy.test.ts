// Whole deploys (payment, session, finalization) as the 1.5.6 node executes them: what is charged,
// refunded and paid to the proposer in each outcome, and what is committed.
import { Args, CLValue as SdkCLValue } from 'casper-js-sdk';
import { DEFAULT_ACCOUNT_INITIAL_BALANCE, DEFAULT_PAYMENT, TestEnv } from '../../../runtime/env';
import { MAX_PAYMENT } from '../../../runtime/engine/deploy';
import { PAYMENT_PURSE_KEY } from '../../../runtime/system/genesis';
import { CLValue, encodeRuntimeArgs, Writer } from '../../../runtime/types';
import { deployInfoKey, hashKey } from '../../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw } from '../../../runtime/types/public-key';
import { session } from '../../helpers/wat-session';

const TARGET = new Uint8Array(32).fill(7);
const transferArgs = (amount: bigint) =>
  Args.fromMap({ target: SdkCLValue.newCLByteArray(TARGET), amount: SdkCLValue.newCLUInt512(amount.toString()) });

/** 1.5.6 finalization: refund ⌊(payment − spent) × 99/100⌋, the rest is the proposer's fee. */
function split(payment: bigint, spent: bigint): { refund: bigint; fee: bigint } {
  const refund = ((payment - spent) * 99n) / 100n;
  return { refund, fee: payment - refund };
}

function paymentPurseAddr(env: TestEnv): Uint8Array {
  const hp = env.query(hashKey(env.services.system.handlePayment));
  if (hp?.tag !== 3) throw new Error('no handle payment');
  const k = hp.contract.namedKeys.get(PAYMENT_PURSE_KEY);
  if (k?.tag !== 2) throw new Error('no payment purse');
  return k.uref.addr;
}

describe('a successful deploy', () => {
  test('standard payment: the session runs, 99/100 of the unspent payment comes back, the rest pays the proposer', () => {
    const env = new TestEnv();
    const proposerBefore = env.accountBalance(env.proposerAccountHash)!;
    const r = env.runDeploy({ session: { wasm: 'transfer-to-account', args: transferArgs(5_000_000_000n) } });
    expect(r.error).toBeUndefined();
    expect(r.success).toBe(true);
    expect(r.paymentGasUsed).toBe(0); // the node resets the counter after standard payment
    expect(r.gasUsed).toBe(r.sessionGasUsed);
    expect(r.gasUsed).toBeGreaterThan(2_000_000_000);
    expect(r.cost).toBe(BigInt(r.gasUsed));
    const { refund, fee } = split(DEFAULT_PAYMENT, r.cost);
    expect(r.refund).toBe(refund);
    expect(r.fee).toBe(fee);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - 5_000_000_000n - fee);
    expect(env.accountBalance(env.proposerAccountHash)).toBe(proposerBefore + fee);
    expect(env.accountBalance(TARGET)).toBe(5_000_000_000n);
    expect(env.balance(paymentPurseAddr(env))).toBe(0n);
    expect(r.transfers).toHaveLength(1);
  });

  test('writes the DeployInfo record with the gas and the transfers', () => {
    const env = new TestEnv();
    const deployHash = new Uint8Array(32).fill(0xab);
    const r = env.runDeploy({
      session: { wasm: 'transfer-to-account', args: transferArgs(5_000_000_000n) },
      deployHash,
    });
    const info = env.query(deployInfoKey(deployHash));
    expect(info?.tag).toBe(6);
    if (info?.tag !== 6) return;
    expect(info.deployInfo.gas).toBe(BigInt(r.gasUsed));
    expect(info.deployInfo.transfers).toEqual(r.transfers);
    expect(info.deployInfo.from).toEqual(env.defaultAccountHash);
    expect(info.deployInfo.source).toEqual(env.account()!.mainPurse);
  });

  test('gas price 2 doubles the cost in motes and halves the gas the payment buys', () => {
    const env = new TestEnv();
    const r = env.runDeploy({
      session: { wasm: 'transfer-to-account', args: transferArgs(5_000_000_000n) },
      gasPrice: 2,
    });
    expect(r.success).toBe(true);
    expect(r.cost).toBe(BigInt(r.gasUsed) * 2n);
    expect(r.fee).toBe(split(DEFAULT_PAYMENT, r.cost).fee);
    // 2.6 CSPR of gas at price 2 needs more than 5 CSPR of payment.
    const env2 = new TestEnv();
    const short = env2.runDeploy({
      session: { wasm: 'transfer-to-account', args: transferArgs(5_000_000_000n) },
      payment: { amount: BigInt(r.gasUsed) * 2n - 2n },
      gasPrice: 2,
    });
    expect(short.error?.kind).toBe('GasLimit');
    expect(short.gasUsed).toBe(r.gasUsed - 1);
  });
});

describe('a failed session', () => {
  test('a revert drops the session effects and charges its gas', () => {
    const env = new TestEnv();
    const root0 = env.account()!.namedKeys.size;
    const r = env.runDeploy({ session: { wasm: 'transfer-to-account', args: Args.fromMap({}) } });
    expect(r.success).toBe(false);
    expect(r.error?.kind).toBe('Revert');
    expect(r.error?.apiError?.code).toBe(2);
    const { fee, refund } = split(DEFAULT_PAYMENT, r.cost);
    expect(r.fee).toBe(fee);
    expect(r.refund).toBe(refund);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - fee);
    expect(env.account()!.namedKeys.size).toBe(root0);
    expect(r.transfers).toEqual([]);
  });

  test('out of gas: the whole payment is spent when the session uses all it bought', () => {
    const env = new TestEnv();
    const payment = 1_000_000_000n;
    const r = env.runDeploy({
      session: { wasm: 'transfer-to-account', args: transferArgs(5_000_000_000n) },
      payment: { amount: payment },
    });
    expect(r.error?.kind).toBe('GasLimit');
    expect(r.gasUsed).toBe(1_000_000_000);
    expect(r.fee).toBe(payment);
    expect(r.refund).toBe(0n);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - payment);
    expect(env.accountBalance(TARGET)).toBeUndefined();
  });

  test('a session module the node cannot preprocess costs exactly MAX_PAYMENT (2.5 CSPR), nothing else', () => {
    const env = new TestEnv();
    const proposerBefore = env.accountBalance(env.proposerAccountHash)!;
    const r = env.runDeploy({ session: { wasm: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]) } });
    expect(r.error?.kind).toBe('WasmPreprocessing');
    expect(r.error?.message).toBe('Wasm preprocessing error: Memory section should exist');
    expect(r.gasUsed).toBe(0);
    expect(r.fee).toBe(MAX_PAYMENT);
    expect(r.effects.map((e) => e.kind)).toEqual(['Write', 'AddUInt512']);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - MAX_PAYMENT);
    expect(env.accountBalance(env.proposerAccountHash)).toBe(proposerBefore + MAX_PAYMENT);
    expect(env.balance(paymentPurseAddr(env))).toBe(0n);
  });
});

describe('payment failures', () => {
  test('standard payment of more than the balance: Mint InsufficientFunds, MAX_PAYMENT penalty, cost = payment gas limit', () => {
    const env = new TestEnv();
    const r = env.runDeploy({ session: { wasm: 'transfer-to-account' }, payment: { amount: 10n ** 18n } });
    expect(r.success).toBe(false);
    expect(r.error?.apiError?.code).toBe(65024);
    expect(r.gasUsed).toBe(2_500_000_000);
    expect(r.sessionGasUsed).toBeUndefined();
    expect(r.fee).toBe(MAX_PAYMENT);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - MAX_PAYMENT);
  });

  test('a payment module the node cannot preprocess costs MAX_PAYMENT with gas 0', async () => {
    const env = new TestEnv();
    const bad = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const r = env.runDeploy({ session: { wasm: 'transfer-to-account' }, payment: { wasm: bad } });
    expect(r.error?.kind).toBe('WasmPreprocessing');
    expect(r.gasUsed).toBe(0);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - MAX_PAYMENT);
  });

  test('payment code that pays less than its own gas: InsufficientPayment, MAX_PAYMENT penalty, cost = payment gas limit', async () => {
    const env = new TestEnv();
    const noop = await session('(nop)');
    const r = env.runDeploy({
      session: { wasm: 'transfer-to-account', args: transferArgs(1n) },
      payment: { wasm: noop },
    });
    expect(r.error?.kind).toBe('InsufficientPayment');
    expect(r.gasUsed).toBe(2_500_000_000);
    expect(r.fee).toBe(MAX_PAYMENT);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - MAX_PAYMENT);
  });
});

describe('preconditions: nothing runs, nothing is charged', () => {
  test('a main purse below 2.5 CSPR: InsufficientPayment', () => {
    const { ed25519 } = require('@noble/curves/ed25519') as typeof import('@noble/curves/ed25519');
    const pk = publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(3)))!;
    const env = new TestEnv({ accounts: [{ publicKey: pk, balance: MAX_PAYMENT - 1n }] });
    const root = env.stateRoot();
    const r = env.runDeploy({ caller: publicKeyAccountHash(pk), session: { wasm: 'transfer-to-account' } });
    expect(r.precondition).toBe(true);
    expect(r.error?.kind).toBe('InsufficientPayment');
    expect(r.gasUsed).toBe(0);
    expect(env.stateRoot()).toBe(root);
  });

  test('an unknown account, a missing approval, gas price 0, a missing named key', () => {
    const env = new TestEnv();
    const root = env.stateRoot();
    expect(
      env.runDeploy({ caller: new Uint8Array(32).fill(9), session: { wasm: 'transfer-to-account' } }).error?.kind,
    ).toBe('Authorization');
    expect(
      env.runDeploy({ authorizationKeys: [new Uint8Array(32).fill(9)], session: { wasm: 'transfer-to-account' } }).error
        ?.kind,
    ).toBe('Authorization');
    const zero = env.runDeploy({ gasPrice: 0, session: { wasm: 'transfer-to-account' } });
    expect(zero.error?.kind).toBe('GasConversionOverflow');
    const byName = env.runDeploy({ session: { target: { name: 'nope' }, entryPoint: 'call' } });
    expect(byName.error?.kind).toBe('NamedKeyNotFound');
    expect(byName.precondition).toBe(true);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('custom payment code and handle payment', () => {
  const ep = (s: string) => new Writer().string(s).finish();
  // set_refund_purse's args, with the URef filled in at run time by create_purse (at 517).
  const refundArgs = new Writer().u32(1).string('purse').u32(33).raw(new Uint8Array(33)).u8(12).finish();

  /** Payment code: [create a refund purse and set it,] then pay `amount` from the main purse into the payment purse. */
  async function paymentCode(amount: bigint, withRefundPurse: boolean, extra = ''): Promise<Uint8Array> {
    // get_key("refund") → Key::URef at 1500; its 33 URef bytes are copied into the args at 517.
    const setRefund = withRefundPurse
      ? `(call $check (call $casper_get_key (i32.const 1400) (i32.const 10) (i32.const 1500) (i32.const 34) (i32.const 1000)))
         (i64.store (i32.const 517) (i64.load (i32.const 1501)))
         (i64.store (i32.const 525) (i64.load (i32.const 1509)))
         (i64.store (i32.const 533) (i64.load (i32.const 1517)))
         (i64.store (i32.const 541) (i64.load (i32.const 1525)))
         (i32.store8 (i32.const 549) (i32.load8_u (i32.const 1533)))
         (call $check (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 1100) (i32.const 20)
           (i32.const 500) (i32.const ${refundArgs.length}) (i32.const 1000)))
`
      : '';
    return session(
      `(call $check (call $casper_get_system_contract (i32.const 1) (i32.const 200) (i32.const 32)))
       ${setRefund}
       ${extra}
       (call $check (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 300) (i32.const 21)
         (i32.const 400) (i32.const 4) (i32.const 1000)))
       (call $check (call $casper_read_host_buffer (i32.const 600) (i32.const 33) (i32.const 1000)))
       (call $casper_get_main_purse (i32.const 700))
       (call $check (call $casper_transfer_from_purse_to_purse (i32.const 700) (i32.const 33) (i32.const 600)
         (i32.const 33) (i32.const 800) (i32.const ${CLValue.u512(amount).bytes.length}) (i32.const 900) (i32.const 1)))`,
      [
        [300, ep('get_payment_purse')],
        [400, encodeRuntimeArgs([])],
        [500, refundArgs],
        [800, CLValue.u512(amount).bytes],
        [900, new Uint8Array([0])],
        [1100, ep('set_refund_purse')],
        [1400, ep('refund')],
      ],
    );
  }

  test('payment code pays into the payment purse; the session runs on what it paid; its own gas is charged', async () => {
    const env = new TestEnv();
    const amount = 10_000_000_000n;
    const payment = await paymentCode(amount, false);
    const r = env.runDeploy({
      payment: { wasm: payment, args: Args.fromMap({ amount: SdkCLValue.newCLUInt512(amount.toString()) }) },
      session: { wasm: 'transfer-to-account', args: transferArgs(1_000_000_000n) },
    });
    expect(r.error).toBeUndefined();
    expect(r.paymentGasUsed).toBeGreaterThan(0);
    expect(r.gasUsed).toBe(r.paymentGasUsed + r.sessionGasUsed!);
    const { fee, refund } = split(amount, r.cost);
    expect(r.fee).toBe(fee);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - amount + refund - 1_000_000_000n);
  });

  test('named keys payment code puts are in global state but not in the session context (the account as loaded)', async () => {
    const env = new TestEnv();
    const amount = 10_000_000_000n;
    // put_key("marker", Key::Account(zeros)) at 1600/1700, then pay.
    const payment = await paymentCode(
      amount,
      false,
      `(i32.store (i32.const 1600) (i32.const 6))
       (i64.store (i32.const 1604) (i64.const 0x72656b72616d)) ;; "marker"
       (call $casper_put_key (i32.const 1600) (i32.const 10) (i32.const 1700) (i32.const 33))`,
    );
    const probe = await session(
      `(i32.store (i32.const 0) (i32.const 6))
       (i64.store (i32.const 4) (i64.const 0x72656b72616d))
       (if (i32.eqz (call $casper_has_key (i32.const 0) (i32.const 10))) (then (call $casper_revert (i32.const 7))))`,
    );
    const r = env.runDeploy({
      payment: { wasm: payment, args: Args.fromMap({ amount: SdkCLValue.newCLUInt512(amount.toString()) }) },
      session: { wasm: probe },
    });
    expect(r.error).toBeUndefined();
    expect(r.success).toBe(true);
    expect(env.namedKeys().has('marker')).toBe(true);
  });

  test('payment code beyond its `amount` arg: Mint UnapprovedSpendingAmount, MAX_PAYMENT penalty', async () => {
    const env = new TestEnv();
    const payment = await paymentCode(10_000_000_000n, false);
    const r = env.runDeploy({
      payment: { wasm: payment, args: Args.fromMap({ amount: SdkCLValue.newCLUInt512('9999999999') }) },
      session: { wasm: 'transfer-to-account', args: transferArgs(1n) },
    });
    expect(r.error?.apiError?.code).toBe(65536 + 65024 + 21); // $check adds 65536 to the code
    expect(r.fee).toBe(MAX_PAYMENT);
    expect(r.gasUsed).toBe(2_500_000_000);
  });

  test('a refund purse set in payment receives the refund and is cleared afterwards', async () => {
    const env = new TestEnv();
    // A purse under the account's named key "refund", made by an earlier session.
    const makePurse = await session(
      `(call $check (call $casper_create_purse (i32.const 101) (i32.const 33)))
       (call $casper_put_key (i32.const 0) (i32.const 10) (i32.const 100) (i32.const 34))`,
      [
        [0, ep('refund')],
        [100, new Uint8Array([2])],
      ],
    );
    expect(env.runSession({ wasm: makePurse }).error).toBeUndefined();
    const refundKey = env.namedKeys().get('refund');
    if (refundKey?.tag !== 2) throw new Error('no refund purse');
    const amount = 10_000_000_000n;
    const payment = await paymentCode(amount, true);
    const r = env.runDeploy({
      payment: { wasm: payment, args: Args.fromMap({ amount: SdkCLValue.newCLUInt512(amount.toString()) }) },
      session: { wasm: 'transfer-to-account', args: transferArgs(1_000_000_000n) },
    });
    expect(r.error).toBeUndefined();
    const { refund, fee } = split(amount, r.cost);
    expect(r.refund).toBe(refund);
    expect(r.fee).toBe(fee);
    // The main purse did not get the refund: it went to the purse payment created.
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - amount - 1_000_000_000n);
    const hp = env.query(hashKey(env.services.system.handlePayment));
    expect(hp?.tag === 3 && hp.contract.namedKeys.has('refund_purse')).toBe(false);
    expect(env.balance(refundKey.uref.addr)).toBe(refund);
  });

  test('set_refund_purse in the session phase: HandlePayment(26); finalize_payment by a user: HandlePayment(22)', async () => {
    const env = new TestEnv();
    const call = (name: string, args: Uint8Array, createPurse: boolean) =>
      session(
        `(call $check (call $casper_get_system_contract (i32.const 1) (i32.const 200) (i32.const 32)))
         ${createPurse ? '(call $check (call $casper_create_purse (i32.const 517) (i32.const 33)))' : ''}
         (call $check (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 300) (i32.const ${ep(name).length})
           (i32.const 500) (i32.const ${args.length}) (i32.const 1000)))`,
        [
          [300, ep(name)],
          [500, args],
        ],
      );
    const r1 = env.runDeploy({ session: { wasm: await call('set_refund_purse', refundArgs, true) } });
    expect(r1.error?.apiError?.code).toBe(65280 + 26);
    const finalizeArgs = encodeRuntimeArgs([
      { name: 'amount', value: CLValue.u512(1n) },
      { name: 'account', value: CLValue.byteArray(new Uint8Array(32)) },
      { name: 'target', value: CLValue.uref(env.account()!.mainPurse) },
    ]);
    const r2 = env.runSession({ wasm: await call('finalize_payment', finalizeArgs, false) });
    // The account's own main purse in the args is valid; the caller check fails.
    expect(r2.error?.apiError?.code).toBe(65280 + 22);
  });

  test('get_payment_purse hands out READ_ADD; get_refund_purse is None outside payment', async () => {
    const env = new TestEnv();
    const wasm = await session(
      `(call $check (call $casper_get_system_contract (i32.const 1) (i32.const 200) (i32.const 32)))
       (call $check (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 300) (i32.const 21)
         (i32.const 400) (i32.const 4) (i32.const 1000)))
       (call $check (call $casper_read_host_buffer (i32.const 600) (i32.const 33) (i32.const 1000)))
       (if (i32.ne (i32.load8_u (i32.const 632)) (i32.const 5)) (then (call $casper_revert (i32.const 1))))
       (call $check (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 700) (i32.const 20)
         (i32.const 400) (i32.const 4) (i32.const 1000)))
       (call $check (call $casper_read_host_buffer (i32.const 800) (i32.const 1) (i32.const 1000)))
       (if (i32.load8_u (i32.const 800)) (then (call $casper_revert (i32.const 2))))`,
      [
        [300, ep('get_payment_purse')],
        [400, encodeRuntimeArgs([])],
        [700, ep('get_refund_purse')],
      ],
    );
    const r = env.runSession({ wasm });
    expect(r.error).toBeUndefined();
    expect(r.success).toBe(true);
  });

  test('calling the standard payment contract: its stored Wasm is empty, the node fails to parse it', async () => {
    const env = new TestEnv();
    const wasm = await session(
      `(call $check (call $casper_get_system_contract (i32.const 2) (i32.const 200) (i32.const 32)))
       (call $check (call $casper_call_contract (i32.const 200) (i32.const 32) (i32.const 300) (i32.const 7)
         (i32.const 400) (i32.const 4) (i32.const 1000)))`,
      [
        [300, ep('pay')],
        [400, encodeRuntimeArgs([])],
      ],
    );
    const r = env.runSession({ wasm });
    expect(r.error?.kind).toBe('ParityWasm');
    expect(r.error?.message).toBe('I/O Error: UnexpectedEof');
  });
});

describe('estimate', () => {
  test('suggests gas + 10 % and leaves the state untouched; that payment then succeeds, half of it does not', () => {
    const env = new TestEnv();
    const root = env.stateRoot();
    const req = { session: { wasm: 'transfer-to-account', args: transferArgs(5_000_000_000n) } } as const;
    const e = env.estimate(req);
    expect(env.stateRoot()).toBe(root);
    expect(e.result.success).toBe(true);
    expect(e.cost).toBe(BigInt(e.gasUsed));
    expect(e.paymentAmount).toBe((e.cost * 1_100_000n + 999_999n) / 1_000_000n);
    const ok = env.runDeploy({ ...req, payment: { amount: e.paymentAmount } });
    expect(ok.success).toBe(true);
    expect(ok.gasUsed).toBe(e.gasUsed);
    const env2 = new TestEnv();
    const low = env2.runDeploy({ ...req, payment: { amount: e.paymentAmount / 2n } });
    expect(low.error?.kind).toBe('GasLimit');
  });

  test('never suggests less than the 2.5 CSPR minimum', async () => {
    const env = new TestEnv();
    const e = env.estimate({ session: { wasm: await session('(nop)') } });
    expect(e.gasUsed).toBeLessThan(1_000_000);
    expect(e.paymentAmount).toBe(MAX_PAYMENT);
    expect(e.margin).toBe(0.1);
  });
});

describe('malicious sessions as deploys: each costs exactly what it bought and changes nothing else', () => {
  const CHANGED_ONLY = (r: { effects: readonly { key: { tag: number }; kind: string }[] }) =>
    r.effects.filter((e) => e.kind !== 'Identity').every((e) => e.key.tag === 6 /* Balance */);

  test('an infinite loop: GasLimit, the whole payment is the fee', async () => {
    const env = new TestEnv();
    const loop = await session('(loop (br 0))');
    const payment = 5_000_000_000n;
    const r = env.runDeploy({ session: { wasm: loop }, payment: { amount: payment } });
    expect(r.error?.kind).toBe('GasLimit');
    expect(r.gasUsed).toBe(5_000_000_000);
    expect(r.fee).toBe(payment);
    expect(r.refund).toBe(0n);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - payment);
    expect(CHANGED_ONLY(r)).toBe(true);
  });

  test('a memory bomb stops at 64 pages; unbounded recursion at the stack limit; both charged their gas only', async () => {
    const env = new TestEnv();
    const bomb = await session('(loop (br_if 0 (i32.ne (memory.grow (i32.const 1)) (i32.const -1)))) (unreachable)');
    const r1 = env.runDeploy({ session: { wasm: bomb } });
    expect(r1.error?.kind).toBe('Interpreter');
    expect(r1.fee).toBe(split(DEFAULT_PAYMENT, r1.cost).fee);
    expect(CHANGED_ONLY(r1)).toBe(true);
    const before = env.accountBalance()!;
    // No imports, so `call` is function 0: it calls itself until the stack limiter traps.
    const recurse = await session('(call 0)');
    const r2 = env.runDeploy({ session: { wasm: recurse } });
    expect(r2.error?.kind).toBe('Interpreter');
    expect(r2.error?.message).toContain('Unreachable');
    expect(env.accountBalance()).toBe(before - split(DEFAULT_PAYMENT, r2.cost).fee);
    expect(CHANGED_ONLY(r2)).toBe(true);
  });
});
