/**
 * Auction records stored by the auction system contract (`types/src/system/auction/*.rs`,
 * casper-types 4.0.1): Bid, Delegator, VestingSchedule, UnbondingPurse, WithdrawPurse, EraInfo
 * and SeigniorageAllocation.
 */
import { BytesReprError, type DecodeResult, fromBytes, type Reader, toBytes, type Writer } from './bytesrepr';
import { readSortedVec, writeSortedVec } from './collections';
import { comparePublicKeys, type PublicKey, readPublicKey, writePublicKey } from './public-key';
import { readURef, type URef, writeURef } from './uref';

/** Number of weekly locked amounts in a vesting schedule (91 days / 7 + 1). */
export const LOCKED_AMOUNTS_LENGTH = 14;

/** A founding validator's vesting schedule. */
export interface VestingSchedule {
  /** u64 milliseconds. */
  readonly initialReleaseTimestampMillis: bigint;
  /** Exactly 14 U512 amounts, or null before initialization. */
  readonly lockedAmounts: readonly bigint[] | null;
}

/** A delegation. */
export interface Delegator {
  /** Delegator's key. */
  readonly delegatorPublicKey: PublicKey;
  /** Staked motes. */
  readonly stakedAmount: bigint;
  /** Bonding purse. */
  readonly bondingPurse: URef;
  /** Validator delegated to. */
  readonly validatorPublicKey: PublicKey;
  /** Optional vesting schedule. */
  readonly vestingSchedule: VestingSchedule | null;
}

/** One entry of `Bid.delegators` (BTreeMap<PublicKey, Delegator>). */
export interface DelegatorEntry {
  /** The map key. */
  readonly publicKey: PublicKey;
  /** The delegation. */
  readonly delegator: Delegator;
}

/** A validator bid (StoredValue::Bid). */
export interface Bid {
  /** Validator's key. */
  readonly validatorPublicKey: PublicKey;
  /** Bonding purse. */
  readonly bondingPurse: URef;
  /** Staked motes. */
  readonly stakedAmount: bigint;
  /** Delegation rate, u8 percent. */
  readonly delegationRate: number;
  /** Optional vesting schedule. */
  readonly vestingSchedule: VestingSchedule | null;
  /** Delegators, serialized sorted by public key (tag, then bytes). */
  readonly delegators: readonly DelegatorEntry[];
  /** Inactive flag. */
  readonly inactive: boolean;
}

/** An unbonding request (StoredValue::Unbonding holds a list). */
export interface UnbondingPurse {
  /** Bonding purse. */
  readonly bondingPurse: URef;
  /** Validator. */
  readonly validatorPublicKey: PublicKey;
  /** Who unbonds. */
  readonly unbonderPublicKey: PublicKey;
  /** Era of creation (u64). */
  readonly eraOfCreation: bigint;
  /** Motes. */
  readonly amount: bigint;
  /** Redelegation target, if any. */
  readonly newValidator: PublicKey | null;
}

/** A legacy withdraw request (StoredValue::Withdraw holds a list). */
export interface WithdrawPurse {
  /** Bonding purse. */
  readonly bondingPurse: URef;
  /** Validator. */
  readonly validatorPublicKey: PublicKey;
  /** Who unbonds. */
  readonly unbonderPublicKey: PublicKey;
  /** Era of creation (u64). */
  readonly eraOfCreation: bigint;
  /** Motes. */
  readonly amount: bigint;
}

/** Reward allocation: tag 0 Validator, 1 Delegator. */
export type SeigniorageAllocation =
  | { readonly tag: 0; readonly validatorPublicKey: PublicKey; readonly amount: bigint }
  | {
      readonly tag: 1;
      readonly delegatorPublicKey: PublicKey;
      readonly validatorPublicKey: PublicKey;
      readonly amount: bigint;
    };

/** Era rewards record (StoredValue::EraInfo). */
export interface EraInfo {
  /** Allocations in order. */
  readonly seigniorageAllocations: readonly SeigniorageAllocation[];
}

/** Reads a VestingSchedule. */
export function readVestingSchedule(r: Reader): VestingSchedule {
  const initialReleaseTimestampMillis = r.u64();
  const lockedAmounts = r.option((x) => {
    const a: bigint[] = [];
    for (let i = 0; i < LOCKED_AMOUNTS_LENGTH; i++) a.push(x.u512());
    return a;
  });
  return { initialReleaseTimestampMillis, lockedAmounts };
}

/** Writes a VestingSchedule. */
export function writeVestingSchedule(w: Writer, v: VestingSchedule): void {
  w.u64(v.initialReleaseTimestampMillis);
  w.option(v.lockedAmounts, (x, a) => {
    if (a.length !== LOCKED_AMOUNTS_LENGTH)
      throw new RangeError(`lockedAmounts must have ${LOCKED_AMOUNTS_LENGTH} items`);
    for (const amt of a) x.u512(amt);
  });
}

/** Reads a Delegator. */
export function readDelegator(r: Reader): Delegator {
  const delegatorPublicKey = readPublicKey(r);
  const stakedAmount = r.u512();
  const bondingPurse = readURef(r);
  const validatorPublicKey = readPublicKey(r);
  const vestingSchedule = r.option(readVestingSchedule);
  return { delegatorPublicKey, stakedAmount, bondingPurse, validatorPublicKey, vestingSchedule };
}

/** Writes a Delegator. */
export function writeDelegator(w: Writer, d: Delegator): void {
  writePublicKey(w, d.delegatorPublicKey);
  w.u512(d.stakedAmount);
  writeURef(w, d.bondingPurse);
  writePublicKey(w, d.validatorPublicKey);
  w.option(d.vestingSchedule, writeVestingSchedule);
}

function compareDelegatorEntries(a: DelegatorEntry, b: DelegatorEntry): number {
  return comparePublicKeys(a.publicKey, b.publicKey);
}

/** Reads a Bid. */
export function readBid(r: Reader): Bid {
  const validatorPublicKey = readPublicKey(r);
  const bondingPurse = readURef(r);
  const stakedAmount = r.u512();
  const delegationRate = r.u8();
  const vestingSchedule = r.option(readVestingSchedule);
  const delegators = readSortedVec(
    r,
    (x): DelegatorEntry => {
      const publicKey = readPublicKey(x);
      return { publicKey, delegator: readDelegator(x) };
    },
    compareDelegatorEntries,
  );
  const inactive = r.bool();
  return { validatorPublicKey, bondingPurse, stakedAmount, delegationRate, vestingSchedule, delegators, inactive };
}

/** Writes a Bid (delegators sorted by public key). */
export function writeBid(w: Writer, b: Bid): void {
  writePublicKey(w, b.validatorPublicKey);
  writeURef(w, b.bondingPurse);
  w.u512(b.stakedAmount);
  w.u8(b.delegationRate);
  w.option(b.vestingSchedule, writeVestingSchedule);
  writeSortedVec(
    w,
    b.delegators,
    (x, e) => {
      writePublicKey(x, e.publicKey);
      writeDelegator(x, e.delegator);
    },
    compareDelegatorEntries,
  );
  w.bool(b.inactive);
}

/** Reads an UnbondingPurse. */
export function readUnbondingPurse(r: Reader): UnbondingPurse {
  const bondingPurse = readURef(r);
  const validatorPublicKey = readPublicKey(r);
  const unbonderPublicKey = readPublicKey(r);
  const eraOfCreation = r.u64();
  const amount = r.u512();
  const newValidator = r.option(readPublicKey);
  return { bondingPurse, validatorPublicKey, unbonderPublicKey, eraOfCreation, amount, newValidator };
}

/** Writes an UnbondingPurse. */
export function writeUnbondingPurse(w: Writer, u: UnbondingPurse): void {
  writeURef(w, u.bondingPurse);
  writePublicKey(w, u.validatorPublicKey);
  writePublicKey(w, u.unbonderPublicKey);
  w.u64(u.eraOfCreation);
  w.u512(u.amount);
  w.option(u.newValidator, writePublicKey);
}

/** Reads a WithdrawPurse. */
export function readWithdrawPurse(r: Reader): WithdrawPurse {
  const bondingPurse = readURef(r);
  const validatorPublicKey = readPublicKey(r);
  const unbonderPublicKey = readPublicKey(r);
  const eraOfCreation = r.u64();
  return { bondingPurse, validatorPublicKey, unbonderPublicKey, eraOfCreation, amount: r.u512() };
}

/** Writes a WithdrawPurse. */
export function writeWithdrawPurse(w: Writer, u: WithdrawPurse): void {
  writeURef(w, u.bondingPurse);
  writePublicKey(w, u.validatorPublicKey);
  writePublicKey(w, u.unbonderPublicKey);
  w.u64(u.eraOfCreation);
  w.u512(u.amount);
}

/** Reads a SeigniorageAllocation (tag other than 0/1 → Formatting). */
export function readSeigniorageAllocation(r: Reader): SeigniorageAllocation {
  const tag = r.u8();
  if (tag === 0) {
    const validatorPublicKey = readPublicKey(r);
    return { tag: 0, validatorPublicKey, amount: r.u512() };
  }
  if (tag === 1) {
    const delegatorPublicKey = readPublicKey(r);
    const validatorPublicKey = readPublicKey(r);
    return { tag: 1, delegatorPublicKey, validatorPublicKey, amount: r.u512() };
  }
  return r.fail(BytesReprError.Formatting);
}

/** Writes a SeigniorageAllocation. */
export function writeSeigniorageAllocation(w: Writer, a: SeigniorageAllocation): void {
  w.u8(a.tag);
  if (a.tag === 1) writePublicKey(w, a.delegatorPublicKey);
  writePublicKey(w, a.validatorPublicKey);
  w.u512(a.amount);
}

/** Reads an EraInfo. */
export function readEraInfo(r: Reader): EraInfo {
  return { seigniorageAllocations: r.vec(readSeigniorageAllocation) };
}

/** Writes an EraInfo. */
export function writeEraInfo(w: Writer, e: EraInfo): void {
  w.vec(e.seigniorageAllocations, writeSeigniorageAllocation);
}

/** Decodes exactly one Bid. */
export function decodeBid(bytes: Uint8Array): DecodeResult<Bid> {
  return fromBytes(bytes, readBid);
}

/** Serializes a Bid. */
export function encodeBid(b: Bid): Uint8Array {
  return toBytes(b, writeBid, 160);
}

/** Decodes exactly one EraInfo. */
export function decodeEraInfo(bytes: Uint8Array): DecodeResult<EraInfo> {
  return fromBytes(bytes, readEraInfo);
}

/** Serializes an EraInfo. */
export function encodeEraInfo(e: EraInfo): Uint8Array {
  return toBytes(e, writeEraInfo, 64);
}
