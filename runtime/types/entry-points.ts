/**
 * EntryPoints in the Casper 1.5 format (`types/src/contracts.rs`): `BTreeMap<String, EntryPoint>`.
 * EntryPoint = name String ‖ args Vec<Parameter> ‖ ret CLType ‖ access ‖ entry_point_type u8.
 * The map key and `EntryPoint.name` are separate strings (normally equal).
 */
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { type CLType, CLTypes, readCLType, writeCLType } from './cltype';
import { readStringMap, writeStringMap } from './collections';

/** EntryPointType values: 0 Session (runs in the caller's account context), 1 Contract. */
export const EntryPointType = { Session: 0, Contract: 1 } as const;
/** An EntryPointType value. */
export type EntryPointType = 0 | 1;

/** EntryPointAccess: tag 1 Public, tag 2 Groups(list of group names). */
export type EntryPointAccess = { readonly tag: 1 } | { readonly tag: 2; readonly groups: readonly string[] };

/** EntryPointAccess::Public. */
export const PUBLIC_ACCESS: EntryPointAccess = Object.freeze({ tag: 1 } as const);

/** EntryPointAccess::Groups(groups). */
export function groupsAccess(groups: readonly string[]): EntryPointAccess {
  return { tag: 2, groups };
}

/** A declared argument. */
export interface Parameter {
  /** Argument name. */
  readonly name: string;
  /** Declared type. */
  readonly clType: CLType;
}

/** One entry point. */
export interface EntryPoint {
  /** Name of the Wasm export invoked. */
  readonly name: string;
  /** Declared arguments. */
  readonly args: readonly Parameter[];
  /** Declared return type. */
  readonly ret: CLType;
  /** Who may call it. */
  readonly access: EntryPointAccess;
  /** Session or Contract. */
  readonly entryPointType: EntryPointType;
}

/** EntryPoints keyed by the map key (serialized in UTF-8 byte order of the keys). */
export type EntryPoints = Map<string, EntryPoint>;

/** casper-types `EntryPoint::default()`: "call", no args, Unit, Public, Session. */
export function defaultEntryPoint(): EntryPoint {
  return { name: 'call', args: [], ret: CLTypes.Unit, access: PUBLIC_ACCESS, entryPointType: 0 };
}

/** EntryPoints keyed by each entry point's name (`EntryPoints::add_entry_point`; a later one wins). */
export function entryPointsFrom(list: readonly EntryPoint[]): EntryPoints {
  const m: EntryPoints = new Map();
  for (const ep of list) m.set(ep.name, ep);
  return m;
}

/** Reads an EntryPointAccess (tag other than 1/2 → Formatting). */
export function readEntryPointAccess(r: Reader): EntryPointAccess {
  const tag = r.u8();
  if (tag === 1) return PUBLIC_ACCESS;
  if (tag === 2) return { tag: 2, groups: r.vec((x) => x.string()) };
  return r.fail(BytesReprError.Formatting);
}

/** Writes an EntryPointAccess. */
export function writeEntryPointAccess(w: Writer, a: EntryPointAccess): void {
  w.u8(a.tag);
  if (a.tag === 2) w.vec(a.groups, (x, g) => x.string(g));
}

/** Reads a Parameter. */
export function readParameter(r: Reader): Parameter {
  const name = r.string();
  return { name, clType: readCLType(r, 0) };
}

/** Writes a Parameter. */
export function writeParameter(w: Writer, p: Parameter): void {
  w.string(p.name);
  writeCLType(w, p.clType);
}

/** Reads an EntryPoint (entry point type other than 0/1 → Formatting). */
export function readEntryPoint(r: Reader): EntryPoint {
  const name = r.string();
  const args = r.vec(readParameter);
  const ret = readCLType(r, 0);
  const access = readEntryPointAccess(r);
  const t = r.u8();
  if (t > 1) r.fail(BytesReprError.Formatting);
  return { name, args, ret, access, entryPointType: t as EntryPointType };
}

/** Writes an EntryPoint. */
export function writeEntryPoint(w: Writer, ep: EntryPoint): void {
  w.string(ep.name);
  w.vec(ep.args, writeParameter);
  writeCLType(w, ep.ret);
  writeEntryPointAccess(w, ep.access);
  w.u8(ep.entryPointType);
}

/** Reads EntryPoints (any key order accepted; a later duplicate key wins). */
export function readEntryPoints(r: Reader): EntryPoints {
  return readStringMap(r, readEntryPoint);
}

/** Writes EntryPoints sorted by key. */
export function writeEntryPoints(w: Writer, eps: ReadonlyMap<string, EntryPoint>): void {
  writeStringMap(w, eps, writeEntryPoint);
}

/** Decodes exactly one EntryPoints map. */
export function decodeEntryPoints(bytes: Uint8Array): DecodeResult<EntryPoints> {
  return fromBytes(bytes, readEntryPoints);
}

/** Serializes EntryPoints. */
export function encodeEntryPoints(eps: ReadonlyMap<string, EntryPoint>): Uint8Array {
  return toBytes(eps, writeEntryPoints, 64);
}
