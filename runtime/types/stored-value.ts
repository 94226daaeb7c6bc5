/**
 * StoredValue (`types/src/stored_value.rs`, casper-types 4.0.1): a tag byte then the record.
 * Tags: 0 CLValue, 1 Account, 2 ContractWasm, 3 Contract, 4 ContractPackage, 5 Transfer,
 * 6 DeployInfo, 7 EraInfo, 8 Bid, 9 Withdraw (Vec<WithdrawPurse>), 10 Unbonding (Vec<UnbondingPurse>).
 */
import { type Account, readAccount, writeAccount } from './account';
import {
  type Bid,
  type EraInfo,
  readBid,
  readEraInfo,
  readUnbondingPurse,
  readWithdrawPurse,
  type UnbondingPurse,
  type WithdrawPurse,
  writeBid,
  writeEraInfo,
  writeUnbondingPurse,
  writeWithdrawPurse,
} from './auction';
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { type CLValue, readCLValue, writeCLValue } from './clvalue';
import {
  type Contract,
  type ContractPackage,
  readContract,
  readContractPackage,
  readContractWasm,
  writeContract,
  writeContractPackage,
  writeContractWasm,
} from './contract';
import {
  type DeployInfo,
  readDeployInfo,
  readTransfer,
  type Transfer,
  writeDeployInfo,
  writeTransfer,
} from './transfer';

/** StoredValue tags. */
export const StoredValueTag = {
  CLValue: 0,
  Account: 1,
  ContractWasm: 2,
  Contract: 3,
  ContractPackage: 4,
  Transfer: 5,
  DeployInfo: 6,
  EraInfo: 7,
  Bid: 8,
  Withdraw: 9,
  Unbonding: 10,
} as const;

/** A value in global state. */
export type StoredValue =
  | { readonly tag: 0; readonly clValue: CLValue }
  | { readonly tag: 1; readonly account: Account }
  | { readonly tag: 2; readonly contractWasm: Uint8Array }
  | { readonly tag: 3; readonly contract: Contract }
  | { readonly tag: 4; readonly contractPackage: ContractPackage }
  | { readonly tag: 5; readonly transfer: Transfer }
  | { readonly tag: 6; readonly deployInfo: DeployInfo }
  | { readonly tag: 7; readonly eraInfo: EraInfo }
  | { readonly tag: 8; readonly bid: Bid }
  | { readonly tag: 9; readonly withdraw: readonly WithdrawPurse[] }
  | { readonly tag: 10; readonly unbonding: readonly UnbondingPurse[] };

/** StoredValue variant names, by tag. */
export const STORED_VALUE_VARIANT_NAMES: readonly string[] = [
  'CLValue',
  'Account',
  'ContractWasm',
  'Contract',
  'ContractPackage',
  'Transfer',
  'DeployInfo',
  'EraInfo',
  'Bid',
  'Withdraw',
  'Unbonding',
];

/** casper-types `StoredValue::type_name()`, e.g. "CLValue", "Account", "ContractPackage". */
export function storedValueTypeName(v: StoredValue): string {
  return STORED_VALUE_VARIANT_NAMES[v.tag];
}

/** Reads a StoredValue (unknown tag → Formatting). */
export function readStoredValue(r: Reader): StoredValue {
  const tag = r.u8();
  switch (tag) {
    case 0:
      return { tag, clValue: readCLValue(r) };
    case 1:
      return { tag, account: readAccount(r) };
    case 2:
      return { tag, contractWasm: readContractWasm(r) };
    case 3:
      return { tag, contract: readContract(r) };
    case 4:
      return { tag, contractPackage: readContractPackage(r) };
    case 5:
      return { tag, transfer: readTransfer(r) };
    case 6:
      return { tag, deployInfo: readDeployInfo(r) };
    case 7:
      return { tag, eraInfo: readEraInfo(r) };
    case 8:
      return { tag, bid: readBid(r) };
    case 9:
      return { tag, withdraw: r.vec(readWithdrawPurse) };
    case 10:
      return { tag, unbonding: r.vec(readUnbondingPurse) };
    default:
      return r.fail(BytesReprError.Formatting);
  }
}

/** Writes a StoredValue. */
export function writeStoredValue(w: Writer, v: StoredValue): void {
  w.u8(v.tag);
  switch (v.tag) {
    case 0:
      writeCLValue(w, v.clValue);
      return;
    case 1:
      writeAccount(w, v.account);
      return;
    case 2:
      writeContractWasm(w, v.contractWasm);
      return;
    case 3:
      writeContract(w, v.contract);
      return;
    case 4:
      writeContractPackage(w, v.contractPackage);
      return;
    case 5:
      writeTransfer(w, v.transfer);
      return;
    case 6:
      writeDeployInfo(w, v.deployInfo);
      return;
    case 7:
      writeEraInfo(w, v.eraInfo);
      return;
    case 8:
      writeBid(w, v.bid);
      return;
    case 9:
      w.vec(v.withdraw, writeWithdrawPurse);
      return;
    case 10:
      w.vec(v.unbonding, writeUnbondingPurse);
      return;
  }
}

/** Decodes exactly one StoredValue. */
export function decodeStoredValue(bytes: Uint8Array): DecodeResult<StoredValue> {
  return fromBytes(bytes, readStoredValue);
}

/** Serializes a StoredValue. */
export function encodeStoredValue(v: StoredValue): Uint8Array {
  return toBytes(v, writeStoredValue, 128);
}

/**
 * Serialized length (storage gas is charged per byte of it). CLValue and ContractWasm are
 * computed without serializing; other records are serialized to measure them.
 */
export function storedValueSerializedLength(v: StoredValue): number {
  if (v.tag === 0) return 1 + v.clValue.serializedLength();
  if (v.tag === 2) return 5 + v.contractWasm.length;
  return encodeStoredValue(v).length;
}

/** StoredValue::CLValue(v). */
export function storedCLValue(clValue: CLValue): StoredValue {
  return { tag: 0, clValue };
}
