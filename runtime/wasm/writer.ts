/**
 * A growable byte buffer with the Wasm binary encodings the module rewriters need (LEB128 u32,
 * signed 32/64-bit LEB128, length-prefixed payloads, sections). Shared by gas injection, the
 * stack-height limiter and the optimizer, which must all write minimal LEB128 as casper-wasm does.
 */
export class WasmWriter {
  /** The buffer; bytes [0, len) are written. */
  buf: Uint8Array<ArrayBuffer>;
  /** Bytes written. */
  len = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const grown = new Uint8Array(cap);
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
  }

  /** One byte. */
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  /** Unsigned LEB128 (varuint32), minimal. */
  u32(v: number): void {
    this.ensure(5);
    let x = v >>> 0;
    while (x >= 0x80) {
      this.buf[this.len++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.buf[this.len++] = x;
  }

  /** Signed LEB128 (varint32), minimal. */
  s32(v: number): void {
    this.ensure(5);
    let x = v | 0;
    for (;;) {
      const b = x & 0x7f;
      x >>= 7;
      if ((x === 0 && (b & 0x40) === 0) || (x === -1 && (b & 0x40) !== 0)) {
        this.buf[this.len++] = b;
        return;
      }
      this.buf[this.len++] = b | 0x80;
    }
  }

  /** Signed LEB128 (varint64), minimal. */
  i64(v: bigint): void {
    this.ensure(10);
    let n = BigInt.asIntN(64, v);
    for (;;) {
      const b = Number(n & 0x7fn);
      n >>= 7n;
      if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) {
        this.buf[this.len++] = b;
        return;
      }
      this.buf[this.len++] = b | 0x80;
    }
  }

  /** `src[start, end)`. */
  copy(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.ensure(n);
    this.buf.set(src.subarray(start, end), this.len);
    this.len += n;
  }

  /** All of `src`. */
  raw(src: Uint8Array): void {
    this.copy(src, 0, src.length);
  }

  /** Another writer's content. */
  append(w: WasmWriter): void {
    this.copy(w.buf, 0, w.len);
  }

  /** `end − start` as u32, then `src[start, end)` (a casper-wasm `String` or a sized payload). */
  sized(src: Uint8Array, start: number, end: number): void {
    this.u32(end - start);
    this.copy(src, start, end);
  }

  /** Another writer's content, prefixed by its length. */
  sizedWriter(w: WasmWriter): void {
    this.u32(w.len);
    this.append(w);
  }

  /** A section: id, size, content. */
  section(id: number, content: WasmWriter): void {
    this.byte(id);
    this.sizedWriter(content);
  }

  /** The written bytes (a view, valid until the next write). */
  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }

  /** A copy of the written bytes. */
  result(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.len);
  }
}
