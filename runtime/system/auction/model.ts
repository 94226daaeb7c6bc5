/**
 * The behaviour of the auction's records (casper-types 4.0.1 `system/auction/bid.rs`,
 * `bid/vesting.rs`, `delegator.rs`): stake changes with their vesting checks, vesting schedule
 * initialization, and the delegator map of a Bid. Records are immutable values; every change
 * returns a new one. Failures throw the auction error the Rust method returns.
 */

import type { Bid, Delegator, DelegatorEntry, VestingSchedule } from '../../types/auction';
import { LOCKED_AMOUNTS_LENGTH } from '../../types/auction';
import { comparePublicKeys, type PublicKey, publicKeyEquals } from '../../types/public-key';
import { AuctionError, auctionRevert } from './errors';

const DAY_MILLIS = 24n * 60n * 60n * 1000n;
/** One week in milliseconds (vesting steps). */
export const WEEK_MILLIS = 7n * DAY_MILLIS;
const U512_MAX = (1n << 512n) - 1n;

/** `DELEGATION_RATE_DENOMINATOR`: the largest delegation rate. */
export const DELEGATION_RATE_DENOMINATOR = 100;

/** `VestingSchedule::locked_amount`: null before initialization or before the release time. */
export function lockedAmount(vs: VestingSchedule, timestampMillis: bigint): bigint | null {
  if (vs.lockedAmounts === null) return null;
  if (timestampMillis < vs.initialReleaseTimestampMillis) return null;
  const index = Number((timestampMillis - vs.initialReleaseTimestampMillis) / WEEK_MILLIS);
  return vs.lockedAmounts[index] ?? 0n;
}

/** `VestingSchedule::is_vesting`. */
export function isVesting(vs: VestingSchedule, timestampMillis: bigint, periodMillis: bigint): boolean {
  let vestedPeriod: bigint;
  if (vs.lockedAmounts !== null) {
    const weeks = vs.lockedAmounts.findIndex((a) => a === 0n);
    vestedPeriod = vs.initialReleaseTimestampMillis + BigInt(weeks) * WEEK_MILLIS;
  } else {
    vestedPeriod = vs.initialReleaseTimestampMillis + periodMillis;
  }
  return timestampMillis < vestedPeriod;
}

/**
 * `VestingSchedule::initialize_with_schedule`: the weekly locked amounts, or null when already
 * initialized. A period of 0 weeks unlocks everything at once.
 */
export function initializeWithSchedule(
  vs: VestingSchedule,
  staked: bigint,
  periodMillis: bigint,
): VestingSchedule | null {
  if (vs.lockedAmounts !== null) return null;
  const weeks = Number(periodMillis / DAY_MILLIS / 7n);
  if (weeks >= LOCKED_AMOUNTS_LENGTH) {
    throw new Error(`vesting schedule period must be less than ${LOCKED_AMOUNTS_LENGTH} weeks`);
  }
  const amounts = new Array<bigint>(LOCKED_AMOUNTS_LENGTH).fill(0n);
  if (weeks > 0 && periodMillis !== 0n) {
    const weekly = staked / BigInt(weeks + 1);
    let remaining = staked;
    for (let i = 0; i < weeks; i++) {
      remaining -= weekly;
      amounts[i] = remaining;
    }
  }
  return { initialReleaseTimestampMillis: vs.initialReleaseTimestampMillis, lockedAmounts: amounts };
}

function checkedAdd(a: bigint, b: bigint): bigint {
  const s = a + b;
  if (s > U512_MAX) throw auctionRevert(AuctionError.InvalidAmount);
  return s;
}

/** `Bid::increase_stake` (overflow → InvalidAmount). */
export function bidIncreaseStake(bid: Bid, amount: bigint): Bid {
  return { ...bid, stakedAmount: checkedAdd(bid.stakedAmount, amount) };
}

/**
 * `Bid::decrease_stake`: more than staked → UnbondTooLarge; with a vesting schedule, below the
 * locked amount at `eraEndTimestampMillis` (or with no locked amounts yet) → ValidatorFundsLocked.
 */
export function bidDecreaseStake(bid: Bid, amount: bigint, eraEndTimestampMillis: bigint): Bid {
  if (amount > bid.stakedAmount) throw auctionRevert(AuctionError.UnbondTooLarge);
  const updated = bid.stakedAmount - amount;
  if (bid.vestingSchedule !== null) {
    const locked = lockedAmount(bid.vestingSchedule, eraEndTimestampMillis);
    if (locked === null || updated < locked) throw auctionRevert(AuctionError.ValidatorFundsLocked);
  }
  return { ...bid, stakedAmount: updated };
}

/** `Delegator::increase_stake` (overflow → InvalidAmount). */
export function delegatorIncreaseStake(d: Delegator, amount: bigint): Delegator {
  return { ...d, stakedAmount: checkedAdd(d.stakedAmount, amount) };
}

/** `Delegator::decrease_stake`: more than staked → InvalidAmount; vesting → DelegatorFundsLocked. */
export function delegatorDecreaseStake(d: Delegator, amount: bigint, eraEndTimestampMillis: bigint): Delegator {
  if (amount > d.stakedAmount) throw auctionRevert(AuctionError.InvalidAmount);
  const updated = d.stakedAmount - amount;
  if (d.vestingSchedule !== null) {
    const locked = lockedAmount(d.vestingSchedule, eraEndTimestampMillis);
    if (locked === null || updated < locked) throw auctionRevert(AuctionError.DelegatorFundsLocked);
  }
  return { ...d, stakedAmount: updated };
}

/** `Bid::unlocked`: a new active bid without vesting schedule or delegators. */
export function unlockedBid(
  validatorPublicKey: PublicKey,
  bondingPurse: Bid['bondingPurse'],
  stakedAmount: bigint,
  delegationRate: number,
): Bid {
  return {
    validatorPublicKey,
    bondingPurse,
    stakedAmount,
    delegationRate,
    vestingSchedule: null,
    delegators: [],
    inactive: false,
  };
}

/** `Bid::locked`: a genesis bid whose vesting starts at `releaseTimestampMillis`. */
export function lockedBid(
  validatorPublicKey: PublicKey,
  bondingPurse: Bid['bondingPurse'],
  stakedAmount: bigint,
  delegationRate: number,
  releaseTimestampMillis: bigint,
): Bid {
  return {
    ...unlockedBid(validatorPublicKey, bondingPurse, stakedAmount, delegationRate),
    vestingSchedule: { initialReleaseTimestampMillis: releaseTimestampMillis, lockedAmounts: null },
  };
}

/** The delegation of `delegator` in `bid`, if any. */
export function findDelegator(bid: Bid, delegator: PublicKey): Delegator | undefined {
  return bid.delegators.find((e) => publicKeyEquals(e.publicKey, delegator))?.delegator;
}

/** `delegators.insert(key, delegator)`: the bid with that entry added or replaced (kept sorted). */
export function withDelegator(bid: Bid, key: PublicKey, delegator: Delegator): Bid {
  const entries: DelegatorEntry[] = bid.delegators.filter((e) => !publicKeyEquals(e.publicKey, key));
  entries.push({ publicKey: key, delegator });
  entries.sort((a, b) => comparePublicKeys(a.publicKey, b.publicKey));
  return { ...bid, delegators: entries };
}

/** `delegators.remove(key)`. */
export function withoutDelegator(bid: Bid, key: PublicKey): Bid {
  return { ...bid, delegators: bid.delegators.filter((e) => !publicKeyEquals(e.publicKey, key)) };
}

/** `Bid::total_staked_amount`: own stake plus every delegator's (overflow → InvalidAmount). */
export function totalStakedAmount(bid: Bid): bigint {
  let sum = 0n;
  for (const e of bid.delegators) sum = checkedAdd(sum, e.delegator.stakedAmount);
  return checkedAdd(sum, bid.stakedAmount);
}

/** `Bid::is_locked_with_vesting_schedule`. */
export function isLocked(bid: Bid, timestampMillis: bigint, periodMillis: bigint): boolean {
  return bid.vestingSchedule !== null && isVesting(bid.vestingSchedule, timestampMillis, periodMillis);
}

/**
 * `Bid::process_with_vesting_schedule`: at or after the bid's release time, initializes its
 * vesting schedule and those of its delegators (each from its own release time). Returns the bid
 * and whether anything was initialized.
 */
export function processWithVestingSchedule(
  bid: Bid,
  timestampMillis: bigint,
  periodMillis: bigint,
): { bid: Bid; initialized: boolean } {
  const vs = bid.vestingSchedule;
  if (vs === null || timestampMillis < vs.initialReleaseTimestampMillis) return { bid, initialized: false };
  let initialized = false;
  let next: Bid = bid;
  const own = initializeWithSchedule(vs, bid.stakedAmount, periodMillis);
  if (own) {
    initialized = true;
    next = { ...next, vestingSchedule: own };
  }
  const delegators = next.delegators.map((e): DelegatorEntry => {
    const dvs = e.delegator.vestingSchedule;
    if (dvs === null || timestampMillis < dvs.initialReleaseTimestampMillis) return e;
    const init = initializeWithSchedule(dvs, e.delegator.stakedAmount, periodMillis);
    if (!init) return e;
    initialized = true;
    return { publicKey: e.publicKey, delegator: { ...e.delegator, vestingSchedule: init } };
  });
  return { bid: { ...next, delegators }, initialized };
}
