// RuntimeArgs: casper-types' named arguments, a Vec<(String, CLValue)> in insertion order:
// u32 count ‖ (String name ‖ CLValue)…; lookups take the first match. The entries are kept
// serialized (one growing buffer, no arrays of objects): sessions build arguments far more often
// than they inspect them, and this keeps `insert` small.

import { Decoder, Encoder } from './bytesrepr';
import { CLValue, putCLValue } from './clvalue';

/** Named arguments for a contract call or a deploy, in insertion order. */
export class RuntimeArgs {
  /** The serialized entries, (String name ‖ CLValue)…, without the count. */
  entries: Encoder = new Encoder();
  /** Number of arguments. */
  count: u32 = 0;

  /** Appends argument `name` = `v` (its CLValue); returns this for chaining. */
  insert<T>(name: string, v: T): RuntimeArgs {
    this.entries.putString(name);
    putCLValue<T>(this.entries, v);
    this.count++;
    return this;
  }

  /** Appends argument `name` = `cl`; returns this for chaining. */
  insertCLValue(name: string, cl: CLValue): RuntimeArgs {
    this.entries.putString(name);
    cl.encode(this.entries);
    this.count++;
    return this;
  }

  /** The first argument called `name`, or null. */
  get(name: string): CLValue | null {
    const dec = new Decoder(this.entries.ptr, this.entries.len);
    for (let i: u32 = 0; i < this.count; i++) {
      const n = dec.getString();
      const cl = new CLValue();
      cl.decode(dec);
      if (n == name) return cl;
    }
    return null;
  }

  /** Number of arguments. */
  get length(): i32 {
    return <i32>this.count;
  }

  /** bytesrepr: u32 count ‖ (String ‖ CLValue)…. */
  encode(enc: Encoder): void {
    enc.putU32(this.count);
    enc.putRaw(this.entries.ptr, this.entries.len);
  }

  /** Reads u32 count ‖ (String ‖ CLValue)…, validating each entry and stopping at the first error. */
  decode(dec: Decoder): void {
    const n = dec.getU32();
    const start = dec.ptr;
    for (let i: u32 = 0; i < n && dec.err == 0; i++) {
      dec.getString();
      new CLValue().decode(dec);
    }
    if (dec.err != 0) return;
    this.entries = new Encoder(<u32>(dec.ptr - start));
    this.entries.putRaw(start, <u32>(dec.ptr - start));
    this.count = n;
  }

  /** The serialized arguments. */
  toBytes(): StaticArray<u8> {
    const enc = new Encoder();
    this.encode(enc);
    return enc.toBytes();
  }
}
