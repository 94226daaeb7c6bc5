/**
 * Calling a stored contract (execution_engine runtime `execute_contract`, casper-vm1-abi.md §3.8,
 * §3.4): contract and package lookup, the disabled / entry point / group / context / protocol
 * checks in the node's order, the call frame, main-purse attenuation and validation of the URefs
 * in the arguments, then the callee invocation in a new RuntimeContext (a Wasm entry point, a
 * system contract through `runtime/system/dispatch.ts`, or a JS stub from `runtime/stubs.ts`) and
 * its result: the value given to `casper_ret`, or the callee's leftover host buffer, or Unit.
 */

import { findStub, runStub } from '../stubs';
import { callSystemContract } from '../system/dispatch';
import type { Account } from '../types/account';
import { bytesEqual, bytesToHex } from '../types/bytes';
import { fromBytes } from '../types/bytesrepr';
import type { CLType } from '../types/cltype';
import { type CLData, CLValue, clValueErrorToString, readCLData } from '../types/clvalue';
import {
  type Contract,
  type ContractPackage,
  currentContractVersion,
  findVersionByHash,
  isVersionEnabled,
} from '../types/contract';
import type { EntryPoint } from '../types/entry-points';
import { hashKey, type Key, keyToFormattedString } from '../types/key';
import { publicKeyAccountHash, SYSTEM_PUBLIC_KEY } from '../types/public-key';
import type { RuntimeArgs } from '../types/runtime-args';
import type { StoredValue } from '../types/stored-value';
import { AccessRights, type URef } from '../types/uref';
import { RuntimeContext } from './context';
import { ExecutionError } from './errors';
import { invoke } from './executor';
import type { PreparedModule } from './module-cache';

/** Which prepared module each invocation runs (what `casper_add_contract_version` stores). */
const RUNNING_MODULES = new WeakMap<RuntimeContext, PreparedModule>();

/** Records that `ctx` runs `prepared` (the session runner must call this before `invoke`). */
export function recordRunningModule(ctx: RuntimeContext, prepared: PreparedModule): void {
  RUNNING_MODULES.set(ctx, prepared);
}

/** The module `ctx` runs, if recorded. */
export function runningModule(ctx: RuntimeContext): PreparedModule | undefined {
  return RUNNING_MODULES.get(ctx);
}

/** The contract to call: by hash (`call_contract`) or by package and optional version (`call_versioned_contract`). */
export type CallTarget =
  | { readonly kind: 'contract'; readonly contractHash: Uint8Array }
  | { readonly kind: 'package'; readonly packageHash: Uint8Array; readonly version: number | null };

// ---------------------------------------------------------------------------------------------
// URef extraction and rewriting (`utils::rewrite_urefs`)

const isRefType = (t: CLType) => t.tag === 11 || t.tag === 12; // Key, URef
const isPrimitive = (t: CLType) => t.tag <= 10; // Bool … String (incl. Unit)

/** True if the node's `rewrite_urefs` looks inside a value of this type (ABI §3.4 extractor coverage). */
function isScanned(t: CLType): boolean {
  switch (t.tag) {
    case 11:
    case 12:
      return true;
    case 13:
    case 14:
      return isRefType(t.inner);
    case 16:
      return (isRefType(t.ok) && (isPrimitive(t.err) || isRefType(t.err))) || (isPrimitive(t.ok) && isRefType(t.err));
    case 17:
      return (
        (isRefType(t.key) && (isPrimitive(t.value) || isRefType(t.value))) ||
        ((isPrimitive(t.key) || t.key.tag === 22) && isRefType(t.value))
      );
    case 18:
      return isRefType(t.items[0]);
    case 19:
      return (
        (isRefType(t.items[0]) && (isPrimitive(t.items[1]) || isRefType(t.items[1]))) ||
        (isPrimitive(t.items[0]) && isRefType(t.items[1]))
      );
    default:
      return false;
  }
}

/** Applies `fn` to a URef or Key datum of type `t` (other data unchanged). */
function mapRef(t: CLType, d: CLData, fn: (u: URef) => URef): CLData {
  if (t.tag === 12) return fn(d as URef);
  if (t.tag === 11) {
    const k = d as Key;
    return k.tag === 2 ? { tag: 2, uref: fn(k.uref) } : k;
  }
  return d;
}

function mapData(t: CLType, d: CLData, fn: (u: URef) => URef): CLData {
  switch (t.tag) {
    case 11:
    case 12:
      return mapRef(t, d, fn);
    case 13:
      return d === null ? null : { some: mapRef(t.inner, (d as { some: CLData }).some, fn) };
    case 14:
      return (d as readonly CLData[]).map((x) => mapRef(t.inner, x, fn));
    case 16:
      return Object.hasOwn(d as object, 'ok')
        ? { ok: mapRef(t.ok, (d as { ok: CLData }).ok, fn) }
        : { err: mapRef(t.err, (d as { err: CLData }).err, fn) };
    case 17:
      return {
        entries: (d as { entries: ReadonlyArray<readonly [CLData, CLData]> }).entries.map(
          ([k, v]) => [mapRef(t.key, k, fn), mapRef(t.value, v, fn)] as const,
        ),
      };
    case 18:
    case 19:
      return (d as readonly CLData[]).map((x, i) => mapRef(t.items[i], x, fn));
    default:
      return d;
  }
}

/**
 * `rewrite_urefs`: calls `fn` on every URef the node's extractor finds in `value` and returns the
 * re-serialized value (values of types it does not scan are returned as they are). A value of a
 * scanned type whose bytes do not decode traps with the node's CLValue error.
 */
export function rewriteURefs(value: CLValue, fn: (u: URef) => URef): CLValue {
  const t = value.clType;
  if (!isScanned(t)) return value;
  const parsed = fromBytes(value.bytes, (r) => readCLData(r, t));
  if (!parsed.ok) throw new ExecutionError('CLValue', clValueErrorToString({ kind: 'bytesrepr', error: parsed.error }));
  return CLValue.fromData(t, mapData(t, parsed.value, fn));
}

/** `extract_urefs`: every URef the node's extractor finds in `value`, in its order. */
export function extractURefs(value: CLValue): URef[] {
  const out: URef[] = [];
  rewriteURefs(value, (u) => {
    out.push(u);
    return u;
  });
  return out;
}

/** `attenuate_uref_in_args`: removes WRITE from every URef with address `purseAddr` in the args. */
export function attenuateMainPurse(args: RuntimeArgs, purseAddr: Uint8Array): RuntimeArgs {
  return args.map((a) => ({
    name: a.name,
    value: rewriteURefs(a.value, (u) =>
      bytesEqual(u.addr, purseAddr) ? { addr: u.addr, rights: u.rights & ~AccessRights.WRITE } : u,
    ),
  }));
}

// ---------------------------------------------------------------------------------------------
// The call

/** Account::extract_access_rights: named-key URefs plus the main purse. */
export function accountRights(account: Account): Map<string, number> {
  const rights = new Map<string, number>();
  const add = (u: URef) => rights.set(bytesToHex(u.addr), (rights.get(bytesToHex(u.addr)) ?? 0) | u.rights);
  for (const k of account.namedKeys.values()) if (k.tag === 2) add(k.uref);
  add(account.mainPurse);
  return rights;
}

/** Contract::extract_access_rights: the URefs among its named keys. */
export function contractRights(contract: Contract): Map<string, number> {
  const rights = new Map<string, number>();
  for (const k of contract.namedKeys.values()) {
    if (k.tag === 2) rights.set(bytesToHex(k.uref.addr), (rights.get(bytesToHex(k.uref.addr)) ?? 0) | k.uref.rights);
  }
  return rights;
}

/** `read_gs_typed`: the record at Key::Hash(addr) (absent → KeyNotFound, other type → FunctionNotFound). */
export function readHashRecord<T extends StoredValue['tag']>(
  ctx: RuntimeContext,
  addr: Uint8Array,
  tag: T,
  typeName: string,
): Extract<StoredValue, { tag: T }> {
  const key = hashKey(addr);
  const v = ctx.phase.tc.read(key);
  if (!v) throw new ExecutionError('KeyNotFound', `Key ${keyDisplay(key)} not found`);
  if (v.tag !== tag) {
    throw new ExecutionError(
      'FunctionNotFound',
      `Function not found: Type mismatch for value under ${keyDisplay(key)}: expected ${typeName}`,
    );
  }
  return v as Extract<StoredValue, { tag: T }>;
}

function keyDisplay(key: Key): string {
  return key.tag === 1 ? `Key::Hash(${bytesToHex(key.addr)})` : keyToFormattedString(key);
}

/** True if `hash` is one of the four system contracts. */
export function isSystemContract(ctx: RuntimeContext, hash: Uint8Array | undefined): boolean {
  if (!hash) return false;
  const s = ctx.phase.services.system;
  return [s.mint, s.handlePayment, s.standardPayment, s.auction].some((h) => bytesEqual(h, hash));
}

function contextHash(key: Key): Uint8Array | undefined {
  return key.tag === 1 ? key.addr : undefined;
}

/** Finds the contract a call targets, with the node's lookup errors. */
function resolveTarget(
  ctx: RuntimeContext,
  target: CallTarget,
): { contract: Contract; contractHash: Uint8Array; pkg: ContractPackage } {
  if (target.kind === 'contract') {
    const contract = readHashRecord(ctx, target.contractHash, 3, 'Contract').contract;
    const pkg = readHashRecord(ctx, contract.contractPackageHash, 4, 'ContractPackage').contractPackage;
    const entry = findVersionByHash(pkg, target.contractHash);
    const enabled = entry !== undefined && isVersionEnabled(pkg, entry);
    if (!isSystemContract(ctx, target.contractHash) && !enabled) {
      throw new ExecutionError('DisabledContract', 'Contract is disabled');
    }
    return { contract, contractHash: target.contractHash, pkg };
  }
  const pkg = readHashRecord(ctx, target.packageHash, 4, 'ContractPackage').contractPackage;
  const key =
    target.version === null
      ? currentContractVersion(pkg)
      : { protocolVersionMajor: ctx.phase.services.protocolMajor, contractVersion: target.version };
  if (!key) throw new ExecutionError('NoActiveContractVersions', 'No active contract versions for contract package');
  const entry = isVersionEnabled(pkg, key)
    ? pkg.versions.find(
        (v) => v.protocolVersionMajor === key.protocolVersionMajor && v.contractVersion === key.contractVersion,
      )
    : undefined;
  if (!entry) {
    throw new ExecutionError(
      'InvalidContractVersion',
      `Invalid contract version: ${key.protocolVersionMajor}.${key.contractVersion}`,
    );
  }
  const contract = readHashRecord(ctx, entry.contractHash, 3, 'Contract').contract;
  return { contract, contractHash: entry.contractHash, pkg };
}

/** `validate_group_membership`: Groups access needs a held URef of a listed group. */
function checkGroupAccess(ctx: RuntimeContext, pkg: ContractPackage, ep: EntryPoint): void {
  if (ep.access.tag !== 2) return;
  const ok = ep.access.groups.some((g) => (pkg.groups.get(g) ?? []).some((u) => ctx.isValidURef(u)));
  if (!ok) throw new ExecutionError('InvalidContext', 'Invalid context');
}

/**
 * `execute_contract`: calls `entryPointName` of the target with `args` from `ctx` and returns the
 * callee's result. Every failure in the checks or in the callee is thrown (ExecutionError).
 */
export function callContract(
  ctx: RuntimeContext,
  target: CallTarget,
  entryPointName: string,
  args: RuntimeArgs,
): CLValue {
  const phase = ctx.phase;
  const services = phase.services;
  const { contract, contractHash, pkg } = resolveTarget(ctx, target);

  const ep = contract.entryPoints.get(entryPointName);
  if (!ep) throw new ExecutionError('NoSuchMethod', `No such method: ${entryPointName}`);
  checkGroupAccess(ctx, pkg, ep);

  const session = ep.entryPointType === 0;
  if (session && !ctx.accountContext) throw new ExecutionError('InvalidContext', 'Invalid context');
  const baseKey: Key = session ? ctx.baseKey : hashKey(contractHash);

  if (contract.protocolVersion.major !== services.protocolMajor) {
    throw new ExecutionError(
      'IncompatibleProtocolMajorVersion',
      `Incompatible protocol major version. Expected version ${services.protocolMajor} but actual version is ${contract.protocolVersion.major}`,
    );
  }

  const account = phase.account;
  const namedKeys = new Map(session ? account.namedKeys : contract.namedKeys);
  const accessRights = session ? accountRights(account) : contractRights(contract);

  if (phase.callStack.length >= services.costs.core.max_runtime_call_stack_height) {
    throw new ExecutionError('RuntimeStackOverflow', 'Runtime stack overflow');
  }
  phase.callStack.push(
    session
      ? { tag: 1, accountHash: account.accountHash, contractPackageHash: contract.contractPackageHash, contractHash }
      : { tag: 2, contractPackageHash: contract.contractPackageHash, contractHash },
  );
  try {
    const systemAccount = bytesEqual(account.accountHash, publicKeyAccountHash(SYSTEM_PUBLIC_KEY));
    const callerIsSystem = isSystemContract(ctx, contextHash(ctx.baseKey));
    const calleeIsSystem = isSystemContract(ctx, contextHash(baseKey));
    const calleeArgs =
      !systemAccount && !callerIsSystem && !calleeIsSystem ? attenuateMainPurse(args, account.mainPurse.addr) : args;
    for (const a of calleeArgs) {
      for (const u of extractURefs(a.value)) {
        if (!callerIsSystem || !calleeIsSystem) ctx.validateURef(u);
        const id = bytesToHex(u.addr);
        accessRights.set(id, (accessRights.get(id) ?? 0) | u.rights);
      }
    }

    if (calleeIsSystem) {
      // dispatch.ts runs the system contract for the caller's context, with the callee frame pushed.
      const result = callSystemContract(ctx, contractHash, ep.name, calleeArgs);
      for (const u of extractURefs(result)) ctx.grant(u);
      return result;
    }

    const wasm = phase.tc.read(hashKey(contract.contractWasmHash));
    if (!wasm) throw new ExecutionError('KeyNotFound', `Key ${keyDisplay(baseKey)} not found`);
    if (wasm.tag !== 2) {
      throw new ExecutionError(
        'InvalidContractWasm',
        `Invalid contract WASM: ${bytesToHex(contract.contractWasmHash)}`,
      );
    }

    const callee = new RuntimeContext(phase, baseKey, namedKeys, accessRights, calleeArgs, session);
    let returned: CLValue | null;
    const stub = findStub(services, contractHash);
    if (stub) {
      returned = runStub(stub, callee, ep.name, calleeArgs);
      if (returned) for (const u of extractURefs(returned)) callee.validateURef(u);
    } else {
      const prepared = services.modules.prepareStored(wasm.contractWasm);
      if (prepared instanceof ExecutionError) throw prepared;
      recordRunningModule(callee, prepared);
      const { HOST_HANDLERS } = require('../host') as typeof import('../host');
      invoke(prepared, ep.name, callee, HOST_HANDLERS);
      returned = callee.returned;
    }

    if (session && ctx.accountContext) {
      ctx.namedKeys.clear();
      for (const [k, v] of callee.namedKeys) ctx.namedKeys.set(k, v);
    }
    if (returned) {
      for (const u of extractURefs(returned)) ctx.grant(u);
      return returned;
    }
    return callee.hostBuffer ?? CLValue.unit();
  } finally {
    phase.callStack.pop();
  }
}
