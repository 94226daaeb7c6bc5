// Result<T, E>: casper-types' Result (bytes 1 ‖ T = Ok, 0 ‖ E = Err; CLType 16 ‖ T ‖ E).

import { BytesReprError, Decoder, decode, Encoder, encode, writeCLType, zeroOf } from './bytesrepr';
import { compareValues } from './map';

/** Ok(value) or Err(error); the unused side holds its zero value. */
export class Result<T, E> {
  constructor(
    /** True for Ok. */
    public isOk: bool = false,
    /** The Ok value (zero value for Err). */
    public value: T = zeroOf<T>(),
    /** The Err value (zero value for Ok). */
    public error: E = zeroOf<E>(),
  ) {}

  /** Ok(v). */
  static ok<T, E>(v: T): Result<T, E> {
    return new Result<T, E>(true, v, zeroOf<E>());
  }

  /** Err(e). */
  static err<T, E>(e: E): Result<T, E> {
    return new Result<T, E>(false, zeroOf<T>(), e);
  }

  /** True for Err. */
  get isErr(): bool {
    return !this.isOk;
  }

  /** bytesrepr: 1 ‖ value for Ok, 0 ‖ error for Err. */
  encode(enc: Encoder): void {
    if (this.isOk) {
      enc.putU8(1);
      encode<T>(enc, this.value);
    } else {
      enc.putU8(0);
      encode<E>(enc, this.error);
    }
  }

  /** Reads 1 ‖ T (Ok) or 0 ‖ E (Err); any other tag is Formatting. */
  decode(dec: Decoder): void {
    const tag = dec.getU8();
    if (tag == 1) {
      this.value = decode<T>(dec);
      this.isOk = true;
    } else if (tag == 0) {
      this.error = decode<E>(dec);
      this.isOk = false;
    } else {
      dec.fail(BytesReprError.Formatting);
    }
  }

  /** CLType Result(T, E) = 16 ‖ T ‖ E (the side present supplies value-dependent types). */
  writeCLType(enc: Encoder): void {
    enc.putU8(16);
    const live = changetype<usize>(this) != 0;
    writeCLType<T>(enc, live && this.isOk ? this.value : zeroOf<T>());
    writeCLType<E>(enc, live && !this.isOk ? this.error : zeroOf<E>());
  }

  /** Ordering as Rust's Result: every Ok < every Err, then by the value. */
  compare(other: Result<T, E>): i32 {
    if (this.isOk != other.isOk) return this.isOk ? -1 : 1;
    return this.isOk ? compareValues<T>(this.value, other.value) : compareValues<E>(this.error, other.error);
  }
}
