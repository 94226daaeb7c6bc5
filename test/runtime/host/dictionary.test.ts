// casper_new_dictionary / dictionary_put / dictionary_get / dictionary_read driven through real
// Wasm (casper-vm1-abi.md §3.9, §6.3; execution_engine runtime `new_dictionary`/`dictionary_*`,
// runtime_context `dictionary_get`/`dictionary_read`/`dictionary_put`, runtime_context/dictionary.rs).
import { hostGasEnv } from '../../helpers/env';
import { Phase } from '../../../runtime/engine/context';
import { type ExecutionResult, TestEnv } from '../../../runtime/env';
import { AddressGenerator } from '../../../runtime/state/address-generator';
import {
  accountKey,
  balanceKey,
  bytesToHex,
  CLValue,
  dictionaryItemKey,
  dictionaryKey,
  encodeCLValue,
  encodeKey,
  encodeStoredValue,
  encodeURef,
  hexToBytes,
  type Key,
  storedCLValue,
  type URef,
  urefKey,
  wrapDictionaryValue,
} from '../../../runtime/types';

import { dumped, session, userCode } from '../../helpers/wat-session';

// ---- end of helpers ----

const DH = new Uint8Array(32).fill(4);
const SEED = new Uint8Array(32).fill(0x2a);
const FORGED = new Uint8Array(32).fill(0x77);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function run(env: TestEnv, wasm: Uint8Array): ExecutionResult {
  return env.runSession({ wasm, deployHash: DH });
}

function expectRc(call: string, expected: number): string {
  return `(call $check (i32.xor ${call} (i32.const ${expected})))`;
}

function failure(r: ExecutionResult): string {
  expect(r.success).toBe(false);
  return r.error!.kind;
}

const seedURef = (rights = 7): URef => ({ addr: SEED, rights });

/** An environment whose account holds the seed URef 0x2a×32 (READ_ADD_WRITE) under "dict", with a Unit at it. */
function envWithSeed(): TestEnv {
  const env = hostGasEnv();
  env.state.put(accountKey(env.defaultAccountHash), {
    tag: 1,
    account: { ...env.account()!, namedKeys: new Map([['dict', urefKey(seedURef())]]) },
  });
  env.state.put(urefKey(seedURef()), storedCLValue(CLValue.unit()));
  return env;
}

/** dictionary_put(seed @0, item @200, value @300) returning its code. */
function put(seedLen: number, itemLen: number, valueLen: number, itemAt = 200): string {
  return `(call $casper_dictionary_put (i32.const 0) (i32.const ${seedLen}) (i32.const ${itemAt}) (i32.const ${itemLen}) (i32.const 300) (i32.const ${valueLen}))`;
}

/** dictionary_get(seed @0, item @200) → size @400, returning its code. */
function get(seedLen: number, itemLen: number, itemAt = 200): string {
  return `(call $casper_dictionary_get (i32.const 0) (i32.const ${seedLen}) (i32.const ${itemAt}) (i32.const ${itemLen}) (i32.const 400))`;
}

describe('casper_new_dictionary', () => {
  test('§6.3 gas 36 470 + 6 705 522; Unit URef; buffer := URef; 8-byte size write', async () => {
    const env = hostGasEnv();
    const wasm = await session(
      `(i64.store (i32.const 400) (i64.const -1))
       ${expectRc('(call $casper_new_dictionary (i32.const 400))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 33)))
       (call $check (i32.load (i32.const 404)))`,
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(36_470 + 6_705_522);
    const [a] = [new AddressGenerator(DH, Phase.Session).createAddress()];
    expect(env.queryCLValue(urefKey({ addr: a, rights: 0 }))).toEqual(CLValue.unit());

    const env2 = hostGasEnv();
    expect(
      run(env2, await session(`(drop (call $casper_new_dictionary (i32.const 400))) (call $dumpbuf)`)).success,
    ).toBe(true);
    expect(dumped(env2)).toEqual(encodeURef({ addr: a, rights: 7 }));
  });

  test('host buffer full → 34 (no URef created); size slot within 8 bytes of the end traps', async () => {
    const env = envWithSeed();
    const kb = encodeKey(urefKey(seedURef(1)));
    const full = await session(
      `${expectRc('(call $casper_read_value (i32.const 0) (i32.const 34) (i32.const 400))', 0)}
       ${expectRc('(call $casper_new_dictionary (i32.const 400))', 34)}`,
      [[0, kb]],
    );
    const r = run(env, full);
    expect(r.success).toBe(true);
    const a = new AddressGenerator(DH, Phase.Session).createAddress();
    expect(env.query(urefKey({ addr: a, rights: 0 }))).toBeUndefined();

    const root = env.stateRoot();
    const oob = run(env, await session(`(drop (call $casper_new_dictionary (i32.const 65532)))`));
    expect(failure(oob)).toBe('Interpreter');
    expect(env.stateRoot()).toBe(root);
  });
});

describe('casper_dictionary_put', () => {
  test('§6.3: dictionary_put("alice", u64) costs 25 260 + 71 525 568; exact wrapper stored at the derived key', async () => {
    const env = hostGasEnv();
    const value = CLValue.u64(42n);
    const wasm = await session(
      `(drop (call $casper_new_dictionary (i32.const 400)))
       ${expectRc('(call $casper_read_host_buffer (i32.const 0) (i32.const 33) (i32.const 404))', 0)}
       ${expectRc(put(33, 5, 13), 0)}`,
      [
        [200, utf8('alice')],
        [300, encodeCLValue(value)],
      ],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(9_500 + 1_800 * 5 + 520 * 13).toBe(25_260);
    expect(64 * 1_117_587).toBe(71_525_568);
    expect(r.gasUsed).toBe(36_470 + 6_705_522 + 3_500 + 310 * 33 + 25_260 + 71_525_568);
    const a = new AddressGenerator(DH, Phase.Session).createAddress();
    const key = dictionaryItemKey(a, utf8('alice'));
    const stored = env.query(key)!;
    expect(stored).toEqual(storedCLValue(wrapDictionaryValue(value, a, utf8('alice'))));
    expect(encodeStoredValue(stored).length).toBe(64);
    expect(r.effects).toContainEqual({ key, kind: 'Write' });
  });

  test('worked example: seed 0x2a×32, item "alice" → dictionary-e4d32816…0460', async () => {
    const env = envWithSeed();
    const wasm = await session(expectRc(put(33, 5, 13), 0), [
      [0, encodeURef(seedURef())],
      [200, utf8('alice')],
      [300, encodeCLValue(CLValue.u64(7n))],
    ]);
    expect(run(env, wasm).success).toBe(true);
    const key = dictionaryKey(hexToBytes('e4d32816b394f6d6d8ce2d55caf830a91d40ed9fa1a20ec556635e2662260460'));
    expect(env.query(key)).toEqual(storedCLValue(wrapDictionaryValue(CLValue.u64(7n), SEED, utf8('alice'))));
  });

  test('codes and traps in the node’s order', async () => {
    const env = envWithSeed();
    const u64 = encodeCLValue(CLValue.u64(1n));
    const bad = u64.subarray(0, 12);
    const long = utf8('k'.repeat(129));
    const max = utf8('k'.repeat(128));
    const cases: Array<[string, Uint8Array, Uint8Array, Uint8Array, string, number | string]> = [
      ['ok', encodeURef(seedURef()), utf8('alice'), u64, put(33, 5, 13), 0],
      ['empty item key', encodeURef(seedURef()), new Uint8Array(0), u64, put(33, 0, 13), 0],
      ['128 bytes', encodeURef(seedURef()), max, u64, put(33, 128, 13), 0],
      ['WRITE only seed', encodeURef(seedURef(2)), utf8('a'), u64, put(33, 1, 13), 0],
      ['129 bytes → 36', encodeURef(seedURef()), long, u64, put(33, 129, 13), 36],
      [
        '36 before reading the item (out of bounds) and the value',
        encodeURef(seedURef()),
        long,
        bad,
        put(33, 129, 12, 65535),
        36,
      ],
      [
        'invalid UTF-8 → 37 before the value',
        encodeURef(seedURef()),
        Uint8Array.of(0xc3, 0x28),
        bad,
        put(33, 2, 12),
        37,
      ],
      ['seed decoded first', encodeURef(seedURef()).subarray(0, 32), long, u64, put(32, 129, 13), 'BytesRepr'],
      ['item out of bounds', encodeURef(seedURef()), utf8('a'), u64, put(33, 5, 13, 65534), 'Interpreter'],
      ['bad value', encodeURef(seedURef()), utf8('a'), bad, put(33, 1, 12), 'BytesRepr'],
      ['READ_ADD seed', encodeURef(seedURef(5)), utf8('a'), u64, put(33, 1, 13), 'InvalidAccess'],
      ['forged seed', encodeURef({ addr: FORGED, rights: 7 }), utf8('a'), u64, put(33, 1, 13), 'ForgedReference'],
      [
        'forged NONE seed: access first',
        encodeURef({ addr: FORGED, rights: 0 }),
        utf8('a'),
        u64,
        put(33, 1, 13),
        'InvalidAccess',
      ],
      [
        'forged URef value',
        encodeURef(seedURef()),
        utf8('a'),
        encodeCLValue(CLValue.uref({ addr: FORGED, rights: 1 })),
        put(33, 1, 38),
        'ForgedReference',
      ],
    ];
    for (const [what, seed, item, value, call, expected] of cases) {
      const wasm = await session(`(call $casper_revert (i32.add (i32.const 65536) ${call}))`, [
        [0, seed],
        [200, item],
        [300, value],
      ]);
      const root = env.stateRoot();
      const r = run(env, wasm);
      expect(r.success).toBe(false);
      if (typeof expected === 'number') {
        expect([what, r.error!.kind, r.error!.apiError?.code]).toEqual([what, 'Revert', 65536 + expected]);
      } else {
        expect([what, r.error!.kind]).toEqual([what, expected]);
      }
      expect(env.stateRoot()).toBe(root);
    }
  });
});

describe('casper_dictionary_get', () => {
  async function seeded(): Promise<TestEnv> {
    const env = envWithSeed();
    const wasm = await session(expectRc(put(33, 5, 13), 0), [
      [0, encodeURef(seedURef())],
      [200, utf8('alice')],
      [300, encodeCLValue(CLValue.u64(42n))],
    ]);
    expect(run(env, wasm).success).toBe(true);
    return env;
  }

  test('returns the inner value; gas 5 500 + 590 × item_size', async () => {
    const env = await seeded();
    const wasm = await session(
      `${expectRc(get(33, 5), 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 8)))`,
      [
        [0, encodeURef(seedURef(1))],
        [200, utf8('alice')],
      ],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(5_500 + 590 * 5);
    const dump = await session(`(drop ${get(33, 5)}) (call $dumpbuf)`, [
      [0, encodeURef(seedURef())],
      [200, utf8('alice')],
    ]);
    expect(run(env, dump).success).toBe(true);
    expect(dumped(env)).toEqual(CLValue.u64(42n).bytes);
  });

  test('codes and traps in the node’s order', async () => {
    const env = await seeded();
    const long = utf8('k'.repeat(129));
    const cases: Array<[string, Uint8Array, Uint8Array, string, number | string]> = [
      ['absent → 6', encodeURef(seedURef()), utf8('bob'), get(33, 3), 6],
      ['invalid UTF-8 → 37', encodeURef(seedURef()), Uint8Array.of(0xff), get(33, 1), 37],
      ['37 before access checks', encodeURef({ addr: FORGED, rights: 0 }), Uint8Array.of(0xff), get(33, 1), 37],
      [
        '37 before the length check',
        encodeURef(seedURef()),
        Uint8Array.of(...long.subarray(1), 0xff),
        get(33, 129),
        37,
      ],
      ['129 bytes trap', encodeURef(seedURef()), long, get(33, 129), 'DictionaryItemKeyExceedsLength'],
      ['access before length', encodeURef(seedURef(2)), long, get(33, 129), 'InvalidAccess'],
      ['WRITE only seed', encodeURef(seedURef(2)), utf8('alice'), get(33, 5), 'InvalidAccess'],
      ['forged seed', encodeURef({ addr: FORGED, rights: 1 }), utf8('alice'), get(33, 5), 'ForgedReference'],
      ['seed decode', encodeURef(seedURef()).subarray(0, 32), utf8('alice'), get(32, 5), 'BytesRepr'],
      ['item out of bounds', encodeURef(seedURef()), utf8('alice'), get(33, 5, 65534), 'Interpreter'],
    ];
    for (const [what, seed, item, call, expected] of cases) {
      const wasm = await session(`(call $casper_revert (i32.add (i32.const 65536) ${call}))`, [
        [0, seed],
        [200, item],
      ]);
      const r = run(env, wasm);
      expect(r.success).toBe(false);
      if (typeof expected === 'number') {
        expect([what, r.error!.kind, r.error!.apiError?.code]).toEqual([what, 'Revert', 65536 + expected]);
      } else {
        expect([what, r.error!.kind]).toEqual([what, expected]);
      }
    }
    // a full buffer answers 34 before the seed is even decoded
    const full = await session(
      `(drop (call $casper_new_dictionary (i32.const 400)))
       ${expectRc(get(1, 5), 34)}`,
    );
    expect(run(env, full).success).toBe(true);
  });
});

describe('casper_dictionary_read', () => {
  test('reads any key directly (no variant or access check), unwrapping dictionary items', async () => {
    const env = envWithSeed();
    const mp = env.account()!.mainPurse;
    env.state.put(urefKey({ addr: FORGED, rights: 0 }), storedCLValue(CLValue.string('secret')));
    const item = dictionaryItemKey(SEED, utf8('alice'));
    env.state.put(item, storedCLValue(wrapDictionaryValue(CLValue.u64(42n), SEED, utf8('alice'))));
    const cases: Array<[Key, CLValue | number | string]> = [
      [item, CLValue.u64(42n)],
      [urefKey({ addr: FORGED, rights: 0 }), CLValue.string('secret')],
      [balanceKey(mp.addr), CLValue.u512(100_000_000_000_000_000n)],
      [dictionaryItemKey(SEED, utf8('bob')), 6],
      [accountKey(env.defaultAccountHash), 'TypeMismatch'],
    ];
    for (const [key, expected] of cases) {
      const kb = encodeKey(key);
      const call = `(call $casper_dictionary_read (i32.const 0) (i32.const ${kb.length}) (i32.const 400))`;
      const body =
        expected instanceof CLValue
          ? `${expectRc(call, 0)} (call $check (i32.xor (i32.load (i32.const 400)) (i32.const ${expected.bytes.length}))) (call $dumpbuf)`
          : `(call $casper_revert (i32.add (i32.const 65536) ${call}))`;
      const r = run(env, await session(body, [[0, kb]]));
      if (expected instanceof CLValue) {
        expect([bytesToHex(encodeKey(key)), r.success]).toEqual([bytesToHex(encodeKey(key)), true]);
        expect(dumped(env)).toEqual(expected.bytes);
        expect(r.gasUsed).toBeGreaterThan(60_000 + 120_000 * kb.length);
      } else if (typeof expected === 'number') {
        expect(userCode(r)).toBe(expected);
        expect(r.gasUsed).toBe(60_000 + 120_000 * kb.length + 500);
      } else expect(failure(r)).toBe(expected);
    }
    // read_value of the forged URef is refused; of the dictionary item it unwraps too
    const forged = encodeKey(urefKey({ addr: FORGED, rights: 1 }));
    expect(
      failure(
        run(
          env,
          await session(`(drop (call $casper_read_value (i32.const 0) (i32.const 34) (i32.const 400)))`, [[0, forged]]),
        ),
      ),
    ).toBe('ForgedReference');
    const viaRead = await session(
      `${expectRc('(call $casper_read_value (i32.const 0) (i32.const 33) (i32.const 400))', 0)} (call $dumpbuf)`,
      [[0, encodeKey(item)]],
    );
    expect(run(env, viaRead).success).toBe(true);
    expect(dumped(env)).toEqual(CLValue.u64(42n).bytes);
  });

  test('buffer full → 34 before decoding; malformed key → BytesRepr', async () => {
    const env = envWithSeed();
    const full = await session(
      `(drop (call $casper_new_dictionary (i32.const 400)))
       ${expectRc('(call $casper_dictionary_read (i32.const 0) (i32.const 1) (i32.const 400))', 34)}`,
    );
    expect(run(env, full).success).toBe(true);
    const bad = await session(`(drop (call $casper_dictionary_read (i32.const 0) (i32.const 32) (i32.const 400)))`, [
      [0, encodeKey(dictionaryKey(SEED))],
    ]);
    expect(failure(run(env, bad))).toBe('BytesRepr');
  });
});
