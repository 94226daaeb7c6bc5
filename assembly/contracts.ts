// Contract builders (casper-types 4.0.1 `contracts.rs`, the 1.5 format): Parameter, EntryPointAccess,
// EntryPointType, EntryPoint and EntryPoints, so session code can install a contract as Rust does:
//   const eps = new EntryPoints();
//   eps.addEntryPoint(new EntryPoint('inc', [], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Contract));

import { BytesReprError, Decoder, decode, Encoder, encode, writeCLType } from './bytesrepr';
import { readCLType } from './cltype';
import { CLMap } from './map';

/** An entry point parameter: name ‖ CLType. */
export class Parameter {
  constructor(
    /** Argument name. */
    public name: string = '',
    /** CLType bytes (Unit by default). */
    public clType: StaticArray<u8> = [9],
  ) {}

  /** A parameter whose CLType is T's (`Parameter::new(name, T::cl_type())`). */
  static of<T>(name: string): Parameter {
    const enc = new Encoder(8);
    writeCLType<T>(enc);
    return new Parameter(name, enc.toBytes());
  }

  /** A parameter with explicit CLType bytes (see the clType* builders in cltype.ts). */
  static withType(name: string, clType: StaticArray<u8>): Parameter {
    return new Parameter(name, clType);
  }

  /** bytesrepr: String name ‖ CLType. */
  encode(enc: Encoder): void {
    enc.putString(this.name);
    enc.putFixed(this.clType);
  }

  /** Reads String name ‖ CLType (validated). */
  decode(dec: Decoder): void {
    this.name = dec.getString();
    this.clType = readCLType(dec);
  }
}

/** Who may call an entry point: Public (tag 1) or the listed groups (tag 2 ‖ Vec<String>). */
export class EntryPointAccess {
  constructor(
    /** Group names; null means Public. An empty list makes the entry point uncallable from outside. */
    public groups: Array<string> | null = null,
  ) {}

  /** Anyone may call (`EntryPointAccess::Public`). */
  static public(): EntryPointAccess {
    return new EntryPointAccess(null);
  }

  /** Only callers holding a URef of one of these groups (`EntryPointAccess::groups`). */
  static groups(names: Array<string>): EntryPointAccess {
    return new EntryPointAccess(names);
  }

  /** True for Public. */
  get isPublic(): bool {
    return this.groups === null;
  }

  /** bytesrepr: 1, or 2 ‖ u32 count ‖ String…. */
  encode(enc: Encoder): void {
    const g = this.groups;
    if (g === null) {
      enc.putU8(1);
    } else {
      enc.putU8(2);
      encode<Array<string>>(enc, g);
    }
  }

  /** Reads 1 (Public) or 2 ‖ Vec<String>; any other tag is Formatting. */
  decode(dec: Decoder): void {
    const tag = dec.getU8();
    if (tag == 1) {
      this.groups = null;
    } else if (tag == 2) {
      this.groups = decode<Array<string>>(dec);
    } else {
      dec.fail(BytesReprError.Formatting);
    }
  }
}

/** Where an entry point runs (one byte). */
export namespace EntryPointType {
  /** In the caller's account context (session code). */
  export const Session: u8 = 0;
  /** In the contract's own context. */
  export const Contract: u8 = 1;
}

/** An entry point: name ‖ args Vec<Parameter> ‖ ret CLType ‖ access ‖ type u8. */
export class EntryPoint {
  /** As Rust's `EntryPoint::new(name, args, ret, access, entry_point_type)`; defaults as its `Default` ("call", no args, Unit, Public, Session). */
  constructor(
    /** Name; also the name of the Wasm export the node invokes. */
    public name: string = 'call',
    /** Parameters, in order. */
    public args: Array<Parameter> = [],
    /** Return CLType bytes, e.g. `clTypeBytes<Unit>()`. */
    public ret: StaticArray<u8> = [9],
    /** Access control. */
    public access: EntryPointAccess = new EntryPointAccess(null),
    /** EntryPointType.Session or EntryPointType.Contract. */
    public entryPointType: u8 = EntryPointType.Session,
  ) {}

  /** bytesrepr: String ‖ Vec<Parameter> ‖ CLType ‖ access ‖ u8. */
  encode(enc: Encoder): void {
    enc.putString(this.name);
    encode<Array<Parameter>>(enc, this.args);
    enc.putFixed(this.ret);
    this.access.encode(enc);
    enc.putU8(this.entryPointType);
  }

  /** Reads an entry point; an entry point type other than 0/1 is Formatting. */
  decode(dec: Decoder): void {
    this.name = dec.getString();
    this.args = decode<Array<Parameter>>(dec);
    this.ret = readCLType(dec);
    this.access.decode(dec);
    const t = dec.getU8();
    if (t > 1) dec.fail(BytesReprError.Formatting);
    this.entryPointType = t;
  }
}

/** A contract's entry points (BTreeMap<String, EntryPoint>), keyed and sorted by name. */
export class EntryPoints {
  /** The entries: name → entry point, ascending by name. */
  map: CLMap<string, EntryPoint> = new CLMap<string, EntryPoint>();

  /** Adds `ep` under its name, replacing one of the same name (`add_entry_point`). */
  addEntryPoint(ep: EntryPoint): EntryPoints {
    this.map.set(ep.name, ep);
    return this;
  }

  /** True when an entry point called `name` exists. */
  has(name: string): bool {
    return this.map.has(name);
  }

  /** The entry point called `name`, or null. */
  get(name: string): EntryPoint | null {
    const i = this.map.indexOf(name);
    return i >= 0 ? unchecked(this.map.values[i]) : null;
  }

  /** Number of entry points. */
  get length(): i32 {
    return this.map.length;
  }

  /** The names, ascending. */
  names(): Array<string> {
    return this.map.keys.slice();
  }

  /** bytesrepr: u32 count ‖ (String name ‖ EntryPoint)… ascending by name. */
  encode(enc: Encoder): void {
    this.map.encode(enc);
  }

  /** Reads the map (any order; a later duplicate name wins). */
  decode(dec: Decoder): void {
    this.map.decode(dec);
  }
}
