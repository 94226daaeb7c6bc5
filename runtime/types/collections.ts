/**
 * BTreeMap/BTreeSet helpers: decoding accepts any order and lets a later duplicate win (as
 * `BTreeMap::insert` does); encoding always emits Rust's Ord order.
 */
import { compareStringsUtf8, sortDedupLast } from './bytes';
import type { Reader, Writer } from './bytesrepr';

/** Entries of a string-keyed map in Rust `String` order (UTF-8 bytes). */
export function sortedStringEntries<V>(map: ReadonlyMap<string, V>): [string, V][] {
  const entries = [...map.entries()];
  entries.sort((a, b) => compareStringsUtf8(a[0], b[0]));
  return entries;
}

/** Reads a `BTreeMap<String, V>` into a Map (later duplicates win). */
export function readStringMap<V>(r: Reader, readValue: (r: Reader) => V): Map<string, V> {
  const n = r.u32();
  const m = new Map<string, V>();
  for (let i = 0; i < n; i++) {
    const k = r.string();
    m.set(k, readValue(r));
  }
  return m;
}

/** Writes a `BTreeMap<String, V>` sorted by key bytes. */
export function writeStringMap<V>(w: Writer, map: ReadonlyMap<string, V>, writeValue: (w: Writer, v: V) => void): void {
  const entries = map.size > 1 ? sortedStringEntries(map) : [...map.entries()];
  w.u32(entries.length);
  for (const [k, v] of entries) {
    w.string(k);
    writeValue(w, v);
  }
}

/**
 * Reads a `BTreeMap<K, V>` / `BTreeSet<K>` whose keys have no JavaScript identity: items are read
 * in wire order, then sorted by `cmp` with later duplicates winning.
 */
export function readSortedVec<T>(r: Reader, read: (r: Reader) => T, cmp: (a: T, b: T) => number): T[] {
  const items = r.vec(read);
  return items.length > 1 ? sortDedupLast(items, cmp) : items;
}

/** Writes items as a `BTreeMap`/`BTreeSet`: sorted by `cmp`, later duplicates win. */
export function writeSortedVec<T>(
  w: Writer,
  items: readonly T[],
  write: (w: Writer, v: T) => void,
  cmp: (a: T, b: T) => number,
): void {
  w.vec(items.length > 1 ? sortDedupLast(items, cmp) : items, write);
}
