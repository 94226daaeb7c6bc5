/**
 * Committed global state: Key → StoredValue, keys normalized (URef access rights stripped) as the
 * engine does before every read and write. The state root is a BLAKE2b-256 over the entries in
 * key order, so equal states have equal roots and a test can prove nothing changed.
 */

import { blake2b256 } from '../types/blake2b';
import { compareBytes } from '../types/bytes';
import { encodeKey, type Key, keyStateId, normalizeKey } from '../types/key';
import { encodeStoredValue, type StoredValue } from '../types/stored-value';

/** One entry of global state. */
export interface StateEntry {
  /** The (normalized) key. */
  readonly key: Key;
  /** The stored value. */
  readonly value: StoredValue;
}

/** Key → StoredValue, in memory. */
export class GlobalState {
  /** Entries by `keyStateId` (normalized). */
  readonly entries = new Map<string, StateEntry>();

  /** The value at `key`, if any. */
  get(key: Key): StoredValue | undefined {
    return this.entries.get(keyStateId(key))?.value;
  }

  /** Stores `value` at `key` (normalized). */
  put(key: Key, value: StoredValue): void {
    const k = normalizeKey(key);
    this.entries.set(keyStateId(k), { key: k, value });
  }

  /** Applies committed writes (id → entry). */
  apply(writes: ReadonlyMap<string, StateEntry>): void {
    for (const [id, e] of writes) this.entries.set(id, e);
  }

  /** A copy sharing the (immutable) values. */
  clone(): GlobalState {
    const c = new GlobalState();
    for (const [id, e] of this.entries) c.entries.set(id, e);
    return c;
  }

  /** BLAKE2b-256 over (key bytes ‖ value bytes) of every entry, in key-byte order, as hex. */
  stateRoot(): string {
    const items = [...this.entries.values()].map((e) => ({ k: encodeKey(e.key), v: encodeStoredValue(e.value) }));
    items.sort((a, b) => compareBytes(a.k, b.k));
    const parts: Uint8Array[] = [];
    for (const { k, v } of items) {
      const len = new Uint8Array(8);
      new DataView(len.buffer).setUint32(0, k.length, true);
      new DataView(len.buffer).setUint32(4, v.length, true);
      parts.push(len, k, v);
    }
    return Buffer.from(blake2b256(...parts)).toString('hex');
  }
}
