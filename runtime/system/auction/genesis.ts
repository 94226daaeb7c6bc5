/**
 * The auction's genesis state (casper-node 1.5.6 `core/engine_state/genesis.rs` create_auction):
 * a bonding purse and a locked Bid per genesis validator, and the auction contract's named keys
 * era_id, era_end_timestamp_millis, seigniorage_recipients_snapshot, validator_slots,
 * auction_delay, locked_funds_period and unbonding_delay, each a READ_ADD_WRITE URef to a
 * CLValue. Addresses are drawn from the genesis address generator in the node's order (bonding
 * purses, then the seven named-key URefs), so genesis stays deterministic.
 *
 * Genesis time is 0 ms: a genesis bid's vesting schedule starts at locked_funds_period, and
 * era_end_timestamp_millis starts at 0 (INITIAL_ERA_END_TIMESTAMP_MILLIS).
 */

import type { ChainspecCosts } from '../../costs';
import type { AddressGenerator } from '../../state/address-generator';
import type { TrackingCopy } from '../../state/tracking-copy';
import type { Bid } from '../../types/auction';
import { CLValue } from '../../types/clvalue';
import { bidKey, hashKey, type Key } from '../../types/key';
import { comparePublicKeys, type PublicKey, publicKeyAccountHash, publicKeyEquals } from '../../types/public-key';
import { recipientFromBid, snapshotCLValue, type SnapshotEra } from '../../types/seigniorage';
import { storedCLValue } from '../../types/stored-value';
import { AccessRights, newURef } from '../../types/uref';
import { createPurse } from '../mint';
import { DELEGATION_RATE_DENOMINATOR, lockedBid } from './model';
import { AuctionKeys, durationMillis } from './runtime';

/** A validator bonded at genesis (chainspec accounts.toml `[[accounts]]` with a `validator`). */
export interface GenesisValidator {
  /** The validator's key; an account is created for it too. */
  readonly publicKey: PublicKey;
  /** Motes bonded at genesis (must be > 0). */
  readonly bondedAmount: bigint;
  /** Delegation rate, 0..=100. */
  readonly delegationRate: number;
  /** Liquid balance of the validator's main purse (default 0). */
  readonly balance?: bigint;
}

/** `INITIAL_ERA_ID`. */
const INITIAL_ERA_ID = 0n;
/** `INITIAL_ERA_END_TIMESTAMP_MILLIS`. */
const INITIAL_ERA_END_TIMESTAMP_MILLIS = 0n;
/** Genesis timestamp of the emulated chain. */
const GENESIS_TIMESTAMP_MILLIS = 0n;

/**
 * Checks genesis validators as the node's genesis does (more validators than validator_slots,
 * a zero bond, a delegation rate above 100, or a key given twice is a genesis error, thrown).
 */
export function checkGenesisValidators(validators: readonly GenesisValidator[], costs: ChainspecCosts): void {
  if (validators.length > costs.core.validator_slots) {
    throw new Error(`genesis: ${validators.length} validators exceed validator_slots = ${costs.core.validator_slots}`);
  }
  validators.forEach((v, i) => {
    if (v.bondedAmount <= 0n) throw new Error(`genesis: validator ${i} has a zero bond (InvalidBondAmount)`);
    if (!Number.isInteger(v.delegationRate) || v.delegationRate < 0 || v.delegationRate > DELEGATION_RATE_DENOMINATOR) {
      throw new Error(`genesis: validator ${i} has delegation rate ${v.delegationRate} (InvalidDelegationRate)`);
    }
    if (validators.findIndex((w) => publicKeyEquals(w.publicKey, v.publicKey)) !== i) {
      throw new Error(`genesis: validator ${i} is given twice`);
    }
  });
}

/**
 * Writes the auction's genesis state into `tc` and sets the named keys of the auction contract
 * at `auctionHash` (already stored). The validators' accounts are created by the caller.
 */
export function installAuction(
  tc: TrackingCopy,
  rng: AddressGenerator,
  auctionHash: Uint8Array,
  validators: readonly GenesisValidator[],
  costs: ChainspecCosts,
): void {
  checkGenesisValidators(validators, costs);
  const core = costs.core;
  const lockedFundsPeriodMillis = durationMillis(core.locked_funds_period);
  const releaseTimestampMillis = GENESIS_TIMESTAMP_MILLIS + lockedFundsPeriodMillis;
  const auctionDelay = BigInt(core.auction_delay);

  const bids: Bid[] = validators.map((v) =>
    lockedBid(
      v.publicKey,
      createPurse(tc, rng, v.bondedAmount),
      v.bondedAmount,
      v.delegationRate,
      releaseTimestampMillis,
    ),
  );
  bids.sort((a, b) => comparePublicKeys(a.validatorPublicKey, b.validatorPublicKey));

  const recipients = bids.map((b) => ({ publicKey: b.validatorPublicKey, recipient: recipientFromBid(b) }));
  const snapshot: SnapshotEra[] = [];
  for (let era = INITIAL_ERA_ID; era <= INITIAL_ERA_ID + auctionDelay; era++) snapshot.push({ era, recipients });

  const namedKeys = new Map<string, Key>();
  const put = (name: string, value: CLValue) => {
    const uref = newURef(rng.createAddress(), AccessRights.READ_ADD_WRITE);
    tc.write({ tag: 2, uref }, storedCLValue(value));
    namedKeys.set(name, { tag: 2, uref });
  };
  put(AuctionKeys.eraId, CLValue.u64(INITIAL_ERA_ID));
  put(AuctionKeys.eraEndTimestampMillis, CLValue.u64(INITIAL_ERA_END_TIMESTAMP_MILLIS));
  put(AuctionKeys.seigniorageRecipientsSnapshot, snapshotCLValue(snapshot));
  for (const bid of bids) tc.write(bidKey(publicKeyAccountHash(bid.validatorPublicKey)), { tag: 8, bid });
  put(AuctionKeys.validatorSlots, CLValue.u32(core.validator_slots));
  put(AuctionKeys.auctionDelay, CLValue.u64(auctionDelay));
  put(AuctionKeys.lockedFundsPeriod, CLValue.u64(lockedFundsPeriodMillis));
  put(AuctionKeys.unbondingDelay, CLValue.u64(BigInt(core.unbonding_delay)));

  const stored = tc.peek(hashKey(auctionHash));
  if (!stored || stored.tag !== 3) throw new Error('genesis: no auction contract to give named keys');
  tc.write(hashKey(auctionHash), { tag: 3, contract: { ...stored.contract, namedKeys } });
}
