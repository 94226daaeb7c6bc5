// CLValue: a value's bytes together with its CLType bytes (casper-types `cl_value.rs`):
// u32 len ‖ bytes ‖ CLType.

import { allocBytes, Decoded, Decoder, Encoder, encode, fromBytes, writeCLType } from './bytesrepr';
import { clTypeOf, readCLType } from './cltype';

/**
 * Writes the CLValue of `v` (u32 length ‖ bytes ‖ CLType) straight into `enc`, without building
 * a CLValue object: what storage writes and RuntimeArgs.insert use.
 */
export function putCLValue<T>(enc: Encoder, v: T): void {
  const lenAt = enc.len;
  enc.putU32(0);
  encode<T>(enc, v);
  store<u32>(enc.ptr + lenAt, enc.len - lenAt - 4);
  writeCLType<T>(enc, v);
}

/** A serialized value and its CLType, both as bytes. */
export class CLValue {
  constructor(
    /** The value's bytesrepr bytes. */
    public bytes: StaticArray<u8> = allocBytes(0),
    /** The value's CLType bytes (Unit by default). */
    public clType: StaticArray<u8> = [9],
  ) {}

  /** The CLValue of `v` (casper-types `CLValue::from_t`). */
  static from<T>(v: T): CLValue {
    if (isInteger<T>() && sizeof<T>() != 2 && (sizeof<T>() != 1 || !isSigned<T>())) {
      // bool, u8, i32/u32, i64/u64: fixed size, little-endian, so no Encoder (i8 and 16-bit
      // integers, which have no CLType, take the path below, where encode<T> rejects them).
      const b = allocBytes(sizeof<T>());
      store<T>(changetype<usize>(b), v);
      return new CLValue(b, clTypeOf<T>(v));
    }
    const b = new Encoder();
    encode<T>(b, v);
    return new CLValue(b.toBytes(), clTypeOf<T>(v));
  }

  /** The Unit CLValue: no bytes, CLType 9. */
  static unit(): CLValue {
    return new CLValue();
  }

  /** Decodes the bytes as T, all of them (the CLType is not checked). */
  get<T>(): Decoded<T> {
    return fromBytes<T>(this.bytes);
  }

  /** bytesrepr: u32 length ‖ bytes ‖ CLType bytes. */
  encode(enc: Encoder): void {
    enc.putBytes(this.bytes);
    enc.putFixed(this.clType);
  }

  /** Reads u32 length ‖ bytes ‖ CLType, validating the CLType (depth, tags). */
  decode(dec: Decoder): void {
    this.bytes = dec.getBytes();
    this.clType = readCLType(dec);
  }

  /** The CLValue's bytes (length-prefixed value, then the CLType). */
  toBytes(): StaticArray<u8> {
    const enc = new Encoder(this.bytes.length + this.clType.length + 4);
    this.encode(enc);
    return enc.toBytes();
  }
}
