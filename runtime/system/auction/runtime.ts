/**
 * What the auction needs from the host (casper-node 1.5.6 `system/auction/providers.rs`,
 * implemented by `core/runtime/auction_internal.rs`): its named-key values, Bid and Unbonding
 * records, the caller checks, and the mint (purses, balances, direct transfers).
 *
 * The emulator runs the auction in the caller's RuntimeContext with the auction's frame on top
 * of the call stack (as `call_host_auction` runs it in a runtime whose stack ends with that frame).
 * Differences from running in the caller's context are avoided deliberately: the auction's reads
 * and writes go straight to the tracking copy (system contracts pay no storage gas), and purses it
 * creates are not granted to the caller (on the node they belong to the auction's context).
 */

import type { RuntimeContext } from '../../engine/context';
import { ExecutionError } from '../../engine/errors';
import type { TrackingCopy } from '../../state/tracking-copy';
import type { Bid, UnbondingPurse } from '../../types/auction';
import { bytesEqual } from '../../types/bytes';
import { type CLType, CLTypes } from '../../types/cltype';
import type { CLValue } from '../../types/clvalue';
import type { Contract } from '../../types/contract';
import { accountKey, bidKey, compareKeys, hashKey, type Key, keyStateId, unbondKey } from '../../types/key';
import { publicKeyAccountHash } from '../../types/public-key';
import {
  decodeSnapshot,
  type SeigniorageRecipientsSnapshot,
  SNAPSHOT_CL_TYPE,
  type SnapshotEra,
} from '../../types/seigniorage';
import { storedCLValue } from '../../types/stored-value';
import type { URef } from '../../types/uref';
import { createPurse } from '../mint';
import { inMintFrame, isSystemCaller, mintTransfer, readPurseBalance } from '../transfer';
import { AuctionError, auctionRevert } from './errors';

/** Named keys of the auction contract (casper-types `system::auction` constants). */
export const AuctionKeys = {
  eraId: 'era_id',
  eraEndTimestampMillis: 'era_end_timestamp_millis',
  seigniorageRecipientsSnapshot: 'seigniorage_recipients_snapshot',
  validatorSlots: 'validator_slots',
  auctionDelay: 'auction_delay',
  lockedFundsPeriod: 'locked_funds_period',
  unbondingDelay: 'unbonding_delay',
} as const;

/** Milliseconds of a humantime duration as the chainspec writes them ("120 minutes", "0 days", "1h 30m"). */
export function durationMillis(text: string): bigint {
  const units: Record<string, bigint> = {
    ms: 1n,
    msec: 1n,
    millis: 1n,
    s: 1000n,
    sec: 1000n,
    secs: 1000n,
    second: 1000n,
    seconds: 1000n,
    m: 60_000n,
    min: 60_000n,
    mins: 60_000n,
    minute: 60_000n,
    minutes: 60_000n,
    h: 3_600_000n,
    hr: 3_600_000n,
    hrs: 3_600_000n,
    hour: 3_600_000n,
    hours: 3_600_000n,
    d: 86_400_000n,
    day: 86_400_000n,
    days: 86_400_000n,
    w: 604_800_000n,
    week: 604_800_000n,
    weeks: 604_800_000n,
  };
  let total = 0n;
  const re = /(\d+)\s*([a-z]+)/g;
  let matched = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const unit = units[m[2]];
    if (unit === undefined) throw new Error(`unknown duration unit in ${JSON.stringify(text)}`);
    total += BigInt(m[1]) * unit;
    matched += m[0];
  }
  if (matched.replace(/\s/g, '') !== text.replace(/\s/g, '')) throw new Error(`bad duration ${JSON.stringify(text)}`);
  return total;
}

/** The auction's view of one call: the caller's context, with the auction frame on top of the stack. */
export class AuctionRuntime {
  /** The auction contract's named keys (as `call_host_auction` loads them). */
  readonly namedKeys: ReadonlyMap<string, Key>;
  /** The tracking copy. */
  readonly tc: TrackingCopy;

  constructor(
    /** The caller's invocation (its phase holds the stack, gas, RNG and the deploy's account). */
    readonly ctx: RuntimeContext,
  ) {
    this.tc = ctx.phase.tc;
    this.namedKeys = auctionContract(ctx).namedKeys;
  }

  // ---- RuntimeProvider

  /** `get_caller`: the deploy's account hash. */
  caller(): Uint8Array {
    return this.ctx.phase.account.accountHash;
  }

  /** True when the deploy's account is the system account. */
  isSystem(): boolean {
    return isSystemCaller(this.ctx);
  }

  /**
   * `is_allowed_session_caller`: the system account always; otherwise the immediate caller (the
   * frame under the auction's) must be a Session frame of exactly `accountHash`.
   */
  isAllowedSessionCaller(accountHash: Uint8Array): boolean {
    if (this.isSystem()) return true;
    const stack = this.ctx.phase.callStack;
    const caller = stack[stack.length - 2];
    return caller?.tag === 0 && bytesEqual(caller.accountHash, accountHash);
  }

  /** `allow_auction_bids` (chainspec core). */
  allowAuctionBids(): boolean {
    return this.ctx.phase.services.costs.core.allow_auction_bids;
  }

  /** `vesting_schedule_period_millis` (chainspec core `vesting_schedule_period`). */
  vestingSchedulePeriodMillis(): bigint {
    return durationMillis(this.ctx.phase.services.costs.core.vesting_schedule_period);
  }

  /** Engine config `max_delegators_per_validator`: the chainspec figure, 0 = None (no limit). */
  maxDelegatorsPerValidator(): number | null {
    const n = this.ctx.phase.services.costs.core.max_delegators_per_validator;
    return n === 0 ? null : n;
  }

  /** Engine config `minimum_delegation_amount` (u64 motes). */
  minimumDelegationAmount(): bigint {
    return BigInt(this.ctx.phase.services.costs.core.minimum_delegation_amount);
  }

  /** `get_keys(tag)`: every key of that tag in global state as this phase sees it, in Key order. */
  getKeys(tag: number): Key[] {
    const out = new Map<string, Key>();
    for (const [id, e] of this.tc.state.entries) if (e.key.tag === tag) out.set(id, e.key);
    for (const t of this.tc.effects()) if (t.key.tag === tag) out.set(keyStateId(t.key), t.key);
    return [...out.values()].filter((k) => this.tc.peek(k) !== undefined).sort(compareKeys);
  }

  // ---- StorageProvider (named-key values)

  private namedURef(name: string): URef {
    const key = this.namedKeys.get(name);
    if (!key) throw auctionRevert(AuctionError.MissingKey);
    if (key.tag !== 2) throw auctionRevert(AuctionError.InvalidKeyVariant);
    return key.uref;
  }

  /** `read_from(name)`: the CLValue under the named-key URef, typed exactly as `into_t` checks it. */
  readNamed<T>(name: string, type: CLType, read: (v: CLValue) => { ok: true; value: T } | { ok: false }): T {
    const uref = this.namedURef(name);
    const v = this.tc.read({ tag: 2, uref });
    if (!v) throw auctionRevert(AuctionError.MissingValue);
    if (v.tag !== 0) throw auctionRevert(AuctionError.Storage);
    if (!v.clValue.hasType(type)) throw auctionRevert(AuctionError.CLValue);
    const r = read(v.clValue);
    if (!r.ok) throw auctionRevert(AuctionError.CLValue);
    return r.value;
  }

  /** `write_to(name, value)`. */
  writeNamed(name: string, value: CLValue): void {
    const uref = this.namedURef(name);
    this.tc.write({ tag: 2, uref }, storedCLValue(value));
  }

  /** `get_era_id`. */
  eraId(): bigint {
    return this.readNamed(AuctionKeys.eraId, CLTypes.U64, (v) => v.asU64());
  }

  /** `get_era_end_timestamp_millis`. */
  eraEndTimestampMillis(): bigint {
    return this.readNamed(AuctionKeys.eraEndTimestampMillis, CLTypes.U64, (v) => v.asU64());
  }

  /** `get_unbonding_delay`. */
  unbondingDelay(): bigint {
    return this.readNamed(AuctionKeys.unbondingDelay, CLTypes.U64, (v) => v.asU64());
  }

  /** `get_auction_delay`. */
  auctionDelay(): bigint {
    return this.readNamed(AuctionKeys.auctionDelay, CLTypes.U64, (v) => v.asU64());
  }

  /** `get_validator_slots` (u32). */
  validatorSlots(): number {
    return this.readNamed(AuctionKeys.validatorSlots, CLTypes.U32, (v) => v.asU32());
  }

  /** `get_seigniorage_recipients_snapshot`. */
  snapshot(): SeigniorageRecipientsSnapshot {
    return this.readNamed<SnapshotEra[]>(AuctionKeys.seigniorageRecipientsSnapshot, SNAPSHOT_CL_TYPE, (v) => {
      const r = decodeSnapshot(v.bytes);
      return r.ok ? { ok: true, value: r.value } : { ok: false };
    });
  }

  // ---- StorageProvider (records)

  /** `read_bid`: the Bid at Key::Bid(accountHash), undefined if none (another record → Storage). */
  readBid(accountHash: Uint8Array): Bid | undefined {
    const v = this.tc.read(bidKey(accountHash));
    if (!v) return undefined;
    if (v.tag !== 8) throw auctionRevert(AuctionError.Storage);
    return v.bid;
  }

  /** `write_bid` (no storage gas: the auction is a system contract). */
  writeBid(accountHash: Uint8Array, bid: Bid): void {
    this.tc.write(bidKey(accountHash), { tag: 8, bid });
  }

  /** `read_unbond`: the list at Key::Unbond(accountHash), empty if none. */
  readUnbond(accountHash: Uint8Array): UnbondingPurse[] {
    const v = this.tc.read(unbondKey(accountHash));
    if (!v) return [];
    if (v.tag !== 10) throw auctionRevert(AuctionError.Storage);
    return [...v.unbonding];
  }

  /** `write_unbond` (an empty list is written as such, not deleted). */
  writeUnbond(accountHash: Uint8Array, purses: readonly UnbondingPurse[]): void {
    this.tc.write(unbondKey(accountHash), { tag: 10, unbonding: purses });
  }

  // ---- AccountProvider / MintProvider

  /** `get_main_purse`: the deploy account's main purse, full rights (the auction's exception). */
  mainPurse(): URef {
    return this.ctx.phase.account.mainPurse;
  }

  /**
   * `create_purse` (the mint's `create` through call_contract, inside host-function scope): no
   * gas; a full call stack → CreatePurseFailed. The purse is not granted to the caller.
   */
  createPurse(): URef {
    try {
      return inMintFrame(this.ctx, () => createPurse(this.tc, this.ctx.phase.rng));
    } catch (e) {
      if (e instanceof ExecutionError && e.kind !== 'GasLimit') throw auctionRevert(AuctionError.CreatePurseFailed);
      throw e;
    }
  }

  /** `get_balance`: Key::Balance read directly (no mint frame); undefined if no purse. */
  getBalance(purse: URef): bigint | undefined {
    const b = readPurseBalance(this.ctx, purse.addr);
    if (b !== undefined && typeof b !== 'bigint') throw auctionRevert(AuctionError.CLValue);
    return b;
  }

  /**
   * `mint_transfer_direct`: the source must be the deploy account's main purse unless the caller
   * is the system account (else InvalidCaller); then the mint's `transfer` runs in a mint frame
   * (its cost is not charged: the gas counter is restored). Returns undefined or the mint error
   * number; a failure of the call itself (a full call stack) is `outerError`.
   */
  mintTransferDirect(
    to: Uint8Array | null,
    source: URef,
    target: URef,
    amount: bigint,
    outerError: number,
  ): number | undefined {
    if (!(bytesEqual(this.mainPurse().addr, source.addr) || this.isSystem())) {
      throw auctionRevert(AuctionError.InvalidCaller);
    }
    try {
      return inMintFrame(this.ctx, () => mintTransfer(this.ctx, { to, source, target, amount, id: null }));
    } catch (e) {
      if (e instanceof ExecutionError && e.kind !== 'GasLimit') throw auctionRevert(outerError);
      throw e;
    }
  }

  /**
   * `unbond`: pays an unbonding purse out to the unbonder's main purse (a mint transfer with
   * `to` = the unbonder's account hash). No account → InvalidPublicKey; another record →
   * CLValue; a failed transfer → Transfer.
   */
  unbond(purse: UnbondingPurse): void {
    const accountHash = publicKeyAccountHash(purse.unbonderPublicKey);
    const v = this.tc.read(accountKey(accountHash));
    if (!v) throw auctionRevert(AuctionError.InvalidPublicKey);
    if (v.tag !== 1) throw auctionRevert(AuctionError.CLValue);
    const err = this.mintTransferDirect(
      accountHash,
      purse.bondingPurse,
      v.account.mainPurse,
      purse.amount,
      AuctionError.Transfer,
    );
    if (err !== undefined) throw auctionRevert(AuctionError.Transfer);
  }
}

/** The auction contract record (`get_contract(auction_hash)`). */
export function auctionContract(ctx: RuntimeContext): Contract {
  const v = ctx.phase.tc.read(hashKey(ctx.phase.services.system.auction));
  if (!v || v.tag !== 3) throw new Error('no auction contract in global state');
  return v.contract;
}
