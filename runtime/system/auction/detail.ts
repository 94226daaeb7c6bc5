/**
 * The auction's shared steps (casper-node 1.5.6 `execution_engine/src/system/auction/detail.rs`):
 * unbonding requests, delegation, bids by public key, and processing matured unbonding requests.
 */

import { ExecutionError } from '../../engine/errors';
import type { Bid, UnbondingPurse } from '../../types/auction';
import { comparePublicKeys, type PublicKey, publicKeyAccountHash } from '../../types/public-key';
import type { URef } from '../../types/uref';
import { SYSTEM_ACCOUNT_HASH } from '../transfer';
import { AuctionError, auctionRevert, mintRevert } from './errors';
import { delegatorIncreaseStake, findDelegator, withDelegator } from './model';
import type { AuctionRuntime } from './runtime';

/** `KeyTag::Bid`. */
const BID_TAG = 7;
/** `KeyTag::Unbond`. */
const UNBOND_TAG = 12;

/** `get_bids`: every Bid in global state, sorted by validator public key. */
export function getBids(rt: AuctionRuntime): Bid[] {
  const bids: Bid[] = [];
  for (const key of rt.getKeys(BID_TAG)) {
    if (key.tag !== BID_TAG) throw auctionRevert(AuctionError.InvalidKeyVariant);
    const bid = rt.readBid(key.addr);
    if (!bid) throw auctionRevert(AuctionError.ValidatorNotFound);
    bids.push(bid);
  }
  return bids.sort((a, b) => comparePublicKeys(a.validatorPublicKey, b.validatorPublicKey));
}

/** `set_bids`: writes every bid under its validator's account hash. */
export function setBids(rt: AuctionRuntime, bids: readonly Bid[]): void {
  for (const bid of bids) rt.writeBid(publicKeyAccountHash(bid.validatorPublicKey), bid);
}

/**
 * `create_unbonding_purse`: the bonding purse must hold at least `amount` (else UnbondTooLarge);
 * appends an UnbondingPurse (era of creation = the current era) to the list at
 * Key::Unbond(validator's account hash).
 */
export function createUnbondingPurse(
  rt: AuctionRuntime,
  validatorPublicKey: PublicKey,
  unbonderPublicKey: PublicKey,
  bondingPurse: URef,
  amount: bigint,
  newValidator: PublicKey | null,
): void {
  if ((rt.getBalance(bondingPurse) ?? 0n) < amount) throw auctionRevert(AuctionError.UnbondTooLarge);
  const validatorAccountHash = publicKeyAccountHash(validatorPublicKey);
  const purses = rt.readUnbond(validatorAccountHash);
  const eraOfCreation = rt.eraId();
  purses.push({ bondingPurse, validatorPublicKey, unbonderPublicKey, eraOfCreation, amount, newValidator });
  rt.writeUnbond(validatorAccountHash, purses);
}

/** `read_bid_for_validator`: the validator's bid, else ValidatorNotFound. */
export function readBidForValidator(rt: AuctionRuntime, validatorAccountHash: Uint8Array): Bid {
  const bid = rt.readBid(validatorAccountHash);
  if (!bid) throw auctionRevert(AuctionError.ValidatorNotFound);
  return bid;
}

/**
 * `handle_delegation`: moves `amount` from `source` into the delegator's bonding purse (a new
 * purse for a new delegator), records the stake and writes the bid. A mint error is propagated
 * as Mint(n); a failed call as TransferToDelegatorPurse. Returns the delegator's new stake.
 */
export function handleDelegation(
  rt: AuctionRuntime,
  bid: Bid,
  delegatorPublicKey: PublicKey,
  validatorPublicKey: PublicKey,
  source: URef,
  amount: bigint,
): bigint {
  const validatorAccountHash = publicKeyAccountHash(validatorPublicKey);
  const existing = findDelegator(bid, delegatorPublicKey);
  let updated: Bid;
  let stake: bigint;
  if (existing) {
    const err = rt.mintTransferDirect(
      SYSTEM_ACCOUNT_HASH,
      source,
      existing.bondingPurse,
      amount,
      AuctionError.TransferToDelegatorPurse,
    );
    if (err !== undefined) throw mintRevert(err);
    const delegator = delegatorIncreaseStake(existing, amount);
    updated = withDelegator(bid, delegatorPublicKey, delegator);
    stake = delegator.stakedAmount;
  } else {
    const bondingPurse = rt.createPurse();
    const err = rt.mintTransferDirect(
      SYSTEM_ACCOUNT_HASH,
      source,
      bondingPurse,
      amount,
      AuctionError.TransferToDelegatorPurse,
    );
    if (err !== undefined) throw mintRevert(err);
    updated = withDelegator(bid, delegatorPublicKey, {
      delegatorPublicKey,
      stakedAmount: amount,
      bondingPurse,
      validatorPublicKey,
      vestingSchedule: null,
    });
    stake = amount;
  }
  rt.writeBid(validatorAccountHash, updated);
  return stake;
}

/**
 * `process_unbond_requests` (system only, else InvalidCaller): for every Key::Unbond list (in key
 * order), each purse with era_of_creation + unbonding_delay ≤ the current era is settled — a
 * redelegation to a validator whose bid exists with a non-zero stake and room under the delegator
 * cap becomes a delegation from the old bonding purse, anything else is paid to the unbonder's
 * main purse — and the rest stays. Every list is written back, even when it is now empty.
 */
export function processUnbondRequests(rt: AuctionRuntime, maxDelegatorsPerValidator: number | null): void {
  if (!rt.isSystem()) throw auctionRevert(AuctionError.InvalidCaller);
  const lists: Array<{ accountHash: Uint8Array; purses: UnbondingPurse[] }> = [];
  for (const key of rt.getKeys(UNBOND_TAG)) {
    if (key.tag !== UNBOND_TAG) throw auctionRevert(AuctionError.InvalidKeyVariant);
    lists.push({ accountHash: key.addr, purses: rt.readUnbond(key.addr) });
  }
  const currentEra = rt.eraId();
  const unbondingDelay = rt.unbondingDelay();
  const payOut = (purse: UnbondingPurse) => {
    try {
      rt.unbond(purse);
    } catch (e) {
      if (e instanceof ExecutionError && e.kind === 'Revert')
        throw auctionRevert(AuctionError.TransferToUnbondingPurse);
      throw e;
    }
  };
  for (const list of lists) {
    const kept: UnbondingPurse[] = [];
    for (const purse of list.purses) {
      if (currentEra < purse.eraOfCreation + unbondingDelay) {
        kept.push(purse);
        continue;
      }
      const newValidator = purse.newValidator;
      if (newValidator === null) {
        payOut(purse);
        continue;
      }
      let bid: Bid | undefined;
      try {
        bid = rt.readBid(publicKeyAccountHash(newValidator));
      } catch (e) {
        if (!(e instanceof ExecutionError)) throw e;
        bid = undefined;
      }
      const underCap = (n: number) => maxDelegatorsPerValidator === null || n < maxDelegatorsPerValidator;
      if (bid && bid.stakedAmount !== 0n && underCap(bid.delegators.length)) {
        handleDelegation(rt, bid, purse.unbonderPublicKey, newValidator, purse.bondingPurse, purse.amount);
      } else {
        payOut(purse);
      }
    }
    list.purses = kept;
  }
  for (const list of lists) rt.writeUnbond(list.accountHash, list.purses);
}
