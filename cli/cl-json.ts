/**
 * casper-types' `cl_value_to_json` (`types/src/cl_value/jsonrepr.rs`): the "parsed" member that
 * casper-client writes beside a CLValue's `cl_type` and `bytes` in deploy JSON. Numbers up to 64
 * bits are JSON numbers, U128/U256/U512 decimal strings, byte arrays lowercase hex, keys and URefs
 * their formatted strings, public keys hex, Option None null, maps arrays of {key, value}; a value
 * that does not parse (or Any) gives null.
 */

import { Reader } from '../runtime/types/bytesrepr';
import type { CLType } from '../runtime/types/cltype';
import { bytesToHex } from '../runtime/types/bytes';
import { keyToFormattedString, readKey } from '../runtime/types/key';
import { publicKeyToHex, readPublicKey } from '../runtime/types/public-key';
import { readURef, urefToFormattedString } from '../runtime/types/uref';

function toJson(r: Reader, t: CLType, depth: number): unknown {
  if (depth >= 50) throw new Error('too deep');
  const d = depth + 1;
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
      return r.u128().toString();
    case 7:
      return r.u256().toString();
    case 8:
      return r.u512().toString();
    case 9:
      return null;
    case 10:
      return r.string();
    case 11:
      return keyToFormattedString(readKey(r));
    case 12:
      return urefToFormattedString(readURef(r));
    case 22:
      return publicKeyToHex(readPublicKey(r));
    case 13: {
      const tag = r.u8();
      if (tag === 0) return null;
      if (tag !== 1) throw new Error('bad option tag');
      return toJson(r, t.inner, d);
    }
    case 14: {
      const n = r.u32();
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) out.push(toJson(r, t.inner, d));
      return out;
    }
    case 15:
      return bytesToHex(r.fixed(t.size));
    case 16: {
      const tag = r.u8();
      if (tag === 0) return { Err: toJson(r, t.err, d) };
      if (tag === 1) return { Ok: toJson(r, t.ok, d) };
      throw new Error('bad result tag');
    }
    case 17: {
      const n = r.u32();
      const out: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const key = toJson(r, t.key, d);
        out.push({ key, value: toJson(r, t.value, d) });
      }
      return out;
    }
    case 18:
    case 19:
    case 20:
      return t.items.map((it) => toJson(r, it, d));
    case 21:
      throw new Error('Any');
  }
}

/** The "parsed" JSON of a CLValue's bytes, or undefined when they do not parse (or the type contains Any). */
export function tryParsedJson(t: CLType, bytes: Uint8Array): unknown {
  try {
    const r = new Reader(bytes);
    const v = toJson(r, t, 0);
    return r.remaining === 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The "parsed" JSON of a CLValue's bytes, or null when casper-types would give none. */
export function parsedJson(t: CLType, bytes: Uint8Array): unknown {
  return tryParsedJson(t, bytes) ?? null;
}
