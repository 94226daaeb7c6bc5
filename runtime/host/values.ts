/**
 * Values, URefs and access rights (execution_engine runtime `read`, `write`, `add`, `new_uref`,
 * `is_valid_uref`; runtime_context `read_gs`, `metered_write_gs`, `metered_add_gs`,
 * `validate_cl_value`, `is_readable`/`is_addable`/`is_writeable`; tracking_copy `add`;
 * shared/transform.rs; casper-vm1-abi.md §3.4). The access and validation helpers are exported
 * for the other handlers that store values (named keys, dictionaries).
 */

import type { RuntimeContext } from '../engine/context';
import { bytesReprError, ExecutionError, executionError, invalidAccess } from '../engine/errors';
import type { TransformKind } from '../state/tracking-copy';
import { type CLType, CLTypes, clTypeEquals, clTypeToString } from '../types/cltype';
import { CLValue, type CLValueError, clValueErrorToString, decodeCLValue } from '../types/clvalue';
import { encodeContractPackage } from '../types/contract';
import { unwrapDictionaryValue } from '../types/dictionary';
import { decodeKey, type Key, keyEquals, keyToFormattedString, urefKey } from '../types/key';
import { type StoredValue, storedCLValue, storedValueTypeName } from '../types/stored-value';
import {
  AccessRights,
  accessRightsToString,
  decodeURef,
  encodeURef,
  isAddable,
  isReadable,
  isWriteable,
  type URef,
} from '../types/uref';
import { chargeHost, chargeStorage, type HostHandlers, unwrapDecode } from './handler';

const VALUE_NOT_FOUND = 6;
const HOST_BUFFER_FULL = 34;

/**
 * Error::CLValue(e): a CLValue whose bytes do not convert to its declared type (e.g. a value
 * typed Key with malformed bytes, checked by `validate_cl_value`). The engine's error kind is
 * `CLValue`, which `ExecutionErrorKind` does not list yet (see the handler report); the kind
 * string is the node's.
 */
export function clValueError(e: CLValueError): ExecutionError {
  return new ExecutionError('CLValue', clValueErrorToString(e));
}

/** Error::TypeMismatch(StoredValueTypeMismatch { expected, found }). */
export function typeMismatch(expected: string, found: string): ExecutionError {
  return executionError('TypeMismatch', `Type mismatch. Expected ${expected} but found ${found}.`);
}

/** Error::KeyNotFound(key). */
export function keyNotFound(key: Key): ExecutionError {
  return executionError('KeyNotFound', `Key ${keyToFormattedString(key)} not found`);
}

/** `is_readable`: URef READ bit; Account only the base key; Balance never; everything else yes. */
export function isKeyReadable(ctx: RuntimeContext, key: Key): boolean {
  switch (key.tag) {
    case 0:
      return keyEquals(ctx.baseKey, key);
    case 2:
      return isReadable(key.uref.rights);
    case 6:
      return false;
    default:
      return true;
  }
}

/** `is_addable`: URef ADD bit; Account and Hash only the base key; nothing else. */
export function isKeyAddable(ctx: RuntimeContext, key: Key): boolean {
  switch (key.tag) {
    case 0:
    case 1:
      return keyEquals(ctx.baseKey, key);
    case 2:
      return isAddable(key.uref.rights);
    default:
      return false;
  }
}

/** `is_writeable`: only a URef with the WRITE bit. */
export function isKeyWriteable(key: Key): boolean {
  return key.tag === 2 && isWriteable(key.uref.rights);
}

/** `validate_readable`: traps InvalidAccess { required: READ }. */
export function checkReadable(ctx: RuntimeContext, key: Key): void {
  if (!isKeyReadable(ctx, key)) throw invalidAccess(accessRightsToString(AccessRights.READ));
}

/** `validate_addable`: traps InvalidAccess { required: ADD }. */
export function checkAddable(ctx: RuntimeContext, key: Key): void {
  if (!isKeyAddable(ctx, key)) throw invalidAccess(accessRightsToString(AccessRights.ADD));
}

/** `validate_writeable`: traps InvalidAccess { required: WRITE }. */
export function checkWriteable(key: Key): void {
  if (!isKeyWriteable(key)) throw invalidAccess(accessRightsToString(AccessRights.WRITE));
}

/** `validate_key`: a URef key must be valid in the context (else ForgedReference). */
export function validateKey(ctx: RuntimeContext, key: Key): void {
  if (key.tag === 2) ctx.validateURef(key.uref);
}

/**
 * `validate_cl_value`: only top-level Key, URef and Tuple2(String, Key) are inspected; their
 * bytes must convert (else Error::CLValue) and a URef in them must be valid (ForgedReference).
 */
export function validateCLValue(ctx: RuntimeContext, v: CLValue): void {
  switch (v.clType.tag) {
    case 11: {
      const r = v.asKey();
      if (!r.ok) throw clValueError(r.error);
      validateKey(ctx, r.value);
      return;
    }
    case 12: {
      const r = v.asURef();
      if (!r.ok) throw clValueError(r.error);
      ctx.validateURef(r.value);
      return;
    }
    case 19: {
      if (!clTypeEquals(v.clType, CLTypes.NamedKey)) return;
      const r = v.asNamedKey();
      if (!r.ok) throw clValueError(r.error);
      validateKey(ctx, r.value.key);
      return;
    }
    default:
      return;
  }
}

/** `validate_value`: a CLValue as above; the named keys of an Account or Contract record. */
export function validateStoredValue(ctx: RuntimeContext, v: StoredValue): void {
  if (v.tag === 0) validateCLValue(ctx, v.clValue);
  else if (v.tag === 1) for (const k of v.account.namedKeys.values()) validateKey(ctx, k);
  else if (v.tag === 3) for (const k of v.contract.namedKeys.values()) validateKey(ctx, k);
}

/**
 * What a stored value reads as from Wasm: under Key::Dictionary the wrapper is removed
 * (`handle_stored_value`, a bad wrapper → Error::CLValue); then `CLValue::try_from`: a CLValue as
 * is, a ContractPackage as CLValue(Any, its serialization), anything else → TypeMismatch.
 */
export function storedValueToCLValue(key: Key, stored: StoredValue): CLValue {
  if (stored.tag === 0) {
    if (key.tag !== 9) return stored.clValue;
    const r = unwrapDictionaryValue(stored.clValue);
    if (!r.ok) throw clValueError(r.error);
    return r.value;
  }
  if (stored.tag === 4) return CLValue.any(encodeContractPackage(stored.contractPackage));
  throw typeMismatch('CLValue', storedValueTypeName(stored));
}

/** Puts `value` in the (empty) host buffer and writes its inner length (u32) at `sizePtr`. */
export function fillHostBuffer(ctx: RuntimeContext, value: CLValue, sizePtr: number): void {
  ctx.hostBuffer = value;
  ctx.memory.writeU32(sizePtr, value.bytes.length);
}

/** Numeric stored types `add` accepts: width in bits and signedness, by CLType tag. */
const NUMERIC: Readonly<Record<number, { bits: number; signed: boolean; make: (v: bigint) => CLValue }>> = {
  1: { bits: 32, signed: true, make: (v) => CLValue.i32(Number(v)) },
  2: { bits: 64, signed: true, make: (v) => CLValue.i64(v) },
  3: { bits: 8, signed: false, make: (v) => CLValue.u8(Number(v)) },
  4: { bits: 32, signed: false, make: (v) => CLValue.u32(Number(v)) },
  5: { bits: 64, signed: false, make: (v) => CLValue.u64(v) },
  6: { bits: 128, signed: false, make: (v) => CLValue.u128(v) },
  7: { bits: 256, signed: false, make: (v) => CLValue.u256(v) },
  8: { bits: 512, signed: false, make: (v) => CLValue.u512(v) },
};

const ADD_KIND: Readonly<Record<number, TransformKind>> = {
  1: 'AddInt32',
  5: 'AddUInt64',
  6: 'AddUInt128',
  7: 'AddUInt256',
  8: 'AddUInt512',
};

/** Decodes a stored value's numeric CLValue (its own type), bytesrepr failure → BytesRepr trap. */
function numericValue(v: CLValue): bigint {
  const r =
    v.clType.tag === 1
      ? v.asI32()
      : v.clType.tag === 2
        ? v.asI64()
        : v.clType.tag === 3
          ? v.asU8()
          : v.clType.tag === 4
            ? v.asU32()
            : v.clType.tag === 5
              ? v.asU64()
              : v.clType.tag === 6
                ? v.asU128()
                : v.clType.tag === 7
                  ? v.asU256()
                  : v.asU512();
  if (!r.ok) throw r.error.kind === 'bytesrepr' ? bytesReprError(r.error.error) : clValueError(r.error);
  return BigInt(r.value);
}

function debugType(t: CLType): string {
  return clTypeToString(t);
}

/**
 * The tracking copy's `add` (after the caller's checks and storage gas): the current value must
 * exist (KeyNotFound); the addend must be I32/U64/U128/U256/U512 (wrapping addition into the
 * stored numeric type, two's complement) or Tuple2(String, Key) (named key into an Account or
 * Contract); anything else → TypeMismatch; bad bytes → BytesRepr. Records the Add* transform.
 */
export function addToState(ctx: RuntimeContext, key: Key, addend: CLValue): void {
  const tc = ctx.phase.tc;
  const current = tc.peek(key);
  if (current === undefined) throw keyNotFound(key);
  const t = addend.clType;
  const kind = ADD_KIND[t.tag];
  if (kind !== undefined) {
    const a = numericValue(addend);
    if (current.tag !== 0) throw typeMismatch('CLValue', storedValueTypeName(current));
    const stored = current.clValue;
    const num = NUMERIC[stored.clType.tag];
    if (num === undefined) {
      throw typeMismatch(`integral type compatible with ${debugType(t)}`, debugType(stored.clType));
    }
    const sum = BigInt.asUintN(num.bits, numericValue(stored) + a);
    tc.add(key, storedCLValue(num.make(num.signed ? BigInt.asIntN(num.bits, sum) : sum)), kind);
    return;
  }
  if (!clTypeEquals(t, CLTypes.NamedKey)) {
    throw typeMismatch('I32, U64, U128, U256, U512 or (String, Key) tuple', 'CLValue');
  }
  const nk = addend.asNamedKey();
  if (!nk.ok) throw nk.error.kind === 'bytesrepr' ? bytesReprError(nk.error.error) : clValueError(nk.error);
  const { name, key: namedKey } = nk.value;
  if (current.tag === 1) {
    const namedKeys = new Map(current.account.namedKeys).set(name, namedKey);
    tc.add(key, { tag: 1, account: { ...current.account, namedKeys } }, 'AddKeys');
  } else if (current.tag === 3) {
    const namedKeys = new Map(current.contract.namedKeys).set(name, namedKey);
    tc.add(key, { tag: 3, contract: { ...current.contract, namedKeys } }, 'AddKeys');
  } else {
    throw typeMismatch(
      'Contract or Account',
      current.tag === 0 ? debugType(current.clValue.clType) : storedValueTypeName(current),
    );
  }
}

/** Value, URef and access-rights host functions. */
export const VALUES_HANDLERS: HostHandlers = {
  casper_read_value(ctx, keyPtr, keySize, outSizePtr) {
    chargeHost(ctx, 'casper_read_value', [keyPtr, keySize, outSizePtr]);
    if (ctx.hostBuffer) return HOST_BUFFER_FULL;
    const key = unwrapDecode(decodeKey(ctx.memory.read(keyPtr, keySize)));
    checkReadable(ctx, key);
    validateKey(ctx, key);
    const stored = ctx.phase.tc.read(key);
    if (stored === undefined) return VALUE_NOT_FOUND;
    fillHostBuffer(ctx, storedValueToCLValue(key, stored), outSizePtr);
    return 0;
  },

  casper_write(ctx, keyPtr, keySize, valuePtr, valueSize) {
    chargeHost(ctx, 'casper_write', [keyPtr, keySize, valuePtr, valueSize]);
    const key = unwrapDecode(decodeKey(ctx.memory.read(keyPtr, keySize)));
    const value = unwrapDecode(decodeCLValue(ctx.memory.read(valuePtr, valueSize)));
    checkWriteable(key);
    validateKey(ctx, key);
    validateCLValue(ctx, value);
    const stored = storedCLValue(value);
    chargeStorage(ctx, stored);
    ctx.phase.tc.write(key, stored);
  },

  casper_add(ctx, keyPtr, keySize, valuePtr, valueSize) {
    chargeHost(ctx, 'casper_add', [keyPtr, keySize, valuePtr, valueSize]);
    const key = unwrapDecode(decodeKey(ctx.memory.read(keyPtr, keySize)));
    const value = unwrapDecode(decodeCLValue(ctx.memory.read(valuePtr, valueSize)));
    checkAddable(ctx, key);
    validateKey(ctx, key);
    validateCLValue(ctx, value);
    chargeStorage(ctx, storedCLValue(value));
    addToState(ctx, key, value);
  },

  casper_new_uref(ctx, urefOutPtr, valuePtr, valueSize) {
    chargeHost(ctx, 'casper_new_uref', [urefOutPtr, valuePtr, valueSize]);
    const value = unwrapDecode(decodeCLValue(ctx.memory.read(valuePtr, valueSize)));
    const uref = newURefWith(ctx, storedCLValue(value));
    ctx.memory.write(urefOutPtr, encodeURef(uref));
  },

  casper_is_valid_uref(ctx, urefPtr, urefSize) {
    chargeHost(ctx, 'casper_is_valid_uref', [urefPtr, urefSize]);
    const uref = unwrapDecode(decodeURef(ctx.memory.read(urefPtr, urefSize)));
    return ctx.isValidURef(uref) ? 1 : 0;
  },
};

/**
 * `RuntimeContext::new_uref`: a READ_ADD_WRITE URef at the next generated address, granted to the
 * context, then the value validated and written with storage gas (`metered_write_gs`).
 */
export function newURefWith(ctx: RuntimeContext, value: StoredValue): URef {
  const uref: URef = { addr: ctx.phase.rng.createAddress(), rights: AccessRights.READ_ADD_WRITE };
  ctx.grant(uref);
  const key = urefKey(uref);
  checkWriteable(key);
  validateKey(ctx, key);
  validateStoredValue(ctx, value);
  chargeStorage(ctx, value);
  ctx.phase.tc.write(key, value);
  return uref;
}
