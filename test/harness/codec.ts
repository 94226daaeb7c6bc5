// Harness for the generic containers, CLType, CLValue, RuntimeArgs, NamedKeys and EntryPoints:
// decode-then-encode round trips, builders and CLType checks, all over StaticArray<u8>.

import { U128, U256, U512 } from '../../assembly/bignum';
import { Decoder, decode, Encoder, encode, writeCLType } from '../../assembly/bytesrepr';
import {
  CLTypeTag,
  clTypeByteArray,
  clTypeBytes,
  clTypeList,
  clTypeMap,
  clTypeOf,
  clTypeOption,
  clTypeResult,
  clTypeSimple,
  clTypeTuple1,
  clTypeTuple2,
  clTypeTuple3,
  readCLType,
} from '../../assembly/cltype';
import { CLValue } from '../../assembly/clvalue';
import { EntryPoint, EntryPointAccess, EntryPoints, Parameter } from '../../assembly/contracts';
import { AccountHash, ByteArray } from '../../assembly/hashes';
import { Key } from '../../assembly/key';
import { CLMap } from '../../assembly/map';
import { NamedKeys } from '../../assembly/named_keys';
import { Option } from '../../assembly/option';
import { PublicKey } from '../../assembly/public_key';
import { Result } from '../../assembly/result';
import { RuntimeArgs } from '../../assembly/runtime_args';
import { Tuple1, Tuple2, Tuple3 } from '../../assembly/tuple';
import { Unit } from '../../assembly/unit';
import { URef } from '../../assembly/uref';

/** The runtime id of StaticArray<u8>, for the loader's __newArray. */
export const STATIC_ARRAY_U8_ID = idof<StaticArray<u8>>();

/** Output: error byte, then (if 0) the value's bytes and its CLType bytes (from the value). */
function roundTrip<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) {
    encode<T>(enc, v);
    writeCLType<T>(enc, v);
  }
  return enc.toBytes();
}

/** Output: error byte, then (if 0) the bytes of CLValue.from<T>(decoded value). */
function toCLValue<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) CLValue.from<T>(v).encode(enc);
  return enc.toBytes();
}

/** Output: error byte of decoding a CLValue, then of `get<T>()`, then (if both 0) T's bytes. */
function clValueGet<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const cl = new CLValue();
  cl.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) {
    const got = cl.get<T>();
    enc.putU8(<u8>got.error);
    if (got.ok) encode<T>(enc, got.value);
  }
  return enc.toBytes();
}

/** Round trip of bool. */
export function rtBool(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<bool>(i);
}
/** Round trip of i32. */
export function rtI32(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<i32>(i);
}
/** Round trip of i64. */
export function rtI64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<i64>(i);
}
/** Round trip of u8. */
export function rtU8(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<u8>(i);
}
/** Round trip of u32. */
export function rtU32(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<u32>(i);
}
/** Round trip of u64. */
export function rtU64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<u64>(i);
}
/** Round trip of Unit. */
export function rtUnit(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Unit>(i);
}
/** Round trip of String. */
export function rtString(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<string>(i);
}
/** Round trip of Option<u64>. */
export function rtOptionU64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<u64>>(i);
}
/** Round trip of Option<String>. */
export function rtOptionString(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<string>>(i);
}
/** Round trip of Option<Option<i32>>. */
export function rtOptionOptionI32(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<Option<i32>>>(i);
}
/** Round trip of Option<List<u8>>. */
export function rtOptionListU8(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<Array<u8>>>(i);
}
/** Round trip of Option<Unit>. */
export function rtOptionUnit(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<Unit>>(i);
}
/** Round trip of Result<u64, String>. */
export function rtResultU64String(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Result<u64, string>>(i);
}
/** Round trip of Result<Unit, u8>. */
export function rtResultUnitU8(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Result<Unit, u8>>(i);
}
/** Round trip of Result<Option<bool>, List<String>>. */
export function rtResultOptionBoolListString(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Result<Option<bool>, Array<string>>>(i);
}
/** Round trip of List<u64>. */
export function rtListU64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<u64>>(i);
}
/** Round trip of List<String>. */
export function rtListString(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<string>>(i);
}
/** Round trip of List<bool>. */
export function rtListBool(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<bool>>(i);
}
/** Round trip of List<List<i32>>. */
export function rtListListI32(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<Array<i32>>>(i);
}
/** Round trip of List<Option<u8>>. */
export function rtListOptionU8(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<Option<u8>>>(i);
}
/** Round trip of List<Tuple2<String, i64>>. */
export function rtListTuple2StringI64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<Tuple2<string, i64>>>(i);
}
/** Round trip of Map<String, u64>. */
export function rtMapStringU64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<string, u64>>(i);
}
/** Round trip of Map<u64, String>. */
export function rtMapU64String(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<u64, string>>(i);
}
/** Round trip of Map<i32, bool>. */
export function rtMapI32Bool(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<i32, bool>>(i);
}
/** Round trip of Map<i64, Option<String>>. */
export function rtMapI64OptionString(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<i64, Option<string>>>(i);
}
/** Round trip of Map<String, List<u8>>. */
export function rtMapStringListU8(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<string, Array<u8>>>(i);
}
/** Round trip of Map<u8, Unit>. */
export function rtMapU8Unit(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<u8, Unit>>(i);
}
/** Round trip of Map<Option<u32>, String>. */
export function rtMapOptionU32String(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<Option<u32>, string>>(i);
}
/** Round trip of Map<Tuple2<String, u8>, bool>. */
export function rtMapTuple2StringU8Bool(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<Tuple2<string, u8>, bool>>(i);
}
/** Round trip of Map<List<u8>, u32>. */
export function rtMapListU8U32(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<Array<u8>, u32>>(i);
}
/** Round trip of Map<Result<u8, String>, bool>. */
export function rtMapResultU8StringBool(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<Result<u8, string>, bool>>(i);
}
/** Round trip of Map<String, Map<u32, bool>>. */
export function rtMapStringMapU32Bool(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<string, CLMap<u32, bool>>>(i);
}
/** Round trip of Map<bool, Tuple3<u8, u8, u8>>. */
export function rtMapBoolTuple3(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<bool, Tuple3<u8, u8, u8>>>(i);
}
/** Round trip of Map<U512, U128> (bignum keys order through their cmp method). */
export function rtMapU512U128(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<CLMap<U512, U128>>(i);
}
/** Round trip of Option<U512>. */
export function rtOptionU512(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<U512>>(i);
}
/** Round trip of Tuple1<u32>. */
export function rtTuple1U32(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Tuple1<u32>>(i);
}
/** Round trip of Tuple2<String, u64>. */
export function rtTuple2StringU64(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Tuple2<string, u64>>(i);
}
/** Round trip of Tuple3<bool, i64, String>. */
export function rtTuple3BoolI64String(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Tuple3<bool, i64, string>>(i);
}
/** Round trip of Tuple1<Tuple2<Option<u8>, List<String>>>. */
export function rtTuple1Tuple2(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Tuple1<Tuple2<Option<u8>, Array<string>>>>(i);
}
/** Round trip of Tuple3<Unit, Map<u8, u8>, Result<i32, Unit>>. */
export function rtTuple3Mixed(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Tuple3<Unit, CLMap<u8, u8>, Result<i32, Unit>>>(i);
}
/** Round trip of Option<AccountHash> (ByteArray(32)). */
export function rtOptionAccountHash(i: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Option<AccountHash>>(i);
}

/** Round trip of ByteArray(N), N = byte count of the first 4 bytes (u32 LE), value after it. */
export function rtByteArray(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const n = dec.getU32();
  const v = ByteArray.withLength(<i32>n);
  v.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) {
    v.encode(enc);
    v.writeCLType(enc);
  }
  return enc.toBytes();
}

/** Round trip of a CLValue. */
export function rtCLValue(i: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(i);
  const v = new CLValue();
  v.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) enc.putFixed(v.toBytes());
  return enc.toBytes();
}

/** Round trip of RuntimeArgs (through toBytes). */
export function rtRuntimeArgs(i: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(i);
  const v = new RuntimeArgs();
  v.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) enc.putFixed(v.toBytes());
  return enc.toBytes();
}

/** Round trip of EntryPoints. */
export function rtEntryPoints(i: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(i);
  const v = new EntryPoints();
  v.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) v.encode(enc);
  return enc.toBytes();
}

/** Round trip of one EntryPoint. */
export function rtEntryPoint(i: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(i);
  const v = new EntryPoint();
  v.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) v.encode(enc);
  return enc.toBytes();
}

/** Validates one CLType: error byte, then (if 0) the CLType bytes read. */
export function checkCLType(i: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(i);
  const t = readCLType(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) enc.putFixed(t);
  return enc.toBytes();
}

/** CLValue.from<T> of a decoded u64. */
export function clvU64(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<u64>(i);
}
/** CLValue.from<T> of a decoded String. */
export function clvString(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<string>(i);
}
/** CLValue.from<T> of a decoded Unit. */
export function clvUnit(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<Unit>(i);
}
/** CLValue.from<T> of a decoded Option<i32>. */
export function clvOptionI32(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<Option<i32>>(i);
}
/** CLValue.from<T> of a decoded List<String>. */
export function clvListString(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<Array<string>>(i);
}
/** CLValue.from<T> of a decoded Map<String, u64>. */
export function clvMapStringU64(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<CLMap<string, u64>>(i);
}
/** CLValue.from<T> of a decoded Result<u64, String>. */
export function clvResultU64String(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<Result<u64, string>>(i);
}
/** CLValue.from<T> of a decoded Tuple3<bool, i64, String>. */
export function clvTuple3BoolI64String(i: StaticArray<u8>): StaticArray<u8> {
  return toCLValue<Tuple3<bool, i64, string>>(i);
}

/** CLValue.get<u64> of a decoded CLValue. */
export function clvGetU64(i: StaticArray<u8>): StaticArray<u8> {
  return clValueGet<u64>(i);
}
/** CLValue.get<String> of a decoded CLValue. */
export function clvGetString(i: StaticArray<u8>): StaticArray<u8> {
  return clValueGet<string>(i);
}
/** CLValue.get<Option<i32>> of a decoded CLValue. */
export function clvGetOptionI32(i: StaticArray<u8>): StaticArray<u8> {
  return clValueGet<Option<i32>>(i);
}

/** The CLValue.unit() bytes. */
export function clvUnitValue(): StaticArray<u8> {
  return CLValue.unit().toBytes();
}

/** clTypeBytes<T>() (null-instance CLTypes) for a fixed list of types, each u32-length prefixed. */
export function clTypesOfNull(): StaticArray<u8> {
  const enc = new Encoder();
  enc.putBytes(clTypeBytes<bool>());
  enc.putBytes(clTypeBytes<i32>());
  enc.putBytes(clTypeBytes<i64>());
  enc.putBytes(clTypeBytes<u8>());
  enc.putBytes(clTypeBytes<u32>());
  enc.putBytes(clTypeBytes<u64>());
  enc.putBytes(clTypeBytes<Unit>());
  enc.putBytes(clTypeBytes<string>());
  enc.putBytes(clTypeBytes<Option<u64>>());
  enc.putBytes(clTypeBytes<Array<Option<string>>>());
  enc.putBytes(clTypeBytes<Result<Unit, u32>>());
  enc.putBytes(clTypeBytes<CLMap<string, Array<u8>>>());
  enc.putBytes(clTypeBytes<Tuple1<bool>>());
  enc.putBytes(clTypeBytes<Tuple2<u8, string>>());
  enc.putBytes(clTypeBytes<Tuple3<i32, i64, Unit>>());
  enc.putBytes(clTypeBytes<AccountHash>());
  enc.putBytes(clTypeBytes<Option<Tuple2<CLMap<u64, bool>, Result<string, Array<i32>>>>>());
  // The one-tag class types (static data in clTypeBytes / clTypeOf), and clTypeOf of simple values.
  enc.putBytes(clTypeBytes<Key>());
  enc.putBytes(clTypeBytes<URef>());
  enc.putBytes(clTypeBytes<PublicKey>());
  enc.putBytes(clTypeBytes<U128>());
  enc.putBytes(clTypeBytes<U256>());
  enc.putBytes(clTypeBytes<U512>());
  enc.putBytes(clTypeOf<u64>(7));
  enc.putBytes(clTypeOf<string>('x'));
  enc.putBytes(clTypeOf<Unit>(new Unit()));
  enc.putBytes(clTypeOf<Array<U512>>([]));
  return enc.toBytes();
}

/**
 * Builds a Map<String, u64> with CLMap.set from a List<(String, u64)> (in that order), then
 * queries it with a List<String>. Output: error byte, the map's bytes, then per query a has byte
 * and the get value (u64).
 */
export function buildMapStringU64(pairs: StaticArray<u8>, queries: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(pairs);
  const list = decode<Array<Tuple2<string, u64>>>(dec);
  const qd = Decoder.of(queries);
  const qs = decode<Array<string>>(qd);
  const err = dec.finish() | qd.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  const m = new CLMap<string, u64>();
  for (let i = 0; i < list.length; i++) m.set(list[i].first, list[i].second);
  m.encode(enc);
  for (let i = 0; i < qs.length; i++) {
    enc.putBool(m.has(qs[i]));
    enc.putU64(m.get(qs[i]));
  }
  return enc.toBytes();
}

/** Builds a Map<i64, String> with CLMap.set from a List<(i64, String)>; output: error byte, map bytes. */
export function buildMapI64String(pairs: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(pairs);
  const list = decode<Array<Tuple2<i64, string>>>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  const m = new CLMap<i64, string>();
  for (let i = 0; i < list.length; i++) m.set(list[i].first, list[i].second);
  m.encode(enc);
  return enc.toBytes();
}

/**
 * Builds RuntimeArgs with insert<T> from a List<(String name, u8 kind, Bytes value)>; kinds:
 * 0 bool, 1 i32, 2 i64, 3 u8, 4 u32, 5 u64, 6 Unit, 7 String, 8 Option<u64>, 9 List<String>,
 * 10 Map<String, u64>, 11 Tuple2<String, u64>, 12 Result<u64, String>, 13 AccountHash, 14 a raw
 * CLValue (insertCLValue). Output: error byte, then the RuntimeArgs bytes.
 */
export function buildArgs(spec: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(spec);
  const list = decode<Array<Tuple3<string, u8, Array<u8>>>>(dec);
  let err = dec.finish();
  const args = new RuntimeArgs();
  for (let i = 0; i < list.length && err == 0; i++) {
    const name = list[i].first;
    const kind = list[i].second;
    const raw = list[i].third;
    const buf = new StaticArray<u8>(raw.length);
    for (let j = 0; j < raw.length; j++) buf[j] = raw[j];
    const d = Decoder.of(buf);
    if (kind == 0) args.insert<bool>(name, decode<bool>(d));
    else if (kind == 1) args.insert<i32>(name, decode<i32>(d));
    else if (kind == 2) args.insert<i64>(name, decode<i64>(d));
    else if (kind == 3) args.insert<u8>(name, decode<u8>(d));
    else if (kind == 4) args.insert<u32>(name, decode<u32>(d));
    else if (kind == 5) args.insert<u64>(name, decode<u64>(d));
    else if (kind == 6) args.insert<Unit>(name, new Unit());
    else if (kind == 7) args.insert<string>(name, decode<string>(d));
    else if (kind == 8) args.insert<Option<u64>>(name, decode<Option<u64>>(d));
    else if (kind == 9) args.insert<Array<string>>(name, decode<Array<string>>(d));
    else if (kind == 10) args.insert<CLMap<string, u64>>(name, decode<CLMap<string, u64>>(d));
    else if (kind == 11) args.insert<Tuple2<string, u64>>(name, decode<Tuple2<string, u64>>(d));
    else if (kind == 12) args.insert<Result<u64, string>>(name, decode<Result<u64, string>>(d));
    else if (kind == 13) args.insert<AccountHash>(name, decode<AccountHash>(d));
    else if (kind == 14) {
      const cl = new CLValue();
      cl.decode(d);
      args.insertCLValue(name, cl);
    } else err = 18;
    if (err == 0) err = d.finish();
  }
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) enc.putFixed(args.toBytes());
  return enc.toBytes();
}

/**
 * Decodes RuntimeArgs and looks up each name of a List<String>. Output: error byte, the length
 * (u32), then per name a found byte and (if found) the CLValue's bytes.
 */
export function argsGet(argsBytes: StaticArray<u8>, names: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(argsBytes);
  const args = new RuntimeArgs();
  args.decode(dec);
  const nd = Decoder.of(names);
  const ns = decode<Array<string>>(nd);
  const err = dec.finish() | nd.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  enc.putU32(args.length);
  for (let i = 0; i < ns.length; i++) {
    const cl = args.get(ns[i]);
    enc.putBool(cl !== null);
    if (cl !== null) cl.encode(enc);
  }
  return enc.toBytes();
}

/**
 * Builds EntryPoints with addEntryPoint from a List<(String name, List<(String, Bytes clType)>
 * args, Bytes ret, Option<List<String>> groups, u8 type)>. Parameters whose name starts with
 * "u64:" use Parameter.of<u64>, "str:" Parameter.of<String>, "unit:" Parameter.of<Unit>, others
 * Parameter.withType. Output: error byte, the EntryPoints bytes, then u32 length and the
 * ascending names (List<String>).
 */
export function buildEntryPoints(spec: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(spec);
  const list =
    decode<Array<Tuple3<string, Array<Tuple2<string, Array<u8>>>, Tuple3<Array<u8>, Option<Array<string>>, u8>>>>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  const eps = new EntryPoints();
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    const params = new Array<Parameter>();
    for (let j = 0; j < e.second.length; j++) {
      const p = e.second[j];
      if (p.first.startsWith('u64:')) params.push(Parameter.of<u64>(p.first));
      else if (p.first.startsWith('str:')) params.push(Parameter.of<string>(p.first));
      else if (p.first.startsWith('unit:')) params.push(Parameter.of<Unit>(p.first));
      else params.push(Parameter.withType(p.first, bytesOf(p.second)));
    }
    const g = e.third.second;
    const access = g.isSome ? EntryPointAccess.groups(g.value) : EntryPointAccess.public();
    eps.addEntryPoint(
      new EntryPoint(e.first, StaticArray.fromArray<Parameter>(params), bytesOf(e.third.first), access, e.third.third),
    );
  }
  eps.encode(enc);
  enc.putU32(eps.length);
  encode<Array<string>>(enc, eps.names());
  return enc.toBytes();
}

/** Looks up names in decoded EntryPoints: per name a found byte and (if found) the entry point's bytes. */
export function entryPointsGet(epsBytes: StaticArray<u8>, names: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(epsBytes);
  const eps = new EntryPoints();
  eps.decode(dec);
  const nd = Decoder.of(names);
  const ns = decode<Array<string>>(nd);
  const err = dec.finish() | nd.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  for (let i = 0; i < ns.length; i++) {
    const ep = eps.get(ns[i]);
    enc.putBool(eps.has(ns[i]));
    if (ep !== null) {
      enc.putBool(ep.access.isPublic);
      ep.encode(enc);
    }
  }
  return enc.toBytes();
}

/** A List<u8> as StaticArray<u8>. */
function bytesOf(a: Array<u8>): StaticArray<u8> {
  const out = new StaticArray<u8>(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}

/** Option.unwrap of a decoded Option<u64> (None reverts with 1), unwrapOr(7), isNone. */
export function optionUnwrap(i: StaticArray<u8>): u64 {
  const o = decode<Option<u64>>(Decoder.of(i));
  return o.unwrap() + o.unwrapOr(7) + (o.isNone ? 1000 : 0);
}

/** Compares two Option<u32>/Result<u8,String>/Tuple2<String,u8> pairs: kind 0/1/2, then both values. */
export function compareEncoded(kind: u8, a: StaticArray<u8>, b: StaticArray<u8>): i32 {
  if (kind == 0) return sign(decode<Option<u32>>(Decoder.of(a)).compare(decode<Option<u32>>(Decoder.of(b))));
  if (kind == 1)
    return sign(decode<Result<u8, string>>(Decoder.of(a)).compare(decode<Result<u8, string>>(Decoder.of(b))));
  return sign(decode<Tuple2<string, u8>>(Decoder.of(a)).compare(decode<Tuple2<string, u8>>(Decoder.of(b))));
}

/** -1, 0 or 1. */
function sign(c: i32): i32 {
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Builders: Option.some/none, Result.ok/err, tuples, Unit as bytes (value ‖ CLType each, u32-prefixed). */
export function builders(): StaticArray<u8> {
  const enc = new Encoder();
  enc.putBytes(CLValue.from<Option<u64>>(Option.some<u64>(42)).toBytes());
  enc.putBytes(CLValue.from<Option<string>>(Option.none<string>()).toBytes());
  enc.putBytes(CLValue.from<Result<u64, string>>(Result.ok<u64, string>(7)).toBytes());
  enc.putBytes(CLValue.from<Result<u64, string>>(Result.err<u64, string>('bad')).toBytes());
  enc.putBytes(CLValue.from<Tuple1<u8>>(new Tuple1<u8>(1)).toBytes());
  enc.putBytes(CLValue.from<Tuple2<u8, string>>(new Tuple2<u8, string>(2, 'b')).toBytes());
  enc.putBytes(CLValue.from<Tuple3<u8, bool, i32>>(new Tuple3<u8, bool, i32>(3, true, -3)).toBytes());
  enc.putBytes(CLValue.from<Unit>(new Unit()).toBytes());
  enc.putBytes(CLValue.from<Array<Array<u8>>>([]).toBytes());
  enc.putBytes(CLValue.from<Option<AccountHash>>(Option.none<AccountHash>()).toBytes());
  return enc.toBytes();
}

/** Round trip of NamedKeys: error byte, then (if 0) its bytes and its CLType. */
export function rtNamedKeys(i: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(i);
  const v = new NamedKeys();
  v.decode(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) {
    v.encode(enc);
    v.writeCLType(enc);
  }
  return enc.toBytes();
}

/**
 * Builds NamedKeys with insert from a List<(String, Key)>, removes the names of a List<String>
 * (remove results as bytes), then queries a List<String>. Output: error byte, remove results,
 * the NamedKeys bytes, length u32, names() as List<String>, then per query: has byte and (if
 * get is non-null) the key's bytes.
 */
export function buildNamedKeys(
  pairs: StaticArray<u8>,
  removes: StaticArray<u8>,
  queries: StaticArray<u8>,
): StaticArray<u8> {
  const dec = Decoder.of(pairs);
  const list = decode<Array<Tuple2<string, Key>>>(dec);
  const rd = Decoder.of(removes);
  const rs = decode<Array<string>>(rd);
  const qd = Decoder.of(queries);
  const qs = decode<Array<string>>(qd);
  const err = dec.finish() | rd.finish() | qd.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  const nk = new NamedKeys();
  for (let i = 0; i < list.length; i++) nk.insert(list[i].first, list[i].second);
  for (let i = 0; i < rs.length; i++) enc.putBool(nk.remove(rs[i]));
  nk.encode(enc);
  enc.putU32(nk.length);
  encode<Array<string>>(enc, nk.names());
  for (let i = 0; i < qs.length; i++) {
    enc.putBool(nk.has(qs[i]));
    const k = nk.get(qs[i]);
    if (k !== null) k.encode(enc);
  }
  return enc.toBytes();
}

/** The clType* builders' results, each u32-length prefixed (see contracts.test.ts for the list). */
export function clTypeBuilders(): StaticArray<u8> {
  const u64t = clTypeSimple(CLTypeTag.U64);
  const str = clTypeSimple(CLTypeTag.String);
  const key = clTypeSimple(CLTypeTag.Key);
  const enc = new Encoder();
  enc.putBytes(clTypeOption(u64t));
  enc.putBytes(clTypeList(str));
  enc.putBytes(clTypeByteArray(32));
  enc.putBytes(clTypeResult(clTypeSimple(CLTypeTag.Unit), clTypeSimple(CLTypeTag.U32)));
  enc.putBytes(clTypeMap(str, key));
  enc.putBytes(clTypeTuple1(clTypeSimple(CLTypeTag.URef)));
  enc.putBytes(clTypeTuple2(clTypeSimple(CLTypeTag.PublicKey), clTypeSimple(CLTypeTag.U512)));
  enc.putBytes(clTypeTuple3(clTypeSimple(CLTypeTag.Any), clTypeSimple(CLTypeTag.U128), clTypeList(clTypeOption(u64t))));
  enc.putBytes(clTypeOf<ByteArray>(ByteArray.withLength(7)));
  enc.putBytes(clTypeOf<Array<ByteArray>>([ByteArray.withLength(3)]));
  enc.putBytes(clTypeBytes<CLMap<string, Key>>());
  enc.putBytes(clTypeBytes<NamedKeys>());
  return enc.toBytes();
}

/** Default-constructed EntryPoint, Parameter, EntryPointAccess, EntryPoints and CLValue, u32-prefixed. */
export function defaults(): StaticArray<u8> {
  const enc = new Encoder();
  const e = new Encoder();
  new EntryPoint().encode(e);
  enc.putBytes(e.toBytes());
  const p = new Encoder();
  new Parameter().encode(p);
  enc.putBytes(p.toBytes());
  const a = new Encoder();
  new EntryPointAccess().encode(a);
  enc.putBytes(a.toBytes());
  const s = new Encoder();
  new EntryPoints().encode(s);
  enc.putBytes(s.toBytes());
  enc.putBytes(new CLValue().toBytes());
  return enc.toBytes();
}
