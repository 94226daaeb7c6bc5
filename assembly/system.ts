// contract_api::system, camelCased: system contract hashes, purses, balances, transfers, and
// the auction calls the standard client sessions make (argument names and types as the node's
// auction expects them).

import { getMainPurse } from './account';
import { U512 } from './bignum';
import { allocBytes, Decoded, Encoder, fromBytesAt } from './bytesrepr';
import { ApiError, Outcome, revert } from './error';
import {
  casper_create_purse,
  casper_get_balance,
  casper_get_system_contract,
  casper_transfer_from_purse_to_account,
  casper_transfer_from_purse_to_purse,
  casper_transfer_to_account,
} from './externals';
import { AccountHash, ContractHash } from './hashes';
import { hostValueOrRevert, SCRATCH } from './host';
import { Option } from './option';
import { PublicKey } from './public_key';
import { callContract } from './runtime';
import { RuntimeArgs } from './runtime_args';
import { URef } from './uref';

/** System contract indices of `casper_get_system_contract`. */
export namespace SystemContract {
  /** The mint. */
  export const Mint: u32 = 0;
  /** Handle payment. */
  export const HandlePayment: u32 = 1;
  /** Standard payment. */
  export const StandardPayment: u32 = 2;
  /** The auction. */
  export const Auction: u32 = 3;
}

/** Where a transfer to an account went (casper-types `TransferredTo`). */
export namespace TransferredTo {
  /** The target account existed. */
  export const ExistingAccount: u32 = 0;
  /** The transfer created the target account. */
  export const NewAccount: u32 = 1;
}

// Auction entry point and argument names are written as literals inside the functions: asc
// emits every module-level string constant into every module that imports this file.

/** The hash of system contract `index` (a SystemContract value); errors revert. */
export function getSystemContract(index: u32): ContractHash {
  const out = allocBytes(32);
  const ret = casper_get_system_contract(index, changetype<usize>(out), 32);
  if (ret != 0) revert(<u32>ret);
  return new ContractHash(out);
}

/** The mint's contract hash. */
export function getMint(): ContractHash {
  return getSystemContract(SystemContract.Mint);
}

/** The handle-payment contract's hash. */
export function getHandlePayment(): ContractHash {
  return getSystemContract(SystemContract.HandlePayment);
}

/** The standard-payment contract's hash. */
export function getStandardPayment(): ContractHash {
  return getSystemContract(SystemContract.StandardPayment);
}

/** The auction's contract hash. */
export function getAuction(): ContractHash {
  return getSystemContract(SystemContract.Auction);
}

/** A new empty purse (READ_ADD_WRITE); errors revert. */
export function createPurse(): URef {
  const out = heap.alloc(33);
  const ret = casper_create_purse(out, 33);
  if (ret != 0) revert(<u32>ret);
  const r = fromBytesAt<URef>(out, 33);
  if (r.error != 0) revert(r.error);
  return r.value;
}

/** The balance of `purse`, or null when it is not a purse (InvalidPurse); other errors revert. */
export function getPurseBalance(purse: URef): U512 | null {
  const p = new Encoder(33);
  purse.encode(p);
  const ret = casper_get_balance(p.ptr, p.len, SCRATCH);
  if (ret == <i32>ApiError.InvalidPurse) return null;
  if (ret != 0) revert(<u32>ret);
  return hostValueOrRevert<U512>(load<u32>(SCRATCH));
}

/** The balance of the account's main purse. */
export function getBalance(): U512 | null {
  return getPurseBalance(getMainPurse());
}

/** Option<u64> bytes: `00` for None, `01` + u64 for Some. */
/**
 * Static scratch for a transfer's amount (U512, at most 65 bytes, at +0) and id (Option<u64>, at
 * most 9 bytes, at +72): the transfer paths then need no Encoder.
 */
const TRANSFER_ARGS: usize = memory.data(88, 8);

/** Serializes `amount` at TRANSFER_ARGS; returns its length. */
function amountArg(amount: U512): u32 {
  return amount.serializeTo(TRANSFER_ARGS);
}

/** Serializes `id` (`00`, or `01` + u64) at TRANSFER_ARGS + 72; returns its length. */
function idArg(id: Option<u64>): u32 {
  store<u8>(TRANSFER_ARGS + 72, <u8>id.isSome);
  if (!id.isSome) return 1;
  store<u64>(TRANSFER_ARGS + 73, id.value);
  return 9;
}

function encoded<T>(v: T): Encoder {
  const enc = new Encoder(40);
  // @ts-ignore: class protocol
  v.encode(enc);
  return enc;
}

/** The TransferredTo value the host wrote to SCRATCH after a successful transfer (ApiError::Transfer if unknown). */
function transferredTo(): Outcome<u32> {
  const to = load<u32>(SCRATCH);
  return to > TransferredTo.NewAccount ? new Decoded<u32>(0, ApiError.Transfer) : new Decoded<u32>(to, 0);
}

/** Same as transferredTo, reverting on an unknown value. */
function transferredToOrRevert(): u32 {
  const to = load<u32>(SCRATCH);
  if (to > TransferredTo.NewAccount) revert(ApiError.Transfer);
  return to;
}

function toAccount(target: AccountHash, amount: U512, id: Option<u64>): i32 {
  const aLen = amountArg(amount);
  const iLen = idArg(id);
  return casper_transfer_to_account(
    changetype<usize>(target.bytes),
    32,
    TRANSFER_ARGS,
    aLen,
    TRANSFER_ARGS + 72,
    iLen,
    SCRATCH,
  );
}

function fromPurseToAccount(source: URef, target: AccountHash, amount: U512, id: Option<u64>): i32 {
  const s = encoded<URef>(source);
  const aLen = amountArg(amount);
  const iLen = idArg(id);
  return casper_transfer_from_purse_to_account(
    s.ptr,
    s.len,
    changetype<usize>(target.bytes),
    32,
    TRANSFER_ARGS,
    aLen,
    TRANSFER_ARGS + 72,
    iLen,
    SCRATCH,
  );
}

/**
 * Transfers `amount` motes from the main purse to account `target` (created if new). Returns the
 * TransferredTo value, or the error (e.g. ApiError.mint(InsufficientFunds) = 65024).
 */
export function transferToAccount(
  target: AccountHash,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): Outcome<u32> {
  const ret = toAccount(target, amount, id);
  return ret != 0 ? new Decoded<u32>(0, <u32>ret) : transferredTo();
}

/** transferToAccount, reverting on error; returns the TransferredTo value. */
export function transferToAccountOrRevert(
  target: AccountHash,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): u32 {
  const ret = toAccount(target, amount, id);
  if (ret != 0) revert(<u32>ret);
  return transferredToOrRevert();
}

/** Transfers from the main purse to the account of public key `target`. */
export function transferToPublicKey(
  target: PublicKey,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): Outcome<u32> {
  return transferToAccount(target.toAccountHash(), amount, id);
}

/** transferToPublicKey, reverting on error. */
export function transferToPublicKeyOrRevert(
  target: PublicKey,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): u32 {
  return transferToAccountOrRevert(target.toAccountHash(), amount, id);
}

/** Transfers `amount` from purse `source` to account `target`; as transferToAccount. */
export function transferFromPurseToAccount(
  source: URef,
  target: AccountHash,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): Outcome<u32> {
  const ret = fromPurseToAccount(source, target, amount, id);
  return ret != 0 ? new Decoded<u32>(0, <u32>ret) : transferredTo();
}

/** transferFromPurseToAccount, reverting on error. */
export function transferFromPurseToAccountOrRevert(
  source: URef,
  target: AccountHash,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): u32 {
  const ret = fromPurseToAccount(source, target, amount, id);
  if (ret != 0) revert(<u32>ret);
  return transferredToOrRevert();
}

/** Transfers `amount` between purses; returns 0 or the ApiError code (65024 + mint error). */
export function transferFromPurseToPurse(
  source: URef,
  target: URef,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): u32 {
  const s = encoded<URef>(source);
  const t = encoded<URef>(target);
  const aLen = amountArg(amount);
  const iLen = idArg(id);
  return <u32>(
    casper_transfer_from_purse_to_purse(s.ptr, s.len, t.ptr, t.len, TRANSFER_ARGS, aLen, TRANSFER_ARGS + 72, iLen)
  );
}

/** transferFromPurseToPurse, reverting on error. */
export function transferFromPurseToPurseOrRevert(
  source: URef,
  target: URef,
  amount: U512,
  id: Option<u64> = Option.none<u64>(),
): void {
  const e = transferFromPurseToPurse(source, target, amount, id);
  if (e != 0) revert(e);
}

/** Delegates `amount` from `delegator`'s main purse to `validator`; returns the new delegated stake. Auction errors revert. */
export function delegate(delegator: PublicKey, validator: PublicKey, amount: U512): U512 {
  const args = new RuntimeArgs()
    .insert<PublicKey>('delegator', delegator)
    .insert<PublicKey>('validator', validator)
    .insert<U512>('amount', amount);
  return callContract<U512>(getAuction(), 'delegate', args);
}

/** Undelegates `amount`; returns the remaining delegated stake. Auction errors revert. */
export function undelegate(delegator: PublicKey, validator: PublicKey, amount: U512): U512 {
  const args = new RuntimeArgs()
    .insert<PublicKey>('delegator', delegator)
    .insert<PublicKey>('validator', validator)
    .insert<U512>('amount', amount);
  return callContract<U512>(getAuction(), 'undelegate', args);
}

/** Moves `amount` of a delegation to `newValidator` (after the unbonding delay); returns the remaining stake. */
export function redelegate(delegator: PublicKey, validator: PublicKey, amount: U512, newValidator: PublicKey): U512 {
  const args = new RuntimeArgs()
    .insert<PublicKey>('delegator', delegator)
    .insert<PublicKey>('validator', validator)
    .insert<U512>('amount', amount)
    .insert<PublicKey>('new_validator', newValidator);
  return callContract<U512>(getAuction(), 'redelegate', args);
}

/** Adds (or tops up) a validator bid of `amount` at `delegationRate` percent; returns the new stake. */
export function addBid(publicKey: PublicKey, amount: U512, delegationRate: u8): U512 {
  const args = new RuntimeArgs()
    .insert<PublicKey>('public_key', publicKey)
    .insert<U512>('amount', amount)
    .insert<u8>('delegation_rate', delegationRate);
  return callContract<U512>(getAuction(), 'add_bid', args);
}

/**
 * Withdraws `amount` from a validator bid; returns the remaining stake. The arguments go in the
 * client contract's order (`amount`, then `public_key`), so the call's bytes match its.
 */
export function withdrawBid(publicKey: PublicKey, amount: U512): U512 {
  const args = new RuntimeArgs().insert<U512>('amount', amount).insert<PublicKey>('public_key', publicKey);
  return callContract<U512>(getAuction(), 'withdraw_bid', args);
}
