// Unit: Rust's `()`: no bytes, CLType 9.

import { Decoder, Encoder } from './bytesrepr';

/** The unit value `()`: encodes to nothing. */
export class Unit {
  /** bytesrepr: no bytes. */
  encode(_enc: Encoder): void {}

  /** Reads nothing. */
  decode(_dec: Decoder): void {}

  /** CLType Unit = 9. */
  writeCLType(enc: Encoder): void {
    enc.putU8(9);
  }

  /** Ordering (all units are equal): 0. */
  compare(_other: Unit): i32 {
    return 0;
  }
}
