// Shared test helpers for runtime/types: a seeded PRNG, random generators of CLTypes, CLData,
// Keys, URefs and public keys, and converters to casper-js-sdk 5 values (the oracle).
import { ed25519 } from '@noble/curves/ed25519';
import { secp256k1 } from '@noble/curves/secp256k1';
import * as sdk from 'casper-js-sdk';
import {
  type AddrKeyTag,
  bytesToHex,
  type CLData,
  type CLType,
  CLTypes,
  type Key,
  keyToFormattedString,
  listType,
  mapType,
  optionType,
  type PublicKey,
  publicKeyFromRaw,
  resultType,
  tuple1Type,
  tuple2Type,
  tuple3Type,
  type URef,
} from '../../../runtime/types';

/** sfc32: small, fast, seeded PRNG (deterministic across runs). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor((this.u32() / 0x100000000) * n);
  }

  bool(): boolean {
    return (this.u32() & 1) === 1;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  /** Unsigned bigint of at most `bits` bits, biased towards small and boundary values. */
  ubig(bits: number): bigint {
    const mode = this.int(6);
    if (mode === 0) return 0n;
    if (mode === 1) return (1n << BigInt(bits)) - 1n;
    const nbits = mode === 2 ? this.int(9) : mode === 3 ? this.int(54) : this.int(bits + 1);
    let v = 0n;
    for (let i = 0; i < nbits; i += 8) v = (v << 8n) | BigInt(this.u32() & 0xff);
    return BigInt.asUintN(nbits, v);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Printable ASCII string (casper-js-sdk 5 writes a UTF-16 length prefix for non-ASCII). */
  ascii(maxLen: number): string {
    const n = this.int(maxLen + 1);
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(32 + this.int(95));
    return s;
  }
}

const SIMPLE_TAGS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 22];

/** A random CLType without Any, at most `depth` levels of nesting. */
export function randomCLType(rng: Rng, depth = 3, orderable = false): CLType {
  const composite = depth > 0 && rng.int(3) === 0;
  if (!composite) {
    if (rng.int(8) === 0) return rng.pick([CLTypes.ByteArray32, { tag: 15, size: rng.int(40) } as CLType]);
    return { tag: rng.pick(SIMPLE_TAGS) } as CLType;
  }
  const d = depth - 1;
  switch (rng.int(orderable ? 5 : 7)) {
    case 0:
      return optionType(randomCLType(rng, d, orderable));
    case 1:
      return listType(randomCLType(rng, d, orderable));
    case 2:
      return tuple1Type(randomCLType(rng, d, orderable));
    case 3:
      return tuple2Type(randomCLType(rng, d, orderable), randomCLType(rng, d, orderable));
    case 4:
      return tuple3Type(
        randomCLType(rng, d, orderable),
        randomCLType(rng, d, orderable),
        randomCLType(rng, d, orderable),
      );
    case 5:
      return resultType(randomCLType(rng, d, orderable), randomCLType(rng, d, orderable));
    default:
      return mapType(randomCLType(rng, d, true), randomCLType(rng, d, orderable));
  }
}

/** A random URef. */
export function randomURef(rng: Rng): URef {
  return { addr: rng.bytes(32), rights: rng.int(8) };
}

/** A random Key of any of the 15 variants (with `sdkSafe`, EraInfo ids stay below 2^52, as casper-js-sdk stores them in a JS number). */
export function randomKey(rng: Rng, sdkSafe = false): Key {
  const tag = rng.int(15);
  if (tag === 2) return { tag: 2, uref: randomURef(rng) };
  if (tag === 5) return { tag: 5, era: rng.ubig(sdkSafe ? 52 : 64) };
  if (tag === 10 || tag === 11 || tag === 13 || tag === 14) return { tag };
  return { tag: tag as AddrKeyTag, addr: rng.bytes(32) };
}

/** A random valid Ed25519 or Secp256k1 public key (random encodings accepted by casper-types). */
export function randomPublicKey(rng: Rng, allowSystem = false): PublicKey {
  const kind = allowSystem ? rng.int(3) : 1 + rng.int(2);
  if (kind === 0) return publicKeyFromRaw(0, new Uint8Array(0))!;
  for (;;) {
    const raw = kind === 1 ? rng.bytes(32) : new Uint8Array([2 + rng.int(2), ...rng.bytes(32)]);
    const pk = publicKeyFromRaw(kind, raw);
    if (pk) return pk;
  }
}

/** A real key pair's public key (through noble), for account-hash checks. */
export function realPublicKey(rng: Rng): PublicKey {
  if (rng.bool()) return { tag: 1, raw: ed25519.getPublicKey(rng.bytes(32)) };
  let sk = rng.bytes(32);
  while (!secp256k1.utils.isValidPrivateKey(sk)) sk = rng.bytes(32);
  return { tag: 2, raw: secp256k1.getPublicKey(sk, true) };
}

/**
 * Random data of type `t`. With `sdkSafe`, U512 values stay below 2^256 (casper-js-sdk 5 refuses
 * to serialize larger U512 values).
 */
export function randomData(rng: Rng, t: CLType, sdkSafe = true): CLData {
  switch (t.tag) {
    case 0:
      return rng.bool();
    case 1:
      return rng.u32() | 0;
    case 2:
      return BigInt.asIntN(64, rng.ubig(64));
    case 3:
      return rng.int(256);
    case 4:
      return rng.u32();
    case 5:
      return rng.ubig(64);
    case 6:
      return rng.ubig(128);
    case 7:
      return rng.ubig(256);
    case 8:
      return rng.ubig(sdkSafe ? 256 : 512);
    case 9:
      return null;
    case 10:
      return rng.ascii(12);
    case 11:
      return randomKey(rng, sdkSafe);
    case 12:
      return randomURef(rng);
    case 22:
      return randomPublicKey(rng);
    case 13:
      return rng.bool() ? null : { some: randomData(rng, t.inner, sdkSafe) };
    case 14: {
      const n = rng.int(4);
      const out: CLData[] = [];
      for (let i = 0; i < n; i++) out.push(randomData(rng, t.inner, sdkSafe));
      return out;
    }
    case 15:
      return rng.bytes(t.size);
    case 16:
      return rng.bool() ? { ok: randomData(rng, t.ok, sdkSafe) } : { err: randomData(rng, t.err, sdkSafe) };
    case 17: {
      const n = rng.int(4);
      const entries: [CLData, CLData][] = [];
      for (let i = 0; i < n; i++) entries.push([randomData(rng, t.key, sdkSafe), randomData(rng, t.value, sdkSafe)]);
      return { entries };
    }
    case 18:
    case 19:
    case 20:
      return t.items.map((it) => randomData(rng, it, sdkSafe));
    default:
      throw new Error('no random data for Any');
  }
}

// ---- casper-js-sdk 5 conversions ----------------------------------------------------------------

const sdkTypeCache = new WeakMap<object, sdk.CLType>();

/** The casper-js-sdk CLType of `t` (one object per node, as sdk Map.append compares by identity). */
export function toSdkType(t: CLType): sdk.CLType {
  const hit = sdkTypeCache.get(t);
  if (hit) return hit;
  let r: sdk.CLType;
  switch (t.tag) {
    case 13:
      r = new sdk.CLTypeOption(toSdkType(t.inner));
      break;
    case 14:
      r = new sdk.CLTypeList(toSdkType(t.inner));
      break;
    case 15:
      r = new sdk.CLTypeByteArray(t.size);
      break;
    case 16:
      r = new sdk.CLTypeResult(toSdkType(t.ok), toSdkType(t.err));
      break;
    case 17:
      r = new sdk.CLTypeMap(toSdkType(t.key), toSdkType(t.value));
      break;
    case 18:
      r = new sdk.CLTypeTuple1(toSdkType(t.items[0]));
      break;
    case 19:
      r = new sdk.CLTypeTuple2(toSdkType(t.items[0]), toSdkType(t.items[1]));
      break;
    case 20:
      r = new sdk.CLTypeTuple3(toSdkType(t.items[0]), toSdkType(t.items[1]), toSdkType(t.items[2]));
      break;
    default:
      r = (sdk.CLTypeParser.simpleTypeByID as Record<number, sdk.CLType>)[t.tag];
  }
  sdkTypeCache.set(t, r);
  return r;
}

/** casper-js-sdk URef. */
export function toSdkURef(u: URef): sdk.URef {
  return new sdk.URef(u.addr, u.rights);
}

/** casper-js-sdk Key (parsed from the casper-types formatted string). */
export function toSdkKey(k: Key): sdk.Key {
  return sdk.Key.newKey(keyToFormattedString(k));
}

/** casper-js-sdk PublicKey (Ed25519/Secp256k1 only). */
export function toSdkPublicKey(pk: PublicKey): sdk.PublicKey {
  return sdk.PublicKey.fromHex(`0${pk.tag}${bytesToHex(pk.raw)}`);
}

/** casper-js-sdk CLValue for data of type `t`; map entries must already be in key order. */
export function toSdkValue(t: CLType, d: CLData): sdk.CLValue {
  const C = sdk.CLValue;
  switch (t.tag) {
    case 0:
      return C.newCLValueBool(d as boolean);
    case 1:
      return C.newCLInt32(d as number);
    case 2:
      return C.newCLInt64((d as bigint).toString());
    case 3:
      return C.newCLUint8(d as number);
    case 4:
      return C.newCLUInt32(d as number);
    case 5:
      return C.newCLUint64((d as bigint).toString());
    case 6:
      return C.newCLUInt128((d as bigint).toString());
    case 7:
      return C.newCLUInt256((d as bigint).toString());
    case 8:
      return C.newCLUInt512((d as bigint).toString());
    case 9:
      return C.newCLUnit();
    case 10:
      return C.newCLString(d as string);
    case 11:
      return C.newCLKey(toSdkKey(d as Key));
    case 12:
      return C.newCLUref(toSdkURef(d as URef));
    case 22:
      return C.newCLPublicKey(toSdkPublicKey(d as PublicKey));
    case 13: {
      const v = new C(toSdkType(t));
      const inner = d === null ? null : toSdkValue(t.inner, (d as { some: CLData }).some);
      v.option = new sdk.CLValueOption(inner, toSdkType(t) as sdk.CLTypeOption);
      return v;
    }
    case 14: {
      const v = new C(toSdkType(t));
      v.list = new sdk.CLValueList(
        toSdkType(t) as sdk.CLTypeList,
        (d as CLData[]).map((x) => toSdkValue(t.inner, x)),
      );
      return v;
    }
    case 15: {
      const v = new C(toSdkType(t));
      v.byteArray = new sdk.CLValueByteArray(d as Uint8Array);
      return v;
    }
    case 16: {
      const v = new C(toSdkType(t));
      const isOk = 'ok' in (d as object);
      const inner = isOk ? toSdkValue(t.ok, (d as { ok: CLData }).ok) : toSdkValue(t.err, (d as { err: CLData }).err);
      v.result = new sdk.CLValueResult(toSdkType(t) as sdk.CLTypeResult, isOk, inner);
      return v;
    }
    case 17: {
      const v = new C(toSdkType(t));
      const m = new sdk.CLValueMap(toSdkType(t) as sdk.CLTypeMap);
      for (const [k, val] of (d as { entries: [CLData, CLData][] }).entries) {
        const kv = toSdkValue(t.key, k);
        const vv = toSdkValue(t.value, val);
        kv.type = toSdkType(t.key);
        vv.type = toSdkType(t.value);
        const err = m.append(kv, vv);
        if (err) throw err;
      }
      v.map = m;
      return v;
    }
    case 18:
    case 19:
    case 20: {
      const items = (d as CLData[]).map((x, i) => toSdkValue(t.items[i], x));
      const v = new C(toSdkType(t));
      if (t.tag === 18) v.tuple1 = new sdk.CLValueTuple1(toSdkType(t) as sdk.CLTypeTuple1, items[0]);
      else if (t.tag === 19) v.tuple2 = new sdk.CLValueTuple2(toSdkType(t) as sdk.CLTypeTuple2, items[0], items[1]);
      else v.tuple3 = new sdk.CLValueTuple3(toSdkType(t) as sdk.CLTypeTuple3, items[0], items[1], items[2]);
      return v;
    }
    default:
      throw new Error('unsupported');
  }
}

/** Hex of a Uint8Array (test output readability). */
export function hex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex');
}

/** Bytes from hex, ignoring whitespace. */
export function unhex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
}
