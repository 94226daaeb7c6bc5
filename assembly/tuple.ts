// Tuples: casper-types' (A,), (A, B), (A, B, C): the elements' bytes concatenated;
// CLType 18 ‖ A, 19 ‖ A ‖ B, 20 ‖ A ‖ B ‖ C.

import { Decoder, decode, Encoder, encode, writeCLType, zeroOf } from './bytesrepr';
import { compareValues } from './map';

/** A 1-tuple (A,). */
export class Tuple1<A> {
  constructor(
    /** Element 0. */
    public first: A = zeroOf<A>(),
  ) {}

  /** bytesrepr: the element's bytes. */
  encode(enc: Encoder): void {
    encode<A>(enc, this.first);
  }

  /** Reads the element. */
  decode(dec: Decoder): void {
    this.first = decode<A>(dec);
  }

  /** CLType Tuple1 = 18 ‖ A. */
  writeCLType(enc: Encoder): void {
    enc.putU8(18);
    writeCLType<A>(enc, changetype<usize>(this) != 0 ? this.first : zeroOf<A>());
  }

  /** Ordering as Rust's tuples: by element. */
  compare(other: Tuple1<A>): i32 {
    return compareValues<A>(this.first, other.first);
  }
}

/** A 2-tuple (A, B). */
export class Tuple2<A, B> {
  constructor(
    /** Element 0. */
    public first: A = zeroOf<A>(),
    /** Element 1. */
    public second: B = zeroOf<B>(),
  ) {}

  /** bytesrepr: the elements' bytes in order. */
  encode(enc: Encoder): void {
    encode<A>(enc, this.first);
    encode<B>(enc, this.second);
  }

  /** Reads the elements in order. */
  decode(dec: Decoder): void {
    this.first = decode<A>(dec);
    this.second = decode<B>(dec);
  }

  /** CLType Tuple2 = 19 ‖ A ‖ B. */
  writeCLType(enc: Encoder): void {
    enc.putU8(19);
    const live = changetype<usize>(this) != 0;
    writeCLType<A>(enc, live ? this.first : zeroOf<A>());
    writeCLType<B>(enc, live ? this.second : zeroOf<B>());
  }

  /** Ordering as Rust's tuples: lexicographic by element. */
  compare(other: Tuple2<A, B>): i32 {
    const c = compareValues<A>(this.first, other.first);
    return c != 0 ? c : compareValues<B>(this.second, other.second);
  }
}

/** A 3-tuple (A, B, C). */
export class Tuple3<A, B, C> {
  constructor(
    /** Element 0. */
    public first: A = zeroOf<A>(),
    /** Element 1. */
    public second: B = zeroOf<B>(),
    /** Element 2. */
    public third: C = zeroOf<C>(),
  ) {}

  /** bytesrepr: the elements' bytes in order. */
  encode(enc: Encoder): void {
    encode<A>(enc, this.first);
    encode<B>(enc, this.second);
    encode<C>(enc, this.third);
  }

  /** Reads the elements in order. */
  decode(dec: Decoder): void {
    this.first = decode<A>(dec);
    this.second = decode<B>(dec);
    this.third = decode<C>(dec);
  }

  /** CLType Tuple3 = 20 ‖ A ‖ B ‖ C. */
  writeCLType(enc: Encoder): void {
    enc.putU8(20);
    const live = changetype<usize>(this) != 0;
    writeCLType<A>(enc, live ? this.first : zeroOf<A>());
    writeCLType<B>(enc, live ? this.second : zeroOf<B>());
    writeCLType<C>(enc, live ? this.third : zeroOf<C>());
  }

  /** Ordering as Rust's tuples: lexicographic by element. */
  compare(other: Tuple3<A, B, C>): i32 {
    let c = compareValues<A>(this.first, other.first);
    if (c == 0) c = compareValues<B>(this.second, other.second);
    return c != 0 ? c : compareValues<C>(this.third, other.third);
  }
}
