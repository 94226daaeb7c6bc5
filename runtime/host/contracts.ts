/**
 * Contract packages, versions, user groups, contract calls and `ret` (execution_engine runtime
 * `create_contract_package_at_hash`, `add_contract_version`, `disable/enable_contract_version`,
 * `create_contract_user_group`, `provision_contract_user_group_uref`,
 * `remove_contract_user_group(_urefs)`, `call_contract`, `call_versioned_contract`, `ret`;
 * casper-vm1-abi.md §3.8, §3.2). The call itself lives in `engine/call.ts`.
 */

import { callContract, extractURefs, readHashRecord, runningModule, type CallTarget } from '../engine/call';
import type { RuntimeContext } from '../engine/context';
import { ExecutionError } from '../engine/errors';
import { ReturnSignal } from '../engine/signals';
import { PROTOCOL_VERSION } from '../system/genesis';
import { compareStringsUtf8 } from '../types/bytes';
import { fromBytes } from '../types/bytesrepr';
import { CLValue, decodeCLValue } from '../types/clvalue';
import {
  type Contract,
  type ContractPackage,
  compareVersionKeys,
  currentContractVersion,
  findVersionByHash,
  nextContractVersion,
} from '../types/contract';
import { decodeEntryPoints } from '../types/entry-points';
import { moduleFromEntryPoints } from '../wasm/optimize';
import { hashKey, urefKey } from '../types/key';
import { decodeNamedKeys } from '../types/named-keys';
import { decodeRuntimeArgs } from '../types/runtime-args';
import type { StoredValue } from '../types/stored-value';
import { AccessRights, compareURefs, newURef, readURef, type URef, urefEquals } from '../types/uref';
import { chargeHost, chargeStorage, type HostHandlers, unwrapDecode } from './handler';

const BUFFER_TOO_SMALL = 32;
const HOST_BUFFER_FULL = 34;
/** ApiError::ContractHeader(n) = 64768 + n (`types/src/contracts.rs` Error). */
const CONTRACT_NOT_FOUND = 64770;
const GROUP_ALREADY_EXISTS = 64771;
const MAX_GROUPS_EXCEEDED = 64772;
const MAX_TOTAL_UREFS_EXCEEDED = 64773;
const GROUP_DOES_NOT_EXIST = 64774;
const UNABLE_TO_REMOVE_UREF = 64775;
const GROUP_IN_USE = 64776;
/** `contracts::MAX_GROUPS` and `MAX_TOTAL_UREFS`. */
const MAX_GROUPS = 10;
const MAX_TOTAL_UREFS = 100;

function hashFromMem(ctx: RuntimeContext, ptr: number, size: number): Uint8Array {
  return unwrapDecode(fromBytes(ctx.memory.read(ptr, size), (r) => r.fixed(32)));
}

function stringFromMem(ctx: RuntimeContext, ptr: number, size: number): string {
  return unwrapDecode(fromBytes(ctx.memory.read(ptr, size), (r) => r.string()));
}

/** BTreeSet<URef>: sorted, duplicates dropped. */
function urefSetFromMem(ctx: RuntimeContext, ptr: number, size: number): URef[] {
  const list = unwrapDecode(fromBytes(ctx.memory.read(ptr, size), (r) => r.vec(readURef)));
  return dedupURefs(list);
}

function dedupURefs(list: readonly URef[]): URef[] {
  const sorted = [...list].sort(compareURefs);
  return sorted.filter((u, i) => i === 0 || compareURefs(sorted[i - 1], u) !== 0);
}

/** `metered_write_gs_unsafe`: storage gas, then the write. */
function meteredWrite(ctx: RuntimeContext, addr: Uint8Array, value: StoredValue): void {
  chargeStorage(ctx, value);
  ctx.phase.tc.write(hashKey(addr), value);
}

/** `new_unit_uref`: a READ_ADD_WRITE URef from the phase RNG, granted, Unit written with storage gas. */
function newUnitURef(ctx: RuntimeContext): URef {
  const uref = newURef(ctx.phase.rng.createAddress(), AccessRights.READ_ADD_WRITE);
  ctx.grant(uref);
  const value: StoredValue = { tag: 0, clValue: CLValue.unit() };
  chargeStorage(ctx, value);
  ctx.phase.tc.write(urefKey(uref), value);
  return uref;
}

/** `get_validated_contract_package`: the package, which the caller must hold the access URef of. */
function validatedPackage(ctx: RuntimeContext, packageHash: Uint8Array): ContractPackage {
  const pkg = readHashRecord(ctx, packageHash, 4, 'ContractPackage').contractPackage;
  ctx.validateURef(pkg.accessKey);
  return pkg;
}

function writePackage(ctx: RuntimeContext, packageHash: Uint8Array, pkg: ContractPackage): void {
  meteredWrite(ctx, packageHash, { tag: 4, contractPackage: pkg });
}

function totalURefs(pkg: ContractPackage): number {
  let n = 0;
  for (const g of pkg.groups.values()) n += g.length;
  return n;
}

function lockedError(): ExecutionError {
  return new ExecutionError('LockedContract', 'A locked contract cannot be upgraded');
}

/** The call_contract / call_versioned_contract tail: call, then result size and host buffer. */
function callAndReturn(
  ctx: RuntimeContext,
  target: CallTarget,
  entryPoint: string,
  argsBytes: Uint8Array,
  resultSizePtr: number,
): number {
  const args = unwrapDecode(decodeRuntimeArgs(argsBytes));
  const result = callContract(ctx, target, entryPoint, args);
  const size = result.bytes.length;
  if (size !== 0) ctx.hostBuffer = result;
  ctx.memory.writeU32(resultSizePtr, size);
  return 0;
}

/**
 * disable/enable_contract_version after charging: the package's authority, its lock, the
 * version lookup (ContractHeader ContractNotFound when absent), then the updated disabled set.
 */
function setVersionDisabled(
  ctx: RuntimeContext,
  pkgPtr: number,
  pkgSize: number,
  hashPtr: number,
  hashSize: number,
  disable: boolean,
): number {
  const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
  const contractHash = hashFromMem(ctx, hashPtr, hashSize);
  const pkg = validatedPackage(ctx, packageHash);
  if (pkg.locked) throw lockedError();
  const key = findVersionByHash(pkg, contractHash);
  if (!key) return CONTRACT_NOT_FOUND;
  const others = pkg.disabledVersions.filter((d) => compareVersionKeys(d, key) !== 0);
  const disabledVersions = disable
    ? pkg.disabledVersions.length === others.length
      ? [
          ...pkg.disabledVersions,
          { protocolVersionMajor: key.protocolVersionMajor, contractVersion: key.contractVersion },
        ]
      : pkg.disabledVersions
    : others;
  writePackage(ctx, packageHash, { ...pkg, disabledVersions });
  return 0;
}

/** Contract host functions. */
export const CONTRACTS_HANDLERS: HostHandlers = {
  casper_create_contract_package_at_hash(ctx, hashPtr, accessPtr, isLocked) {
    chargeHost(ctx, 'casper_create_contract_package_at_hash', [hashPtr, accessPtr, isLocked]);
    const addr = ctx.phase.rng.newHashAddress();
    const accessKey = newUnitURef(ctx);
    const pkg: ContractPackage = {
      accessKey,
      versions: [],
      disabledVersions: [],
      groups: new Map(),
      locked: isLocked !== 0,
    };
    writePackage(ctx, addr, pkg);
    ctx.memory.write(hashPtr, addr);
    ctx.memory.write(accessPtr, accessKey.addr);
  },

  casper_add_contract_version(
    ctx,
    pkgPtr,
    pkgSize,
    versionPtr,
    epPtr,
    epSize,
    nkPtr,
    nkSize,
    outPtr,
    outSize,
    writtenPtr,
  ) {
    chargeHost(ctx, 'casper_add_contract_version', [
      pkgPtr,
      pkgSize,
      versionPtr,
      epPtr,
      epSize,
      nkPtr,
      nkSize,
      outPtr,
      outSize,
      writtenPtr,
    ]);
    const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
    const entryPoints = unwrapDecode(decodeEntryPoints(ctx.memory.read(epPtr, epSize)));
    const namedKeys = unwrapDecode(decodeNamedKeys(ctx.memory.read(nkPtr, nkSize)));
    const pkg = validatedPackage(ctx, packageHash);
    const current = currentContractVersion(pkg);
    if (pkg.locked && current) throw lockedError();

    const wasmHash = ctx.phase.rng.newHashAddress();
    const prepared = runningModule(ctx);
    if (!prepared) throw new Error('add_contract_version: the running module was not recorded (recordRunningModule)');
    // The node stores the running module as its preprocessing left it (memory externalized, gas
    // injected, stack limited), pruned to the entry points (casper-wasm-utils `optimize`).
    const stored = moduleFromEntryPoints(
      prepared.instrumented ?? prepared.bytes,
      [...entryPoints.keys()].sort(compareStringsUtf8),
    );
    if ('error' in stored) throw new ExecutionError('FunctionNotFound', `Function not found: ${stored.name}`);
    const wasm = stored;
    const contractHash = ctx.phase.rng.newHashAddress();

    const major = ctx.phase.services.protocolMajor;
    const merged = new Map(namedKeys);
    if (current) {
      const previous = readHashRecord(ctx, current.contractHash, 3, 'Contract').contract;
      for (const [name, key] of previous.namedKeys) merged.set(name, key); // BTreeMap::append: previous wins
    }
    const contract: Contract = {
      contractPackageHash: packageHash,
      contractWasmHash: wasmHash,
      namedKeys: merged,
      entryPoints,
      protocolVersion: { ...PROTOCOL_VERSION, major },
    };
    const version = nextContractVersion(pkg, major);
    const updated: ContractPackage = {
      ...pkg,
      versions: [...pkg.versions, { protocolVersionMajor: major, contractVersion: version, contractHash }],
    };
    meteredWrite(ctx, wasmHash, { tag: 2, contractWasm: wasm });
    meteredWrite(ctx, contractHash, { tag: 3, contract });
    writePackage(ctx, packageHash, updated);

    if (outSize >>> 0 < 32) return BUFFER_TOO_SMALL;
    ctx.memory.write(outPtr, contractHash);
    ctx.memory.writeU32(writtenPtr, 32);
    ctx.memory.writeU32(versionPtr, version);
    return 0;
  },

  casper_disable_contract_version(ctx, pkgPtr, pkgSize, hashPtr, hashSize) {
    chargeHost(ctx, 'casper_disable_contract_version', [pkgPtr, pkgSize, hashPtr, hashSize]);
    return setVersionDisabled(ctx, pkgPtr, pkgSize, hashPtr, hashSize, true);
  },

  casper_enable_contract_version(ctx, pkgPtr, pkgSize, hashPtr, hashSize) {
    chargeHost(ctx, 'casper_enable_contract_version', [pkgPtr, pkgSize, hashPtr, hashSize]);
    return setVersionDisabled(ctx, pkgPtr, pkgSize, hashPtr, hashSize, false);
  },

  casper_create_contract_user_group(
    ctx,
    pkgPtr,
    pkgSize,
    labelPtr,
    labelSize,
    numNewURefs,
    existingPtr,
    existingSize,
    outSizePtr,
  ) {
    chargeHost(ctx, 'casper_create_contract_user_group', [
      pkgPtr,
      pkgSize,
      labelPtr,
      labelSize,
      numNewURefs,
      existingPtr,
      existingSize,
      outSizePtr,
    ]);
    const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
    const label = stringFromMem(ctx, labelPtr, labelSize);
    const existing = urefSetFromMem(ctx, existingPtr, existingSize);
    const pkg = validatedPackage(ctx, packageHash);
    if (pkg.groups.has(label)) return GROUP_ALREADY_EXISTS;
    if (pkg.groups.size >= MAX_GROUPS) return MAX_GROUPS_EXCEEDED;
    const n = numNewURefs >>> 0;
    if (totalURefs(pkg) + n + existing.length > MAX_TOTAL_UREFS) return MAX_TOTAL_UREFS_EXCEEDED;
    const created: URef[] = [];
    for (let i = 0; i < n; i++) created.push(newUnitURef(ctx));
    const groups = new Map(pkg.groups);
    groups.set(label, dedupURefs([...existing, ...created]));
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const value = CLValue.listOfURefs(created);
    ctx.hostBuffer = value;
    ctx.memory.writeUsize(outSizePtr, value.bytes.length);
    writePackage(ctx, packageHash, { ...pkg, groups });
    return 0;
  },

  casper_provision_contract_user_group_uref(ctx, pkgPtr, pkgSize, labelPtr, labelSize, outSizePtr) {
    chargeHost(ctx, 'casper_provision_contract_user_group_uref', [pkgPtr, pkgSize, labelPtr, labelSize, outSizePtr]);
    const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
    const label = stringFromMem(ctx, labelPtr, labelSize);
    const pkg = validatedPackage(ctx, packageHash);
    if (totalURefs(pkg) + 1 > MAX_TOTAL_UREFS) return MAX_TOTAL_UREFS_EXCEEDED;
    const group = pkg.groups.get(label);
    if (!group) return GROUP_DOES_NOT_EXIST;
    if (group.length + 1 > MAX_GROUPS) return MAX_TOTAL_UREFS_EXCEEDED; // the node compares with MAX_GROUPS
    const uref = newUnitURef(ctx);
    const groups = new Map(pkg.groups);
    groups.set(label, dedupURefs([...group, uref]));
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const value = CLValue.uref(uref);
    ctx.hostBuffer = value;
    ctx.memory.writeUsize(outSizePtr, value.bytes.length);
    writePackage(ctx, packageHash, { ...pkg, groups });
    return 0;
  },

  casper_remove_contract_user_group(ctx, pkgPtr, pkgSize, labelPtr, labelSize) {
    chargeHost(ctx, 'casper_remove_contract_user_group', [pkgPtr, pkgSize, labelPtr, labelSize]);
    const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
    const label = stringFromMem(ctx, labelPtr, labelSize);
    const pkg = validatedPackage(ctx, packageHash);
    if (!pkg.groups.has(label)) return GROUP_DOES_NOT_EXIST;
    const versions = [...pkg.versions].sort(compareVersionKeys);
    for (const v of versions) {
      const contract = readHashRecord(ctx, v.contractHash, 3, 'Contract').contract;
      for (const ep of contract.entryPoints.values()) {
        if (ep.access.tag === 2 && ep.access.groups.includes(label)) return GROUP_IN_USE;
      }
    }
    const groups = new Map(pkg.groups);
    groups.delete(label);
    writePackage(ctx, packageHash, { ...pkg, groups });
    return 0;
  },

  casper_remove_contract_user_group_urefs(ctx, pkgPtr, pkgSize, labelPtr, labelSize, urefsPtr, urefsSize) {
    chargeHost(ctx, 'casper_remove_contract_user_group_urefs', [
      pkgPtr,
      pkgSize,
      labelPtr,
      labelSize,
      urefsPtr,
      urefsSize,
    ]);
    const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
    const label = stringFromMem(ctx, labelPtr, labelSize);
    const urefs = urefSetFromMem(ctx, urefsPtr, urefsSize);
    const pkg = validatedPackage(ctx, packageHash);
    const group = pkg.groups.get(label);
    if (!group) return GROUP_DOES_NOT_EXIST;
    if (urefs.length === 0) return 0;
    let remaining = [...group];
    for (const u of urefs) {
      const i = remaining.findIndex((g) => urefEquals(g, u));
      if (i < 0) return UNABLE_TO_REMOVE_UREF;
      remaining = remaining.filter((_, j) => j !== i);
    }
    const groups = new Map(pkg.groups);
    groups.set(label, remaining);
    writePackage(ctx, packageHash, { ...pkg, groups });
    return 0;
  },

  casper_call_contract(ctx, hashPtr, hashSize, epPtr, epSize, argsPtr, argsSize, resultSizePtr) {
    chargeHost(ctx, 'casper_call_contract', [hashPtr, hashSize, epPtr, epSize, argsPtr, argsSize, resultSizePtr]);
    const contractHash = hashFromMem(ctx, hashPtr, hashSize);
    const entryPoint = stringFromMem(ctx, epPtr, epSize);
    const argsBytes = ctx.memory.read(argsPtr, argsSize);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    return callAndReturn(ctx, { kind: 'contract', contractHash }, entryPoint, argsBytes, resultSizePtr);
  },

  casper_call_versioned_contract(
    ctx,
    pkgPtr,
    pkgSize,
    verPtr,
    verSize,
    epPtr,
    epSize,
    argsPtr,
    argsSize,
    resultSizePtr,
  ) {
    chargeHost(ctx, 'casper_call_versioned_contract', [
      pkgPtr,
      pkgSize,
      verPtr,
      verSize,
      epPtr,
      epSize,
      argsPtr,
      argsSize,
      resultSizePtr,
    ]);
    const packageHash = hashFromMem(ctx, pkgPtr, pkgSize);
    const version = unwrapDecode(fromBytes(ctx.memory.read(verPtr, verSize), (r) => r.option((x) => x.u32())));
    const entryPoint = stringFromMem(ctx, epPtr, epSize);
    const argsBytes = ctx.memory.read(argsPtr, argsSize);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    return callAndReturn(ctx, { kind: 'package', packageHash, version }, entryPoint, argsBytes, resultSizePtr);
  },

  casper_ret(ctx, valuePtr, valueSize) {
    chargeHost(ctx, 'casper_ret', [valuePtr, valueSize]);
    ctx.hostBuffer = null;
    const decoded = decodeCLValue(ctx.memory.read(valuePtr, valueSize));
    // An undecodable value leaves the slot empty: the invocation then ends with ExpectedReturnValue.
    if (!decoded.ok) throw new ExecutionError('ExpectedReturnValue', 'Expected return value');
    for (const u of extractURefs(decoded.value)) ctx.validateURef(u);
    ctx.hostBuffer = decoded.value;
    ctx.returned = decoded.value;
    throw new ReturnSignal();
  },
};
