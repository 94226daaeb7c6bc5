/**
 * URef (`types/src/uref.rs`) and AccessRights (`types/src/access_rights.rs`): a 32-byte address
 * and a rights byte whose only valid bits are READ 1, WRITE 2, ADD 4.
 */
import { bytesEqual, bytesToHex, compareBytes } from './bytes';
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';

/** Access rights bits and their combinations (bitflags `AccessRights`). */
export const AccessRights = {
  NONE: 0,
  READ: 1,
  WRITE: 2,
  READ_WRITE: 3,
  ADD: 4,
  READ_ADD: 5,
  ADD_WRITE: 6,
  READ_ADD_WRITE: 7,
} as const;

/** An access-rights byte, 0..7. */
export type AccessRights = number;

/** Length of a URef address. */
export const UREF_ADDR_LENGTH = 32;
/** Serialized length of a URef (address + rights byte). */
export const UREF_SERIALIZED_LENGTH = 33;

/** An unforgeable reference: address and access rights. */
export interface URef {
  /** 32-byte address. */
  readonly addr: Uint8Array;
  /** Access rights bits (0..7). */
  readonly rights: AccessRights;
}

/** Builds a URef; throws RangeError for a bad address length or rights value. */
export function newURef(addr: Uint8Array, rights: AccessRights): URef {
  if (addr.length !== UREF_ADDR_LENGTH) throw new RangeError(`URef address must be 32 bytes, got ${addr.length}`);
  if (!(rights >= 0 && rights <= 7 && Number.isInteger(rights)))
    throw new RangeError(`invalid access rights ${rights}`);
  return { addr, rights };
}

/** The URef with its rights removed (`remove_access_rights`), as state keys use it. */
export function normalizeURef(u: URef): URef {
  return u.rights === 0 ? u : { addr: u.addr, rights: 0 };
}

/** The URef with other rights (`with_access_rights`). */
export function withAccessRights(u: URef, rights: AccessRights): URef {
  return newURef(u.addr, rights);
}

/** READ bit set. */
export function isReadable(rights: AccessRights): boolean {
  return (rights & AccessRights.READ) !== 0;
}

/** WRITE bit set. */
export function isWriteable(rights: AccessRights): boolean {
  return (rights & AccessRights.WRITE) !== 0;
}

/** ADD bit set. */
export function isAddable(rights: AccessRights): boolean {
  return (rights & AccessRights.ADD) !== 0;
}

/** `a ⊇ b` on rights bits. */
export function rightsContain(a: AccessRights, b: AccessRights): boolean {
  return (a & b) === b;
}

/** Equality of address and rights. */
export function urefEquals(a: URef, b: URef): boolean {
  return a.rights === b.rights && bytesEqual(a.addr, b.addr);
}

/** Rust Ord of URef: address bytes, then rights value. */
export function compareURefs(a: URef, b: URef): number {
  return compareBytes(a.addr, b.addr) || a.rights - b.rights;
}

const RIGHTS_NAMES = ['NONE', 'READ', 'WRITE', 'READ_WRITE', 'ADD', 'READ_ADD', 'ADD_WRITE', 'READ_ADD_WRITE'];

/** Display of AccessRights, e.g. "READ_ADD_WRITE". */
export function accessRightsToString(rights: AccessRights): string {
  return RIGHTS_NAMES[rights] ?? 'UNKNOWN';
}

/** `uref-<hex addr>-<rights as 3 octal digits>`, e.g. `uref-2a…2a-007` (`to_formatted_string`). */
export function urefToFormattedString(u: URef): string {
  return `uref-${bytesToHex(u.addr)}-${u.rights.toString(8).padStart(3, '0')}`;
}

/** Display of URef: `URef(<hex>, READ_ADD_WRITE)`. */
export function urefToString(u: URef): string {
  return `URef(${bytesToHex(u.addr)}, ${accessRightsToString(u.rights)})`;
}

/** Reads a URef: 32 bytes then rights (EarlyEndOfStream when short; a rights byte > 7 → Formatting). */
export function readURef(r: Reader): URef {
  const addr = r.fixed(UREF_ADDR_LENGTH);
  const rights = r.u8();
  if (rights > 7) r.fail(BytesReprError.Formatting);
  return { addr, rights };
}

/** Writes a URef (33 bytes). */
export function writeURef(w: Writer, u: URef): void {
  w.fixed(u.addr, UREF_ADDR_LENGTH);
  if (!(u.rights >= 0 && u.rights <= 7)) throw new RangeError(`invalid access rights ${u.rights}`);
  w.u8(u.rights);
}

/** Decodes exactly one URef. */
export function decodeURef(bytes: Uint8Array): DecodeResult<URef> {
  return fromBytes(bytes, readURef);
}

/** Serializes a URef. */
export function encodeURef(u: URef): Uint8Array {
  return toBytes(u, writeURef, UREF_SERIALIZED_LENGTH);
}
