/**
 * CLValue (`types/src/cl_value.rs`): a CLType and the value's serialized ("inner") bytes.
 * Wire form: `u32 len(inner) ‖ inner ‖ CLType`. The inner bytes are opaque until read with a typed
 * getter (`asU512()`…, which checks the type exactly like `CLValue::into_t`) or with `asData()`,
 * which parses any CLType into plain JavaScript data (`CLData`).
 */
import { bytesEqual, compareBytes, compareStringsUtf8, sortDedupLast } from './bytes';
import {
  BytesReprError,
  bytesReprErrorMessage,
  type DecodeResult,
  fromBytes,
  type Reader,
  toBytes,
  Writer,
} from './bytesrepr';
import {
  byteArrayType,
  type CLType,
  CLTypes,
  clTypeEquals,
  clTypeSerializedLength,
  clTypeToString,
  listType,
  mapType,
  optionType,
  readCLType,
  resultType,
  tuple1Type,
  tuple2Type,
  tuple3Type,
  writeCLType,
} from './cltype';
import { compareKeys, type Key, readKey, writeKey } from './key';
import { comparePublicKeys, type PublicKey, readPublicKey, writePublicKey } from './public-key';
import { compareURefs, readURef, type URef, writeURef } from './uref';

/**
 * Plain JavaScript form of CLValue data, interpreted through its CLType:
 * Bool → boolean; I32, U8, U32 → number; I64, U64, U128, U256, U512 → bigint; Unit → null;
 * String → string; Key, URef, PublicKey → those types; ByteArray → Uint8Array; List and
 * Tuple1-3 → arrays; Option → null (None) or `{ some }`; Result → `{ ok }` or `{ err }`;
 * Map → `{ entries: [key, value][] }` in key order; top-level Any → the raw inner bytes.
 */
export type CLData =
  | boolean
  | number
  | bigint
  | string
  | null
  | Uint8Array
  | Key
  | URef
  | PublicKey
  | readonly CLData[]
  | { readonly some: CLData }
  | { readonly ok: CLData }
  | { readonly err: CLData }
  | { readonly entries: ReadonlyArray<readonly [CLData, CLData]> };

/** Why a typed read of a CLValue failed (`CLValueError`). */
export type CLValueError =
  | { readonly kind: 'type'; readonly expected: CLType; readonly found: CLType }
  | { readonly kind: 'bytesrepr'; readonly error: BytesReprError };

/** Result of a typed CLValue read. */
export type CLValueResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CLValueError };

/** casper-types' Display of a CLValueError. */
export function clValueErrorToString(e: CLValueError): string {
  return e.kind === 'type'
    ? `Type mismatch: Expected ${clTypeToString(e.expected)} but found ${clTypeToString(e.found)}.`
    : `CLValue error: ${bytesReprErrorMessage(e.error)}`;
}

function ser<T>(v: T, write: (w: Writer, v: T) => void, cap = 16): Uint8Array {
  return toBytes(v, write, cap);
}

/** A CLValue: CLType plus inner bytes. Immutable by convention. */
export class CLValue {
  /** Creates a CLValue from its parts (no check that the bytes match the type, as in casper-types). */
  constructor(
    readonly clType: CLType,
    readonly bytes: Uint8Array,
  ) {}

  /** Bool. */
  static bool(v: boolean): CLValue {
    return new CLValue(CLTypes.Bool, Uint8Array.of(v ? 1 : 0));
  }
  /** I32. */
  static i32(v: number): CLValue {
    return new CLValue(
      CLTypes.I32,
      ser(v, (w, x) => w.i32(x), 4),
    );
  }
  /** I64. */
  static i64(v: bigint): CLValue {
    return new CLValue(
      CLTypes.I64,
      ser(v, (w, x) => w.i64(x), 8),
    );
  }
  /** U8. */
  static u8(v: number): CLValue {
    return new CLValue(
      CLTypes.U8,
      ser(v, (w, x) => w.u8(x), 1),
    );
  }
  /** U32. */
  static u32(v: number): CLValue {
    return new CLValue(
      CLTypes.U32,
      ser(v, (w, x) => w.u32(x), 4),
    );
  }
  /** U64. */
  static u64(v: bigint): CLValue {
    return new CLValue(
      CLTypes.U64,
      ser(v, (w, x) => w.u64(x), 8),
    );
  }
  /** U128. */
  static u128(v: bigint): CLValue {
    return new CLValue(
      CLTypes.U128,
      ser(v, (w, x) => w.u128(x), 17),
    );
  }
  /** U256. */
  static u256(v: bigint): CLValue {
    return new CLValue(
      CLTypes.U256,
      ser(v, (w, x) => w.u256(x), 33),
    );
  }
  /** U512. */
  static u512(v: bigint): CLValue {
    return new CLValue(
      CLTypes.U512,
      ser(v, (w, x) => w.u512(x), 65),
    );
  }
  /** Unit. */
  static unit(): CLValue {
    return new CLValue(CLTypes.Unit, new Uint8Array(0));
  }
  /** String. */
  static string(s: string): CLValue {
    return new CLValue(
      CLTypes.String,
      ser(s, (w, x) => w.string(x), 4 + s.length),
    );
  }
  /** Key. */
  static key(k: Key): CLValue {
    return new CLValue(CLTypes.Key, ser(k, writeKey, 34));
  }
  /** URef. */
  static uref(u: URef): CLValue {
    return new CLValue(CLTypes.URef, ser(u, writeURef, 33));
  }
  /** PublicKey. */
  static publicKey(pk: PublicKey): CLValue {
    return new CLValue(CLTypes.PublicKey, ser(pk, writePublicKey, 34));
  }
  /** ByteArray(bytes.length). */
  static byteArray(bytes: Uint8Array): CLValue {
    return new CLValue(byteArrayType(bytes.length), bytes.slice());
  }
  /** ByteArray(32): AccountHash, ContractHash, ContractPackageHash… (exactly 32 bytes). */
  static byteArray32(bytes: Uint8Array): CLValue {
    if (bytes.length !== 32) throw new RangeError(`expected 32 bytes, got ${bytes.length}`);
    return new CLValue(CLTypes.ByteArray32, bytes.slice());
  }
  /** List(U8) (`Bytes` / `Vec<u8>`). */
  static bytesList(bytes: Uint8Array): CLValue {
    return new CLValue(
      CLTypes.ListU8,
      ser(bytes, (w, x) => w.bytes(x), 4 + bytes.length),
    );
  }
  /** Any with the given inner bytes (ContractPackage, CallStackElement, DictionaryValue…). */
  static any(bytes: Uint8Array): CLValue {
    return new CLValue(CLTypes.Any, bytes);
  }
  /** Option: Some(inner) or, with inner null, None of `innerType`. */
  static option(inner: CLValue | null, innerType?: CLType): CLValue {
    if (inner === null) {
      if (!innerType) throw new TypeError('CLValue.option(null) needs the inner type');
      return new CLValue(optionType(innerType), Uint8Array.of(0));
    }
    if (innerType && !clTypeEquals(innerType, inner.clType)) throw new TypeError('option inner type mismatch');
    const b = new Uint8Array(1 + inner.bytes.length);
    b[0] = 1;
    b.set(inner.bytes, 1);
    return new CLValue(optionType(inner.clType), b);
  }
  /** List(elementType) of values that all have exactly that type. */
  static list(elementType: CLType, items: readonly CLValue[]): CLValue {
    const w = new Writer(64);
    w.u32(items.length);
    for (const it of items) {
      if (!clTypeEquals(it.clType, elementType)) throw new TypeError('list element type mismatch');
      w.raw(it.bytes);
    }
    return new CLValue(listType(elementType), w.finish());
  }
  /** List(URef). */
  static listOfURefs(urefs: readonly URef[]): CLValue {
    return new CLValue(
      CLTypes.ListURef,
      ser(urefs, (w, x) => w.vec(x, writeURef), 4 + 33 * urefs.length),
    );
  }
  /** Tuple1. */
  static tuple1(a: CLValue): CLValue {
    return new CLValue(tuple1Type(a.clType), a.bytes.slice());
  }
  /** Tuple2. */
  static tuple2(a: CLValue, b: CLValue): CLValue {
    const w = new Writer(a.bytes.length + b.bytes.length);
    w.raw(a.bytes).raw(b.bytes);
    return new CLValue(tuple2Type(a.clType, b.clType), w.finish());
  }
  /** Tuple3. */
  static tuple3(a: CLValue, b: CLValue, c: CLValue): CLValue {
    const w = new Writer(a.bytes.length + b.bytes.length + c.bytes.length);
    w.raw(a.bytes).raw(b.bytes).raw(c.bytes);
    return new CLValue(tuple3Type(a.clType, b.clType, c.clType), w.finish());
  }
  /** Tuple2(String, Key): the named-key value `put_key` stores. */
  static tuple2StringKey(name: string, key: Key): CLValue {
    const w = new Writer(4 + name.length + 34);
    w.string(name);
    writeKey(w, key);
    return new CLValue(CLTypes.NamedKey, w.finish());
  }
  /** Result(okType, errType) holding `{ ok }` or `{ err }` whose type matches its side. */
  static result(okType: CLType, errType: CLType, value: { ok: CLValue } | { err: CLValue }): CLValue {
    const isOk = 'ok' in value;
    const v = isOk ? value.ok : value.err;
    if (!clTypeEquals(v.clType, isOk ? okType : errType)) throw new TypeError('result value type mismatch');
    const b = new Uint8Array(1 + v.bytes.length);
    b[0] = isOk ? 1 : 0;
    b.set(v.bytes, 1);
    return new CLValue(resultType(okType, errType), b);
  }
  /** A value of any CLType from `CLData` (Map entries are sorted by key as a BTreeMap would hold them). */
  static fromData(clType: CLType, data: CLData): CLValue {
    if (clType.tag === 21) {
      if (!(data instanceof Uint8Array)) throw new TypeError('Any data must be a Uint8Array');
      return new CLValue(clType, data.slice());
    }
    const w = new Writer(32);
    writeCLData(w, clType, data);
    return new CLValue(clType, w.finish());
  }
  /** Map(keyType, valueType) from CLData entries (sorted by key; duplicate keys: last wins). */
  static map(keyType: CLType, valueType: CLType, entries: ReadonlyArray<readonly [CLData, CLData]>): CLValue {
    return CLValue.fromData(mapType(keyType, valueType), { entries });
  }

  /** Serialized length: 4 + inner length + CLType length. */
  serializedLength(): number {
    return 4 + this.bytes.length + clTypeSerializedLength(this.clType);
  }

  /** Serializes the CLValue. */
  encode(): Uint8Array {
    return encodeCLValue(this);
  }

  /** True if the type is exactly `t`. */
  hasType(t: CLType): boolean {
    return clTypeEquals(this.clType, t);
  }

  /** Checks the type is exactly `expected`, then decodes the inner bytes entirely with `read`. */
  as<T>(expected: CLType, read: (r: Reader) => T): CLValueResult<T> {
    if (!clTypeEquals(this.clType, expected)) {
      return { ok: false, error: { kind: 'type', expected, found: this.clType } };
    }
    const res = fromBytes(this.bytes, read);
    return res.ok ? res : { ok: false, error: { kind: 'bytesrepr', error: res.error } };
  }

  /** Bool. */
  asBool(): CLValueResult<boolean> {
    return this.as(CLTypes.Bool, (r) => r.bool());
  }
  /** I32. */
  asI32(): CLValueResult<number> {
    return this.as(CLTypes.I32, (r) => r.i32());
  }
  /** I64. */
  asI64(): CLValueResult<bigint> {
    return this.as(CLTypes.I64, (r) => r.i64());
  }
  /** U8. */
  asU8(): CLValueResult<number> {
    return this.as(CLTypes.U8, (r) => r.u8());
  }
  /** U32. */
  asU32(): CLValueResult<number> {
    return this.as(CLTypes.U32, (r) => r.u32());
  }
  /** U64. */
  asU64(): CLValueResult<bigint> {
    return this.as(CLTypes.U64, (r) => r.u64());
  }
  /** U128. */
  asU128(): CLValueResult<bigint> {
    return this.as(CLTypes.U128, (r) => r.u128());
  }
  /** U256. */
  asU256(): CLValueResult<bigint> {
    return this.as(CLTypes.U256, (r) => r.u256());
  }
  /** U512. */
  asU512(): CLValueResult<bigint> {
    return this.as(CLTypes.U512, (r) => r.u512());
  }
  /** Unit. */
  asUnit(): CLValueResult<null> {
    return this.as(CLTypes.Unit, () => null);
  }
  /** String. */
  asString(): CLValueResult<string> {
    return this.as(CLTypes.String, (r) => r.string());
  }
  /** Key. */
  asKey(): CLValueResult<Key> {
    return this.as(CLTypes.Key, readKey);
  }
  /** URef. */
  asURef(): CLValueResult<URef> {
    return this.as(CLTypes.URef, readURef);
  }
  /** PublicKey. */
  asPublicKey(): CLValueResult<PublicKey> {
    return this.as(CLTypes.PublicKey, readPublicKey);
  }
  /** ByteArray(32) (AccountHash, ContractHash…), as a view. */
  asByteArray32(): CLValueResult<Uint8Array> {
    return this.as(CLTypes.ByteArray32, (r) => r.fixed(32));
  }
  /** ByteArray(n), as a view. */
  asByteArray(n: number): CLValueResult<Uint8Array> {
    return this.as(byteArrayType(n), (r) => r.fixed(n));
  }
  /** List(U8), as a view. */
  asBytesList(): CLValueResult<Uint8Array> {
    return this.as(CLTypes.ListU8, (r) => r.bytes());
  }
  /** Option(U64) (null = None). */
  asOptionU64(): CLValueResult<bigint | null> {
    return this.as(CLTypes.OptionU64, (r) => r.option((x) => x.u64()));
  }
  /** Option(U512) (null = None). */
  asOptionU512(): CLValueResult<bigint | null> {
    return this.as(CLTypes.OptionU512, (r) => r.option((x) => x.u512()));
  }
  /** Option(URef) (null = None). */
  asOptionURef(): CLValueResult<URef | null> {
    return this.as(CLTypes.OptionURef, (r) => r.option(readURef));
  }
  /** Option(ByteArray(32)) (null = None). */
  asOptionByteArray32(): CLValueResult<Uint8Array | null> {
    return this.as(CLTypes.OptionByteArray32, (r) => r.option((x) => x.fixed(32)));
  }
  /** List(URef). */
  asListOfURefs(): CLValueResult<URef[]> {
    return this.as(CLTypes.ListURef, (r) => r.vec(readURef));
  }
  /** Tuple2(String, Key). */
  asNamedKey(): CLValueResult<{ name: string; key: Key }> {
    return this.as(CLTypes.NamedKey, (r) => ({ name: r.string(), key: readKey(r) }));
  }
  /** The inner bytes parsed through the value's own CLType (top-level Any → the raw bytes). */
  asData(): CLValueResult<CLData> {
    if (this.clType.tag === 21) return { ok: true, value: this.bytes };
    const t = this.clType;
    return this.as(t, (r) => readCLData(r, t));
  }
}

/** Reads a CLValue (inner bytes are a view). */
export function readCLValue(r: Reader): CLValue {
  const bytes = r.bytes();
  return new CLValue(readCLType(r, 0), bytes);
}

/** Writes a CLValue. */
export function writeCLValue(w: Writer, v: CLValue): void {
  w.bytes(v.bytes);
  writeCLType(w, v.clType);
}

/** Decodes exactly one CLValue. */
export function decodeCLValue(bytes: Uint8Array): DecodeResult<CLValue> {
  return fromBytes(bytes, readCLValue);
}

/** Serializes a CLValue. */
export function encodeCLValue(v: CLValue): Uint8Array {
  return toBytes(v, writeCLValue, v.bytes.length + 16);
}

/** Same type and same inner bytes. */
export function clValueEquals(a: CLValue, b: CLValue): boolean {
  return clTypeEquals(a.clType, b.clType) && bytesEqual(a.bytes, b.bytes);
}

/** Reads data of type `t` (nested Any cannot be parsed → Formatting). */
export function readCLData(r: Reader, t: CLType): CLData {
  switch (t.tag) {
    case 0:
      return r.bool();
    case 1:
      return r.i32();
    case 2:
      return r.i64();
    case 3:
      return r.u8();
    case 4:
      return r.u32();
    case 5:
      return r.u64();
    case 6:
      return r.u128();
    case 7:
      return r.u256();
    case 8:
      return r.u512();
    case 9:
      return null;
    case 10:
      return r.string();
    case 11:
      return readKey(r);
    case 12:
      return readURef(r);
    case 13: {
      const inner = t.inner;
      const v = r.option((x) => ({ some: readCLData(x, inner) }));
      return v;
    }
    case 14: {
      const inner = t.inner;
      return r.vec((x) => readCLData(x, inner));
    }
    case 15:
      return r.fixed(t.size);
    case 16: {
      const tag = r.u8();
      if (tag === 0) return { err: readCLData(r, t.err) };
      if (tag === 1) return { ok: readCLData(r, t.ok) };
      return r.fail(BytesReprError.Formatting);
    }
    case 17: {
      const n = r.u32();
      const entries: [CLData, CLData][] = [];
      for (let i = 0; i < n; i++) {
        const k = readCLData(r, t.key);
        entries.push([k, readCLData(r, t.value)]);
      }
      const kt = t.key;
      return { entries: sortDedupLast(entries, (a, b) => compareCLData(kt, a[0], b[0])) };
    }
    case 18:
    case 19:
    case 20:
      return t.items.map((it) => readCLData(r, it));
    case 22:
      return readPublicKey(r);
    default:
      return r.fail(BytesReprError.Formatting);
  }
}

type MapData = { readonly entries: ReadonlyArray<readonly [CLData, CLData]> };

/** A plain (non-array, non-bytes) object with own property `p`. */
function has(d: CLData, p: string): boolean {
  return d !== null && typeof d === 'object' && !Array.isArray(d) && !(d instanceof Uint8Array) && Object.hasOwn(d, p);
}

function bad(t: CLType, what: string): never {
  throw new TypeError(`CLData for ${clTypeToString(t)}: expected ${what}`);
}

/** Writes data of type `t` (TypeError when the data does not fit the type; nested Any refused). */
export function writeCLData(w: Writer, t: CLType, d: CLData): void {
  switch (t.tag) {
    case 0:
      if (typeof d !== 'boolean') bad(t, 'boolean');
      w.bool(d);
      return;
    case 1:
      if (typeof d !== 'number') bad(t, 'number');
      w.i32(d);
      return;
    case 2:
      if (typeof d !== 'bigint') bad(t, 'bigint');
      w.i64(d);
      return;
    case 3:
      if (typeof d !== 'number') bad(t, 'number');
      w.u8(d);
      return;
    case 4:
      if (typeof d !== 'number') bad(t, 'number');
      w.u32(d);
      return;
    case 5:
      if (typeof d !== 'bigint') bad(t, 'bigint');
      w.u64(d);
      return;
    case 6:
      if (typeof d !== 'bigint') bad(t, 'bigint');
      w.u128(d);
      return;
    case 7:
      if (typeof d !== 'bigint') bad(t, 'bigint');
      w.u256(d);
      return;
    case 8:
      if (typeof d !== 'bigint') bad(t, 'bigint');
      w.u512(d);
      return;
    case 9:
      if (d !== null) bad(t, 'null');
      return;
    case 10:
      if (typeof d !== 'string') bad(t, 'string');
      w.string(d);
      return;
    case 11:
      writeKey(w, d as Key);
      return;
    case 12:
      writeURef(w, d as URef);
      return;
    case 22:
      writePublicKey(w, d as PublicKey);
      return;
    case 13:
      if (d === null) {
        w.u8(0);
        return;
      }
      if (!has(d, 'some')) bad(t, '{ some } or null');
      w.u8(1);
      writeCLData(w, t.inner, (d as { some: CLData }).some);
      return;
    case 14: {
      if (!Array.isArray(d)) bad(t, 'an array');
      const items = d as readonly CLData[];
      w.u32(items.length);
      for (const it of items) writeCLData(w, t.inner, it);
      return;
    }
    case 15:
      if (!(d instanceof Uint8Array)) bad(t, 'a Uint8Array');
      w.fixed(d, t.size);
      return;
    case 16:
      if (has(d, 'ok')) {
        w.u8(1);
        writeCLData(w, t.ok, (d as { ok: CLData }).ok);
      } else if (has(d, 'err')) {
        w.u8(0);
        writeCLData(w, t.err, (d as { err: CLData }).err);
      } else bad(t, '{ ok } or { err }');
      return;
    case 17: {
      if (!has(d, 'entries')) bad(t, '{ entries }');
      const kt = t.key;
      const entries = sortDedupLast((d as MapData).entries, (a, b) => compareCLData(kt, a[0], b[0]));
      w.u32(entries.length);
      for (const [k, v] of entries) {
        writeCLData(w, t.key, k);
        writeCLData(w, t.value, v);
      }
      return;
    }
    case 18:
    case 19:
    case 20: {
      if (!Array.isArray(d) || d.length !== t.items.length) bad(t, `an array of ${t.items.length}`);
      const items = d as readonly CLData[];
      for (let i = 0; i < items.length; i++) writeCLData(w, t.items[i], items[i]);
      return;
    }
    default:
      throw new TypeError('nested Any cannot be serialized from CLData');
  }
}

function cmpNum(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rust Ord of two values of type `t` (the order of a `BTreeMap` with such keys): numbers
 * numerically, strings by UTF-8 bytes, Option None first, Result Ok before Err, lists, tuples and
 * maps lexicographically. Any is not orderable (TypeError).
 */
export function compareCLData(t: CLType, a: CLData, b: CLData): number {
  switch (t.tag) {
    case 0:
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
      return cmpNum(a as number | bigint, b as number | bigint);
    case 9:
      return 0;
    case 10:
      return compareStringsUtf8(a as string, b as string);
    case 11:
      return compareKeys(a as Key, b as Key);
    case 12:
      return compareURefs(a as URef, b as URef);
    case 22:
      return comparePublicKeys(a as PublicKey, b as PublicKey);
    case 15:
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case 13:
      if (a === null || b === null) return (a === null ? 0 : 1) - (b === null ? 0 : 1);
      return compareCLData(t.inner, (a as { some: CLData }).some, (b as { some: CLData }).some);
    case 14: {
      const x = a as readonly CLData[];
      const y = b as readonly CLData[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareCLData(t.inner, x[i], y[i]);
        if (c) return c;
      }
      return x.length - y.length;
    }
    case 16: {
      const ao = has(a, 'ok');
      const bo = has(b, 'ok');
      if (ao !== bo) return ao ? -1 : 1;
      return ao
        ? compareCLData(t.ok, (a as { ok: CLData }).ok, (b as { ok: CLData }).ok)
        : compareCLData(t.err, (a as { err: CLData }).err, (b as { err: CLData }).err);
    }
    case 17: {
      const x = (a as MapData).entries;
      const y = (b as MapData).entries;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareCLData(t.key, x[i][0], y[i][0]) || compareCLData(t.value, x[i][1], y[i][1]);
        if (c) return c;
      }
      return x.length - y.length;
    }
    case 18:
    case 19:
    case 20: {
      const x = a as readonly CLData[];
      const y = b as readonly CLData[];
      for (let i = 0; i < t.items.length; i++) {
        const c = compareCLData(t.items[i], x[i], y[i]);
        if (c) return c;
      }
      return 0;
    }
    default:
      throw new TypeError('values of type Any are not orderable');
  }
}
