/**
 * Dictionaries (execution engine `runtime_context/dictionary.rs`, `Key::dictionary`): the item
 * address and the DictionaryValue wrapper stored under Key::Dictionary as a CLValue of type Any.
 * DictionaryValue = inner CLValue ‖ Bytes(seed URef address) ‖ Bytes(item key bytes).
 */
import { blake2b256 } from './blake2b';
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { CLTypes } from './cltype';
import { CLValue, type CLValueResult, readCLValue, writeCLValue } from './clvalue';
import { dictionaryKey, type Key } from './key';

/** Maximum item key length in bytes (`DICTIONARY_ITEM_KEY_MAX_LENGTH`). */
export const DICTIONARY_ITEM_KEY_MAX_LENGTH = 128;

/** blake2b-256(seed URef address ‖ item key bytes). */
export function dictionaryAddress(seedAddr: Uint8Array, itemKey: Uint8Array): Uint8Array {
  if (seedAddr.length !== 32) throw new RangeError('seed URef address must be 32 bytes');
  return blake2b256(seedAddr, itemKey);
}

/** Key::Dictionary for a seed URef address and item key bytes. */
export function dictionaryItemKey(seedAddr: Uint8Array, itemKey: Uint8Array): Key {
  return dictionaryKey(dictionaryAddress(seedAddr, itemKey));
}

/** The stored wrapper of a dictionary item. */
export interface DictionaryValue {
  /** The user's value. */
  readonly clValue: CLValue;
  /** Seed URef address (normally 32 bytes; any length is representable). */
  readonly seedURefAddr: Uint8Array;
  /** Item key bytes (UTF-8 of the item name). */
  readonly itemKey: Uint8Array;
}

/** Reads a DictionaryValue. */
export function readDictionaryValue(r: Reader): DictionaryValue {
  const clValue = readCLValue(r);
  const seedURefAddr = r.bytes();
  return { clValue, seedURefAddr, itemKey: r.bytes() };
}

/** Writes a DictionaryValue. */
export function writeDictionaryValue(w: Writer, d: DictionaryValue): void {
  writeCLValue(w, d.clValue);
  w.bytes(d.seedURefAddr);
  w.bytes(d.itemKey);
}

/** Decodes exactly one DictionaryValue. */
export function decodeDictionaryValue(bytes: Uint8Array): DecodeResult<DictionaryValue> {
  return fromBytes(bytes, readDictionaryValue);
}

/** Serializes a DictionaryValue. */
export function encodeDictionaryValue(d: DictionaryValue): Uint8Array {
  return toBytes(d, writeDictionaryValue, d.clValue.bytes.length + d.itemKey.length + 64);
}

/** The CLValue (type Any) stored under the item's Key::Dictionary by `dictionary_put`. */
export function wrapDictionaryValue(clValue: CLValue, seedURefAddr: Uint8Array, itemKey: Uint8Array): CLValue {
  return CLValue.any(encodeDictionaryValue({ clValue, seedURefAddr, itemKey }));
}

/**
 * Unwraps a stored dictionary CLValue like `handle_stored_value` (`into_t::<DictionaryValue>()`):
 * the type must be exactly Any and the bytes must decode entirely, else the CLValueError.
 */
export function unwrapDictionaryValue(stored: CLValue): CLValueResult<CLValue> {
  const r = stored.as(CLTypes.Any, readDictionaryValue);
  return r.ok ? { ok: true, value: r.value.clValue } : r;
}
