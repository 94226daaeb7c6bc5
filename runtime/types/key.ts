/**
 * Key (`types/src/key.rs`, casper-types 4.0.1): 1 tag byte + payload, tags 0–14. Also the
 * AccountHash helpers (an AccountHash is 32 raw bytes) and a fast string id for global-state maps.
 */
import { bytesEqual, bytesToHex, compareBytes } from './bytes';
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { compareURefs, normalizeURef, readURef, type URef, urefEquals, urefToFormattedString, writeURef } from './uref';

/** Key variant tags. */
export const KeyTag = {
  Account: 0,
  Hash: 1,
  URef: 2,
  Transfer: 3,
  DeployInfo: 4,
  EraInfo: 5,
  Balance: 6,
  Bid: 7,
  Withdraw: 8,
  Dictionary: 9,
  SystemContractRegistry: 10,
  EraSummary: 11,
  Unbond: 12,
  ChainspecRegistry: 13,
  ChecksumRegistry: 14,
} as const;

/** Tags whose payload is a 32-byte address/hash. */
export type AddrKeyTag = 0 | 1 | 3 | 4 | 6 | 7 | 8 | 9 | 12;
/** Tags with no payload (serialized as 32 zero bytes; any 32 bytes accepted on decode). */
export type UnitKeyTag = 10 | 11 | 13 | 14;

/** A global-state key. */
export type Key =
  | { readonly tag: AddrKeyTag; readonly addr: Uint8Array }
  | { readonly tag: 2; readonly uref: URef }
  | { readonly tag: 5; readonly era: bigint }
  | { readonly tag: UnitKeyTag };

/** Length of an AccountHash / hash address. */
export const KEY_HASH_LENGTH = 32;
/** `Key::max_serialized_length()` on 1.5 (Key::URef). */
export const KEY_MAX_SERIALIZED_LENGTH = 34;

const PADDING = new Uint8Array(32);

const UNIT_KEYS: Record<number, Key> = {
  10: Object.freeze({ tag: 10 }),
  11: Object.freeze({ tag: 11 }),
  13: Object.freeze({ tag: 13 }),
  14: Object.freeze({ tag: 14 }),
};

/** Key::SystemContractRegistry. */
export const SYSTEM_CONTRACT_REGISTRY_KEY: Key = UNIT_KEYS[10];
/** Key::EraSummary. */
export const ERA_SUMMARY_KEY: Key = UNIT_KEYS[11];
/** Key::ChainspecRegistry. */
export const CHAINSPEC_REGISTRY_KEY: Key = UNIT_KEYS[13];
/** Key::ChecksumRegistry. */
export const CHECKSUM_REGISTRY_KEY: Key = UNIT_KEYS[14];

function checkAddr(addr: Uint8Array): Uint8Array {
  if (!(addr instanceof Uint8Array) || addr.length !== 32) throw new RangeError('key address must be 32 bytes');
  return addr;
}

/** Key::Account(account hash). */
export function accountKey(accountHash: Uint8Array): Key {
  return { tag: 0, addr: checkAddr(accountHash) };
}

/** Key::Hash(addr) — contracts, packages, Wasm. */
export function hashKey(addr: Uint8Array): Key {
  return { tag: 1, addr: checkAddr(addr) };
}

/** Key::URef(uref). */
export function urefKey(uref: URef): Key {
  return { tag: 2, uref };
}

/** Key::Transfer(transfer addr). */
export function transferKey(addr: Uint8Array): Key {
  return { tag: 3, addr: checkAddr(addr) };
}

/** Key::DeployInfo(deploy hash). */
export function deployInfoKey(deployHash: Uint8Array): Key {
  return { tag: 4, addr: checkAddr(deployHash) };
}

/** Key::EraInfo(era id). */
export function eraInfoKey(era: bigint): Key {
  if (era < 0n || era > 0xffffffffffffffffn) throw new RangeError(`era id out of range: ${era}`);
  return { tag: 5, era };
}

/** Key::Balance(purse address). */
export function balanceKey(purseAddr: Uint8Array): Key {
  return { tag: 6, addr: checkAddr(purseAddr) };
}

/** Key::Bid(account hash). */
export function bidKey(accountHash: Uint8Array): Key {
  return { tag: 7, addr: checkAddr(accountHash) };
}

/** Key::Withdraw(account hash). */
export function withdrawKey(accountHash: Uint8Array): Key {
  return { tag: 8, addr: checkAddr(accountHash) };
}

/** Key::Dictionary(address). */
export function dictionaryKey(addr: Uint8Array): Key {
  return { tag: 9, addr: checkAddr(addr) };
}

/** Key::Unbond(account hash). */
export function unbondKey(accountHash: Uint8Array): Key {
  return { tag: 12, addr: checkAddr(accountHash) };
}

/** The address of a Key with a 32-byte payload (Account, Hash, Transfer, …), else undefined. */
export function keyAddr(key: Key): Uint8Array | undefined {
  return 'addr' in key ? key.addr : undefined;
}

/** Key with URef rights stripped (`Key::normalize`), the form used for global-state access. */
export function normalizeKey(key: Key): Key {
  if (key.tag === 2 && key.uref.rights !== 0) return { tag: 2, uref: normalizeURef(key.uref) };
  return key;
}

/** Reads a Key (unknown tag → Formatting; short payload → EarlyEndOfStream). */
export function readKey(r: Reader): Key {
  const tag = r.u8();
  switch (tag) {
    case 0:
    case 1:
    case 3:
    case 4:
    case 6:
    case 7:
    case 8:
    case 9:
    case 12:
      return { tag, addr: r.fixed(32) };
    case 2:
      return { tag: 2, uref: readURef(r) };
    case 5:
      return { tag: 5, era: r.u64() };
    case 10:
    case 11:
    case 13:
    case 14:
      r.skip(32);
      return UNIT_KEYS[tag];
    default:
      return r.fail(BytesReprError.Formatting);
  }
}

/** Writes a Key. */
export function writeKey(w: Writer, key: Key): void {
  w.u8(key.tag);
  switch (key.tag) {
    case 2:
      writeURef(w, key.uref);
      return;
    case 5:
      w.u64(key.era);
      return;
    case 10:
    case 11:
    case 13:
    case 14:
      w.raw(PADDING);
      return;
    default:
      w.fixed(key.addr, 32);
  }
}

/** Serialized length of a Key (34 for URef, 9 for EraInfo, else 33). */
export function keySerializedLength(key: Key): number {
  return key.tag === 2 ? 34 : key.tag === 5 ? 9 : 33;
}

/** Decodes exactly one Key. */
export function decodeKey(bytes: Uint8Array): DecodeResult<Key> {
  return fromBytes(bytes, readKey);
}

/** Serializes a Key. */
export function encodeKey(key: Key): Uint8Array {
  return toBytes(key, writeKey, 34);
}

/** Lowercase hex of the serialized Key. */
export function keyToHex(key: Key): string {
  return bytesToHex(encodeKey(key));
}

/** Key equality (derive(PartialEq): variant and payload; URef rights included). */
export function keyEquals(a: Key, b: Key): boolean {
  if (a.tag !== b.tag) return false;
  switch (a.tag) {
    case 2:
      return urefEquals(a.uref, (b as { uref: URef }).uref);
    case 5:
      return a.era === (b as { era: bigint }).era;
    case 10:
    case 11:
    case 13:
    case 14:
      return true;
    default:
      return bytesEqual(a.addr, (b as { addr: Uint8Array }).addr);
  }
}

/** Rust Ord of Key (derive(Ord)): variant tag, then payload (URef: addr then rights; EraInfo: numeric). */
export function compareKeys(a: Key, b: Key): number {
  if (a.tag !== b.tag) return a.tag - b.tag;
  switch (a.tag) {
    case 2:
      return compareURefs(a.uref, (b as { uref: URef }).uref);
    case 5: {
      const x = a.era;
      const y = (b as { era: bigint }).era;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 10:
    case 11:
    case 13:
    case 14:
      return 0;
    default:
      return compareBytes(a.addr, (b as { addr: Uint8Array }).addr);
  }
}

const PADDING_HEX = '0'.repeat(64);

/** casper-types `Key::to_formatted_string`, e.g. `account-hash-…`, `uref-…-007`, `era-42`. */
export function keyToFormattedString(key: Key): string {
  switch (key.tag) {
    case 0:
      return `account-hash-${bytesToHex(key.addr)}`;
    case 1:
      return `hash-${bytesToHex(key.addr)}`;
    case 2:
      return urefToFormattedString(key.uref);
    case 3:
      return `transfer-${bytesToHex(key.addr)}`;
    case 4:
      return `deploy-${bytesToHex(key.addr)}`;
    case 5:
      return `era-${key.era}`;
    case 6:
      return `balance-${bytesToHex(key.addr)}`;
    case 7:
      return `bid-${bytesToHex(key.addr)}`;
    case 8:
      return `withdraw-${bytesToHex(key.addr)}`;
    case 9:
      return `dictionary-${bytesToHex(key.addr)}`;
    case 10:
      return `system-contract-registry-${PADDING_HEX}`;
    case 11:
      return `era-summary-${PADDING_HEX}`;
    case 12:
      return `unbond-${bytesToHex(key.addr)}`;
    case 13:
      return `chainspec-registry-${PADDING_HEX}`;
    case 14:
      return `checksum-registry-${PADDING_HEX}`;
  }
}

const HEX2: string[] = [];
for (let i = 0; i < 256; i++) HEX2.push(i.toString(16).padStart(2, '0'));

/**
 * A compact, collision-free string for using a Key as a JavaScript Map key in global state:
 * two hex digits of the tag followed by the hex payload, with URef rights stripped (all rights
 * variants of one address map to the same entry, as `Key::normalize` makes them).
 */
export function keyStateId(key: Key): string {
  switch (key.tag) {
    case 2:
      return `02${bytesToHex(key.uref.addr)}`;
    case 5:
      return `05${key.era.toString(16)}`;
    case 10:
    case 11:
    case 13:
    case 14:
      return HEX2[key.tag];
    default:
      return HEX2[key.tag] + bytesToHex(key.addr);
  }
}

/** `account-hash-<hex>` (AccountHash `to_formatted_string`). */
export function accountHashToFormattedString(accountHash: Uint8Array): string {
  return `account-hash-${bytesToHex(accountHash)}`;
}

/** Reads an AccountHash (32 raw bytes, a view). */
export function readAccountHash(r: Reader): Uint8Array {
  return r.fixed(32);
}

/** Writes an AccountHash (exactly 32 bytes). */
export function writeAccountHash(w: Writer, accountHash: Uint8Array): void {
  w.fixed(accountHash, 32);
}

/** Decodes exactly one AccountHash. */
export function decodeAccountHash(bytes: Uint8Array): DecodeResult<Uint8Array> {
  return fromBytes(bytes, readAccountHash);
}
