// Contract builders (casper-types 4.0.1 `contracts.rs`, the 1.5 format): Parameter, EntryPointAccess,
// EntryPointType, EntryPoint and EntryPoints, so session code can install a contract as Rust does:
//   const eps = new EntryPoints();
//   eps.addEntryPoint(new EntryPoint('inc', [], clTypeBytes<Unit>(), EntryPointAccess.public(), EntryPointType.Contract));

import { BytesReprError, bytesFrom, Decoder, decode, Encoder, encode, utf8Decode } from './bytesrepr';
import { clTypeBytes, readCLType } from './cltype';
import { encodePairs, nameBytes, pairCount, pairNames, pairValue, putPair } from './map';
import { Unit } from './unit';

/** An entry point parameter: name ‖ CLType. */
export class Parameter {
  /** The name as a bytesrepr String (u32 length ‖ UTF-8): a literal's static bytes in release builds. */
  nameBytes: usize;

  constructor(
    /** Argument name. */
    name: string = '',
    /** CLType bytes (Unit by default). */
    public clType: StaticArray<u8> = clTypeBytes<Unit>(),
  ) {
    this.nameBytes = nameBytes(name);
  }

  /** A parameter whose CLType is T's (`Parameter::new(name, T::cl_type())`). */
  static of<T>(name: string): Parameter {
    return new Parameter(name, clTypeBytes<T>());
  }

  /** A parameter with explicit CLType bytes (see the clType* builders in cltype.ts). */
  static withType(name: string, clType: StaticArray<u8>): Parameter {
    return new Parameter(name, clType);
  }

  /** Argument name. */
  get name(): string {
    return stringAt(this.nameBytes);
  }

  set name(name: string) {
    this.nameBytes = nameBytes(name);
  }

  /** bytesrepr: String name ‖ CLType. */
  encode(enc: Encoder): void {
    putName(enc, this.nameBytes);
    enc.putFixed(this.clType);
  }

  /** Reads String name ‖ CLType (validated). */
  decode(dec: Decoder): void {
    this.name = dec.getString();
    this.clType = readCLType(dec);
  }
}

/** Writes the bytesrepr String at `name`. */
function putName(enc: Encoder, name: usize): void {
  enc.putRaw(name, load<u32>(name) + 4);
}

/** The string of the (valid) bytesrepr String at `p`. */
function stringAt(p: usize): string {
  return changetype<string>(utf8Decode(p + 4, load<u32>(p)));
}

/**
 * Who may call an entry point: Public (tag 1) or the listed groups (tag 2 ‖ Vec<String>). Kept as
 * its bytes, so that an entry point's access is encoded by a copy.
 */
export class EntryPointAccess {
  constructor(
    /** bytesrepr: 1 (Public) or 2 ‖ u32 count ‖ String… (Public's is shared static data: do not modify). */
    public bytes: StaticArray<u8> = EntryPointAccess.public().bytes,
  ) {}

  /**
   * Anyone may call (`EntryPointAccess::Public`). One shared static instance (do not modify it):
   * `memory.data` laid out as asc lays out a static object, a 20-byte header (rtId and rtSize are
   * read; the rest is 0) then the fields, here `bytes` → a static StaticArray<u8> [1], so that
   * sessions pay no code for it.
   */
  static public(): EntryPointAccess {
    return changetype<EntryPointAccess>(
      memory.data<u32>([
        0,
        0,
        0,
        idof<EntryPointAccess>(),
        offsetof<EntryPointAccess>(),
        <u32>(
          memory.data<u8>([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, <u8>idof<StaticArray<u8>>(), 0, 0, 0, 1, 0, 0, 0, 1])
        ) + 20,
      ]) + 20,
    );
  }

  /**
   * Only callers holding a URef of one of these groups (`EntryPointAccess::groups`). An empty list
   * makes the entry point uncallable from outside.
   */
  static groups(names: Array<string>): EntryPointAccess {
    const enc = new Encoder();
    enc.putU8(2);
    encode<Array<string>>(enc, names);
    return new EntryPointAccess(enc.toBytes());
  }

  /** True for Public. */
  get isPublic(): bool {
    return unchecked(this.bytes[0]) == 1;
  }

  /** The group names, or null for Public. */
  get groups(): Array<string> | null {
    if (this.isPublic) return null;
    const dec = new Decoder(changetype<usize>(this.bytes) + 1, this.bytes.length - 1);
    return decode<Array<string>>(dec);
  }

  /** bytesrepr: 1, or 2 ‖ u32 count ‖ String…. */
  encode(enc: Encoder): void {
    enc.putFixed(this.bytes);
  }

  /** Reads 1 (Public) or 2 ‖ Vec<String>; any other tag is Formatting. */
  decode(dec: Decoder): void {
    const start = dec.ptr;
    const tag = dec.getU8();
    if (tag == 2) {
      decode<Array<string>>(dec);
    } else if (tag != 1) {
      dec.fail(BytesReprError.Formatting);
    }
    if (dec.err == 0) this.bytes = bytesFrom(start, <u32>(dec.ptr - start));
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
  /** The name as a bytesrepr String (u32 length ‖ UTF-8): a literal's static bytes in release builds. */
  nameBytes: usize;

  /** As Rust's `EntryPoint::new(name, args, ret, access, entry_point_type)`; defaults as its `Default` ("call", no args, Unit, Public, Session). */
  constructor(
    /** Name; also the name of the Wasm export the node invokes. */
    name: string = 'call',
    /** Parameters, in order (a literal such as `[Parameter.of<u8>('weight')]` or `[]`). */
    public args: StaticArray<Parameter> = [],
    /** Return CLType bytes, e.g. `clTypeBytes<Unit>()`. */
    public ret: StaticArray<u8> = clTypeBytes<Unit>(),
    /** Access control. */
    public access: EntryPointAccess = new EntryPointAccess(),
    /** EntryPointType.Session or EntryPointType.Contract. */
    public entryPointType: u8 = EntryPointType.Session,
  ) {
    this.nameBytes = nameBytes(name);
  }

  /** Name; also the name of the Wasm export the node invokes. */
  get name(): string {
    return stringAt(this.nameBytes);
  }

  set name(name: string) {
    this.nameBytes = nameBytes(name);
  }

  /** bytesrepr: String ‖ Vec<Parameter> ‖ CLType ‖ access ‖ u8. */
  encode(enc: Encoder): void {
    putName(enc, this.nameBytes);
    const args = this.args;
    enc.putU32(args.length);
    for (let i = 0; i < args.length; i++) unchecked(args[i]).encode(enc);
    enc.putFixed(this.ret);
    this.access.encode(enc);
    enc.putU8(this.entryPointType);
  }

  /** Reads an entry point; an entry point type other than 0/1 is Formatting. */
  decode(dec: Decoder): void {
    this.name = dec.getString();
    this.args = StaticArray.fromArray<Parameter>(decode<Array<Parameter>>(dec));
    this.ret = readCLType(dec);
    const access = new EntryPointAccess(); // never decode into a shared EntryPointAccess.public()
    access.decode(dec);
    this.access = access;
    const t = dec.getU8();
    if (t > 1) dec.fail(BytesReprError.Formatting);
    this.entryPointType = t;
  }
}

/**
 * A contract's entry points (BTreeMap<String, EntryPoint>), keyed by name: the entry points as
 * added, in a name map (map.ts); encoding writes them ascending by name, the last one added per
 * name. A map that a session builds from constants only (`new EntryPoints()` then
 * `addEntryPoint(...)` statements) is encoded by the release build instead
 * (scripts/lib/static-entry-points.mjs): the session then holds its bytes (`fromEncoded`) and
 * carries none of the code that builds, sorts and encodes it.
 */
export class EntryPoints {
  /** (name, entry point) address pairs, as added (see map.ts). */
  pairs: Encoder = new Encoder();
  /** A build-time map's bytes (u32 length ‖ the map's bytesrepr) until it is read or changed; else 0. */
  encoded: usize = 0;
  /**
   * In a build with only build-time maps, how a map that was read or changed (and so became
   * pairs) is encoded: set when that happens, so that sessions which only install a map carry
   * no sorting code.
   */
  pairsEncoder: ((map: EntryPoints) => usize) | null = null;

  /**
   * An empty map. When the build has encoded every map of the session (it then defines
   * CASPER_ENCODED_ENTRY_POINTS), no map may be built at run time: the build falls back to the
   * ordinary one.
   */
  constructor() {
    if (isDefined(CASPER_ENCODED_ENTRY_POINTS)) ERROR('a map built at run time in a build with only build-time maps');
  }

  /**
   * The map whose bytes (u32 length ‖ bytesrepr, as `toEncoded` returns) are at `bytes`, static
   * data the build wrote. Not checked: the build took them from `toEncoded`.
   */
  static fromEncoded(bytes: usize): EntryPoints {
    if (!isDefined(CASPER_ENCODED_ENTRY_POINTS)) ERROR('EntryPoints.fromEncoded is for the release build only');
    const map = changetype<EntryPoints>(__new(offsetof<EntryPoints>(), idof<EntryPoints>()));
    map.encoded = bytes;
    return map;
  }

  /**
   * The map's bytesrepr behind its u32 length (what `fromEncoded` takes): a build-time map's own
   * static bytes, else a new encoding.
   */
  toEncoded(): usize {
    if (isDefined(CASPER_ENCODED_ENTRY_POINTS)) {
      if (this.encoded != 0) return this.encoded;
      return changetype<(map: EntryPoints) => usize>(this.pairsEncoder)(this); // set by materialize
    }
    return pairsToEncoded(this);
  }

  /** A build-time map becomes pairs (its bytes decoded) before it is read or changed. */
  private materialize(): void {
    if (isDefined(CASPER_ENCODED_ENTRY_POINTS)) {
      const bytes = this.encoded;
      if (bytes == 0) return;
      this.encoded = 0;
      this.pairs = new Encoder();
      this.decode(new Decoder(bytes + 4, load<u32>(bytes)));
      this.pairsEncoder = pairsToEncoded;
    }
  }

  /** Adds `ep` under its name, replacing one of the same name (`add_entry_point`). */
  addEntryPoint(ep: EntryPoint): EntryPoints {
    this.materialize();
    putPair(this.pairs, ep.nameBytes, changetype<usize>(ep));
    return this;
  }

  /** True when an entry point called `name` exists. */
  has(name: string): bool {
    this.materialize();
    return pairValue(this.pairs, name) != 0;
  }

  /** The entry point called `name`, or null. */
  get(name: string): EntryPoint | null {
    this.materialize();
    return changetype<EntryPoint | null>(pairValue(this.pairs, name));
  }

  /** Number of entry points. */
  get length(): i32 {
    this.materialize();
    return pairCount(this.pairs);
  }

  /** The names, ascending. */
  names(): Array<string> {
    this.materialize();
    return pairNames(this.pairs);
  }

  /** bytesrepr: u32 count ‖ (String name ‖ EntryPoint)… ascending by name. */
  encode(enc: Encoder): void {
    if (isDefined(CASPER_ENCODED_ENTRY_POINTS)) {
      const bytes = this.toEncoded();
      enc.putRaw(bytes + 4, load<u32>(bytes));
    } else {
      encodePairs<EntryPoint>(this.pairs, enc);
    }
  }

  /** Reads the map (any order; a later duplicate name wins). */
  decode(dec: Decoder): void {
    const n = dec.getU32();
    for (let i: u32 = 0; i < n && dec.err == 0; i++) {
      const name = dec.getString();
      const ep = new EntryPoint();
      ep.decode(dec);
      if (dec.err == 0) putPair(this.pairs, nameBytes(name), changetype<usize>(ep));
    }
  }
}

/** A map's pairs encoded ascending by name, behind their u32 length. */
function pairsToEncoded(map: EntryPoints): usize {
  const enc = new Encoder();
  enc.putU32(0);
  encodePairs<EntryPoint>(map.pairs, enc);
  store<u32>(enc.ptr, enc.len - 4);
  return enc.ptr;
}
