// Internal helpers shared by the API modules: the static scratch area host functions write
// sizes into, bytesrepr String arguments, and reading the host buffer.

import { Decoded, Decoder, decode, Encoder, stringBytes, zeroOf } from './bytesrepr';
import { ApiError, revert } from './error';
import { casper_read_host_buffer } from './externals';

/** Static scratch for sizes the host writes (16 bytes; some host functions write an 8-byte usize). */
export const SCRATCH: usize = memory.data(16, 8);

/** A name serialized as a bytesrepr String (u32 length + UTF-8), in an Encoder (`ptr`, `len`). */
export function stringArg(s: string): Encoder {
  const p = stringBytes(s);
  const enc = new Encoder(0);
  enc.ptr = p;
  enc.len = enc.cap = load<u32>(p) + 4;
  return enc;
}

/**
 * Reads up to `size` bytes out of the host buffer (which the host then empties; size 0 still
 * drains it). Errors revert, as the Rust SDK's `read_host_buffer(..).unwrap_or_revert()`.
 */
export function readHostBuffer(size: u32): Decoder {
  const dest = readHostBytes(size);
  return new Decoder(dest, load<u32>(SCRATCH));
}

/** readHostBuffer's bytes without a Decoder: their address; how many were written is in SCRATCH. */
export function readHostBytes(size: u32): usize {
  const dest = heap.alloc(size);
  const ret = casper_read_host_buffer(dest, size, SCRATCH);
  if (ret != 0) revert(<u32>ret);
  return dest;
}

/** Decodes the whole host-buffer value as T, reverting with the bytesrepr error on failure. */
export function hostValueOrRevert<T>(size: u32): T {
  const dec = readHostBuffer(size);
  const v = decode<T>(dec);
  const err = dec.finish();
  if (err != 0) revert(err);
  return v;
}

/**
 * After a read-style host call whose size went to SCRATCH: ValueNotFound gives error 6, other
 * codes revert, otherwise the host buffer is decoded as T (a decode failure is the error).
 */
export function readResult<T>(ret: i32): Decoded<T> {
  if (ret == <i32>ApiError.ValueNotFound) return new Decoded<T>(zeroOf<T>(), ApiError.ValueNotFound);
  if (ret != 0) revert(<u32>ret);
  const dec = readHostBuffer(load<u32>(SCRATCH));
  const v = decode<T>(dec);
  const err = dec.finish();
  return new Decoded<T>(err ? zeroOf<T>() : v, err);
}
