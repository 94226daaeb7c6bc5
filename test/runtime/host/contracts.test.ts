import { hostGasEnv } from '../../helpers/env';
/**
 * Contract host functions (casper-vm1-abi.md §3.8, §3.4, §3.2) driven through WAT sessions:
 * packages, versions, user groups, call_contract / call_versioned_contract, ret, and JS stubs.
 */

import { callContract } from '../../../runtime/engine/call';
import { TestEnv } from '../../../runtime/env';
import { installStub, revertError } from '../../../runtime/stubs';
import { storageCost } from '../../../runtime/costs';
import { bytesToHex, bytesEqual } from '../../../runtime/types/bytes';
import { CLValue } from '../../../runtime/types/clvalue';
import {
  encodeEntryPoints,
  entryPointsFrom,
  groupsAccess,
  PUBLIC_ACCESS,
  type EntryPoint,
  type EntryPointAccess,
} from '../../../runtime/types/entry-points';
import { CLTypes } from '../../../runtime/types/cltype';
import { hashKey, urefKey, type Key } from '../../../runtime/types/key';
import { encodeNamedKeys } from '../../../runtime/types/named-keys';
import { encodeRuntimeArgs, runtimeArgs, type RuntimeArgs } from '../../../runtime/types/runtime-args';
import { storedValueSerializedLength, type StoredValue } from '../../../runtime/types/stored-value';
import { encodeURef, newURef, type URef } from '../../../runtime/types/uref';
import { toBytes } from '../../../runtime/types/bytesrepr';
import type { Contract, ContractPackage } from '../../../runtime/types/contract';
import type { ExecutionResult } from '../../../runtime/env';
import { moduleFromEntryPoints } from '../../../runtime/wasm/optimize';

// ------------------------------------------------------------------------------------------
// WAT building

let wabt: { parseWat: (name: string, text: string) => { toBinary: (o: object) => { buffer: Uint8Array } } };
beforeAll(async () => {
  wabt = await require('wabt')();
});

const IMPORTS: readonly [string, number, boolean][] = [
  ['casper_create_contract_package_at_hash', 3, false],
  ['casper_add_contract_version', 10, true],
  ['casper_disable_contract_version', 4, true],
  ['casper_enable_contract_version', 4, true],
  ['casper_create_contract_user_group', 8, true],
  ['casper_provision_contract_user_group_uref', 5, true],
  ['casper_remove_contract_user_group', 4, true],
  ['casper_remove_contract_user_group_urefs', 6, true],
  ['casper_call_contract', 7, true],
  ['casper_call_versioned_contract', 9, true],
  ['casper_ret', 2, false],
  ['casper_revert', 1, false],
  ['casper_read_host_buffer', 3, true],
  ['casper_get_named_arg', 4, true],
  ['casper_load_call_stack', 2, true],
];

// Scratch addresses.
const PKG = 0x100;
const ACCESS = 0x120;
const VER = 0x140;
const CHASH = 0x160;
const WRITTEN = 0x180;
const SIZE = 0x190;
const LEN = 0x1a0;
const BUF = 0x200;
const HASHARG = 0x700;
const PKGARG = 0x740;
const OUT = 0x800;

const utf8 = (s: string) => new TextEncoder().encode(s);
const str = (s: string) => toBytes(s, (w, v) => w.string(v), 16);

/** Static data placed from 0x1000 on. */
class Data {
  private next = 0x1000;
  readonly segments: string[] = [];
  private readonly cache = new Map<string, [number, number]>();

  put(bytes: Uint8Array): [number, number] {
    const id = bytesToHex(bytes);
    const hit = this.cache.get(id);
    if (hit) return hit;
    const at = this.next;
    const esc = [...bytes].map((b) => '\\' + b.toString(16).padStart(2, '0')).join('');
    this.segments.push(`(data (i32.const ${at}) "${esc}")`);
    this.next += (bytes.length + 8) & ~7;
    const r: [number, number] = [at, bytes.length];
    this.cache.set(id, r);
    return r;
  }
  /** A bytesrepr String. */
  s(text: string): string {
    const [a, n] = this.put(str(text));
    return `(i32.const ${a}) (i32.const ${n})`;
  }
  /** Raw bytes as (ptr, len). */
  b(bytes: Uint8Array): string {
    const [a, n] = this.put(bytes);
    return `(i32.const ${a}) (i32.const ${n})`;
  }
  /** Pointer only. */
  p(bytes: Uint8Array): number {
    return this.put(bytes)[0];
  }
}

const ok = (expr: string) =>
  `(local.set $r ${expr}) (if (local.get $r) (then (call $casper_revert (i32.add (i32.const 65536) (local.get $r)))))`;
const report = (expr: string) => `(call $casper_revert (i32.add (i32.const 65536) ${expr}))`;
const drain = `(drop (call $casper_read_host_buffer (i32.const ${BUF}) (i32.const 0x400) (i32.const ${WRITTEN})))`;
const c = (n: number) => `(i32.const ${n})`;

// The contract every module carries.
const MINE: URef = newURef(new Uint8Array(32).fill(0x4d), 7);
const SELF_ARGS_TEMPLATE = encodeRuntimeArgs(runtimeArgs({ self: CLValue.byteArray32(new Uint8Array(32)) }));
const EMPTY_ARGS = encodeRuntimeArgs([]);

function ep(name: string, type: 0 | 1, access: EntryPointAccess = PUBLIC_ACCESS): EntryPoint {
  return { name, args: [], ret: CLTypes.Unit, access, entryPointType: type };
}

const ENTRY_POINTS = entryPointsFrom([
  ep('get_u64', 1),
  ep('get_uref', 1),
  ep('check_arg', 1),
  ep('sess', 0),
  ep('leftover', 1),
  ep('recurse', 1),
  ep('grouped', 1, groupsAccess(['admins'])),
  ep('nogroups', 1, groupsAccess([])),
  ep('to_session', 1),
]);
const NAMED_KEYS = new Map<string, Key>([['mine', urefKey(MINE)]]);

function contractFunctions(d: Data): Record<string, string> {
  const selfArgs = d.p(SELF_ARGS_TEMPLATE);
  return {
    get_u64: `(call $casper_ret ${d.b(CLValue.u64(42n).encode())})`,
    get_uref: `(call $casper_ret ${d.b(CLValue.uref(MINE).encode())})`,
    check_arg: '',
    sess: `${ok(`(call $casper_load_call_stack ${c(LEN)} ${c(SIZE)})`)} ${drain}
      (i32.store ${c(OUT)} ${c(4)}) (i32.store ${c(OUT + 4)} (i32.load ${c(SIZE)})) (i32.store8 ${c(OUT + 8)} ${c(4)})
      (call $casper_ret ${c(OUT)} ${c(9)})`,
    leftover: `(drop (call $casper_load_call_stack ${c(LEN)} ${c(SIZE)}))`,
    recurse: `${ok(`(call $casper_get_named_arg ${d.b(utf8('self'))} ${c(selfArgs + 16)} ${c(32)})`)}
      ${ok(`(call $casper_call_contract ${c(selfArgs + 16)} ${c(32)} ${d.s('recurse')} ${c(selfArgs)} ${c(SELF_ARGS_TEMPLATE.length)} ${c(SIZE)})`)}`,
    grouped: '',
    nogroups: '',
    to_session: `${ok(`(call $casper_get_named_arg ${d.b(utf8('self'))} ${c(HASHARG)} ${c(32)})`)}
      ${ok(`(call $casper_call_contract ${c(HASHARG)} ${c(32)} ${d.s('sess')} ${d.b(EMPTY_ARGS)} ${c(SIZE)})`)}`,
  };
}

/** A module exporting `call` (from `body(d)`) and every contract entry point. */
function wasm(body: (d: Data) => string): Uint8Array {
  const d = new Data();
  const funcs = { ...contractFunctions(d), call: body(d) };
  const imports = IMPORTS.map(
    ([name, n, res]) =>
      `(import "env" "${name}" (func $${name} (param${' i32'.repeat(n)})${res ? ' (result i32)' : ''}))`,
  ).join('\n');
  const bodies = Object.entries(funcs)
    .map(([name, b]) => `(func $${name} (export "${name}") (local $r i32) ${b})`)
    .join('\n');
  const text = `(module\n${imports}\n(memory 1)\n${d.segments.join('\n')}\n${bodies})`;
  return new Uint8Array(wabt.parseWat('t.wat', text).toBinary({}).buffer);
}

// Common snippets.
const createPkg = (locked = 0) => `(call $casper_create_contract_package_at_hash ${c(PKG)} ${c(ACCESS)} ${c(locked)})`;
const addVersion = (d: Data, eps = ENTRY_POINTS, nk: ReadonlyMap<string, Key> = NAMED_KEYS, outSize = 32) =>
  `(call $casper_add_contract_version ${c(PKG)} ${c(32)} ${c(VER)} ${d.b(encodeEntryPoints(eps))} ${d.b(
    encodeNamedKeys(nk),
  )} ${c(CHASH)} ${c(outSize)} ${c(WRITTEN)})`;
const callAt = (d: Data, hashPtr: number, entry: string, args: Uint8Array = EMPTY_ARGS) =>
  `(call $casper_call_contract ${c(hashPtr)} ${c(32)} ${d.s(entry)} ${d.b(args)} ${c(SIZE)})`;
const hashArg = (d: Data) => ok(`(call $casper_get_named_arg ${d.b(utf8('hash'))} ${c(HASHARG)} ${c(32)})`);
const pkgArg = (d: Data) => ok(`(call $casper_get_named_arg ${d.b(utf8('pkg'))} ${c(PKGARG)} ${c(32)})`);
const createGroup = (d: Data, label: string, n: number, existing: readonly URef[] = []) =>
  `(call $casper_create_contract_user_group ${c(PKG)} ${c(32)} ${d.s(label)} ${c(n)} ${d.b(
    toBytes(existing, (w, l) => w.vec(l, (x, u) => x.raw(encodeURef(u))), 64),
  )} ${c(SIZE)})`;

function userCode(res: ExecutionResult): number | undefined {
  expect(res.error?.kind).toBe('Revert');
  return res.error!.apiError!.code - 65536;
}

function installed(env: TestEnv, res: ExecutionResult): { contractHash: Uint8Array; packageHash: Uint8Array } {
  expect(res.error).toBeUndefined();
  let contractHash: Uint8Array | undefined;
  let packageHash: Uint8Array | undefined;
  for (const t of res.effects) {
    if (t.key.tag !== 1) continue;
    const v = env.query(t.key);
    if (v?.tag === 3) contractHash = t.key.addr;
    if (v?.tag === 4) packageHash = t.key.addr;
  }
  return { contractHash: contractHash!, packageHash: packageHash! };
}

function install(env: TestEnv): { contractHash: Uint8Array; packageHash: Uint8Array; bytes: Uint8Array } {
  const bytes = wasm((d) => `${createPkg()} ${ok(addVersion(d))}`);
  const res = env.runSession({ wasm: bytes });
  return { ...installed(env, res), bytes };
}

function contractAt(env: TestEnv, hash: Uint8Array): Contract {
  const v = env.query(hashKey(hash));
  if (v?.tag !== 3) throw new Error('no contract');
  return v.contract;
}

function packageAt(env: TestEnv, hash: Uint8Array): ContractPackage {
  const v = env.query(hashKey(hash));
  if (v?.tag !== 4) throw new Error('no package');
  return v.contractPackage;
}

const hashArgs = (h: Uint8Array): RuntimeArgs => runtimeArgs({ hash: CLValue.byteArray32(h) });

/** Runs a failing session and checks that it left global state as it was. */
function runFailing(env: TestEnv, req: Parameters<TestEnv['runSession']>[0]): ExecutionResult {
  const before = env.stateRoot();
  const res = env.runSession(req);
  expect(res.success).toBe(false);
  expect(env.stateRoot()).toBe(before);
  return res;
}

const storage = (env: TestEnv, v: StoredValue) =>
  Number(storageCost(env.services.costs, storedValueSerializedLength(v)));

// ------------------------------------------------------------------------------------------

describe('packages and versions', () => {
  test('create_contract_package_at_hash writes the package and its access URef, with exact gas', () => {
    const env = hostGasEnv();
    const res = env.runSession({ wasm: wasm(() => createPkg(1)) });
    expect(res.success).toBe(true);
    const pkgKey = res.effects.find((t) => t.key.tag === 1)!.key as { tag: 1; addr: Uint8Array };
    const pkg = packageAt(env, pkgKey.addr);
    expect(pkg.locked).toBe(true);
    expect(pkg.versions).toEqual([]);
    expect(pkg.accessKey.rights).toBe(7);
    expect(env.queryCLValue(urefKey(pkg.accessKey))?.clType).toEqual(CLTypes.Unit);
    expect(res.gasUsed).toBe(200 + 53 * 1_117_587);
  });

  test('add_contract_version stores Wasm, Contract and package; outputs; exact gas', () => {
    const env = hostGasEnv();
    const { contractHash, packageHash, bytes } = install(env);
    const contract = contractAt(env, contractHash);
    expect(bytesEqual(contract.contractPackageHash, packageHash)).toBe(true);
    expect(encodeEntryPoints(contract.entryPoints)).toEqual(encodeEntryPoints(ENTRY_POINTS));
    expect(contract.namedKeys).toEqual(NAMED_KEYS);
    expect(contract.protocolVersion).toEqual({ major: 1, minor: 5, patch: 6 });
    const wasmRecord = env.query(hashKey(contract.contractWasmHash));
    // Stored as the node stores it: the preprocessed module pruned to the entry points.
    const prepared = env.services.modules.prepare(bytes);
    if (prepared instanceof Error) throw prepared;
    const pruned = moduleFromEntryPoints(prepared.instrumented!, [...ENTRY_POINTS.keys()].sort());
    if ('error' in pruned) throw new Error(pruned.name);
    expect(wasmRecord?.tag === 2 && bytesEqual(wasmRecord.contractWasm, pruned)).toBe(true);
    expect(pruned.length).not.toBe(bytes.length);
    const pkg = packageAt(env, packageHash);
    expect(pkg.versions).toEqual([{ protocolVersionMajor: 1, contractVersion: 1, contractHash }]);

    // Gas: both host calls plus storage of the URef, empty package, Wasm, Contract, package.
    const epSize = encodeEntryPoints(ENTRY_POINTS).length;
    const emptyPkg: StoredValue = { tag: 4, contractPackage: { ...pkg, versions: [] } };
    const expected =
      200 +
      53 * 1_117_587 +
      200 +
      120_000 * epSize +
      storage(env, wasmRecord!) +
      storage(env, { tag: 3, contract }) +
      storage(env, { tag: 4, contractPackage: pkg });
    expect(storage(env, emptyPkg)).toBe(47 * 1_117_587);
    const res2 = env.runSession({ wasm: bytes });
    expect(res2.gasUsed).toBe(expected);
  });

  test('version number and bytes written; second version keeps the previous named keys on a clash', () => {
    const env = hostGasEnv();
    const other = newURef(new Uint8Array(32).fill(0x55), 7);
    const nk2 = new Map<string, Key>([
      ['mine', urefKey(other)],
      ['b', hashKey(new Uint8Array(32).fill(2))],
    ]);
    const res = env.runSession({
      wasm: wasm(
        (d) => `${createPkg()} ${ok(addVersion(d))} ${ok(addVersion(d, ENTRY_POINTS, nk2))}
          ${report(`(i32.add (i32.mul (i32.load ${c(VER)}) ${c(100)}) (i32.load ${c(WRITTEN)}))`)}`,
      ),
    });
    expect(userCode(res)).toBe(232);
    const ok2 = env.runSession({
      wasm: wasm((d) => `${createPkg()} ${ok(addVersion(d))} ${ok(addVersion(d, ENTRY_POINTS, nk2))}`),
    });
    expect(ok2.success).toBe(true);
    const pkgHash = installed(env, ok2).packageHash;
    const pkg = packageAt(env, pkgHash);
    expect(pkg.versions.map((v) => v.contractVersion)).toEqual([1, 2]);
    const v2 = contractAt(env, pkg.versions[1].contractHash);
    expect([...v2.namedKeys.keys()].sort()).toEqual(['b', 'mine']);
    expect(v2.namedKeys.get('mine')).toEqual(urefKey(MINE));
  });

  test('output buffer smaller than 32 → 32 BufferTooSmall', () => {
    const env = hostGasEnv();
    const res = env.runSession({
      wasm: wasm((d) => `${createPkg()} ${report(addVersion(d, ENTRY_POINTS, NAMED_KEYS, 31))}`),
    });
    expect(userCode(res)).toBe(32);
  });

  test('an entry point the module does not export → FunctionNotFound', () => {
    const env = hostGasEnv();
    const eps = entryPointsFrom([...ENTRY_POINTS.values(), ep('missing_fn', 1)]);
    const res = runFailing(env, { wasm: wasm((d) => `${createPkg()} ${ok(addVersion(d, eps))}`) });
    expect(res.error?.kind).toBe('FunctionNotFound');
    expect(res.error?.message).toBe('Function not found: missing_fn');
  });

  test('a locked package with a version → LockedContract', () => {
    const env = hostGasEnv();
    const res = runFailing(env, {
      wasm: wasm((d) => `${createPkg(1)} ${ok(addVersion(d))} ${ok(addVersion(d))}`),
    });
    expect(res.error?.kind).toBe('LockedContract');
  });

  test('without the access URef → ForgedReference', () => {
    const env = hostGasEnv();
    const { packageHash } = install(env);
    const res = runFailing(env, {
      wasm: wasm(
        (d) =>
          `${pkgArg(d)} ${ok(
            `(call $casper_add_contract_version ${c(PKGARG)} ${c(32)} ${c(VER)} ${d.b(
              encodeEntryPoints(ENTRY_POINTS),
            )} ${d.b(encodeNamedKeys(NAMED_KEYS))} ${c(CHASH)} ${c(32)} ${c(WRITTEN)})`,
          )}`,
      ),
      args: runtimeArgs({ pkg: CLValue.byteArray32(packageHash) }),
    });
    expect(res.error?.kind).toBe('ForgedReference');
  });

  test('disable → DisabledContract on call; enable again → callable; unknown hash → 64770', () => {
    const env = hostGasEnv();
    const disable = (p: number) => `(call $casper_disable_contract_version ${c(PKG)} ${c(32)} ${c(p)} ${c(32)})`;
    const enable = (p: number) => `(call $casper_enable_contract_version ${c(PKG)} ${c(32)} ${c(p)} ${c(32)})`;
    const disabled = runFailing(env, {
      wasm: wasm((d) => `${createPkg()} ${ok(addVersion(d))} ${ok(disable(CHASH))} ${ok(callAt(d, CHASH, 'get_u64'))}`),
    });
    expect(disabled.error?.kind).toBe('DisabledContract');

    const enabled = env.runSession({
      wasm: wasm(
        (d) => `${createPkg()} ${ok(addVersion(d))} ${ok(disable(CHASH))} ${ok(enable(CHASH))}
          ${ok(callAt(d, CHASH, 'get_u64'))} ${ok(`(call $casper_read_host_buffer ${c(BUF)} ${c(8)} ${c(WRITTEN)})`)}
          ${report(`(i32.load ${c(BUF)})`)}`,
      ),
    });
    expect(userCode(enabled)).toBe(42);

    const unknown = env.runSession({
      wasm: wasm((d) => `${createPkg()} ${ok(addVersion(d))} ${report(disable(HASHARG))}`),
    });
    expect(userCode(unknown)).toBe(64770);
  });
});

describe('call_contract', () => {
  test('Contract entry point returns a u64 through ret; size and host buffer; exact call gas', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const res = env.runSession({
      wasm: wasm(
        (d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'get_u64'))}
          ${ok(`(call $casper_read_host_buffer ${c(BUF)} ${c(8)} ${c(WRITTEN)})`)}
          ${report(`(i32.add (i32.mul (i32.load ${c(SIZE)}) ${c(1000)}) (i32.load ${c(BUF)}))`)}`,
      ),
      args: hashArgs(contractHash),
    });
    expect(userCode(res)).toBe(8042);
    // get_named_arg + call_contract + read_host_buffer + ret (9-byte value... 13 bytes CLValue) + revert
    const epLen = str('get_u64').length;
    const expected =
      200 +
      120_000 * 4 +
      120_000 * 32 +
      (300_000_000 + 120_000 * epLen + 120_000 * 4) +
      (23_000 + 420_000 * 13) +
      (3_500 + 310 * 8) +
      500;
    expect(res.gasUsed).toBe(expected);
  });

  test('a returned URef is granted to the caller (which may then pass it on); without it → ForgedReference', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const args = encodeRuntimeArgs(runtimeArgs({ u: CLValue.uref(MINE) }));
    const granted = env.runSession({
      wasm: wasm(
        (d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'get_uref'))}
          ${ok(`(call $casper_read_host_buffer ${c(BUF)} ${c(64)} ${c(WRITTEN)})`)}
          ${report(`(i32.load ${c(SIZE)})`)}`,
      ),
      args: hashArgs(contractHash),
    });
    expect(userCode(granted)).toBe(33);
    const passOn = env.runSession({
      wasm: wasm(
        (d) =>
          `${hashArg(d)} ${ok(callAt(d, HASHARG, 'get_uref'))} ${drain} ${ok(callAt(d, HASHARG, 'check_arg', args))}`,
      ),
      args: hashArgs(contractHash),
    });
    expect(passOn.success).toBe(true);
    const forged = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'check_arg', args))}`),
      args: hashArgs(contractHash),
    });
    expect(forged.error?.kind).toBe('ForgedReference');
  });

  test('Session entry point runs in the caller account context (StoredSession frame)', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const res = env.runSession({
      wasm: wasm(
        (d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'sess'))}
          ${ok(`(call $casper_read_host_buffer ${c(BUF)} ${c(4)} ${c(WRITTEN)})`)} ${report(`(i32.load ${c(BUF)})`)}`,
      ),
      args: hashArgs(contractHash),
    });
    // List inner bytes: u32 count + Session (1 + 32) + StoredSession (1 + 96).
    expect(userCode(res)).toBe(4 + 33 + 97);
  });

  test('a Session entry point called from a Contract entry point → InvalidContext', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const res = runFailing(env, {
      wasm: wasm(
        (d) =>
          `${hashArg(d)} ${ok(callAt(d, HASHARG, 'to_session', encodeRuntimeArgs(runtimeArgs({ self: CLValue.byteArray32(contractHash) }))))}`,
      ),
      args: hashArgs(contractHash),
    });
    expect(res.error?.kind).toBe('InvalidContext');
  });

  test('no ret: the callee’s leftover host buffer is the result', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const res = env.runSession({
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'leftover'))} ${report(`(i32.load ${c(SIZE)})`)}`),
      args: hashArgs(contractHash),
    });
    expect(userCode(res)).toBe(4 + 33 + 65);
  });

  test('Unit result: size 0 and the host buffer stays empty', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const res = env.runSession({
      wasm: wasm(
        (d) => `${hashArg(d)} (i32.store ${c(SIZE)} ${c(77)}) ${ok(callAt(d, HASHARG, 'check_arg'))}
          ${report(`(i32.add (i32.mul (i32.load ${c(SIZE)}) ${c(100)}) (call $casper_read_host_buffer ${c(BUF)} ${c(8)} ${c(WRITTEN)}))`)}`,
      ),
      args: hashArgs(contractHash),
    });
    expect(userCode(res)).toBe(33);
  });

  test('unknown entry point → NoSuchMethod; unknown contract → KeyNotFound', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const res = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'nope'))}`),
      args: hashArgs(contractHash),
    });
    expect(res.error?.kind).toBe('NoSuchMethod');
    expect(res.error?.message).toBe('No such method: nope');
    const missing = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'get_u64'))}`),
      args: hashArgs(new Uint8Array(32).fill(9)),
    });
    expect(missing.error?.kind).toBe('KeyNotFound');
  });

  test('self-recursive contract → RuntimeStackOverflow', () => {
    const env = hostGasEnv();
    const { contractHash } = install(env);
    const args = encodeRuntimeArgs(runtimeArgs({ self: CLValue.byteArray32(contractHash) }));
    const res = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'recurse', args))}`),
      args: hashArgs(contractHash),
    });
    expect(res.error?.kind).toBe('RuntimeStackOverflow');
  });

  test('a full host buffer → 34 before the contract is even looked up', () => {
    const env = hostGasEnv();
    const res = env.runSession({
      wasm: wasm(
        (d) => `${ok(`(call $casper_load_call_stack ${c(LEN)} ${c(SIZE)})`)}
          ${report(callAt(d, d.p(new Uint8Array(32).fill(7)), 'get_u64'))}`,
      ),
    });
    expect(userCode(res)).toBe(34);
  });

  test('call_versioned_contract: latest, explicit version, missing version', () => {
    const env = hostGasEnv();
    const { packageHash } = install(env);
    const call = (version: Uint8Array) =>
      wasm(
        (d) =>
          `${pkgArg(d)} ${ok(
            `(call $casper_call_versioned_contract ${c(PKGARG)} ${c(32)} ${d.b(version)} ${d.s('get_u64')} ${d.b(
              EMPTY_ARGS,
            )} ${c(SIZE)})`,
          )} ${ok(`(call $casper_read_host_buffer ${c(BUF)} ${c(8)} ${c(WRITTEN)})`)} ${report(`(i32.load ${c(BUF)})`)}`,
      );
    const args = runtimeArgs({ pkg: CLValue.byteArray32(packageHash) });
    expect(userCode(env.runSession({ wasm: call(Uint8Array.of(0)), args }))).toBe(42);
    expect(userCode(env.runSession({ wasm: call(Uint8Array.of(1, 1, 0, 0, 0)), args }))).toBe(42);
    const bad = runFailing(env, { wasm: call(Uint8Array.of(1, 2, 0, 0, 0)), args });
    expect(bad.error?.kind).toBe('InvalidContractVersion');
    expect(bad.error?.message).toBe('Invalid contract version: 1.2');
  });

  test('ret in session code ends it successfully', () => {
    const env = hostGasEnv();
    const res = env.runSession({
      wasm: wasm((d) => `(call $casper_ret ${d.b(CLValue.u64(1n).encode())}) ${report(c(1))}`),
    });
    expect(res.success).toBe(true);
  });
});

describe('user groups', () => {
  test('Groups access: InvalidContext without a group URef, success with it, InvalidContext for an empty list', () => {
    const env = hostGasEnv();
    const inst = env.runSession({
      wasm: wasm(
        (d) => `${createPkg()} ${ok(addVersion(d))} ${ok(createGroup(d, 'admins', 1))} ${drain}
          ${ok(callAt(d, CHASH, 'grouped'))}`,
      ),
    });
    const { contractHash, packageHash } = installed(env, inst);
    const pkg = packageAt(env, packageHash);
    expect(pkg.groups.get('admins')).toHaveLength(1);
    const outsider = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'grouped'))}`),
      args: hashArgs(contractHash),
    });
    expect(outsider.error?.kind).toBe('InvalidContext');
    const empty = runFailing(env, {
      wasm: wasm(
        (d) =>
          `${createPkg()} ${ok(addVersion(d))} ${ok(createGroup(d, 'admins', 1))} ${drain} ${ok(callAt(d, CHASH, 'nogroups'))}`,
      ),
    });
    expect(empty.error?.kind).toBe('InvalidContext');
  });

  test('create_contract_user_group returns new URefs (8-byte size) and writes the group', () => {
    const env = hostGasEnv();
    const res = env.runSession({
      wasm: wasm(
        (d) => `${createPkg()} (i64.store ${c(SIZE)} (i64.const -1)) ${ok(createGroup(d, 'g', 2))}
          ${report(`(i32.add (i32.mul (i32.load ${c(SIZE)}) ${c(10)}) (i32.load ${c(SIZE + 4)}))`)}`,
      ),
    });
    expect(userCode(res)).toBe((4 + 2 * 33) * 10);
  });

  const codes: [string, number, (d: Data) => string][] = [
    ['GroupAlreadyExists', 64771, (d) => `${ok(createGroup(d, 'g', 1))} ${drain} ${report(createGroup(d, 'g', 0))}`],
    [
      'MaxGroupsExceeded',
      64772,
      (d) =>
        Array.from({ length: 10 }, (_, i) => `${ok(createGroup(d, `g${i}`, 0))} ${drain}`).join(' ') +
        report(createGroup(d, 'g10', 0)),
    ],
    ['MaxTotalURefsExceeded (create)', 64773, (d) => report(createGroup(d, 'g', 101))],
    [
      'MaxTotalURefsExceeded (provision, group of 10)',
      64773,
      (d) =>
        `${ok(createGroup(d, 'g', 10))} ${drain} ${report(
          `(call $casper_provision_contract_user_group_uref ${c(PKG)} ${c(32)} ${d.s('g')} ${c(SIZE)})`,
        )}`,
    ],
    [
      'GroupDoesNotExist (provision)',
      64774,
      (d) => report(`(call $casper_provision_contract_user_group_uref ${c(PKG)} ${c(32)} ${d.s('none')} ${c(SIZE)})`),
    ],
    [
      'GroupDoesNotExist (remove)',
      64774,
      (d) => report(`(call $casper_remove_contract_user_group ${c(PKG)} ${c(32)} ${d.s('none')})`),
    ],
    [
      'UnableToRemoveURef',
      64775,
      (d) =>
        `${ok(createGroup(d, 'g', 1))} ${drain} ${report(
          `(call $casper_remove_contract_user_group_urefs ${c(PKG)} ${c(32)} ${d.s('g')} ${d.b(
            toBytes([MINE], (w, l) => w.vec(l, (x, u) => x.raw(encodeURef(u))), 64),
          )})`,
        )}`,
    ],
    [
      'GroupInUse',
      64776,
      (d) =>
        `${ok(addVersion(d))} ${ok(createGroup(d, 'admins', 0))} ${drain} ${report(
          `(call $casper_remove_contract_user_group ${c(PKG)} ${c(32)} ${d.s('admins')})`,
        )}`,
    ],
  ];
  test.each(codes)('%s → %d', (_name, code, body) => {
    const env = hostGasEnv();
    const res = env.runSession({ wasm: wasm((d) => `${createPkg()} ${body(d)}`) });
    expect(userCode(res)).toBe(code);
  });

  test('provision, remove URefs and remove group succeed and rewrite the package', () => {
    const env = hostGasEnv();
    const res = env.runSession({
      wasm: wasm(
        (d) => `${createPkg()} ${ok(createGroup(d, 'g', 0, [MINE]))} ${drain}
          ${ok(`(call $casper_provision_contract_user_group_uref ${c(PKG)} ${c(32)} ${d.s('g')} ${c(SIZE)})`)} ${drain}
          ${ok(`(call $casper_create_contract_user_group ${c(PKG)} ${c(32)} ${d.s('h')} ${c(0)} ${d.b(EMPTY_ARGS)} ${c(SIZE)})`)} ${drain}
          ${ok(
            `(call $casper_remove_contract_user_group_urefs ${c(PKG)} ${c(32)} ${d.s('g')} ${d.b(
              toBytes([MINE], (w, l) => w.vec(l, (x, u) => x.raw(encodeURef(u))), 64),
            )})`,
          )}
          ${ok(`(call $casper_remove_contract_user_group ${c(PKG)} ${c(32)} ${d.s('h')})`)}`,
      ),
    });
    expect(res.success).toBe(true);
    const pkgHash = (res.effects.find((t) => t.key.tag === 1)!.key as { addr: Uint8Array }).addr;
    const pkg = packageAt(env, pkgHash);
    expect([...pkg.groups.keys()]).toEqual(['g']);
    const g = pkg.groups.get('g')!;
    expect(g).toHaveLength(1);
    expect(bytesEqual(g[0].addr, MINE.addr)).toBe(false);
  });
});

describe('JS stubs', () => {
  test('a stub called from a WAT session: result, call log, main purse attenuated in args', () => {
    const env = hostGasEnv();
    const stub = installStub(env, {
      entryPoints: {
        add: (args) => {
          const a = args.find((x) => x.name === 'a')!.value.asU64();
          const b = args.find((x) => x.name === 'b')!.value.asU64();
          if (!a.ok || !b.ok) throw revertError(3);
          return CLValue.u64(a.value + b.value);
        },
        take: () => undefined,
        fail: () => {
          throw revertError(65536 + 99);
        },
      },
    });
    const addArgs = runtimeArgs({ a: CLValue.u64(40n), b: CLValue.u64(2n) });
    const res = env.runSession({
      wasm: wasm(
        (d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'add', encodeRuntimeArgs(addArgs)))}
          ${ok(`(call $casper_read_host_buffer ${c(BUF)} ${c(8)} ${c(WRITTEN)})`)} ${report(`(i32.load ${c(BUF)})`)}`,
      ),
      args: hashArgs(stub.contractHash),
    });
    expect(userCode(res)).toBe(42);
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0].entryPoint).toBe('add');
    expect(encodeRuntimeArgs(stub.calls[0].args)).toEqual(encodeRuntimeArgs(addArgs));

    // The main purse (held READ_ADD_WRITE by the session) arrives without WRITE.
    const purse = env.account()!.mainPurse;
    const template = encodeRuntimeArgs(runtimeArgs({ purse: CLValue.uref(purse) }));
    const withPurse = env.runSession({
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'take', template))}`),
      args: hashArgs(stub.contractHash),
    });
    expect(withPurse.success).toBe(true);
    const taken = stub.calls[1].args[0].value.asURef();
    expect(taken.ok && taken.value.rights).toBe(5);

    const failed = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'fail'))}`),
      args: hashArgs(stub.contractHash),
    });
    expect(failed.error?.apiError?.code).toBe(65536 + 99);
    expect(stub.calls.map((x) => x.entryPoint)).toEqual(['add', 'take', 'fail']);
  });

  test('stored Wasm runs as stored (no second preprocessing): a module with its own memory is a Resolver error', () => {
    const env = hostGasEnv();
    const stub = installStub(env, { entryPoints: { deep: () => undefined } });
    env.services.stubs.delete(bytesToHex(stub.contractHash));
    const contract = contractAt(env, stub.contractHash);
    // (module (memory 1) (func (export "deep")))
    const raw = Uint8Array.from([
      0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 1, 7, 8, 1, 4, 0x64, 0x65, 0x65,
      0x70, 0, 0, 0x0a, 4, 1, 2, 0, 0x0b,
    ]);
    env.state.put(hashKey(contract.contractWasmHash), { tag: 2, contractWasm: raw });
    const res = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'deep'))}`),
      args: hashArgs(stub.contractHash),
    });
    expect(res.error?.kind).toBe('Resolver');
    expect(res.error?.message).toBe('Resolver error: No imported memory');
  });

  test('nesting stops at max_runtime_call_stack_height (12 frames) with RuntimeStackOverflow', () => {
    const env = hostGasEnv();
    let deepest = 0;
    const stub = installStub(env, {
      entryPoints: {
        deep: (_args, ctx) => {
          deepest = Math.max(deepest, ctx.runtime.phase.callStack.length);
          return callContract(ctx.runtime, { kind: 'contract', contractHash: ctx.contractHash }, 'deep', []);
        },
      },
    });
    const res = runFailing(env, {
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'deep'))}`),
      args: hashArgs(stub.contractHash),
    });
    expect(res.error?.kind).toBe('RuntimeStackOverflow');
    expect(deepest).toBe(12);
    expect(stub.calls).toHaveLength(11);
  });

  test('a Session-type stub entry point runs with the account as base key', () => {
    const env = hostGasEnv();
    const seen: { baseKey?: Key; accountContext?: boolean; frames?: number } = {};
    const stub = installStub(env, {
      sessionEntryPoints: ['who'],
      entryPoints: {
        who: (_args, ctx) => {
          seen.baseKey = ctx.runtime.baseKey;
          seen.accountContext = ctx.runtime.accountContext;
          seen.frames = ctx.runtime.phase.callStack.length;
          return undefined;
        },
      },
    });
    const res = env.runSession({
      wasm: wasm((d) => `${hashArg(d)} ${ok(callAt(d, HASHARG, 'who'))}`),
      args: hashArgs(stub.contractHash),
    });
    expect(res.success).toBe(true);
    expect(seen.baseKey).toEqual({ tag: 0, addr: env.defaultAccountHash });
    expect(seen.accountContext).toBe(true);
    expect(seen.frames).toBe(2);
  });
});
