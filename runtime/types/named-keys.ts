/** NamedKeys (`BTreeMap<String, Key>`, `types/src/contracts.rs`): `u32 count ‖ (String ‖ Key)…` sorted by name. */
import { utf8Length } from './bytes';
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { CLTypes } from './cltype';
import { CLValue } from './clvalue';
import { readStringMap, sortedStringEntries, writeStringMap } from './collections';
import { type Key, keySerializedLength, readKey, writeKey } from './key';

/** Named keys: name → Key. Serialized in UTF-8 byte order of the names. */
export type NamedKeys = Map<string, Key>;

/** Reads NamedKeys (any order accepted; a later duplicate name wins). */
export function readNamedKeys(r: Reader): NamedKeys {
  return readStringMap(r, readKey);
}

/** Writes NamedKeys sorted by name. */
export function writeNamedKeys(w: Writer, nk: ReadonlyMap<string, Key>): void {
  writeStringMap(w, nk, writeKey);
}

/** Decodes exactly one NamedKeys map. */
export function decodeNamedKeys(bytes: Uint8Array): DecodeResult<NamedKeys> {
  return fromBytes(bytes, readNamedKeys);
}

/** Serializes NamedKeys. */
export function encodeNamedKeys(nk: ReadonlyMap<string, Key>): Uint8Array {
  return toBytes(nk, writeNamedKeys, 64);
}

/** Serialized length of NamedKeys. */
export function namedKeysSerializedLength(nk: ReadonlyMap<string, Key>): number {
  let n = 4;
  for (const [name, key] of nk) n += 4 + utf8Length(name) + keySerializedLength(key);
  return n;
}

/** NamedKeys as a CLValue of type Map(String, Key) (what `load_named_keys` returns). */
export function namedKeysToCLValue(nk: ReadonlyMap<string, Key>): CLValue {
  return new CLValue(CLTypes.NamedKeys, encodeNamedKeys(nk));
}

/** Entries sorted by name bytes. */
export function sortedNamedKeys(nk: ReadonlyMap<string, Key>): [string, Key][] {
  return sortedStringEntries(nk);
}
