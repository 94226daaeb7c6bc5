/**
 * Contract records of Casper 1.5 (`types/src/contracts.rs`, `contract_wasm.rs`,
 * `protocol_version.rs`): ContractPackage, Contract, ContractWasm and ProtocolVersion.
 *
 * ContractPackage = access URef ‖ versions BTreeMap<(u32 major, u32 version), ContractHash> ‖
 * disabled BTreeSet<(u32, u32)> ‖ groups BTreeMap<String, BTreeSet<URef>> ‖ lock status bool.
 * Contract = package hash ‖ wasm hash ‖ NamedKeys ‖ EntryPoints ‖ ProtocolVersion.
 */
import { bytesEqual } from './bytes';
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { readSortedVec, readStringMap, writeSortedVec, writeStringMap } from './collections';
import { type EntryPoints, readEntryPoints, writeEntryPoints } from './entry-points';
import { type NamedKeys, readNamedKeys, writeNamedKeys } from './named-keys';
import { compareURefs, readURef, type URef, writeURef } from './uref';

/** ProtocolVersion (SemVer: u32 major, minor, patch). */
export interface ProtocolVersion {
  /** Major version. */
  readonly major: number;
  /** Minor version. */
  readonly minor: number;
  /** Patch version. */
  readonly patch: number;
}

/** Reads a ProtocolVersion. */
export function readProtocolVersion(r: Reader): ProtocolVersion {
  const major = r.u32();
  const minor = r.u32();
  return { major, minor, patch: r.u32() };
}

/** Writes a ProtocolVersion. */
export function writeProtocolVersion(w: Writer, v: ProtocolVersion): void {
  w.u32(v.major).u32(v.minor).u32(v.patch);
}

/** "1.5.6". */
export function protocolVersionToString(v: ProtocolVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** A contract version key: (protocol major version, contract version). */
export interface ContractVersionKey {
  /** Protocol major version the version was added under. */
  readonly protocolVersionMajor: number;
  /** Contract version number (1-based per major). */
  readonly contractVersion: number;
}

/** One entry of a package's versions map. */
export interface ContractVersionEntry extends ContractVersionKey {
  /** The contract hash stored for that version. */
  readonly contractHash: Uint8Array;
}

/** Ord of ContractVersionKey: numerically by major, then version. */
export function compareVersionKeys(a: ContractVersionKey, b: ContractVersionKey): number {
  return a.protocolVersionMajor - b.protocolVersionMajor || a.contractVersion - b.contractVersion;
}

/** A contract package. */
export interface ContractPackage {
  /** URef whose holder may manage the package. */
  readonly accessKey: URef;
  /** Versions in (major, version) order. */
  readonly versions: readonly ContractVersionEntry[];
  /** Disabled version keys in order. */
  readonly disabledVersions: readonly ContractVersionKey[];
  /** User groups: label → URefs (serialized sorted by label bytes, URefs by address then rights). */
  readonly groups: ReadonlyMap<string, readonly URef[]>;
  /** Lock status (true = Locked, serialized as bool). */
  readonly locked: boolean;
}

function readVersionKey(r: Reader): ContractVersionKey {
  const protocolVersionMajor = r.u32();
  return { protocolVersionMajor, contractVersion: r.u32() };
}

function writeVersionKey(w: Writer, k: ContractVersionKey): void {
  w.u32(k.protocolVersionMajor).u32(k.contractVersion);
}

function readVersionEntry(r: Reader): ContractVersionEntry {
  const protocolVersionMajor = r.u32();
  const contractVersion = r.u32();
  return { protocolVersionMajor, contractVersion, contractHash: r.fixed(32) };
}

function writeVersionEntry(w: Writer, e: ContractVersionEntry): void {
  writeVersionKey(w, e);
  w.fixed(e.contractHash, 32);
}

/** Reads a ContractPackage. */
export function readContractPackage(r: Reader): ContractPackage {
  const accessKey = readURef(r);
  const versions = readSortedVec(r, readVersionEntry, compareVersionKeys);
  const disabledVersions = readSortedVec(r, readVersionKey, compareVersionKeys);
  const groups = readStringMap(r, (x) => readSortedVec(x, readURef, compareURefs));
  const locked = r.bool();
  return { accessKey, versions, disabledVersions, groups, locked };
}

/** Writes a ContractPackage (maps and sets in Rust order). */
export function writeContractPackage(w: Writer, p: ContractPackage): void {
  writeURef(w, p.accessKey);
  writeSortedVec(w, p.versions, writeVersionEntry, compareVersionKeys);
  writeSortedVec(w, p.disabledVersions, writeVersionKey, compareVersionKeys);
  writeStringMap(w, p.groups, (x, urefs) => writeSortedVec(x, urefs, writeURef, compareURefs));
  w.bool(p.locked);
}

/** Decodes exactly one ContractPackage. */
export function decodeContractPackage(bytes: Uint8Array): DecodeResult<ContractPackage> {
  return fromBytes(bytes, readContractPackage);
}

/** Serializes a ContractPackage. */
export function encodeContractPackage(p: ContractPackage): Uint8Array {
  return toBytes(p, writeContractPackage, 64);
}

/** True if the version exists and is not disabled (`is_version_enabled`). */
export function isVersionEnabled(p: ContractPackage, key: ContractVersionKey): boolean {
  return (
    p.versions.some((v) => compareVersionKeys(v, key) === 0) &&
    !p.disabledVersions.some((d) => compareVersionKeys(d, key) === 0)
  );
}

/** Enabled versions in order (`enabled_versions`). */
export function enabledVersions(p: ContractPackage): ContractVersionEntry[] {
  return p.versions.filter((v) => !p.disabledVersions.some((d) => compareVersionKeys(d, v) === 0));
}

/** Highest enabled version, if any (`current_contract_version` / `current_contract_hash`). */
export function currentContractVersion(p: ContractPackage): ContractVersionEntry | undefined {
  const en = enabledVersions(p);
  let best: ContractVersionEntry | undefined;
  for (const v of en) if (!best || compareVersionKeys(v, best) > 0) best = v;
  return best;
}

/** Next contract version number for a protocol major version (`next_contract_version_for`). */
export function nextContractVersion(p: ContractPackage, protocolVersionMajor: number): number {
  let cur = 0;
  for (const v of p.versions) {
    if (v.protocolVersionMajor === protocolVersionMajor && v.contractVersion > cur) cur = v.contractVersion;
  }
  return cur + 1;
}

/** The version key stored for a contract hash (first in order), if any. */
export function findVersionByHash(p: ContractPackage, contractHash: Uint8Array): ContractVersionEntry | undefined {
  let best: ContractVersionEntry | undefined;
  for (const v of p.versions) {
    if (bytesEqual(v.contractHash, contractHash) && (!best || compareVersionKeys(v, best) < 0)) best = v;
  }
  return best;
}

/** A stored contract (Casper 1.5 `Contract`). */
export interface Contract {
  /** Hash of the package the contract belongs to. */
  readonly contractPackageHash: Uint8Array;
  /** Hash of its ContractWasm. */
  readonly contractWasmHash: Uint8Array;
  /** The contract's named keys. */
  readonly namedKeys: NamedKeys;
  /** Its entry points. */
  readonly entryPoints: EntryPoints;
  /** Protocol version it was added under. */
  readonly protocolVersion: ProtocolVersion;
}

/** Reads a Contract. */
export function readContract(r: Reader): Contract {
  const contractPackageHash = r.fixed(32);
  const contractWasmHash = r.fixed(32);
  const namedKeys = readNamedKeys(r);
  const entryPoints = readEntryPoints(r);
  return { contractPackageHash, contractWasmHash, namedKeys, entryPoints, protocolVersion: readProtocolVersion(r) };
}

/** Writes a Contract. */
export function writeContract(w: Writer, c: Contract): void {
  w.fixed(c.contractPackageHash, 32);
  w.fixed(c.contractWasmHash, 32);
  writeNamedKeys(w, c.namedKeys);
  writeEntryPoints(w, c.entryPoints);
  writeProtocolVersion(w, c.protocolVersion);
}

/** Decodes exactly one Contract. */
export function decodeContract(bytes: Uint8Array): DecodeResult<Contract> {
  return fromBytes(bytes, readContract);
}

/** Serializes a Contract. */
export function encodeContract(c: Contract): Uint8Array {
  return toBytes(c, writeContract, 128);
}

/** Reads a ContractWasm (`Bytes`: u32 length + module bytes), as a view. */
export function readContractWasm(r: Reader): Uint8Array {
  return r.bytes();
}

/** Writes a ContractWasm. */
export function writeContractWasm(w: Writer, wasm: Uint8Array): void {
  w.bytes(wasm);
}
