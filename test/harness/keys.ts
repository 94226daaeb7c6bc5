// Harness for the key/address family: assembly/{hashes,uref,key,public_key,curve}.ts.
// Byte results start with a status byte (0 ok, else the bytesrepr error code).
// The build routes abort to assembly/error (asconfig.json), so that file must be compiled in.
import '../../assembly/error';
import { Decoder, decode, Encoder, encode, writeCLType } from '../../assembly/bytesrepr';
import { isValidEd25519, isValidSecp256k1 } from '../../assembly/curve';
import { AccountHash, ByteArray, ContractHash, ContractPackageHash, ContractWasmHash } from '../../assembly/hashes';
import { Key } from '../../assembly/key';
import { PublicKey } from '../../assembly/public_key';
import { URef } from '../../assembly/uref';

/** The runtime id of StaticArray<u8>, for the loader's __newArray. */
export const STATIC_ARRAY_U8_ID = idof<StaticArray<u8>>();

/** Decodes all of `input` as T; status byte, then T re-encoded when ok. */
function roundTrip<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) encode<T>(enc, v);
  return enc.toBytes();
}

/** Decodes all of `input` as T, or null. */
function parse<T>(input: StaticArray<u8>): T | null {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  return dec.finish() == 0 ? v : null;
}

/** Key round trip. */
export function keyRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Key>(input);
}
/** URef round trip. */
export function urefRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<URef>(input);
}
/** PublicKey round trip. */
export function publicKeyRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<PublicKey>(input);
}
/** AccountHash round trip. */
export function accountHashRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<AccountHash>(input);
}
/** ContractHash round trip. */
export function contractHashRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<ContractHash>(input);
}
/** ContractPackageHash round trip. */
export function contractPackageHashRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<ContractPackageHash>(input);
}
/** ContractWasmHash round trip. */
export function contractWasmHashRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<ContractWasmHash>(input);
}
/** List<Key> round trip (Keys inside a container). */
export function keyListRoundTrip(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<Key>>(input);
}

/** ByteArray(n) round trip: decodes `input` as exactly n bytes; status, bytes, CLType bytes. */
export function byteArrayRoundTrip(n: i32, input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = ByteArray.withLength(n);
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

/** The account hash of a decoded PublicKey: status byte, then 32 bytes when ok. */
export function publicKeyAccountHash(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<PublicKey>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) enc.putFixed(v.toAccountHash().bytes);
  return enc.toBytes();
}

/** PublicKey.system(): its bytes ‖ its account hash. */
export function systemKey(): StaticArray<u8> {
  const k = PublicKey.system();
  const enc = new Encoder();
  encode<PublicKey>(enc, k);
  enc.putFixed(k.toAccountHash().bytes);
  return enc.toBytes();
}

/** PublicKey.ed25519(b) (kind 1) or .secp256k1(b) (kind 2): its bytes ‖ its account hash. */
export function publicKeyFrom(kind: i32, b: StaticArray<u8>): StaticArray<u8> {
  const k = kind == 1 ? PublicKey.ed25519(b) : PublicKey.secp256k1(b);
  const enc = new Encoder();
  encode<PublicKey>(enc, k);
  enc.putFixed(k.toAccountHash().bytes);
  return enc.toBytes();
}

/** 1 when two encoded PublicKeys decode and are equal, 0 when not equal, 255 on a decode error. */
export function publicKeyEquals(a: StaticArray<u8>, b: StaticArray<u8>): i32 {
  const x = parse<PublicKey>(a);
  const y = parse<PublicKey>(b);
  if (x === null || y === null) return 255;
  return x.equals(y) ? 1 : 0;
}

/**
 * CLType bytes: 0 Key, 1 URef, 2 PublicKey, 3 AccountHash, 4 ContractHash, 5 ContractPackageHash,
 * 6 ContractWasmHash, 7 List<Key>, 8 List<AccountHash>, 9 List<URef> (empty list: null instance).
 */
export function clType(kind: i32): StaticArray<u8> {
  const enc = new Encoder();
  if (kind == 0) writeCLType<Key>(enc);
  else if (kind == 1) writeCLType<URef>(enc);
  else if (kind == 2) writeCLType<PublicKey>(enc);
  else if (kind == 3) writeCLType<AccountHash>(enc);
  else if (kind == 4) writeCLType<ContractHash>(enc);
  else if (kind == 5) writeCLType<ContractPackageHash>(enc);
  else if (kind == 6) writeCLType<ContractWasmHash>(enc);
  else if (kind == 7) writeCLType<Array<Key>>(enc);
  else if (kind == 8) writeCLType<Array<AccountHash>>(enc);
  else writeCLType<Array<URef>>(enc);
  return enc.toBytes();
}

/** Key.fromParts(tag, payload): 0 (null) or 1 followed by the key's bytes. */
export function keyFromParts(tag: u8, payload: StaticArray<u8>): StaticArray<u8> {
  const k = Key.fromParts(tag, payload);
  const enc = new Encoder();
  if (k === null) {
    enc.putU8(0);
  } else {
    enc.putU8(1);
    encode<Key>(enc, k);
  }
  return enc.toBytes();
}

/**
 * The named Key constructors, encoded: 0 fromAccount, 1 fromHash, 2 fromContractHash,
 * 3 fromContractPackageHash, 4 fromURef (payload 33 bytes), 5 fromDictionary, 6 fromEraInfo
 * (payload 8 bytes LE).
 */
export function keyFrom(kind: i32, payload: StaticArray<u8>): StaticArray<u8> {
  let k: Key;
  if (kind == 0) k = Key.fromAccount(new AccountHash(payload));
  else if (kind == 1) k = Key.fromHash(payload);
  else if (kind == 2) k = Key.fromContractHash(new ContractHash(payload));
  else if (kind == 3) k = Key.fromContractPackageHash(new ContractPackageHash(payload));
  else if (kind == 4) k = Key.fromURef(changetype<URef>(parse<URef>(payload)));
  else if (kind == 5) k = Key.fromDictionary(payload);
  else k = Key.fromEraInfo(load<u64>(changetype<usize>(payload)));
  return keyBytes(k);
}

/** A key's bytes. */
function keyBytes(k: Key): StaticArray<u8> {
  const enc = new Encoder();
  encode<Key>(enc, k);
  return enc.toBytes();
}

/**
 * Accessors of a decoded Key: status, tag, then for toURef / toAccountHash / toHash a presence
 * byte and the value's bytes when present.
 */
export function keyAccessors(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const k = decode<Key>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  enc.putU8(k.tag);
  const u = k.toURef();
  enc.putU8(u === null ? 0 : 1);
  if (u !== null) encode<URef>(enc, u);
  const a = k.toAccountHash();
  enc.putU8(a === null ? 0 : 1);
  if (a !== null) enc.putFixed(a.bytes);
  const h = k.toHash();
  enc.putU8(h === null ? 0 : 1);
  if (h !== null) enc.putFixed(h);
  return enc.toBytes();
}

/** Key a.compare(b) clamped to -1/0/1, plus 10 when a.equals(b); 99 on a decode error. */
export function keyCompare(a: StaticArray<u8>, b: StaticArray<u8>): i32 {
  const x = parse<Key>(a);
  const y = parse<Key>(b);
  if (x === null || y === null) return 99;
  const c = x.compare(y);
  return (c < 0 ? -1 : c > 0 ? 1 : 0) + (x.equals(y) ? 10 : 0);
}

/** URef a.compare(b) clamped to -1/0/1, plus 10 when a.equals(b); 99 on a decode error. */
export function urefCompare(a: StaticArray<u8>, b: StaticArray<u8>): i32 {
  const x = parse<URef>(a);
  const y = parse<URef>(b);
  if (x === null || y === null) return 99;
  const c = x.compare(y);
  return (c < 0 ? -1 : c > 0 ? 1 : 0) + (x.equals(y) ? 10 : 0);
}

/**
 * URef helpers on a decoded URef: status, isReadable, isWriteable, isAddable, then
 * withRights(r) encoded, removeAccessRights() encoded, and the original re-encoded (unchanged).
 */
export function urefOps(input: StaticArray<u8>, r: u8): StaticArray<u8> {
  const dec = Decoder.of(input);
  const u = decode<URef>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err != 0) return enc.toBytes();
  enc.putU8(u.isReadable() ? 1 : 0);
  enc.putU8(u.isWriteable() ? 1 : 0);
  enc.putU8(u.isAddable() ? 1 : 0);
  encode<URef>(enc, u.withRights(r));
  encode<URef>(enc, u.removeAccessRights());
  encode<URef>(enc, u);
  return enc.toBytes();
}

/** 1 when two 32-byte hashes are equal (AccountHash.equals), else 0. */
export function hashEquals(a: StaticArray<u8>, b: StaticArray<u8>): i32 {
  return new AccountHash(a).equals(new AccountHash(b)) ? 1 : 0;
}

/** Default instances encoded: new AccountHash() ‖ new URef() ‖ new Key() ‖ new PublicKey(). */
export function defaults(): StaticArray<u8> {
  const enc = new Encoder();
  encode<AccountHash>(enc, new AccountHash());
  encode<URef>(enc, new URef());
  encode<Key>(enc, new Key());
  encode<PublicKey>(enc, new PublicKey());
  return enc.toBytes();
}

/** Ed25519 point validity of 32 bytes: 1 valid, 0 not. */
export function validEd25519(b: StaticArray<u8>): i32 {
  return isValidEd25519(changetype<usize>(b)) ? 1 : 0;
}

/** Secp256k1 SEC1 validity of 33 bytes: 1 valid, 0 not. */
export function validSecp256k1(b: StaticArray<u8>): i32 {
  return isValidSecp256k1(changetype<usize>(b)) ? 1 : 0;
}
