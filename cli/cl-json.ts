/**
 * casper-types' `cl_value_to_json` (`types/src/cl_value/jsonrepr.rs`, 1.5.6): the "parsed" member
 * written beside a CLValue's `cl_type` and `bytes` in deploy JSON. One implementation serves the
 * CLI and the devnet (`devnet/cljson.ts`): numbers up to 64 bits are JSON numbers, U128/U256/U512
 * decimal strings, keys tagged as 1.5.6 serializes them (`{"Account": "account-hash-…"}`), URefs
 * formatted, public keys hex, Option None null; a value that does not parse (or Any) gives null.
 */

import type { CLType } from '../runtime/types/cltype';
import { clValueParsed } from './devnet/cljson';

/** The "parsed" JSON of a CLValue's bytes, or undefined when they do not parse (or the type contains Any). */
export function tryParsedJson(t: CLType, bytes: Uint8Array): unknown {
  const v = clValueParsed(t, bytes);
  return v === null && !(t.tag === 9 || t.tag === 13) ? undefined : v;
}

/** The "parsed" JSON of a CLValue's bytes, or null when casper-types would give none. */
export function parsedJson(t: CLType, bytes: Uint8Array): unknown {
  return clValueParsed(t, bytes);
}
