// contract_api::runtime, camelCased: named args, named keys, caller, block time, phase, call
// stack, calling contracts, hashing and randomness. Mirrors casper-contract 1.5's behaviour,
// including which errors revert and with which ApiError.

import { allocBytes, bytesFrom, Decoder, decode, Encoder, stringBytes } from './bytesrepr';
import { CallStackElement } from './call_stack';
import { CLValue } from './clvalue';
import { ApiError, revert } from './error';
import {
  casper_blake2b,
  casper_call_contract,
  casper_call_versioned_contract,
  casper_get_blocktime,
  casper_get_caller,
  casper_get_key,
  casper_get_named_arg,
  casper_get_named_arg_size,
  casper_get_phase,
  casper_has_key,
  casper_is_valid_uref,
  casper_load_authorization_keys,
  casper_load_call_stack,
  casper_load_named_keys,
  casper_print,
  casper_put_key,
  casper_random_bytes,
  casper_remove_key,
  casper_ret,
} from './externals';
import { AccountHash, ContractHash, ContractPackageHash } from './hashes';
import { hostValueOrRevert, readHostBuffer, SCRATCH } from './host';
import { Key, keyAtOrRevert } from './key';
import { NamedKeys } from './named_keys';
import { Option } from './option';
import { RuntimeArgs } from './runtime_args';
import { URef } from './uref';

export { readHostBuffer };

/** Execution phase (casper-types `Phase`). */
export namespace Phase {
  /** Set while committing the genesis or upgrade configurations. */
  export const System: u8 = 0;
  /** Set while executing the payment code of a deploy. */
  export const Payment: u8 = 1;
  /** Set while executing the session code of a deploy. */
  export const Session: u8 = 2;
  /** Set while finalizing payment at the end of a deploy. */
  export const FinalizePayment: u8 = 3;
}

/**
 * Reads named argument `name` (Rust SDK protocol: its size first, then exactly that many bytes)
 * and returns a Decoder over its bytes; when there is no such argument, null if `optional`,
 * else a revert with MissingArgument (2). Other host errors revert.
 */
function namedArg(name: string, optional: bool): Decoder | null {
  const nameBytes = stringBytes(name);
  const namePtr = nameBytes + 4;
  const nameLen = load<u32>(nameBytes);
  let ret = casper_get_named_arg_size(namePtr, nameLen, SCRATCH);
  if (optional && ret == <i32>ApiError.MissingArgument) return null;
  if (ret != 0) revert(<u32>ret); // (a missing required argument: MissingArgument)
  const size = load<u32>(SCRATCH);
  const dest = heap.alloc(size);
  if (size > 0) {
    ret = casper_get_named_arg(namePtr, nameLen, dest, size);
    if (ret != 0) revert(<u32>ret);
  }
  return new Decoder(dest, size);
}

/** The raw bytes of named argument `name` (the CLValue's inner bytes), or null when absent. */
export function getNamedArgBytes(name: string): StaticArray<u8> | null {
  const dec = namedArg(name, true);
  return dec === null ? null : bytesFrom(dec.ptr, dec.remaining);
}

/**
 * Named argument `name` decoded as T. Reverts with MissingArgument (2) when absent and with
 * InvalidArgument (3) when the bytes do not decode as T, exactly as `runtime::get_named_arg`.
 */
export function getNamedArg<T>(name: string): T {
  const dec = changetype<Decoder>(namedArg(name, false));
  const v = decode<T>(dec);
  decodedWhole(dec);
  return v;
}

/** Reverts with InvalidArgument (3) unless the argument's bytes decoded exactly (one copy for every T). */
function decodedWhole(dec: Decoder): void {
  if (dec.finish() != 0) revert(ApiError.InvalidArgument);
}

/** Named argument `name` as T, or None when it is absent or does not decode (`try_get_named_arg`). */
export function tryGetNamedArg<T>(name: string): Option<T> {
  const dec = namedArg(name, true);
  if (dec === null) return Option.none<T>();
  const v = decode<T>(dec);
  return dec.finish() != 0 ? Option.none<T>() : Option.some<T>(v);
}

/** Stores `key` under `name` in the current context's named keys. */
export function putKey(name: string, key: Key): void {
  const n = stringBytes(name);
  const k = new Encoder(40);
  key.encode(k);
  casper_put_key(n, load<u32>(n) + 4, k.ptr, k.len);
}

/** The key stored under `name` in the current context's named keys, or null. */
export function getKey(name: string): Key | null {
  const n = stringBytes(name);
  const out = heap.alloc(KEY_MAX_SERIALIZED_LENGTH);
  const ret = casper_get_key(n, load<u32>(n) + 4, out, KEY_MAX_SERIALIZED_LENGTH, SCRATCH);
  if (ret == <i32>ApiError.MissingKey) return null;
  if (ret != 0) revert(<u32>ret);
  return keyAtOrRevert(out, load<u32>(SCRATCH));
}

/** The key stored under `name`, reverting with MissingKey (24) when absent. */
export function getKeyOrRevert(name: string): Key {
  const k = getKey(name);
  if (k === null) revert(ApiError.MissingKey);
  return changetype<Key>(k);
}

/** `Key::max_serialized_length()` on 1.5: a URef key, 34 bytes. */
export const KEY_MAX_SERIALIZED_LENGTH: u32 = 34;

/** True when `name` is among the current context's named keys. */
export function hasKey(name: string): bool {
  const n = stringBytes(name);
  return casper_has_key(n, load<u32>(n) + 4) == 0;
}

/** Removes `name` from the current context's named keys. */
export function removeKey(name: string): void {
  const n = stringBytes(name);
  casper_remove_key(n, load<u32>(n) + 4);
}

/** All named keys of the current context. */
export function listNamedKeys(): NamedKeys {
  const ret = casper_load_named_keys(SCRATCH, SCRATCH + 4);
  if (ret != 0) revert(<u32>ret);
  if (load<u32>(SCRATCH) == 0) return new NamedKeys();
  return hostValueOrRevert<NamedKeys>(load<u32>(SCRATCH + 4));
}

/** Returns `value` to the caller and ends this invocation (`runtime::ret`). */
export function ret(value: CLValue): void {
  const enc = new Encoder();
  value.encode(enc);
  casper_ret(enc.ptr, enc.len);
  unreachable();
}

export { revert };

/** The account hash of the account that signed the deploy (`runtime::get_caller`). */
export function getCaller(): AccountHash {
  store<u64>(SCRATCH, 0);
  const ret = casper_get_caller(SCRATCH);
  if (ret != 0) revert(<u32>ret);
  return hostValueOrRevert<AccountHash>(<u32>load<u64>(SCRATCH));
}

/** The block time, milliseconds since the Unix epoch (`runtime::get_blocktime`). */
export function getBlocktime(): u64 {
  casper_get_blocktime(SCRATCH);
  return load<u64>(SCRATCH);
}

/** The current execution phase (see `Phase`). */
export function getPhase(): u8 {
  casper_get_phase(SCRATCH);
  return load<u8>(SCRATCH);
}

/** The call stack, the session frame first and the running code last (`runtime::get_call_stack`). */
export function getCallStack(): Array<CallStackElement> {
  const ret = casper_load_call_stack(SCRATCH, SCRATCH + 4);
  if (ret != 0) revert(<u32>ret);
  if (load<u32>(SCRATCH) == 0) return new Array<CallStackElement>();
  return hostValueOrRevert<Array<CallStackElement>>(load<u32>(SCRATCH + 4));
}

/** Decodes a contract call's result: no bytes means the host buffer was left empty. */
function contractResult<T>(size: u32): T {
  const dec = size ? readHostBuffer(size) : new Decoder(0, 0);
  const v = decode<T>(dec);
  const err = dec.finish();
  if (err != 0) revert(err);
  return v;
}

/** Calls `entryPoint` of the contract at `contractHash` and decodes its `ret` value as T. */
export function callContract<T>(contractHash: ContractHash, entryPoint: string, args: RuntimeArgs): T {
  const ep = stringBytes(entryPoint);
  const a = new Encoder();
  args.encode(a);
  const ret = casper_call_contract(
    changetype<usize>(contractHash.bytes),
    32,
    ep,
    load<u32>(ep) + 4,
    a.ptr,
    a.len,
    SCRATCH,
  );
  if (ret != 0) revert(<u32>ret);
  return contractResult<T>(load<u32>(SCRATCH));
}

/** Calls `entryPoint` of a package's `version` (None: the highest enabled one) and decodes its result as T. */
export function callVersionedContract<T>(
  packageHash: ContractPackageHash,
  version: Option<u32>,
  entryPoint: string,
  args: RuntimeArgs,
): T {
  const ver = new Encoder(8);
  version.encode(ver);
  const ep = stringBytes(entryPoint);
  const a = new Encoder();
  args.encode(a);
  const ret = casper_call_versioned_contract(
    changetype<usize>(packageHash.bytes),
    32,
    ver.ptr,
    ver.len,
    ep,
    load<u32>(ep) + 4,
    a.ptr,
    a.len,
    SCRATCH,
  );
  if (ret != 0) revert(<u32>ret);
  return contractResult<T>(load<u32>(SCRATCH));
}

/** True when `uref` is valid in the current context (the context holds its address with those rights). */
export function isValidURef(uref: URef): bool {
  const enc = new Encoder(33);
  uref.encode(enc);
  return casper_is_valid_uref(enc.ptr, enc.len) == 1;
}

/** BLAKE2b-256 of `input`, computed by the host. */
export function blake2b(input: StaticArray<u8>): StaticArray<u8> {
  const out = allocBytes(32);
  const ret = casper_blake2b(changetype<usize>(input), input.length, changetype<usize>(out), 32);
  if (ret != 0) revert(<u32>ret);
  return out;
}

/** 32 bytes from the deploy's deterministic random generator. */
export function randomBytes(): StaticArray<u8> {
  const out = allocBytes(32);
  const ret = casper_random_bytes(changetype<usize>(out), 32);
  if (ret != 0) revert(<u32>ret);
  return out;
}

/** The account hashes that signed the deploy, sorted ascending. */
export function listAuthorizationKeys(): Array<AccountHash> {
  const ret = casper_load_authorization_keys(SCRATCH, SCRATCH + 4);
  if (ret != 0) revert(<u32>ret);
  if (load<u32>(SCRATCH) == 0) return new Array<AccountHash>();
  return hostValueOrRevert<Array<AccountHash>>(load<u32>(SCRATCH + 4));
}

/**
 * Prints `text` through `casper_print`. Debug builds only: production nodes do not provide
 * casper_print, so release builds compile this to nothing and import nothing.
 */
export function print(text: string): void {
  if (CASPER_DEBUG) {
    const t = stringBytes(text);
    casper_print(t, load<u32>(t) + 4);
  }
}
