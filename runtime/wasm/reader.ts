/**
 * A small, allocation-light binary reader for WebAssembly modules.
 *
 * Decoding failures never throw: the first failure is recorded in `WasmReader.error` (with the
 * message text the Casper 1.5.6 node's parser, casper-wasm 0.46, gives for it), the cursor jumps
 * to the end of the readable window so that every later read fails fast, and the failing read
 * returns 0. Callers check `error` (or `failed`) at loop boundaries.
 *
 * The LEB128 rules are the parser's, quirks included (e.g. a 5-byte u32 whose last byte is
 * >= 0x10 is "Not a signed 32-bit integer").
 */

/** Parser message for reading past the end of the module, a section or a function body. */
export const MSG_UNEXPECTED_EOF = 'I/O Error: UnexpectedEof';
/** Parser message for a section or function body whose content is shorter than its declared size. */
export const MSG_INVALID_DATA = 'I/O Error: InvalidData';
/** Parser message for a u32 LEB128 longer than 5 bytes. */
export const MSG_INVALID_VAR_UINT32 = 'Not an unsigned 32-bit integer';
/** Parser message for an over-long/overflowing i32 LEB128 (also used for a u32 whose 5th byte >= 0x10). */
export const MSG_INVALID_VAR_INT32 = 'Not a signed 32-bit integer';
/** Parser message for an over-long/overflowing i64 LEB128. */
export const MSG_INVALID_VAR_INT64 = 'Not a signed 64-bit integer';
/** Parser message for a name that is not valid UTF-8. */
export const MSG_NON_UTF8 = 'Non-UTF-8 string';

/** The first decoding failure: parser message text and the byte offset (in `bytes`) where it occurred. */
export interface DecodeError {
  /** Message text, without the node's "Deserialization error: " prefix. */
  readonly message: string;
  /** Byte offset in the buffer being read. */
  readonly offset: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Cursor over a byte buffer with LEB128/name primitives and sticky error state. */
export class WasmReader {
  /** The whole buffer (offsets are always relative to it). */
  readonly bytes: Uint8Array;
  /** Next byte to read. */
  pos: number;
  /** Exclusive end of the readable window (module, section or body end). */
  end: number;
  /** First failure, or null. */
  error: DecodeError | null = null;

  /** Reads `bytes[start, end)`; defaults to the whole buffer. */
  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new RangeError(`invalid reader window [${start}, ${end}) for ${bytes.length} bytes`);
    }
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  /** True once a read has failed. */
  get failed(): boolean {
    return this.error !== null;
  }

  /** True when no bytes remain in the window. */
  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** Records `message` at `offset` unless an earlier failure exists, then exhausts the window. */
  fail(message: string, offset: number): void {
    if (this.error === null) this.error = { message, offset };
    this.pos = this.end;
  }

  /** One byte (Uint8/VarUint7 in the parser). */
  readByte(): number {
    if (this.pos >= this.end) {
      this.fail(MSG_UNEXPECTED_EOF, this.pos);
      return 0;
    }
    return this.bytes[this.pos++];
  }

  /** Skips `n` bytes; fails with UnexpectedEof when fewer remain. */
  skip(n: number): void {
    if (n > this.end - this.pos) {
      this.fail(MSG_UNEXPECTED_EOF, this.end);
      return;
    }
    this.pos += n;
  }

  /** `n` raw bytes as a view into the buffer (empty view on failure). */
  readBytes(n: number): Uint8Array {
    const start = this.pos;
    this.skip(n);
    return this.error === null ? this.bytes.subarray(start, start + n) : this.bytes.subarray(0, 0);
  }

  /** Little-endian fixed 32-bit unsigned integer (module version, f32 bits). */
  readU32LE(): number {
    if (this.end - this.pos < 4) {
      this.fail(MSG_UNEXPECTED_EOF, this.end);
      return 0;
    }
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  /** Unsigned LEB128, at most 5 bytes, as the parser's VarUint32. */
  readVarU32(): number {
    const start = this.pos;
    const b = this.bytes;
    if (start < this.end) {
      const first = b[start];
      if (first < 0x80) {
        this.pos = start + 1;
        return first;
      }
    }
    let result = 0;
    let shift = 0;
    for (;;) {
      if (shift > 31) {
        this.fail(MSG_INVALID_VAR_UINT32, start);
        return 0;
      }
      if (this.pos >= this.end) {
        this.fail(MSG_UNEXPECTED_EOF, this.pos);
        return 0;
      }
      const byte = b[this.pos++];
      result += shift < 28 ? (byte & 0x7f) << shift : (byte & 0x7f) * 0x10000000;
      shift += 7;
      if (byte < 0x80) {
        if (shift >= 32 && byte >= 0x10) {
          this.fail(MSG_INVALID_VAR_INT32, start);
          return 0;
        }
        return result;
      }
    }
  }

  /** Signed LEB128, at most 5 bytes, as the parser's VarInt32. */
  readVarI32(): number {
    const start = this.pos;
    const b = this.bytes;
    let result = 0;
    let shift = 0;
    for (;;) {
      if (shift > 31) {
        this.fail(MSG_INVALID_VAR_INT32, start);
        return 0;
      }
      if (this.pos >= this.end) {
        this.fail(MSG_UNEXPECTED_EOF, this.pos);
        return 0;
      }
      const byte = b[this.pos++];
      result |= (byte & 0x7f) << shift;
      shift += 7;
      if (byte < 0x80) {
        if (byte & 0x40) {
          if (shift < 32) {
            result |= -(1 << shift);
          } else if ((byte & 0x78) !== 0x78) {
            this.fail(MSG_INVALID_VAR_INT32, start);
            return 0;
          }
        } else if (shift >= 32 && byte >= 0x08) {
          this.fail(MSG_INVALID_VAR_INT32, start);
          return 0;
        }
        return result;
      }
    }
  }

  /**
   * Validates and skips a signed LEB128 of at most 10 bytes (the parser's VarInt64); returns the
   * number of bytes consumed (0 on failure). Use `decodeVarI64` for the value.
   */
  skipVarI64(): number {
    const start = this.pos;
    const b = this.bytes;
    let shift = 0;
    for (;;) {
      if (shift > 63) {
        this.fail(MSG_INVALID_VAR_INT64, start);
        return 0;
      }
      if (this.pos >= this.end) {
        this.fail(MSG_UNEXPECTED_EOF, this.pos);
        return 0;
      }
      const byte = b[this.pos++];
      shift += 7;
      if (byte < 0x80) {
        if (shift >= 64 && (byte & 0x40 ? byte !== 0x7f : byte !== 0)) {
          this.fail(MSG_INVALID_VAR_INT64, start);
          return 0;
        }
        return this.pos - start;
      }
    }
  }

  /** Signed LEB128 64-bit value (validated as `skipVarI64`); 0n on failure. */
  readVarI64(): bigint {
    const start = this.pos;
    return this.skipVarI64() === 0 ? 0n : decodeVarI64(this.bytes, start);
  }

  /** A byte read as the parser's VarInt7 (value and table element types): -64..63, or null when the continuation bit is set. */
  readVarI7(): number | null {
    const at = this.pos;
    const byte = this.readByte();
    if (this.error !== null) return null;
    if (byte & 0x80) {
      this.fail(`Not a signed 7-bit integer: ${byte}`, at);
      return null;
    }
    return byte & 0x40 ? byte - 0x80 : byte;
  }

  /** A length-prefixed UTF-8 name; null on failure. */
  readName(): string | null {
    const len = this.readVarU32();
    if (this.error !== null) return null;
    if (len === 0) return '';
    const start = this.pos;
    this.skip(len);
    if (this.error !== null) return null;
    try {
      return utf8.decode(this.bytes.subarray(start, start + len));
    } catch {
      this.fail(MSG_NON_UTF8, start);
      return null;
    }
  }
}

/** Decodes a signed LEB128 (already validated, at most 10 bytes) starting at `offset` as a bigint. */
export function decodeVarI64(bytes: Uint8Array, offset: number): bigint {
  let result = 0n;
  let shift = 0n;
  let p = offset;
  for (;;) {
    const byte = bytes[p++];
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) {
      if (byte & 0x40 && shift < 64n) result -= 1n << shift;
      return BigInt.asIntN(64, result);
    }
  }
}

/** Module preamble constants. */
export const WASM_MAGIC = 0x6d736100;
/** Largest valid section id of the MVP parser (12 = DataCount). */
export const MAX_SECTION_ID = 12;

/** Location of one section: id byte offset, payload window. */
export interface SectionHeader {
  /** Section id (0 = custom … 12 = data count). */
  id: number;
  /** Offset of the id byte. */
  offset: number;
  /** First payload byte. */
  start: number;
  /** Exclusive payload end. */
  end: number;
}

/**
 * Reads the 8-byte preamble (magic, version 1) with the parser's messages. Returns false (and
 * sets `r.error`) on failure.
 */
export function readPreamble(r: WasmReader): boolean {
  const at = r.pos;
  if (r.end - r.pos < 4) {
    r.fail(MSG_UNEXPECTED_EOF, r.end);
    return false;
  }
  const magic = r.readU32LE();
  if (magic !== WASM_MAGIC) {
    r.fail('Invalid magic number at start of file', at);
    return false;
  }
  const versionAt = r.pos;
  const version = r.readU32LE();
  if (r.failed) return false;
  if (version !== 1) {
    r.fail(`Unsupported wasm version ${version}`, versionAt);
    return false;
  }
  return true;
}

/**
 * Reads the next section header into `out` and moves the cursor to the payload start. Returns
 * false at the clean end of the module (no error) or on failure (`r.error` set): unknown id,
 * bad size LEB, or a payload that extends past the window.
 */
export function readSectionHeader(r: WasmReader, out: SectionHeader): boolean {
  if (r.error !== null || r.pos >= r.end) return false;
  const offset = r.pos;
  const id = r.readByte();
  if (id > MAX_SECTION_ID) {
    r.fail(`Invalid section id: ${id}`, offset);
    return false;
  }
  const size = r.readVarU32();
  if (r.error !== null) return false;
  if (size > r.end - r.pos) {
    r.fail(MSG_UNEXPECTED_EOF, r.end);
    return false;
  }
  out.id = id;
  out.offset = offset;
  out.start = r.pos;
  out.end = r.pos + size;
  return true;
}
