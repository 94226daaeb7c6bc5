// Option<T>: casper-types' Option (bytes 0 = None, 1 ‖ T = Some; CLType 13 ‖ T).

import { BytesReprError, Decoder, decode, Encoder, encode, writeCLType, zeroOf } from './bytesrepr';
import { ApiError, revert } from './error';
import { compareValues } from './map';

/** An optional value: `isSome` and, when set, `value` (zero/null when None). */
export class Option<T> {
  constructor(
    /** True for Some. */
    public isSome: bool = false,
    /** The value (zero value when None). */
    public value: T = zeroOf<T>(),
  ) {}

  /** Some(v). */
  static some<T>(v: T): Option<T> {
    return new Option<T>(true, v);
  }

  /** None. */
  static none<T>(): Option<T> {
    return new Option<T>(false, zeroOf<T>());
  }

  /** True for None. */
  get isNone(): bool {
    return !this.isSome;
  }

  /** The value; None reverts with ApiError::None (1), as Rust's `unwrap_or_revert`. */
  unwrap(): T {
    if (!this.isSome) revert(ApiError.None);
    return this.value;
  }

  /** The value, or `fallback` for None. */
  unwrapOr(fallback: T): T {
    return this.isSome ? this.value : fallback;
  }

  /** bytesrepr: 0 for None, 1 ‖ value for Some. */
  encode(enc: Encoder): void {
    if (this.isSome) {
      enc.putU8(1);
      encode<T>(enc, this.value);
    } else {
      enc.putU8(0);
    }
  }

  /** Reads 0 (None) or 1 ‖ value (Some); any other tag is Formatting. */
  decode(dec: Decoder): void {
    const tag = dec.getU8();
    if (tag == 1) {
      this.value = decode<T>(dec);
      this.isSome = true;
    } else if (tag != 0) {
      dec.fail(BytesReprError.Formatting);
    }
  }

  /** CLType Option(T) = 13 ‖ T (a Some value supplies value-dependent inner types). */
  writeCLType(enc: Encoder): void {
    enc.putU8(13);
    writeCLType<T>(enc, changetype<usize>(this) != 0 && this.isSome ? this.value : zeroOf<T>());
  }

  /** Ordering as Rust's Option: None < Some, Somes by value. */
  compare(other: Option<T>): i32 {
    if (this.isSome != other.isSome) return this.isSome ? 1 : -1;
    return this.isSome ? compareValues<T>(this.value, other.value) : 0;
  }
}
