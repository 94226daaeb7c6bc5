// CLMap<K, V>: casper-types' BTreeMap<K, V>. Entries are kept sorted by key (Rust's Ord) in two
// parallel arrays, so encoding writes them in ascending key order as BTreeMap does:
// u32 count ‖ (K ‖ V)…; CLType 17 ‖ K ‖ V.
// Below it, the name maps (BTreeMap<String, V> kept as serialized entries) behind EntryPoints and
// NamedKeys, which sessions build once and hand to the host.

import { Decoder, decode, Encoder, encode, stringBytes, utf8Decode, writeCLType, zeroOf } from './bytesrepr';

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

/**
 * Orders two bytesrepr Strings (u32 length ‖ UTF-8) at `a` and `b` by their bytes, as Rust orders
 * Strings: negative, 0 or positive.
 */
function compareNames(a: usize, b: usize): i32 {
  const la = load<u32>(a);
  const lb = load<u32>(b);
  const n = <usize>min(la, lb);
  for (let i: usize = 0; i < n; i++) {
    const d = <i32>load<u8>(a + i, 4) - <i32>load<u8>(b + i, 4);
    if (d != 0) return d;
  }
  return <i32>(la - lb);
}

// Name maps: a BTreeMap<String, V> (EntryPoints, NamedKeys) kept as a list of (name, value)
// pairs in the order they were put, each pair two u32 addresses: the name's bytesrepr String
// (u32 length ‖ UTF-8; for a literal, static data in release builds) and the value object.
// Nothing is searched, sorted or moved until the map is encoded, which writes the last value put
// under each name in ascending byte order of the names (Rust's `Ord for String`). Session code
// puts a handful of entries and encodes them once: two stores per put and one small selection
// loop, instead of sorted arrays of objects. (Plain functions over an Encoder: a base class
// would cost each subclass constructor a few dead null checks.)

/**
 * The bytesrepr String (u32 length ‖ UTF-8) of `s` at an address (bytesrepr.ts `stringBytes`).
 * In release builds a literal's bytes are static data, so a name kept this way (rather than as
 * the string) lets the build drop the literal's UTF-16 object.
 */
export function nameBytes(s: string): usize {
  return stringBytes(s);
}

/** Appends (name → value) to `pairs`: `name` a bytesrepr String's address, `value` an object's. */
export function putPair(pairs: Encoder, name: usize, value: usize): void {
  pairs.putU32(<u32>name);
  pairs.putU32(<u32>value);
}

/**
 * The pair after `prev` in map order (prev 0: the first), or 0 past the last. Of pairs with equal
 * names the last put counts.
 */
export function nextPair(pairs: Encoder, prev: usize): usize {
  let best: usize = 0;
  const end = pairs.ptr + pairs.len;
  for (let p = pairs.ptr; p < end; p += 8) {
    const name = load<u32>(p);
    if (prev != 0 && compareNames(name, load<u32>(prev)) <= 0) continue;
    if (best == 0 || compareNames(name, load<u32>(best)) <= 0) best = p;
  }
  return best;
}

/** bytesrepr of the map: u32 count ‖ (String name ‖ V)… ascending by name. */
export function encodePairs<V>(pairs: Encoder, enc: Encoder): void {
  const countAt = enc.len;
  enc.putU32(0);
  let n: u32 = 0;
  let p: usize = 0;
  while ((p = nextPair(pairs, p)) != 0) {
    const name = load<u32>(p);
    enc.putRaw(name, load<u32>(name) + 4);
    encode<V>(enc, changetype<V>(<usize>load<u32>(p, 4)));
    n++;
  }
  store<u32>(enc.ptr + countAt, n);
}

/** The value put last under `name`, or 0 when absent. */
export function pairValue(pairs: Encoder, name: string): usize {
  const q = nameBytes(name);
  let value: usize = 0;
  const end = pairs.ptr + pairs.len;
  for (let p = pairs.ptr; p < end; p += 8) if (compareNames(load<u32>(p), q) == 0) value = load<u32>(p, 4);
  return value;
}

/** `pairs` without those named `name`. */
export function withoutPairs(pairs: Encoder, name: string): Encoder {
  const q = nameBytes(name);
  const kept = new Encoder(pairs.len);
  const end = pairs.ptr + pairs.len;
  for (let p = pairs.ptr; p < end; p += 8) if (compareNames(load<u32>(p), q) != 0) kept.putRaw(p, 8);
  return kept;
}

/** Number of entries (distinct names). */
export function pairCount(pairs: Encoder): i32 {
  let n = 0;
  let p: usize = 0;
  while ((p = nextPair(pairs, p)) != 0) n++;
  return n;
}

/** The names, ascending. */
export function pairNames(pairs: Encoder): Array<string> {
  const out = new Array<string>();
  let p: usize = 0;
  while ((p = nextPair(pairs, p)) != 0) {
    const name = <usize>load<u32>(p);
    out.push(changetype<string>(utf8Decode(name + 4, load<u32>(name))));
  }
  return out;
}
