// Robustness fuzz (issue 3 §6): every host function, called with random pointers, lengths,
// numbers and random or almost-valid bytes, must end the session with success or an
// ExecutionError — anything else escaping runSession is a host defect (DESIGN convention 4).
// One WAT module per host function loops over a table of argument tuples that the session reads
// from its named arg "t" (payload bytes come in "p"); a trap or revert ends the session, so the
// test runs many sessions per function and counts the calls that really reached the host.
import type { ExecutionErrorKind } from '../../runtime/engine/errors';
import { ExecutionError } from '../../runtime/engine/errors';
import { Phase, RuntimeContext } from '../../runtime/engine/context';
import { GasMeter } from '../../runtime/engine/gas';
import { GuestMemory } from '../../runtime/engine/memory';
import { TestEnv } from '../../runtime/env';
import { AddressGenerator } from '../../runtime/state/address-generator';
import { TrackingCopy } from '../../runtime/state/tracking-copy';
import { HOST_HANDLERS } from '../../runtime/host';
import type { HostHandler } from '../../runtime/host/handler';
import {
  accountKey,
  balanceKey,
  bidKey,
  CHAINSPEC_REGISTRY_KEY,
  CHECKSUM_REGISTRY_KEY,
  CLTypes,
  CLValue,
  defaultEntryPoint,
  deployInfoKey,
  dictionaryItemKey,
  encodeCLValue,
  encodeEntryPoints,
  encodeKey,
  encodeNamedKeys,
  encodePublicKey,
  encodeRuntimeArgs,
  encodeURef,
  ERA_SUMMARY_KEY,
  eraInfoKey,
  groupsAccess,
  hashKey,
  type Key,
  type NamedArg,
  SYSTEM_CONTRACT_REGISTRY_KEY,
  SYSTEM_PUBLIC_KEY,
  transferKey,
  unbondKey,
  type URef,
  urefKey,
  withdrawKey,
  Writer,
  writeURef,
} from '../../runtime/types';
import { HOST_FUNCTIONS, PRINT_FUNCTION } from '../../runtime/wasm/host-functions';
import { session } from '../helpers/wat-session';

// ---- seeded PRNG (mulberry32) ----
class Rng {
  constructor(private s: number) {}
  u32(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
  int(n: number): number {
    return this.u32() % n;
  }
  chance(p: number): boolean {
    return this.u32() / 0x100000000 < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  bytes(n: number): Uint8Array {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i++) b[i] = this.u32() & 0xff;
    return b;
  }
}

// ---- guest memory layout ----
const MEM = 2 * 65536;
const TABLE = 1024; // the arg-tuple table ("t")
const TABLE_MAX = 16 * 1024;
const SCRATCH = 20 * 1024; // outputs land here (and anywhere else)
const PAYLOAD = 32 * 1024; // the payload items ("p")
const PAYLOAD_MAX = 48 * 1024;

/** What each parameter is: an input (ptr, size) pair of some encoding, an output, or a number. */
type Input =
  | 'key'
  | 'uref'
  | 'clvalue'
  | 'args'
  | 'string'
  | 'hash'
  | 'u512'
  | 'optu64'
  | 'optu32'
  | 'urefset'
  | 'entrypoints'
  | 'namedkeys'
  | 'item'
  | 'rawname'
  | 'bytes';
type Param = { in: Input } | 'out' | 'outpair' | 'num';

const I = (k: Input): Param => ({ in: k });
/** Parameter shapes of every host function (casper-vm1-abi.md §2). */
const SHAPES: Record<string, readonly Param[]> = {
  casper_read_value: [I('key'), 'out'],
  casper_dictionary_get: [I('uref'), I('item'), 'out'],
  casper_dictionary_read: [I('key'), 'out'],
  casper_dictionary_put: [I('uref'), I('item'), I('clvalue')],
  casper_new_dictionary: ['out'],
  casper_write: [I('key'), I('clvalue')],
  casper_add: [I('key'), I('clvalue')],
  casper_new_uref: ['out', I('clvalue')],
  casper_load_named_keys: ['out', 'out'],
  casper_ret: [I('clvalue')],
  casper_get_key: [I('string'), 'outpair', 'out'],
  casper_has_key: [I('string')],
  casper_put_key: [I('string'), I('key')],
  casper_remove_key: [I('string')],
  casper_revert: ['num'],
  casper_is_valid_uref: [I('uref')],
  casper_add_associated_key: [I('hash'), 'num'],
  casper_remove_associated_key: [I('hash')],
  casper_update_associated_key: [I('hash'), 'num'],
  casper_set_action_threshold: ['num', 'num'],
  casper_get_caller: ['out'],
  casper_get_blocktime: ['out'],
  casper_create_purse: ['outpair'],
  casper_transfer_to_account: [I('hash'), I('u512'), I('optu64'), 'out'],
  casper_transfer_from_purse_to_account: [I('uref'), I('hash'), I('u512'), I('optu64'), 'out'],
  casper_transfer_from_purse_to_purse: [I('uref'), I('uref'), I('u512'), I('optu64')],
  casper_get_balance: [I('uref'), 'out'],
  casper_get_phase: ['out'],
  casper_get_system_contract: ['num', 'outpair'],
  casper_get_main_purse: ['out'],
  casper_read_host_buffer: ['outpair', 'out'],
  casper_create_contract_package_at_hash: ['out', 'out', 'num'],
  casper_create_contract_user_group: [I('hash'), I('string'), 'num', I('urefset'), 'out'],
  casper_add_contract_version: [I('hash'), 'out', I('entrypoints'), I('namedkeys'), 'outpair', 'out'],
  casper_disable_contract_version: [I('hash'), I('hash')],
  casper_enable_contract_version: [I('hash'), I('hash')],
  casper_call_contract: [I('hash'), I('string'), I('args'), 'out'],
  casper_call_versioned_contract: [I('hash'), I('optu32'), I('string'), I('args'), 'out'],
  casper_get_named_arg_size: [I('rawname'), 'out'],
  casper_get_named_arg: [I('rawname'), 'outpair'],
  casper_remove_contract_user_group: [I('hash'), I('string')],
  casper_provision_contract_user_group_uref: [I('hash'), I('string'), 'out'],
  casper_remove_contract_user_group_urefs: [I('hash'), I('string'), I('urefset')],
  casper_blake2b: [I('bytes'), 'outpair'],
  casper_random_bytes: ['outpair'],
  casper_load_call_stack: ['out', 'out'],
  casper_load_authorization_keys: ['out', 'out'],
  casper_record_transfer: Array<Param>(10).fill('num'),
  casper_record_era_info: Array<Param>(4).fill('num'),
  casper_print: [I('string')],
};

/** Functions whose every call ends the session: one call per session. */
const ALWAYS_ENDS = new Set(['casper_ret', 'casper_revert', 'casper_record_transfer', 'casper_record_era_info']);

const FUNCTIONS = [...HOST_FUNCTIONS, PRINT_FUNCTION];
const arity = (shape: readonly Param[]) => shape.reduce((n, p) => n + (p === 'out' || p === 'num' ? 1 : 2), 0);

/** The engine errors a 1.5.6 node reports (`core/execution/error.rs`) that the emulator emits. */
const NODE_KINDS: ReadonlySet<ExecutionErrorKind> = new Set<ExecutionErrorKind>([
  'Revert',
  'Interpreter',
  'BytesRepr',
  'GasLimit',
  'ForgedReference',
  'InvalidAccess',
  'KeyNotFound',
  'AccountNotFound',
  'TypeMismatch',
  'InvalidContext',
  'FunctionNotFound',
  'NoSuchMethod',
  'LockedContract',
  'DisabledContract',
  'InvalidContractVersion',
  'NoActiveContractVersions',
  'RuntimeStackOverflow',
  'IncompatibleProtocolMajorVersion',
  'ExpectedReturnValue',
  'DictionaryItemKeyExceedsLength',
  'UnexpectedStoredValueVariant',
  'CLValue',
  'InvalidContractWasm',
  'MissingArgument',
]);

/** The fuzz module: reads "t" (tuples of i32) and "p" (payload), then calls `name` per tuple. */
function fuzzModule(name: string, params: number, result: boolean): Promise<Uint8Array> {
  const loads = Array.from({ length: params }, (_, i) => `(i32.load offset=${i * 4} (local.get $p))`).join(' ');
  const call = `(call $${name} ${loads})`;
  return session(
    `(local $p i32) (local $end i32)
     (drop (call $casper_get_named_arg_size (i32.const 16) (i32.const 1) (i32.const 0)))
     (drop (call $casper_get_named_arg (i32.const 16) (i32.const 1) (i32.const ${TABLE}) (i32.load (i32.const 0))))
     (drop (call $casper_get_named_arg_size (i32.const 17) (i32.const 1) (i32.const 4)))
     (drop (call $casper_get_named_arg (i32.const 17) (i32.const 1) (i32.const ${PAYLOAD}) (i32.load (i32.const 4))))
     (local.set $p (i32.const ${TABLE}))
     (local.set $end (i32.add (i32.const ${TABLE}) (i32.load (i32.const 0))))
     (block $done (loop $next
       (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
       ${result ? `(drop ${call})` : call}
       (local.set $p (i32.add (local.get $p) (i32.const ${params * 4})))
       (br $next)))`,
    [[16, Uint8Array.of(0x74, 0x70)]], // "t", "p"
  );
}

/** A setup session: a contract package (hash under "pkg", access URef "access"), a dictionary "dict", a u64 URef "num". */
async function setupEnv(): Promise<TestEnv> {
  const env = new TestEnv();
  const str = (s: string) => new Writer().string(s).finish();
  const wasm = await session(
    `(call $casper_create_contract_package_at_hash (i32.const 101) (i32.const 201) (i32.const 0))
     (i32.store8 (i32.const 100) (i32.const 1))
     (call $casper_put_key (i32.const 300) (i32.const 7) (i32.const 100) (i32.const 33))
     (i32.store8 (i32.const 200) (i32.const 2)) (i32.store8 (i32.const 233) (i32.const 7))
     (call $casper_put_key (i32.const 310) (i32.const 10) (i32.const 200) (i32.const 34))
     (drop (call $casper_new_dictionary (i32.const 400)))
     (drop (call $casper_read_host_buffer (i32.const 501) (i32.const 33) (i32.const 410)))
     (i32.store8 (i32.const 500) (i32.const 2))
     (call $casper_put_key (i32.const 320) (i32.const 8) (i32.const 500) (i32.const 34))
     (call $casper_new_uref (i32.const 601) (i32.const 700) (i32.const 13))
     (i32.store8 (i32.const 600) (i32.const 2))
     (call $casper_put_key (i32.const 330) (i32.const 7) (i32.const 600) (i32.const 34))`,
    [
      [300, str('pkg')],
      [310, str('access')],
      [320, str('dict')],
      [330, str('num')],
      [700, encodeCLValue(CLValue.u64(5n))],
    ],
  );
  const r = env.runSession({ wasm });
  expect(r.error).toBeUndefined();
  expect([...env.namedKeys().keys()].sort()).toEqual(['access', 'dict', 'num', 'pkg']);
  return env;
}

/** Valid encodings of every input kind, from the environment's real values plus a few made-up ones. */
function validPools(env: TestEnv, rng: Rng): Record<Input, Uint8Array[]> {
  const nk = env.namedKeys();
  const pkg = (nk.get('pkg') as { addr: Uint8Array }).addr;
  const uref = (name: string) => (nk.get(name) as { uref: URef }).uref;
  const main = env.account()!.mainPurse;
  const s = env.services.system;
  const systemHashes = [s.mint, s.handlePayment, s.standardPayment, s.auction];
  const hashes = [env.defaultAccountHash, pkg, ...systemHashes, new Uint8Array(32), rng.bytes(32), main.addr];
  const urefs: URef[] = [];
  for (const u of [main, uref('access'), uref('dict'), uref('num')])
    for (const rights of [0, 1, 2, 3, 4, 5, 6, 7]) urefs.push({ addr: u.addr, rights });
  urefs.push({ addr: rng.bytes(32), rights: 7 });
  const keys: Key[] = [
    accountKey(env.defaultAccountHash),
    accountKey(rng.bytes(32)),
    ...hashes.map(hashKey),
    ...urefs.map(urefKey),
    balanceKey(main.addr),
    dictionaryItemKey(uref('dict').addr, new TextEncoder().encode('a')),
    SYSTEM_CONTRACT_REGISTRY_KEY,
    ERA_SUMMARY_KEY,
    CHAINSPEC_REGISTRY_KEY,
    CHECKSUM_REGISTRY_KEY,
    transferKey(rng.bytes(32)),
    deployInfoKey(rng.bytes(32)),
    eraInfoKey(0n),
    bidKey(env.defaultAccountHash),
    withdrawKey(env.defaultAccountHash),
    unbondKey(env.defaultAccountHash),
  ];
  const names = [
    '',
    'pkg',
    'access',
    'dict',
    'num',
    'a',
    'call',
    'transfer',
    'balance',
    'create',
    'read_base_round_reward',
    'mint',
    'get_payment_purse',
    'set_refund_purse',
    'get_refund_purse',
    'add_bid',
    'withdraw_bid',
    'delegate',
    'undelegate',
    'redelegate',
    'activate_bid',
    'group',
    'x'.repeat(200),
    'ünïcødé',
  ];
  const amounts = [0n, 1n, 2_500_000_000n, 10n ** 30n, 2n ** 512n - 1n];
  const clvalues: CLValue[] = [
    CLValue.unit(),
    CLValue.bool(true),
    CLValue.i32(-1),
    CLValue.i64(-5n),
    CLValue.u8(7),
    CLValue.u32(9),
    CLValue.u64(3n),
    CLValue.u128(2n ** 100n),
    CLValue.u256(1n),
    ...amounts.map((a) => CLValue.u512(a)),
    CLValue.string('hello'),
    ...keys.slice(0, 12).map((k) => CLValue.key(k)),
    ...urefs.filter((_, i) => i % 3 === 0).map((u) => CLValue.uref(u)),
    CLValue.tuple2StringKey('nk', keys[2]),
    CLValue.tuple2StringKey('u', urefKey(urefs[7])),
    CLValue.option(CLValue.uref(main)),
    CLValue.option(null, CLTypes.U64),
    CLValue.list(CLTypes.URef, [CLValue.uref(main), CLValue.uref(urefs[12])]),
    CLValue.bytesList(rng.bytes(5)),
    CLValue.byteArray32(env.defaultAccountHash),
    CLValue.any(rng.bytes(9)),
    CLValue.publicKey(env.defaultPublicKey),
    CLValue.tuple1(CLValue.uref(urefs[15])),
    CLValue.tuple3(CLValue.u8(1), CLValue.uref(main), CLValue.unit()),
    CLValue.result(CLTypes.Unit, CLTypes.U8, { err: CLValue.u8(3) }),
  ];
  const pk = CLValue.publicKey(env.defaultPublicKey);
  const argSets: NamedArg[][] = [
    [],
    [
      { name: 'to', value: CLValue.option(null, CLTypes.ByteArray32) },
      { name: 'source', value: CLValue.uref(main) },
      { name: 'target', value: CLValue.uref({ addr: urefs[8].addr, rights: 7 }) },
      { name: 'amount', value: CLValue.u512(1n) },
      { name: 'id', value: CLValue.option(null, CLTypes.U64) },
    ],
    [{ name: 'purse', value: CLValue.uref(main) }],
    [{ name: 'purse', value: CLValue.uref(urefs[16]) }],
    [
      { name: 'public_key', value: pk },
      { name: 'delegation_rate', value: CLValue.u8(10) },
      { name: 'amount', value: CLValue.u512(2_500_000_000n) },
    ],
    [
      { name: 'delegator', value: pk },
      { name: 'validator', value: pk },
      { name: 'amount', value: CLValue.u512(600_000_000_000n) },
    ],
    [{ name: 'public_key', value: CLValue.publicKey(SYSTEM_PUBLIC_KEY) }],
    [{ name: 'validator_public_key', value: pk }],
    [{ name: 'amount', value: CLValue.u64(1n) }],
    [{ name: 'x', value: CLValue.key(urefKey({ addr: rng.bytes(32), rights: 7 })) }],
  ];
  const str = (s: string) => new Writer().string(s).finish();
  const ep = defaultEntryPoint();
  const enc = new TextEncoder();
  return {
    key: keys.map(encodeKey),
    uref: urefs.map(encodeURef),
    clvalue: clvalues.map(encodeCLValue),
    args: argSets.map(encodeRuntimeArgs),
    string: names.map(str),
    hash: hashes,
    u512: amounts.map((a) => new Writer().u512(a).finish()),
    optu64: [Uint8Array.of(0), new Writer().option(5n, (w, v) => w.u64(v)).finish()],
    optu32: [0, 1, 2, 3].map((v) => new Writer().option(v === 0 ? null : v, (w, x) => w.u32(x)).finish()),
    urefset: [[], [main], [urefs[3], urefs[12]], urefs.slice(0, 20)].map((l) =>
      new Writer().vec(l, writeURef).finish(),
    ),
    entrypoints: [
      new Map(),
      new Map([['call', ep]]),
      new Map([['call', { ...ep, entryPointType: 1 as const }]]),
      new Map([['call', { ...ep, access: groupsAccess(['group']) }]]),
      new Map([['nope', { ...ep, name: 'nope' }]]),
    ].map(encodeEntryPoints),
    namedkeys: [new Map<string, Key>(), new Map([['a', keys[0]]]), new Map([['u', urefKey(urefs[31])]])].map(
      encodeNamedKeys,
    ),
    item: ['', 'a', 'b', 'x'.repeat(128), 'x'.repeat(129)]
      .map((s) => enc.encode(s))
      .concat([Uint8Array.of(0xff, 0xfe)]),
    rawname: ['t', 'p', 'amount', 'x', ''].map((s) => enc.encode(s)).concat([Uint8Array.of(0xc3)]),
    bytes: [rng.bytes(0), rng.bytes(31), rng.bytes(200), encodePublicKey(env.defaultPublicKey)],
  };
}

/** One payload item: valid, mutated, truncated, extended, of another kind, or random. */
function makeItem(rng: Rng, pools: Record<Input, Uint8Array[]>, kind: Input): Uint8Array {
  const roll = rng.int(100);
  const valid = rng.pick(pools[kind]);
  if (roll < 55) return valid;
  if (roll < 70 && valid.length > 0) {
    const b = valid.slice();
    b[rng.int(b.length)] = rng.int(256);
    return b;
  }
  if (roll < 80) return valid.slice(0, valid.length ? rng.int(valid.length) : 0);
  if (roll < 85) return Uint8Array.of(...valid, rng.int(256));
  if (roll < 92) {
    const kinds = Object.keys(pools) as Input[];
    return rng.pick(pools[rng.pick(kinds)]);
  }
  return rng.bytes(rng.int(80));
}

const POINTERS_FAR = [MEM, MEM + 1, 0x10000, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff];
const SIZES_ODD = [0, 1, 4, 8, 31, 32, 33, 34, 64, 1000, 100_000, 0x7fffffff, 0xffffffff];
const NUMS = [0, 1, 2, 3, 4, 5, 10, 100, 255, 256, 1000, 0x7fffffff, 0x80000000, 0xffffffff];

function outPtr(rng: Rng): number {
  const roll = rng.int(100);
  if (roll < 70) return SCRATCH + rng.int(4096);
  if (roll < 80) return MEM - rng.int(40);
  if (roll < 88) return rng.int(MEM);
  if (roll < 94) return 0;
  return rng.pick(POINTERS_FAR);
}

/** Builds one session's tuple table and payload. `benign` tuples lean on valid items and sizes. */
function makeSession(
  rng: Rng,
  shape: readonly Param[],
  pools: Record<Input, Uint8Array[]>,
  tuples: number,
  benignRate: number,
): { table: Uint8Array; payload: Uint8Array } {
  const chunks: Uint8Array[] = [];
  let payloadLen = 0;
  const place = (b: Uint8Array): number => {
    if (payloadLen + b.length > PAYLOAD_MAX) return PAYLOAD;
    chunks.push(b);
    payloadLen += b.length;
    return PAYLOAD + payloadLen - b.length;
  };
  const words: number[] = [];
  for (let t = 0; t < tuples; t++) {
    const benign = rng.chance(benignRate);
    for (const p of shape) {
      if (p === 'num') {
        words.push(benign ? rng.int(5) : rng.chance(0.5) ? rng.pick(NUMS) : rng.u32());
      } else if (p === 'out') {
        words.push(benign ? SCRATCH + rng.int(4096) : outPtr(rng));
      } else if (p === 'outpair') {
        words.push(benign ? SCRATCH + rng.int(4096) : outPtr(rng));
        words.push(benign ? rng.pick([32, 33, 34, 64, 4096]) : rng.chance(0.5) ? rng.pick(SIZES_ODD) : rng.u32());
      } else {
        const item = benign ? rng.pick(pools[p.in]) : makeItem(rng, pools, p.in);
        const at = place(item);
        const roll = benign ? 0 : rng.int(100);
        if (roll < 60) words.push(at, item.length);
        else if (roll < 70)
          words.push(at, Math.max(0, item.length + rng.pick([-1, 1]))); // one short/long
        else if (roll < 78)
          words.push(MEM - rng.int(Math.max(1, item.length + 2)), item.length); // near the end
        else if (roll < 84)
          words.push(rng.pick(POINTERS_FAR), item.length); // far out of range
        else if (roll < 88)
          words.push(0, rng.pick([0, item.length])); // null
        else if (roll < 94)
          words.push(rng.int(MEM), rng.pick(SIZES_ODD)); // anywhere, odd size
        else words.push(rng.u32(), rng.u32());
      }
    }
  }
  const table = new Uint8Array(words.length * 4);
  if (table.length > TABLE_MAX) throw new Error('table too long');
  const dv = new DataView(table.buffer);
  words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
  const payload = new Uint8Array(payloadLen);
  let o = 0;
  for (const c of chunks) {
    payload.set(c, o);
    o += c.length;
  }
  return { table, payload };
}

// ---- call counting: every handler wrapped for the duration of this file ----
const handlers = HOST_HANDLERS as Record<string, HostHandler>;
const originals: Record<string, HostHandler> = { ...HOST_HANDLERS };
const callsByName = new Map<string, number>();
beforeAll(() => {
  for (const [name, h] of Object.entries(originals)) {
    handlers[name] = (ctx, ...args) => {
      callsByName.set(name, (callsByName.get(name) ?? 0) + 1);
      return h(ctx, ...args);
    };
  }
});
afterAll(() => Object.assign(handlers, originals));
const callsOf = (name: string) => callsByName.get(name) ?? 0;

/** System-contract paths the emulator does not implement throw this (a documented limit, not a result). */
const NOT_EMULATED = /^system contract call not emulated: /;

const SEED = 0x5eed_c0de;
const SESSIONS = 60; // sessions per host function, at least
const MIN_CALLS = 150; // functions whose sessions end early get more sessions, up to MAX_SESSIONS
const MAX_SESSIONS = 150;
const MAX_TUPLES = 256; // calls per session at most
const SESSIONS_PER_ENV = 25; // a fresh environment now and then keeps global state (and stateRoot) small
/** Share of well-formed tuples in a session: some sessions run to the end, others trap early. */
const BENIGN_RATES = [1, 1, 0.99, 0.9, 0.6, 0.2];

/** Runs SESSIONS fuzz sessions of one host function; returns the number of calls that reached its handler. */
async function fuzzFunction(
  fi: number,
  name: string,
  params: number,
  result: boolean,
  kinds: Map<string, number>,
  limits: Map<string, number>,
) {
  const shape = SHAPES[name];
  expect(arity(shape)).toBe(params);
  const rng = new Rng((SEED ^ Math.imul(fi + 1, 0x9e3779b1)) >>> 0);
  const wasm = await fuzzModule(name, params, result);
  const ends = ALWAYS_ENDS.has(name);
  // The fuzz module's own reads of "t" and "p" are calls of the arg functions too, not fuzz calls.
  const setupCalls = name === 'casper_get_named_arg_size' || name === 'casper_get_named_arg' ? 2 : 0;
  let env!: TestEnv;
  let pools!: Record<Input, Uint8Array[]>;
  let root = '';
  let calls = 0;
  for (let s = 0; s < SESSIONS || (calls < MIN_CALLS && s < MAX_SESSIONS); s++) {
    if (s % SESSIONS_PER_ENV === 0) {
      env = await setupEnv();
      pools = validPools(env, rng);
      root = env.stateRoot();
    }
    const tuples = ends ? 1 : 1 + rng.int(MAX_TUPLES);
    const { table, payload } = makeSession(rng, shape, pools, tuples, rng.pick(BENIGN_RATES));
    const args: NamedArg[] = [
      { name: 't', value: CLValue.any(table) },
      { name: 'p', value: CLValue.any(payload) },
    ];
    if (rng.chance(0.5)) args.push({ name: 'amount', value: CLValue.u512(BigInt(rng.int(5)) * 1_000_000_000n) });
    const n0 = callsOf(name);
    let r;
    try {
      r = env.runSession({ wasm, args, gasLimit: rng.chance(0.1) ? 1 + rng.int(50_000_000) : undefined });
    } catch (e) {
      // The one documented emulator limit (runtime/system/dispatch.ts): thrown, never a result.
      if (!(e instanceof Error) || !NOT_EMULATED.test(e.message)) {
        throw new Error(`${name} session ${s}: a host defect escaped runSession: ${(e as Error).stack}`);
      }
      limits.set(e.message, (limits.get(e.message) ?? 0) + 1);
      calls += Math.max(0, callsOf(name) - n0 - setupCalls);
      if (env.stateRoot() !== root) throw new Error(`${name} session ${s}: a thrown session changed global state`);
      continue;
    }
    calls += Math.max(0, callsOf(name) - n0 - setupCalls);
    if (r.success) {
      root = env.stateRoot();
      continue;
    }
    if (!(r.error instanceof ExecutionError)) throw new Error(`${name} session ${s}: error is not an ExecutionError`);
    if (!NODE_KINDS.has(r.error.kind)) throw new Error(`${name} session ${s}: unexpected kind ${r.error.kind}`);
    kinds.set(r.error.kind, (kinds.get(r.error.kind) ?? 0) + 1);
    expect(r.effects).toEqual([]);
    if (env.stateRoot() !== root) throw new Error(`${name} session ${s}: a failed session changed global state`);
  }
  // The environment stays usable: a normal session succeeds afterwards.
  const normal = await session(
    `(call $casper_new_uref (i32.const 100) (i32.const 200) (i32.const 13))
     (drop (call $casper_has_key (i32.const 300) (i32.const 7)))`,
    [
      [200, encodeCLValue(CLValue.u64(1n))],
      [300, new Writer().string('num').finish()],
    ],
  );
  const ok = env.runSession({ wasm: normal });
  expect(ok.error).toBeUndefined();
  expect(ok.success).toBe(true);
  return calls;
}

/** Drives `casper_print` directly: a production node (and TestEnv) refuses to link it, so no session reaches it. */
function fuzzPrint(rng: Rng, kinds: Map<string, number>): number {
  const env = new TestEnv({ log: () => undefined });
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const ctx = new RuntimeContext(
    {
      services: env.services,
      tc: new TrackingCopy(env.state),
      gas: new GasMeter(1_000_000_000_000),
      rng: new AddressGenerator(new Uint8Array(32), Phase.Session),
      phase: Phase.Session,
      blocktime: 0n,
      deployHash: new Uint8Array(32),
      authorizationKeys: [env.defaultAccountHash],
      account: env.account()!,
      callStack: [{ tag: 0, accountHash: env.defaultAccountHash }],
      spendingLimit: 0n,
      transfers: [],
    },
    accountKey(env.defaultAccountHash),
    new Map(),
    new Map(),
    [],
    true,
  );
  ctx.memory = new GuestMemory(memory);
  const bytes = new Uint8Array(memory.buffer);
  const strings = ['', 'hello', 'ünïcødé', 'x'.repeat(300)].map((t) => new Writer().string(t).finish());
  let calls = 0;
  for (let i = 0; i < 2000; i++) {
    const valid = rng.pick(strings);
    const item = rng.chance(0.5) ? valid : makeItem(rng, { string: strings } as Record<Input, Uint8Array[]>, 'string');
    const at = rng.int(65536 - item.length);
    bytes.set(item, at);
    const ptr = rng.chance(0.8) ? at : rng.chance(0.5) ? 65536 - rng.int(8) : rng.u32();
    const size = rng.chance(0.8) ? item.length : rng.chance(0.5) ? rng.pick(SIZES_ODD) : rng.u32();
    calls++;
    try {
      handlers.casper_print(ctx, ptr, size);
    } catch (e) {
      if (!(e instanceof ExecutionError)) throw e;
      if (!NODE_KINDS.has(e.kind)) throw new Error(`casper_print: unexpected kind ${e.kind}`);
      kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    }
  }
  return calls;
}

test('fuzz: every host function with random and almost-valid inputs ends in a node result', async () => {
  expect(FUNCTIONS.map((f) => f.name).sort()).toEqual(Object.keys(SHAPES).sort());
  const kinds = new Map<string, number>();
  const limits = new Map<string, number>();
  let total = 0;
  for (const [fi, f] of HOST_FUNCTIONS.entries()) {
    const calls = await fuzzFunction(fi, f.name, f.params, f.result, kinds, limits);
    total += calls;
  }
  // A production node does not link casper_print: a session importing it fails to instantiate.
  const printing = await fuzzModule(PRINT_FUNCTION.name, PRINT_FUNCTION.params, PRINT_FUNCTION.result);
  const refused = new TestEnv().runSession({ wasm: printing });
  expect(refused.error?.message).toBe("Interpreter error: host module doesn't export function with name casper_print");
  const printCalls = fuzzPrint(new Rng(SEED), kinds);
  expect(printCalls).toBe(2000);
  total += printCalls;
  expect(total).toBeGreaterThanOrEqual(100_000);
  // The common failure kinds all came up.
  expect([...kinds.keys()]).toEqual(
    expect.arrayContaining([
      'Revert',
      'Interpreter',
      'BytesRepr',
      'GasLimit',
      'ForgedReference',
      'InvalidAccess',
      'KeyNotFound',
      'TypeMismatch',
      'InvalidContext',
      'FunctionNotFound',
      'NoSuchMethod',
      'ExpectedReturnValue',
      'DictionaryItemKeyExceedsLength',
    ]),
  );
}, 120_000);
