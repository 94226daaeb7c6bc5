/**
 * Global state on disk: a snapshot file holding every Key → StoredValue entry in casper-types
 * bytes, and the atomic write the devnet (and anything else that persists state) uses.
 *
 * Format, version 1 (all integers little-endian):
 *
 *     magic    8 bytes  "CASPERAS"
 *     kind     4 bytes  "GSTA"
 *     version  u32      1
 *     count    u32      number of entries
 *     entries  count × (u32 key length ‖ Key bytes ‖ u32 value length ‖ StoredValue bytes),
 *              in key-byte order (so equal states give identical files)
 *     checksum 32 bytes BLAKE2b-256 of everything before it
 *
 * Loading checks each part in turn and throws one SnapshotError whose message is a single line
 * naming the file and what is wrong with it (not a snapshot, another version, truncated,
 * checksum mismatch, an entry that does not decode).
 */

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { blake2b256 } from '../types/blake2b';
import { bytesEqual, compareBytes } from '../types/bytes';
import { bytesReprErrorName } from '../types/bytesrepr';
import { decodeKey, encodeKey, keyToFormattedString } from '../types/key';
import { decodeStoredValue, encodeStoredValue } from '../types/stored-value';
import { GlobalState } from './global-state';

/** File magic: "CASPERAS" then the kind "GSTA" (global state). */
const MAGIC = new TextEncoder().encode('CASPERASGSTA');
/** The version this build writes and reads. */
export const SNAPSHOT_VERSION = 1;
const HEADER_LENGTH = MAGIC.length + 8;
const CHECKSUM_LENGTH = 32;

/** A snapshot that cannot be read; the message is one line. */
export class SnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnapshotError';
  }
}

/** The snapshot bytes of `state`. */
export function encodeSnapshot(state: GlobalState): Uint8Array {
  const items = [...state.entries.values()].map((e) => ({ k: encodeKey(e.key), v: encodeStoredValue(e.value) }));
  items.sort((a, b) => compareBytes(a.k, b.k));
  let size = HEADER_LENGTH + CHECKSUM_LENGTH;
  for (const { k, v } of items) size += 8 + k.length + v.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint32(MAGIC.length, SNAPSHOT_VERSION, true);
  view.setUint32(MAGIC.length + 4, items.length, true);
  let p = HEADER_LENGTH;
  for (const { k, v } of items) {
    view.setUint32(p, k.length, true);
    out.set(k, p + 4);
    p += 4 + k.length;
    view.setUint32(p, v.length, true);
    out.set(v, p + 4);
    p += 4 + v.length;
  }
  out.set(blake2b256(out.subarray(0, p)), p);
  return out;
}

/** The state in snapshot `bytes`; `name` labels errors (a file path). Throws SnapshotError. */
export function decodeSnapshot(bytes: Uint8Array, name = 'snapshot'): GlobalState {
  const bad = (what: string) => new SnapshotError(`${name}: ${what}`);
  if (bytes.length < MAGIC.length || !bytesEqual(bytes.subarray(0, MAGIC.length), MAGIC)) {
    throw bad('not a casper-as global state snapshot (bad magic)');
  }
  if (bytes.length < HEADER_LENGTH + CHECKSUM_LENGTH)
    throw bad(`truncated: ${bytes.length} bytes, no room for a header and checksum`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(MAGIC.length, true);
  if (version !== SNAPSHOT_VERSION) {
    throw bad(`snapshot version ${version} is not supported (this build reads version ${SNAPSHOT_VERSION})`);
  }
  const body = bytes.length - CHECKSUM_LENGTH;
  if (!bytesEqual(blake2b256(bytes.subarray(0, body)), bytes.subarray(body))) {
    throw bad('checksum mismatch: the file is corrupt or was cut short');
  }
  const count = view.getUint32(MAGIC.length + 4, true);
  const state = new GlobalState();
  let p = HEADER_LENGTH;
  const take = (i: number, what: string): Uint8Array => {
    if (p + 4 > body) throw bad(`truncated in entry ${i} (${what} length at byte ${p})`);
    const n = view.getUint32(p, true);
    if (p + 4 + n > body) throw bad(`truncated in entry ${i} (${what} of ${n} bytes at byte ${p + 4})`);
    const out = bytes.subarray(p + 4, p + 4 + n);
    p += 4 + n;
    return out;
  };
  for (let i = 0; i < count; i++) {
    const k = decodeKey(take(i, 'key'));
    if (!k.ok) throw bad(`entry ${i}: key does not decode (${bytesReprErrorName(k.error)})`);
    const v = decodeStoredValue(take(i, 'value'));
    if (!v.ok) {
      throw bad(
        `entry ${i} (${keyToFormattedString(k.value)}): value does not decode (${bytesReprErrorName(v.error)})`,
      );
    }
    state.put(k.value, v.value);
  }
  if (p !== body) throw bad(`${body - p} unexpected bytes after ${count} entries`);
  return state;
}

/** Writes `data` to `path` atomically: a temporary file beside it, fsync, then rename over `path`. */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw e;
  }
}

/** Saves `state` to `path` (atomic). */
export function saveSnapshot(path: string, state: GlobalState): void {
  writeFileAtomic(path, encodeSnapshot(state));
}

/** Loads the state saved at `path`. Throws SnapshotError for a bad file (I/O errors propagate as they are). */
export function loadSnapshot(path: string): GlobalState {
  return decodeSnapshot(new Uint8Array(readFileSync(path)), path);
}
