// NamedKeys: casper-types' BTreeMap<String, Key>: u32 count ‖ (String ‖ Key)… sorted by name
// bytes; CLType Map(String, Key) = 17 10 11.

import { Decoder, decode, Encoder } from './bytesrepr';
import { Key } from './key';
import { encodePairs, nameBytes, pairCount, pairNames, pairValue, putPair, withoutPairs } from './map';

/**
 * Named keys of an account or contract, keyed by name: the keys as inserted, in a name map
 * (map.ts); encoding writes them ascending by name (UTF-8 byte order), the last one inserted per
 * name.
 */
export class NamedKeys {
  /** (name, key) address pairs, as inserted (see map.ts). */
  pairs: Encoder = new Encoder();

  /** Sets `name` to `key`, replacing an existing entry; returns this. */
  insert(name: string, key: Key): NamedKeys {
    putPair(this.pairs, nameBytes(name), changetype<usize>(key));
    return this;
  }

  /** Removes `name`; returns true when it was present. */
  remove(name: string): bool {
    if (!pairValue(this.pairs, name)) return false;
    this.pairs = withoutPairs(this.pairs, name);
    return true;
  }

  /** The key called `name`, or null. */
  get(name: string): Key | null {
    return changetype<Key | null>(pairValue(this.pairs, name));
  }

  /** True when `name` is present. */
  has(name: string): bool {
    return pairValue(this.pairs, name) != 0;
  }

  /** Number of entries. */
  get length(): i32 {
    return pairCount(this.pairs);
  }

  /** The names, ascending. */
  names(): Array<string> {
    return pairNames(this.pairs);
  }

  /** bytesrepr: u32 count ‖ (String ‖ Key)… ascending by name. */
  encode(enc: Encoder): void {
    encodePairs<Key>(this.pairs, enc);
  }

  /** Reads the map (any order; a later duplicate name wins). */
  decode(dec: Decoder): void {
    const n = dec.getU32();
    for (let i: u32 = 0; i < n && dec.err == 0; i++) {
      const name = dec.getString();
      const key = decode<Key>(dec);
      if (dec.err == 0) putPair(this.pairs, nameBytes(name), changetype<usize>(key));
    }
  }

  /** CLType Map(String, Key) = 17 10 11. */
  writeCLType(enc: Encoder): void {
    enc.putU8(17);
    enc.putU8(10);
    enc.putU8(11);
  }
}
