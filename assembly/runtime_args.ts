// RuntimeArgs: casper-types' named arguments, a Vec<(String, CLValue)> in insertion order:
// u32 count ‖ (String name ‖ CLValue)…; lookups take the first match.

import { Decoder, Encoder } from './bytesrepr';
import { CLValue } from './clvalue';

/** Named arguments for a contract call or a deploy, in insertion order. */
export class RuntimeArgs {
  /** Argument names, in order (may repeat). */
  names: Array<string> = [];
  /** Argument values, parallel to `names`. */
  values: Array<CLValue> = [];

  /** Appends argument `name` = `v` (as CLValue.from<T>); returns this for chaining. */
  insert<T>(name: string, v: T): RuntimeArgs {
    return this.insertCLValue(name, CLValue.from<T>(v));
  }

  /** Appends argument `name` = `cl`; returns this for chaining. */
  insertCLValue(name: string, cl: CLValue): RuntimeArgs {
    this.names.push(name);
    this.values.push(cl);
    return this;
  }

  /** The first argument called `name`, or null. */
  get(name: string): CLValue | null {
    const names = this.names;
    const n = names.length;
    for (let i = 0; i < n; i++) if (unchecked(names[i]) == name) return unchecked(this.values[i]);
    return null;
  }

  /** Number of arguments. */
  get length(): i32 {
    return this.names.length;
  }

  /** bytesrepr: u32 count ‖ (String ‖ CLValue)…. */
  encode(enc: Encoder): void {
    const names = this.names;
    const values = this.values;
    const n = names.length;
    enc.putU32(n);
    for (let i = 0; i < n; i++) {
      enc.putString(unchecked(names[i]));
      unchecked(values[i]).encode(enc);
    }
  }

  /** Reads u32 count ‖ (String ‖ CLValue)…, stopping at the first error. */
  decode(dec: Decoder): void {
    const n = dec.getU32();
    for (let i: u32 = 0; i < n && dec.err == 0; i++) {
      const name = dec.getString();
      const cl = new CLValue();
      cl.decode(dec);
      this.names.push(name);
      this.values.push(cl);
    }
  }

  /** The serialized arguments. */
  toBytes(): StaticArray<u8> {
    const enc = new Encoder();
    this.encode(enc);
    return enc.toBytes();
  }
}
