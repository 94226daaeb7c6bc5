/**
 * Account (`types/src/account.rs`, `account/*.rs`): AccountHash ‖ NamedKeys ‖ main purse URef ‖
 * associated keys BTreeMap<AccountHash, Weight u8> ‖ action thresholds (deployment u8,
 * key_management u8). Thresholds are not validated on decode (as in casper-types).
 */
import { compareBytes } from './bytes';
import { type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { readSortedVec, writeSortedVec } from './collections';
import { type NamedKeys, readNamedKeys, writeNamedKeys } from './named-keys';
import { readURef, type URef, writeURef } from './uref';

/** One associated key and its weight. */
export interface AssociatedKey {
  /** The key's account hash. */
  readonly accountHash: Uint8Array;
  /** Weight 0..255. */
  readonly weight: number;
}

/** Action thresholds. */
export interface ActionThresholds {
  /** Weight needed to deploy. */
  readonly deployment: number;
  /** Weight needed to manage keys. */
  readonly keyManagement: number;
}

/** An account record. */
export interface Account {
  /** The account hash. */
  readonly accountHash: Uint8Array;
  /** Its named keys. */
  readonly namedKeys: NamedKeys;
  /** Its main purse. */
  readonly mainPurse: URef;
  /** Associated keys (serialized sorted by account hash). */
  readonly associatedKeys: readonly AssociatedKey[];
  /** Action thresholds. */
  readonly actionThresholds: ActionThresholds;
}

/** `Account::create`: itself as the only associated key (weight 1), thresholds 1/1. */
export function newAccount(accountHash: Uint8Array, mainPurse: URef, namedKeys: NamedKeys = new Map()): Account {
  return {
    accountHash,
    namedKeys,
    mainPurse,
    associatedKeys: [{ accountHash, weight: 1 }],
    actionThresholds: { deployment: 1, keyManagement: 1 },
  };
}

function compareAssociated(a: AssociatedKey, b: AssociatedKey): number {
  return compareBytes(a.accountHash, b.accountHash);
}

function readAssociated(r: Reader): AssociatedKey {
  const accountHash = r.fixed(32);
  return { accountHash, weight: r.u8() };
}

function writeAssociated(w: Writer, k: AssociatedKey): void {
  w.fixed(k.accountHash, 32);
  w.u8(k.weight);
}

/** Reads an Account. */
export function readAccount(r: Reader): Account {
  const accountHash = r.fixed(32);
  const namedKeys = readNamedKeys(r);
  const mainPurse = readURef(r);
  const associatedKeys = readSortedVec(r, readAssociated, compareAssociated);
  const deployment = r.u8();
  const keyManagement = r.u8();
  return { accountHash, namedKeys, mainPurse, associatedKeys, actionThresholds: { deployment, keyManagement } };
}

/** Writes an Account. */
export function writeAccount(w: Writer, a: Account): void {
  w.fixed(a.accountHash, 32);
  writeNamedKeys(w, a.namedKeys);
  writeURef(w, a.mainPurse);
  writeSortedVec(w, a.associatedKeys, writeAssociated, compareAssociated);
  w.u8(a.actionThresholds.deployment);
  w.u8(a.actionThresholds.keyManagement);
}

/** Decodes exactly one Account. */
export function decodeAccount(bytes: Uint8Array): DecodeResult<Account> {
  return fromBytes(bytes, readAccount);
}

/** Serializes an Account. */
export function encodeAccount(a: Account): Uint8Array {
  return toBytes(a, writeAccount, 128);
}
