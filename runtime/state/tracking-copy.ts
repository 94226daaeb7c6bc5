/**
 * A phase's view of global state (execution_engine `tracking_copy`): reads fall through to the
 * committed state, writes stay in the overlay until `commit`, and every access is recorded as
 * the transform the node reports in a deploy's execution effects (Identity for reads, Write,
 * AddUInt512 / AddInt32 / AddUInt64 / AddUInt128 / AddUInt256 / AddKeys for adds; a Write after
 * anything stays a Write, an add after a Write becomes a Write of the sum).
 */

import { keyStateId, normalizeKey, type Key } from '../types/key';
import type { StoredValue } from '../types/stored-value';
import type { GlobalState, StateEntry } from './global-state';

/** The transform kinds of the node's execution effects. */
export type TransformKind =
  | 'Identity'
  | 'Write'
  | 'AddInt32'
  | 'AddUInt64'
  | 'AddUInt128'
  | 'AddUInt256'
  | 'AddUInt512'
  | 'AddKeys';

/** One recorded effect: a key and what happened to it. */
export interface Transform {
  /** The key (normalized). */
  readonly key: Key;
  /** What the phase did to it. */
  readonly kind: TransformKind;
}

/** A restorable point in a tracking copy. */
export interface Checkpoint {
  readonly writes: Map<string, StateEntry>;
  readonly transforms: Map<string, Transform>;
}

/** Reads, writes and effects of one phase over a GlobalState. */
export class TrackingCopy {
  private writes = new Map<string, StateEntry>();
  private transforms = new Map<string, Transform>();

  constructor(
    /** The committed state underneath. */
    readonly state: GlobalState,
  ) {}

  /** The current value at `key` (overlay first), recording an Identity transform. */
  read(key: Key): StoredValue | undefined {
    const id = keyStateId(key);
    const v = this.writes.get(id)?.value ?? this.state.entries.get(id)?.value;
    if (!this.transforms.has(id)) this.transforms.set(id, { key: normalizeKey(key), kind: 'Identity' });
    return v;
  }

  /** The current value without recording anything (host-internal lookups, tests). */
  peek(key: Key): StoredValue | undefined {
    const id = keyStateId(key);
    return this.writes.get(id)?.value ?? this.state.entries.get(id)?.value;
  }

  /** Writes `value` at `key` (a Write transform). */
  write(key: Key, value: StoredValue): void {
    this.put(key, value, 'Write');
  }

  /**
   * Stores the result of an add. The transform is `kind` unless the key was written in this
   * phase, in which case it stays a Write (of the new value), as transforms compose on the node.
   */
  add(key: Key, value: StoredValue, kind: TransformKind): void {
    const prev = this.transforms.get(keyStateId(key))?.kind;
    this.put(key, value, prev === 'Write' ? 'Write' : kind);
  }

  private put(key: Key, value: StoredValue, kind: TransformKind): void {
    const k = normalizeKey(key);
    const id = keyStateId(k);
    this.writes.set(id, { key: k, value });
    this.transforms.set(id, { key: k, kind });
  }

  /** A point to return to with `restore`. */
  checkpoint(): Checkpoint {
    return { writes: new Map(this.writes), transforms: new Map(this.transforms) };
  }

  /** Forgets everything done since `cp`. */
  restore(cp: Checkpoint): void {
    this.writes = new Map(cp.writes);
    this.transforms = new Map(cp.transforms);
  }

  /** The effects so far, in the order keys were first touched. */
  effects(): Transform[] {
    return [...this.transforms.values()];
  }

  /** Writes the overlay into the committed state. */
  commit(): void {
    this.state.apply(this.writes);
    this.writes = new Map();
  }
}
