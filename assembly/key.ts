// Key (casper-types 4.0.1 `key.rs`, node 1.5): one tag byte + the variant's payload. CLType Key
// (11). The payload is kept as its serialized bytes, so encoding is a copy:
//   URef 33 bytes (address ‖ rights), EraInfo 8 bytes (u64 LE), every other variant 32 bytes.
// SystemContractRegistry, EraSummary, ChainspecRegistry and ChecksumRegistry carry no data: they
// encode 32 zero bytes and decoding accepts (and drops) any 32 bytes, as casper-types does.

import {
  allocBytes,
  BytesReprError,
  bytesCompare,
  bytesEqual,
  bytesFrom,
  copyBytes,
  Decoder,
  Encoder,
} from './bytesrepr';
import { revert } from './error';
import { AccountHash, ContractHash, ContractPackageHash } from './hashes';
import { URef } from './uref';

/** Key variant tags (casper-types `KeyTag`, node 1.5: 0..14). */
export namespace KeyTag {
  /** Key::Account(AccountHash). */
  export const Account: u8 = 0;
  /** Key::Hash(HashAddr): contracts, packages, Wasm. */
  export const Hash: u8 = 1;
  /** Key::URef(URef). */
  export const URef: u8 = 2;
  /** Key::Transfer(TransferAddr). */
  export const Transfer: u8 = 3;
  /** Key::DeployInfo(DeployHash). */
  export const DeployInfo: u8 = 4;
  /** Key::EraInfo(EraId): a u64. */
  export const EraInfo: u8 = 5;
  /** Key::Balance(URefAddr): a purse's balance. */
  export const Balance: u8 = 6;
  /** Key::Bid(AccountHash). */
  export const Bid: u8 = 7;
  /** Key::Withdraw(AccountHash). */
  export const Withdraw: u8 = 8;
  /** Key::Dictionary(DictionaryAddr). */
  export const Dictionary: u8 = 9;
  /** Key::SystemContractRegistry (no data). */
  export const SystemContractRegistry: u8 = 10;
  /** Key::EraSummary (no data). */
  export const EraSummary: u8 = 11;
  /** Key::Unbond(AccountHash). */
  export const Unbond: u8 = 12;
  /** Key::ChainspecRegistry (no data). */
  export const ChainspecRegistry: u8 = 13;
  /** Key::ChecksumRegistry (no data). */
  export const ChecksumRegistry: u8 = 14;
}

/** Serialized payload length of a (valid) tag: 33 URef, 8 EraInfo, else 32. */
function payloadLength(tag: u8): i32 {
  return tag == KeyTag.URef ? 33 : tag == KeyTag.EraInfo ? 8 : 32;
}

/** True for the variants without data (10, 11, 13, 14). */
function isUnitVariant(tag: u8): bool {
  return tag >= KeyTag.SystemContractRegistry && tag != KeyTag.Unbond;
}

/** A global-state key. Build one with the static constructors; fields are the serialized form. */
export class Key {
  constructor(
    /** The variant (KeyTag). */
    public tag: u8 = KeyTag.Account,
    /** The variant's serialized payload (33 bytes for URef, 8 for EraInfo, else 32). */
    public payload: StaticArray<u8> = allocBytes(32),
  ) {}

  /** Key::Account (shares the hash's bytes). */
  static fromAccount(hash: AccountHash): Key {
    return new Key(KeyTag.Account, hash.bytes);
  }

  /** Key::Hash of 32 bytes (shares them). */
  static fromHash(bytes: StaticArray<u8>): Key {
    return new Key(KeyTag.Hash, bytes);
  }

  /** Key::Hash of a contract hash (shares its bytes). */
  static fromContractHash(hash: ContractHash): Key {
    return new Key(KeyTag.Hash, hash.bytes);
  }

  /** Key::Hash of a contract package hash (shares its bytes). */
  static fromContractPackageHash(hash: ContractPackageHash): Key {
    return new Key(KeyTag.Hash, hash.bytes);
  }

  /** Key::URef (address and rights copied). */
  static fromURef(uref: URef): Key {
    const payload = allocBytes(33);
    copyBytes(changetype<usize>(payload), changetype<usize>(uref.addr), 32);
    store<u8>(changetype<usize>(payload), uref.rights, 32);
    return new Key(KeyTag.URef, payload);
  }

  /** Key::Dictionary of a 32-byte dictionary address (shares it). */
  static fromDictionary(addr: StaticArray<u8>): Key {
    return new Key(KeyTag.Dictionary, addr);
  }

  /** Key::EraInfo(era). */
  static fromEraInfo(era: u64): Key {
    const payload = allocBytes(8);
    store<u64>(changetype<usize>(payload), era);
    return new Key(KeyTag.EraInfo, payload);
  }

  /**
   * Any variant from its tag and serialized payload (copied), or null when the tag is unknown,
   * the length is wrong or URef rights are above 7. Data-less variants take any 32 bytes and
   * keep zeros.
   */
  static fromParts(tag: u8, payload: StaticArray<u8>): Key | null {
    if (tag > KeyTag.ChecksumRegistry || payload.length != payloadLength(tag)) return null;
    if (tag == KeyTag.URef && unchecked(payload[32]) > 7) return null;
    const copy = allocBytes(payload.length);
    if (!isUnitVariant(tag)) copyBytes(changetype<usize>(copy), changetype<usize>(payload), payload.length);
    return new Key(tag, copy);
  }

  /** The URef of a Key::URef, else null. */
  toURef(): URef | null {
    if (this.tag != KeyTag.URef) return null;
    const p = changetype<usize>(this.payload);
    return new URef(bytesFrom(p, 32), load<u8>(p, 32));
  }

  /** The account hash of a Key::Account (sharing the bytes), else null. */
  toAccountHash(): AccountHash | null {
    return this.tag == KeyTag.Account ? new AccountHash(this.payload) : null;
  }

  /** The 32 bytes of a Key::Hash (shared), else null. */
  toHash(): StaticArray<u8> | null {
    return this.tag == KeyTag.Hash ? this.payload : null;
  }

  /** True when variant and payload are equal. */
  equals(other: Key): bool {
    return this.tag == other.tag && bytesEqual(this.payload, other.payload);
  }

  /** Rust's derived order: tag, then payload (EraInfo as a number). Negative, 0 or positive. */
  compare(other: Key): i32 {
    const tag = this.tag;
    if (tag != other.tag) return <i32>tag - <i32>other.tag;
    if (tag == KeyTag.EraInfo) {
      const a = load<u64>(changetype<usize>(this.payload));
      const b = load<u64>(changetype<usize>(other.payload));
      return <i32>(a > b) - <i32>(a < b);
    }
    return bytesCompare(this.payload, other.payload);
  }

  /** Writes tag ‖ payload. */
  encode(enc: Encoder): void {
    enc.putU8(this.tag);
    enc.putFixed(this.payload);
  }

  /**
   * Reads tag ‖ payload. Tag above 14 → Formatting; short payload → EarlyEndOfStream; URef
   * rights above 7 → Formatting.
   */
  decode(dec: Decoder): void {
    const tag = dec.getU8();
    if (tag > KeyTag.ChecksumRegistry) {
      dec.fail(BytesReprError.Formatting);
      return;
    }
    const n = payloadLength(tag);
    const p = dec.take(n);
    if (!p) return;
    if (tag == KeyTag.URef && load<u8>(p, 32) > 7) {
      dec.fail(BytesReprError.Formatting);
      return;
    }
    this.tag = tag;
    this.payload = isUnitVariant(tag) ? allocBytes(32) : bytesFrom(p, n);
  }

  /** CLType Key (11). */
  writeCLType(enc: Encoder): void {
    enc.putU8(11);
  }
}

/**
 * The Key serialized in exactly the `len` bytes at `p`, as `decode<Key>` then `finish` read it,
 * reverting with the bytesrepr error: no bytes or a short payload EarlyEndOfStream (17), a tag
 * above 14 or URef rights above 7 Formatting (18), bytes left over LeftOverBytes (19). Without
 * a Decoder, for keys the host writes (runtime.getKey).
 */
export function keyAtOrRevert(p: usize, len: u32): Key {
  const tag = load<u8>(p);
  const n = <u32>payloadLength(tag);
  let err: u32 = 0;
  if (len == 0) err = BytesReprError.EarlyEndOfStream;
  else if (tag > KeyTag.ChecksumRegistry) err = BytesReprError.Formatting;
  else if (len - 1 < n) err = BytesReprError.EarlyEndOfStream;
  else if (tag == KeyTag.URef && load<u8>(p, 33) > 7) err = BytesReprError.Formatting;
  else if (len - 1 > n) err = BytesReprError.LeftOverBytes;
  if (err != 0) revert(err);
  return new Key(tag, isUnitVariant(tag) ? allocBytes(32) : bytesFrom(p + 1, n));
}
