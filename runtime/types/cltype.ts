/**
 * CLType (`types/src/cl_type.rs`): the type tag tree of a CLValue. Decoding enforces the same
 * recursion limit as casper-types (depth counter checked before each tag is read; 50 levels).
 */
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';

/** CLType wire tags. */
export const CLTypeTag = {
  Bool: 0,
  I32: 1,
  I64: 2,
  U8: 3,
  U32: 4,
  U64: 5,
  U128: 6,
  U256: 7,
  U512: 8,
  Unit: 9,
  String: 10,
  Key: 11,
  URef: 12,
  Option: 13,
  List: 14,
  ByteArray: 15,
  Result: 16,
  Map: 17,
  Tuple1: 18,
  Tuple2: 19,
  Tuple3: 20,
  Any: 21,
  PublicKey: 22,
} as const;

/** Tags of parameterless types. */
export type SimpleCLTypeTag = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 21 | 22;

/** A CLType. Instances are immutable; compare with `clTypeEquals`. */
export type CLType =
  | { readonly tag: SimpleCLTypeTag }
  | { readonly tag: 13; readonly inner: CLType }
  | { readonly tag: 14; readonly inner: CLType }
  | { readonly tag: 15; readonly size: number }
  | { readonly tag: 16; readonly ok: CLType; readonly err: CLType }
  | { readonly tag: 17; readonly key: CLType; readonly value: CLType }
  | { readonly tag: 18; readonly items: readonly [CLType] }
  | { readonly tag: 19; readonly items: readonly [CLType, CLType] }
  | { readonly tag: 20; readonly items: readonly [CLType, CLType, CLType] };

/** casper-types `CL_TYPE_RECURSION_DEPTH`. */
export const CL_TYPE_RECURSION_DEPTH = 50;

const SIMPLE: CLType[] = [];
for (const t of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22] as SimpleCLTypeTag[]) {
  SIMPLE[t] = Object.freeze({ tag: t } as CLType);
}

/** Builds an Option(inner). */
export function optionType(inner: CLType): CLType {
  return { tag: 13, inner };
}

/** Builds a List(inner). */
export function listType(inner: CLType): CLType {
  return { tag: 14, inner };
}

/** Builds a ByteArray(size). */
export function byteArrayType(size: number): CLType {
  if (!(size >= 0 && size <= 0xffffffff && Number.isInteger(size))) throw new RangeError(`bad ByteArray size ${size}`);
  return size === 32 ? BYTE_ARRAY_32 : { tag: 15, size };
}

/** Builds a Result { ok, err }. */
export function resultType(ok: CLType, err: CLType): CLType {
  return { tag: 16, ok, err };
}

/** Builds a Map { key, value }. */
export function mapType(key: CLType, value: CLType): CLType {
  return { tag: 17, key, value };
}

/** Builds a Tuple1. */
export function tuple1Type(a: CLType): CLType {
  return { tag: 18, items: [a] };
}

/** Builds a Tuple2. */
export function tuple2Type(a: CLType, b: CLType): CLType {
  return { tag: 19, items: [a, b] };
}

/** Builds a Tuple3. */
export function tuple3Type(a: CLType, b: CLType, c: CLType): CLType {
  return { tag: 20, items: [a, b, c] };
}

const BYTE_ARRAY_32: CLType = Object.freeze({ tag: 15, size: 32 } as const);

/** Ready-made CLTypes (simple types and the composites the host uses). */
export const CLTypes = {
  Bool: SIMPLE[0],
  I32: SIMPLE[1],
  I64: SIMPLE[2],
  U8: SIMPLE[3],
  U32: SIMPLE[4],
  U64: SIMPLE[5],
  U128: SIMPLE[6],
  U256: SIMPLE[7],
  U512: SIMPLE[8],
  Unit: SIMPLE[9],
  String: SIMPLE[10],
  Key: SIMPLE[11],
  URef: SIMPLE[12],
  Any: SIMPLE[21],
  PublicKey: SIMPLE[22],
  /** ByteArray(32): AccountHash, ContractHash, ContractPackageHash, TransferAddr… */
  ByteArray32: BYTE_ARRAY_32,
  /** List(U8): `Vec<u8>` / `Bytes`. */
  ListU8: listType(SIMPLE[3]),
  /** List(URef). */
  ListURef: listType(SIMPLE[12]),
  /** List(Any): the call stack. */
  ListAny: listType(SIMPLE[21]),
  /** List(ByteArray(32)): authorization keys. */
  ListByteArray32: listType(BYTE_ARRAY_32),
  /** Option(U64): transfer ids. */
  OptionU64: optionType(SIMPLE[5]),
  /** Option(U512). */
  OptionU512: optionType(SIMPLE[8]),
  /** Option(URef). */
  OptionURef: optionType(SIMPLE[12]),
  /** Option(ByteArray(32)): mint `to`. */
  OptionByteArray32: optionType(BYTE_ARRAY_32),
  /** Tuple2(String, Key): a named key (`named_key_type()`). */
  NamedKey: tuple2Type(SIMPLE[10], SIMPLE[11]),
  /** Map(String, Key): NamedKeys. */
  NamedKeys: mapType(SIMPLE[10], SIMPLE[11]),
  /** Result(Unit, U8): mint `transfer` result. */
  ResultUnitU8: resultType(SIMPLE[9], SIMPLE[3]),
} as const;

/** Structural equality. */
export function clTypeEquals(a: CLType, b: CLType): boolean {
  if (a === b) return true;
  if (a.tag !== b.tag) return false;
  switch (a.tag) {
    case 13:
    case 14:
      return clTypeEquals(a.inner, (b as { inner: CLType }).inner);
    case 15:
      return a.size === (b as { size: number }).size;
    case 16: {
      const o = b as { ok: CLType; err: CLType };
      return clTypeEquals(a.ok, o.ok) && clTypeEquals(a.err, o.err);
    }
    case 17: {
      const o = b as { key: CLType; value: CLType };
      return clTypeEquals(a.key, o.key) && clTypeEquals(a.value, o.value);
    }
    case 18:
    case 19:
    case 20: {
      const o = (b as { items: readonly CLType[] }).items;
      for (let i = 0; i < a.items.length; i++) if (!clTypeEquals(a.items[i], o[i])) return false;
      return true;
    }
    default:
      return true;
  }
}

/** Reads a CLType; `depth` is the current nesting level (0 at the top). */
export function readCLType(r: Reader, depth = 0): CLType {
  if (depth >= CL_TYPE_RECURSION_DEPTH) return r.fail(BytesReprError.ExceededRecursionDepth);
  const d = depth + 1;
  const tag = r.u8();
  switch (tag) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10:
    case 11:
    case 12:
    case 21:
    case 22:
      return SIMPLE[tag];
    case 13:
      return optionType(readCLType(r, d));
    case 14: {
      const inner = readCLType(r, d);
      return inner.tag === 3 ? CLTypes.ListU8 : listType(inner);
    }
    case 15: {
      const size = r.u32();
      return size === 32 ? BYTE_ARRAY_32 : { tag: 15, size };
    }
    case 16: {
      const ok = readCLType(r, d);
      return resultType(ok, readCLType(r, d));
    }
    case 17: {
      const key = readCLType(r, d);
      return mapType(key, readCLType(r, d));
    }
    case 18:
      return tuple1Type(readCLType(r, d));
    case 19: {
      const a = readCLType(r, d);
      return tuple2Type(a, readCLType(r, d));
    }
    case 20: {
      const a = readCLType(r, d);
      const b = readCLType(r, d);
      return tuple3Type(a, b, readCLType(r, d));
    }
    default:
      return r.fail(BytesReprError.Formatting);
  }
}

/** Writes a CLType. */
export function writeCLType(w: Writer, t: CLType): void {
  w.u8(t.tag);
  switch (t.tag) {
    case 13:
    case 14:
      writeCLType(w, t.inner);
      return;
    case 15:
      w.u32(t.size);
      return;
    case 16:
      writeCLType(w, t.ok);
      writeCLType(w, t.err);
      return;
    case 17:
      writeCLType(w, t.key);
      writeCLType(w, t.value);
      return;
    case 18:
    case 19:
    case 20:
      for (const it of t.items) writeCLType(w, it);
      return;
    default:
      return;
  }
}

/** Serialized length of a CLType. */
export function clTypeSerializedLength(t: CLType): number {
  switch (t.tag) {
    case 13:
    case 14:
      return 1 + clTypeSerializedLength(t.inner);
    case 15:
      return 5;
    case 16:
      return 1 + clTypeSerializedLength(t.ok) + clTypeSerializedLength(t.err);
    case 17:
      return 1 + clTypeSerializedLength(t.key) + clTypeSerializedLength(t.value);
    case 18:
    case 19:
    case 20: {
      let n = 1;
      for (const it of t.items) n += clTypeSerializedLength(it);
      return n;
    }
    default:
      return 1;
  }
}

/** Decodes exactly one CLType. */
export function decodeCLType(bytes: Uint8Array): DecodeResult<CLType> {
  return fromBytes(bytes, (r) => readCLType(r, 0));
}

/** Serializes a CLType. */
export function encodeCLType(t: CLType): Uint8Array {
  return toBytes(t, writeCLType, 8);
}

/** Names of the CLTypes without parameters, by tag (casper-types' variant names). */
export const CLTYPE_SIMPLE_NAMES: Readonly<Record<number, string>> = {
  0: 'Bool',
  1: 'I32',
  2: 'I64',
  3: 'U8',
  4: 'U32',
  5: 'U64',
  6: 'U128',
  7: 'U256',
  8: 'U512',
  9: 'Unit',
  10: 'String',
  11: 'Key',
  12: 'URef',
  21: 'Any',
  22: 'PublicKey',
};

/** Rust `Debug` of a CLType, e.g. `Option(U8)`, `Map { key: String, value: Key }`, `Tuple2([String, Key])`. */
export function clTypeToString(t: CLType): string {
  switch (t.tag) {
    case 13:
      return `Option(${clTypeToString(t.inner)})`;
    case 14:
      return `List(${clTypeToString(t.inner)})`;
    case 15:
      return `ByteArray(${t.size})`;
    case 16:
      return `Result { ok: ${clTypeToString(t.ok)}, err: ${clTypeToString(t.err)} }`;
    case 17:
      return `Map { key: ${clTypeToString(t.key)}, value: ${clTypeToString(t.value)} }`;
    case 18:
    case 19:
    case 20:
      return `Tuple${t.items.length}([${t.items.map(clTypeToString).join(', ')}])`;
    default:
      return CLTYPE_SIMPLE_NAMES[t.tag];
  }
}

/** casper-types' serde JSON of a CLType: `"U512"`, `{"Option":"U8"}`, `{"Map":{"key":…,"value":…}}`, `{"ByteArray":32}`. */
export type CLTypeJson =
  | string
  | { readonly [variant: string]: CLTypeJson | number | CLTypeJson[] | { [f: string]: CLTypeJson } };

/** A CLType as casper-types serializes it to JSON (deploy JSON, RPC responses; casper-js-sdk reads the same). */
export function clTypeToJson(t: CLType): CLTypeJson {
  switch (t.tag) {
    case 13:
      return { Option: clTypeToJson(t.inner) };
    case 14:
      return { List: clTypeToJson(t.inner) };
    case 15:
      return { ByteArray: t.size };
    case 16:
      return { Result: { ok: clTypeToJson(t.ok), err: clTypeToJson(t.err) } };
    case 17:
      return { Map: { key: clTypeToJson(t.key), value: clTypeToJson(t.value) } };
    case 18:
    case 19:
    case 20:
      return { [`Tuple${t.items.length}`]: t.items.map(clTypeToJson) };
    default:
      return CLTYPE_SIMPLE_NAMES[t.tag];
  }
}
