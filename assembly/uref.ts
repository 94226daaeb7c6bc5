// URef and AccessRights (casper-types `uref.rs`, `access_rights.rs`): 32-byte address ‖ one
// rights byte; a rights byte above 7 does not decode (Formatting). CLType URef (12).

import { allocBytes, BytesReprError, bytesCompare, bytesEqual, bytesFrom, Decoder, Encoder } from './bytesrepr';

/** Access-rights bits of a URef (casper-types `AccessRights`). */
export namespace AccessRights {
  /** No permissions. */
  export const NONE: u8 = 0;
  /** Read the value. */
  export const READ: u8 = 1;
  /** Write the value. */
  export const WRITE: u8 = 2;
  /** Add to the value. */
  export const ADD: u8 = 4;
  /** READ | WRITE. */
  export const READ_WRITE: u8 = 3;
  /** READ | ADD. */
  export const READ_ADD: u8 = 5;
  /** ADD | WRITE. */
  export const ADD_WRITE: u8 = 6;
  /** READ | ADD | WRITE. */
  export const READ_ADD_WRITE: u8 = 7;
}

/** An unforgeable reference: address and access rights. */
export class URef {
  constructor(
    /** The 32-byte address. */
    public addr: StaticArray<u8> = allocBytes(32),
    /** AccessRights bits (0..7). */
    public rights: u8 = AccessRights.NONE,
  ) {}

  /** The same address with rights `rights`. */
  withRights(rights: u8): URef {
    return new URef(this.addr, rights);
  }

  /** The same address with no rights (AccessRights.NONE), as Rust's `remove_access_rights`. */
  removeAccessRights(): URef {
    return new URef(this.addr, AccessRights.NONE);
  }

  /** True when the READ bit is set. */
  isReadable(): bool {
    return (this.rights & AccessRights.READ) != 0;
  }

  /** True when the WRITE bit is set. */
  isWriteable(): bool {
    return (this.rights & AccessRights.WRITE) != 0;
  }

  /** True when the ADD bit is set. */
  isAddable(): bool {
    return (this.rights & AccessRights.ADD) != 0;
  }

  /** True when address and rights are equal. */
  equals(other: URef): bool {
    return this.rights == other.rights && bytesEqual(this.addr, other.addr);
  }

  /** Rust's derived order: address bytes, then rights. Negative, 0 or positive. */
  compare(other: URef): i32 {
    const d = bytesCompare(this.addr, other.addr);
    return d != 0 ? d : <i32>this.rights - <i32>other.rights;
  }

  /** Writes address ‖ rights (33 bytes). */
  encode(enc: Encoder): void {
    enc.putFixed(this.addr);
    enc.putU8(this.rights);
  }

  /** Reads 33 bytes; EarlyEndOfStream if short, Formatting if the rights byte is above 7. */
  decode(dec: Decoder): void {
    const p = dec.take(33);
    if (!p) return;
    const rights = load<u8>(p, 32);
    if (rights > AccessRights.READ_ADD_WRITE) {
      dec.fail(BytesReprError.Formatting);
      return;
    }
    this.addr = bytesFrom(p, 32);
    this.rights = rights;
  }

  /** CLType URef (12). */
  writeCLType(enc: Encoder): void {
    enc.putU8(12);
  }
}
