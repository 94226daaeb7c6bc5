/**
 * The auction's entry-point bodies (casper-node 1.5.6 `execution_engine/src/system/auction.rs`
 * trait Auction), with the node's checks in the node's order. Each throws the revert of the
 * auction error (or propagated mint error) the Rust method returns.
 */

import type { Bid } from '../../types/auction';
import { CLValue } from '../../types/clvalue';
import { type PublicKey, publicKeyAccountHash, publicKeyEquals } from '../../types/public-key';
import {
  eraValidatorsCLValue,
  type RecipientEntry,
  recipientFromBid,
  snapshotCLValue,
  type SnapshotEra,
} from '../../types/seigniorage';
import { SYSTEM_ACCOUNT_HASH } from '../transfer';
import {
  createUnbondingPurse,
  getBids,
  handleDelegation,
  processUnbondRequests,
  readBidForValidator,
  setBids,
} from './detail';
import { AuctionError, auctionRevert, mintRevert } from './errors';
import {
  bidDecreaseStake,
  bidIncreaseStake,
  DELEGATION_RATE_DENOMINATOR,
  delegatorDecreaseStake,
  findDelegator,
  isLocked,
  processWithVestingSchedule,
  totalStakedAmount,
  unlockedBid,
  withDelegator,
  withoutDelegator,
} from './model';
import { AuctionKeys, type AuctionRuntime } from './runtime';

/** `get_era_validators`: each snapshot era's validators with their total stakes. */
export function getEraValidators(rt: AuctionRuntime): CLValue {
  return eraValidatorsCLValue(rt.snapshot());
}

/** `read_era_id`. */
export function readEraId(rt: AuctionRuntime): bigint {
  return rt.eraId();
}

/**
 * `add_bid`: bids disabled → AuctionBidsDisabled; amount 0 → BondTooSmall; rate > 100 →
 * DelegationRateTooLarge; not the key owner's session → InvalidContext. Tops up an existing bid
 * (re-activating it, taking the new rate) or creates an unlocked one with a new bonding purse;
 * the motes come from the deploy account's main purse (mint errors propagate). Returns the stake.
 */
export function addBid(rt: AuctionRuntime, publicKey: PublicKey, delegationRate: number, amount: bigint): bigint {
  if (!rt.allowAuctionBids()) throw auctionRevert(AuctionError.AuctionBidsDisabled);
  const accountHash = publicKeyAccountHash(publicKey);
  if (amount === 0n) throw auctionRevert(AuctionError.BondTooSmall);
  if (delegationRate > DELEGATION_RATE_DENOMINATOR) throw auctionRevert(AuctionError.DelegationRateTooLarge);
  if (!rt.isAllowedSessionCaller(accountHash)) throw auctionRevert(AuctionError.InvalidContext);
  const source = rt.mainPurse();
  const existing = rt.readBid(accountHash);
  if (existing) {
    const bid: Bid = existing.inactive ? { ...existing, inactive: false } : existing;
    const err = rt.mintTransferDirect(
      SYSTEM_ACCOUNT_HASH,
      source,
      bid.bondingPurse,
      amount,
      AuctionError.TransferToBidPurse,
    );
    if (err !== undefined) throw mintRevert(err);
    const updated = bidIncreaseStake({ ...bid, delegationRate }, amount);
    rt.writeBid(accountHash, updated);
    return updated.stakedAmount;
  }
  const bondingPurse = rt.createPurse();
  const err = rt.mintTransferDirect(SYSTEM_ACCOUNT_HASH, source, bondingPurse, amount, AuctionError.TransferToBidPurse);
  if (err !== undefined) throw mintRevert(err);
  rt.writeBid(accountHash, unlockedBid(publicKey, bondingPurse, amount, delegationRate));
  return amount;
}

/**
 * `withdraw_bid`: InvalidContext, ValidatorNotFound, then the stake decrease (UnbondTooLarge,
 * ValidatorFundsLocked) and an unbonding request for `amount`. When the stake reaches 0 every
 * delegator is unbonded with its whole stake, the delegators are cleared and the bid is marked
 * inactive (it stays in global state). Returns the remaining stake.
 */
export function withdrawBid(rt: AuctionRuntime, publicKey: PublicKey, amount: bigint): bigint {
  const accountHash = publicKeyAccountHash(publicKey);
  if (!rt.isAllowedSessionCaller(accountHash)) throw auctionRevert(AuctionError.InvalidContext);
  const found = rt.readBid(accountHash);
  if (!found) throw auctionRevert(AuctionError.ValidatorNotFound);
  const eraEnd = rt.eraEndTimestampMillis();
  let bid = bidDecreaseStake(found, amount, eraEnd);
  createUnbondingPurse(rt, publicKey, publicKey, bid.bondingPurse, amount, null);
  if (bid.stakedAmount === 0n) {
    for (const e of bid.delegators) {
      createUnbondingPurse(rt, publicKey, e.publicKey, e.delegator.bondingPurse, e.delegator.stakedAmount, null);
    }
    bid = { ...bid, delegators: [], inactive: true };
  }
  rt.writeBid(accountHash, bid);
  return bid.stakedAmount;
}

/**
 * `delegate`: AuctionBidsDisabled, BondTooSmall (0), InvalidContext, ValidatorNotFound,
 * ExceededDelegatorSizeLimit (a new delegator when the validator has the maximum),
 * DelegationAmountTooSmall (below minimum_delegation_amount), then `handle_delegation` from the
 * deploy account's main purse. Returns the delegator's stake with this validator.
 */
export function delegate(rt: AuctionRuntime, delegator: PublicKey, validator: PublicKey, amount: bigint): bigint {
  if (!rt.allowAuctionBids()) throw auctionRevert(AuctionError.AuctionBidsDisabled);
  const accountHash = publicKeyAccountHash(delegator);
  if (amount === 0n) throw auctionRevert(AuctionError.BondTooSmall);
  if (!rt.isAllowedSessionCaller(accountHash)) throw auctionRevert(AuctionError.InvalidContext);
  const source = rt.mainPurse();
  const bid = readBidForValidator(rt, publicKeyAccountHash(validator));
  const exists = findDelegator(bid, delegator) !== undefined;
  const max = rt.maxDelegatorsPerValidator();
  if (max !== null && bid.delegators.length >= max && !exists) {
    throw auctionRevert(AuctionError.ExceededDelegatorSizeLimit);
  }
  if (amount < rt.minimumDelegationAmount()) throw auctionRevert(AuctionError.DelegationAmountTooSmall);
  return handleDelegation(rt, bid, delegator, validator, source, amount);
}

/** Shared body of undelegate and redelegate after their own checks. */
function unbondDelegation(
  rt: AuctionRuntime,
  delegator: PublicKey,
  validator: PublicKey,
  amount: bigint,
  newValidator: PublicKey | null,
): bigint {
  const validatorAccountHash = publicKeyAccountHash(validator);
  const bid = rt.readBid(validatorAccountHash);
  if (!bid) throw auctionRevert(AuctionError.ValidatorNotFound);
  const current = findDelegator(bid, delegator);
  if (!current) throw auctionRevert(AuctionError.DelegatorNotFound);
  createUnbondingPurse(rt, validator, delegator, current.bondingPurse, amount, newValidator);
  const eraEnd = rt.eraEndTimestampMillis();
  const decreased = delegatorDecreaseStake(current, amount, eraEnd);
  const updated =
    decreased.stakedAmount === 0n ? withoutDelegator(bid, delegator) : withDelegator(bid, delegator, decreased);
  rt.writeBid(validatorAccountHash, updated);
  return decreased.stakedAmount;
}

/**
 * `undelegate`: InvalidContext, ValidatorNotFound, DelegatorNotFound, then an unbonding request
 * (bonding purse below `amount` → UnbondTooLarge) and the stake decrease (more than staked →
 * InvalidAmount; vesting → DelegatorFundsLocked); a delegation reaching 0 is removed. The motes
 * stay in the bonding purse until the request matures. Returns the remaining stake.
 */
export function undelegate(rt: AuctionRuntime, delegator: PublicKey, validator: PublicKey, amount: bigint): bigint {
  if (!rt.isAllowedSessionCaller(publicKeyAccountHash(delegator))) throw auctionRevert(AuctionError.InvalidContext);
  return unbondDelegation(rt, delegator, validator, amount, null);
}

/**
 * `redelegate`: InvalidContext, DelegationAmountTooSmall (below minimum_delegation_amount), then
 * as undelegate with `new_validator` recorded on the unbonding request. `new_validator` is not
 * checked here: when the request matures, the stake moves to it if it then has a bid with a
 * non-zero stake (and room for a new delegator), else it is paid back to the delegator.
 */
export function redelegate(
  rt: AuctionRuntime,
  delegator: PublicKey,
  validator: PublicKey,
  amount: bigint,
  newValidator: PublicKey,
): bigint {
  if (!rt.isAllowedSessionCaller(publicKeyAccountHash(delegator))) throw auctionRevert(AuctionError.InvalidContext);
  if (amount < rt.minimumDelegationAmount()) throw auctionRevert(AuctionError.DelegationAmountTooSmall);
  return unbondDelegation(rt, delegator, validator, amount, newValidator);
}

/** `activate_bid`: InvalidContext, ValidatorNotFound; clears the bid's inactive flag. */
export function activateBid(rt: AuctionRuntime, validator: PublicKey): void {
  const accountHash = publicKeyAccountHash(validator);
  if (!rt.isAllowedSessionCaller(accountHash)) throw auctionRevert(AuctionError.InvalidContext);
  const bid = rt.readBid(accountHash);
  if (!bid) throw auctionRevert(AuctionError.ValidatorNotFound);
  rt.writeBid(accountHash, { ...bid, inactive: false });
}

/**
 * `run_auction` (system only, else InvalidCaller): settles matured unbonding requests, processes
 * vesting schedules and evictions, picks the winners (validators still vesting first, then the
 * others by total stake, descending, up to validator_slots), records them as the recipients of
 * era + 1 + auction_delay in the snapshot (keeping auction_delay + 1 eras), then advances era_id
 * and era_end_timestamp_millis, and rewrites all bids when any changed.
 */
export function runAuction(
  rt: AuctionRuntime,
  eraEndTimestampMillis: bigint,
  evictedValidators: readonly PublicKey[],
  maxDelegatorsPerValidator: number | null,
): void {
  if (!rt.isSystem()) throw auctionRevert(AuctionError.InvalidCaller);
  const period = rt.vestingSchedulePeriodMillis();
  const validatorSlots = rt.validatorSlots();
  const auctionDelay = rt.auctionDelay();
  const snapshotSize = Number(auctionDelay) + 1;
  let eraId = rt.eraId();

  processUnbondRequests(rt, maxDelegatorsPerValidator);

  let bidsModified = false;
  const bids = getBids(rt).map((b) => {
    const processed = processWithVestingSchedule(b, eraEndTimestampMillis, period);
    if (processed.initialized) bidsModified = true;
    let bid = processed.bid;
    if (evictedValidators.some((v) => publicKeyEquals(v, bid.validatorPublicKey))) {
      bid = { ...bid, inactive: true };
      bidsModified = true;
    }
    return bid;
  });

  const locked = bids.filter((b) => isLocked(b, eraEndTimestampMillis, period) && !b.inactive);
  for (const b of locked) totalStakedAmount(b); // their weights are summed too (overflow → InvalidAmount)
  const unlocked = bids
    .filter((b) => !isLocked(b, eraEndTimestampMillis, period) && !b.inactive)
    .map((b) => ({ bid: b, total: totalStakedAmount(b) }));
  unlocked.sort((a, b) => (a.total > b.total ? -1 : a.total < b.total ? 1 : 0));
  const remainingSlots = Math.max(0, validatorSlots - locked.length);
  const winners = [...locked, ...unlocked.slice(0, remainingSlots).map((u) => u.bid)];

  eraId += 1n;
  const delayedEra = eraId + auctionDelay;
  const recipients: RecipientEntry[] = winners.map((b) => ({
    publicKey: b.validatorPublicKey,
    recipient: recipientFromBid(b),
  }));
  const snapshot: SnapshotEra[] = [...rt.snapshot()];
  if (snapshot.some((e) => e.era === delayedEra)) throw new Error(`run_auction: era ${delayedEra} already recorded`);
  snapshot.push({ era: delayedEra, recipients });
  snapshot.sort((a, b) => (a.era < b.era ? -1 : 1));
  rt.writeNamed(AuctionKeys.seigniorageRecipientsSnapshot, snapshotCLValue(snapshot.slice(-snapshotSize)));
  rt.writeNamed(AuctionKeys.eraId, CLValue.u64(eraId));
  rt.writeNamed(AuctionKeys.eraEndTimestampMillis, CLValue.u64(eraEndTimestampMillis));
  if (bidsModified) setBids(rt, bids);
}
