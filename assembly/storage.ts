// contract_api::storage, camelCased: URef values, contract packages and versions, user groups,
// dictionaries. Each function reverts exactly where casper-contract 1.5's does; functions that
// return Result in Rust return a code (0 = Ok) here, paired with an `…OrRevert` variant.

import {
  allocBytes,
  BytesReprError,
  bytesFrom,
  Decoded,
  decode,
  Encoder,
  encode,
  writeCLType,
  zeroOf,
} from './bytesrepr';
import { putCLValue } from './clvalue';
import { EntryPoints } from './contracts';
import { ApiError, revert } from './error';
import {
  casper_add,
  casper_add_contract_version,
  casper_create_contract_package_at_hash,
  casper_create_contract_user_group,
  casper_dictionary_get,
  casper_dictionary_put,
  casper_dictionary_read,
  casper_disable_contract_version,
  casper_enable_contract_version,
  casper_new_dictionary,
  casper_new_uref,
  casper_provision_contract_user_group_uref,
  casper_read_value,
  casper_remove_contract_user_group,
  casper_remove_contract_user_group_urefs,
  casper_write,
} from './externals';
import { ContractHash, ContractPackageHash } from './hashes';
import { hostValueOrRevert, readHostBuffer, readHostBytes, readResult, SCRATCH, stringArg } from './host';
import { Key, KeyTag } from './key';
import { nameBytes } from './map';
import { NamedKeys } from './named_keys';
import { hasKey, putKey } from './runtime';
import { AccessRights, URef } from './uref';

/** Longest dictionary item key the node accepts, in UTF-8 bytes. */
export const DICTIONARY_ITEM_KEY_MAX_LENGTH: u32 = 128;

function keyBytes(key: Key): Encoder {
  const enc = new Encoder(34);
  key.encode(enc);
  return enc;
}

function urefBytes(uref: URef): Encoder {
  const enc = new Encoder(33);
  uref.encode(enc);
  return enc;
}

/** u32 length 4 ‖ `v` little-endian: the start of a 4-byte CLValue, one copy for i32 and u32. */
function clValueBytes32(v: u32): Encoder {
  const enc = new Encoder();
  enc.putU32(4);
  enc.putU32(v);
  return enc;
}

function clValueBytes<T>(value: T): Encoder {
  if (isInteger<T>() && sizeof<T>() == 4) {
    const enc4 = clValueBytes32(<u32>value);
    writeCLType<T>(enc4, value);
    return enc4;
  }
  const enc = new Encoder();
  if (isInteger<T>()) {
    // Fixed size: no length to patch.
    enc.putU32(sizeof<T>());
    encode<T>(enc, value);
    writeCLType<T>(enc, value);
  } else {
    putCLValue<T>(enc, value);
  }
  return enc;
}

/**
 * The value under `uref` (`storage::read`): error 0 with the value, ValueNotFound (6) when
 * nothing is stored there, or the bytesrepr error (17/18/19…) when it does not decode as T.
 */
export function read<T>(uref: URef): Decoded<T> {
  const k = keyBytes(Key.fromURef(uref));
  return readResult<T>(casper_read_value(k.ptr, k.len, SCRATCH));
}

/** The value under `uref`; reverts ValueNotFound (6) when absent and Read (5) when not a T. */
export function readOrRevert<T>(uref: URef): T {
  const k = keyBytes(Key.fromURef(uref));
  const ret = casper_read_value(k.ptr, k.len, SCRATCH);
  if (ret != 0) revert(<u32>ret); // ValueNotFound (6) included
  if (isInteger<T>() && !isBoolean<T>() && sizeof<T>() >= 4) {
    // i32/u32/i64/u64 decode as exactly sizeof<T> little-endian bytes (else 17/19 → Read).
    const p = readHostBytes(load<u32>(SCRATCH));
    if (load<u32>(SCRATCH) != sizeof<T>()) revert(ApiError.Read);
    return load<T>(p);
  }
  const dec = readHostBuffer(load<u32>(SCRATCH));
  const v = decode<T>(dec);
  if (dec.finish() != 0) revert(ApiError.Read);
  return v;
}

/** The value stored under any readable key (Hash, Account named values…), as `read`. */
export function readFromKey<T>(key: Key): Decoded<T> {
  const k = keyBytes(key);
  return readResult<T>(casper_read_value(k.ptr, k.len, SCRATCH));
}

/** Writes `value` under `uref` (needs WRITE rights). */
export function write<T>(uref: URef, value: T): void {
  const k = keyBytes(Key.fromURef(uref));
  const v = clValueBytes<T>(value);
  casper_write(k.ptr, k.len, v.ptr, v.len);
}

/** Adds `value` to the number (or named-key map) under `uref` (needs ADD rights). */
export function add<T>(uref: URef, value: T): void {
  const k = keyBytes(Key.fromURef(uref));
  const v = clValueBytes<T>(value);
  casper_add(k.ptr, k.len, v.ptr, v.len);
}

/** A new URef (READ_ADD_WRITE) holding `init`. */
export function newURef<T>(init: T): URef {
  const v = clValueBytes<T>(init);
  const out = heap.alloc(33);
  casper_new_uref(out, v.ptr, v.len);
  return urefAt(out);
}

/**
 * The URef the host wrote at `p` (address ‖ rights), decoded as the Rust SDK's
 * `bytesrepr::deserialize(..).unwrap_or_revert()` does: rights above 7 revert Formatting (18).
 */
function urefAt(p: usize): URef {
  const rights = load<u8>(p, 32);
  if (rights > AccessRights.READ_ADD_WRITE) revert(BytesReprError.Formatting);
  return new URef(bytesFrom(p, 32), rights);
}

/** A contract hash and its version within its package (Rust's `(ContractHash, ContractVersion)`). */
export class ContractVersionResult {
  constructor(
    /** The new contract's hash. */
    public contractHash: ContractHash,
    /** Its version number within the package. */
    public version: u32,
  ) {}
}

/** A package hash and its access URef (Rust's `(ContractPackageHash, URef)`). */
export class ContractPackageResult {
  constructor(
    /** The new package's hash. */
    public packageHash: ContractPackageHash,
    /** The access URef that authorises adding versions and managing groups. */
    public accessURef: URef,
  ) {}
}

function createContractPackage(isLocked: bool): ContractPackageResult {
  const hash = allocBytes(32);
  const access = allocBytes(32);
  casper_create_contract_package_at_hash(changetype<usize>(hash), changetype<usize>(access), isLocked);
  return new ContractPackageResult(new ContractPackageHash(hash), new URef(access, AccessRights.READ_ADD_WRITE));
}

/** A new, upgradable contract package with no versions yet. */
export function createContractPackageAtHash(): ContractPackageResult {
  return createContractPackage(false);
}

/** A new locked package: its first version is its only one. */
export function createLockedContractPackageAtHash(): ContractPackageResult {
  return createContractPackage(true);
}

/** Adds a version (the running module, pruned to `entryPoints`) to a package. Errors revert. */
export function addContractVersion(
  packageHash: ContractPackageHash,
  entryPoints: EntryPoints,
  namedKeys: NamedKeys,
): ContractVersionResult {
  return addVersion(packageHash.bytes, entryPoints, namedKeys);
}

/** An empty BTreeMap (u32 count 0): the named keys of a contract given none. */
const EMPTY_MAP: usize = memory.data(4);

/** addContractVersion with the package hash as bytes; null named keys are an empty map. */
function addVersion(
  packageHash: StaticArray<u8>,
  entryPoints: EntryPoints,
  namedKeys: NamedKeys | null,
): ContractVersionResult {
  const ep = entryPoints.toEncoded(); // u32 length ‖ bytes (a build-time map's are not copied)
  let nkPtr = EMPTY_MAP;
  let nkLen: usize = 4;
  if (namedKeys !== null) {
    const nk = new Encoder();
    namedKeys.encode(nk);
    nkPtr = nk.ptr;
    nkLen = nk.len;
  }
  const out = heap.alloc(34);
  store<u64>(SCRATCH, 0);
  const ret = casper_add_contract_version(
    changetype<usize>(packageHash),
    32,
    SCRATCH + 8,
    ep + 4,
    load<u32>(ep),
    nkPtr,
    nkLen,
    out,
    34,
    SCRATCH,
  );
  if (ret != 0) revert(<u32>ret);
  // The contract hash: exactly 32 bytes written (else the bytesrepr error, as deserializing them).
  const written = load<u32>(SCRATCH);
  if (written != 32) revert(written < 32 ? BytesReprError.EarlyEndOfStream : BytesReprError.LeftOverBytes);
  return new ContractVersionResult(new ContractHash(bytesFrom(out, 32)), load<u32>(SCRATCH + 8));
}

/** `storage::new_contract` / `new_locked_contract`: a package, its named keys, its first version. */
function createContract(
  entryPoints: EntryPoints,
  namedKeys: NamedKeys | null,
  hashName: string | null,
  urefName: string | null,
  isLocked: bool,
): ContractVersionResult {
  const hash = allocBytes(32);
  const access = allocBytes(32);
  casper_create_contract_package_at_hash(changetype<usize>(hash), changetype<usize>(access), isLocked);
  // Null checks on the pointers: `!== null` on a string calls String.__ne, a use that keeps a
  // literal name's UTF-16 object alive where only its static UTF-8 is needed.
  if (changetype<usize>(hashName) != 0) putKey(changetype<string>(hashName), Key.fromHash(hash));
  if (changetype<usize>(urefName) != 0) {
    putKey(changetype<string>(urefName), Key.fromURef(new URef(access, AccessRights.READ_ADD_WRITE)));
  }
  return addVersion(hash, entryPoints, namedKeys);
}

/**
 * Installs an upgradable contract at version 1 (`storage::new_contract`): the package hash goes
 * under `hashName` and its access URef under `urefName` in the caller's named keys, if given.
 */
export function newContract(
  entryPoints: EntryPoints,
  namedKeys: NamedKeys | null = null,
  hashName: string | null = null,
  urefName: string | null = null,
): ContractVersionResult {
  return createContract(entryPoints, namedKeys, hashName, urefName, false);
}

/** Installs a locked contract that can never be upgraded (`storage::new_locked_contract`). */
export function newLockedContract(
  entryPoints: EntryPoints,
  namedKeys: NamedKeys | null = null,
  hashName: string | null = null,
  urefName: string | null = null,
): ContractVersionResult {
  return createContract(entryPoints, namedKeys, hashName, urefName, true);
}

/** Disables a contract version; returns 0 or the ApiError code (ContractHeader 2 if not in the package). */
export function disableContractVersion(packageHash: ContractPackageHash, contractHash: ContractHash): u32 {
  return <u32>(
    casper_disable_contract_version(changetype<usize>(packageHash.bytes), 32, changetype<usize>(contractHash.bytes), 32)
  );
}

/** Disables a contract version, reverting on error. */
export function disableContractVersionOrRevert(packageHash: ContractPackageHash, contractHash: ContractHash): void {
  const e = disableContractVersion(packageHash, contractHash);
  if (e != 0) revert(e);
}

/** Re-enables a contract version; returns 0 or the ApiError code. */
export function enableContractVersion(packageHash: ContractPackageHash, contractHash: ContractHash): u32 {
  return <u32>(
    casper_enable_contract_version(changetype<usize>(packageHash.bytes), 32, changetype<usize>(contractHash.bytes), 32)
  );
}

/** Re-enables a contract version, reverting on error. */
export function enableContractVersionOrRevert(packageHash: ContractPackageHash, contractHash: ContractHash): void {
  const e = enableContractVersion(packageHash, contractHash);
  if (e != 0) revert(e);
}

/** BTreeSet<URef> bytes: sorted by (address, rights), duplicates dropped. */
function urefSetBytes(urefs: Array<URef>): Encoder {
  const sorted = urefs.slice(0);
  for (let i = 1; i < sorted.length; i++) {
    const u = unchecked(sorted[i]);
    let j = i - 1;
    while (j >= 0 && compareURefs(unchecked(sorted[j]), u) > 0) {
      unchecked((sorted[j + 1] = sorted[j]));
      j--;
    }
    unchecked((sorted[j + 1] = u));
  }
  const body = new Encoder();
  let count: u32 = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && compareURefs(unchecked(sorted[i - 1]), unchecked(sorted[i])) == 0) continue;
    unchecked(sorted[i]).encode(body);
    count++;
  }
  const enc = new Encoder(body.len + 4);
  enc.putU32(count);
  enc.putRaw(body.ptr, body.len);
  return enc;
}

function compareURefs(a: URef, b: URef): i32 {
  for (let i = 0; i < 32; i++) {
    const d = <i32>unchecked(a.addr[i]) - <i32>unchecked(b.addr[i]);
    if (d != 0) return d;
  }
  return <i32>a.rights - <i32>b.rights;
}

/**
 * Creates user group `label` on a package with `numNewURefs` new URefs plus `existing`; returns
 * the new URefs. Errors revert, as in the Rust SDK.
 */
export function createContractUserGroup(
  packageHash: ContractPackageHash,
  label: string,
  numNewURefs: u8,
  existing: Array<URef> = [],
): Array<URef> {
  const l = stringArg(label);
  const ex = urefSetBytes(existing);
  store<u64>(SCRATCH, 0);
  const ret = casper_create_contract_user_group(
    changetype<usize>(packageHash.bytes),
    32,
    l.ptr,
    l.len,
    numNewURefs,
    ex.ptr,
    ex.len,
    SCRATCH,
  );
  if (ret != 0) revert(<u32>ret);
  return hostValueOrRevert<Array<URef>>(<u32>load<u64>(SCRATCH));
}

/** Adds a new URef to group `label`; returns it, or null with the code in `lastError`. */
export function provisionContractUserGroupURef(packageHash: ContractPackageHash, label: string): Decoded<URef> {
  const l = stringArg(label);
  store<u64>(SCRATCH, 0);
  const ret = casper_provision_contract_user_group_uref(
    changetype<usize>(packageHash.bytes),
    32,
    l.ptr,
    l.len,
    SCRATCH,
  );
  if (ret != 0) return new Decoded<URef>(changetype<URef>(0), <u32>ret);
  return new Decoded<URef>(hostValueOrRevert<URef>(<u32>load<u64>(SCRATCH)), 0);
}

/** Adds a new URef to group `label`, reverting on error. */
export function provisionContractUserGroupURefOrRevert(packageHash: ContractPackageHash, label: string): URef {
  const r = provisionContractUserGroupURef(packageHash, label);
  if (r.error != 0) revert(r.error);
  return r.value;
}

/** Removes user group `label`; returns 0 or the ApiError code. */
export function removeContractUserGroup(packageHash: ContractPackageHash, label: string): u32 {
  const l = stringArg(label);
  return <u32>casper_remove_contract_user_group(changetype<usize>(packageHash.bytes), 32, l.ptr, l.len);
}

/** Removes user group `label`, reverting on error. */
export function removeContractUserGroupOrRevert(packageHash: ContractPackageHash, label: string): void {
  const e = removeContractUserGroup(packageHash, label);
  if (e != 0) revert(e);
}

/** Removes `urefs` from group `label`; returns 0 or the ApiError code. */
export function removeContractUserGroupURefs(packageHash: ContractPackageHash, label: string, urefs: Array<URef>): u32 {
  const l = stringArg(label);
  const u = urefSetBytes(urefs);
  return <u32>(
    casper_remove_contract_user_group_urefs(changetype<usize>(packageHash.bytes), 32, l.ptr, l.len, u.ptr, u.len)
  );
}

/** Removes `urefs` from group `label`, reverting on error. */
export function removeContractUserGroupURefsOrRevert(
  packageHash: ContractPackageHash,
  label: string,
  urefs: Array<URef>,
): void {
  const e = removeContractUserGroupURefs(packageHash, label, urefs);
  if (e != 0) revert(e);
}

/**
 * A new dictionary stored under named key `name` (`storage::new_dictionary`): InvalidArgument (3)
 * when `name` is empty or already a named key; host errors revert.
 */
export function newDictionary(name: string): Decoded<URef> {
  if (name.length == 0 || hasKey(name)) return new Decoded<URef>(changetype<URef>(0), ApiError.InvalidArgument);
  store<u64>(SCRATCH, 0);
  const ret = casper_new_dictionary(SCRATCH);
  if (ret != 0) revert(<u32>ret);
  const uref = hostValueOrRevert<URef>(<u32>load<u64>(SCRATCH));
  putKey(name, Key.fromURef(uref));
  return new Decoded<URef>(uref, 0);
}

/** A new dictionary under named key `name`, reverting on error. */
export function newDictionaryOrRevert(name: string): URef {
  const r = newDictionary(name);
  if (r.error != 0) revert(r.error);
  return r.value;
}

/**
 * A dictionary item key as a bytesrepr String (u32 length ‖ UTF-8; the host takes the UTF-8 at
 * +4); reverts DictionaryItemKeyExceedsLength (36) past 128 bytes.
 */
function itemKeyBytes(itemKey: string): usize {
  const p = nameBytes(itemKey);
  if (load<u32>(p) > DICTIONARY_ITEM_KEY_MAX_LENGTH) revert(ApiError.DictionaryItemKeyExceedsLength);
  return p;
}

/** The item under `itemKey` in the dictionary seeded by `seed`, as `read` (6 when absent). */
export function dictionaryGet<T>(seed: URef, itemKey: string): Decoded<T> {
  const u = urefBytes(seed);
  const k = itemKeyBytes(itemKey);
  return readResult<T>(casper_dictionary_get(u.ptr, u.len, k + 4, load<u32>(k), SCRATCH));
}

/** The item under `itemKey`; reverts ValueNotFound (6) when absent and Read (5) when not a T. */
export function dictionaryGetOrRevert<T>(seed: URef, itemKey: string): T {
  const r = dictionaryGet<T>(seed, itemKey);
  if (r.error == ApiError.ValueNotFound) revert(ApiError.ValueNotFound);
  if (r.error != 0) revert(ApiError.Read);
  return r.value;
}

/** Stores `value` under `itemKey` in the dictionary seeded by `seed` (needs WRITE). Errors revert. */
export function dictionaryPut<T>(seed: URef, itemKey: string, value: T): void {
  const u = urefBytes(seed);
  const k = itemKeyBytes(itemKey);
  const v = clValueBytes<T>(value);
  const ret = casper_dictionary_put(u.ptr, u.len, k + 4, load<u32>(k), v.ptr, v.len);
  if (ret != 0) revert(<u32>ret);
}

/**
 * The value under a Key::Dictionary (`storage::dictionary_read`): UnexpectedKeyVariant (9) for
 * any other key variant, ValueNotFound (6) when absent, a bytesrepr error when not a T.
 */
export function dictionaryRead<T>(dictionaryKey: Key): Decoded<T> {
  if (dictionaryKey.tag != KeyTag.Dictionary) return new Decoded<T>(zeroOf<T>(), ApiError.UnexpectedKeyVariant);
  const k = keyBytes(dictionaryKey);
  return readResult<T>(casper_dictionary_read(k.ptr, k.len, SCRATCH));
}
