/**
 * JSON text as serde_json writes it (`to_string_pretty`: two-space indent, `"key": value`, `[]` and
 * `{}` when empty, no trailing newline), with object members in insertion order and u64/i64 values
 * as exact bare numbers (`bigint`), which `JSON.stringify` cannot write.
 */

/** A number kept as the text it was read as (so u64 values beyond 2^53 are written back exactly). */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** Pretty JSON of `v` (objects in key order, bigint and RawNumber as bare numbers, undefined members skipped). */
export function prettyJson(v: unknown, indent = ''): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof RawNumber) return v.text;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' || typeof v === 'boolean') return JSON.stringify(v);
  if (typeof v === 'string') return JSON.stringify(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + prettyJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${prettyJson(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** Compact JSON of `v` (serde_json's Display): bigint and RawNumber as bare numbers. */
export function compactJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof RawNumber) return v.text;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${compactJson(x)}`).join(',')}}`;
}
