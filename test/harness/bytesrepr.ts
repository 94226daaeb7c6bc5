// Harness for assembly/bytesrepr.ts: decode-then-encode round trips of primitive values.
import { Decoder, decode, Encoder, encode } from '../../assembly/bytesrepr';

/** The runtime id of StaticArray<u8>, for the loader's __newArray. */
export const STATIC_ARRAY_U8_ID = idof<StaticArray<u8>>();

/** Decodes `input` as T and re-encodes it; the first output byte is the error code (0 ok). */
function roundTrip<T>(input: StaticArray<u8>): StaticArray<u8> {
  const dec = Decoder.of(input);
  const v = decode<T>(dec);
  const err = dec.finish();
  const enc = new Encoder();
  enc.putU8(<u8>err);
  if (err == 0) encode<T>(enc, v);
  return enc.toBytes();
}

/** Round trip of a String. */
export function roundTripString(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<string>(input);
}
/** Round trip of a List<String>. */
export function roundTripStringList(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<Array<string>>(input);
}
/** Round trip of a u64. */
export function roundTripU64(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<u64>(input);
}
/** Round trip of a bool. */
export function roundTripBool(input: StaticArray<u8>): StaticArray<u8> {
  return roundTrip<bool>(input);
}
