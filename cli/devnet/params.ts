/**
 * Reading JSON-RPC params the way serde derive reads them into the node's param structs: a map
 * (or a positional array) of named fields, unknown fields rejected where the node says
 * `deny_unknown_fields`, optional fields defaulted, and serde's error texts
 * (`missing field \`deploy_hash\``, `invalid type: integer \`5\`, expected a string`).
 */

import { decodeHex } from './hex';
import { isObject, type JsonValue, unexpected } from './json';

/** A parse failure: serde's message. */
export interface ParseError {
  readonly error: string;
}

/** A field parser: the value, or a ParseError. */
export type FieldParser<T> = (v: JsonValue) => T | ParseError;

/** One field of a struct. */
export interface Field {
  readonly name: string;
  readonly parse: FieldParser<unknown>;
  /** Absent → this value (serde `default` / `Option`); without it the field is required. */
  readonly default?: unknown;
  /** Also accepted under this name (serde `alias`). */
  readonly alias?: string;
}

/** True when `v` is a ParseError. */
export function isError(v: unknown): v is ParseError {
  return typeof v === 'object' && v !== null && 'error' in v && Object.keys(v).length === 1;
}

function expectedFields(fields: readonly Field[]): string {
  const names = fields.map((f) => `\`${f.name}\``);
  if (names.length === 0) return 'there are no fields';
  if (names.length === 1) return `expected ${names[0]}`;
  if (names.length === 2) return `expected ${names[0]} or ${names[1]}`;
  return `expected one of ${names.join(', ')}`;
}

/**
 * serde's derived struct visitor over `v`: a map (fields visited in key order, as serde_json's
 * `Value` map iterates) or a sequence (positional). Returns the field values by name.
 */
export function parseStruct(
  v: JsonValue | undefined,
  structName: string,
  fields: readonly Field[],
  denyUnknown = true,
): Record<string, unknown> | ParseError {
  const out: Record<string, unknown> = {};
  if (Array.isArray(v)) {
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (i >= v.length) {
        if ('default' in f) {
          out[f.name] = f.default;
          continue;
        }
        return { error: `invalid length ${v.length}, expected struct ${structName} with ${fields.length} elements` };
      }
      const x = f.parse(v[i]);
      if (isError(x)) return x;
      out[f.name] = x;
    }
    if (v.length > fields.length) {
      return { error: `invalid length ${v.length}, expected struct ${structName} with ${fields.length} elements` };
    }
    return out;
  }
  if (!isObject(v)) return { error: `invalid type: ${unexpected(v)}, expected struct ${structName}` };
  for (const key of Object.keys(v).sort()) {
    const f = fields.find((x) => x.name === key || x.alias === key);
    if (!f) {
      if (denyUnknown) return { error: `unknown field \`${key}\`, ${expectedFields(fields)}` };
      continue;
    }
    if (f.name in out) return { error: `duplicate field \`${f.name}\`` };
    const x = f.parse(v[key]);
    if (isError(x)) return x;
    out[f.name] = x;
  }
  for (const f of fields) {
    if (f.name in out) continue;
    if ('default' in f) out[f.name] = f.default;
    else return { error: `missing field \`${f.name}\`` };
  }
  return out;
}

/**
 * serde's externally tagged enum: a string for a unit variant, or a one-key map `{Variant: body}`.
 * `variants` maps names to body parsers (null for a unit variant).
 */
export function parseEnum<T>(
  v: JsonValue | undefined,
  enumName: string,
  variants: Record<string, FieldParser<T> | null>,
): { variant: string; value: T | undefined } | ParseError {
  const names = Object.keys(variants);
  const expected =
    names.length === 1
      ? `expected \`${names[0]}\``
      : names.length === 2
        ? `expected \`${names[0]}\` or \`${names[1]}\``
        : `expected one of ${names.map((n) => `\`${n}\``).join(', ')}`;
  if (typeof v === 'string') {
    if (!(v in variants)) return { error: `unknown variant \`${v}\`, ${expected}` };
    if (variants[v] !== null) return { error: 'invalid type: unit variant, expected newtype variant' };
    return { variant: v, value: undefined };
  }
  if (!isObject(v)) return { error: `invalid type: ${unexpected(v)}, expected enum ${enumName}` };
  const keys = Object.keys(v);
  if (keys.length !== 1) return { error: 'invalid type: map, expected map with a single key' };
  const name = keys[0];
  if (!(name in variants)) return { error: `unknown variant \`${name}\`, ${expected}` };
  const p = variants[name];
  if (p === null) return { error: `invalid type: ${unexpected(v[name])}, expected unit variant ${enumName}::${name}` };
  const x = p(v[name]);
  if (isError(x)) return x;
  return { variant: name, value: x as T };
}

/** A JSON string. */
export const str: FieldParser<string> = (v) =>
  typeof v === 'string' ? v : { error: `invalid type: ${unexpected(v)}, expected a string` };

/** A JSON boolean. */
export const bool: FieldParser<boolean> = (v) =>
  typeof v === 'boolean' ? v : { error: `invalid type: ${unexpected(v)}, expected a boolean` };

function uint(bits: 8 | 32 | 64): FieldParser<bigint> {
  const max = (1n << BigInt(bits)) - 1n;
  return (v) => {
    const n = typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : typeof v === 'bigint' ? v : undefined;
    if (n === undefined) return { error: `invalid type: ${unexpected(v)}, expected u${bits}` };
    if (n < 0n || n > max) return { error: `invalid value: integer \`${n}\`, expected u${bits}` };
    return n;
  };
}

/** A u64 (as bigint). */
export const u64: FieldParser<bigint> = uint(64);
/** A u32 (as number). */
export const u32: FieldParser<number> = (v) => {
  const r = uint(32)(v);
  return isError(r) ? r : Number(r);
};
/** A u8 (as number). */
export const u8: FieldParser<number> = (v) => {
  const r = uint(8)(v);
  return isError(r) ? r : Number(r);
};

/** `Option<T>`: null → null. */
export function option<T>(p: FieldParser<T>): FieldParser<T | null> {
  return (v) => (v === null ? null : p(v));
}

/** `Vec<T>`. */
export function vec<T>(p: FieldParser<T>): FieldParser<T[]> {
  return (v) => {
    if (!Array.isArray(v)) return { error: `invalid type: ${unexpected(v)}, expected a sequence` };
    const out: T[] = [];
    for (const x of v) {
      const r = p(x);
      if (isError(r)) return r;
      out.push(r as T);
    }
    return out;
  };
}

/** casper `Digest` (and the hashes built on it): 32 bytes as checksummed hex. */
export const digest: FieldParser<Uint8Array> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  const b = decodeHex(v);
  if ('error' in b) return b;
  if (b.length !== 32) return { error: 'could not convert slice to array' };
  return b;
};

/** Plain hex bytes (`HexForm` / `Bytes`). */
export const hexBytes: FieldParser<Uint8Array> = (v) => {
  if (typeof v !== 'string') return { error: `invalid type: ${unexpected(v)}, expected a string` };
  const b = decodeHex(v);
  return b;
};

/** Map a successful parse. */
export function map<T, U>(p: FieldParser<T>, f: (x: T) => U | ParseError): FieldParser<Exclude<U, ParseError>> {
  return (v) => {
    const r = p(v);
    return isError(r) ? r : (f(r as T) as Exclude<U, ParseError> | ParseError);
  };
}
