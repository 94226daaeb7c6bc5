/**
 * Guest memory as host functions see it: every read and write is bounds-checked, and an
 * out-of-range access traps with the interpreter error the node (wasmi) reports.
 */

import { interpreterError } from './errors';

/** Bounds-checked access to one instance's linear memory. */
export class GuestMemory {
  constructor(
    /** The instance's memory (created by the host, as the node externalizes it). */
    readonly memory: WebAssembly.Memory,
  ) {}

  private check(ptr: number, len: number): Uint8Array {
    const buf = new Uint8Array(this.memory.buffer);
    const p = ptr >>> 0;
    const n = len >>> 0;
    if (p + n > buf.length) {
      throw interpreterError(`trying to access region [${p}..${p + n}] in memory [0..${buf.length}]`);
    }
    return buf;
  }

  /** A copy of `len` bytes at `ptr`. */
  read(ptr: number, len: number): Uint8Array {
    const buf = this.check(ptr, len);
    const p = ptr >>> 0;
    return buf.slice(p, p + (len >>> 0));
  }

  /** Writes `bytes` at `ptr`. */
  write(ptr: number, bytes: Uint8Array): void {
    this.check(ptr, bytes.length).set(bytes, ptr >>> 0);
  }

  /** Writes a little-endian u32 at `ptr`. */
  writeU32(ptr: number, v: number): void {
    const buf = this.check(ptr, 4);
    new DataView(buf.buffer).setUint32(ptr >>> 0, v >>> 0, true);
  }

  /** Writes a Rust `usize` (8 bytes on the 64-bit node: value, then 4 zero bytes) at `ptr`. */
  writeUsize(ptr: number, v: number): void {
    const buf = this.check(ptr, 8);
    const dv = new DataView(buf.buffer);
    dv.setUint32(ptr >>> 0, v >>> 0, true);
    dv.setUint32((ptr >>> 0) + 4, 0, true);
  }

  /** Writes a little-endian u64 at `ptr`. */
  writeU64(ptr: number, v: bigint): void {
    const buf = this.check(ptr, 8);
    new DataView(buf.buffer).setBigUint64(ptr >>> 0, v, true);
  }
}
