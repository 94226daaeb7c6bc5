// casper_get_key / has_key / put_key / remove_key / load_named_keys driven through real Wasm
// (casper-vm1-abi.md §3.3, §6.3; execution_engine runtime `load_key`/`has_key`/`put_key`/
// `remove_key`/`load_named_keys`, runtime_context `put_key`/`remove_key`). Contract-context cases
// run the module as a contract entry point: a RuntimeContext whose base key is the contract's
// Key::Hash, invoked with the same executor and host handlers as a session.
import { hostGasEnv } from '../../helpers/env';
import { Phase, type PhaseContext, RuntimeContext } from '../../../runtime/engine/context';
import { ExecutionError } from '../../../runtime/engine/errors';
import { invoke } from '../../../runtime/engine/executor';
import { GasMeter } from '../../../runtime/engine/gas';
import { type ExecutionResult, TestEnv } from '../../../runtime/env';
import { HOST_HANDLERS } from '../../../runtime/host';
import { AddressGenerator } from '../../../runtime/state/address-generator';
import { type Transform, TrackingCopy } from '../../../runtime/state/tracking-copy';
import {
  accountKey,
  CLValue,
  type Contract,
  encodeKey,
  encodeNamedKeys,
  hashKey,
  type Key,
  storedCLValue,
  storedValueSerializedLength,
  toBytes,
  urefKey,
} from '../../../runtime/types';

import { dumped, session } from '../../helpers/wat-session';

const GAS_PER_BYTE = 1_117_587;
// ---- end of helpers ----

const DH = new Uint8Array(32).fill(5);
const FORGED = new Uint8Array(32).fill(0x77);

/** bytesrepr String. */
function str(s: string): Uint8Array {
  return toBytes(s, (w, x) => w.string(x));
}

function run(env: TestEnv, wasm: Uint8Array): ExecutionResult {
  return env.runSession({ wasm, deployHash: DH });
}

function expectRc(call: string, expected: number): string {
  return `(call $check (i32.xor ${call} (i32.const ${expected})))`;
}

/** Checks in Wasm that memory at `at` holds `bytes`. */
function expectBytes(at: number, bytes: Uint8Array): string {
  return Array.from(
    bytes,
    (b, i) => `(call $check (i32.xor (i32.load8_u (i32.const ${at + i})) (i32.const ${b})))`,
  ).join(' ');
}

function failure(r: ExecutionResult): string {
  expect(r.success).toBe(false);
  return r.error!.kind;
}

function mainPurseKey(env: TestEnv, rights = 7): Key {
  return urefKey({ addr: env.account()!.mainPurse.addr, rights });
}

function accountStorage(env: TestEnv, namedKeys: Map<string, Key>): number {
  return storedValueSerializedLength({ tag: 1, account: { ...env.account()!, namedKeys } }) * GAS_PER_BYTE;
}

describe('casper_put_key', () => {
  test('§6.3: put_key("counter", Key::URef) costs 105 400 000 + 59 232 111; AddKeys on the account', async () => {
    const env = hostGasEnv();
    const key = mainPurseKey(env);
    const name = str('counter');
    const kb = encodeKey(key);
    const wasm = await session(`(call $casper_put_key (i32.const 0) (i32.const 11) (i32.const 100) (i32.const 34))`, [
      [0, name],
      [100, kb],
    ]);
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(100_000_000 + 120_000 * 11 + 120_000 * 34).toBe(105_400_000);
    expect(storedValueSerializedLength(storedCLValue(CLValue.tuple2StringKey('counter', key)))).toBe(53);
    expect(r.gasUsed).toBe(105_400_000 + 59_232_111);
    expect(r.effects).toEqual([{ key: accountKey(env.defaultAccountHash), kind: 'AddKeys' }]);
    expect([...env.namedKeys()]).toEqual([['counter', key]]);
  });

  test('the context sees it at once; a second put_key under the same name replaces it', async () => {
    const env = hostGasEnv();
    const k1 = hashKey(new Uint8Array(32).fill(1));
    const k2 = mainPurseKey(env, 1);
    const wasm = await session(
      `${expectRc('(call $casper_has_key (i32.const 0) (i32.const 5))', 1)}
       (call $casper_put_key (i32.const 0) (i32.const 5) (i32.const 100) (i32.const 33))
       ${expectRc('(call $casper_has_key (i32.const 0) (i32.const 5))', 0)}
       (call $casper_put_key (i32.const 0) (i32.const 5) (i32.const 200) (i32.const 34))
       ${expectRc('(call $casper_get_key (i32.const 0) (i32.const 5) (i32.const 300) (i32.const 34) (i32.const 400))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 34)))
       ${expectBytes(300, encodeKey(k2))}`,
      [
        [0, str('a')],
        [100, encodeKey(k1)],
        [200, encodeKey(k2)],
      ],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect([...env.namedKeys()]).toEqual([['a', k2]]);
  });

  test('forged URef → ForgedReference; malformed name or key → BytesRepr; state unchanged', async () => {
    const env = hostGasEnv();
    const cases: Array<[Uint8Array, Uint8Array, string]> = [
      [str('x'), encodeKey(urefKey({ addr: FORGED, rights: 1 })), 'ForgedReference'],
      [str('x'), encodeKey(mainPurseKey(env, 7)).subarray(0, 33), 'BytesRepr'],
      [Uint8Array.of(2, 0, 0, 0, 120), encodeKey(mainPurseKey(env, 7)), 'BytesRepr'],
      [Uint8Array.of(1, 0, 0, 0, 0xff), encodeKey(mainPurseKey(env, 7)), 'BytesRepr'],
    ];
    for (const [name, kb, kind] of cases) {
      const wasm = await session(
        `(call $casper_put_key (i32.const 0) (i32.const ${name.length}) (i32.const 100) (i32.const ${kb.length}))`,
        [
          [0, name],
          [100, kb],
        ],
      );
      const root = env.stateRoot();
      const r = run(env, wasm);
      expect(failure(r)).toBe(kind);
      expect(env.stateRoot()).toBe(root);
      // host cost is charged before decoding
      expect(r.gasUsed).toBeGreaterThanOrEqual(100_000_000);
    }
  });
});

describe('casper_get_key / casper_has_key', () => {
  test('codes: 24 missing, 32 buffer too small (nothing written), 0 with the Key bytes and length', async () => {
    const env = hostGasEnv();
    const u = mainPurseKey(env);
    const h = hashKey(new Uint8Array(32).fill(3));
    const acct = env.account()!;
    env.state.put(accountKey(env.defaultAccountHash), {
      tag: 1,
      account: {
        ...acct,
        namedKeys: new Map([
          ['u', u],
          ['h', h],
        ]),
      },
    });
    const wasm = await session(
      `${expectRc('(call $casper_get_key (i32.const 20) (i32.const 5) (i32.const 300) (i32.const 34) (i32.const 400))', 24)}
       ${expectRc('(call $casper_get_key (i32.const 0) (i32.const 5) (i32.const 300) (i32.const 33) (i32.const 400))', 32)}
       (call $check (i32.load8_u (i32.const 300)))
       (call $check (i32.load (i32.const 400)))
       ${expectRc('(call $casper_get_key (i32.const 10) (i32.const 5) (i32.const 300) (i32.const 33) (i32.const 400))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 33)))
       ${expectBytes(300, encodeKey(h))}
       ${expectRc('(call $casper_get_key (i32.const 0) (i32.const 5) (i32.const 500) (i32.const 1000) (i32.const 400))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 34)))
       ${expectBytes(500, encodeKey(u))}
       ${expectRc('(call $casper_has_key (i32.const 0) (i32.const 5))', 0)}
       ${expectRc('(call $casper_has_key (i32.const 20) (i32.const 5))', 1)}`,
      [
        [0, str('u')],
        [10, str('h')],
        [20, str('z')],
      ],
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(4 * (2_000 + 440 * 5) + 2 * (1_500 + 840 * 5));
  });

  test('malformed name traps BytesRepr; output out of bounds traps Interpreter', async () => {
    const env = hostGasEnv();
    const mp = mainPurseKey(env);
    env.state.put(accountKey(env.defaultAccountHash), {
      tag: 1,
      account: { ...env.account()!, namedKeys: new Map([['u', mp]]) },
    });
    for (const [body, kind] of [
      [
        '(drop (call $casper_get_key (i32.const 0) (i32.const 4) (i32.const 300) (i32.const 34) (i32.const 400)))',
        'BytesRepr',
      ],
      ['(drop (call $casper_has_key (i32.const 0) (i32.const 6)))', 'BytesRepr'],
      [
        '(drop (call $casper_get_key (i32.const 0) (i32.const 5) (i32.const 65530) (i32.const 34) (i32.const 400)))',
        'Interpreter',
      ],
      [
        '(drop (call $casper_get_key (i32.const 0) (i32.const 5) (i32.const 300) (i32.const 34) (i32.const 65534)))',
        'Interpreter',
      ],
    ] as const) {
      expect(failure(run(env, await session(body, [[0, str('u')]])))).toBe(kind);
    }
  });
});

describe('casper_remove_key', () => {
  test('account context: rewrites the whole Account, storage gas on it, even when the name is absent', async () => {
    const env = hostGasEnv();
    const mp = mainPurseKey(env);
    const h = hashKey(new Uint8Array(32).fill(3));
    env.state.put(accountKey(env.defaultAccountHash), {
      tag: 1,
      account: {
        ...env.account()!,
        namedKeys: new Map([
          ['u', mp],
          ['h', h],
        ]),
      },
    });
    const present = await session(
      `(call $casper_remove_key (i32.const 0) (i32.const 5))
       ${expectRc('(call $casper_has_key (i32.const 0) (i32.const 5))', 1)}`,
      [[0, str('u')]],
    );
    let r = run(env, present);
    expect(r.success).toBe(true);
    const left = new Map([['h', h]]);
    expect(r.gasUsed).toBe(61_000 + 3_200 * 5 + accountStorage(env, left) + 1_500 + 840 * 5);
    expect([...env.namedKeys()]).toEqual([...left]);
    expect(r.effects).toEqual([{ key: accountKey(env.defaultAccountHash), kind: 'Write' }]);

    const absent = await session(`(call $casper_remove_key (i32.const 0) (i32.const 8))`, [[0, str('nope')]]);
    r = run(env, absent);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(61_000 + 3_200 * 8 + accountStorage(env, left));
    expect(r.effects).toEqual([{ key: accountKey(env.defaultAccountHash), kind: 'Write' }]);
    expect([...env.namedKeys()]).toEqual([...left]);
  });

  test('malformed name traps BytesRepr, state unchanged', async () => {
    const env = hostGasEnv();
    const root = env.stateRoot();
    const r = run(env, await session(`(call $casper_remove_key (i32.const 0) (i32.const 3))`, [[0, str('u')]]));
    expect(failure(r)).toBe('BytesRepr');
    expect(r.gasUsed).toBe(61_000 + 3_200 * 3);
    expect(env.stateRoot()).toBe(root);
  });
});

describe('casper_load_named_keys', () => {
  test('no keys: count 0, returns 0, host buffer and size untouched', async () => {
    const env = hostGasEnv();
    const wasm = await session(
      `(i32.store (i32.const 400) (i32.const 0xabcdef))
       (i32.store (i32.const 404) (i32.const 0x123456))
       ${expectRc('(call $casper_load_named_keys (i32.const 400) (i32.const 404))', 0)}
       (call $check (i32.load (i32.const 400)))
       (call $check (i32.xor (i32.load (i32.const 404)) (i32.const 0x123456)))
       ${expectRc('(call $casper_read_host_buffer (i32.const 1000) (i32.const 100) (i32.const 408))', 33)}`,
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(r.gasUsed).toBe(42_000 + 3_500 + 310 * 100);
  });

  test('keys: count, Map(String, Key) sorted by name in the buffer, inner size; full buffer → 34', async () => {
    const env = hostGasEnv();
    const nk = new Map<string, Key>([
      ['zeta', hashKey(new Uint8Array(32).fill(9))],
      ['alpha', mainPurseKey(env, 1)],
      ['Beta', hashKey(new Uint8Array(32).fill(2))],
    ]);
    env.state.put(accountKey(env.defaultAccountHash), { tag: 1, account: { ...env.account()!, namedKeys: nk } });
    const expected = encodeNamedKeys(nk);
    const wasm = await session(
      `${expectRc('(call $casper_load_named_keys (i32.const 400) (i32.const 404))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 3)))
       (call $check (i32.xor (i32.load (i32.const 404)) (i32.const ${expected.length})))
       (i32.store (i32.const 400) (i32.const 77))
       ${expectRc('(call $casper_load_named_keys (i32.const 400) (i32.const 404))', 34)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 77)))
       (call $dumpbuf)`,
    );
    const r = run(env, wasm);
    expect(r.success).toBe(true);
    expect(dumped(env)).toEqual(expected);
    expect(new TextDecoder().decode(expected.subarray(8, 12))).toBe('Beta');
  });
});

describe('contract context (base key Key::Hash)', () => {
  const CONTRACT = new Uint8Array(32).fill(0xc0);

  function install(env: TestEnv, namedKeys: Map<string, Key>): Contract {
    const contract: Contract = {
      contractPackageHash: new Uint8Array(32).fill(0xc1),
      contractWasmHash: new Uint8Array(32).fill(0xc2),
      namedKeys,
      entryPoints: new Map(),
      protocolVersion: { major: 1, minor: 5, patch: 6 },
    };
    env.state.put(hashKey(CONTRACT), { tag: 3, contract });
    return contract;
  }

  /** Runs `call` of `wasm` as an entry point of the installed contract; commits on success. */
  function runInContract(
    env: TestEnv,
    wasm: Uint8Array,
  ): { error?: ExecutionError; gasUsed: number; effects: Transform[]; ctx: RuntimeContext } {
    const tc = new TrackingCopy(env.state);
    const gas = new GasMeter(1e15);
    const stored = env.query(hashKey(CONTRACT));
    if (stored?.tag !== 3) throw new Error('no contract');
    const phase: PhaseContext = {
      services: env.services,
      tc,
      gas,
      rng: new AddressGenerator(DH, Phase.Session),
      phase: Phase.Session,
      blocktime: 0n,
      deployHash: DH,
      authorizationKeys: [env.defaultAccountHash],
      account: env.account()!,
      callStack: [
        { tag: 0, accountHash: env.defaultAccountHash },
        { tag: 2, contractPackageHash: stored.contract.contractPackageHash, contractHash: CONTRACT },
      ],
      spendingLimit: 0n,
      transfers: [],
    };
    const rights = new Map<string, number>();
    for (const k of stored.contract.namedKeys.values()) {
      if (k.tag === 2) rights.set(Buffer.from(k.uref.addr).toString('hex'), k.uref.rights);
    }
    const ctx = new RuntimeContext(phase, hashKey(CONTRACT), new Map(stored.contract.namedKeys), rights, [], false);
    const prepared = env.services.modules.prepare(wasm);
    if (prepared instanceof ExecutionError) throw prepared;
    try {
      invoke(prepared, 'call', ctx, HOST_HANDLERS);
    } catch (e) {
      if (e instanceof ExecutionError) return { error: e, gasUsed: gas.used, effects: [], ctx };
      throw e;
    }
    const effects = tc.effects();
    tc.commit();
    return { gasUsed: gas.used, effects, ctx };
  }

  test('put_key adds to the Contract record (AddKeys), remove_key rewrites it only if the name existed', async () => {
    const env = hostGasEnv();
    const h = hashKey(new Uint8Array(32).fill(4));
    const contract = install(env, new Map([['old', h]]));
    const k = hashKey(new Uint8Array(32).fill(6));
    const put = await session(
      `(call $casper_put_key (i32.const 0) (i32.const 7) (i32.const 100) (i32.const 33))
       ${expectRc('(call $casper_has_key (i32.const 0) (i32.const 7))', 0)}
       ${expectRc('(call $casper_has_key (i32.const 20) (i32.const 7))', 0)}`,
      [
        [0, str('new')],
        [20, str('old')],
        [100, encodeKey(k)],
      ],
    );
    let r = runInContract(env, put);
    expect(r.error).toBeUndefined();
    const tuple = storedValueSerializedLength(storedCLValue(CLValue.tuple2StringKey('new', k)));
    expect(r.gasUsed).toBe(100_000_000 + 120_000 * 7 + 120_000 * 33 + tuple * GAS_PER_BYTE + 2 * (1_500 + 840 * 7));
    expect(r.effects).toEqual([{ key: hashKey(CONTRACT), kind: 'AddKeys' }]);
    const after = env.query(hashKey(CONTRACT));
    expect(after?.tag === 3 && after.contract.namedKeys).toEqual(
      new Map([
        ['new', k],
        ['old', h],
      ]),
    );
    expect(env.namedKeys().size).toBe(0); // the account is untouched

    const remove = await session(
      `(call $casper_remove_key (i32.const 0) (i32.const 8))
       (call $casper_remove_key (i32.const 20) (i32.const 7))
       ${expectRc('(call $casper_has_key (i32.const 20) (i32.const 7))', 1)}`,
      [
        [0, str('none')],
        [20, str('old')],
      ],
    );
    r = runInContract(env, remove);
    expect(r.error).toBeUndefined();
    const rewritten = { ...contract, namedKeys: new Map([['new', k]]) };
    expect(r.gasUsed).toBe(
      61_000 +
        3_200 * 8 +
        61_000 +
        3_200 * 7 +
        storedValueSerializedLength({ tag: 3, contract: rewritten }) * GAS_PER_BYTE +
        1_500 +
        840 * 7,
    );
    expect(r.effects).toEqual([{ key: hashKey(CONTRACT), kind: 'Write' }]);
    const final = env.query(hashKey(CONTRACT));
    expect(final?.tag === 3 && [...final.contract.namedKeys]).toEqual([['new', k]]);
  });

  test('remove_key of an absent name writes nothing; load_named_keys lists the contract’s keys', async () => {
    const env = hostGasEnv();
    const nk = new Map<string, Key>([['b', hashKey(new Uint8Array(32).fill(4))]]);
    install(env, nk);
    const wasm = await session(
      `(call $casper_remove_key (i32.const 0) (i32.const 5))
       ${expectRc('(call $casper_load_named_keys (i32.const 400) (i32.const 404))', 0)}
       (call $check (i32.xor (i32.load (i32.const 400)) (i32.const 1)))
       (call $check (i32.xor (i32.load (i32.const 404)) (i32.const ${encodeNamedKeys(nk).length})))`,
      [[0, str('a')]],
    );
    const r = runInContract(env, wasm);
    expect(r.error).toBeUndefined();
    expect(r.gasUsed).toBe(61_000 + 3_200 * 5 + 42_000);
    expect(r.effects).toEqual([{ key: hashKey(CONTRACT), kind: 'Identity' }]);
  });

  test('put_key of a URef the contract does not hold → ForgedReference', async () => {
    const env = hostGasEnv();
    install(env, new Map());
    const wasm = await session(`(call $casper_put_key (i32.const 0) (i32.const 5) (i32.const 100) (i32.const 34))`, [
      [0, str('p')],
      [100, encodeKey(mainPurseKey(env, 1))],
    ]);
    const r = runInContract(env, wasm);
    expect(r.error?.kind).toBe('ForgedReference');
  });
});
