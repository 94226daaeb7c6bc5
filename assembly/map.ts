// CLMap<K, V>: casper-types' BTreeMap<K, V>. Entries are kept sorted by key (Rust's Ord) in two
// parallel arrays, so encoding writes them in ascending key order as BTreeMap does:
// u32 count ‖ (K ‖ V)…; CLType 17 ‖ K ‖ V.

import { Decoder, decode, Encoder, encode, writeCLType, zeroOf } from './bytesrepr';

/**
 * Compares two strings in UTF-8 byte order (Rust's `Ord for String`). UTF-16 code-unit order
 * agrees except that surrogates (U+10000 and up) must sort after U+E000–U+FFFF. Unpaired
 * surrogates (which the Encoder writes as U+FFFD) are ordered by their code units.
 */
export function compareStrings(a: string, b: string): i32 {
  const n = min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = <i32>a.charCodeAt(i);
    let y = <i32>b.charCodeAt(i);
    if (x != y) {
      if (x >= 0xd800 && y >= 0xd800) {
        // Move surrogates D800–DFFF up to F800–FFFF and E000–FFFF down to D800–F7FF.
        x += x >= 0xe000 ? -0x800 : 0x2000;
        y += y >= 0xe000 ? -0x800 : 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * Compares two values as Rust's Ord does: integers numerically, bool false < true, strings in
 * UTF-8 byte order, lists lexicographically, classes with their `compare(other): i32` method
 * (or `cmp`, as the bignum classes name it).
 */
export function compareValues<T>(a: T, b: T): i32 {
  if (isBoolean<T>() || isInteger<T>()) {
    return a < b ? -1 : a > b ? 1 : 0;
  } else if (isString<T>()) {
    return compareStrings(changetype<string>(a), changetype<string>(b));
  } else if (isArray<T>()) {
    // @ts-ignore: Array<U>
    const n = min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      // @ts-ignore: Array<U>
      const c = compareValues<valueof<T>>(unchecked(a[i]), unchecked(b[i]));
      if (c != 0) return c;
    }
    // @ts-ignore: Array<U>
    return a.length - b.length;
  } else {
    // @ts-ignore: class protocol
    if (isDefined(a.compare)) return a.compare(b);
    // @ts-ignore: bignum classes name it cmp
    if (isDefined(a.cmp)) return a.cmp(b);
    ERROR('map keys need a compare(other): i32 method');
  }
  return 0;
}

/** An ordered map (BTreeMap): keys unique and ascending. */
export class CLMap<K, V> {
  /** The keys, ascending. */
  keys: Array<K> = [];
  /** The values, parallel to `keys`. */
  values: Array<V> = [];

  /** Number of entries. */
  get length(): i32 {
    return this.keys.length;
  }

  /**
   * Where `key` is (≥ 0), or -(insertion point) - 1 when absent. Scans from the end, so
   * building a map in ascending order (as the host sends it) costs one comparison per entry.
   */
  indexOf(key: K): i32 {
    const keys = this.keys;
    let i = keys.length;
    while (i > 0) {
      const c = compareValues<K>(unchecked(keys[i - 1]), key);
      if (c == 0) return i - 1;
      if (c < 0) break;
      i--;
    }
    return -i - 1;
  }

  /** True when `key` is present. */
  has(key: K): bool {
    return this.indexOf(key) >= 0;
  }

  /** The value for `key`, or the zero value (0 / null) when absent; check `has` first. */
  get(key: K): V {
    const i = this.indexOf(key);
    return i >= 0 ? unchecked(this.values[i]) : zeroOf<V>();
  }

  /** Inserts or replaces the value for `key` (BTreeMap::insert); returns this map. */
  set(key: K, value: V): CLMap<K, V> {
    let i = this.indexOf(key);
    if (i >= 0) {
      unchecked((this.values[i] = value));
      return this;
    }
    i = -i - 1;
    const keys = this.keys;
    const values = this.values;
    keys.push(key);
    values.push(value);
    for (let j = keys.length - 1; j > i; j--) {
      unchecked((keys[j] = keys[j - 1]));
      unchecked((values[j] = values[j - 1]));
    }
    unchecked((keys[i] = key));
    unchecked((values[i] = value));
    return this;
  }

  /** Removes `key`; returns true when it was present (BTreeMap::remove). */
  remove(key: K): bool {
    const i = this.indexOf(key);
    if (i < 0) return false;
    const keys = this.keys;
    const values = this.values;
    const n = keys.length - 1;
    for (let j = i; j < n; j++) {
      unchecked((keys[j] = keys[j + 1]));
      unchecked((values[j] = values[j + 1]));
    }
    keys.length = n;
    values.length = n;
    return true;
  }

  /** bytesrepr: u32 count ‖ (key ‖ value)… in ascending key order. */
  encode(enc: Encoder): void {
    const keys = this.keys;
    const values = this.values;
    const n = keys.length;
    enc.putU32(n);
    for (let i = 0; i < n; i++) {
      encode<K>(enc, unchecked(keys[i]));
      encode<V>(enc, unchecked(values[i]));
    }
  }

  /** Reads u32 count ‖ (key ‖ value)…: any order is accepted and a later duplicate key wins. */
  decode(dec: Decoder): void {
    const n = dec.getU32();
    for (let i: u32 = 0; i < n && dec.err == 0; i++) {
      const k = decode<K>(dec);
      const v = decode<V>(dec);
      if (dec.err == 0) this.set(k, v);
    }
  }

  /** CLType Map(K, V) = 17 ‖ K ‖ V (the first entry supplies value-dependent types). */
  writeCLType(enc: Encoder): void {
    enc.putU8(17);
    const some = changetype<usize>(this) != 0 && this.keys.length > 0;
    writeCLType<K>(enc, some ? unchecked(this.keys[0]) : zeroOf<K>());
    writeCLType<V>(enc, some ? unchecked(this.values[0]) : zeroOf<V>());
  }

  /** Ordering as Rust's BTreeMap Ord: entries compared lexicographically as (key, value) pairs. */
  compare(other: CLMap<K, V>): i32 {
    const n = min(this.keys.length, other.keys.length);
    for (let i = 0; i < n; i++) {
      let c = compareValues<K>(unchecked(this.keys[i]), unchecked(other.keys[i]));
      if (c == 0) c = compareValues<V>(unchecked(this.values[i]), unchecked(other.values[i]));
      if (c != 0) return c;
    }
    return this.keys.length - other.keys.length;
  }
}
