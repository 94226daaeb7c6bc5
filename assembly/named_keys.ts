// NamedKeys: casper-types' BTreeMap<String, Key>: u32 count ‖ (String ‖ Key)… sorted by name
// bytes; CLType Map(String, Key) = 17 10 11.

import { Decoder, Encoder } from './bytesrepr';
import { Key } from './key';
import { CLMap } from './map';

/** Named keys of an account or contract, kept sorted by name (UTF-8 byte order). */
export class NamedKeys {
  /** The entries: name → key, ascending by name. */
  map: CLMap<string, Key> = new CLMap<string, Key>();

  /** Sets `name` to `key`, replacing an existing entry; returns this. */
  insert(name: string, key: Key): NamedKeys {
    this.map.set(name, key);
    return this;
  }

  /** Removes `name`; returns true when it was present. */
  remove(name: string): bool {
    return this.map.remove(name);
  }

  /** The key called `name`, or null. */
  get(name: string): Key | null {
    const i = this.map.indexOf(name);
    return i >= 0 ? unchecked(this.map.values[i]) : null;
  }

  /** True when `name` is present. */
  has(name: string): bool {
    return this.map.has(name);
  }

  /** Number of entries. */
  get length(): i32 {
    return this.map.length;
  }

  /** The names, ascending (a copy). */
  names(): Array<string> {
    return this.map.keys.slice();
  }

  /** bytesrepr: u32 count ‖ (String ‖ Key)… ascending by name. */
  encode(enc: Encoder): void {
    this.map.encode(enc);
  }

  /** Reads the map (any order; a later duplicate name wins). */
  decode(dec: Decoder): void {
    this.map.decode(dec);
  }

  /** CLType Map(String, Key) = 17 10 11. */
  writeCLType(enc: Encoder): void {
    enc.putU8(17);
    enc.putU8(10);
    enc.putU8(11);
  }
}
