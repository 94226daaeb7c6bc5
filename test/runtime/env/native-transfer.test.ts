// Native transfer deploys (session `ExecutableDeployItem::Transfer`) as the 1.5.6 node executes
// them (engine_state `transfer`, `TransferRuntimeArgsBuilder`): the fixed 0.1 CSPR fee, what is
// written on success, which failures are free (preconditions) and which cost exactly the fee.
import '../../../runtime/jest';
import { Args, CLValue as SdkCLValue, PublicKey as SdkPublicKey } from 'casper-js-sdk';
import { DEFAULT_ACCOUNT_INITIAL_BALANCE, type DeployResult, TestEnv } from '../../../runtime/env';
import type { ExecutionErrorKind } from '../../../runtime/engine/errors';
import { wasmlessTransferCost } from '../../../runtime/engine/native-transfer';
import type { GlobalState } from '../../../runtime/state/global-state';
import { PAYMENT_PURSE_KEY } from '../../../runtime/system/genesis';
import { CLTypes, CLValue, type RuntimeArgs } from '../../../runtime/types';
import type { Account } from '../../../runtime/types/account';
import {
  accountKey,
  balanceKey,
  deployInfoKey,
  hashKey,
  type Key,
  keyEquals,
  transferKey,
} from '../../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw, type PublicKey } from '../../../runtime/types/public-key';
import { storedCLValue } from '../../../runtime/types/stored-value';
import { AccessRights, newURef, type URef, withAccessRights } from '../../../runtime/types/uref';

/** wasmless_transfer_cost of the 1.5.6 chainspec, in gas and (at the fixed price 1) in motes. */
const FEE = 100_000_000n;
const CSPR = 1_000_000_000n;
const AMOUNT = 5n * CSPR;
const BOB_BALANCE = 1_000n * CSPR;

const { ed25519 } = require('@noble/curves/ed25519') as typeof import('@noble/curves/ed25519');
const key = (fill: number): PublicKey => publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(fill)))!;
const BOB = key(5);
const BOB_HASH = publicKeyAccountHash(BOB);
const NEW_HASH = new Uint8Array(32).fill(0x42);

const noId = CLValue.option(null, CLTypes.U64);

/** Transfer args in the order casper-client writes them; `undefined` leaves an arg out. */
function transferArgs(a: { target?: CLValue; amount?: CLValue; id?: CLValue; source?: CLValue }): RuntimeArgs {
  const args: RuntimeArgs = [];
  if (a.amount) args.push({ name: 'amount', value: a.amount });
  if (a.source) args.push({ name: 'source', value: a.source });
  if (a.target) args.push({ name: 'target', value: a.target });
  if (a.id) args.push({ name: 'id', value: a.id });
  return args;
}

/** A transfer of AMOUNT (None id) to `target`, with overrides. */
const to = (target: CLValue, more: { amount?: CLValue; id?: CLValue; source?: CLValue } = {}) =>
  transferArgs({ target, amount: CLValue.u512(AMOUNT), id: noId, ...more });

function newEnv(): TestEnv {
  return new TestEnv({ accounts: [{ publicKey: BOB, balance: BOB_BALANCE }] });
}

function paymentPurseAddr(env: TestEnv): Uint8Array {
  const hp = env.query(hashKey(env.services.system.handlePayment));
  if (hp?.tag !== 3) throw new Error('no handle payment');
  const k = hp.contract.namedKeys.get(PAYMENT_PURSE_KEY);
  if (k?.tag !== 2) throw new Error('no payment purse');
  return k.uref.addr;
}

/** Replaces an account record in place (test setup only). */
function editAccount(env: TestEnv, accountHash: Uint8Array, edit: (a: Account) => Account): void {
  env.state.put(accountKey(accountHash), { tag: 1, account: edit(env.account(accountHash)!) });
}

/** Adds a named key to the default account (test setup only). */
function putNamedKey(env: TestEnv, name: string, k: Key): void {
  editAccount(env, env.defaultAccountHash, (a) => ({ ...a, namedKeys: new Map([...a.namedKeys, [name, k]]) }));
}

/** A funded purse under the default account's named key `name` (made by the create-purse session). */
function namedPurse(env: TestEnv, name: string, amount: bigint): URef {
  const made = env.runSession({
    wasm: 'create-purse',
    args: [
      { name: 'name', value: CLValue.string(name) },
      { name: 'amount', value: CLValue.u512(amount) },
    ],
  });
  expect(made).toSucceed();
  const k = env.namedKeys().get(name);
  if (k?.tag !== 2) throw new Error(`no purse under ${name}`);
  return k.uref;
}

/** The state `before` with only the fee moved from `payer`'s main purse to the proposer's. */
function feeOnly(env: TestEnv, before: GlobalState, payer = env.defaultAccountHash): string {
  const expected = before.clone();
  const balanceIn = (addr: Uint8Array) => {
    const v = before.get(balanceKey(addr));
    if (v?.tag !== 0) throw new Error('no balance');
    const r = v.clValue.asU512();
    if (!r.ok) throw new Error('bad balance');
    return r.value;
  };
  const payerPurse = env.account(payer)!.mainPurse.addr;
  const proposerPurse = env.account(env.proposerAccountHash)!.mainPurse.addr;
  expected.put(balanceKey(payerPurse), storedCLValue(CLValue.u512(balanceIn(payerPurse) - FEE)));
  expected.put(balanceKey(proposerPurse), storedCLValue(CLValue.u512(balanceIn(proposerPurse) + FEE)));
  return expected.stateRoot();
}

/** A charged failure as the node reports it: cost = gas = fee, no transfers, two effects. */
function expectCharged(env: TestEnv, r: DeployResult, payer = env.defaultAccountHash): void {
  expect(r.success).toBe(false);
  expect(r.precondition).toBe(false);
  expect(r.gasUsed).toBe(Number(FEE));
  expect(r.cost).toBe(FEE);
  expect(r.fee).toBe(FEE);
  expect(r.refund).toBe(0n);
  expect(r.transfers).toEqual([]);
  expect(r.effects.map((e) => [e.key, e.kind])).toEqual([
    [balanceKey(env.account(payer)!.mainPurse.addr), 'Write'],
    [balanceKey(env.account(env.proposerAccountHash)!.mainPurse.addr), 'AddUInt512'],
  ]);
}

test('the fee is the 1.5.6 chainspec wasmless_transfer_cost', () => {
  expect(wasmlessTransferCost(new TestEnv().services)).toBe(FEE);
});

describe('a successful native transfer', () => {
  test('to an existing account by PublicKey: amount to its main purse, 0.1 CSPR fee to the proposer, nothing refunded', () => {
    const env = newEnv();
    const deployHash = new Uint8Array(32).fill(0xab);
    const proposer0 = env.accountBalance(env.proposerAccountHash)!;
    const r = env.runDeploy({ session: { transfer: to(CLValue.publicKey(BOB)) }, deployHash });
    expect(r).toSucceed();
    expect(r.precondition).toBe(false);
    expect(r.gasUsed).toBe(100_000_000);
    expect(r.cost).toBe(FEE);
    expect(r.fee).toBe(FEE);
    expect(r.refund).toBe(0n);
    expect(r.paymentGasUsed).toBe(100_000_000);
    expect(r.sessionGasUsed).toBe(0);
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - AMOUNT - FEE);
    expect({ env, account: BOB_HASH }).toHaveBalance(BOB_BALANCE + AMOUNT);
    expect({ env, account: env.proposerAccountHash }).toHaveBalance(proposer0 + FEE);
    expect({ env, purse: paymentPurseAddr(env) }).toHaveBalance(0n);

    expect(r.transfers).toHaveLength(1);
    const record = env.query(transferKey(r.transfers[0]));
    expect(record).toEqual({
      tag: 5,
      transfer: {
        deployHash,
        from: env.defaultAccountHash,
        to: BOB_HASH,
        source: env.account()!.mainPurse,
        target: withAccessRights(env.account(BOB_HASH)!.mainPurse, AccessRights.ADD),
        amount: AMOUNT,
        gas: 0n,
        id: null,
      },
    });
    expect(env.query(deployInfoKey(deployHash))).toEqual({
      tag: 6,
      deployInfo: {
        deployHash,
        transfers: r.transfers,
        from: env.defaultAccountHash,
        source: env.account()!.mainPurse,
        gas: FEE,
      },
    });
    const kindOf = (k: Key) => r.effects.find((e) => keyEquals(e.key, k))?.kind;
    expect(kindOf(balanceKey(env.account(BOB_HASH)!.mainPurse.addr))).toBe('AddUInt512');
    expect(kindOf(balanceKey(env.account()!.mainPurse.addr))).toBe('Write');
    expect(kindOf(balanceKey(paymentPurseAddr(env)))).toBe('Write');
    expect(kindOf(transferKey(r.transfers[0]))).toBe('Write');
    expect(kindOf(deployInfoKey(deployHash))).toBe('Write');
    expect(kindOf(balanceKey(env.account(env.proposerAccountHash)!.mainPurse.addr))).toBe('AddUInt512');
  });

  test('the deploy gas price and payment are ignored: the fee is always 0.1 CSPR at price 1', () => {
    const env = newEnv();
    const r = env.runDeploy({
      session: { transfer: to(CLValue.publicKey(BOB)) },
      gasPrice: 7,
      payment: { amount: 1n },
    });
    expect(r).toSucceed();
    expect(r.cost).toBe(FEE);
    expect(r.gasUsed).toBe(Number(FEE));
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - AMOUNT - FEE);
    // gas price 0 fails a Wasm deploy's preconditions, not a native transfer
    expect(env.runDeploy({ session: { transfer: to(CLValue.publicKey(BOB)) }, gasPrice: 0 })).toSucceed();
  });

  test('to a new account by AccountHash: the account is created with a new main purse holding the amount', () => {
    const env = newEnv();
    const deployHash = new Uint8Array(32).fill(0x11);
    const r = env.runDeploy({ session: { transfer: to(CLValue.byteArray32(NEW_HASH)) }, deployHash });
    expect(r).toSucceed();
    const created = env.account(NEW_HASH)!;
    expect(created.accountHash).toEqual(NEW_HASH);
    expect(created.namedKeys.size).toBe(0);
    expect(created.associatedKeys).toEqual([{ accountHash: NEW_HASH, weight: 1 }]);
    expect(created.actionThresholds).toEqual({ deployment: 1, keyManagement: 1 });
    expect(created.mainPurse.rights).toBe(AccessRights.READ_ADD_WRITE);
    expect({ env, account: NEW_HASH }).toHaveBalance(AMOUNT);
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - AMOUNT - FEE);
    // The purse (mint `create`) and the Transfer record (mint `transfer`) come from two system
    // calls of the session phase, each with a fresh address generator: the same first address.
    expect(r.transfers).toEqual([created.mainPurse.addr]);
    const record = env.query(transferKey(r.transfers[0]));
    expect(record?.tag === 5 && record.transfer.to).toEqual(NEW_HASH);
    expect(record?.tag === 5 && record.transfer.target).toEqual(withAccessRights(created.mainPurse, AccessRights.ADD));
  });

  test('to a new account by Key::Account, amount as U64, with an id', () => {
    const env = newEnv();
    const r = env.runDeploy({
      session: {
        transfer: to(CLValue.key(accountKey(NEW_HASH)), {
          amount: CLValue.u64(AMOUNT),
          id: CLValue.option(CLValue.u64(42n)),
        }),
      },
    });
    expect(r).toSucceed();
    expect({ env, account: NEW_HASH }).toHaveBalance(AMOUNT);
    const record = env.query(transferKey(r.transfers[0]));
    expect(record?.tag === 5 && record.transfer.id).toBe(42n);
    expect(record?.tag === 5 && record.transfer.amount).toBe(AMOUNT);
  });

  test('to a purse URef: to = None, the target recorded as given', () => {
    const env = newEnv();
    const purse = withAccessRights(env.account(BOB_HASH)!.mainPurse, AccessRights.ADD);
    const r = env.runDeploy({ session: { transfer: to(CLValue.uref(purse)) } });
    expect(r).toSucceed();
    expect({ env, account: BOB_HASH }).toHaveBalance(BOB_BALANCE + AMOUNT);
    const record = env.query(transferKey(r.transfers[0]));
    expect(record?.tag === 5 && record.transfer.to).toBeNull();
    expect(record?.tag === 5 && record.transfer.target).toEqual(purse);
  });

  test('from a named purse (`source`): amount and fee both leave that purse; DeployInfo still names the main purse', () => {
    const env = newEnv();
    const savings = namedPurse(env, 'savings', 10n * CSPR);
    const main0 = env.accountBalance()!;
    const proposer0 = env.accountBalance(env.proposerAccountHash)!;
    const deployHash = new Uint8Array(32).fill(0x22);
    const r = env.runDeploy({
      session: { transfer: to(CLValue.publicKey(BOB), { source: CLValue.uref(savings) }) },
      deployHash,
    });
    expect(r).toSucceed();
    expect({ env, purse: savings }).toHaveBalance(10n * CSPR - AMOUNT - FEE);
    expect({ env }).toHaveBalance(main0);
    expect({ env, account: BOB_HASH }).toHaveBalance(BOB_BALANCE + AMOUNT);
    expect({ env, account: env.proposerAccountHash }).toHaveBalance(proposer0 + FEE);
    const record = env.query(transferKey(r.transfers[0]));
    expect(record?.tag === 5 && record.transfer.source).toEqual(savings);
    const info = env.query(deployInfoKey(deployHash));
    expect(info?.tag === 6 && info.deployInfo.source).toEqual(env.account()!.mainPurse);
  });

  test('casper-js-sdk Args (as TransferDeployItem.newTransfer builds them) work too', () => {
    const env = newEnv();
    const bob = SdkPublicKey.fromHex(`01${Buffer.from(BOB.raw).toString('hex')}`);
    const args = Args.fromMap({});
    args.insert('amount', SdkCLValue.newCLUInt512(AMOUNT.toString()));
    args.insert('target', SdkCLValue.newCLPublicKey(bob));
    args.insert('id', SdkCLValue.newCLOption(SdkCLValue.newCLUint64(7)));
    const r = env.runDeploy({ session: { transfer: args } });
    expect(r).toSucceed();
    expect({ env, account: BOB_HASH }).toHaveBalance(BOB_BALANCE + AMOUNT);
  });

  test('the engine has no minimum amount (native_transfer_minimum_motes is the deploy acceptor’s): 1 mote goes through', () => {
    const env = newEnv();
    const r = env.runDeploy({ session: { transfer: to(CLValue.publicKey(BOB), { amount: CLValue.u512(1n) }) } });
    expect(r).toSucceed();
    expect({ env, account: BOB_HASH }).toHaveBalance(BOB_BALANCE + 1n);
  });

  test('a target URef without ADD: the mint refuses, the node ignores the session Result — success, fee charged, nothing moved', () => {
    const env = newEnv();
    const deployHash = new Uint8Array(32).fill(0x33);
    const readOnly = withAccessRights(env.account(BOB_HASH)!.mainPurse, AccessRights.READ);
    const r = env.runDeploy({ session: { transfer: to(CLValue.uref(readOnly)) }, deployHash });
    expect(r).toSucceed();
    expect(r.fee).toBe(FEE);
    expect(r.transfers).toEqual([]);
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - FEE);
    expect({ env, account: BOB_HASH }).toHaveBalance(BOB_BALANCE);
    const info = env.query(deployInfoKey(deployHash));
    expect(info?.tag === 6 && info.deployInfo.transfers).toEqual([]);
  });

  test('to the payment purse itself: finalization refunds 99/100 of the amount, the proposer keeps the rest', () => {
    const env = newEnv();
    const proposer0 = env.accountBalance(env.proposerAccountHash)!;
    const target = newURef(paymentPurseAddr(env), AccessRights.READ_ADD);
    const r = env.runDeploy({ session: { transfer: to(CLValue.uref(target)) } });
    expect(r).toSucceed();
    const refund = (AMOUNT * 99n) / 100n;
    expect(r.refund).toBe(refund);
    expect(r.fee).toBe(FEE + AMOUNT - refund);
    expect(r.cost).toBe(FEE);
    expect({ env }).toHaveBalance(DEFAULT_ACCOUNT_INITIAL_BALANCE - FEE - AMOUNT + refund);
    expect({ env, account: env.proposerAccountHash }).toHaveBalance(proposer0 + FEE + AMOUNT - refund);
    expect({ env, purse: paymentPurseAddr(env) }).toHaveBalance(0n);
  });

  test('estimate runs it on a copy: cost 0.1 CSPR, nothing committed', () => {
    const env = newEnv();
    const root = env.stateRoot();
    const e = env.estimate({ session: { transfer: to(CLValue.publicKey(BOB)) } });
    expect(e.result).toSucceed();
    expect(e.cost).toBe(FEE);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('preconditions: nothing charged, nothing changed', () => {
  test('an unknown account, an approval that is not an associated key', () => {
    const env = newEnv();
    const root = env.stateRoot();
    const unknown = env.runDeploy({
      caller: new Uint8Array(32).fill(9),
      session: { transfer: to(CLValue.publicKey(BOB)) },
    });
    expect(unknown).toFailWith('Authorization', 'Authorization failure: not authorized.');
    expect(unknown.precondition).toBe(true);
    const stranger = env.runDeploy({
      authorizationKeys: [new Uint8Array(32).fill(9)],
      session: { transfer: to(CLValue.publicKey(BOB)) },
    });
    expect(stranger).toFailWith('Authorization', 'Authorization failure: not authorized.');
    expect(env.stateRoot()).toBe(root);
  });

  test('approvals below the deployment threshold: DeploymentAuthorizationFailure', () => {
    const env = newEnv();
    editAccount(env, env.defaultAccountHash, (a) => ({ ...a, actionThresholds: { deployment: 2, keyManagement: 2 } }));
    const root = env.stateRoot();
    const r = env.runDeploy({ session: { transfer: to(CLValue.publicKey(BOB)) } });
    expect(r).toFailWith('DeploymentAuthorizationFailure', 'Deployment authorization failure');
    expect(r.precondition).toBe(true);
    expect(r.gasUsed).toBe(0);
    expect(env.stateRoot()).toBe(root);
  });

  test('a main purse below the fee: InsufficientPayment, free (a Wasm deploy needs 2.5 CSPR, a transfer only the fee)', () => {
    const poor = key(6);
    const env = new TestEnv({ accounts: [{ publicKey: poor, balance: FEE - 1n }] });
    const root = env.stateRoot();
    const r = env.runDeploy({ caller: publicKeyAccountHash(poor), session: { transfer: to(CLValue.publicKey(BOB)) } });
    expect(r).toFailWith('InsufficientPayment', 'Insufficient payment');
    expect(r.precondition).toBe(true);
    expect(r.fee).toBe(0n);
    expect(r.effects).toEqual([]);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('charged failures: exactly the fee moves from the main purse to the proposer, nothing else', () => {
  const bogus = newURef(new Uint8Array(32).fill(0x77), AccessRights.READ_ADD_WRITE);
  const cases: ReadonlyArray<{
    readonly name: string;
    readonly args: (env: TestEnv) => RuntimeArgs;
    readonly setup?: (env: TestEnv) => void;
    readonly kind: ExecutionErrorKind;
    readonly message: string;
    readonly code?: number;
  }> = [
    {
      name: 'no target',
      args: () => transferArgs({ amount: CLValue.u512(AMOUNT), id: noId }),
      kind: 'Revert',
      message: 'ApiError::MissingArgument [2]',
      code: 2,
    },
    {
      name: 'a target of another type (String)',
      args: () => to(CLValue.string('bob')),
      kind: 'Revert',
      message: 'ApiError::InvalidArgument [3]',
      code: 3,
    },
    {
      name: 'a target URef that is not a purse',
      args: () => to(CLValue.uref(bogus)),
      kind: 'Revert',
      message: 'ApiError::InvalidPurse [12]',
      code: 12,
    },
    {
      name: 'a target Key that is not Key::Account',
      args: () => to(CLValue.key(hashKey(NEW_HASH))),
      kind: 'Revert',
      message: 'ApiError::Transfer [14]',
      code: 14,
    },
    {
      name: 'a ByteArray(32) target whose bytes are short',
      args: () => to(new CLValue(CLTypes.ByteArray32, new Uint8Array(31))),
      kind: 'Revert',
      message: 'ApiError::EarlyEndOfStream [17]',
      code: 17,
    },
    {
      name: 'no amount (to a new account: it is not created)',
      args: () => transferArgs({ target: CLValue.byteArray32(NEW_HASH), id: noId }),
      kind: 'Revert',
      message: 'ApiError::MissingArgument [2]',
      code: 2,
    },
    {
      name: 'a zero amount',
      args: () => to(CLValue.publicKey(BOB), { amount: CLValue.u512(0n) }),
      kind: 'Revert',
      message: 'ApiError::Transfer [14]',
      code: 14,
    },
    {
      name: 'an amount of another type (U32)',
      args: () => to(CLValue.publicKey(BOB), { amount: CLValue.u32(5) }),
      kind: 'Revert',
      message: 'ApiError::InvalidArgument [3]',
      code: 3,
    },
    {
      name: 'no id',
      args: () => transferArgs({ target: CLValue.publicKey(BOB), amount: CLValue.u512(AMOUNT) }),
      kind: 'Revert',
      message: 'ApiError::MissingArgument [2]',
      code: 2,
    },
    {
      name: 'an id that is a U64, not an Option<u64>',
      args: () => to(CLValue.publicKey(BOB), { id: CLValue.u64(1n) }),
      kind: 'Revert',
      message: 'ApiError::CLTypeMismatch [16]',
      code: 16,
    },
    {
      name: 'a source of another type (Key)',
      args: () => to(CLValue.publicKey(BOB), { source: CLValue.key(accountKey(NEW_HASH)) }),
      kind: 'Revert',
      message: 'ApiError::InvalidArgument [3]',
      code: 3,
    },
    {
      name: 'a source URef the account does not hold',
      args: () => to(CLValue.publicKey(BOB), { source: CLValue.uref(bogus) }),
      kind: 'ForgedReference',
      message: `Forged reference: URef(${'77'.repeat(32)}, READ_ADD_WRITE)`,
    },
    {
      name: 'a source under a read-only named key',
      setup: (env) => putNamedKey(env, 'ro', { tag: 2, uref: withAccessRights(bogus, AccessRights.READ) }),
      args: () => to(CLValue.publicKey(BOB), { source: CLValue.uref(bogus) }),
      kind: 'InvalidAccess',
      message: 'Invalid access rights: WRITE',
    },
    {
      name: 'a source under a writeable named key that is not a purse',
      setup: (env) => putNamedKey(env, 'rw', { tag: 2, uref: bogus }),
      args: () => to(CLValue.publicKey(BOB), { source: CLValue.uref(bogus) }),
      kind: 'Revert',
      message: 'ApiError::InvalidPurse [12]',
      code: 12,
    },
    {
      name: 'a transfer to oneself (source purse = target purse)',
      args: (env) => to(CLValue.byteArray32(env.defaultAccountHash)),
      kind: 'Revert',
      message: 'ApiError::InvalidPurse [12]',
      code: 12,
    },
    {
      name: 'the main purse as source without WRITE: the mint refuses the fee payment',
      args: (env) =>
        to(CLValue.publicKey(BOB), {
          source: CLValue.uref(withAccessRights(env.account()!.mainPurse, AccessRights.READ_ADD)),
        }),
      kind: 'Revert',
      message: 'Mint error: 4',
      code: 65024 + 4,
    },
    {
      name: 'an amount above the balance minus the fee',
      args: (env) => to(CLValue.publicKey(BOB), { amount: CLValue.u512(env.accountBalance()! - FEE + 1n) }),
      kind: 'InsufficientPayment',
      message: 'Insufficient payment',
    },
  ];

  test.each(cases)('$name', (c) => {
    const env = newEnv();
    c.setup?.(env);
    const before = env.state.clone();
    const deployHash = new Uint8Array(32).fill(0x5a);
    const r = env.runDeploy({ session: { transfer: c.args(env) }, deployHash });
    expect(r).toFailWith(c.kind, c.message);
    expect(r.error?.message).toBe(c.message);
    expect(r.error?.apiError?.code).toBe(c.code);
    expectCharged(env, r);
    expect(env.stateRoot()).toBe(feeOnly(env, before));
    expect(env.query(deployInfoKey(deployHash))).toBeUndefined();
    expect(env.account(NEW_HASH)).toBeUndefined();
  });

  test('a main purse holding exactly the fee: the fee is taken, the amount cannot be', () => {
    const poor = key(6);
    const poorHash = publicKeyAccountHash(poor);
    const env = new TestEnv({ accounts: [{ publicKey: poor, balance: FEE }] });
    const before = env.state.clone();
    const r = env.runDeploy({
      caller: poorHash,
      session: { transfer: to(CLValue.publicKey(BOB), { amount: CLValue.u512(1n) }) },
    });
    expect(r).toFailWith('InsufficientPayment', 'Insufficient payment');
    expectCharged(env, r, poorHash);
    expect({ env, account: poorHash }).toHaveBalance(0n);
    expect(env.stateRoot()).toBe(feeOnly(env, before, poorHash));
  });

  test('a named source purse short of fee + amount: the fee still comes out of the main purse', () => {
    const env = newEnv();
    const savings = namedPurse(env, 'savings', AMOUNT);
    const before = env.state.clone();
    const r = env.runDeploy({ session: { transfer: to(CLValue.publicKey(BOB), { source: CLValue.uref(savings) }) } });
    expect(r).toFailWith('InsufficientPayment');
    expectCharged(env, r);
    expect({ env, purse: savings }).toHaveBalance(AMOUNT);
    expect(env.stateRoot()).toBe(feeOnly(env, before));
  });
});
