// casper_read_value / write / add / new_uref / is_valid_uref driven through real Wasm sessions
// (casper-vm1-abi.md §3.4, §6.3; execution_engine runtime `read`/`write`/`add`/`new_uref`,
// runtime_context `read_gs`/`metered_write_gs`/`metered_add_gs`/`validate_cl_value`, transform.rs).
import { hostGasEnv } from '../../helpers/env';
import { Phase } from '../../../runtime/engine/context';
import { type ExecutionResult, TestEnv } from '../../../runtime/env';
import { AddressGenerator } from '../../../runtime/state/address-generator';
import {
  accountKey,
  balanceKey,
  CLTypes,
  CLValue,
  encodeCLValue,
  encodeContractPackage,
  encodeKey,
  encodeURef,
  hashKey,
  type Key,
  optionType,
  storedCLValue,
  storedValueSerializedLength,
  type URef,
  urefKey,
} from '../../../runtime/types';

import { dumped, session, userCode } from '../../helpers/wat-session';

const GAS_PER_BYTE = 1_117_587;
// ---- end of helpers ----

const DH = new Uint8Array(32).fill(9);

/** The addresses the session's generator hands out, in order. */
function addrs(n: number, deployHash = DH): Uint8Array[] {
  const g = new AddressGenerator(deployHash, Phase.Session);
  return Array.from({ length: n }, () => g.createAddress());
}

function run(env: TestEnv, wasm: Uint8Array, deployHash = DH): ExecutionResult {
  return env.runSession({ wasm, deployHash });
}

/** Asserts `call` returned `expected` (else the session reverts with User(rc ^ expected)). */
function expectRc(call: string, expected: number): string {
  return `(call $check (i32.xor ${call} (i32.const ${expected})))`;
}

/** new_uref(value @at, len) → URef at 100, Key::URef at 99 (34 bytes). */
function newURefAt99(at: number, len: number): string {
  return `(call $casper_new_uref (i32.const 100) (i32.const ${at}) (i32.const ${len})) (i32.store8 (i32.const 99) (i32.const 2))`;
}

const uref = (addr: Uint8Array, rights: number): URef => ({ addr, rights });
const ukey = (addr: Uint8Array, rights: number): Key => urefKey(uref(addr, rights));
const FORGED = new Uint8Array(32).fill(0x77);

function mainPurse(env: TestEnv): URef {
  return env.account()!.mainPurse;
}

function failure(r: ExecutionResult): string {
  expect(r.success).toBe(false);
  return r.error!.kind;
}

describe('casper_write', () => {
  test('§6.3: write of a u64 costs 26 740 host + 15 646 218 storage; the value is stored', async () => {
    const env = hostGasEnv();
    const wasm = await session(
      `${newURefAt99(200, 13)}
       (call $casper_write (i32.const 99) (i32.const 34) (i32.const 300) (i32.const 13))`,
      [
        [200, encodeCLValue(CLValue.u64(1n))],
        [300, encodeCLValue(CLValue.u64(42n))],
      ],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    const newUref = 17_000 + 590 * 13 + 14 * GAS_PER_BYTE;
    expect(26_740).toBe(14_000 + 980 * 13);
    expect(14 * GAS_PER_BYTE).toBe(15_646_218);
    expect(r.gasUsed).toBe(newUref + 26_740 + 15_646_218);
    const [a] = addrs(1);
    expect(env.queryCLValue(ukey(a, 0))).toEqual(CLValue.u64(42n));
    expect(r.effects).toContainEqual({ key: ukey(a, 0), kind: 'Write' });
  });

  test('key access: only a valid URef with WRITE; access is checked before forgery', async () => {
    const env = hostGasEnv();
    const mp = mainPurse(env);
    const value = encodeCLValue(CLValue.u64(1n));
    const cases: Array<[Key, string | null]> = [
      [accountKey(env.defaultAccountHash), 'InvalidAccess'],
      [hashKey(env.services.system.mint), 'InvalidAccess'],
      [balanceKey(mp.addr), 'InvalidAccess'],
      [ukey(mp.addr, 1), 'InvalidAccess'],
      [ukey(mp.addr, 5), 'InvalidAccess'],
      [ukey(FORGED, 1), 'InvalidAccess'],
      [ukey(FORGED, 2), 'ForgedReference'],
      [ukey(FORGED, 7), 'ForgedReference'],
    ];
    for (const [key, kind] of cases) {
      const kb = encodeKey(key);
      const wasm = await session(
        `(call $casper_write (i32.const 0) (i32.const ${kb.length}) (i32.const 100) (i32.const ${value.length}))`,
        [
          [0, kb],
          [100, value],
        ],
      );
      const root = env.stateRoot();
      const r = run(env, wasm);
      expect(failure(r)).toBe(kind);
      expect(env.stateRoot()).toBe(root);
    }
  });

  test('an attenuated (WRITE only) copy of a known URef may be written', async () => {
    const env = hostGasEnv();
    const wasm = await session(
      `${newURefAt99(200, 13)}
       (i32.store8 (i32.const 132) (i32.const 2))
       (call $casper_write (i32.const 99) (i32.const 34) (i32.const 300) (i32.const 13))`,
      [
        [200, encodeCLValue(CLValue.u64(1n))],
        [300, encodeCLValue(CLValue.u64(7n))],
      ],
    );
    expect(run(env, wasm).success).toBe(true);
    expect(env.queryCLValue(ukey(addrs(1)[0], 0))).toEqual(CLValue.u64(7n));
  });

  test('value validation: top-level Key, URef, Tuple2(String, Key) only', async () => {
    const env = hostGasEnv();
    const mp = mainPurse(env);
    const forged = uref(FORGED, 7);
    const cases: Array<[CLValue, string | null]> = [
      [CLValue.key(urefKey(forged)), 'ForgedReference'],
      [CLValue.uref(forged), 'ForgedReference'],
      [CLValue.tuple2StringKey('x', urefKey(forged)), 'ForgedReference'],
      [CLValue.option(CLValue.uref(forged)), null],
      [CLValue.list(CLTypes.URef, [CLValue.uref(forged)]), null],
      [CLValue.tuple2(CLValue.uref(forged), CLValue.u8(1)), null],
      [CLValue.uref(mp), null],
      [CLValue.key(urefKey(uref(mp.addr, 1))), null],
      [CLValue.key(hashKey(FORGED)), null],
      [new CLValue(CLTypes.Key, Uint8Array.of(99)), 'CLValue'],
      [new CLValue(CLTypes.URef, new Uint8Array(32)), 'CLValue'],
      [new CLValue(CLTypes.NamedKey, Uint8Array.of(0, 0, 0, 0, 2)), 'CLValue'],
      [new CLValue(CLTypes.U64, Uint8Array.of(1)), null], // inner bytes are opaque otherwise
    ];
    for (const [value, kind] of cases) {
      const vb = encodeCLValue(value);
      const wasm = await session(
        `${newURefAt99(200, 13)}
         (call $casper_write (i32.const 99) (i32.const 34) (i32.const 300) (i32.const ${vb.length}))`,
        [
          [200, encodeCLValue(CLValue.u64(1n))],
          [300, vb],
        ],
      );
      const root = env.stateRoot();
      const r = run(env, wasm);
      if (kind === null) {
        expect(r.success).toBe(true);
        expect(env.queryCLValue(ukey(addrs(1)[0], 0))).toEqual(value);
      } else {
        expect(failure(r)).toBe(kind);
        expect(env.stateRoot()).toBe(root);
      }
    }
  });

  test('decoding: key then value are decoded before any check (BytesRepr), memory bounds trap', async () => {
    const env = hostGasEnv();
    const good = encodeCLValue(CLValue.u64(1n));
    const acct = encodeKey(accountKey(env.defaultAccountHash));
    const cases: Array<[string, Uint8Array, string]> = [
      // key 1 byte short
      ['(call $casper_write (i32.const 0) (i32.const 32) (i32.const 100) (i32.const 13))', acct, 'BytesRepr'],
      // key leftover byte
      ['(call $casper_write (i32.const 0) (i32.const 34) (i32.const 100) (i32.const 13))', acct, 'BytesRepr'],
      // unwriteable key but malformed value: decoding first
      ['(call $casper_write (i32.const 0) (i32.const 33) (i32.const 100) (i32.const 12))', acct, 'BytesRepr'],
      // value out of memory bounds
      ['(call $casper_write (i32.const 0) (i32.const 33) (i32.const 65530) (i32.const 13))', acct, 'Interpreter'],
    ];
    for (const [body, key, kind] of cases) {
      const r = run(
        env,
        await session(body, [
          [0, key],
          [100, good],
        ]),
      );
      expect(failure(r)).toBe(kind);
    }
  });
});

describe('casper_read_value', () => {
  test('reads the inner bytes into the host buffer and writes the u32 size', async () => {
    const env = hostGasEnv();
    const value = CLValue.string('hello, world');
    const vb = encodeCLValue(value);
    const wasm = await session(
      `${newURefAt99(200, vb.length)}
       ${expectRc('(call $casper_read_value (i32.const 99) (i32.const 34) (i32.const 400))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const ${value.bytes.length})))
       (call $dumpbuf)`,
      [[200, vb]],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(dumped(env)).toEqual(value.bytes);
  });

  test('gas: 60 000 + 120 000 × key_size; absent → 6 ValueNotFound', async () => {
    const env = hostGasEnv();
    const kb = encodeKey(hashKey(FORGED));
    const wasm = await session(
      `(call $casper_revert (i32.add (i32.const 65536) (call $casper_read_value (i32.const 0) (i32.const 33) (i32.const 400))))`,
      [[0, kb]],
    );
    const r = run(env, wasm);
    expect(userCode(r)).toBe(6);
    expect(r.gasUsed).toBe(60_000 + 120_000 * 33 + 500);
  });

  test('host buffer full → 34 before the key is decoded; a Unit value (size 0) occupies the slot', async () => {
    const env = hostGasEnv();
    const wasm = await session(
      `${newURefAt99(200, 5)}
       ${expectRc('(call $casper_read_value (i32.const 99) (i32.const 34) (i32.const 400))', 0)}
       (call $check (i32.load (i32.const 400)))
       ${expectRc('(call $casper_read_value (i32.const 60000) (i32.const 1) (i32.const 400))', 34)}`,
      [[200, encodeCLValue(CLValue.unit())]],
    );
    expect(run(env, wasm).success).toBe(true);
  });

  test('access table, stored-value conversion and traps', async () => {
    const env = hostGasEnv();
    const mp = mainPurse(env);
    const mint = env.services.system.mint;
    const contract = env.query(hashKey(mint));
    if (contract?.tag !== 3) throw new Error('no mint contract');
    const pkgHash = contract.contract.contractPackageHash;
    const pkg = env.query(hashKey(pkgHash));
    if (pkg?.tag !== 4) throw new Error('no mint package');
    const cases: Array<[Uint8Array, string | null]> = [
      [encodeKey(accountKey(env.defaultAccountHash)), 'TypeMismatch'],
      [encodeKey(accountKey(new Uint8Array(32).fill(1))), 'InvalidAccess'],
      [encodeKey(balanceKey(mp.addr)), 'InvalidAccess'],
      [encodeKey(ukey(mp.addr, 4)), 'InvalidAccess'],
      [encodeKey(ukey(mp.addr, 2)), 'InvalidAccess'],
      [encodeKey(ukey(FORGED, 1)), 'ForgedReference'],
      [encodeKey(ukey(FORGED, 4)), 'InvalidAccess'],
      [encodeKey(hashKey(mint)), 'TypeMismatch'],
      [encodeKey(hashKey(contract.contract.contractWasmHash)), 'TypeMismatch'],
      [encodeKey(ukey(mp.addr, 1)), null],
      [encodeKey(ukey(mp.addr, 1)).subarray(0, 33), 'BytesRepr'],
      [Uint8Array.of(15, ...new Uint8Array(32)), 'BytesRepr'],
    ];
    for (const [kb, kind] of cases) {
      const wasm = await session(
        `${expectRc(`(call $casper_read_value (i32.const 0) (i32.const ${kb.length}) (i32.const 400))`, 0)}`,
        [[0, kb]],
      );
      const r = run(env, wasm);
      if (kind === null) expect(r.success).toBe(true);
      else expect(failure(r)).toBe(kind);
    }
    // a ContractPackage reads as CLValue(Any, its serialization)
    const wasm = await session(
      `${expectRc('(call $casper_read_value (i32.const 0) (i32.const 33) (i32.const 400))', 0)} (call $dumpbuf)`,
      [[0, encodeKey(hashKey(pkgHash))]],
    );
    expect(run(env, wasm).success).toBe(true);
    expect(dumped(env)).toEqual(encodeContractPackage(pkg.contractPackage));
    // key out of bounds
    const oob = await session(`(drop (call $casper_read_value (i32.const 65535) (i32.const 33) (i32.const 400)))`);
    expect(failure(run(env, oob))).toBe('Interpreter');
  });
});

describe('casper_add', () => {
  const NUMERIC: Array<[string, (v: bigint) => CLValue, number, boolean]> = [
    ['I32', (v) => CLValue.i32(Number(v)), 32, true],
    ['I64', (v) => CLValue.i64(v), 64, true],
    ['U8', (v) => CLValue.u8(Number(v)), 8, false],
    ['U32', (v) => CLValue.u32(Number(v)), 32, false],
    ['U64', (v) => CLValue.u64(v), 64, false],
    ['U128', (v) => CLValue.u128(v), 128, false],
    ['U256', (v) => CLValue.u256(v), 256, false],
    ['U512', (v) => CLValue.u512(v), 512, false],
  ];
  const ADDENDS = ['I32', 'U64', 'U128', 'U256', 'U512'];
  const KIND: Record<string, string> = {
    I32: 'AddInt32',
    U64: 'AddUInt64',
    U128: 'AddUInt128',
    U256: 'AddUInt256',
    U512: 'AddUInt512',
  };

  function num(name: string): [string, (v: bigint) => CLValue, number, boolean] {
    return NUMERIC.find((n) => n[0] === name)!;
  }

  function wrap(bits: number, signed: boolean, v: bigint): bigint {
    const u = BigInt.asUintN(bits, v);
    return signed ? BigInt.asIntN(bits, u) : u;
  }

  async function addSession(stored: CLValue, addend: CLValue): Promise<Uint8Array> {
    const sb = encodeCLValue(stored);
    const ab = encodeCLValue(addend);
    return session(
      `${newURefAt99(200, sb.length)}
       (call $casper_add (i32.const 99) (i32.const 34) (i32.const 1000) (i32.const ${ab.length}))`,
      [
        [200, sb],
        [1000, ab],
      ],
    );
  }

  test('wrapping addition with two’s-complement conversion (examples)', async () => {
    const env = hostGasEnv();
    const cases: Array<[CLValue, CLValue, CLValue]> = [
      [CLValue.u64(2n ** 64n - 1n), CLValue.u64(1n), CLValue.u64(0n)],
      [CLValue.i32(5), CLValue.i32(-7), CLValue.i32(-2)],
      [CLValue.u64(3n), CLValue.i32(-1), CLValue.u64(2n)],
      [CLValue.u8(250), CLValue.u512(10n), CLValue.u8(4)],
      [CLValue.i32(2147483647), CLValue.u64(1n), CLValue.i32(-2147483648)],
      [CLValue.i64(-1n), CLValue.u128(2n ** 127n), CLValue.i64(-1n)],
      [CLValue.u512(0n), CLValue.i32(-1), CLValue.u512(2n ** 512n - 1n)],
      [CLValue.u32(7), CLValue.u256(2n ** 255n + 1n), CLValue.u32(8)],
    ];
    for (let i = 0; i < cases.length; i++) {
      const [stored, addend, expected] = cases[i];
      const dh = new Uint8Array(32).fill(100 + i);
      const r = run(env, await addSession(stored, addend), dh);
      expect(r.success).toBe(true);
      expect(env.queryCLValue(ukey(addrs(1, dh)[0], 0))).toEqual(expected);
    }
  });

  test('randomized stored × addend types (fixed seed)', async () => {
    const env = hostGasEnv();
    let seed = 0x2545f491;
    const next = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed >>> 0;
    };
    const big = (bits: number): bigint => {
      const edge = next() % 4;
      const max = 2n ** BigInt(bits);
      if (edge === 0) return max - 1n - BigInt(next() % 3);
      if (edge === 1) return BigInt(next() % 3);
      let v = 0n;
      for (let i = 0; i < bits; i += 32) v = (v << 32n) | BigInt(next());
      return v % max;
    };
    for (let i = 0; i < 40; i++) {
      const [, mkStored, sBits, sSigned] = NUMERIC[next() % NUMERIC.length];
      const aName = ADDENDS[next() % ADDENDS.length];
      const [, mkAdd, aBits, aSigned] = num(aName);
      const s = wrap(sBits, sSigned, big(sBits));
      const a = wrap(aBits, aSigned, big(aBits));
      const dh = new Uint8Array(32).fill(i);
      const r = run(env, await addSession(mkStored(s), mkAdd(a)), dh);
      expect(r.success).toBe(true);
      const key = ukey(addrs(1, dh)[0], 0);
      expect(env.queryCLValue(key)).toEqual(mkStored(wrap(sBits, sSigned, s + a)));
      // new_uref wrote the key in this phase, so the add composes into a Write
      expect(r.effects).toContainEqual({ key, kind: 'Write' });
    }
  });

  test('gas: 5 800 + storage on the addend; a committed value records the Add* transform', async () => {
    for (const aName of ADDENDS) {
      const env = hostGasEnv();
      // session 1: a U512 under named key "c"
      const sb = encodeCLValue(CLValue.u512(10n));
      const s1 = await session(
        `${newURefAt99(200, sb.length)}
         (call $casper_put_key (i32.const 500) (i32.const 5) (i32.const 99) (i32.const 34))`,
        [
          [200, sb],
          [500, Uint8Array.of(1, 0, 0, 0, 99)],
        ],
      );
      expect(run(env, s1).success).toBe(true);
      const addend = num(aName)[1](5n);
      const ab = encodeCLValue(addend);
      const kb = encodeKey(env.namedKeys().get('c')!);
      const s2 = await session(
        `(call $casper_add (i32.const 0) (i32.const 34) (i32.const 100) (i32.const ${ab.length}))`,
        [
          [0, kb],
          [100, ab],
        ],
      );
      const r = run(env, s2, new Uint8Array(32).fill(3));
      expect(r.success).toBe(true);
      expect(r.gasUsed).toBe(5_800 + storedValueSerializedLength(storedCLValue(addend)) * GAS_PER_BYTE);
      const key = ukey(addrs(1)[0], 0);
      expect(env.queryCLValue(key)).toEqual(CLValue.u512(15n));
      expect(r.effects).toEqual([{ key, kind: KIND[aName] }]);
    }
  });

  test('type errors, missing value, access and forgery', async () => {
    const env = hostGasEnv();
    const mp = mainPurse(env);
    // an account named key whose URef has no value: add → KeyNotFound
    const missing = uref(new Uint8Array(32).fill(0x31), 7);
    const acct = env.account()!;
    env.state.put(accountKey(env.defaultAccountHash), {
      tag: 1,
      account: { ...acct, namedKeys: new Map([['missing', urefKey(missing)]]) },
    });
    const self = accountKey(env.defaultAccountHash);
    const u64 = CLValue.u64(1n);
    const cases: Array<[CLValue | null, Key | null, CLValue, string]> = [
      // [stored via new_uref | null, or key, addend, kind]
      [CLValue.u64(1n), null, CLValue.i64(1n), 'TypeMismatch'],
      [CLValue.u64(1n), null, CLValue.u8(1), 'TypeMismatch'],
      [CLValue.u64(1n), null, CLValue.u32(1), 'TypeMismatch'],
      [CLValue.u64(1n), null, CLValue.string('1'), 'TypeMismatch'],
      [CLValue.string('x'), null, u64, 'TypeMismatch'],
      [CLValue.unit(), null, u64, 'TypeMismatch'],
      [CLValue.u64(1n), null, CLValue.tuple2StringKey('k', hashKey(FORGED)), 'TypeMismatch'],
      [CLValue.u64(1n), null, new CLValue(CLTypes.U64, Uint8Array.of(1, 2, 3)), 'BytesRepr'],
      [new CLValue(CLTypes.U64, Uint8Array.of(1)), null, u64, 'BytesRepr'],
      [null, self, u64, 'TypeMismatch'],
      [null, urefKey(missing), u64, 'KeyNotFound'],
      [null, urefKey(missing), CLValue.i64(1n), 'KeyNotFound'],
      [null, accountKey(new Uint8Array(32).fill(1)), u64, 'InvalidAccess'],
      [null, hashKey(env.services.system.mint), u64, 'InvalidAccess'],
      [null, ukey(mp.addr, 3), u64, 'InvalidAccess'],
      [null, ukey(FORGED, 4), u64, 'ForgedReference'],
      [null, self, CLValue.tuple2StringKey('k', ukey(FORGED, 1)), 'ForgedReference'],
    ];
    for (const [stored, key, addend, kind] of cases) {
      const ab = encodeCLValue(addend);
      let wasm: Uint8Array;
      if (stored) wasm = await addSession(stored, addend);
      else {
        const kb = encodeKey(key!);
        wasm = await session(
          `(call $casper_add (i32.const 0) (i32.const ${kb.length}) (i32.const 1000) (i32.const ${ab.length}))`,
          [
            [0, kb],
            [1000, ab],
          ],
        );
      }
      const root = env.stateRoot();
      expect([kind, failure(run(env, wasm))]).toEqual([kind, kind]);
      expect(env.stateRoot()).toBe(root);
    }
  });

  test('Tuple2(String, Key) to the own account adds a named key (AddKeys) without updating the context', async () => {
    const env = hostGasEnv();
    const nk = CLValue.tuple2StringKey('x', hashKey(FORGED));
    const nb = encodeCLValue(nk);
    const kb = encodeKey(accountKey(env.defaultAccountHash));
    const wasm = await session(
      `(call $casper_add (i32.const 0) (i32.const 33) (i32.const 100) (i32.const ${nb.length}))
       ${expectRc('(call $casper_has_key (i32.const 300) (i32.const 5))', 1)}`,
      [
        [0, kb],
        [100, nb],
        [300, Uint8Array.of(1, 0, 0, 0, 120)],
      ],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(env.namedKeys().get('x')).toEqual(hashKey(FORGED));
    expect(r.effects).toEqual([{ key: accountKey(env.defaultAccountHash), kind: 'AddKeys' }]);
    expect(r.gasUsed).toBe(5_800 + 1_500 + 840 * 5 + storedValueSerializedLength(storedCLValue(nk)) * GAS_PER_BYTE);
  });
});

describe('casper_new_uref', () => {
  test('READ_ADD_WRITE URef at the next generated address; value stored; storage gas', async () => {
    const env = hostGasEnv();
    const value = CLValue.option(CLValue.u8(3));
    const vb = encodeCLValue(value);
    const a = addrs(1)[0];
    const expected = encodeURef(uref(a, 7));
    const check = await session(
      `(call $casper_new_uref (i32.const 100) (i32.const 200) (i32.const ${vb.length}))
       ${expectRc('(call $casper_is_valid_uref (i32.const 100) (i32.const 33))', 1)}
       ${Array.from(expected, (b, i) => `(call $check (i32.xor (i32.load8_u (i32.const ${100 + i})) (i32.const ${b})))`).join(' ')}`,
      [[200, vb]],
    );
    const r = run(env, check);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(17_000 + 590 * vb.length + (1 + vb.length) * GAS_PER_BYTE + 760);
    expect(env.queryCLValue(ukey(a, 0))).toEqual(value);
    expect(optionType(CLTypes.U8)).toEqual(value.clType);
  });

  test('value validated (ForgedReference); output out of bounds traps; state unchanged', async () => {
    const env = hostGasEnv();
    const forged = encodeCLValue(CLValue.uref(uref(FORGED, 1)));
    const u = encodeCLValue(CLValue.u64(1n));
    for (const [body, kind] of [
      [`(call $casper_new_uref (i32.const 100) (i32.const 200) (i32.const ${forged.length}))`, 'ForgedReference'],
      [`(call $casper_new_uref (i32.const 65520) (i32.const 300) (i32.const ${u.length}))`, 'Interpreter'],
      [`(call $casper_new_uref (i32.const 100) (i32.const 300) (i32.const ${u.length - 1}))`, 'BytesRepr'],
    ] as const) {
      const root = env.stateRoot();
      const r = run(
        env,
        await session(body, [
          [200, forged],
          [300, u],
        ]),
      );
      expect(failure(r)).toBe(kind);
      expect(env.stateRoot()).toBe(root);
    }
  });
});

describe('casper_is_valid_uref', () => {
  test('1 when the address is known with at least those rights, else 0; decode failures trap', async () => {
    const env = hostGasEnv();
    const mp = mainPurse(env);
    const cases: Array<[Uint8Array, number | string]> = [
      [encodeURef(mp), 1],
      [encodeURef(uref(mp.addr, 0)), 1],
      [encodeURef(uref(mp.addr, 5)), 1],
      [encodeURef(uref(FORGED, 0)), 0],
      [encodeURef(uref(FORGED, 7)), 0],
      [encodeURef(mp).subarray(0, 32), 'BytesRepr'],
      [Uint8Array.of(...mp.addr, 8), 'BytesRepr'],
    ];
    for (const [bytes, expected] of cases) {
      const wasm = await session(
        `(call $casper_revert (i32.add (i32.const 65536) (call $casper_is_valid_uref (i32.const 0) (i32.const ${bytes.length}))))`,
        [[0, bytes]],
      );
      const r = run(env, wasm);
      if (typeof expected === 'number') {
        expect(userCode(r)).toBe(expected);
        expect(r.gasUsed).toBe(760 + 500);
      } else expect(failure(r)).toBe(expected);
    }
  });
});
