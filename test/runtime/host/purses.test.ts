// Purses, balances, transfers and system contracts (casper-vm1-abi.md §3.6–3.7), driven through
// real Wasm sessions, the SDK's built transfer sessions, and the native mint dispatch.
import { hostGasEnv } from '../../helpers/env';
import { ed25519 } from '@noble/curves/ed25519';
import { RuntimeContext, type PhaseContext } from '../../../runtime/engine/context';
import { ExecutionError } from '../../../runtime/engine/errors';
import { GasMeter } from '../../../runtime/engine/gas';
import { GuestMemory } from '../../../runtime/engine/memory';
import { accountAccessRights, DEFAULT_ACCOUNT_INITIAL_BALANCE, TestEnv } from '../../../runtime/env';
import { AddressGenerator } from '../../../runtime/state/address-generator';
import { TrackingCopy } from '../../../runtime/state/tracking-copy';
import { callSystemContract, isSystemEntryPoint } from '../../../runtime/system/dispatch';
import { bytesToHex, concatBytes } from '../../../runtime/types/bytes';
import { toBytes } from '../../../runtime/types/bytesrepr';
import { CLTypes } from '../../../runtime/types/cltype';
import { CLValue } from '../../../runtime/types/clvalue';
import { accountKey, balanceKey, transferKey, urefKey } from '../../../runtime/types/key';
import { publicKeyAccountHash, publicKeyFromRaw, type PublicKey } from '../../../runtime/types/public-key';
import type { RuntimeArgs } from '../../../runtime/types/runtime-args';
import { encodeStoredValue } from '../../../runtime/types/stored-value';
import { encodeTransfer, type Transfer } from '../../../runtime/types/transfer';
import { encodeURef, type URef } from '../../../runtime/types/uref';
import { expectCode, report, stepSession, wabtLoaded } from '../../helpers/wat-session';

const GAS_PER_BYTE = 1_117_587;
const NEW_ACCOUNT_STORAGE = 109 * GAS_PER_BYTE; // 121 816 983
const TRANSFER_COST = 2_500_000_000;
const P2P_COST = 82_000_000;
const DEPLOY = new Uint8Array(32).fill(0xd1);

const IMPORTS = [
  'create_purse',
  'get_balance',
  'transfer_to_account',
  'transfer_from_purse_to_account',
  'transfer_from_purse_to_purse',
  'get_system_contract',
  'get_caller',
  'read_host_buffer',
];

let wabt: any;
beforeAll(async () => {
  wabt = await wabtLoaded();
});

const session = (body: string, data: ReadonlyArray<readonly [number, Uint8Array]> = []) =>
  stepSession(wabt, IMPORTS, body, data);

const u512 = (v: bigint) => toBytes(v, (w, x) => w.u512(x));
const someId = (v: bigint) => toBytes(v, (w, x) => w.option(x, (y, z) => y.u64(z)));
const NONE = Uint8Array.of(0);

function edKey(seed: number): PublicKey {
  return publicKeyFromRaw(1, ed25519.getPublicKey(new Uint8Array(32).fill(seed)))!;
}
const B_KEY = edKey(1);
const B = publicKeyAccountHash(B_KEY);
const NEW = new Uint8Array(32).fill(0x77);
const B_BALANCE = 1_000_000n;

const amountArg = (v: bigint): RuntimeArgs => [{ name: 'amount', value: CLValue.u512(v) }];

function envWithB(): TestEnv {
  return hostGasEnv({ accounts: [{ publicKey: B_KEY, balance: B_BALANCE }] });
}

function expectUser(r: ReturnType<TestEnv['runSession']>, n: number): void {
  expect(r.error?.kind).toBe('Revert');
  expect(r.error?.apiError?.code).toBe(65536 + n);
}

// Layout for account transfers: target hash @0, amount @64, id @128, result @200, source purse @300.
function toAccountCall(amount: Uint8Array, id: Uint8Array): string {
  return `(call $transfer_to_account (i32.const 0) (i32.const 32) (i32.const 64) (i32.const ${amount.length}) (i32.const 128) (i32.const ${id.length}) (i32.const 200))`;
}
function fromPurseToAccountCall(amount: Uint8Array, id: Uint8Array): string {
  return `(call $transfer_from_purse_to_account (i32.const 300) (i32.const 33) (i32.const 0) (i32.const 32) (i32.const 64) (i32.const ${amount.length}) (i32.const 128) (i32.const ${id.length}) (i32.const 200))`;
}
// Purse to purse: source @300, target @400.
function purseToPurseCall(amount: Uint8Array, id: Uint8Array): string {
  return `(call $transfer_from_purse_to_purse (i32.const 300) (i32.const 33) (i32.const 400) (i32.const 33) (i32.const 64) (i32.const ${amount.length}) (i32.const 128) (i32.const ${id.length}))`;
}

function storedTransfer(env: TestEnv, addr: Uint8Array): Uint8Array {
  return encodeStoredValue(env.query(transferKey(addr))!);
}

describe('casper_transfer_to_account', () => {
  it('creates a new account: new purse, mint transfer, Account with storage gas, result 1', () => {
    const env = hostGasEnv();
    const main = env.account()!.mainPurse;
    const amount = 2_500_000_000n;
    const a = u512(amount);
    const id = someId(42n);
    const body = expectCode(toAccountCall(a, id), 0, 1) + expectCode('(i32.load (i32.const 200))', 1, 2);
    const r = env.runSession({
      wasm: session(body, [
        [0, NEW],
        [64, a],
        [128, id],
      ]),
      args: amountArg(amount),
      deployHash: DEPLOY,
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(TRANSFER_COST + NEW_ACCOUNT_STORAGE);
    expect(NEW_ACCOUNT_STORAGE).toBe(121_816_983);
    const rng = new AddressGenerator(DEPLOY, 2);
    const purseAddr = rng.createAddress();
    const transferAddr = rng.createAddress();
    const created = env.account(NEW)!;
    expect(bytesToHex(created.mainPurse.addr)).toBe(bytesToHex(purseAddr));
    expect(created.mainPurse.rights).toBe(7);
    expect(created.namedKeys.size).toBe(0);
    expect(created.associatedKeys).toEqual([{ accountHash: NEW, weight: 1 }]);
    expect(created.actionThresholds).toEqual({ deployment: 1, keyManagement: 1 });
    expect(env.accountBalance(NEW)).toBe(amount);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - amount);
    expect(r.transfers.map((t) => bytesToHex(t))).toEqual([bytesToHex(transferAddr)]);
    // Transfer record: StoredValue tag 5, deploy hash, from, Some(to), source, target (ADD), amount, gas 0, Some(id).
    const expected = concatBytes(
      Uint8Array.of(5),
      DEPLOY,
      env.defaultAccountHash,
      Uint8Array.of(1),
      NEW,
      encodeURef(main),
      purseAddr,
      Uint8Array.of(4),
      u512(amount),
      Uint8Array.of(0),
      Uint8Array.of(1, 42, 0, 0, 0, 0, 0, 0, 0),
    );
    expect(bytesToHex(storedTransfer(env, transferAddr))).toBe(bytesToHex(expected));
    expect(r.effects.find((e) => e.key.tag === 3)?.kind).toBe('Write');
    expect(r.effects.find((e) => e.key.tag === 6 && bytesToHex(e.key.addr) === bytesToHex(purseAddr))?.kind).toBe(
      'Write',
    );
  });

  it('pays an existing account: target main purse with ADD, result 0, AddUInt512 on its balance', () => {
    const env = envWithB();
    const main = env.account()!.mainPurse;
    const bPurse = env.account(B)!.mainPurse;
    const amount = 12_345n;
    const a = u512(amount);
    const body = expectCode(toAccountCall(a, NONE), 0, 1) + expectCode('(i32.load (i32.const 200))', 0, 2);
    const r = env.runSession({
      wasm: session(body, [
        [0, B],
        [64, a],
        [128, NONE],
        [200, Uint8Array.of(9, 9, 9, 9)],
      ]),
      args: amountArg(amount),
      deployHash: DEPLOY,
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(TRANSFER_COST);
    expect(env.accountBalance(B)).toBe(B_BALANCE + amount);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - amount);
    const transfer: Transfer = {
      deployHash: DEPLOY,
      from: env.defaultAccountHash,
      to: B,
      source: main,
      target: { addr: bPurse.addr, rights: 4 },
      amount,
      gas: 0n,
      id: null,
    };
    const addr = new AddressGenerator(DEPLOY, 2).createAddress();
    expect(bytesToHex(storedTransfer(env, addr))).toBe('05' + bytesToHex(encodeTransfer(transfer)));
    expect(r.effects.find((e) => e.key.tag === 6 && bytesToHex(e.key.addr) === bytesToHex(bPurse.addr))?.kind).toBe(
      'AddUInt512',
    );
  });

  it('returns InsufficientFunds (65024) without creating anything', () => {
    const env = envWithB();
    const root = env.stateRoot();
    const a = u512(DEFAULT_ACCOUNT_INITIAL_BALANCE + 1n);
    for (const target of [B, NEW]) {
      const r = env.runSession({
        wasm: session(expectCode(toAccountCall(a, NONE), 65024, 1), [
          [0, target],
          [64, a],
          [128, NONE],
        ]),
        args: amountArg(DEFAULT_ACCOUNT_INITIAL_BALANCE * 2n),
      });
      expect(r.error).toBeUndefined();
      expect(r.gasUsed).toBe(TRANSFER_COST);
      expect(r.transfers).toEqual([]);
    }
    expect(env.account(NEW)).toBeUndefined();
    expect(env.stateRoot()).toBe(root);
  });

  it('returns UnapprovedSpendingAmount (65045) above the `amount` arg and reduces the limit', () => {
    const env = envWithB();
    const a = u512(6n);
    const data = [[0, B] as const, [64, a] as const, [128, NONE] as const];
    expectUser(env.runSession({ wasm: session(report(toAccountCall(a, NONE)), data), args: amountArg(5n) }), 65045);
    // no amount arg: limit 0
    expectUser(env.runSession({ wasm: session(report(toAccountCall(a, NONE)), data) }), 65045);
    const body = expectCode(toAccountCall(a, NONE), 0, 1) + report(toAccountCall(a, NONE));
    expectUser(env.runSession({ wasm: session(body, data), args: amountArg(10n) }), 65045);
    const root = env.stateRoot();
    const ok = env.runSession({ wasm: session(expectCode(toAccountCall(a, NONE), 0, 1), data), args: amountArg(6n) });
    expect(ok.error).toBeUndefined();
    expect(env.accountBalance(B)).toBe(B_BALANCE + 6n);
    expect(env.stateRoot()).not.toBe(root);
  });

  it('to a new account over the limit: 65045, no account, but the new purse stays (as on the node)', () => {
    const env = hostGasEnv();
    const a = u512(6n);
    const r = env.runSession({
      wasm: session(expectCode(toAccountCall(a, NONE), 65045, 1), [
        [0, NEW],
        [64, a],
        [128, NONE],
      ]),
      args: amountArg(5n),
      deployHash: DEPLOY,
    });
    expect(r.error).toBeUndefined();
    expect(env.account(NEW)).toBeUndefined();
    const purseAddr = new AddressGenerator(DEPLOY, 2).createAddress();
    expect(env.balance(purseAddr)).toBe(0n);
  });

  it('traps BytesRepr on a malformed amount', () => {
    const env = hostGasEnv();
    const bad = Uint8Array.of(65);
    const r = env.runSession({
      wasm: session(report(toAccountCall(bad, NONE)), [
        [0, NEW],
        [64, bad],
        [128, NONE],
      ]),
    });
    expect(r.error?.kind).toBe('BytesRepr');
    expect(r.gasUsed).toBe(TRANSFER_COST);
  });
});

describe('casper_transfer_from_purse_to_account', () => {
  it('moves motes from the main purse; the own-account case is a no-op returning 0', () => {
    const env = envWithB();
    const main = encodeURef(env.account()!.mainPurse);
    const a = u512(100n);
    const data = (target: Uint8Array) =>
      [[0, target] as const, [64, a] as const, [128, NONE] as const, [300, main] as const] as const;
    const r = env.runSession({
      wasm: session(
        expectCode(fromPurseToAccountCall(a, NONE), 0, 1) + expectCode('(i32.load (i32.const 200))', 0, 2),
        data(B),
      ),
      args: amountArg(100n),
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(TRANSFER_COST);
    expect(env.accountBalance(B)).toBe(B_BALANCE + 100n);
    const self = env.runSession({
      wasm: session(expectCode(fromPurseToAccountCall(a, NONE), 0, 1), data(env.defaultAccountHash)),
    });
    expect(self.error).toBeUndefined();
    expect(self.transfers).toEqual([]);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - 100n);
  });

  it('creates a new account with result 1', () => {
    const env = hostGasEnv();
    const main = encodeURef(env.account()!.mainPurse);
    const a = u512(7n);
    const r = env.runSession({
      wasm: session(
        expectCode(fromPurseToAccountCall(a, NONE), 0, 1) + expectCode('(i32.load (i32.const 200))', 1, 2),
        [
          [0, NEW],
          [64, a],
          [128, NONE],
          [300, main],
        ],
      ),
      args: amountArg(7n),
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(TRANSFER_COST + NEW_ACCOUNT_STORAGE);
    expect(env.accountBalance(NEW)).toBe(7n);
  });

  it('traps ForgedReference for a source purse the caller does not hold; state unchanged', () => {
    const env = envWithB();
    const root = env.stateRoot();
    const bPurse = encodeURef(env.account(B)!.mainPurse);
    const a = u512(1n);
    const r = env.runSession({
      wasm: session(report(fromPurseToAccountCall(a, NONE)), [
        [0, env.defaultAccountHash],
        [64, a],
        [128, NONE],
        [300, bPurse],
      ]),
      args: amountArg(1n),
    });
    expect(r.error?.kind).toBe('ForgedReference');
    expect(r.gasUsed).toBe(TRANSFER_COST);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('casper_create_purse, casper_get_balance, casper_transfer_from_purse_to_purse', () => {
  it('create_purse: size < 33 → PurseNotCreated (30); else a READ_ADD_WRITE purse with balance 0', () => {
    const env = hostGasEnv();
    expectUser(env.runSession({ wasm: session(report('(call $create_purse (i32.const 300) (i32.const 32))')) }), 30);
    const body =
      expectCode('(call $create_purse (i32.const 300) (i32.const 33))', 0, 1) +
      expectCode('(call $memeq (i32.const 300) (i32.const 0) (i32.const 33))', 1, 2) +
      expectCode('(call $get_balance (i32.const 300) (i32.const 33) (i32.const 500))', 0, 3) +
      expectCode('(i32.load (i32.const 500))', 1, 4) +
      expectCode('(call $read_host_buffer (i32.const 600) (i32.const 1) (i32.const 504))', 0, 5) +
      expectCode('(i32.load8_u (i32.const 600))', 0, 6);
    const addr = new AddressGenerator(DEPLOY, 2).createAddress();
    const r = env.runSession({
      wasm: session(body, [
        [0, encodeURef({ addr, rights: 7 })],
        [600, Uint8Array.of(0xff)],
      ]),
      deployHash: DEPLOY,
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(TRANSFER_COST + 3_000_000 + 3_500 + 310);
    expect(env.queryCLValue(urefKey({ addr, rights: 0 }))?.clType).toEqual(CLTypes.Unit);
    expect(env.balance(addr)).toBe(0n);
  });

  it('get_balance: 34 when the buffer is full, bytesrepr codes returned, 12 for no purse, no access check', () => {
    const env = envWithB();
    const bPurse = encodeURef(env.account(B)!.mainPurse);
    const bad = concatBytes(bPurse.subarray(0, 32), Uint8Array.of(8));
    const body =
      expectCode('(call $get_balance (i32.const 0) (i32.const 32) (i32.const 500))', 17, 1) +
      expectCode('(call $get_balance (i32.const 0) (i32.const 34) (i32.const 500))', 19, 2) +
      expectCode('(call $get_balance (i32.const 100) (i32.const 33) (i32.const 500))', 18, 3) +
      expectCode('(call $get_balance (i32.const 200) (i32.const 33) (i32.const 500))', 12, 4) +
      expectCode('(call $get_balance (i32.const 0) (i32.const 33) (i32.const 500))', 0, 5) +
      expectCode('(call $get_balance (i32.const 0) (i32.const 33) (i32.const 500))', 34, 6) +
      expectCode('(i32.load (i32.const 500))', 4, 7) +
      expectCode('(call $read_host_buffer (i32.const 600) (i32.const 4) (i32.const 504))', 0, 8) +
      expectCode('(call $memeq (i32.const 600) (i32.const 300) (i32.const 4))', 1, 9);
    const r = env.runSession({
      wasm: session(body, [
        [0, bPurse],
        [100, bad],
        [200, new Uint8Array(33).fill(3)],
        [300, u512(B_BALANCE)],
      ]),
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(6 * 3_000_000 + 3_500 + 310 * 4);
  });

  it('moves motes into a created purse; Transfer record with to = None', () => {
    const env = hostGasEnv();
    const main = env.account()!.mainPurse;
    const a = u512(555n);
    const id = someId(7n);
    const body =
      expectCode('(call $create_purse (i32.const 400) (i32.const 33))', 0, 1) +
      expectCode(purseToPurseCall(a, id), 0, 2) +
      // back again from the new purse (RAW, not the main purse: no spending limit), then too much
      expectCode(
        '(call $transfer_from_purse_to_purse (i32.const 400) (i32.const 33) (i32.const 300) (i32.const 33) (i32.const 64) (i32.const 3) (i32.const 128) (i32.const 9))',
        0,
        3,
      ) +
      expectCode(
        '(call $transfer_from_purse_to_purse (i32.const 400) (i32.const 33) (i32.const 300) (i32.const 33) (i32.const 64) (i32.const 3) (i32.const 128) (i32.const 9))',
        65024,
        4,
      ) +
      expectCode(purseToPurseCall(a, id), 0, 5);
    const r = env.runSession({
      wasm: session(body, [
        [64, a],
        [128, id],
        [300, encodeURef(main)],
      ]),
      args: amountArg(1_110n),
      deployHash: DEPLOY,
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(TRANSFER_COST + 4 * P2P_COST);
    const rng = new AddressGenerator(DEPLOY, 2);
    const purse: URef = { addr: rng.createAddress(), rights: 7 };
    expect(env.balance(purse.addr)).toBe(555n);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - 555n);
    expect(r.transfers).toHaveLength(3);
    const first: Transfer = {
      deployHash: DEPLOY,
      from: env.defaultAccountHash,
      to: null,
      source: main,
      target: purse,
      amount: 555n,
      gas: 0n,
      id: 7n,
    };
    expect(bytesToHex(storedTransfer(env, rng.createAddress()))).toBe('05' + bytesToHex(encodeTransfer(first)));
  });

  it('spending limit: the main purse may not send more than `amount` in total', () => {
    const env = hostGasEnv();
    const a = u512(555n);
    const body =
      expectCode('(call $create_purse (i32.const 400) (i32.const 33))', 0, 1) +
      expectCode(purseToPurseCall(a, NONE), 0, 2) +
      report(purseToPurseCall(a, NONE));
    const r = env.runSession({
      wasm: session(body, [
        [64, a],
        [128, NONE],
        [300, encodeURef(env.account()!.mainPurse)],
      ]),
      args: amountArg(1_000n),
    });
    expectUser(r, 65045);
  });

  it('InvalidAccessRights (65028) for a source without WRITE; ForgedReference for unknown purses', () => {
    const env = envWithB();
    const root = env.stateRoot();
    const main = env.account()!.mainPurse;
    const a = u512(1n);
    const data = (src: Uint8Array, dst: Uint8Array) => [
      [64, a] as const,
      [128, NONE] as const,
      [300, src] as const,
      [400, dst] as const,
    ];
    const readOnly = encodeURef({ addr: main.addr, rights: 1 });
    const bAdd = encodeURef({ addr: env.account(B)!.mainPurse.addr, rights: 4 });
    expectUser(
      env.runSession({ wasm: session(report(purseToPurseCall(a, NONE)), data(readOnly, encodeURef(main))) }),
      65028,
    );
    const forgedTarget = env.runSession({
      wasm: session(report(purseToPurseCall(a, NONE)), data(encodeURef(main), bAdd)),
      args: amountArg(1n),
    });
    expect(forgedTarget.error?.kind).toBe('ForgedReference');
    expect(forgedTarget.error?.message).toContain('-004');
    expect(forgedTarget.gasUsed).toBe(P2P_COST);
    const forgedSource = env.runSession({
      wasm: session(report(purseToPurseCall(a, NONE)), data(bAdd, encodeURef(main))),
    });
    expect(forgedSource.error?.kind).toBe('ForgedReference');
    expect(env.stateRoot()).toBe(root);
  });
});

describe('casper_get_system_contract', () => {
  it('writes the four system contract hashes; other indices → InvalidSystemContract (29)', () => {
    const env = hostGasEnv();
    const s = env.services.system;
    const hashes = [s.mint, s.handlePayment, s.standardPayment, s.auction];
    let body = '';
    hashes.forEach((_, i) => {
      body +=
        expectCode(`(call $get_system_contract (i32.const ${i}) (i32.const 500) (i32.const 0))`, 0, 10 + i) +
        expectCode(`(call $memeq (i32.const 500) (i32.const ${i * 32}) (i32.const 32))`, 1, 20 + i);
    });
    body += expectCode('(call $get_system_contract (i32.const 4) (i32.const 500) (i32.const 32))', 29, 30);
    body += expectCode('(call $get_system_contract (i32.const -1) (i32.const 500) (i32.const 32))', 29, 31);
    const r = env.runSession({
      wasm: session(
        body,
        hashes.map((h, i) => [i * 32, h] as const),
      ),
    });
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(6 * 1_100);
  });
});

describe('built sessions transfer-to-account and transfer-to-public-key', () => {
  it('transfer-to-account creates the target account and moves exactly `amount`', () => {
    const env = hostGasEnv();
    const amount = 3_000_000_000n;
    const r = env.runSession({
      wasm: 'transfer-to-account',
      args: [
        { name: 'target', value: CLValue.byteArray32(NEW) },
        { name: 'amount', value: CLValue.u512(amount) },
      ],
    });
    expect(r.error).toBeUndefined();
    expect(env.accountBalance(NEW)).toBe(amount);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - amount);
    expect(r.transfers).toHaveLength(1);
    // and back again with the new account as the deploy's account
    const back = env.runSession({
      wasm: 'transfer-to-account',
      caller: NEW,
      args: [
        { name: 'target', value: CLValue.byteArray32(env.defaultAccountHash) },
        { name: 'amount', value: CLValue.u512(1n) },
      ],
    });
    expect(back.error).toBeUndefined();
    expect(env.accountBalance(NEW)).toBe(amount - 1n);
  });

  it('transfer-to-public-key pays the account of the key; existing account the second time', () => {
    const env = hostGasEnv();
    const key = edKey(5);
    const args = [
      { name: 'target', value: CLValue.publicKey(key) },
      { name: 'amount', value: CLValue.u512(10n) },
    ];
    expect(env.runSession({ wasm: 'transfer-to-public-key', args }).error).toBeUndefined();
    const r = env.runSession({ wasm: 'transfer-to-public-key', args });
    expect(r.error).toBeUndefined();
    expect(env.accountBalance(publicKeyAccountHash(key))).toBe(20n);
    expect(env.accountBalance()).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE - 20n);
  });

  it('reverts MissingArgument (2), InvalidArgument (3) and InsufficientFunds (65024)', () => {
    const env = hostGasEnv();
    const root = env.stateRoot();
    const amount = { name: 'amount', value: CLValue.u512(10n) };
    const cases: Array<[string, RuntimeArgs, number]> = [
      ['transfer-to-account', [amount], 2],
      ['transfer-to-account', [{ name: 'target', value: CLValue.u64(1n) }, amount], 3],
      ['transfer-to-account', [{ name: 'target', value: CLValue.byteArray32(NEW) }], 2],
      ['transfer-to-public-key', [amount], 2],
      ['transfer-to-public-key', [{ name: 'target', value: CLValue.byteArray32(NEW) }, amount], 3],
      [
        'transfer-to-account',
        [
          { name: 'target', value: CLValue.byteArray32(NEW) },
          { name: 'amount', value: CLValue.u512(DEFAULT_ACCOUNT_INITIAL_BALANCE + 1n) },
        ],
        65024,
      ],
    ];
    for (const [wasm, args, code] of cases) {
      const r = env.runSession({ wasm, args });
      expect(r.error?.kind).toBe('Revert');
      expect(r.error?.apiError?.code).toBe(code);
    }
    expect(env.stateRoot()).toBe(root);
  });
});

describe('callSystemContract (mint, natively)', () => {
  /** The caller's context with the mint frame pushed, as call_contract leaves it. */
  function mintCallContext(env: TestEnv, spendingLimit = 0n): RuntimeContext {
    const account = env.account()!;
    const mint = env.query({ tag: 1, addr: env.services.system.mint });
    const phase: PhaseContext = {
      services: env.services,
      tc: new TrackingCopy(env.state),
      gas: new GasMeter(1e15),
      rng: new AddressGenerator(DEPLOY, 2),
      phase: 2,
      blocktime: 0n,
      deployHash: DEPLOY,
      authorizationKeys: [account.accountHash],
      account,
      callStack: [
        { tag: 0, accountHash: account.accountHash },
        {
          tag: 2,
          contractPackageHash: mint?.tag === 3 ? mint.contract.contractPackageHash : new Uint8Array(32),
          contractHash: env.services.system.mint,
        },
      ],
      spendingLimit,
      transfers: [],
    };
    const ctx = new RuntimeContext(
      phase,
      accountKey(account.accountHash),
      new Map(),
      accountAccessRights(account),
      [],
      true,
    );
    ctx.memory = new GuestMemory(new WebAssembly.Memory({ initial: 1 }));
    return ctx;
  }

  function revertCode(f: () => unknown): number | string {
    try {
      f();
    } catch (e) {
      if (e instanceof ExecutionError) return e.apiError?.code ?? e.kind;
      throw e;
    }
    return 'no error';
  }

  it('create → URef granted to the caller; balance → Option(U512); unknown purse reverts 65031', () => {
    const env = hostGasEnv();
    const ctx = mintCallContext(env);
    const mint = env.services.system.mint;
    const created = callSystemContract(ctx, mint, 'create', []);
    expect(created.clType).toEqual(CLTypes.URef);
    const purse = created.asURef();
    expect(purse.ok && purse.value.rights).toBe(7);
    if (purse.ok) expect(ctx.isValidURef(purse.value)).toBe(true);
    const bal = callSystemContract(ctx, mint, 'balance', [{ name: 'purse', value: created }]);
    expect(bytesToHex(bal.encode())).toBe(bytesToHex(CLValue.option(CLValue.u512(0n)).encode()));
    expect(ctx.phase.gas.used).toBe(2_500_000_000 + 10_000);
    expect(
      revertCode(() =>
        callSystemContract(ctx, mint, 'balance', [
          { name: 'purse', value: CLValue.uref({ addr: new Uint8Array(32), rights: 7 }) },
        ]),
      ),
    ).toBe(65031);
  });

  it('transfer returns Result(Unit, U8): Ok, Err(InsufficientFunds), Err(DestNotFound), Err(SourceNotFound)', () => {
    const env = hostGasEnv();
    const ctx = mintCallContext(env, 100n);
    const mint = env.services.system.mint;
    const main = env.account()!.mainPurse;
    const purse = callSystemContract(ctx, mint, 'create', []);
    const transfer = (source: CLValue, target: CLValue, amount: bigint) =>
      callSystemContract(ctx, mint, 'transfer', [
        { name: 'to', value: CLValue.option(null, CLTypes.ByteArray32) },
        { name: 'source', value: source },
        { name: 'target', value: target },
        { name: 'amount', value: CLValue.u512(amount) },
        { name: 'id', value: CLValue.option(null, CLTypes.U64) },
      ]);
    const ok = CLValue.result(CLTypes.Unit, CLTypes.U8, { ok: CLValue.unit() });
    const err = (n: number) => CLValue.result(CLTypes.Unit, CLTypes.U8, { err: CLValue.u8(n) });
    const nowhere = CLValue.uref({ addr: new Uint8Array(32).fill(1), rights: 7 });
    expect(transfer(CLValue.uref(main), purse, 60n).encode()).toEqual(ok.encode());
    expect(transfer(CLValue.uref(main), purse, 60n).encode()).toEqual(err(21).encode()); // limit left: 40
    expect(transfer(purse, CLValue.uref(main), 61n).encode()).toEqual(err(0).encode());
    expect(transfer(purse, nowhere, 1n).encode()).toEqual(err(2).encode());
    expect(transfer(nowhere, purse, 0n).encode()).toEqual(err(1).encode());
    expect(ctx.phase.spendingLimit).toBe(40n);
    expect(ctx.phase.transfers).toHaveLength(1);
    expect(ctx.phase.gas.used).toBe(2_500_000_000 + 5 * 10_000);
  });

  it('reverts MissingArgument (2) / InvalidArgument (3) with exact CLType equality; NoSuchMethod otherwise', () => {
    const env = hostGasEnv();
    const ctx = mintCallContext(env);
    const mint = env.services.system.mint;
    expect(revertCode(() => callSystemContract(ctx, mint, 'balance', []))).toBe(2);
    expect(
      revertCode(() => callSystemContract(ctx, mint, 'balance', [{ name: 'purse', value: CLValue.u64(1n) }])),
    ).toBe(3);
    // Key::URef is not a URef
    expect(
      revertCode(() =>
        callSystemContract(ctx, mint, 'balance', [
          { name: 'purse', value: CLValue.key(urefKey({ addr: new Uint8Array(32), rights: 7 })) },
        ]),
      ),
    ).toBe(3);
    const u64Amount = [
      { name: 'to', value: CLValue.option(null, CLTypes.ByteArray32) },
      { name: 'source', value: CLValue.uref(env.account()!.mainPurse) },
      { name: 'target', value: CLValue.uref(env.account()!.mainPurse) },
      { name: 'amount', value: CLValue.u64(1n) },
    ];
    expect(revertCode(() => callSystemContract(ctx, mint, 'transfer', u64Amount))).toBe(3);
    expect(revertCode(() => callSystemContract(ctx, mint, 'nope', []))).toBe('NoSuchMethod');
    expect(isSystemEntryPoint(ctx, mint, 'transfer')).toBe(true);
    expect(isSystemEntryPoint(ctx, mint, 'nope')).toBe(false);
    expect(
      bytesToHex(callSystemContract(ctx, mint, 'mint', [{ name: 'amount', value: CLValue.u512(5n) }]).encode()),
    ).toBe(bytesToHex(CLValue.result(CLTypes.URef, CLTypes.U8, { err: CLValue.u8(5) }).encode()));
    expect(env.balance(env.account()!.mainPurse.addr)).toBe(DEFAULT_ACCOUNT_INITIAL_BALANCE);
    expect(ctx.phase.tc.peek(balanceKey(new Uint8Array(32)))).toBeUndefined();
  });
});
